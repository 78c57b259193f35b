// permessage-deflate's building blocks: the negotiation of RFC 7692 against the offers browsers
// and libraries send and against broken ones; compression and inflation round trips at every
// window size, fed whole and byte by byte; RFC 7692's own vectors and one from Python's zlib;
// the size limit (the zip bomb) and corrupt input.
#include "protocol/permessagedeflate.h"

#include <QRandomGenerator>
#include <QTest>

#include <zlib.h>

using namespace Qt::Literals::StringLiterals;
using PerMessageDeflate::Agreement;
using PerMessageDeflate::Compressor;
using PerMessageDeflate::Decompressor;

Q_DECLARE_METATYPE(Decompressor::Status)

namespace {

// What wsroom answers to every offer it accepts, before any server_max_window_bits.
const QByteArray BaseResponse
    = "permessage-deflate; server_no_context_takeover; client_no_context_takeover";

// The bytes a sync flush ends with, which a sender removes.
const QByteArray FlushTail = QByteArray::fromHex("0000ffff");

// A JSON message of about 4 KB, as a room's history reply looks.
QByteArray json4k()
{
    QByteArray json = R"({"type":"history","room":"lobby","messages":[)";
    for (int i = 0; json.size() < 4000; ++i) {
        if (i > 0)
            json += ',';
        json += R"({"id":)" + QByteArray::number(i) + R"(,"from":{"id":)"
            + QByteArray::number(1000 + i) + R"(,"name":"user)" + QByteArray::number(i % 7)
            + R"("},"text":"line )" + QByteArray::number(i) + R"( of the lesson, hello all"})";
    }
    return json + "]}";
}

// size bytes that do not compress, the same every run.
QByteArray randomBytes(qsizetype size)
{
    QRandomGenerator generator(15);
    QByteArray bytes(size, Qt::Uninitialized);
    generator.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    return bytes;
}

// A whole message inflated by a new Decompressor, fed all at once then finished.
std::pair<Decompressor::Status, QByteArray> inflateWhole(const QByteArray &compressed,
                                                         qint64 maxBytes = 64 << 20)
{
    Decompressor decompressor(maxBytes);
    QByteArray out;
    Decompressor::Status status
        = decompressor.inflate(compressed.constData(), compressed.size(), &out);
    if (status == Decompressor::Status::Ok)
        status = decompressor.finish(&out);
    return {status, out};
}

// The same, fed one byte at a time.
std::pair<Decompressor::Status, QByteArray> inflateBytewise(const QByteArray &compressed,
                                                            qint64 maxBytes = 64 << 20)
{
    Decompressor decompressor(maxBytes);
    QByteArray out;
    Decompressor::Status status = Decompressor::Status::Ok;
    for (qsizetype i = 0; i < compressed.size() && status == Decompressor::Status::Ok; ++i)
        status = decompressor.inflate(compressed.constData() + i, 1, &out);
    if (status == Decompressor::Status::Ok)
        status = decompressor.finish(&out);
    return {status, out};
}

// compressed (a frame's payload) inflated by plain zlib with a window of 2^windowBits, taking
// out 64 bytes at a time so that a reference further back than the window fails; nullopt
// when zlib refuses it. What a client that asked for a small window does.
std::optional<QByteArray> inflateWithWindow(const QByteArray &compressed, int windowBits)
{
    z_stream z {};
    if (inflateInit2(&z, -windowBits) != Z_OK)
        return std::nullopt;
    const QByteArray input = compressed + FlushTail;
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input.constData()));
    z.avail_in = uInt(input.size());
    QByteArray out;
    int result = Z_OK;
    while (result == Z_OK) {
        char chunk[64];
        z.next_out = reinterpret_cast<Bytef *>(chunk);
        z.avail_out = sizeof chunk;
        result = inflate(&z, Z_NO_FLUSH);
        out.append(chunk, qsizetype(sizeof chunk - z.avail_out));
        if (z.avail_in == 0 && z.avail_out != 0)
            break;
    }
    inflateEnd(&z);
    if (result != Z_OK && result != Z_BUF_ERROR)
        return std::nullopt;
    return out;
}

} // namespace

