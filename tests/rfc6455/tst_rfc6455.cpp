// RFC 6455 to the letter, with frames sent by hand (additions-2 section 2): the /echo endpoint,
// the framing rules of section 5 on every endpoint, UTF-8 judged per message and as its bytes
// arrive, ping and pong, the closing handshake of section 7, and the opening handshake of
// section 4. A failure is a close frame with the rule's code, then the end of the TCP connection.

#include "protocol/dialect.h"
#include "protocol/websocketaccept.h"
#include "server/roommanager.h"
#include "server/serverhost.h"
#include "server/serversnapshot.h"
#include "tests/common/rawwebsocket.h"
#include "tests/common/testclient.h"
#include "tests/common/testserver.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int MaxMessageBytes = 1024;
// How long a close that the rule demands may take to come: it is due at once, on loopback.
constexpr int CloseTimeout = 5000;

using Frame = RawWebSocket::Frame;
using R = RawWebSocket;

// One masked client frame.
QByteArray frame(quint8 opcode, const QByteArray &payload, bool fin = true, quint8 rsv = 0)
{
    return RawWebSocket::encode({fin, rsv, opcode, payload});
}

// Every WebSocket path of the server, one per dialect, by a short name for row names.
const QList<std::pair<const char *, QByteArray>> &endpoints()
{
    static const QList<std::pair<const char *, QByteArray>> all {
        {"echo", "/echo"},
        {"native", "/chat?name=strict&room=lobby"},
        {"broadcast", "/"},
        {"chat", "/ws/lobby/strict"},
    };
    return all;
}

// "κόσμε", then an emoji (U+1F600), as UTF-8: characters of 2 and 4 bytes.
const QByteArray Kosme = "\xCE\xBA\xE1\xBD\xB9\xCF\x83\xCE\xBC\xCE\xB5 \xF0\x9F\x98\x80!";

} // namespace

class tst_Rfc6455 : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    // the /echo endpoint
    void echoSendsEachMessageBack_data();
    void echoSendsEachMessageBack();
    void echoSendsFragmentedMessageAsOneFrame();
    void echoIsListedAsDialectEcho();
    void echoHasNoRateLimit();
    void echoNeedsTheJoinCode();

    // framing (RFC 6455, 5.1-5.5) on every endpoint
    void framingErrors_data();
    void framingErrors();
    void tooBigIsToldOnTheHeader_data();
    void tooBigIsToldOnTheHeader();

    // UTF-8 (RFC 6455, 5.6 and 8.1; RFC 3629)
    void utf8CutInsideCharactersIsAccepted();
    void utf8ValidEdgesAreAccepted_data();
    void utf8ValidEdgesAreAccepted();
    void utf8InvalidSequence_data();
    void utf8InvalidSequence();
    void utf8BadByteInFirstFrameClosesBeforeTheRest_data();
    void utf8BadByteInFirstFrameClosesBeforeTheRest();
    void utf8BadByteMidFrameClosesBeforeTheRest_data();
    void utf8BadByteMidFrameClosesBeforeTheRest();
    void utf8TruncatedAtFin_data();
    void utf8TruncatedAtFin();

    // ping and pong (RFC 6455, 5.5.2-5.5.3)
    void pingGetsPongWithSamePayload_data();
    void pingGetsPongWithSamePayload();
    void pingInsideFragmentedMessage();
    void unsolicitedPongIsIgnored();

    // the closing handshake (RFC 6455, 5.5.1 and 7.4)
    void closeIsEchoed_data();
    void closeIsEchoed();
    void emptyCloseGetsEmptyClose_data();
    void emptyCloseGetsEmptyClose();
    void closeCodeInvalid_data();
    void closeCodeInvalid();
    void closeWithOneBytePayloadIs1002_data();
    void closeWithOneBytePayloadIs1002();
    void closeReasonNotUtf8Is1007_data();
    void closeReasonNotUtf8Is1007();
    void framesAfterCloseAreIgnored();

    // the opening handshake (RFC 6455, 4.2)
    void handshakeKeyInvalidIs400_data();
    void handshakeKeyInvalidIs400();
    void handshakeVersionNot13Is426_data();
    void handshakeVersionNot13Is426();
    void handshakeAcceptIsRight_data();
    void handshakeAcceptIsRight();

