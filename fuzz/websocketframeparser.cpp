// libFuzzer target: WebSocketFrameParser, which reads both directions of an inspected member's
// connection, split and coalesced anyhow.
#include "protocol/websocketframeparser.h"
#include "fuzzcheck.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace {

constexpr int Cap = 64; // small, so that the truncation is exercised too

bool sameFrame(const ParsedFrame &a, const ParsedFrame &b)
{
    return a.fin == b.fin && a.rsv1 == b.rsv1 && a.rsv2 == b.rsv2 && a.rsv3 == b.rsv3
        && a.opcode == b.opcode && a.masked == b.masked && a.maskKey == b.maskKey
        && a.length == b.length && a.headerLength == b.headerLength && a.payload == b.payload
        && a.truncated == b.truncated;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto *bytes = reinterpret_cast<const char *>(data);
    const qint64 n = qint64(size);

    // All at once.
    WebSocketFrameParser whole(Cap);
    whole.feed(bytes, n);

    // In pieces whose sizes the input's first byte chooses, and byte by byte.
    WebSocketFrameParser pieces(Cap);
    const qint64 step = n > 0 ? 1 + uint8_t(bytes[0]) % 7 : 1;
    for (qint64 at = 0; at < n; at += step)
        pieces.feed(bytes + at, std::min(step, n - at));
    WebSocketFrameParser single(Cap);
    for (qint64 at = 0; at < n; ++at)
        single.feed(bytes + at, 1);

    // However the bytes come, the same frames and the same verdict.
    for (const WebSocketFrameParser *other : {&pieces, &single}) {
        FUZZ_CHECK(other->hasError() == whole.hasError());
        FUZZ_CHECK(other->error() == whole.error());
        FUZZ_CHECK(other->frames().size() == whole.frames().size());
        for (qsizetype i = 0; i < whole.frames().size(); ++i)
            FUZZ_CHECK(sameFrame(other->frames().at(i), whole.frames().at(i)));
    }

    qint64 consumed = 0;
    for (const ParsedFrame &f : whole.frames()) {
        // What a frame keeps follows from its header, and only legal headers make frames.
        FUZZ_CHECK(f.payload.size() == qsizetype(std::min<quint64>(f.length, Cap)));
        FUZZ_CHECK(f.truncated == (f.length > quint64(Cap)));
        FUZZ_CHECK(f.headerLength >= 2 && f.headerLength <= 14);
        FUZZ_CHECK(!(f.opcode >= 0x3 && f.opcode <= 0x7) && f.opcode <= 0xa);
        FUZZ_CHECK(f.opcode < 0x8 || (f.fin && f.length <= 125));
        FUZZ_CHECK(f.masked || f.maskKey == 0);
        consumed += f.headerLength + qint64(f.length);
    }
    // Frames never claim more bytes than were fed.
    FUZZ_CHECK(consumed <= n);
    if (!whole.hasError() && whole.atFrameBoundary())
        FUZZ_CHECK(consumed == n);
    return 0;
}
