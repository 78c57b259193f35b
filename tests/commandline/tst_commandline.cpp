#include "tests/common/rawwebsocket.h"
#include "tests/common/testclient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int Timeout = 20000;

// The arguments every run starts with: headless, any port, no store.
QStringList base()
{
    return {u"--headless"_s, u"--port"_s, u"0"_s, u"--store"_s, u"none"_s};
}

// A file of tests/data/tls (a certificate and its key, made by make-cert.sh).
QString tlsFile(const QString &name)
{
    return QStringLiteral(WSROOM_TEST_DATA "/tls/") + name;
}

// One run of the real binary in a home of its own: HOME, XDG_CONFIG_HOME and XDG_DATA_HOME
// point into a temporary directory, so the user's settings and data are never touched.
class Wsroom
{
public:
    // Starts wsroom with arguments; withDisplay false also hides every display from it;
    // language is its LANGUAGE (English unless a test asks for another).
    explicit Wsroom(const QStringList &arguments, bool withDisplay = true,
                    const QString &language = u"en"_s)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"LANGUAGE"_s, language);
        env.insert(u"HOME"_s, m_home.path());
        env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
        env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
        env.insert(u"XDG_CACHE_HOME"_s, m_home.filePath(u"cache"_s));
        if (!withDisplay) {
            for (const QString &name : {u"DISPLAY"_s, u"WAYLAND_DISPLAY"_s, u"QT_QPA_PLATFORM"_s})
                env.remove(name);
        }
        m_process.setProcessEnvironment(env);
        m_process.start(QStringLiteral(WSROOM_BINARY), arguments);
    }
    ~Wsroom()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(Timeout);
        }
    }
    Q_DISABLE_COPY_MOVE(Wsroom)

    // The temporary home (its data folder is data/wsroom/wsroom).
    const QTemporaryDir &home() const { return m_home; }
    QProcess &process() { return m_process; }

    // Waits for the listening line on standard output; false if wsroom exits first.
    bool waitListening()
    {
        static const QRegularExpression line(
            uR"(^wsroom: listening on (wss?)://([^ ]+):(\d+)/ \((https?)://\2:\3/\)\n)"_s);
        const bool seen = QTest::qWaitFor(
            [this] {
                m_stdout += m_process.readAllStandardOutput();
                return m_stdout.contains('\n') || m_process.state() == QProcess::NotRunning;
            },
            Timeout);
        m_stdout += m_process.readAllStandardOutput();
        const QRegularExpressionMatch match = line.match(QString::fromUtf8(m_stdout));
        if (!seen || !match.hasMatch())
            return false;
        listening = match.captured(0).chopped(1);
        host = match.captured(2);
        port = match.captured(3).toUShort();
        const bool tls = match.captured(1) == "wss"_L1;
        webSocketBase = u"%1://%2:%3"_s.arg(tls ? u"wss"_s : u"ws"_s, host).arg(port);
        httpBase = u"%1://%2:%3"_s.arg(tls ? u"https"_s : u"http"_s, host).arg(port);
        return true;
    }

    // Waits for wsroom to exit on its own (true at once if it has); false on timeout.
    bool waitFinished()
    {
        return m_process.state() == QProcess::NotRunning || m_process.waitForFinished(Timeout);
    }

    // SIGTERM; true when wsroom then exits with status 0 having printed nothing more.
    bool stop()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(Timeout))
            return false;
        m_stdout += m_process.readAllStandardOutput();
        return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0
            && QString::fromUtf8(m_stdout) == listening + u'\n';
    }

    // Everything wsroom wrote to standard output, standard error so far.
    QByteArray standardOutput()
    {
        m_stdout += m_process.readAllStandardOutput();
        return m_stdout;
    }
    QByteArray standardError()
    {
        m_stderr += m_process.readAllStandardError();
        return m_stderr;
    }

    QString listening; // the listening line, without its newline
    QString host;
    quint16 port = 0;
    QString webSocketBase; // ws://HOST:PORT or wss://HOST:PORT
    QString httpBase;

private:
    QTemporaryDir m_home;
    QProcess m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
};

