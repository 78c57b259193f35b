// FrameClient against real servers on loopback: wsroom's /echo and tutorial endpoints (plain and
// TLS), servers that refuse, close at once or never answer, the first FastAPI tutorial's own
// server under uvicorn; and the Snippets, the Python one run against /echo.

#include "client/frameclient.h"
#include "client/snippets.h"
#include "protocol/websocketaccept.h"
#include "protocol/websocketframeparser.h"
#include "server/serverconfig.h"
#include "tests/common/testclient.h"
#include "tests/common/testserver.h"
#include "tests/common/tutorialpeer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

QSslCertificate serverCertificate()
{
    const QList<QSslCertificate> certs
        = QSslCertificate::fromPath(QStringLiteral(WSROOM_TEST_DATA "/tls/server.crt"));
    return certs.isEmpty() ? QSslCertificate() : certs.first();
}

// A FrameClient with every frame it showed kept, in order.
class WatchedClient
{
public:
    WatchedClient()
        : opened(&client, &FrameClient::opened)
        , failed(&client, &FrameClient::failed)
        , closed(&client, &FrameClient::closed)
        , untrusted(&client, &FrameClient::untrustedCertificate)
    {
        QObject::connect(&client, &FrameClient::framesSeen,
                         [this](const InspectedFrameList &list) { frames += list; });
    }

    // Opens options (or url alone) and waits for opened(); false on failed() or the timeout.
    bool open(const FrameClientOptions &options)
    {
        client.open(options);
        return QTest::qWaitFor([this] { return !opened.isEmpty() || !failed.isEmpty(); },
                               TestClient::Timeout)
            && !opened.isEmpty();
    }
    bool open(const QUrl &url)
    {
        FrameClientOptions options;
        options.url = url;
        return open(options);
    }
    // The frames in one direction (outgoing: sent by the client), notes left out.
    QList<InspectedFrame> direction(bool outgoing) const
    {
        QList<InspectedFrame> out;
        for (const InspectedFrame &f : frames) {
            if (f.note.isEmpty() && f.outgoing == outgoing)
                out.append(f);
        }
        return out;
    }
    // Waits until count frames of opcode came from the server; them, or fewer at the timeout.
    QList<InspectedFrame> received(int opcode, int count = 1)
    {
        QList<InspectedFrame> out;
        (void)QTest::qWaitFor(
            [&] {
                out.clear();
                for (const InspectedFrame &f : direction(false)) {
                    if (f.frame.opcode == opcode)
                        out.append(f);
                }
                return out.size() >= count;
            },
            TestClient::Timeout);
        return out;
    }
    QString firstFailure() const
    {
        return failed.isEmpty() ? QString() : failed.first().first().toString();
    }

    FrameClient client;
    QSignalSpy opened;
    QSignalSpy failed;
    QSignalSpy closed;
    QSignalSpy untrusted;
    InspectedFrameList frames;
};

// A port nothing listens on (just now).
quint16 freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

} // namespace

class tst_FrameClient : public QObject
{
    Q_OBJECT

private slots:
    void init() { m_server.init(); }
    void cleanup() { m_server.cleanup(); }

    void echo_data();
    void echo();
    void fragmented();
    void pingPong();
    void closeRoundTrip();
    void serverClosesFirst();
    void tutorialChat();
    void tutorialBroadcast();
    void refused_data();
    void refused();
    void wrongJoinCode();
    void closesAtOnce();
    void neverAnswers();
    void connectionRefused();
    void handWrittenServer_data();
    void handWrittenServer();
    void badUrl_data();
    void badUrl();
    void selfSignedWss();
    void subprotocolsAndHeaders();
    void pythonSnippetRuns_data();
    void pythonSnippetRuns();
    void websocatSnippet_data();
    void websocatSnippet();
    void fastApiBroadcast();

private:
    TestServer m_server;
};

void tst_FrameClient::echo_data()
{
    QTest::addColumn<bool>("binary");
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("text") << false << "hello, echo \xc3\xa9"_ba;
    QTest::newRow("JSON") << false << R"({"type":"greeting","n":[1,2,3]})"_ba;
    QTest::newRow("binary") << true << QByteArray("\x00\x01\xfe\xff binary", 12);
    QTest::newRow("empty text") << false << QByteArray();
    QTest::newRow("300 bytes (16-bit length)") << true << QByteArray(300, 'x');
}

