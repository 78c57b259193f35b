// The frame inspector's parser: RFC 6455's own examples, masks, every length encoding, frames
// split at every byte and coalesced, the payload cap, the errors that stop it; the Accept
// computation; close codes in words.
#include "protocol/closecode.h"
#include "protocol/websocketaccept.h"
#include "protocol/websocketframe.h"
#include "protocol/websocketframeparser.h"

#include <QRandomGenerator>
#include <QTest>
#include <QtEndian>

namespace {

// A frame as a client sends it: masked with key.
QByteArray maskedFrame(int opcode, const QByteArray &payload, quint32 key, bool fin = true)
{
    QByteArray frame;
    frame.append(char((fin ? 0x80 : 0) | opcode));
    const quint64 n = quint64(payload.size());
    if (n < 126) {
        frame.append(char(0x80 | n));
    } else if (n <= 0xffff) {
        frame.append(char(0x80 | 126));
        char b[2];
        qToBigEndian(quint16(n), b);
        frame.append(b, 2);
    } else {
        frame.append(char(0x80 | 127));
        char b[8];
        qToBigEndian(n, b);
        frame.append(b, 8);
    }
    char k[4];
    qToBigEndian(key, k);
    frame.append(k, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame.append(char(payload.at(i) ^ k[i % 4]));
    return frame;
}

} // namespace

class tst_WebSocketFrameParser : public QObject
{
    Q_OBJECT

private slots:
    void rfcExamples_data();
    void rfcExamples();
    void lengthEncodings_data();
    void lengthEncodings();
    void splitAtEveryByte();
    void coalescedFrames();
    void payloadCap();
    void errors_data();
    void errors();
    void resetAfterError();
    void closePayload();
    void opcodeNames();
    void acceptForRfcKey();
    void closeCodeNames();
};

// RFC 6455, 5.7: the examples, byte for byte.
void tst_WebSocketFrameParser::rfcExamples_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("opcode");
    QTest::addColumn<bool>("fin");
    QTest::addColumn<bool>("masked");
    QTest::addColumn<QByteArray>("payload");

    QTest::newRow("unmasked text Hello")
        << QByteArray::fromHex("810548656c6c6f") << 1 << true << false << QByteArray("Hello");
    QTest::newRow("masked text Hello") << QByteArray::fromHex("818537fa213d7f9f4d5158") << 1 << true
                                       << true << QByteArray("Hello");
    QTest::newRow("first fragment Hel")
        << QByteArray::fromHex("010348656c") << 1 << false << false << QByteArray("Hel");
    QTest::newRow("last fragment lo")
        << QByteArray::fromHex("80026c6f") << 0 << true << false << QByteArray("lo");
    QTest::newRow("unmasked ping Hello")
        << QByteArray::fromHex("890548656c6c6f") << 9 << true << false << QByteArray("Hello");
    QTest::newRow("masked pong Hello") << QByteArray::fromHex("8a8537fa213d7f9f4d5158") << 10
                                       << true << true << QByteArray("Hello");
}

void tst_WebSocketFrameParser::rfcExamples()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, opcode);
    QFETCH(bool, fin);
    QFETCH(bool, masked);
    QFETCH(QByteArray, payload);

    WebSocketFrameParser parser;
    QVERIFY(parser.feed(bytes));
    QCOMPARE(parser.frames().size(), 1);
    const ParsedFrame frame = parser.frames().first();
    QCOMPARE(frame.opcode, opcode);
    QCOMPARE(frame.fin, fin);
    QCOMPARE(frame.masked, masked);
    QCOMPARE(frame.payload, payload);
    QCOMPARE(frame.length, quint64(payload.size()));
    QCOMPARE(frame.headerLength, masked ? 6 : 2);
    if (masked)
        QCOMPARE(frame.maskKey, 0x37fa213du);
    QVERIFY(parser.atFrameBoundary());
}

void tst_WebSocketFrameParser::lengthEncodings_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<bool>("masked");
    QTest::addColumn<int>("headerLength");
    for (const bool masked : {false, true}) {
        const char *m = masked ? "masked" : "unmasked";
        QTest::addRow("%s 0", m) << 0 << masked << (masked ? 6 : 2);
        QTest::addRow("%s 125", m) << 125 << masked << (masked ? 6 : 2);
        QTest::addRow("%s 126", m) << 126 << masked << (masked ? 8 : 4);
        QTest::addRow("%s 65535", m) << 65535 << masked << (masked ? 8 : 4);
        QTest::addRow("%s 65536", m) << 65536 << masked << (masked ? 14 : 10);
        QTest::addRow("%s 70000", m) << 70000 << masked << (masked ? 14 : 10);
    }
}