// GETs url with an Origin header unless origin is empty; the HTTP status (0 on no reply) and
// body.
int httpGet(const QUrl &url, const QByteArray &origin, QByteArray *body = nullptr)
{
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    if (!origin.isEmpty())
        request.setRawHeader("Origin", origin);
    std::unique_ptr<QNetworkReply> reply(network.get(request));
    if (!QTest::qWaitFor([&reply] { return reply->isFinished(); }, Timeout))
        return 0;
    if (body)
        *body = reply->readAll();
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

// The /api/status document of a running wsroom; empty on failure.
QJsonObject status(Wsroom &wsroom, const QString &query = QString())
{
    QByteArray body;
    if (httpGet(QUrl(wsroom.httpBase + u"/api/status"_s + query), QByteArray(), &body) != 200)
        return QJsonObject();
    return QJsonDocument::fromJson(body).object();
}

// A port that nothing listened on a moment ago.
quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

class tst_CommandLine : public QObject
{
    Q_OBJECT

private slots:
    void refused_data();
    void refused();
    void accepted_data();
    void accepted();
    void defaultPort();
    void explicitPort();
    void noDisplayRunsHeadless();
    void qtOptionsInTheWindow_data();
    void qtOptionsInTheWindow();
    void windowStopsOnSignal_data();
    void windowStopsOnSignal();
    void help_data();
    void help();
    void helpMatchesReadme();
    void translated_data();
    void translated();
    void translatedStartFailure_data();
    void translatedStartFailure();
    void version();
    void welcomeLimits_data();
    void welcomeLimits();
    void history_data();
    void history();
    void maxConnections();
    void joinCode_data();
    void joinCode();
    void allowedOrigins_data();
    void allowedOrigins();
    void store_data();
    void store();
    void record();
    void notificationInterval();
};

// ---------------------------------------------------------------------------------------------
// Refused: exit status 2, one line on standard error, nothing on standard output

void tst_CommandLine::refused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("error"); // the one line on standard error

    auto rows = [](const QString &option, const QStringList &values, const QString &error) {
        for (const QString &value : values) {
            QTest::addRow("%s \"%s\"", qPrintable(option), qPrintable(value))
                << QStringList {option, value} << error.arg(value);
        }
    };
    const QString number = u"wsroom: %1 wants a whole number from %2 to %3, not \"%4\""_s;

    QTest::newRow("--port without value")
        << QStringList {u"--port"_s}
        << u"wsroom: Missing value after '--port' (see wsroom --help)"_s;
    rows(u"--port"_s,
         {u"-1"_s, u"65536"_s, u"abc"_s, u"1.5"_s, QString(), u"0x10"_s, u" 80"_s, u"+80"_s,
          u"99999999999999999999"_s},
         number.arg(u"--port"_s).arg(0).arg(65535).replace(u"%4"_s, u"%1"_s));

    rows(u"--bind"_s,
         {QString(), u"1"_s, u"1.2.3"_s, u"256.0.0.1"_s, u"127.000.0.1"_s, u"example.org"_s,
          u"localhost."_s, u"127.0.0.1:80"_s},
         u"wsroom: --bind wants an IP address such as 127.0.0.1 or 0.0.0.0, not \"%1\""_s);
    const QString lanAndBind = u"wsroom: --lan and --bind cannot be used together"_s;
    QTest::newRow("--lan --bind") << QStringList {u"--lan"_s, u"--bind"_s, u"0.0.0.0"_s}
                                  << lanAndBind;
    QTest::newRow("--bind --lan") << QStringList {u"--bind"_s, u"127.0.0.1"_s, u"--lan"_s}
                                  << lanAndBind;
    QTest::newRow("--lan=1") << QStringList {u"--lan=1"_s}
                             << u"wsroom: Unexpected value after '--lan' (see wsroom --help)"_s;

    rows(u"--max-connections"_s, {u"0"_s, u"1000001"_s, u"ten"_s},
         number.arg(u"--max-connections"_s).arg(1).arg(1000000).replace(u"%4"_s, u"%1"_s));
    rows(u"--max-message-bytes"_s, {u"63"_s, u"1073741825"_s, u"64k"_s},
         number.arg(u"--max-message-bytes"_s).arg(64).arg(1073741824).replace(u"%4"_s, u"%1"_s));
    rows(u"--rate-limit"_s, {u"-1"_s, u"1000001"_s, u"1.5"_s},
         number.arg(u"--rate-limit"_s).arg(0).arg(1000000).replace(u"%4"_s, u"%1"_s));
    rows(u"--history"_s, {u"-1"_s, u"100001"_s},
         number.arg(u"--history"_s).arg(0).arg(100000).replace(u"%4"_s, u"%1"_s));
    rows(
        u"--notification-interval"_s,
        {u"-1"_s, u"86401"_s, u"nan"_s, u"inf"_s, u"0.001"_s, u"five"_s, QString()},
        u"wsroom: --notification-interval wants 0 (off) or seconds from 0.01 to 86400, not \"%1\""_s);

    const QString code = u"wsroom: --join-code wants 4 to 32 characters"_s;
    QTest::newRow("join code of 3") << QStringList {u"--join-code"_s, u"123"_s} << code;
    QTest::newRow("join code of 33") << QStringList {u"--join-code"_s, QString(33, u'x')} << code;
    QTest::newRow("join code empty") << QStringList {u"--join-code"_s, QString()} << code;

    const QString noOrigins
        = u"wsroom: --allowed-origins wants a comma-separated list of origins"_s;
    for (const QString &value : {QString(), u","_s, u" , "_s})
        QTest::addRow("--allowed-origins \"%s\"", qPrintable(value))
            << QStringList {u"--allowed-origins"_s, value} << noOrigins;
    const QString origin = u"wsroom: --allowed-origins wants origins such as https://example.org "
                           "or http://localhost:8000 (scheme://host[:port], no path), not \"%1\""_s;
    QTest::newRow("origin without scheme")
        << QStringList {u"--allowed-origins"_s, u"example.org"_s} << origin.arg(u"example.org"_s);
    QTest::newRow("origin with trailing slash")
        << QStringList {u"--allowed-origins"_s, u"https://example.org/"_s}
        << origin.arg(u"https://example.org/"_s);
    QTest::newRow("origin with path")
        << QStringList {u"--allowed-origins"_s, u"https://example.org/chat"_s}
        << origin.arg(u"https://example.org/chat"_s);
    QTest::newRow("second origin bad")
        << QStringList {u"--allowed-origins"_s, u"https://a.example, b.example"_s}
        << origin.arg(u"b.example"_s);

    rows(u"--open-chats"_s, {u"-1"_s, u"51"_s},
         number.arg(u"--open-chats"_s).arg(0).arg(50).replace(u"%4"_s, u"%1"_s));
    QTest::newRow("--record \"\"")
        << QStringList {u"--record"_s, QString()} << u"wsroom: --record wants a file name"_s;
    QTest::newRow("--store \"\"") << QStringList {u"--store"_s, QString()}
                                  << u"wsroom: --store wants a file name, or none"_s;
    rows(u"--retention"_s, {u"-1"_s, u"2147483648"_s},
         number.arg(u"--retention"_s).arg(0).arg(2147483647).replace(u"%4"_s, u"%1"_s));

    const QString together = u"wsroom: --tls-cert and --tls-key go together"_s;
    QTest::newRow("--tls-cert alone")
        << QStringList {u"--tls-cert"_s, tlsFile(u"server.crt"_s)} << together;
    QTest::newRow("--tls-key alone")
        << QStringList {u"--tls-key"_s, tlsFile(u"server.key"_s)} << together;
    QTest::newRow("--tls-cert missing")
        << QStringList {u"--tls-cert"_s, u"/nonexistent/wsroom.crt"_s, u"--tls-key"_s,
                        tlsFile(u"server.key"_s)}
        << u"wsroom: cannot read /nonexistent/wsroom.crt"_s;
    QTest::newRow("--tls-cert a key")
        << QStringList {u"--tls-cert"_s, tlsFile(u"server.key"_s), u"--tls-key"_s,
                        tlsFile(u"server.key"_s)}
        << u"wsroom: %1 holds no PEM certificate (-----BEGIN CERTIFICATE-----)"_s.arg(
               tlsFile(u"server.key"_s));

    rows(u"--idle-ping-ms"_s, {u"-1"_s, u"3600001"_s},
         number.arg(u"--idle-ping-ms"_s).arg(0).arg(3600000).replace(u"%4"_s, u"%1"_s));
    rows(u"--handshake-timeout-ms"_s, {u"0"_s},
         number.arg(u"--handshake-timeout-ms"_s).arg(1).arg(3600000).replace(u"%4"_s, u"%1"_s));

    QTest::newRow("unknown option")
        << QStringList {u"--bogus"_s} << u"wsroom: Unknown option 'bogus' (see wsroom --help)"_s;
    QTest::newRow("unknown short option")
        << QStringList {u"-x"_s} << u"wsroom: Unknown option 'x' (see wsroom --help)"_s;
    QTest::newRow("argument") << QStringList {u"extra"_s}
                              << u"wsroom: unexpected argument \"extra\" (see wsroom --help)"_s;
    QTest::newRow("Qt's -style without value")
        << QStringList {u"-style"_s}
        << u"wsroom: Qt's option -style wants a value (see wsroom --help)"_s;
    // Qt reads -platform's value only apart; as one word it is no option of Qt's or wsroom's.
    QTest::newRow("-platform=offscreen")
        << QStringList {u"-platform=offscreen"_s}
        << u"wsroom: Unknown options: p, l, a, t, f, o, r, m, =, o, f, f, s, c, r, e, e, n (see wsroom --help)"_s;
    rows(u"--theme"_s, {u"Dark"_s, u"blue"_s, QString()},
         u"wsroom: --theme wants system, light or dark, not \"%1\""_s);
    QTest::newRow("--headless=1") << QStringList {
        u"--headless=1"_s} << u"wsroom: Unexpected value after '--headless' (see wsroom --help)"_s;
}