void tst_FrameClient::echo()
{
    QFETCH(bool, binary);
    QFETCH(QByteArray, payload);
    QVERIFY(m_server.start());
    WatchedClient c;
    QVERIFY2(c.open(m_server.url(u"/echo"_s)), qPrintable(c.firstFailure()));
    QCOMPARE(c.client.state(), FrameClient::State::Open);
    QVERIFY(c.client.responseHead().startsWith("HTTP/1.1 101"));
    binary ? c.client.sendBinary(payload) : c.client.sendText(payload);
    const int opcode = binary ? 0x2 : 0x1;
    const QList<InspectedFrame> back = c.received(opcode);
    QCOMPARE(back.size(), 1);
    QCOMPARE(back.first().frame.payload, payload);
    QVERIFY(back.first().frame.fin);
    QVERIFY(!back.first().frame.masked);
    QVERIFY2(back.first().roundTripUs >= 0, "the reply carries its round trip");

    const QList<InspectedFrame> sent = c.direction(true);
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().frame.opcode, opcode);
    QVERIFY(sent.first().frame.masked);
    QVERIFY(sent.first().frame.fin);
    QCOMPARE(sent.first().frame.payload, payload); // shown unmasked
    QCOMPARE(sent.first().frame.length, quint64(payload.size()));
    QCOMPARE(sent.first().roundTripUs, -1);
    QVERIFY(sent.first().timeMs > 0);
}

void tst_FrameClient::fragmented()
{
    QVERIFY(m_server.start());
    WatchedClient c;
    QVERIFY2(c.open(m_server.url(u"/echo"_s)), qPrintable(c.firstFailure()));
    const QByteArray message = "cut into frames of five bytes"; // 29 bytes: 6 frames
    c.client.sendText(message, 5);
    const QList<InspectedFrame> back = c.received(0x1);
    QCOMPARE(back.size(), 1);
    QCOMPARE(back.first().frame.payload, message);
    QVERIFY(back.first().frame.fin);

    const QList<InspectedFrame> sent = c.direction(true);
    QCOMPARE(sent.size(), 6);
    QByteArray joined;
    for (int i = 0; i < sent.size(); ++i) {
        QCOMPARE(sent.at(i).frame.opcode, i == 0 ? 0x1 : 0x0);
        QCOMPARE(sent.at(i).frame.fin, i == sent.size() - 1);
        QVERIFY(sent.at(i).frame.payload.size() <= 5);
        joined += sent.at(i).frame.payload;
    }
    QCOMPARE(joined, message);
}

void tst_FrameClient::pingPong()
{
    QVERIFY(m_server.start());
    WatchedClient c;
    QVERIFY2(c.open(m_server.url(u"/echo"_s)), qPrintable(c.firstFailure()));
    c.client.ping("are you there");
    const QList<InspectedFrame> pongs = c.received(0xA);
    QCOMPARE(pongs.size(), 1);
    QCOMPARE(pongs.first().frame.payload, "are you there"_ba);
    QVERIFY(pongs.first().roundTripUs >= 0);
    QCOMPARE(c.direction(true).first().frame.opcode, 0x9);
}

void tst_FrameClient::closeRoundTrip()
{
    QVERIFY(m_server.start());
    WatchedClient c;
    QVERIFY2(c.open(m_server.url(u"/echo"_s)), qPrintable(c.firstFailure()));
    c.client.close(4001, u"bye"_s);
    QCOMPARE(c.client.state(), FrameClient::State::Closing);
    QTRY_COMPARE_WITH_TIMEOUT(c.closed.size(), 1, TestClient::Timeout);
    QCOMPARE(c.closed.first().at(0).toInt(), 4001);
    QCOMPARE(c.client.closeCode(), 4001);
    QCOMPARE(c.client.state(), FrameClient::State::Closed);
    const QList<InspectedFrame> sent = c.direction(true);
    QCOMPARE(sent.last().frame.opcode, 0x8);
    QCOMPARE(WebSocketFrameParser::closeCode(sent.last().frame.payload), 4001);
    QCOMPARE(WebSocketFrameParser::closeReason(sent.last().frame.payload), u"bye"_s);
    const QList<InspectedFrame> closes = c.received(0x8);
    QCOMPARE(closes.size(), 1);
    QCOMPARE(WebSocketFrameParser::closeCode(closes.first().frame.payload), 4001);
}

