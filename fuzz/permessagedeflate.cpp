// libFuzzer target: permessage-deflate's negotiation (the Sec-WebSocket-Extensions value of every
// handshake) and its decompressor (every compressed message a member sends), both untrusted.
// The input's first line is the header value, the rest a compressed message.
#include "protocol/permessagedeflate.h"
#include "fuzzcheck.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace {

constexpr qint64 Limit = 1 << 20; // 1 MiB, as a message-size limit

using PerMessageDeflate::Decompressor;

// The message inflated by a new Decompressor, fed in pieces of step bytes, then finished.
std::pair<Decompressor::Status, QByteArray> inflateInPieces(const QByteArray &message,
                                                            qsizetype step)
{
    Decompressor decompressor(Limit);
    QByteArray out;
    Decompressor::Status status = Decompressor::Status::Ok;
    for (qsizetype at = 0; at < message.size() && status == Decompressor::Status::Ok; at += step) {
        status = decompressor.inflate(message.constData() + at, std::min(step, message.size() - at),
                                      &out);
        FUZZ_CHECK(out.size() <= Limit + 1); // never more than the limit and one byte
    }
    if (status == Decompressor::Status::Ok)
        status = decompressor.finish(&out);
    FUZZ_CHECK(out.size() <= Limit + 1);
    // Once refused, always refused.
    if (status != Decompressor::Status::Ok)
        FUZZ_CHECK(decompressor.inflate("\x00", 1, &out) == status);
    return {status, out};
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype newline = input.indexOf('\n');
    const QByteArray header = newline < 0 ? input : input.left(newline);
    const QByteArray message = newline < 0 ? QByteArray() : input.mid(newline + 1);

    // An agreement answers with the extension's name, both no_context_takeover parameters, and
    // a window zlib can compress with, named when the offer asked for one (else 15).
    const std::optional<PerMessageDeflate::Agreement> agreement
        = PerMessageDeflate::negotiate(header);
    int bits = 15;
    if (agreement) {
        bits = agreement->serverWindowBits;
        FUZZ_CHECK(agreement->responseHeader.startsWith(
            "permessage-deflate; server_no_context_takeover; client_no_context_takeover"));
        FUZZ_CHECK(bits >= 9 && bits <= 15);
        if (agreement->responseHeader.contains("server_max_window_bits"))
            FUZZ_CHECK(agreement->responseHeader.endsWith("; server_max_window_bits="
                                                          + QByteArray::number(bits)));
        else
            FUZZ_CHECK(bits == 15);
        FUZZ_CHECK(!agreement->responseHeader.contains("client_max_window_bits"));
    }

    // However the message comes, the same verdict, and the same bytes when it is read.
    const auto [status, out] = inflateInPieces(message, std::max<qsizetype>(1, message.size()));
    const auto [byteStatus, byteOut] = inflateInPieces(message, 1);
    FUZZ_CHECK(byteStatus == status);
    if (status == Decompressor::Status::Ok) {
        FUZZ_CHECK(byteOut == out);
        FUZZ_CHECK(out.size() <= Limit);
    }
    if (status == Decompressor::Status::TooBig)
        FUZZ_CHECK(out.size() == Limit + 1);

    // And the message itself, compressed with the window agreed, reads back as it was.
    PerMessageDeflate::Compressor compressor;
    const QByteArray compressed = compressor.compress(message, bits);
    const auto [roundStatus, roundOut] = inflateInPieces(compressed, 7);
    FUZZ_CHECK(roundStatus == Decompressor::Status::Ok);
    FUZZ_CHECK(roundOut == message);
    return 0;
}
