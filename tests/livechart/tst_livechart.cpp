// StatsHistory turns the server's periodic counters into rates over a span; LiveChart draws them;
// the window feeds it from the running server and shows it in a dock (View › Live Chart).

#include "server/statshistory.h"
#include "tests/common/testclient.h"
#include "tests/common/testwindow.h"
#include "ui/livechart.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QDockWidget>
#include <QImage>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_LiveChart final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void rates();
    void spanAndRestart();
    void niceCeiling();
    void drawsBothSeries();
    void inTheWindow();
};

namespace {

ServerStats stats(qint64 uptimeMs, qint64 roomMessages, int connections, qint64 framesIn = 0)
{
    ServerStats s;
    s.uptimeMs = uptimeMs;
    s.roomMessages = roomMessages;
    s.connections = connections;
    s.messagesIn = framesIn;
    return s;
}

// Pixels close to colour inside the plot's middle (away from the legend and the scales).
int pixelsLike(const QImage &image, const QColor &color)
{
    int n = 0;
    for (int y = image.height() / 3; y < image.height() - 30; ++y) {
        for (int x = image.width() / 5; x < image.width() * 4 / 5; ++x) {
            const QColor c = image.pixelColor(x, y);
            if (qAbs(c.red() - color.red()) < 12 && qAbs(c.green() - color.green()) < 12
                && qAbs(c.blue() - color.blue()) < 12) {
                ++n;
            }
        }
    }
    return n;
}

} // namespace

void tst_LiveChart::initTestCase()
{
    TestWindow::isolateSettings(u"tst_livechart"_s);
}

void tst_LiveChart::cleanupTestCase()
{
    TestWindow::clearSettings();
}

void tst_LiveChart::rates()
{
    StatsHistory h(60000);
    h.add(stats(500, 0, 1, 0));
    QVERIFY(h.points().isEmpty()); // no rate from one snapshot
    h.add(stats(1000, 5, 3, 12));
    QCOMPARE(h.points().size(), 1);
    QCOMPARE(h.points().at(0).uptimeMs, 1000);
    QCOMPARE(h.points().at(0).messagesPerSecond, 10.0); // 5 in half a second
    QCOMPARE(h.points().at(0).framesPerSecond, 24.0);
    QCOMPARE(h.points().at(0).connections, 3);
    h.add(stats(2000, 5, 2, 12));
    QCOMPARE(h.points().at(1).messagesPerSecond, 0.0);
    QCOMPARE(h.maxMessagesPerSecond(), 10.0);
    QCOMPARE(h.maxConnections(), 3);
    h.add(stats(2000, 9, 2)); // the same moment again: no point
    QCOMPARE(h.points().size(), 2);
}

void tst_LiveChart::spanAndRestart()
{
    StatsHistory h(10000);
    for (int i = 0; i <= 60; ++i)
        h.add(stats(i * 500, i * 2, i));
    // 10 s of points at two a second, and the one on the span's edge.
    QCOMPARE(h.points().size(), 21);
    QCOMPARE(h.points().first().uptimeMs, 20000);
    QCOMPARE(h.points().last().connections, 60);
    QCOMPARE(h.maxMessagesPerSecond(), 4.0);
    // A restarted server's counters start again from zero: a new history, no negative rate.
    h.add(stats(500, 0, 0));
    QVERIFY(h.points().isEmpty());
    h.add(stats(1000, 1, 1));
    QCOMPARE(h.points().size(), 1);
    QCOMPARE(h.points().first().messagesPerSecond, 2.0);
    h.clear();
    QVERIFY(h.points().isEmpty());
}

void tst_LiveChart::niceCeiling()
{
    QCOMPARE(LiveChart::niceCeiling(0), 1.0);
    QCOMPARE(LiveChart::niceCeiling(0.3), 1.0);
    QCOMPARE(LiveChart::niceCeiling(1.5), 2.0);
    QCOMPARE(LiveChart::niceCeiling(3), 5.0);
    QCOMPARE(LiveChart::niceCeiling(7), 10.0);
    QCOMPARE(LiveChart::niceCeiling(10), 10.0);
    QCOMPARE(LiveChart::niceCeiling(11), 20.0);
    QCOMPARE(LiveChart::niceCeiling(480), 500.0);
    QCOMPARE(LiveChart::niceCeiling(1001), 2000.0);
}

void tst_LiveChart::drawsBothSeries()
{
    LiveChart chart;
    chart.resize(640, 260);
    const QImage empty = chart.grab().toImage();
    QCOMPARE(pixelsLike(empty, LiveChart::messagesColor()), 0);
    QCOMPARE(pixelsLike(empty, LiveChart::connectionsColor()), 0);

    // Three minutes: messages rising and falling, connections stepping up.
    qint64 messages = 0;
    for (int i = 0; i <= 360; ++i) {
        messages += (i % 120) / 4;
        chart.addStats(stats(i * 500, messages, 5 + i / 20));
    }
    QCOMPARE(chart.history().points().size(), 360);
    const QImage drawn = chart.grab().toImage();
    QVERIFY(pixelsLike(drawn, LiveChart::messagesColor()) > 100);
    QVERIFY(pixelsLike(drawn, LiveChart::connectionsColor()) > 100);

    chart.clear();
    QVERIFY(chart.history().points().isEmpty());
    QCOMPARE(pixelsLike(chart.grab().toImage(), LiveChart::messagesColor()), 0);
}

void tst_LiveChart::inTheWindow()
{
    MainWindow window(TestWindow::config());
    QVERIFY(TestWindow::show(window));
    auto *dock = window.findChild<QDockWidget *>(u"liveChartDock"_s);
    QVERIFY(dock);
    QCOMPARE(dock->widget(), window.liveChart());
    QVERIFY(!dock->isVisible()); // people first: the chart starts hidden
    QAction *toggle = dock->toggleViewAction();
    QCOMPARE(toggle->shortcut(), QKeySequence(u"Ctrl+Shift+G"_s));
    toggle->trigger();
    QVERIFY(dock->isVisible());
    toggle->trigger();
    QVERIFY(!dock->isVisible());
    toggle->trigger();
    QVERIFY(dock->isVisible());

    QVERIFY(TestWindow::startServer(window));
    TestClient a;
    TestClient b;
    QVERIFY(a.openNative(TestWindow::url(window, u"/chat?name=a&room=lobby"_s), true));
    QVERIFY(b.openNative(TestWindow::url(window, u"/chat?name=b&room=lobby"_s), true));
    QTRY_VERIFY_WITH_TIMEOUT(!window.liveChart()->history().points().isEmpty()
                                 && window.liveChart()->history().points().last().connections == 2,
                             TestClient::Timeout);
    for (int i = 0; i < 10; ++i) {
        a.send(QJsonObject {
            {"type"_L1, "message"_L1}, {"room"_L1, "lobby"_L1}, {"text"_L1, u"m%1"_s.arg(i)}});
    }
    QJsonObject frame;
    QVERIFY(b.nextOfType(u"message"_s, &frame));
    QTRY_VERIFY_WITH_TIMEOUT(window.liveChart()->history().maxMessagesPerSecond() > 0,
                             TestClient::Timeout);
}

QTEST_MAIN(tst_LiveChart)
#include "tst_livechart.moc"