void tst_FrameClient::serverClosesFirst()
{
    // The host stops the server: its close (1001 or 1000) is answered with the same code.
    QVERIFY(m_server.start());
    WatchedClient c;
    QVERIFY2(c.open(m_server.url(u"/echo"_s)), qPrintable(c.firstFailure()));
    m_server.cleanup();
    QTRY_COMPARE_WITH_TIMEOUT(c.closed.size(), 1, TestClient::Timeout);
    const QList<InspectedFrame> closes = c.received(0x8);
    QCOMPARE(closes.size(), 1);
    const int code = WebSocketFrameParser::closeCode(closes.first().frame.payload);
    QCOMPARE(c.closed.first().at(0).toInt(), code);
    const QList<InspectedFrame> sent = c.direction(true);
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().frame.opcode, 0x8);
    QCOMPARE(WebSocketFrameParser::closeCode(sent.first().frame.payload), code);
}

void tst_FrameClient::tutorialChat()
{
    QVERIFY(m_server.start());
    WatchedClient c;
    QVERIFY2(c.open(m_server.url(u"/ws/alice"_s)), qPrintable(c.firstFailure()));
    c.client.sendText("a line from alice");
    const QList<InspectedFrame> back = c.received(0x1);
    QCOMPARE(back.size(), 1);
    const QJsonObject line = QJsonDocument::fromJson(back.first().frame.payload).object();
    QCOMPARE(line.value("client_id"_L1).toString(), u"alice"_s);
    QCOMPARE(line.value("message"_L1).toString(), u"a line from alice"_s);
    QVERIFY(back.first().roundTripUs >= 0);
}

void tst_FrameClient::tutorialBroadcast()
{
    QVERIFY(m_server.start());
    WatchedClient sender, listener;
    QVERIFY2(sender.open(m_server.url(u"/"_s)), qPrintable(sender.firstFailure()));
    QVERIFY2(listener.open(m_server.url(u"/"_s)), qPrintable(listener.firstFailure()));
    const QByteArray json = R"({"message":"to everyone"})";
    sender.client.sendText(json);
    for (WatchedClient *c : {&sender, &listener}) {
        const QList<InspectedFrame> back = c->received(0x1);
        QCOMPARE(back.size(), 1);
        QCOMPARE(back.first().frame.payload, json);
    }
    QVERIFY(sender.received(0x1).first().roundTripUs >= 0);
    QCOMPARE(listener.received(0x1).first().roundTripUs, -1); // it sent nothing
}

void tst_FrameClient::refused_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("origin");
    QTest::addColumn<QString>("why");
    QTest::newRow("404: no endpoint")
        << u"/nowhere"_s << QByteArray()
        << u"The server refused the handshake: 404 Not Found \u2014 There is no WebSocket "
           u"endpoint at this path."_s;
    QTest::newRow("403: origin not allowed")
        << u"/echo"_s << "http://elsewhere.example"_ba
        << u"The server refused the handshake: 403 Forbidden \u2014 This origin is not allowed "
           u"to connect."_s;
}

void tst_FrameClient::refused()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, origin);
    QFETCH(QString, why);
    QVERIFY(m_server.start(
        [](ServerConfig &c) { c.allowedOrigins = {u"http://classroom.example"_s}; }));
    WatchedClient c;
    FrameClientOptions options;
    options.url = m_server.url(path);
    if (!origin.isEmpty())
        options.headers.append({"Origin", origin});
    QVERIFY(!c.open(options));
    QCOMPARE(c.failed.size(), 1);
    QCOMPARE(c.firstFailure(), why);
    QCOMPARE(c.opened.size(), 0);
    QCOMPARE(c.client.state(), FrameClient::State::Closed);
    QVERIFY(c.client.responseHead().startsWith("HTTP/1.1 4"));
}

