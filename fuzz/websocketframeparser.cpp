// libFuzzer target: WebSocketFrameParser, which follows the frames a peer sends (the frame
// inspector). Bytes fed whole and fed in pieces must give the same frames and the same end.
#include "websocketframeparser.h"
#include "fuzzcheck.h"

#include <cstddef>
#include <cstdint>

static bool sameFrame(const ParsedFrame &a, const ParsedFrame &b)
{
    return a.fin == b.fin && a.rsv1 == b.rsv1 && a.rsv2 == b.rsv2 && a.rsv3 == b.rsv3
        && a.opcode == b.opcode && a.masked == b.masked && a.maskKey == b.maskKey
        && a.length == b.length && a.headerLength == b.headerLength && a.payload == b.payload
        && a.truncated == b.truncated;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    // The first byte chooses the piece size, the rest is the stream.
    const int piece = 1 + data[0] % 7;
    const QByteArray stream(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    constexpr int Cap = 64; // small, so that truncation is reached often

    WebSocketFrameParser whole(Cap);
    const bool wholeOk = whole.feed(stream);
    FUZZ_CHECK(wholeOk == !whole.hasError());
    if (whole.hasError())
        FUZZ_CHECK(!whole.error().isEmpty());

    WebSocketFrameParser pieces(Cap);
    for (qsizetype at = 0; at < stream.size(); at += piece)
        pieces.feed(stream.constData() + at, qMin<qsizetype>(piece, stream.size() - at));
    FUZZ_CHECK(pieces.hasError() == whole.hasError());
    FUZZ_CHECK(pieces.frames().size() == whole.frames().size());
    for (qsizetype i = 0; i < whole.frames().size(); ++i)
        FUZZ_CHECK(sameFrame(whole.frames().at(i), pieces.frames().at(i)));

    for (const ParsedFrame &f : whole.frames()) {
        FUZZ_CHECK(f.headerLength >= 2 && f.headerLength <= 14);
        FUZZ_CHECK(f.payload.size() <= Cap);
        FUZZ_CHECK(f.truncated == (f.length > quint64(Cap)));
        FUZZ_CHECK(quint64(f.payload.size()) == qMin<quint64>(f.length, Cap));
        FUZZ_CHECK(!WebSocketFrameParser::opcodeName(f.opcode).isEmpty());
        if (f.opcode == 0x8) {
            const int code = WebSocketFrameParser::closeCode(f.payload);
            FUZZ_CHECK(code >= 0 && code <= 0xFFFF);
            (void)WebSocketFrameParser::closeReason(f.payload);
        }
    }
    return 0;
}