private:
    // Connects peer to path of the server, handshake done.
    bool open(RawWebSocket &peer, const QByteArray &path);
    // The next frame of opcode from peer, skipping the dialect's text frames; false at a close
    // frame (kept in peer.closeFrame), a timeout or the end of the connection.
    static bool nextOf(RawWebSocket &peer, quint8 opcode, Frame *frame, int timeout = CloseTimeout);
    // Adds one row per endpoint: "<name> @ <endpoint>" with the path and the row's values.
    template<typename... Values> static void addEndpointRows(const char *name, Values... values);

    TestServer m_server {
        TestServer::testDefaults([](ServerConfig &c) { c.maxMessageBytes = MaxMessageBytes; })};
};

// The server failed the connection with code: a close frame with it, then TCP closed.
#define EXPECT_FAILED(peer, code) EXPECT_WEBSOCKET_FAILED(peer, code, CloseTimeout)

void tst_Rfc6455::init()
{
    m_server.init();
}

void tst_Rfc6455::cleanup()
{
    m_server.cleanup();
}

bool tst_Rfc6455::open(RawWebSocket &peer, const QByteArray &path)
{
    return peer.connectTo(m_server.port()) && peer.handshake(path);
}

bool tst_Rfc6455::nextOf(RawWebSocket &peer, quint8 opcode, Frame *frame, int timeout)
{
    while (peer.nextFrame(frame, timeout)) {
        if (frame->opcode == opcode)
            return true;
        if (frame->opcode == R::Close) {
            peer.closeFrame = *frame;
            return false;
        }
    }
    return false;
}

template<typename... Values> void tst_Rfc6455::addEndpointRows(const char *name, Values... values)
{
    for (const auto &[endpoint, path] : endpoints())
        ((QTest::addRow("%s @ %s", name, endpoint) << path) << ... << values);
}

// ---------------------------------------------------------------------------------------------
// The /echo endpoint

void tst_Rfc6455::echoSendsEachMessageBack_data()
{
    QTest::addColumn<int>("opcode");
    QTest::addColumn<QByteArray>("payload");
    QTest::newRow("text") << int(R::Text) << QByteArray("hello");
    QTest::newRow("empty text") << int(R::Text) << QByteArray();
    QTest::newRow("text, UTF-8") << int(R::Text) << Kosme;
    QTest::newRow("text of 126 bytes (16-bit length)") << int(R::Text) << QByteArray(126, 't');
    QTest::newRow("text at the size limit") << int(R::Text) << QByteArray(MaxMessageBytes, 'l');
    QTest::newRow("binary") << int(R::Binary) << QByteArray::fromHex("00ff80c0fe01");
    QTest::newRow("empty binary") << int(R::Binary) << QByteArray();
}

void tst_Rfc6455::echoSendsEachMessageBack()
{
    QFETCH(int, opcode);
    QFETCH(QByteArray, payload);
    QVERIFY(m_server.start());
    RawWebSocket peer;
    QVERIFY(open(peer, "/echo"));
    for (int i = 0; i < 3; ++i) {
        peer.send({true, 0, quint8(opcode), payload});
        Frame echo;
        QVERIFY(peer.nextFrame(&echo));
        QVERIFY(echo.fin);
        QCOMPARE(echo.rsv, quint8(0));
        QCOMPARE(int(echo.opcode), opcode);
        QCOMPARE(echo.payload, payload);
    }
}

void tst_Rfc6455::echoSendsFragmentedMessageAsOneFrame()
{
    QVERIFY(m_server.start());
    RawWebSocket peer;
    QVERIFY(open(peer, "/echo"));
    peer.sendRaw(frame(R::Binary, "ab", false) + frame(R::Continuation, "", false)
                 + frame(R::Continuation, "cd"));
    Frame echo;
    QVERIFY(peer.nextFrame(&echo));
    QVERIFY(echo.fin);
    QCOMPARE(int(echo.opcode), int(R::Binary));
    QCOMPARE(echo.payload, QByteArray("abcd"));
}