void tst_CommandLine::refused()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);
    Wsroom wsroom(base() + arguments);
    // An accepted value shows as a listening line at once, not as a timeout.
    QVERIFY(QTest::qWaitFor(
        [&wsroom] {
            return wsroom.process().state() == QProcess::NotRunning
                || !wsroom.standardOutput().isEmpty();
        },
        Timeout));
    QCOMPARE(wsroom.standardOutput(), QByteArray());
    QVERIFY(wsroom.waitFinished());
    QCOMPARE(wsroom.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(QString::fromUtf8(wsroom.standardError()), error + u'\n');
    QCOMPARE(wsroom.process().exitCode(), 2);
    QCOMPARE(wsroom.standardOutput(), QByteArray());
}

// ---------------------------------------------------------------------------------------------
// Accepted: the listening line, then a clean stop on SIGTERM

void tst_CommandLine::accepted_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("listening"); // the listening line, PORT for the port
    QTest::addColumn<QString>("note"); // a line expected on standard error, or empty

    const QString local = u"wsroom: listening on ws://127.0.0.1:PORT/ (http://127.0.0.1:PORT/)"_s;
    const QString any = u"wsroom: listening on ws://0.0.0.0:PORT/ (http://0.0.0.0:PORT/)"_s;
    auto row = [](const char *name, const QStringList &arguments, const QString &listening,
                  const QString &note = QString()) {
        QTest::newRow(name) << arguments << listening << note;
    };
    row("defaults: 127.0.0.1", {}, local);
    row("--port=0", {u"--port=0"_s}, local);
    row("--bind 127.0.0.1", {u"--bind"_s, u"127.0.0.1"_s}, local);
    row("--bind localhost", {u"--bind"_s, u"localhost"_s}, local);
    row("--bind 0.0.0.0", {u"--bind"_s, u"0.0.0.0"_s}, any);
    row("--lan", {u"--lan"_s}, any);
    row("--start", {u"--start"_s}, local);
    row("--max-connections 1", {u"--max-connections"_s, u"1"_s}, local);
    row("--max-connections 1000000", {u"--max-connections"_s, u"1000000"_s}, local);
    row("--max-message-bytes 64", {u"--max-message-bytes"_s, u"64"_s}, local);
    row("--max-message-bytes 1073741824", {u"--max-message-bytes"_s, u"1073741824"_s}, local);
    row("--rate-limit 0", {u"--rate-limit"_s, u"0"_s}, local);
    row("--rate-limit 1000000", {u"--rate-limit"_s, u"1000000"_s}, local);
    row("--history 0", {u"--history"_s, u"0"_s}, local);
    row("--history 100000", {u"--history"_s, u"100000"_s}, local);
    row("--notification-interval 0", {u"--notification-interval"_s, u"0"_s}, local);
    row("--notification-interval 0.01", {u"--notification-interval"_s, u"0.01"_s}, local);
    row("--notification-interval 86400", {u"--notification-interval"_s, u"86400"_s}, local);
    row("--notification-interval 1e3", {u"--notification-interval"_s, u"1e3"_s}, local);
    row("join code of 4", {u"--join-code"_s, u"4821"_s}, local);
    row("join code of 32", {u"--join-code"_s, QString(32, u'x')}, local);
    row("--allowed-origins",
        {u"--allowed-origins"_s, u"https://a.example, http://localhost:8000,null"_s}, local);
    row("--retention 0", {u"--retention"_s, u"0"_s}, local);
    row("--retention 2147483647", {u"--retention"_s, u"2147483647"_s}, local);
    row("--open-chats 3, headless", {u"--open-chats"_s, u"3"_s}, local,
        u"wsroom: --open-chats needs the window; ignored when headless"_s);
    row("--idle-ping-ms 0", {u"--idle-ping-ms"_s, u"0"_s}, local);
    row("--handshake-timeout-ms 1", {u"--handshake-timeout-ms"_s, u"1"_s}, local);
    // Qt's own options: QApplication reads them, wsroom's parser skips them.
    row("Qt's -style Fusion", {u"-style"_s, u"Fusion"_s}, local);
    row("Qt's -style=Fusion", {u"-style=Fusion"_s}, local);
    row("Qt's --style Fusion", {u"--style"_s, u"Fusion"_s}, local);
    row("Qt's -reverse", {u"-reverse"_s}, local);
    row("Qt's -platform offscreen", {u"-platform"_s, u"offscreen"_s}, local);
    row("Qt's -stylesheet", {u"-stylesheet"_s, u"none.qss"_s}, local);
    row("Qt's -qwindowtitle", {u"-qwindowtitle"_s, u"Class 4B"_s}, local);
    row("--tls-cert, --tls-key",
        {u"--tls-cert"_s, tlsFile(u"server.crt"_s), u"--tls-key"_s, tlsFile(u"server.key"_s)},
        u"wsroom: listening on wss://127.0.0.1:PORT/ (https://127.0.0.1:PORT/)"_s);
}

