// permessage-deflate (RFC 7692) with frames compressed and sent by hand (additions-2 section 2):
// the negotiation in the opening handshake, compressed messages both ways on /echo, the RSV1
// rules, limits on the inflated size (the zip bomb), UTF-8 judged after inflating, and the
// native fan-out's compressed frames.

#include "server/roommanager.h"
#include "server/serverhost.h"
#include "tests/common/deflate.h"
#include "tests/common/rawwebsocket.h"
#include "tests/common/testclient.h"
#include "tests/common/testserver.h"

#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int MaxMessageBytes = 1024;
// How long a close that the rule demands may take to come: it is due at once, on loopback.
constexpr int CloseTimeout = 5000;
// RSV1 in Frame::rsv (RSV1 is the highest of the three bits).
constexpr quint8 Rsv1 = 4;

using Frame = RawWebSocket::Frame;
using R = RawWebSocket;

// The offer Python's websockets and browsers make, as a request header line.
const QByteArray Offer = "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n";
// What wsroom answers to any offer it accepts without server_max_window_bits.
const QByteArray Agreed
    = "permessage-deflate; server_no_context_takeover; client_no_context_takeover";

// One masked client frame.
QByteArray frame(quint8 opcode, const QByteArray &payload, bool fin = true, quint8 rsv = 0)
{
    return RawWebSocket::encode({fin, rsv, opcode, payload});
}

// A message's frames: its compressed body cut in parts pieces, RSV1 on the first only.
QByteArray compressedFrames(quint8 opcode, const QByteArray &message, int parts)
{
    const QByteArray body = TestDeflate::compress(message);
    const qsizetype step = (body.size() + parts - 1) / parts;
    QByteArray out;
    for (int i = 0; i < parts; ++i) {
        const bool first = i == 0;
        out += frame(first ? opcode : quint8(R::Continuation), body.mid(i * step, step),
                     i == parts - 1, first ? Rsv1 : 0);
    }
    return out;
}

// "κόσμε", then an emoji (U+1F600), as UTF-8.
const QByteArray Kosme = "\xCE\xBA\xE1\xBD\xB9\xCF\x83\xCE\xBC\xCE\xB5 \xF0\x9F\x98\x80!";

} // namespace

class tst_Rfc7692 : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void negotiation_data();
    void negotiation();
    void compressedMessageIsEchoedCompressed_data();
    void compressedMessageIsEchoedCompressed();
    void uncompressedMessageOnDeflateConnection();
    void rsv1Misplaced_data();
    void rsv1Misplaced();
    void zipBombIs1009_data();
    void zipBombIs1009();
    void inflatedInvalidUtf8Is1007();
    void nativeFanOutIsCompressed();

private:
    // Connects peer to path with the usual offer (or none), handshake done.
    bool open(RawWebSocket &peer, const QByteArray &path, bool offer = true);
    // The next text frame whose (inflated, when RSV1) payload contains needle; its frame.
    static bool nextTextWith(RawWebSocket &peer, const QByteArray &needle, Frame *frame,
                             QByteArray *text);

    TestServer m_server {
        TestServer::testDefaults([](ServerConfig &c) { c.maxMessageBytes = MaxMessageBytes; })};
};

// The server failed the connection with code: a close frame with it, then TCP closed.
#define EXPECT_FAILED(peer, code) EXPECT_WEBSOCKET_FAILED(peer, code, CloseTimeout)

void tst_Rfc7692::init()
{
    m_server.init();
}

void tst_Rfc7692::cleanup()
{
    m_server.cleanup();
}

bool tst_Rfc7692::open(RawWebSocket &peer, const QByteArray &path, bool offer)
{
    return peer.connectTo(m_server.port()) && peer.handshake(path, offer ? Offer : QByteArray());
}

bool tst_Rfc7692::nextTextWith(RawWebSocket &peer, const QByteArray &needle, Frame *frame,
                               QByteArray *text)
{
    while (peer.nextFrame(frame)) {
        if (frame->opcode != R::Text)
            continue;
        *text = frame->rsv & Rsv1 ? TestDeflate::inflate(frame->payload) : frame->payload;
        if (text->contains(needle))
            return true;
    }
    return false;
}

