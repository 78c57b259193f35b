// Hostile and broken peers over real sockets: silent peers and the idle ping, slow and flooding
// handshakes, WebSocket frames that break RFC 6455, HTTP heads that break RFC 9112. Each case
// checks what the peer gets and that the server goes on serving.

#include "protocol/closecode.h"
#include "protocol/httprequesthead.h"
#include "server/roommanager.h"
#include "server/serverhost.h"
#include "tests/common/rawwebsocket.h"
#include "tests/common/testclient.h"
#include "tests/common/testserver.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr int MaxMessageBytes = 1024;

using Frame = RawWebSocket::Frame;

QByteArray frame(quint8 opcode, const QByteArray &payload, bool fin = true, quint8 rsv = 0)
{
    return RawWebSocket::encode({fin, rsv, opcode, payload});
}

} // namespace

class tst_Abuse : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    // idle peers and handshakes
    void idlePingClosesSilentPeer();
    void slowHeadersGet408();
    void fullBacklogDropsOldest();

    // protocol abuse
    void protocolErrors_data();
    void protocolErrors();
    void unmaskedClientFrame();

    // HTTP abuse
    void httpAbuse_data();
    void httpAbuse();

private:
    // Sends bytes on a fresh connection; what came back before the server closed it.
    QByteArray exchange(const QByteArray &bytes);
    int connections();

    TestServer m_server {
        TestServer::testDefaults([](ServerConfig &c) { c.maxMessageBytes = MaxMessageBytes; })};
};

void tst_Abuse::init()
{
    m_server.init();
}

void tst_Abuse::cleanup()
{
    m_server.cleanup();
}

QByteArray tst_Abuse::exchange(const QByteArray &bytes)
{
    RawWebSocket client;
    if (!client.connectTo(m_server.port()))
        return "(no connection)";
    client.sendRaw(bytes);
    if (!client.waitDisconnected())
        return "(still open) " + client.unparsed();
    return client.unparsed();
}

int tst_Abuse::connections()
{
    return m_server.status().value("connections"_L1).toInt(-1);
}

// ---------------------------------------------------------------------------------------------
// Idle peers and handshakes

void tst_Abuse::idlePingClosesSilentPeer()
{
    constexpr int PingMs = 300;
    QVERIFY(m_server.start([](ServerConfig &c) { c.idlePingMs = PingMs; }));

    // A peer that never answers pings (a frozen tab, a dead NAT mapping).
    RawWebSocket silent;
    QVERIFY(silent.connectTo(m_server.port()));
    QVERIFY(silent.handshake("/ws/lobby/silent"));
    // A hand-made peer that answers, and a QWebSocket, which answers by itself.
    RawWebSocket answering;
    answering.answerPings = true;
    QVERIFY(answering.connectTo(m_server.port()));
    QVERIFY(answering.handshake("/ws/lobby/answering"));
    TestClient alive;
    QVERIFY(alive.openNative(m_server.url(u"/chat?name=alive&room=lobby"_s), true));
    QCOMPARE(connections(), 3);

    // The answering peer reads (and answers) while the silent one waits for its close.
    QElapsedTimer clock;
    clock.start();
    bool closed = false;
    while (!closed && clock.elapsed() < 20 * PingMs) {
        answering.pump(50);
        closed = silent.pump(50);
    }
    QVERIFY2(closed, "the silent peer was not closed");
    const Frame close = silent.closeFrame;
    QVERIFY(silent.pingsSeen >= 1);
    QCOMPARE(close.closeCode(), int(CloseCode::InternalError));
    QVERIFY2(close.closeReason().startsWith("no answer to ping"), close.closeReason().constData());
    // Cut at once: a peer that does not answer pings will not answer a close either.
    QVERIFY(silent.waitDisconnected(2 * PingMs + 2000));

    // Several intervals later the answering peers are still there, and served.
    answering.pump(4 * PingMs);
    QCOMPARE(connections(), 2);
    answering.sendText("still here");
    QByteArray line;
    QVERIFY(answering.nextText(&line));
    QVERIFY2(line.contains("still here"), line.constData());
    QVERIFY(!alive.isDisconnected);
}

void tst_Abuse::slowHeadersGet408()
{
    QVERIFY(m_server.start([](ServerConfig &c) { c.handshakeTimeoutMs = 300; }));
    // Part of a head, then nothing: 408, then closed.
    const QByteArray partial = exchange("GET /chat HTTP/1.1\r\nHost: x\r\nUpgrade: web");
    QVERIFY2(partial.startsWith("HTTP/1.1 408 Request Timeout\r\n"), partial.constData());
    QVERIFY(partial.endsWith("The request head did not arrive in time.\n"));
    // Nothing at all: closed without a word.
    QCOMPARE(exchange(QByteArray()), QByteArray());
    // A whole head a byte at a time, each byte in time but the whole not: still 408.
    RawWebSocket trickle;
    QVERIFY(trickle.connectTo(m_server.port()));
    const QByteArray head = "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: " + QByteArray(40, 'z');
    for (const char c : head) {
        if (trickle.isClosed())
            break;
        trickle.sendRaw(QByteArray(1, c));
        QTest::qWait(20);
    }
    QVERIFY(trickle.waitDisconnected());
    QVERIFY2(trickle.unparsed().startsWith("HTTP/1.1 408"), trickle.unparsed().constData());
    // The server still serves.
    QCOMPARE(connections(), 0);
}

