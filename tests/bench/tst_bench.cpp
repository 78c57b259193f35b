#include "tests/common/testserver.h"

#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr int Timeout = 120000;

struct BenchRun
{
    int exitCode = -1;
    QJsonObject results;
    QByteArray errors;
};

BenchRun runBench(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(WSROOM_BENCH), arguments);
    BenchRun run;
    if (!process.waitForStarted() || !process.waitForFinished(Timeout)) {
        process.kill();
        process.waitForFinished();
        run.errors = "wsroom-bench did not finish";
        return run;
    }
    run.exitCode = process.exitCode();
    run.errors = process.readAllStandardError();
    run.results = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    return run;
}

} // namespace

class tst_Bench : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void broadcast_data();
    void broadcast();
    void comparisonServers_data();
    void comparisonServers();
    void idleConnections();
    void chart();
    void badArguments();

private:
    TestServer m_server;
};

void tst_Bench::init()
{
    m_server.init();
}

void tst_Bench::cleanup()
{
    m_server.cleanup();
}

void tst_Bench::broadcast_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("room"); // --room, if any
    QTest::addColumn<QStringList>("more"); // further arguments
    QTest::newRow("chat") << u"chat"_s << QString() << QStringList();
    QTest::newRow("native") << u"native"_s << QString() << QStringList();
    QTest::newRow("native in lobby") << u"native"_s << u"lobby"_s << QStringList();
    QTest::newRow("chat, text") << u"chat"_s << QString()
                                << QStringList {u"--payload"_s, u"text"_s};
    QTest::newRow("native, 4 KB JSON")
        << u"native"_s << QString()
        << QStringList {u"--payload"_s, u"json"_s, u"--size"_s, u"4096"_s};
    QTest::newRow("chat, deflate") << u"chat"_s << QString() << QStringList {u"--deflate"_s};
    QTest::newRow("native, deflate, 4 KB JSON")
        << u"native"_s << QString()
        << QStringList {u"--deflate"_s, u"--payload"_s, u"json"_s, u"--size"_s, u"4096"_s};
}

void tst_Bench::broadcast()
{
    QFETCH(QString, dialect);
    QFETCH(QString, room);
    QFETCH(QStringList, more);
    QVERIFY(m_server.start());
    const quint16 port = m_server.port();
    QStringList arguments {u"--url"_s, u"ws://127.0.0.1:%1"_s.arg(port), u"--dialect"_s, dialect};
    arguments << u"--clients"_s << u"30"_s << u"--senders"_s << u"3"_s << u"--messages"_s
              << u"200"_s << u"--window"_s << u"4"_s << u"--server-pid"_s
              << QString::number(QCoreApplication::applicationPid()) << u"--json"_s
              << u"--progress"_s << u"off"_s;
    if (!room.isEmpty())
        arguments << u"--room"_s << room;
    arguments << more;
    const BenchRun run = runBench(arguments);
    QVERIFY2(run.exitCode == 0, run.errors.constData());
    const QJsonObject &r = run.results;
    QCOMPARE(r.value("expected"_L1).toInteger(), 30 * 3 * 200);
    QCOMPARE(r.value("deliveries"_L1).toInteger(), 30 * 3 * 200);
    QCOMPARE(r.value("missing"_L1).toInteger(), 0);
    QCOMPARE(r.value("out_of_order"_L1).toInteger(), 0);
    QCOMPARE(r.value("duplicates"_L1).toInteger(), 0);
    QCOMPARE(r.value("errors"_L1).toInteger(), 0);
    QCOMPARE(r.value("connect"_L1).toObject().value("opened"_L1).toInt(), 30);
    QVERIFY(r.value("deliveries_per_s"_L1).toDouble() > 0);
    const QJsonObject latency = r.value("latency"_L1).toObject();
    QVERIFY(latency.value("p99_ms"_L1).toDouble() <= latency.value("max_ms"_L1).toDouble());
    QVERIFY(r.value("server"_L1).toObject().value("cpu_us_per_delivery"_L1).toDouble() > 0);
    // Every delivery came through the sockets after the warm-up, compressed when agreed (the
    // server sends a message plain only when deflate cannot shrink it).
    const QJsonObject wire = r.value("wire"_L1).toObject();
    const bool deflate = more.contains(u"--deflate"_s);
    QCOMPARE(wire.value("deflate"_L1).toBool(), deflate);
    const qint64 compressed = wire.value("messages_in_compressed"_L1).toInteger();
    const qint64 plain = wire.value("messages_in_plain"_L1).toInteger();
    QCOMPARE(compressed + plain, 30 * 3 * 200);
    QCOMPARE(compressed, deflate ? 30 * 3 * 200 : 0);
    const double perDelivery = wire.value("bytes_per_delivery"_L1).toDouble();
    QCOMPARE(perDelivery,
             double(wire.value("bytes_in"_L1).toInteger() + wire.value("bytes_out"_L1).toInteger())
                 / (30 * 3 * 200));
    QVERIFY2(perDelivery > (deflate ? 4 : 64), qPrintable(QString::number(perDelivery)));
    if (deflate) {
        // The same run without --deflate puts more bytes on the wire.
        arguments.removeAll(u"--deflate"_s);
        const BenchRun plainRun = runBench(arguments);
        QVERIFY2(plainRun.exitCode == 0, plainRun.errors.constData());
        const double plainPerDelivery = plainRun.results.value("wire"_L1)
                                            .toObject()
                                            .value("bytes_per_delivery"_L1)
                                            .toDouble();
        QVERIFY2(perDelivery < plainPerDelivery,
                 qPrintable(u"%1 vs %2"_s.arg(perDelivery).arg(plainPerDelivery)));
    }
}