class tst_PerMessageDeflate : public QObject
{
    Q_OBJECT

private slots:
    void negotiate_data();
    void negotiate();
    void roundTrip_data();
    void roundTrip();
    void eachMessageOnItsOwn();
    void knownVectors_data();
    void knownVectors();
    void compressesHelloAsPythonReads();
    void limit_data();
    void limit();
    void zipBomb();
    void corrupt_data();
    void corrupt();
};

void tst_PerMessageDeflate::negotiate_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<int>("serverBits"); // when accepted: 15, or the offer's server_max_window_bits

    const auto accepted = [](const char *name, const QByteArray &header, int bits = 15) {
        QTest::newRow(name) << header << true << bits;
    };
    const auto declined = [](const char *name, const QByteArray &header) {
        QTest::newRow(name) << header << false << 0;
    };

    declined("none offered", "");
    declined("another extension only", "x-webkit-deflate-frame");
    accepted("plain offer (Firefox)", "permessage-deflate");
    // Chrome, Node's ws and Python's websockets 10.4 (checked in its
    // enable_client_permessage_deflate) all send exactly this.
    accepted("Chrome, ws, Python websockets", "permessage-deflate; client_max_window_bits");
    accepted("client_max_window_bits=10", "permessage-deflate; client_max_window_bits=10");
    accepted("client_max_window_bits=8", "permessage-deflate; client_max_window_bits=8");
    declined("client_max_window_bits=7", "permessage-deflate; client_max_window_bits=7");
    declined("client_max_window_bits=16", "permessage-deflate; client_max_window_bits=16");
    accepted("server_max_window_bits=10", "permessage-deflate; server_max_window_bits=10", 10);
    accepted("server_max_window_bits=9", "permessage-deflate; server_max_window_bits=9", 9);
    accepted("server_max_window_bits=15", "permessage-deflate; server_max_window_bits=15", 15);
    declined("server_max_window_bits=8 (zlib cannot)",
             "permessage-deflate; server_max_window_bits=8");
    declined("server_max_window_bits=16", "permessage-deflate; server_max_window_bits=16");
    declined("server_max_window_bits=0", "permessage-deflate; server_max_window_bits=0");
    declined("server_max_window_bits=abc", "permessage-deflate; server_max_window_bits=abc");
    declined("server_max_window_bits=010", "permessage-deflate; server_max_window_bits=010");
    declined("server_max_window_bits=+9", "permessage-deflate; server_max_window_bits=+9");
    declined("server_max_window_bits=-9", "permessage-deflate; server_max_window_bits=-9");
    declined("server_max_window_bits bare", "permessage-deflate; server_max_window_bits");
    declined("server_max_window_bits empty quotes",
             R"(permessage-deflate; server_max_window_bits="")");
    accepted("quoted server_max_window_bits", R"(permessage-deflate; server_max_window_bits="10")",
             10);
    accepted("quoted client_max_window_bits", R"(permessage-deflate; client_max_window_bits="10")");
    accepted("quoted with an escape", R"(permessage-deflate; server_max_window_bits="1\2")", 12);
    accepted("both no_context_takeover",
             "permessage-deflate; server_no_context_takeover; client_no_context_takeover");
    declined("server_no_context_takeover with a value",
             "permessage-deflate; server_no_context_takeover=1");
    declined("client_no_context_takeover with a value",
             R"(permessage-deflate; client_no_context_takeover="x")");
    declined("unknown parameter", "permessage-deflate; foo");
    accepted("unknown parameter, then a valid offer",
             "permessage-deflate; foo, permessage-deflate; server_max_window_bits=11", 11);
    declined("duplicate parameter",
             "permessage-deflate; client_max_window_bits; client_max_window_bits=10");
    declined("duplicate server_max_window_bits",
             "permessage-deflate; server_max_window_bits=10; server_max_window_bits=10");
    accepted("first of two valid offers",
             "permessage-deflate; server_max_window_bits=10, permessage-deflate", 10);
    accepted("after x-webkit-deflate-frame", "x-webkit-deflate-frame, permessage-deflate");
    accepted("name in mixed case", "Permessage-Deflate");
    accepted("name in capitals", "PERMESSAGE-DEFLATE; server_max_window_bits=12", 12);
    accepted("white space everywhere",
             " \tpermessage-deflate ;server_max_window_bits = 10\t; client_max_window_bits ,foo ",
             10);
    accepted("two header lines joined",
             "foo; a=1; b=\"x y\", permessage-deflate; server_max_window_bits=13", 13);
    accepted("empty list elements", ", ,permessage-deflate,,");
    accepted("a bad offer's quoted comma is skipped",
             R"(permessage-deflate; foo="a,b", permessage-deflate; server_max_window_bits=9)", 9);
    declined("unbalanced quote", R"(permessage-deflate; server_max_window_bits="10)");
    declined("an open quote swallows the rest", R"(foo; a="x, permessage-deflate)");
    declined("empty extension name", "; permessage-deflate");
    accepted("empty name, then an offer", ";x, permessage-deflate");
    declined("empty parameter name", "permessage-deflate; =10");
    declined("trailing semicolon", "permessage-deflate;");
    declined("missing semicolon", "permessage-deflate server_no_context_takeover");
    declined("value in two pieces", "permessage-deflate; server_max_window_bits=1 0");
    declined("quoted name", R"("permessage-deflate")");
    declined("byte past ASCII", "permessage-deflate; \xff");
    declined("prefix of the name", "permessage-deflat");
    declined("longer name", "permessage-deflate2");
}