void tst_Abuse::fullBacklogDropsOldest()
{
    QVERIFY(m_server.start([](ServerConfig &c) { c.maxPendingHandshakes = 3; }));
    RawWebSocket idle[3];
    for (RawWebSocket &socket : idle) {
        QVERIFY(socket.connectTo(m_server.port()));
        socket.sendRaw("GET / HT"); // accepted and waiting: a pending handshake
    }
    // No wait for the server to accept them: each connectTo() returned once the kernel had the
    // connection in the listening socket's queue, which the server accepts from in order, and
    // a connection counts as pending from its accept. So the fourth, which speaks at once, is
    // accepted after the three, and the oldest waiting one makes room for it.
    const QByteArray response = exchange("GET /api/status HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY2(response.startsWith("HTTP/1.1 200 OK"), response.constData());
    QVERIFY2(idle[0].waitDisconnected(), "the oldest pending connection was not dropped");
    QCOMPARE(idle[0].unparsed(), QByteArray());
    QVERIFY(!idle[2].isClosed());
}

// ---------------------------------------------------------------------------------------------
// Protocol abuse

void tst_Abuse::protocolErrors_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("code");
    using R = RawWebSocket;
    QTest::newRow("invalid UTF-8") << frame(R::Text, "caf\xC3(") << 1007;
    QTest::newRow("overlong UTF-8") << frame(R::Text, "\xC0\xAF") << 1007;
    QTest::newRow("UTF-16 surrogate in UTF-8") << frame(R::Text, "\xED\xA0\x80") << 1007;
    QTest::newRow("reserved data opcode 0x3") << frame(0x3, "x") << 1002;
    QTest::newRow("reserved control opcode 0xB") << frame(0xB, "x") << 1002;
    QTest::newRow("continuation without start") << frame(R::Continuation, "x") << 1002;
    QTest::newRow("text inside a fragmented text")
        << frame(R::Text, "a", false) + frame(R::Text, "b") << 1002;
    QTest::newRow("ping of 126 bytes") << frame(R::Ping, QByteArray(126, 'p')) << 1002;
    QTest::newRow("fragmented ping") << frame(R::Ping, "p", false) << 1002;
    QTest::newRow("RSV1 (no extension agreed)") << frame(R::Text, "x", true, 4) << 1002;
    QTest::newRow("RSV2") << frame(R::Text, "x", true, 2) << 1002;
    QTest::newRow("RSV3") << frame(R::Text, "x", true, 1) << 1002;
    QTest::newRow("one frame one byte over")
        << frame(R::Text, QByteArray(MaxMessageBytes + 1, 'x')) << 1009;
    QTest::newRow("fragments over, each under")
        << frame(R::Text, QByteArray(MaxMessageBytes / 2 + 1, 'x'), false)
            + frame(R::Continuation, QByteArray(MaxMessageBytes / 2, 'x'))
        << 1009;
    // Only the head is sent: the server must not wait for (or allocate) 4 EiB.
    QTest::newRow("length 2^62") << R::header(true, 0, R::Text, 1ULL << 62, true) + "MASK" << 1009;
    QTest::newRow("length with the top bit set")
        << R::header(true, 0, R::Text, 1ULL << 63, true) + "MASK" << 1002;
}

void tst_Abuse::protocolErrors()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, code);
    QVERIFY(m_server.start());
    TestClient neighbour;
    QVERIFY(neighbour.openNative(m_server.url(u"/chat?name=neighbour&room=lobby"_s), true));

    RawWebSocket peer;
    QVERIFY(peer.connectTo(m_server.port()));
    QVERIFY(peer.handshake("/ws/lobby/mallory"));
    peer.sendRaw(bytes);
    Frame close;
    QVERIFY2(peer.waitClose(&close), "no close frame");
    QCOMPARE(close.closeCode(), code);
    QVERIFY(peer.waitDisconnected());
    // Nothing of it reached the room, and the neighbour is still served.
    QVERIFY(QTest::qWaitFor([this] { return connections() == 1; }, TestClient::Timeout));
    neighbour.send(QJsonObject {{"type"_L1, "ping"_L1}, {"ts"_L1, 1}});
    QJsonObject o;
    do {
        QVERIFY(neighbour.next(&o));
        QVERIFY2(o.value("type"_L1) != "message"_L1, "a broken frame was delivered");
    } while (o.value("type"_L1) != "pong"_L1);
}