void tst_Bench::comparisonServers_data()
{
    QTest::addColumn<QString>("program");
    QTest::newRow("naive QtWebSockets loop") << QStringLiteral(NAIVE_SERVER);
    QTest::newRow("raw epoll floor") << QStringLiteral(FLOOR_SERVER);
}

void tst_Bench::comparisonServers()
{
    QFETCH(QString, program);
    QProcess server;
    server.start(program, {u"0"_s});
    QVERIFY(server.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(server.canReadLine(), 10000);
    const QByteArray line = server.readLine().trimmed();
    QVERIFY2(line.startsWith("listening on port "), line.constData());
    const QByteArray port = line.mid(18);
    const BenchRun run
        = runBench({u"--url"_s, u"ws://127.0.0.1:"_s + QString::fromLatin1(port), u"--clients"_s,
                    u"20"_s, u"--senders"_s, u"2"_s, u"--messages"_s, u"100"_s, u"--json"_s});
    // Neither offers permessage-deflate (QtWebSockets 6.4 cannot): --deflate is an error, not a
    // plain run.
    const BenchRun deflate
        = runBench({u"--url"_s, u"ws://127.0.0.1:"_s + QString::fromLatin1(port), u"--clients"_s,
                    u"3"_s, u"--senders"_s, u"1"_s, u"--deflate"_s});
    server.kill();
    server.waitForFinished();
    QVERIFY2(run.exitCode == 0, run.errors.constData());
    QCOMPARE(run.results.value("deliveries"_L1).toInteger(), 20 * 2 * 100);
    QCOMPARE(deflate.exitCode, 2);
    QVERIFY2(deflate.errors.contains("did not agree to permessage-deflate"),
             deflate.errors.constData());
    QCOMPARE(run.results.value("out_of_order"_L1).toInteger(), 0);
}

void tst_Bench::idleConnections()
{
    QVERIFY(m_server.start());
    const quint16 port = m_server.port();
    const BenchRun run
        = runBench({u"--url"_s, u"ws://127.0.0.1:%1"_s.arg(port), u"--idle"_s, u"--clients"_s,
                    u"50"_s, u"--hold"_s, u"0.2"_s, u"--server-pid"_s,
                    QString::number(QCoreApplication::applicationPid()), u"--json"_s});
    QVERIFY2(run.exitCode == 0, run.errors.constData());
    const QJsonObject idle = run.results.value("idle"_L1).toObject();
    QCOMPARE(idle.value("held"_L1).toInt(), 50);
    QVERIFY(idle.contains("bytes_per_connection"_L1));
    QVERIFY(run.results.value("connect"_L1).toObject().value("per_second"_L1).toDouble() > 0);
}

void tst_Bench::chart()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString json = dir.filePath(u"results.json"_s);
    const QString png = dir.filePath(u"chart.png"_s);
    QFile file(json);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"title":"Deliveries per second","unit":"/s","groups":[
        {"label":"100 clients","bars":[{"name":"wsroom","value":2000000},
                                       {"name":"Node ws","value":180000}]},
        {"label":"1000 clients","bars":[{"name":"wsroom","value":1500000}]}]})");
    file.close();
    const BenchRun run = runBench({u"--chart"_s, png, u"--results"_s, json});
    QVERIFY2(run.exitCode == 0, run.errors.constData());
    const QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.width(), 1100);
    // The wsroom bar is drawn in its color somewhere on the first bar's row.
    bool found = false;
    for (int y = 0; y < image.height() && !found; ++y) {
        for (int x = 0; x < image.width() && !found; ++x)
            found = image.pixelColor(x, y) == QColor(0x1f, 0x5f, 0xbf);
    }
    QVERIFY(found);

    const BenchRun missing = runBench({u"--chart"_s, png, u"--results"_s, dir.filePath(u"no"_s)});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.errors.contains("cannot read"));
}

void tst_Bench::badArguments()
{
    BenchRun run = runBench({u"--dialect"_s, u"klingon"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.errors.contains("--dialect is chat or native"));
    run = runBench({u"--clients"_s, u"0"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.errors.contains("--clients must be a number of at least 1"));
    run = runBench({u"--payload"_s, u"xml"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errors.contains("--payload is filler, text or json"), run.errors.constData());
    run = runBench({u"--url"_s, u"http://x"_s});
    QCOMPARE(run.exitCode, 2);
    // The room goes into the path and the JSON lines as is: only plain names.
    run = runBench({u"--dialect"_s, u"native"_s, u"--room"_s, u"a\"b"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errors.contains("--room is 1 to 64 letters"), run.errors.constData());
    run = runBench({u"--room"_s, u"lobby"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errors.contains("--room is for the native dialect"), run.errors.constData());
    // Nothing listens on port 1: a clear error, no hang.
    run = runBench(
        {u"--url"_s, u"ws://127.0.0.1:1"_s, u"--clients"_s, u"3"_s, u"--senders"_s, u"1"_s});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errors.contains("no connection could be opened"), run.errors.constData());
}

QTEST_MAIN(tst_Bench)
#include "tst_bench.moc"