void tst_PerMessageDeflate::negotiate()
{
    QFETCH(QByteArray, header);
    QFETCH(bool, accepted);
    QFETCH(int, serverBits);

    const std::optional<Agreement> agreement = PerMessageDeflate::negotiate(header);
    QCOMPARE(agreement.has_value(), accepted);
    if (!accepted)
        return;
    QCOMPARE(agreement->serverWindowBits, serverBits);
    // server_max_window_bits is answered only when offered; client_max_window_bits never.
    const QByteArray expected = header.contains("server_max_window_bits")
        ? BaseResponse + "; server_max_window_bits=" + QByteArray::number(serverBits)
        : BaseResponse;
    QCOMPARE(agreement->responseHeader, expected);
}

void tst_PerMessageDeflate::roundTrip_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("windowBits");

    const QByteArray line
        = "{\"type\":\"message\",\"room\":\"lobby\",\"text\":\"hello there, everyone\"}";
    QCOMPARE(line.size(), 64);
    const QByteArray json = json4k();
    const QByteArray random = randomBytes(1 << 20);
    for (int bits = 9; bits <= 15; ++bits) {
        QTest::addRow("empty, %d bits", bits) << QByteArray() << bits;
        QTest::addRow("64-byte line, %d bits", bits) << line << bits;
        QTest::addRow("4 KB JSON, %d bits", bits) << json << bits;
        QTest::addRow("1 MB random, %d bits", bits) << random << bits;
    }
}

void tst_PerMessageDeflate::roundTrip()
{
    QFETCH(QByteArray, payload);
    QFETCH(int, windowBits);

    Compressor compressor;
    const QByteArray compressed = compressor.compress(payload, windowBits);
    QVERIFY(!compressed.isEmpty());
    QVERIFY2(!compressed.endsWith(FlushTail), "the sync flush's tail is removed");

    const auto [wholeStatus, whole] = inflateWhole(compressed);
    QCOMPARE(wholeStatus, Decompressor::Status::Ok);
    QCOMPARE(whole, payload);
    const auto [bytewiseStatus, bytewise] = inflateBytewise(compressed);
    QCOMPARE(bytewiseStatus, Decompressor::Status::Ok);
    QCOMPARE(bytewise, payload);

    // A client that agreed to this window can read it with no larger one.
    const std::optional<QByteArray> inWindow = inflateWithWindow(compressed, windowBits);
    QVERIFY2(inWindow.has_value(), "refers back further than the window agreed");
    QCOMPARE(*inWindow, payload);
}