void tst_WebSocketFrameParser::lengthEncodings()
{
    QFETCH(int, size);
    QFETCH(bool, masked);
    QFETCH(int, headerLength);

    QByteArray payload(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        payload[i] = char('a' + i % 26);
    const QByteArray bytes
        = masked ? maskedFrame(1, payload, 0xa1b2c3d4) : WebSocketFrame::text(payload);
    WebSocketFrameParser parser(1 << 20);
    QVERIFY(parser.feed(bytes));
    QCOMPARE(parser.frames().size(), 1);
    QCOMPARE(parser.frames().first().length, quint64(size));
    QCOMPARE(parser.frames().first().headerLength, headerLength);
    QCOMPARE(parser.frames().first().payload, payload);
    QVERIFY(!parser.frames().first().truncated);
}

// Every way of cutting two frames in two pieces, and byte by byte.
void tst_WebSocketFrameParser::splitAtEveryByte()
{
    const QByteArray first = maskedFrame(1, R"({"type":"say","text":"hi"})", 0x01020304);
    const QByteArray second = WebSocketFrame::text(QByteArray(300, 'x'));
    const QByteArray stream = first + second;
    for (int cut = 0; cut <= stream.size(); ++cut) {
        WebSocketFrameParser parser;
        QVERIFY(parser.feed(stream.left(cut)));
        QVERIFY(parser.feed(stream.mid(cut)));
        QCOMPARE(parser.frames().size(), 2);
        QCOMPARE(parser.frames().at(0).payload, QByteArray(R"({"type":"say","text":"hi"})"));
        QCOMPARE(parser.frames().at(1).payload, QByteArray(300, 'x'));
    }
    WebSocketFrameParser parser;
    for (const char c : stream) {
        QVERIFY(parser.feed(&c, 1));
    }
    QCOMPARE(parser.frames().size(), 2);
    QCOMPARE(parser.frames().at(0).maskKey, 0x01020304u);
    QCOMPARE(parser.frames().at(1).payload, QByteArray(300, 'x'));
}

void tst_WebSocketFrameParser::coalescedFrames()
{
    QByteArray stream;
    QList<QByteArray> payloads;
    auto *random = QRandomGenerator::global();
    for (int i = 0; i < 50; ++i) {
        const QByteArray payload = QByteArray::number(i).repeated(1 + int(random->bounded(400)));
        payloads.append(payload);
        stream
            += i % 2 ? maskedFrame(1, payload, random->generate()) : WebSocketFrame::text(payload);
    }
    stream += maskedFrame(9, "are you there?", 7);
    stream += maskedFrame(8, QByteArray::fromHex("03e8") + "bye", 8);

    // In random pieces.
    WebSocketFrameParser parser;
    qsizetype at = 0;
    while (at < stream.size()) {
        const qsizetype n = std::min<qsizetype>(stream.size() - at, 1 + random->bounded(700));
        QVERIFY(parser.feed(stream.constData() + at, n));
        at += n;
    }
    const QList<ParsedFrame> frames = parser.takeFrames();
    QCOMPARE(frames.size(), 52);
    for (int i = 0; i < 50; ++i) {
        QCOMPARE(frames.at(i).payload, payloads.at(i));
        QCOMPARE(frames.at(i).masked, bool(i % 2));
    }
    QCOMPARE(frames.at(50).opcode, 9);
    QCOMPARE(frames.at(50).payload, QByteArray("are you there?"));
    QCOMPARE(frames.at(51).opcode, 8);
    QCOMPARE(WebSocketFrameParser::closeCode(frames.at(51).payload), 1000);
    QCOMPARE(WebSocketFrameParser::closeReason(frames.at(51).payload), QStringLiteral("bye"));
    QVERIFY(parser.frames().isEmpty());
}

void tst_WebSocketFrameParser::payloadCap()
{
    const QByteArray payload = QByteArray("0123456789").repeated(100);
    WebSocketFrameParser parser(16);
    QVERIFY(parser.feed(maskedFrame(1, payload, 0xdeadbeef) + WebSocketFrame::text("after")));
    QCOMPARE(parser.frames().size(), 2);
    QCOMPARE(parser.frames().at(0).length, quint64(1000));
    QCOMPARE(parser.frames().at(0).payload, payload.left(16));
    QVERIFY(parser.frames().at(0).truncated);
    QCOMPARE(parser.frames().at(1).payload, QByteArray("after"));
    QVERIFY(!parser.frames().at(1).truncated);
}

void tst_WebSocketFrameParser::errors_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("error");
    QTest::newRow("reserved opcode 3") << QByteArray::fromHex("8300") << "reserved opcode 0x3";
    QTest::newRow("reserved opcode 0xb") << QByteArray::fromHex("8b00") << "reserved opcode 0xb";
    QTest::newRow("fragmented ping") << QByteArray::fromHex("0900") << "a fragmented control frame";
    QTest::newRow("long close") << QByteArray::fromHex("887e0080")
                                << "a control frame longer than 125 bytes";
    QTest::newRow("top bit of 64-bit length")
        << QByteArray::fromHex("817f8000000000000000")
        << "a 64-bit length with its most significant bit set";
}