void tst_CommandLine::accepted()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, listening);
    QFETCH(QString, note);
    Wsroom wsroom(base() + arguments);
    QVERIFY2(wsroom.waitListening(), wsroom.standardError().constData());
    QCOMPARE(wsroom.listening, QString(listening).replace(u"PORT"_s, QString::number(wsroom.port)));
    QVERIFY(wsroom.port != 0);
    if (!note.isEmpty()) {
        const QStringList lines = QString::fromUtf8(wsroom.standardError()).split(u'\n');
        QVERIFY2(lines.contains(note), wsroom.standardError().constData());
    }
    QVERIFY2(wsroom.stop(), wsroom.standardError().constData());
}

void tst_CommandLine::defaultPort()
{
    // 8000, or a refusal that names it when something else holds it.
    Wsroom wsroom({u"--headless"_s, u"--store"_s, u"none"_s});
    if (wsroom.waitListening()) {
        QCOMPARE(wsroom.port, quint16(8000));
        QVERIFY(wsroom.stop());
        return;
    }
    QVERIFY(wsroom.waitFinished());
    QVERIFY2(wsroom.standardError().contains("cannot listen on 127.0.0.1 port 8000"),
             wsroom.standardError().constData());
    QCOMPARE(wsroom.process().exitCode(), 1);
}

void tst_CommandLine::explicitPort()
{
    const quint16 port = freePort();
    QVERIFY(port != 0);
    Wsroom wsroom(base() + QStringList {u"--port"_s, QString::number(port)});
    QVERIFY2(wsroom.waitListening(), wsroom.standardError().constData());
    QCOMPARE(wsroom.port, port);
    QCOMPARE(status(wsroom).value("connections"_L1).toInt(-1), 0);
    QVERIFY(wsroom.stop());
}