void tst_PerMessageDeflate::eachMessageOnItsOwn()
{
    // No context takeover: the same message compresses to the same bytes however many messages
    // the compressor made before (so one frame serves every member), and each inflates alone.
    Compressor compressor;
    const QByteArray json = json4k();
    const QByteArray first = compressor.compress(json, 15);
    compressor.compress("something else entirely", 15);
    compressor.compress(json, 10);
    const QByteArray again = compressor.compress(json, 15);
    QCOMPARE(again, first);
    QCOMPARE(inflateWhole(again).second, json);
    QCOMPARE(Compressor().compress(json, 15), first);
}

void tst_PerMessageDeflate::knownVectors_data()
{
    QTest::addColumn<QByteArray>("compressedHex");
    QTest::addColumn<QByteArray>("text");

    // RFC 7692, 7.2.3.
    QTest::newRow("7.2.3.1 Hello") << "f248cdc9c90700"_ba
                                   << "Hello"_ba;
    QTest::newRow("7.2.3.3 no compression") << "000500faff48656c6c6f00"_ba
                                            << "Hello"_ba;
    QTest::newRow("7.2.3.4 BFINAL set") << "f348cdc9c9070000"_ba
                                        << "Hello"_ba;
    QTest::newRow("BFINAL set, no byte after") << "f348cdc9c90700"_ba
                                               << "Hello"_ba;
    QTest::newRow("7.2.3.5 two blocks") << "f24805000000ffffcac9c90700"_ba
                                        << "Hello"_ba;
    QTest::newRow("7.2.3.6 empty") << "00"_ba
                                   << ""_ba;
    // A block after a final one refers back across it: "Hello" twice.
    QTest::newRow("final block, then a reference back") << "f348cdc9c90700f200110000"_ba
                                                        << "HelloHello"_ba;
    // Python 3.11: c = zlib.compressobj(wbits=-15);
    // (c.compress(b'wsroom says hello, hello, hello!') + c.flush(zlib.Z_SYNC_FLUSH))[:-4]
    QTest::newRow("Python zlib") << "2a2f2ecacfcf55284eac2c56c848cdc9c9d741a1140100"_ba
                                 << "wsroom says hello, hello, hello!"_ba;
}

void tst_PerMessageDeflate::knownVectors()
{
    QFETCH(QByteArray, compressedHex);
    QFETCH(QByteArray, text);

    const QByteArray compressed = QByteArray::fromHex(compressedHex);
    const auto [wholeStatus, whole] = inflateWhole(compressed);
    QCOMPARE(wholeStatus, Decompressor::Status::Ok);
    QCOMPARE(whole, text);
    const auto [bytewiseStatus, bytewise] = inflateBytewise(compressed);
    QCOMPARE(bytewiseStatus, Decompressor::Status::Ok);
    QCOMPARE(bytewise, text);
}

void tst_PerMessageDeflate::compressesHelloAsPythonReads()
{
    // RFC 7692, 7.2.3.1's bytes, which Python reads back:
    // zlib.decompressobj(wbits=-15).decompress(bytes.fromhex('f248cdc9c90700') + b'\0\0\xff\xff')
    // == b'Hello'. At every window size, since "Hello" refers to nothing.
    Compressor compressor;
    for (int bits = 9; bits <= 15; ++bits)
        QCOMPARE(compressor.compress("Hello", bits).toHex(), "f248cdc9c90700"_ba);
    QCOMPARE(compressor.compress(QByteArray(), 15).toHex(), "00"_ba); // RFC 7692, 7.2.3.6
}

void tst_PerMessageDeflate::limit_data()
{
    QTest::addColumn<qsizetype>("size");
    QTest::addColumn<Decompressor::Status>("status");

    const qsizetype limit = 64 * 1024;
    QTest::newRow("one byte under") << limit - 1 << Decompressor::Status::Ok;
    QTest::newRow("at the limit") << limit << Decompressor::Status::Ok;
    QTest::newRow("one byte over") << limit + 1 << Decompressor::Status::TooBig;
}