void tst_Rfc6455::echoIsListedAsDialectEcho()
{
    QVERIFY(m_server.start());
    RawWebSocket peer;
    QVERIFY(open(peer, "/echo"));
    QTRY_COMPARE_WITH_TIMEOUT(m_server.status().value("connections"_L1).toInt(), 1, CloseTimeout);
    QSignalSpy spy(m_server.manager(), &RoomManager::snapshotReady);
    m_server.host()->requestSnapshot();
    QTRY_VERIFY_WITH_TIMEOUT(!spy.isEmpty(), CloseTimeout);
    const ServerSnapshot snapshot = spy.first().first().value<ServerSnapshot>();
    QCOMPARE(snapshot.members.size(), 1);
    QCOMPARE(dialectName(snapshot.members.first().dialect), u"echo"_s);
    QVERIFY(snapshot.members.first().rooms.isEmpty());
}

void tst_Rfc6455::echoHasNoRateLimit()
{
    QVERIFY(m_server.start([](ServerConfig &c) { c.rateLimit = 5; }));
    RawWebSocket peer;
    QVERIFY(open(peer, "/echo"));
    constexpr int Count = 100;
    QByteArray burst;
    for (int i = 0; i < Count; ++i)
        burst += frame(R::Text, QByteArray::number(i));
    peer.sendRaw(burst);
    for (int i = 0; i < Count; ++i) {
        Frame echo;
        QVERIFY2(peer.nextFrame(&echo), qPrintable(u"echo %1 missing"_s.arg(i)));
        QCOMPARE(int(echo.opcode), int(R::Text));
        QCOMPARE(echo.payload, QByteArray::number(i));
    }
}

void tst_Rfc6455::echoNeedsTheJoinCode()
{
    QVERIFY(m_server.start([](ServerConfig &c) { c.joinCode = u"4821"_s; }));
    RawWebSocket stranger;
    QVERIFY(open(stranger, "/echo?code=1111"));
    EXPECT_FAILED(stranger, 1008);
    RawWebSocket pupil;
    QVERIFY(open(pupil, "/echo?code=4821"));
    pupil.sendText("hi");
    Frame echo;
    QVERIFY(pupil.nextFrame(&echo));
    QCOMPARE(echo.payload, QByteArray("hi"));
}

// ---------------------------------------------------------------------------------------------
// Framing, on every endpoint

void tst_Rfc6455::framingErrors_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("code");
    addEndpointRows("unmasked frame", R::encode({true, 0, R::Text, "x"}, false), 1002);
    addEndpointRows("RSV1 without extension", frame(R::Text, "x", true, 4), 1002);
    addEndpointRows("RSV2", frame(R::Text, "x", true, 2), 1002);
    addEndpointRows("RSV3", frame(R::Binary, "x", true, 1), 1002);
    for (const quint8 opcode : {3, 4, 5, 6, 7, 0xB, 0xC, 0xD, 0xE, 0xF}) {
        const QByteArray name = "reserved opcode 0x" + QByteArray::number(opcode, 16);
        addEndpointRows(name.constData(), frame(opcode, "x"), 1002);
    }
    addEndpointRows("ping with FIN clear", frame(R::Ping, "p", false), 1002);
    addEndpointRows("pong with FIN clear", frame(R::Pong, "p", false), 1002);
    addEndpointRows("close with FIN clear", frame(R::Close, R::closePayload(1000), false), 1002);
    addEndpointRows("ping of 126 bytes", frame(R::Ping, QByteArray(126, 'p')), 1002);
    addEndpointRows("pong of 126 bytes", frame(R::Pong, QByteArray(126, 'p')), 1002);
    addEndpointRows("close of 126 bytes",
                    frame(R::Close, R::closePayload(1000, QByteArray(124, 'c'))), 1002);
    addEndpointRows("continuation with no message", frame(R::Continuation, "x"), 1002);
    addEndpointRows("text while a text is open", frame(R::Text, "a", false) + frame(R::Text, "b"),
                    1002);
    addEndpointRows("binary while a text is open",
                    frame(R::Text, "a", false) + frame(R::Binary, "b"), 1002);
    addEndpointRows("64-bit length with the top bit set",
                    R::header(true, 0, R::Text, 1ULL << 63, true) + "MASK", 1002);
    addEndpointRows("16-bit length for 5 bytes",
                    R::encodeWithLengthField({true, 0, R::Text, "hello"}, 126), 1002);
    addEndpointRows("64-bit length for 200 bytes",
                    R::encodeWithLengthField({true, 0, R::Text, QByteArray(200, 'x')}, 127), 1002);
    addEndpointRows("64-bit length for 5 bytes",
                    R::encodeWithLengthField({true, 0, R::Text, "hello"}, 127), 1002);
}