void tst_Rfc7692::negotiation_data()
{
    QTest::addColumn<QByteArray>("offer");
    QTest::addColumn<QByteArray>("agreed"); // null: no extension in the answer
    QTest::newRow("no offer") << QByteArray() << QByteArray();
    QTest::newRow("client_max_window_bits")
        << QByteArray("permessage-deflate; client_max_window_bits") << Agreed;
    QTest::newRow("no parameter") << QByteArray("permessage-deflate") << Agreed;
    QTest::newRow("server_max_window_bits=10")
        << QByteArray("permessage-deflate; client_max_window_bits; server_max_window_bits=10")
        << Agreed + "; server_max_window_bits=10";
    QTest::newRow("server_max_window_bits=8")
        << QByteArray("permessage-deflate; server_max_window_bits=8") << QByteArray();
    QTest::newRow("an unknown parameter")
        << QByteArray("permessage-deflate; client_max_window_bits; x_colour=blue") << QByteArray();
    QTest::newRow("server_max_window_bits=16")
        << QByteArray("permessage-deflate; server_max_window_bits=16") << QByteArray();
    QTest::newRow("a parameter twice")
        << QByteArray("permessage-deflate; server_no_context_takeover; server_no_context_takeover")
        << QByteArray();
    QTest::newRow("another extension first")
        << QByteArray("x-webkit-deflate-frame, permessage-deflate; client_max_window_bits")
        << Agreed;
    QTest::newRow("a declined offer, then an accepted one")
        << QByteArray("permessage-deflate; server_max_window_bits=8, permessage-deflate") << Agreed;
}

void tst_Rfc7692::negotiation()
{
    QFETCH(QByteArray, offer);
    QFETCH(QByteArray, agreed);
    QVERIFY(m_server.start());
    RawWebSocket peer;
    QVERIFY(peer.connectTo(m_server.port()));
    const QByteArray header
        = offer.isNull() ? QByteArray() : "Sec-WebSocket-Extensions: " + offer + "\r\n";
    QVERIFY2(peer.handshake("/echo", header), peer.responseHead.constData());
    QCOMPARE(peer.responseHeader("Sec-WebSocket-Extensions"), agreed);
    // Whatever was agreed, the connection works.
    peer.sendText("plain");
    Frame echo;
    QVERIFY(peer.nextFrame(&echo));
    QCOMPARE(echo.rsv & Rsv1 ? TestDeflate::inflate(echo.payload) : echo.payload,
             QByteArray("plain"));
    if (agreed.isNull())
        QCOMPARE(echo.rsv, quint8(0));
}

void tst_Rfc7692::compressedMessageIsEchoedCompressed_data()
{
    QTest::addColumn<int>("opcode");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<int>("parts");
    const QByteArray json = R"({"type":"message","text":"hello hello hello hello hello"})";
    QTest::newRow("text, one frame") << int(R::Text) << json << 1;
    QTest::newRow("text, 128 bytes, one frame") << int(R::Text) << json.repeated(3).left(128) << 1;
    QTest::newRow("text, UTF-8, one frame") << int(R::Text) << Kosme << 1;
    QTest::newRow("text, three frames") << int(R::Text) << json << 3;
    QTest::newRow("text, at the limit, four frames")
        << int(R::Text) << QByteArray(MaxMessageBytes, 'z') << 4;
    QTest::newRow("binary, one frame")
        << int(R::Binary) << QByteArray::fromHex("00ff00ff00ff80") << 1;
    QTest::newRow("binary, two frames") << int(R::Binary) << QByteArray(300, '\x01') << 2;
    QTest::newRow("empty text") << int(R::Text) << QByteArray() << 1;
}

// A compressed message comes back whole, compressed where that makes it smaller.
void tst_Rfc7692::compressedMessageIsEchoedCompressed()
{
    QFETCH(int, opcode);
    QFETCH(QByteArray, message);
    QFETCH(int, parts);
    QVERIFY(m_server.start());
    RawWebSocket peer;
    QVERIFY(open(peer, "/echo"));
    QCOMPARE(peer.responseHeader("Sec-WebSocket-Extensions"), Agreed);
    // Twice: no context is taken over from one message to the next, on either side.
    for (int i = 0; i < 2; ++i) {
        peer.sendRaw(compressedFrames(quint8(opcode), message, parts));
        Frame echo;
        QVERIFY(peer.nextFrame(&echo));
        QVERIFY(echo.fin);
        QCOMPARE(int(echo.opcode), opcode);
        // Compressed when that makes it smaller and it is not short (under 128 bytes deflate
        // saves a few bytes at best); otherwise plain, as RFC 7692 (6) allows per message.
        const bool smaller
            = message.size() >= 128 && TestDeflate::compress(message).size() < message.size();
        QCOMPARE(echo.rsv, smaller ? Rsv1 : quint8(0));
        bool ok = true;
        QCOMPARE(smaller ? TestDeflate::inflate(echo.payload, &ok) : echo.payload, message);
        QVERIFY(ok);
    }
}

void tst_Rfc7692::uncompressedMessageOnDeflateConnection()
{
    QVERIFY(m_server.start());
    RawWebSocket peer;
    QVERIFY(open(peer, "/echo"));
    QCOMPARE(peer.responseHeader("Sec-WebSocket-Extensions"), Agreed);
    peer.sendRaw(frame(R::Text, "not compressed", false) + frame(R::Continuation, " at all"));
    Frame echo;
    QVERIFY(peer.nextFrame(&echo));
    QCOMPARE(int(echo.opcode), int(R::Text));
    // The server may send it compressed or not; either way it is the same text.
    QCOMPARE(echo.rsv & Rsv1 ? TestDeflate::inflate(echo.payload) : echo.payload,
             QByteArray("not compressed at all"));
}