void tst_FrameClient::wrongJoinCode()
{
    // A 101, then close 1008 with the reason: the WebSocket way of saying no.
    QVERIFY(m_server.start([](ServerConfig &c) { c.joinCode = u"4242"_s; }));
    WatchedClient c;
    QVERIFY2(c.open(m_server.url(u"/echo?code=1111"_s)), qPrintable(c.firstFailure()));
    QTRY_COMPARE_WITH_TIMEOUT(c.closed.size(), 1, TestClient::Timeout);
    QCOMPARE(c.closed.first().at(0).toInt(), 1008);
    QCOMPARE(c.closed.first().at(1).toString(), u"join code missing or wrong"_s);
    QCOMPARE(c.client.closeReason(), u"join code missing or wrong"_s);
    // It answered the server's close with the same code.
    QCOMPARE(WebSocketFrameParser::closeCode(c.direction(true).last().frame.payload), 1008);
}

void tst_FrameClient::closesAtOnce()
{
    QTcpServer rude;
    QVERIFY(rude.listen(QHostAddress::LocalHost, 0));
    connect(&rude, &QTcpServer::newConnection, &rude, [&rude] {
        while (QTcpSocket *socket = rude.nextPendingConnection()) {
            socket->setParent(&rude);
            socket->close();
        }
    });
    WatchedClient c;
    QVERIFY(!c.open(QUrl(u"ws://127.0.0.1:%1/"_s.arg(rude.serverPort()))));
    QCOMPARE(c.firstFailure(), u"The server closed the connection before answering"_s);
    QCOMPARE(c.client.state(), FrameClient::State::Closed);
}

void tst_FrameClient::neverAnswers()
{
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    std::vector<std::unique_ptr<QTcpSocket>> kept;
    connect(&silent, &QTcpServer::newConnection, &silent, [&] {
        while (QTcpSocket *socket = silent.nextPendingConnection())
            kept.emplace_back(socket);
    });
    WatchedClient c;
    FrameClientOptions options;
    options.url = QUrl(u"ws://127.0.0.1:%1/echo"_s.arg(silent.serverPort()));
    options.timeoutMs = 500;
    QVERIFY(!c.open(options));
    QCOMPARE(c.firstFailure(), u"No answer within 0.5 s"_s);
    QVERIFY(!kept.empty()); // it did connect, and sent its request
    QTRY_VERIFY_WITH_TIMEOUT(kept.front()->bytesAvailable() > 0, TestClient::Timeout);
    QVERIFY(kept.front()->readAll().startsWith("GET /echo HTTP/1.1\r\n"));
    // And it let go of the connection.
    QTRY_COMPARE_WITH_TIMEOUT(kept.front()->state(), QAbstractSocket::UnconnectedState,
                              TestClient::Timeout);
}

void tst_FrameClient::connectionRefused()
{
    WatchedClient c;
    QVERIFY(!c.open(QUrl(u"ws://127.0.0.1:%1/echo"_s.arg(freePort()))));
    QVERIFY2(c.firstFailure().contains(u"refused"_s, Qt::CaseInsensitive),
             qPrintable(c.firstFailure()));
}

void tst_FrameClient::handWrittenServer_data()
{
    QTest::addColumn<QByteArray>("after"); // what the server sends after its 101
    QTest::addColumn<bool>("breaks"); // a frame that cannot be followed: a note and failed()
    // A ping first, which is answered; then a reserved opcode, or the end of TCP without a close.
    QTest::newRow("reserved opcode") << "\x89\x02hi\x83\x00"_ba << true;
    QTest::newRow("TCP ends without a close") << "\x89\x02hi"_ba << false;
}