void tst_Rfc6455::framingErrors()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, bytes);
    QFETCH(int, code);
    QVERIFY(m_server.start());
    RawWebSocket peer;
    QVERIFY(open(peer, path));
    peer.sendRaw(bytes);
    EXPECT_FAILED(peer, code);
}

void tst_Rfc6455::tooBigIsToldOnTheHeader_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("bytes");
    // Only heads (and their mask keys) of the frames that pass the limit are sent: the close
    // must come without their payload.
    addEndpointRows("one frame one byte over",
                    R::header(true, 0, R::Text, MaxMessageBytes + 1, true) + "MASK");
    addEndpointRows("binary frame of 2^62 bytes",
                    R::header(true, 0, R::Binary, 1ULL << 62, true) + "MASK");
    addEndpointRows("fragments over, each under",
                    frame(R::Text, QByteArray(MaxMessageBytes / 2, 'x'), false)
                        + R::header(true, 0, R::Continuation, MaxMessageBytes / 2 + 1, true)
                        + "MASK");
}

void tst_Rfc6455::tooBigIsToldOnTheHeader()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, bytes);
    QVERIFY(m_server.start());
    RawWebSocket peer;
    QVERIFY(open(peer, path));
    peer.sendRaw(bytes);
    EXPECT_FAILED(peer, 1009);
}

// ---------------------------------------------------------------------------------------------
// UTF-8

void tst_Rfc6455::utf8CutInsideCharactersIsAccepted()
{
    QVERIFY(m_server.start());
    RawWebSocket peer;
    QVERIFY(open(peer, "/echo"));
    QByteArray bytes;
    for (qsizetype i = 0; i < Kosme.size(); ++i) {
        const bool first = i == 0;
        const bool last = i == Kosme.size() - 1;
        bytes += frame(first ? R::Text : R::Continuation, Kosme.mid(i, 1), last);
    }
    peer.sendRaw(bytes);
    Frame echo;
    QVERIFY(peer.nextFrame(&echo));
    QCOMPARE(int(echo.opcode), int(R::Text));
    QVERIFY(echo.fin);
    QCOMPARE(echo.payload, Kosme);
}

void tst_Rfc6455::utf8ValidEdgesAreAccepted_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("U+007F") << QByteArray("\x7F");
    QTest::newRow("U+0080") << QByteArray("\xC2\x80");
    QTest::newRow("U+07FF") << QByteArray("\xDF\xBF");
    QTest::newRow("U+0800") << QByteArray("\xE0\xA0\x80");
    QTest::newRow("U+D7FF, before the surrogates") << QByteArray("\xED\x9F\xBF");
    QTest::newRow("U+E000, after the surrogates") << QByteArray("\xEE\x80\x80");
    QTest::newRow("U+FFFF") << QByteArray("\xEF\xBF\xBF");
    QTest::newRow("U+10000") << QByteArray("\xF0\x90\x80\x80");
    QTest::newRow("U+10FFFF, the last") << QByteArray("\xF4\x8F\xBF\xBF");
}

void tst_Rfc6455::utf8ValidEdgesAreAccepted()
{
    QFETCH(QByteArray, text);
    QVERIFY(m_server.start());
    RawWebSocket peer;
    QVERIFY(open(peer, "/echo"));
    peer.sendText(text);
    Frame echo;
    QVERIFY(peer.nextFrame(&echo));
    QCOMPARE(int(echo.opcode), int(R::Text));
    QCOMPARE(echo.payload, text);
}