void tst_Rfc7692::rsv1Misplaced_data()
{
    QTest::addColumn<bool>("offer");
    QTest::addColumn<QByteArray>("bytes");
    const QByteArray body = TestDeflate::compress("hello");
    QTest::newRow("on a connection that did not agree")
        << false << frame(R::Text, body, true, Rsv1);
    QTest::newRow("on a continuation frame") << true
                                             << frame(R::Text, body.left(2), false, Rsv1)
            + frame(R::Continuation, body.mid(2), true, Rsv1);
    QTest::newRow("on an uncompressed message's continuation")
        << true << frame(R::Text, "hel", false) + frame(R::Continuation, body, true, Rsv1);
    QTest::newRow("on a ping") << true << frame(R::Ping, body, true, Rsv1);
    QTest::newRow("on a pong") << true << frame(R::Pong, body, true, Rsv1);
    QTest::newRow("on a close") << true << frame(R::Close, R::closePayload(1000), true, Rsv1);
    QTest::newRow("RSV2 with the extension agreed") << true << frame(R::Text, body, true, 2);
    QTest::newRow("RSV3 with the extension agreed") << true << frame(R::Text, body, true, 1);
}

void tst_Rfc7692::rsv1Misplaced()
{
    QFETCH(bool, offer);
    QFETCH(QByteArray, bytes);
    QVERIFY(m_server.start());
    RawWebSocket peer;
    QVERIFY(open(peer, "/echo", offer));
    QCOMPARE(peer.responseHeader("Sec-WebSocket-Extensions").isNull(), !offer);
    peer.sendRaw(bytes);
    EXPECT_FAILED(peer, 1002);
}

void tst_Rfc7692::zipBombIs1009_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("bytes");
    const QByteArray bomb = QByteArray(64 * 1024 * 1024, '\0');
    const QByteArray body = TestDeflate::compress(bomb);
    QVERIFY(body.size() < MaxMessageBytes * 128); // 64 MiB of zeros: about 64 KiB compressed
    const QByteArray small = TestDeflate::compress(QByteArray(MaxMessageBytes + 1, 'a'));
    QVERIFY(small.size() < 64);
    for (const QByteArray &path : {QByteArray("/echo"), QByteArray("/chat?name=zip&room=lobby")}) {
        QTest::addRow("one byte over in %d bytes @ %s", int(small.size()), path.constData())
            << path << frame(R::Text, small, true, Rsv1);
        // Only the first KiB of the compressed bomb: the server must stop inflating early.
        QTest::addRow("64 MiB of zeros, the first KiB @ %s", path.constData())
            << path << frame(R::Binary, body.left(MaxMessageBytes), false, Rsv1);
    }
}

void tst_Rfc7692::zipBombIs1009()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, bytes);
    QVERIFY(m_server.start());
    RawWebSocket peer;
    QVERIFY(open(peer, path));
    peer.sendRaw(bytes);
    EXPECT_FAILED(peer, 1009);
}

void tst_Rfc7692::inflatedInvalidUtf8Is1007()
{
    QVERIFY(m_server.start());
    RawWebSocket peer;
    QVERIFY(open(peer, "/echo"));
    peer.sendRaw(frame(R::Text, TestDeflate::compress("ok \xED\xA0\x80 end"), true, Rsv1));
    EXPECT_FAILED(peer, 1007);
}

void tst_Rfc7692::nativeFanOutIsCompressed()
{
    QVERIFY(m_server.start());
    RawWebSocket zipped;
    QVERIFY(open(zipped, "/chat?name=zipped&room=lobby"));
    QCOMPARE(zipped.responseHeader("Sec-WebSocket-Extensions"), Agreed);
    RawWebSocket plain;
    QVERIFY(open(plain, "/chat?name=plain&room=lobby", false));
    QVERIFY(plain.responseHeader("Sec-WebSocket-Extensions").isNull());
    TestClient sender;
    QVERIFY(sender.openNative(m_server.url(u"/chat?name=sender&room=lobby"_s), true));
    const QString text = u"compressed once for every member: "_s + QString::fromUtf8(Kosme);
    sender.send(
        QJsonObject {{"type"_L1, "message"_L1}, {"room"_L1, "lobby"_L1}, {"text"_L1, text}});

    const QByteArray needle = R"("type":"message")";
    Frame zippedFrame, plainFrame;
    QByteArray zippedText, plainText;
    QVERIFY(nextTextWith(zipped, needle, &zippedFrame, &zippedText));
    QVERIFY(nextTextWith(plain, needle, &plainFrame, &plainText));
    QCOMPARE(zippedFrame.rsv, Rsv1);
    QCOMPARE(plainFrame.rsv, quint8(0));
    QCOMPARE(zippedText, plainText);
    QVERIFY2(plainText.contains(Kosme), plainText.constData());
}

QTEST_MAIN(tst_Rfc7692)
#include "tst_rfc7692.moc"