void tst_CommandLine::noDisplayRunsHeadless()
{
    // Without --headless and with no display, the server runs alone and says why.
    Wsroom wsroom({u"--port"_s, u"0"_s, u"--store"_s, u"none"_s}, false);
    QVERIFY2(wsroom.waitListening(), wsroom.standardError().constData());
    QVERIFY2(wsroom.standardError().startsWith(
                 "wsroom: no display found (no DISPLAY or WAYLAND_DISPLAY), running headless\n"),
             wsroom.standardError().constData());
    QVERIFY(wsroom.stop());
}

void tst_CommandLine::qtOptionsInTheWindow_data()
{
    QTest::addColumn<QStringList>("arguments");
    const QStringList offscreen {u"-platform"_s, u"offscreen"_s};
    QTest::newRow("-platform offscreen") << offscreen;
    QTest::newRow("-style Fusion") << offscreen + QStringList {u"-style"_s, u"Fusion"_s};
    QTest::newRow("-style=Fusion -reverse")
        << offscreen + QStringList {u"-style=Fusion"_s, u"-reverse"_s};
    QTest::newRow("--theme dark") << offscreen + QStringList {u"--theme"_s, u"dark"_s};
    QTest::newRow("--theme light -reverse")
        << offscreen + QStringList {u"--theme"_s, u"light"_s, u"-reverse"_s};
    QTest::newRow("--style fusion --reverse")
        << QStringList {u"--style"_s, u"fusion"_s, u"--reverse"_s} + offscreen;
}

void tst_CommandLine::qtOptionsInTheWindow()
{
    // With no display but -platform, the window runs (not headless) and takes Qt's options.
    QFETCH(QStringList, arguments);
    Wsroom wsroom(arguments
                      + QStringList {u"--start"_s, u"--port"_s, u"0"_s, u"--store"_s, u"none"_s},
                  false);
    QVERIFY2(wsroom.waitListening(), wsroom.standardError().constData());
    QVERIFY2(!wsroom.standardError().contains("no display found"),
             wsroom.standardError().constData());
    QVERIFY2(!wsroom.standardError().contains("Unknown option"),
             wsroom.standardError().constData());
    wsroom.process().terminate();
    QVERIFY(wsroom.waitFinished());
    QCOMPARE(wsroom.process().exitCode(), 0);
}

void tst_CommandLine::windowStopsOnSignal_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void tst_CommandLine::windowStopsOnSignal()
{
    // A logout, a kill or Ctrl+C in the terminal stops the whole program cleanly with a member
    // in (the window's own chat window). That the window does not ask "Disconnect everyone?"
    // first, which nobody would answer, is tst_disconnectguard's signalClosesWithoutAsking: here
    // the window may not have heard of the member yet when the signal comes.
    QFETCH(int, signalNumber);
    Wsroom wsroom({u"-platform"_s, u"offscreen"_s, u"--open-chats"_s, u"1"_s, u"--port"_s, u"0"_s,
                   u"--store"_s, u"none"_s});
    QVERIFY2(wsroom.waitListening(), wsroom.standardError().constData());
    QTRY_COMPARE_WITH_TIMEOUT(status(wsroom).value(u"connections"_s).toInt(), 1, Timeout);
    QCOMPARE(::kill(pid_t(wsroom.process().processId()), signalNumber), 0);
    QVERIFY2(wsroom.waitFinished(), "wsroom did not stop");
    QCOMPARE(wsroom.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(wsroom.process().exitCode(), 0);
}

// ---------------------------------------------------------------------------------------------
// --help, --version

void tst_CommandLine::help_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("--help") << QStringList {u"--help"_s};
    QTest::newRow("-h") << QStringList {u"-h"_s};
    QTest::newRow("--help with others") << base() + QStringList {u"--help"_s};
}

void tst_CommandLine::help()
{
    QFETCH(QStringList, arguments);
    Wsroom wsroom(arguments);
    QVERIFY(wsroom.waitFinished());
    QCOMPARE(wsroom.process().exitCode(), 0);
    QCOMPARE(wsroom.standardError(), QByteArray());
    const QString help = QString::fromUtf8(wsroom.standardOutput());
    QVERIFY2(help.startsWith(u"Usage: wsroom [options]\n"_s), qPrintable(help));
    // Each line of an option starts with it; the hidden ones are not there.
    const QString simplified = help.simplified();
    for (const QString &line :
         {u"--port <N> Port to listen on (default 8000; 0 picks a free one)."_s,
          u"--bind <ADDR> Address to listen on (default 127.0.0.1;"_s,
          u"closed with 1013 (default 10000)."_s, u"connection with 1009 (default 65536)."_s,
          u"0: off (default 20)."_s, u"sent on join (default 50)."_s,
          u"messages; 0: off (default 5)."_s, u"0: all (default 100000)."_s,
          u"(default: rooms.sqlite in the data folder); none: in memory only."_s}) {
        QVERIFY2(simplified.contains(line), qPrintable(line));
    }
    QVERIFY2(simplified.contains(u"Qt's own options work too, such as -style Fusion, -platform "
                                 u"offscreen, -reverse"_s),
             qPrintable(help));
    QVERIFY(!help.contains(u"idle-ping-ms"_s));
    QVERIFY(!help.contains(u"handshake-timeout-ms"_s));
}