void tst_Rfc6455::utf8InvalidSequence_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("sequence");
    addEndpointRows("overlong C0 AF", QByteArray("\xC0\xAF"));
    addEndpointRows("overlong E0 80 AF", QByteArray("\xE0\x80\xAF"));
    addEndpointRows("surrogate ED A0 80", QByteArray("\xED\xA0\x80"));
    addEndpointRows("past U+10FFFF F4 90 80 80", QByteArray("\xF4\x90\x80\x80"));
    addEndpointRows("lone continuation 80", QByteArray("\x80"));
    addEndpointRows("FE", QByteArray("\xFE"));
    addEndpointRows("FF", QByteArray("\xFF"));
}

void tst_Rfc6455::utf8InvalidSequence()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, sequence);
    QVERIFY(m_server.start());
    RawWebSocket peer;
    QVERIFY(open(peer, path));
    peer.sendText("ok " + sequence + " end");
    EXPECT_FAILED(peer, 1007);
}

void tst_Rfc6455::utf8BadByteInFirstFrameClosesBeforeTheRest_data()
{
    QTest::addColumn<QByteArray>("path");
    addEndpointRows("FF in the first of three frames");
}

void tst_Rfc6455::utf8BadByteInFirstFrameClosesBeforeTheRest()
{
    QFETCH(QByteArray, path);
    QVERIFY(m_server.start());
    RawWebSocket peer;
    QVERIFY(open(peer, path));
    peer.sendRaw(frame(R::Text, "bad \xFF", false));
    // Frames 2 and 3 ("rest", "end") are never sent: the close must not wait for them.
    EXPECT_FAILED(peer, 1007);
}

void tst_Rfc6455::utf8BadByteMidFrameClosesBeforeTheRest_data()
{
    QTest::addColumn<QByteArray>("path");
    addEndpointRows("FF at byte 100 of 400, 200 sent");
}

void tst_Rfc6455::utf8BadByteMidFrameClosesBeforeTheRest()
{
    QFETCH(QByteArray, path);
    QVERIFY(m_server.start());
    RawWebSocket peer;
    QVERIFY(open(peer, path));
    QByteArray payload(400, 'a');
    payload[100] = '\xFF';
    const QByteArray bytes = frame(R::Text, payload);
    const qsizetype head = bytes.size() - payload.size();
    // The head and the first 200 payload bytes, the bad one among them; the rest is not sent.
    peer.sendRaw(bytes.left(head + 200));
    EXPECT_FAILED(peer, 1007);
}

void tst_Rfc6455::utf8TruncatedAtFin_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("bytes");
    addEndpointRows("one frame ending in CE", frame(R::Text, "ok \xCE"));
    addEndpointRows("one frame ending in F0 9F 98", frame(R::Text, "ok \xF0\x9F\x98"));
    addEndpointRows("CE, then an empty last frame",
                    frame(R::Text, "ok \xCE", false) + frame(R::Continuation, ""));
    addEndpointRows("E1 BD, then a last frame of ASCII",
                    frame(R::Text, "\xE1\xBD", false) + frame(R::Continuation, "x"));
}

void tst_Rfc6455::utf8TruncatedAtFin()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, bytes);
    QVERIFY(m_server.start());
    RawWebSocket peer;
    QVERIFY(open(peer, path));
    peer.sendRaw(bytes);
    EXPECT_FAILED(peer, 1007);
}

// ---------------------------------------------------------------------------------------------
// Ping and pong

void tst_Rfc6455::pingGetsPongWithSamePayload_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("payload");
    addEndpointRows("empty ping", QByteArray());
    addEndpointRows("ping of 125 bytes", QByteArray(125, 'p'));
    addEndpointRows("binary ping", QByteArray::fromHex("00ff80"));
}

void tst_Rfc6455::pingGetsPongWithSamePayload()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, payload);
    QVERIFY(m_server.start());
    RawWebSocket peer;
    QVERIFY(open(peer, path));
    peer.send({true, 0, R::Ping, payload});
    Frame pong;
    QVERIFY2(nextOf(peer, R::Pong, &pong), "no pong");
    QVERIFY(pong.fin);
    QCOMPARE(pong.payload, payload);
}