void tst_FrameClient::handWrittenServer()
{
    QFETCH(QByteArray, after);
    QFETCH(bool, breaks);
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    connect(&server, &QTcpServer::newConnection, &server, [&] {
        QTcpSocket *socket = server.nextPendingConnection();
        socket->setParent(&server);
        connect(socket, &QTcpSocket::readyRead, socket, [socket, after, breaks] {
            const QByteArray head = socket->peek(16384);
            if (!head.contains("\r\n\r\n"))
                return;
            socket->readAll();
            const int at = head.indexOf("Sec-WebSocket-Key: ") + 19;
            const QByteArray key = head.mid(at, head.indexOf("\r\n", at) - at);
            socket->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                          "Connection: Upgrade\r\nSec-WebSocket-Accept: "
                          + WebSocketAccept::compute(key) + "\r\n\r\n" + after);
            if (!breaks) {
                // The pong comes back, then the server goes away.
                connect(socket, &QTcpSocket::readyRead, socket,
                        [socket] { socket->disconnectFromHost(); });
            }
        });
    });
    WatchedClient c;
    QVERIFY2(c.open(QUrl(u"ws://127.0.0.1:%1/"_s.arg(server.serverPort()))),
             qPrintable(c.firstFailure()));
    if (breaks) {
        QTRY_COMPARE_WITH_TIMEOUT(c.failed.size(), 1, TestClient::Timeout);
        QVERIFY2(c.firstFailure().startsWith(u"The server sent a frame that breaks the protocol"_s),
                 qPrintable(c.firstFailure()));
        QVERIFY(!c.frames.isEmpty());
        QVERIFY(!c.frames.last().note.isEmpty());
        QCOMPARE(c.client.state(), FrameClient::State::Closed);
    } else {
        QTRY_COMPARE_WITH_TIMEOUT(c.closed.size(), 1, TestClient::Timeout);
        QCOMPARE(c.closed.first().at(0).toInt(), 1006);
        QCOMPARE(c.client.closeCode(), 1006);
    }
    const QList<InspectedFrame> pings = c.received(0x9);
    QCOMPARE(pings.size(), 1);
    QCOMPARE(pings.first().roundTripUs, -1);
    const QList<InspectedFrame> sent = c.direction(true);
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().frame.opcode, 0xA);
    QCOMPARE(sent.first().frame.payload, "hi"_ba);
}

void tst_FrameClient::badUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("why");
    QTest::newRow("http://") << u"http://127.0.0.1/echo"_s << u"Use ws:// or wss://"_s;
    QTest::newRow("ftp://") << u"ftp://example.com/"_s << u"Use ws:// or wss://"_s;
    QTest::newRow("no scheme") << u"127.0.0.1:8080/echo"_s << u"Use ws:// or wss://"_s;
    QTest::newRow("no host") << u"ws:///echo"_s << u"The address has no host"_s;
}

void tst_FrameClient::badUrl()
{
    QFETCH(QString, url);
    QFETCH(QString, why);
    QCOMPARE(FrameClient::checkUrl(QUrl(url)), why);
    WatchedClient c;
    QSignalSpy states(&c.client, &FrameClient::stateChanged);
    QVERIFY(!c.open(QUrl(url)));
    QCOMPARE(c.failed.size(), 1);
    QCOMPARE(c.firstFailure(), why);
    QCOMPARE(c.client.state(), FrameClient::State::Closed);
    QCOMPARE(states.size(), 0); // it never tried
    QVERIFY(FrameClient::checkUrl(QUrl(u"wss://localhost:1/x"_s)).isEmpty());
}