void tst_PerMessageDeflate::limit()
{
    QFETCH(qsizetype, size);
    QFETCH(Decompressor::Status, status);

    const qint64 limit = 64 * 1024;
    const QByteArray payload(size, 'a');
    const QByteArray compressed = Compressor().compress(payload, 15);
    const auto [wholeStatus, whole] = inflateWhole(compressed, limit);
    QCOMPARE(wholeStatus, status);
    const auto [bytewiseStatus, bytewise] = inflateBytewise(compressed, limit);
    QCOMPARE(bytewiseStatus, status);
    if (status == Decompressor::Status::Ok) {
        QCOMPARE(whole, payload);
        QCOMPARE(bytewise, payload);
    } else {
        QCOMPARE(whole.size(), limit + 1);
        QCOMPARE(bytewise.size(), limit + 1);
    }
}

void tst_PerMessageDeflate::zipBomb()
{
    // 10 MB of zeros compress to about 10 KB; inflating them stops at the limit.
    const qint64 limit = 64 * 1024;
    const QByteArray compressed = Compressor().compress(QByteArray(10 << 20, '\0'), 15);
    QVERIFY(compressed.size() < 20 * 1024);

    Decompressor decompressor(limit);
    QByteArray out;
    QCOMPARE(decompressor.inflate(compressed.constData(), compressed.size(), &out),
             Decompressor::Status::TooBig);
    QVERIFY(out.size() <= limit + 1);
    QVERIFY2(out.capacity() <= 4 * limit, "no more memory taken than the limit calls for");
    // It stays refused, and takes no more.
    QCOMPARE(decompressor.inflate(compressed.constData(), compressed.size(), &out),
             Decompressor::Status::TooBig);
    QCOMPARE(decompressor.finish(&out), Decompressor::Status::TooBig);
    QVERIFY(out.size() <= limit + 1);

    // Fed in frames of 1 KiB, the same.
    Decompressor framewise(limit);
    QByteArray framewiseOut;
    Decompressor::Status status = Decompressor::Status::Ok;
    for (qsizetype at = 0; at < compressed.size() && status == Decompressor::Status::Ok;
         at += 1024) {
        status
            = framewise.inflate(compressed.constData() + at,
                                std::min<qsizetype>(1024, compressed.size() - at), &framewiseOut);
    }
    QCOMPARE(status, Decompressor::Status::TooBig);
    QVERIFY(framewiseOut.size() <= limit + 1);
}

void tst_PerMessageDeflate::corrupt_data()
{
    QTest::addColumn<QByteArray>("compressedHex");

    QTest::newRow("reserved block type") << "ffffffff"_ba;
    QTest::newRow("garbage") << "deadbeefcafebabe0123456789"_ba;
    QTest::newRow("stored block, bad NLEN") << "0005000000"_ba;
    QTest::newRow("garbage after a final block") << "f348cdc9c90700ff"_ba;
    QTest::newRow("reference before the start") << "f200110000"_ba;
    QTest::newRow("cut inside a block") << "f248cd"_ba;
    QTest::newRow("cut inside a stored block") << "000500faff4865"_ba;
}

void tst_PerMessageDeflate::corrupt()
{
    QFETCH(QByteArray, compressedHex);

    const QByteArray compressed = QByteArray::fromHex(compressedHex);
    QCOMPARE(inflateWhole(compressed).first, Decompressor::Status::Corrupt);
    QCOMPARE(inflateBytewise(compressed).first, Decompressor::Status::Corrupt);

    // Once corrupt, always: later bytes, even valid ones, change nothing.
    Decompressor decompressor(1 << 20);
    QByteArray out;
    Decompressor::Status status
        = decompressor.inflate(compressed.constData(), compressed.size(), &out);
    if (status == Decompressor::Status::Ok)
        status = decompressor.finish(&out);
    QCOMPARE(status, Decompressor::Status::Corrupt);
    const QByteArray hello = QByteArray::fromHex("f248cdc9c90700");
    QCOMPARE(decompressor.inflate(hello.constData(), hello.size(), &out),
             Decompressor::Status::Corrupt);
}

QTEST_APPLESS_MAIN(tst_PerMessageDeflate)
#include "tst_permessagedeflate.moc"