void tst_CommandLine::translated_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("lines"); // in the output, spaces simplified

    // --help: Qt's own words (qtbase_de.qm: "Aufruf:", "Optionen:") and wsroom's.
    QTest::newRow("de --help") << u"de"_s << QStringList {u"--help"_s} << 0
                               << QStringList {
                                      u"Aufruf: wsroom [Optionen]"_s, u"Optionen:"_s,
                                      u"-h, --help Diese Hilfe anzeigen."_s,
                                      u"(Vorgabe 8000; 0 wählt einen freien)."_s,
                                      u"wsroom betreibt einen WebSocket-Chatraum-Server"_s};
    QTest::newRow("es --help") << u"es"_s << QStringList {u"--help"_s} << 0
                               << QStringList {u"Uso: wsroom [opciones]"_s, u"Opciones:"_s,
                                               u"-h, --help Muestra esta ayuda."_s};
    QTest::newRow("de_DE.UTF-8 through the list") << u"fr:de_DE"_s << QStringList {u"-h"_s} << 0
                                                  << QStringList {u"Aufruf: wsroom [Optionen]"_s};
    // The error lines: wsroom's own and QCommandLineParser's.
    QTest::newRow("de bad port")
        << u"de"_s << QStringList {u"--port"_s, u"x"_s} << 2
        << QStringList {u"wsroom: --port erwartet eine ganze Zahl von 0 bis 65535, nicht „x“"_s};
    QTest::newRow("de unknown option")
        << u"de"_s << QStringList {u"--bogus"_s} << 2
        << QStringList {u"wsroom: Unbekannte Option 'bogus' (siehe wsroom --help)"_s};
    QTest::newRow("es lan and bind")
        << u"es"_s << QStringList {u"--lan"_s, u"--bind"_s, u"0.0.0.0"_s} << 2
        << QStringList {u"wsroom: --lan y --bind no pueden usarse juntos"_s};
}

void tst_CommandLine::translated()
{
    QFETCH(QString, language);
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QStringList, lines);
    Wsroom wsroom(arguments, true, language);
    QVERIFY(wsroom.waitFinished());
    QCOMPARE(wsroom.process().exitCode(), exitCode);
    const QString output = QString::fromUtf8(wsroom.standardOutput() + wsroom.standardError());
    const QString simplified = output.simplified();
    for (const QString &line : std::as_const(lines))
        QVERIFY2(simplified.contains(line), qPrintable(line + u"\n---\n"_s + output));
    // Not a word of the English help is left in a translated help.
    QVERIFY2(!output.contains(u"Usage:"_s) && !output.contains(u"Show this help"_s),
             qPrintable(output));
}

void tst_CommandLine::translatedStartFailure_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("line"); // %1: the busy port
    QTest::newRow("de") << u"de"_s << u"wsroom: Port %1 auf 127.0.0.1 ist schon belegt"_s;
    QTest::newRow("es") << u"es"_s << u"wsroom: el puerto %1 ya está en uso en 127.0.0.1"_s;
    QTest::newRow("en") << u"en"_s << u"wsroom: port %1 is already in use on 127.0.0.1"_s;
}

void tst_CommandLine::translatedStartFailure()
{
    // A failed start (the words of server/, HostText) is in the host's language too.
    QFETCH(QString, language);
    QFETCH(QString, line);
    QTcpServer busy;
    QVERIFY(busy.listen(QHostAddress::LocalHost, 0));
    const QString port = QString::number(busy.serverPort());
    Wsroom wsroom({u"--headless"_s, u"--bind"_s, u"127.0.0.1"_s, u"--port"_s, port}, false,
                  language);
    QVERIFY(wsroom.waitFinished());
    QCOMPARE(wsroom.process().exitCode(), 1);
    const QString error = QString::fromUtf8(wsroom.standardError());
    QVERIFY2(error.contains(line.arg(port)), qPrintable(error));
}