void tst_Abuse::unmaskedClientFrame()
{
    // RFC 6455 5.1: a server MUST close the connection on an unmasked client frame (1002), and
    // act on nothing in it. (QtWebSockets 6.4 acted on it; wsroom reads frames itself now.)
    QVERIFY(m_server.start());
    TestClient listener;
    QVERIFY(listener.openNative(m_server.url(u"/chat?name=listener&room=lobby"_s), true));
    RawWebSocket peer;
    QVERIFY(peer.connectTo(m_server.port()));
    QVERIFY(peer.handshake("/ws/lobby/bare"));
    peer.send({true, 0, RawWebSocket::Text, "unmasked hello"}, false);
    RawWebSocket::Frame close;
    QVERIFY(peer.waitClose(&close));
    QCOMPARE(close.closeCode(), 1002);
    QVERIFY(peer.waitDisconnected());
    // The listener hears the peer leave, never its line.
    QJsonObject o;
    do {
        QVERIFY(listener.next(&o));
        QVERIFY(o.value("type"_L1) != "message"_L1);
    } while (o.value("type"_L1) != "presence"_L1 || o.value("event"_L1) != "leave"_L1);
}

// ---------------------------------------------------------------------------------------------
// HTTP abuse

void tst_Abuse::httpAbuse_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("statusLine");
    QTest::addColumn<QByteArray>("sentence");

    const QByteArray status = "GET /api/status HTTP/1.1\r\n";
    // A head of exactly n bytes: the request line, one padding header, the blank line.
    auto headOf = [&](int n) {
        const QByteArray start = status + "X-Pad: ";
        return start + QByteArray(n - start.size() - 4, 'p') + "\r\n\r\n";
    };
    auto withHeaders = [&](int n) {
        QByteArray head = status;
        for (int i = 0; i < n; ++i)
            head += "X-H" + QByteArray::number(i) + ": v\r\n";
        return head + "\r\n";
    };
    QVERIFY(headOf(HttpRequestHead::MaxHeadBytes).size() == HttpRequestHead::MaxHeadBytes);

    QTest::newRow("garbage before the request line") << "\x01\x02\x03" + status + "\r\n"
                                                     << QByteArray("HTTP/1.1 400") << QByteArray();
    QTest::newRow("blank line before the request line") << "\r\n" + status
            + "\r\n" << QByteArray("HTTP/1.1 400") << QByteArray();
    QTest::newRow("binary noise") << QByteArray::fromHex("00ff00ff13370d0a0d0a")
                                  << QByteArray("HTTP/1.1 400") << QByteArray();
    QTest::newRow("TLS ClientHello on the plain port")
        << QByteArray::fromHex("16030100c4010000c00303") + QByteArray(180, '\0')
        << QByteArray("HTTP/1.1 400") << QByteArray("This port does not speak TLS");
    QTest::newRow("head of exactly 16384 bytes")
        << headOf(HttpRequestHead::MaxHeadBytes) << QByteArray("HTTP/1.1 200") << QByteArray();
    QTest::newRow("head of 16385 bytes")
        << headOf(HttpRequestHead::MaxHeadBytes + 1) << QByteArray("HTTP/1.1 431")
        << QByteArray("request head larger than 16384 bytes");
    QTest::newRow("endless head") << status + "X-Pad: " + QByteArray(20000, 'p')
                                  << QByteArray("HTTP/1.1 431") << QByteArray();
    QTest::newRow("100 headers") << withHeaders(HttpRequestHead::MaxHeaders)
                                 << QByteArray("HTTP/1.1 200") << QByteArray();
    QTest::newRow("101 headers") << withHeaders(HttpRequestHead::MaxHeaders + 1)
                                 << QByteArray("HTTP/1.1 400") << QByteArray("too many headers");
    QTest::newRow("header line without a colon") << status + "Host x\r\n\r\n"
                                                 << QByteArray("HTTP/1.1 400") << QByteArray();
    QTest::newRow("HTTP/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")
                                    << QByteArray("HTTP/1.1 400") << QByteArray();
}

void tst_Abuse::httpAbuse()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, statusLine);
    QFETCH(QByteArray, sentence);
    QVERIFY(m_server.start());
    const QByteArray response = exchange(request);
    QVERIFY2(response.startsWith(statusLine), response.left(300).constData());
    QVERIFY2(response.contains(sentence), response.left(300).constData());
    // Nothing broke: the next request is served.
    QCOMPARE(connections(), 0);
}

QTEST_MAIN(tst_Abuse)
#include "tst_abuse.moc"