void tst_Rfc6455::pingInsideFragmentedMessage()
{
    QVERIFY(m_server.start());
    RawWebSocket peer;
    QVERIFY(open(peer, "/echo"));
    peer.sendRaw(frame(R::Text, "hel", false) + frame(R::Ping, "mid"));
    Frame pong;
    QVERIFY2(nextOf(peer, R::Pong, &pong), "no pong before the message's end");
    QCOMPARE(pong.payload, QByteArray("mid"));
    peer.sendRaw(frame(R::Continuation, "lo"));
    Frame echo;
    QVERIFY(peer.nextFrame(&echo));
    QCOMPARE(int(echo.opcode), int(R::Text));
    QCOMPARE(echo.payload, QByteArray("hello"));
}

void tst_Rfc6455::unsolicitedPongIsIgnored()
{
    QVERIFY(m_server.start());
    RawWebSocket peer;
    QVERIFY(open(peer, "/echo"));
    peer.sendRaw(frame(R::Pong, "unasked") + frame(R::Text, "after"));
    Frame echo;
    QVERIFY(peer.nextFrame(&echo));
    QCOMPARE(int(echo.opcode), int(R::Text));
    QCOMPARE(echo.payload, QByteArray("after"));
}

// ---------------------------------------------------------------------------------------------
// The closing handshake

void tst_Rfc6455::closeIsEchoed_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<int>("code");
    for (const int code : {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014,
                           3000, 3999, 4000, 4999}) {
        addEndpointRows(QByteArray::number(code).constData(), code);
    }
}

void tst_Rfc6455::closeIsEchoed()
{
    QFETCH(QByteArray, path);
    QFETCH(int, code);
    QVERIFY(m_server.start());
    RawWebSocket peer;
    QVERIFY(open(peer, path));
    peer.send({true, 0, R::Close, R::closePayload(quint16(code), "bye")});
    EXPECT_FAILED(peer, code);
}

void tst_Rfc6455::emptyCloseGetsEmptyClose_data()
{
    QTest::addColumn<QByteArray>("path");
    addEndpointRows("empty close");
}

void tst_Rfc6455::emptyCloseGetsEmptyClose()
{
    QFETCH(QByteArray, path);
    QVERIFY(m_server.start());
    RawWebSocket peer;
    QVERIFY(open(peer, path));
    peer.send({true, 0, R::Close, QByteArray()});
    Frame close;
    QVERIFY2(peer.waitClose(&close, CloseTimeout), "no close frame");
    QCOMPARE(close.payload, QByteArray());
    QVERIFY(peer.waitDisconnected());
}

void tst_Rfc6455::closeCodeInvalid_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<int>("code");
    for (const int code : {0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535})
        addEndpointRows(QByteArray::number(code).constData(), code);
}

void tst_Rfc6455::closeCodeInvalid()
{
    QFETCH(QByteArray, path);
    QFETCH(int, code);
    QVERIFY(m_server.start());
    RawWebSocket peer;
    QVERIFY(open(peer, path));
    peer.send({true, 0, R::Close, R::closePayload(quint16(code))});
    EXPECT_FAILED(peer, 1002);
}

void tst_Rfc6455::closeWithOneBytePayloadIs1002_data()
{
    QTest::addColumn<QByteArray>("path");
    addEndpointRows("close of one byte");
}

void tst_Rfc6455::closeWithOneBytePayloadIs1002()
{
    QFETCH(QByteArray, path);
    QVERIFY(m_server.start());
    RawWebSocket peer;
    QVERIFY(open(peer, path));
    peer.send({true, 0, R::Close, QByteArray(1, '\x03')});
    EXPECT_FAILED(peer, 1002);
}

void tst_Rfc6455::closeReasonNotUtf8Is1007_data()
{
    QTest::addColumn<QByteArray>("path");
    addEndpointRows("reason C0 AF");
}

void tst_Rfc6455::closeReasonNotUtf8Is1007()
{
    QFETCH(QByteArray, path);
    QVERIFY(m_server.start());
    RawWebSocket peer;
    QVERIFY(open(peer, path));
    peer.send({true, 0, R::Close, R::closePayload(1000, "bye \xC0\xAF")});
    EXPECT_FAILED(peer, 1007);
}