void tst_CommandLine::helpMatchesReadme()
{
    // Every option of README.md's Options table is in --help, with the table's default.
    QFile readme(QStringLiteral(WSROOM_SOURCE_DIR "/README.md"));
    QVERIFY(readme.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(readme.readAll());
    const qsizetype start = text.indexOf(u"## Options"_s);
    QVERIFY(start >= 0);
    const QString table = text.mid(start, text.indexOf(u"\n## "_s, start + 1) - start);

    Wsroom wsroom({u"--help"_s});
    QVERIFY(wsroom.waitFinished());
    const QString help = QString::fromUtf8(wsroom.standardOutput()).simplified();

    static const QRegularExpression row(uR"(^\|\s*(`--[^|]+?)\s*\|\s*([^|]*?)\s*\|)"_s,
                                        QRegularExpression::MultilineOption);
    static const QRegularExpression option(uR"(`(--[a-z-]+)( [A-Z]+)?`)"_s);
    static const QRegularExpression number(uR"(^(\d+|\d+\.\d+\.\d+\.\d+)$)"_s);
    int rows = 0;
    for (const QRegularExpressionMatch &r : row.globalMatch(table)) {
        ++rows;
        for (const QRegularExpressionMatch &o : option.globalMatch(r.captured(1))) {
            const QString usage = o.captured(2).isEmpty()
                ? o.captured(1)
                : u"%1 <%2>"_s.arg(o.captured(1), o.captured(2).trimmed());
            QVERIFY2(help.contains(usage + u' '), qPrintable(usage));
        }
        const QString defaultValue = r.captured(2).trimmed();
        if (number.match(defaultValue).hasMatch() && defaultValue != "0"_L1) {
            QVERIFY2(help.contains(u"(default "_s + defaultValue),
                     qPrintable(r.captured(1) + u": "_s + defaultValue));
        }
    }
    QCOMPARE(rows, 19);
}

void tst_CommandLine::version()
{
    Wsroom wsroom({u"--version"_s});
    QVERIFY(wsroom.waitFinished());
    QCOMPARE(wsroom.process().exitCode(), 0);
    QCOMPARE(wsroom.standardError(), QByteArray());
    static const QRegularExpression line(uR"(^wsroom \d+\.\d+\.\d+\n$)"_s);
    QVERIFY2(line.match(QString::fromUtf8(wsroom.standardOutput())).hasMatch(),
             wsroom.standardOutput().constData());
}

// ---------------------------------------------------------------------------------------------
// What each option does, seen through the port

void tst_CommandLine::welcomeLimits_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("maxMessageBytes");
    QTest::addColumn<int>("ratePerSecond");
    QTest::newRow("defaults") << QStringList() << 65536 << 20;
    QTest::newRow("--max-message-bytes 1000")
        << QStringList {u"--max-message-bytes"_s, u"1000"_s} << 1000 << 20;
    QTest::newRow("--rate-limit 7") << QStringList {u"--rate-limit"_s, u"7"_s} << 65536 << 7;
    QTest::newRow("--rate-limit 0") << QStringList {u"--rate-limit"_s, u"0"_s} << 65536 << 0;
}

void tst_CommandLine::welcomeLimits()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, maxMessageBytes);
    QFETCH(int, ratePerSecond);
    Wsroom wsroom(base() + arguments);
    QVERIFY2(wsroom.waitListening(), wsroom.standardError().constData());
    TestClient client;
    QVERIFY(client.openAndWait(QUrl(wsroom.webSocketBase + u"/chat?name=alice"_s)));
    QJsonObject welcome;
    QVERIFY(client.nextOfType(u"welcome"_s, &welcome));
    const QJsonObject limits = welcome.value("limits"_L1).toObject();
    QCOMPARE(limits.value("max_message_bytes"_L1).toInt(), maxMessageBytes);
    QCOMPARE(limits.value("rate_per_second"_L1).toInt(), ratePerSecond);
    QVERIFY(wsroom.stop());
}

void tst_CommandLine::history_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("sent");
    QTest::addColumn<int>("kept");
    QTest::newRow("default 50") << QStringList() << 51 << 50;
    QTest::newRow("--history 3") << QStringList {u"--history"_s, u"3"_s} << 5 << 3;
    QTest::newRow("--history 0") << QStringList {u"--history"_s, u"0"_s} << 2 << 0;
}

void tst_CommandLine::history()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, sent);
    QFETCH(int, kept);
    Wsroom wsroom(base() + QStringList {u"--rate-limit"_s, u"0"_s} + arguments);
    QVERIFY2(wsroom.waitListening(), wsroom.standardError().constData());
    TestClient alice;
    QVERIFY(alice.openNative(QUrl(wsroom.webSocketBase + u"/chat?name=alice&room=lobby"_s), true));
    for (int i = 0; i < sent; ++i) {
        alice.send(QJsonObject {{"type"_L1, "message"_L1},
                                {"room"_L1, "lobby"_L1},
                                {"text"_L1, u"m%1"_s.arg(i)},
                                {"ref"_L1, i}});
    }
    QJsonObject o;
    for (int i = 0; i < sent; ++i)
        QVERIFY(alice.nextOfType(u"ack"_s, &o));
    TestClient bob;
    QVERIFY(bob.openNative(QUrl(wsroom.webSocketBase + u"/chat?name=bob&room=lobby"_s)));
    QVERIFY(bob.nextOfType(u"joined"_s, &o));
    const QJsonArray history = o.value("history"_L1).toArray();
    QCOMPARE(history.size(), kept);
    if (kept > 0)
        QCOMPARE(history.last().toObject().value("text"_L1).toString(), u"m%1"_s.arg(sent - 1));
    QVERIFY(wsroom.stop());
}

void tst_CommandLine::maxConnections()
{
    Wsroom wsroom(base() + QStringList {u"--max-connections"_s, u"1"_s});
    QVERIFY2(wsroom.waitListening(), wsroom.standardError().constData());
    TestClient first;
    QVERIFY(first.openNative(QUrl(wsroom.webSocketBase + u"/chat?name=a"_s)));
    // Read off the wire: QtWebSockets 6.4's client reports 1013 as 1002.
    RawWebSocket second;
    QVERIFY(second.connectTo(wsroom.port));
    QVERIFY(second.handshake("/chat?name=b"));
    RawWebSocket::Frame close;
    QVERIFY(second.waitClose(&close));
    QCOMPARE(close.closeCode(), 1013);
    QVERIFY(!first.isDisconnected);
    QVERIFY(wsroom.stop());
}