void tst_FrameClient::selfSignedWss()
{
    QVERIFY(m_server.start([](ServerConfig &c) {
        c.tlsCertFile = QStringLiteral(WSROOM_TEST_DATA "/tls/server.crt");
        c.tlsKeyFile = QStringLiteral(WSROOM_TEST_DATA "/tls/server.key");
    }));
    const QUrl url = m_server.url(u"/echo"_s);
    QCOMPARE(url.scheme(), u"wss"_s);

    WatchedClient first;
    QVERIFY(!first.open(url) || first.opened.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(first.untrusted.size(), 1, TestClient::Timeout);
    QCOMPARE(first.opened.size(), 0);
    const auto certificate = first.untrusted.first().at(0).value<QSslCertificate>();
    QCOMPARE(certificate, serverCertificate());
    QVERIFY(!first.untrusted.first().at(1).value<QList<QSslError>>().isEmpty());
    QCOMPARE(first.client.state(), FrameClient::State::Closed);

    // Another certificate trusted: still refused.
    WatchedClient other;
    FrameClientOptions options;
    options.url = url;
    options.trustedCertificate
        = QSslCertificate::fromPath(QStringLiteral(WSROOM_TEST_DATA "/tls/other.crt")).value(0);
    QVERIFY(!other.open(options) || other.opened.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(other.untrusted.size(), 1, TestClient::Timeout);

    WatchedClient trusted;
    options.trustedCertificate = certificate;
    QVERIFY2(trusted.open(options), qPrintable(trusted.firstFailure()));
    trusted.client.sendText("over TLS");
    QCOMPARE(trusted.received(0x1).value(0).frame.payload, "over TLS"_ba);
    QCOMPARE(trusted.untrusted.size(), 0);
}

void tst_FrameClient::subprotocolsAndHeaders()
{
    QVERIFY(m_server.start());
    WatchedClient c;
    FrameClientOptions options;
    options.url = m_server.url(u"/echo?x=1&y=%20"_s);
    options.subprotocols = {u"chat.v2"_s, u"chat"_s};
    options.headers = {{"X-Trace", "abc 123"}, {"Authorization", "Bearer t0ken"}};
    QVERIFY2(c.open(options), qPrintable(c.firstFailure()));
    const QByteArray head = c.client.requestHead();
    QVERIFY2(head.startsWith("GET /echo?x=1&y=%20 HTTP/1.1\r\n"), head.constData());
    QVERIFY(head.contains("\r\nHost: 127.0.0.1:" + QByteArray::number(m_server.port()) + "\r\n"));
    QVERIFY(head.contains("\r\nUpgrade: websocket\r\n"));
    QVERIFY(head.contains("\r\nConnection: Upgrade\r\n"));
    QVERIFY(head.contains("\r\nSec-WebSocket-Version: 13\r\n"));
    QVERIFY(head.contains("\r\nSec-WebSocket-Key: "));
    QVERIFY(head.contains("\r\nSec-WebSocket-Protocol: chat.v2, chat\r\n"));
    QVERIFY(head.contains("\r\nX-Trace: abc 123\r\n"));
    QVERIFY(head.contains("\r\nAuthorization: Bearer t0ken\r\n"));
    QVERIFY(!head.contains("Sec-WebSocket-Extensions"));
    QVERIFY(head.endsWith("\r\n\r\n"));
    QVERIFY(c.client.responseHead().contains("Sec-WebSocket-Accept: "));
    QVERIFY(c.client.subprotocol().isEmpty()); // /echo speaks none of them
}

void tst_FrameClient::pythonSnippetRuns_data()
{
    QTest::addColumn<bool>("tls");
    QTest::addColumn<bool>("binary");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("printed");
    QTest::newRow("text") << false << false << "it's \"quoted\" \\ and\nsplit"_ba
                          << "it's \"quoted\" \\ and\nsplit\n"_ba;
    QTest::newRow("binary") << false << true << QByteArray("\x00\x7f\xff\"", 4)
                            << "b'\\x00\\x7f\\xff\"'\n"_ba;
    QTest::newRow("wss, certificate trusted") << true << false << "sealed"_ba
                                              << "sealed\n"_ba;
}

void tst_FrameClient::pythonSnippetRuns()
{
    QFETCH(bool, tls);
    QFETCH(bool, binary);
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, printed);
    QVERIFY(m_server.start([tls](ServerConfig &c) {
        if (tls) {
            c.tlsCertFile = QStringLiteral(WSROOM_TEST_DATA "/tls/server.crt");
            c.tlsKeyFile = QStringLiteral(WSROOM_TEST_DATA "/tls/server.key");
        }
    }));
    FrameClientOptions options;
    options.url = m_server.url(u"/echo"_s);
    if (tls)
        options.trustedCertificate = serverCertificate();
    options.subprotocols = {u"echo"_s};
    options.headers = {{"X-From", "the snippet"}};
    const QString script = Snippets::python(options, message, binary);
    QProcess python;
    python.start(QStringLiteral(WSROOM_PYTHON), {u"-c"_s, script});
    QVERIFY(python.waitForStarted());
    QVERIFY(python.waitForFinished(30000));
    QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
    QCOMPARE(python.readAllStandardOutput(), printed);
}

void tst_FrameClient::websocatSnippet_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<bool>("binary");
    QTest::addColumn<bool>("trusted");
    QTest::addColumn<QString>("command");
    QTest::newRow("plain") << "hello"_ba << false << false
                           << u"printf '%s\\n' 'hello' | websocat 'ws://127.0.0.1:9000/echo'"_s;
    QTest::newRow("quotes and spaces")
        << R"(it's "a" $HOME `x`)"_ba << false << false
        << uR"(printf '%s\n' 'it'\''s "a" $HOME `x`' | websocat 'ws://127.0.0.1:9000/echo')"_s;
    QTest::newRow("newline")
        << "two\nlines"_ba << false << false
        << u"printf '%s\\0' 'two\nlines' | websocat -0 'ws://127.0.0.1:9000/echo'"_s;
    QTest::newRow("binary")
        << QByteArray("\x01'%\\A", 5) << true << false
        << uR"(printf '\001\047\045\134A' | websocat -b 'ws://127.0.0.1:9000/echo')"_s;
    QTest::newRow("trusted certificate")
        << "x"_ba << false << true
        << u"printf '%s\\n' 'x' | websocat -k 'ws://127.0.0.1:9000/echo'"_s;
}