void tst_Rfc6455::framesAfterCloseAreIgnored()
{
    QVERIFY(m_server.start());
    RawWebSocket peer;
    QVERIFY(open(peer, "/echo"));
    peer.sendRaw(frame(R::Close, R::closePayload(1000)) + frame(R::Text, "late")
                 + frame(R::Ping, "late"));
    Frame next;
    QVERIFY(peer.nextFrame(&next));
    QCOMPARE(int(next.opcode), int(R::Close));
    QCOMPARE(next.closeCode(), 1000);
    QVERIFY(peer.waitDisconnected());
    QVERIFY2(!peer.nextFrame(&next, 0), "a frame came after the close");
}

// ---------------------------------------------------------------------------------------------
// The opening handshake

void tst_Rfc6455::handshakeKeyInvalidIs400_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("keyHeader");
    const QByteArray key = "Sec-WebSocket-Key: ";
    addEndpointRows("no key", QByteArray());
    addEndpointRows("empty key", key + "\r\n");
    addEndpointRows("not base64", key + "!!!!!!!!!!!!!!!!!!!!!!==\r\n");
    addEndpointRows("15 bytes", key + QByteArray(15, 'k').toBase64() + "\r\n");
    addEndpointRows("17 bytes", key + QByteArray(17, 'k').toBase64() + "\r\n");
    addEndpointRows("16 bytes without padding",
                    key + QByteArray(16, 'k').toBase64().chopped(2) + "\r\n");
}

void tst_Rfc6455::handshakeKeyInvalidIs400()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, keyHeader);
    QVERIFY(m_server.start());
    const QByteArray response
        = m_server.http("GET " + path
                        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                          "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                        + keyHeader + "\r\n");
    QVERIFY2(response.startsWith("HTTP/1.1 400 "), response.left(200).constData());
}

void tst_Rfc6455::handshakeVersionNot13Is426_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("version");
    addEndpointRows("8 (hybi-08)", QByteArray("8"));
    addEndpointRows("12", QByteArray("12"));
    addEndpointRows("14", QByteArray("14"));
}

void tst_Rfc6455::handshakeVersionNot13Is426()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, version);
    QVERIFY(m_server.start());
    const QByteArray response = m_server.http(
        "GET " + path
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: "
        + version + "\r\n\r\n");
    QVERIFY2(response.startsWith("HTTP/1.1 426 "), response.left(200).constData());
    const QByteArray head = response.left(response.indexOf("\r\n\r\n") + 2).toLower();
    QVERIFY2(head.contains("\r\nsec-websocket-version: 13\r\n"), head.constData());
}

void tst_Rfc6455::handshakeAcceptIsRight_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("key");
    QByteArray random(16, Qt::Uninitialized);
    for (char &c : random)
        c = char(QRandomGenerator::global()->bounded(256));
    addEndpointRows("RFC 6455's example key", QByteArray("dGhlIHNhbXBsZSBub25jZQ=="));
    addEndpointRows("a random key", random.toBase64());
}

void tst_Rfc6455::handshakeAcceptIsRight()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, key);
    QVERIFY(m_server.start());
    RawWebSocket peer;
    QVERIFY(peer.connectTo(m_server.port()));
    QVERIFY2(peer.handshake(path, QByteArray(), key), peer.responseHead.constData());
    QCOMPARE(peer.responseHeader("Sec-WebSocket-Accept"), WebSocketAccept::compute(key));
    if (key == "dGhlIHNhbXBsZSBub25jZQ==")
        QCOMPARE(peer.responseHeader("Sec-WebSocket-Accept"),
                 QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    QCOMPARE(peer.responseHeader("Upgrade").toLower(), QByteArray("websocket"));
    // No extension was offered, so none is agreed (RFC 6455, 9.1).
    QVERIFY(peer.responseHeader("Sec-WebSocket-Extensions").isNull());
}

QTEST_MAIN(tst_Rfc6455)
#include "tst_rfc6455.moc"