void tst_CommandLine::joinCode_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("httpStatus");
    QTest::newRow("none by default") << QStringList() << QString() << 200;
    const QStringList code {u"--join-code"_s, u"4821"_s};
    QTest::newRow("code given") << code << u"?code=4821"_s << 200;
    QTest::newRow("code missing") << code << QString() << 403;
    QTest::newRow("code wrong") << code << u"?code=4822"_s << 403;
}

void tst_CommandLine::joinCode()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, query);
    QFETCH(int, httpStatus);
    Wsroom wsroom(base() + arguments);
    QVERIFY2(wsroom.waitListening(), wsroom.standardError().constData());
    QCOMPARE(httpGet(QUrl(wsroom.httpBase + u"/api/status"_s + query), QByteArray()), httpStatus);
    QVERIFY(wsroom.stop());
}

void tst_CommandLine::allowedOrigins_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("origin");
    QTest::addColumn<int>("httpStatus");
    QTest::newRow("any by default") << QStringList() << QByteArray("https://b.example") << 200;
    const QStringList list {u"--allowed-origins"_s, u"https://a.example, http://localhost:8000"_s};
    QTest::newRow("first of the list") << list << QByteArray("https://a.example") << 200;
    QTest::newRow("second, trimmed") << list << QByteArray("http://localhost:8000") << 200;
    QTest::newRow("another") << list << QByteArray("https://b.example") << 403;
    QTest::newRow("no Origin header") << list << QByteArray() << 200;
}

void tst_CommandLine::allowedOrigins()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, origin);
    QFETCH(int, httpStatus);
    Wsroom wsroom(base() + arguments);
    QVERIFY2(wsroom.waitListening(), wsroom.standardError().constData());
    QCOMPARE(httpGet(QUrl(wsroom.httpBase + u"/api/status"_s), origin), httpStatus);
    QVERIFY(wsroom.stop());
}

void tst_CommandLine::store_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("file"); // data/...: in the temporary home; empty: no store
    QTest::newRow("default: the data folder")
        << QStringList() << u"data/wsroom/wsroom/rooms.sqlite"_s;
    QTest::newRow("--store FILE") << QStringList {u"--store"_s, u"FILES/mine.sqlite"_s}
                                  << u"mine.sqlite"_s;
    QTest::newRow("--store none") << QStringList {u"--store"_s, u"none"_s} << QString();
}

void tst_CommandLine::store()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, file);
    QTemporaryDir files; // FILES/ in an argument stands for it
    for (QString &argument : arguments)
        argument.replace(u"FILES/"_s, files.path() + u'/');
    // Not base(): the rows are about --store.
    Wsroom wsroom(QStringList {u"--headless"_s, u"--port"_s, u"0"_s} + arguments);
    QVERIFY2(wsroom.waitListening(), wsroom.standardError().constData());
    const QJsonValue store = status(wsroom).value("store"_L1);
    if (file.isEmpty()) {
        QVERIFY(store.isNull());
    } else {
        const QString expected
            = file.startsWith(u"data/"_s) ? wsroom.home().filePath(file) : files.filePath(file);
        QCOMPARE(store.toObject().value("path"_L1).toString(), expected);
        QVERIFY(QFile::exists(expected));
    }
    QVERIFY(wsroom.stop());
}

void tst_CommandLine::record()
{
    QTemporaryDir files;
    const QString file = files.filePath(u"session.jsonl"_s);
    Wsroom wsroom(base() + QStringList {u"--record"_s, file});
    QVERIFY2(wsroom.waitListening(), wsroom.standardError().constData());
    TestClient alice;
    QVERIFY(alice.openNative(QUrl(wsroom.webSocketBase + u"/chat?name=alice&room=lobby"_s), true));
    alice.send(
        QJsonObject {{"type"_L1, "message"_L1}, {"room"_L1, "lobby"_L1}, {"text"_L1, "hi"_L1}});
    QJsonObject o;
    QVERIFY(alice.nextOfType(u"message"_s, &o));
    QByteArray recorded;
    QTRY_VERIFY_WITH_TIMEOUT((recorded =
                                  [&file] {
                                      QFile f(file);
                                      return f.open(QIODevice::ReadOnly) ? f.readAll()
                                                                         : QByteArray();
                                  }())
                                 .contains("\"text\":\"hi\""),
                             Timeout);
    for (const QByteArray &line : recorded.trimmed().split('\n'))
        QVERIFY2(QJsonDocument::fromJson(line).isObject(), line.constData());
    QVERIFY(wsroom.stop());
}

void tst_CommandLine::notificationInterval()
{
    // Every 0.05 s here: three arrive, each within 2 s; the default (5 s) is checked in --help.
    Wsroom wsroom(base() + QStringList {u"--notification-interval"_s, u"0.05"_s});
    QVERIFY2(wsroom.waitListening(), wsroom.standardError().constData());
    TestClient nora;
    QVERIFY(nora.openAndWait(QUrl(wsroom.webSocketBase + u"/ws/notifications/nora"_s)));
    QJsonObject o;
    for (int i = 0; i < 3; ++i) {
        QVERIFY(nora.next(&o, 2000)); // the default 5 s would not make it

        QCOMPARE(o.value("message"_L1).toString(), u"New notification for nora"_s);
    }
    QVERIFY(wsroom.stop());
}

QTEST_GUILESS_MAIN(tst_CommandLine)
#include "tst_commandline.moc"