void tst_FrameClient::websocatSnippet()
{
    QFETCH(QByteArray, message);
    QFETCH(bool, binary);
    QFETCH(bool, trusted);
    QFETCH(QString, command);
    FrameClientOptions options;
    options.url = QUrl(u"ws://127.0.0.1:9000/echo"_s);
    if (trusted)
        options.trustedCertificate = serverCertificate();
    QCOMPARE(Snippets::websocat(options, message, binary), command);

    // Headers and subprotocols, quoted, before the address.
    options.subprotocols = {u"v1"_s, u"v2"_s};
    options.headers = {{"Origin", "http://it's.example"}};
    const QString full = Snippets::websocat(options, message, binary);
    QVERIFY2(full.endsWith(u" --protocol 'v1, v2' -H='Origin: http://it'\\''s.example' "
                           u"'ws://127.0.0.1:9000/echo'"_s),
             qPrintable(full));

    // What sh makes of the message part is the message: run the printf half.
    const QString printfPart = command.left(command.indexOf(u" | websocat"_s));
    QProcess sh;
    sh.start(u"/bin/sh"_s, {u"-c"_s, printfPart});
    QVERIFY(sh.waitForFinished(10000));
    QByteArray expected = message;
    if (!binary)
        expected += message.contains('\n') ? QByteArray(1, '\0') : QByteArray("\n");
    QCOMPARE(sh.readAllStandardOutput(), expected);
}

void tst_FrameClient::fastApiBroadcast()
{
    if (!TutorialPeer::available())
        QSKIP("python3-fastapi and python3-uvicorn are not installed (scripts/setup.sh's "
              "WSROOM_TEST_PACKAGES has them; ./test.sh installs them)");
    TutorialPeer peer;
    QVERIFY2(peer.start(), peer.output().constData());

    const QUrl url = peer.url();
    WatchedClient alice, bob;
    QVERIFY2(alice.open(url), qPrintable(alice.firstFailure()));
    QVERIFY2(bob.open(url), qPrintable(bob.firstFailure()));
    alice.client.sendText(R"({"message":"hello from alice","n":1})");
    for (WatchedClient *c : {&alice, &bob}) {
        const QList<InspectedFrame> back = c->received(0x1);
        QCOMPARE(back.size(), 1);
        const QJsonObject json = QJsonDocument::fromJson(back.first().frame.payload).object();
        QCOMPARE(json.value("message"_L1).toString(), u"hello from alice"_s);
        QCOMPARE(json.value("n"_L1).toInt(), 1);
    }
    QVERIFY(alice.received(0x1).first().roundTripUs >= 0);
    alice.client.close(1000, u"done"_s);
    QTRY_COMPARE_WITH_TIMEOUT(alice.closed.size(), 1, TestClient::Timeout);
    QCOMPARE(alice.closed.first().at(0).toInt(), 1000);
}

QTEST_MAIN(tst_FrameClient)
#include "tst_frameclient.moc"
