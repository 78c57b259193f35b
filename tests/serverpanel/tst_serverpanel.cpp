#include "tests/common/testclient.h"
#include "tests/common/testwindow.h"
#include "ui/mainwindow.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTcpServer>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int Timeout = 10000;

QSpinBox *portSpin(MainWindow &window)
{
    return window.findChild<QSpinBox *>(u"portSpin"_s);
}

QString stateText(MainWindow &window)
{
    return window.findChild<QLabel *>(u"serverStateLabel"_s)->text();
}

// Types text over the port field's and presses Enter.
void typePort(QSpinBox *spin, const QString &text)
{
    spin->setFocus();
    spin->selectAll();
    QTest::keyClick(spin, Qt::Key_Delete);
    QTest::keyClicks(spin, text);
    QTest::keyClick(spin, Qt::Key_Return);
}

} // namespace

class tst_ServerPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void typedPort_data();
    void typedPort();
    void staleErrorClears_data();
    void staleErrorClears();
    void portZeroShowsThePortPicked();
};

void tst_ServerPanel::initTestCase()
{
    TestWindow::isolateSettings(u"tst_serverpanel"_s);
}

void tst_ServerPanel::cleanup()
{
    TestWindow::clearSettings();
}

void tst_ServerPanel::typedPort_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<int>("port"); // the field's value after Enter
    QTest::addColumn<QString>("state"); // the state line after Enter
    const QString refused = u"Error: Ports go from 1 to 65535 (0: any free), not %1"_s;
    QTest::newRow("8080") << u"8080"_s << 8080 << u"Stopped"_s;
    QTest::newRow("65535") << u"65535"_s << 65535 << u"Stopped"_s;
    QTest::newRow("0") << u"0"_s << 0 << u"Stopped"_s;
    // Refused with a message, the field back to the last port (not 7000, the first four digits).
    QTest::newRow("70000") << u"70000"_s << 9000 << refused.arg(u"70000"_s);
    QTest::newRow("65536") << u"65536"_s << 9000 << refused.arg(u"65536"_s);
    QTest::newRow("999999") << u"999999"_s << 9000 << refused.arg(u"999999"_s);
}

void tst_ServerPanel::typedPort()
{
    QFETCH(QString, typed);
    QFETCH(int, port);
    QFETCH(QString, state);
    ServerConfig config = TestWindow::config();
    config.port = 9000;
    MainWindow window(config);
    QVERIFY(TestWindow::show(window));
    QSpinBox *spin = portSpin(window);
    QCOMPARE(spin->value(), 9000);
    typePort(spin, typed);
    QCOMPARE(spin->value(), port);
    QCOMPARE(window.config().port, quint16(port));
    QCOMPARE(stateText(window), state);
    // The next valid port clears a refusal.
    typePort(spin, u"9001"_s);
    QCOMPARE(spin->value(), 9001);
    QCOMPARE(stateText(window), u"Stopped"_s);
}

void tst_ServerPanel::staleErrorClears_data()
{
    QTest::addColumn<bool>("byPort"); // the port changes, else who can connect
    QTest::newRow("another port") << true;
    QTest::newRow("another address") << false;
}

void tst_ServerPanel::staleErrorClears()
{
    QFETCH(bool, byPort);
    QTcpServer busy;
    QVERIFY(busy.listen(QHostAddress::LocalHost, 0));
    ServerConfig config = TestWindow::config();
    config.port = busy.serverPort();
    MainWindow window(config);
    QVERIFY(TestWindow::show(window));
    window.startServer();
    QTRY_VERIFY_WITH_TIMEOUT(stateText(window).startsWith(u"Error: "_s), Timeout);

    if (byPort) {
        typePort(portSpin(window), QString::number(busy.serverPort() + 1));
    } else {
        auto *bind = window.findChild<QComboBox *>(u"bindCombo"_s);
        QVERIFY(bind);
        bind->setFocus();
        QTest::keyClick(bind, Qt::Key_Down); // activated: another choice
    }
    QCOMPARE(stateText(window), u"Stopped"_s);

    // The same failure again shows again.
    typePort(portSpin(window), QString::number(busy.serverPort()));
    window.startServer();
    QTRY_VERIFY_WITH_TIMEOUT(stateText(window).startsWith(u"Error: "_s), Timeout);
}

void tst_ServerPanel::portZeroShowsThePortPicked()
{
    MainWindow window(TestWindow::config()); // port 0
    QVERIFY(TestWindow::show(window));
    QSpinBox *spin = portSpin(window);
    QCOMPARE(spin->value(), 0);
    QCOMPARE(spin->text(), u"any free"_s);
    QVERIFY(TestWindow::startServer(window));
    QVERIFY(window.port() != 0);
    QTRY_COMPARE_WITH_TIMEOUT(spin->text(), QString::number(window.port()), Timeout);
    QCOMPARE(spin->value(), 0); // the next start picks again
    window.stopServer();
    QTRY_VERIFY_WITH_TIMEOUT(!window.isListening(), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(spin->text(), u"any free"_s, Timeout);
}

QTEST_MAIN(tst_ServerPanel)
#include "tst_serverpanel.moc"