void tst_WebSocketFrameParser::errors()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, error);
    WebSocketFrameParser parser;
    QVERIFY(parser.feed(WebSocketFrame::text("fine")));
    QVERIFY(!parser.feed(bytes + WebSocketFrame::text("lost")));
    QVERIFY(parser.hasError());
    QCOMPARE(parser.error(), error);
    QCOMPARE(parser.frames().size(), 1); // the frame before the error is kept
    QVERIFY(!parser.feed(WebSocketFrame::text("still lost")));
    QCOMPARE(parser.frames().size(), 1);
}

void tst_WebSocketFrameParser::resetAfterError()
{
    WebSocketFrameParser parser;
    QVERIFY(!parser.feed(QByteArray::fromHex("8f00")));
    parser.reset();
    QVERIFY(!parser.hasError());
    QVERIFY(parser.error().isEmpty());
    QVERIFY(parser.feed(WebSocketFrame::text("again")));
    QCOMPARE(parser.frames().size(), 1);
}

void tst_WebSocketFrameParser::closePayload()
{
    QCOMPARE(WebSocketFrameParser::closeCode(QByteArray()), 0);
    QCOMPARE(WebSocketFrameParser::closeCode(QByteArray::fromHex("0f")), 0);
    QCOMPARE(WebSocketFrameParser::closeCode(QByteArray::fromHex("0fa0")), 4000);
    QCOMPARE(WebSocketFrameParser::closeReason(QByteArray::fromHex("0fa0") + "kicked"),
             QStringLiteral("kicked"));
}

void tst_WebSocketFrameParser::opcodeNames()
{
    QCOMPARE(WebSocketFrameParser::opcodeName(0), QStringLiteral("continuation"));
    QCOMPARE(WebSocketFrameParser::opcodeName(1), QStringLiteral("text"));
    QCOMPARE(WebSocketFrameParser::opcodeName(2), QStringLiteral("binary"));
    QCOMPARE(WebSocketFrameParser::opcodeName(8), QStringLiteral("close"));
    QCOMPARE(WebSocketFrameParser::opcodeName(9), QStringLiteral("ping"));
    QCOMPARE(WebSocketFrameParser::opcodeName(10), QStringLiteral("pong"));
    QCOMPARE(WebSocketFrameParser::opcodeName(3), QStringLiteral("reserved (0x3)"));
}

// RFC 6455, 1.3: the example key and its answer.
void tst_WebSocketFrameParser::acceptForRfcKey()
{
    const QByteArray key = "dGhlIHNhbXBsZSBub25jZQ==";
    QCOMPARE(WebSocketAccept::concatenated(key),
             QByteArray("dGhlIHNhbXBsZSBub25jZQ==258EAFA5-E914-47DA-95CA-C5AB0DC85B11"));
    QCOMPARE(WebSocketAccept::sha1(key).toHex(),
             QByteArray("b37a4f2cc0624f1690f64606cf385945b2bec4ea"));
    QCOMPARE(WebSocketAccept::compute(key), QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    QCOMPARE(WebSocketAccept::compute(" " + key + " "), QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
}

void tst_WebSocketFrameParser::closeCodeNames()
{
    QCOMPARE(CloseCode::name(1000), QStringLiteral("Normal closure"));
    QCOMPARE(CloseCode::name(1001), QStringLiteral("Going away"));
    QCOMPARE(CloseCode::name(1008), QStringLiteral("Policy violation"));
    QCOMPARE(CloseCode::name(1009), QStringLiteral("Message too big"));
    QCOMPARE(CloseCode::name(1013), QStringLiteral("Try again later"));
    QCOMPARE(CloseCode::name(4000), QStringLiteral("Kicked by the host"));
    QCOMPARE(CloseCode::name(4008), QStringLiteral("Slow consumer"));
    QCOMPARE(CloseCode::name(4123), QStringLiteral("Private use 4123"));
    QCOMPARE(CloseCode::name(3001), QStringLiteral("Registered use 3001"));
    QCOMPARE(CloseCode::name(999), QStringLiteral("Unknown code 999"));
}

QTEST_GUILESS_MAIN(tst_WebSocketFrameParser)
#include "tst_websocketframeparser.moc"
