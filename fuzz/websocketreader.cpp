// libFuzzer target: WebSocketReader, which reads every byte a member's client sends after the
// handshake. The input's first byte picks the settings (bit 0: permessage-deflate agreed; bits
// 1-2: the size limit, 0, 125, 4096 or 1 MiB), the rest is the client's byte stream.
#include "protocol/websocketreader.h"
#include "fuzzcheck.h"

#include <QList>
#include <QUtf8StringView>

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace {

constexpr qint64 Limits[] = {0, 125, 4096, 1 << 20};

// What one reader made of the stream.
struct Outcome
{
    QList<WebSocketReader::Message> messages;
    bool failed = false;
    int failureCode = 0;
};

bool sameMessage(const WebSocketReader::Message &a, const WebSocketReader::Message &b)
{
    return a.kind == b.kind && a.payload == b.payload && a.closeCode == b.closeCode
        && a.closeReason == b.closeReason;
}

// The stream read by a new reader, given in pieces: each piece 1 + (its first byte % spread)
// long, or the whole stream when spread is 0.
Outcome readInPieces(const QByteArray &stream, qint64 limit, bool deflate, int spread)
{
    WebSocketReader reader(limit, deflate);
    Outcome outcome;
    const char *const begin = stream.constData();
    const char *const streamEnd = begin + stream.size();
    const char *from = begin;
    while (from < streamEnd) {
        const qsizetype step = spread == 0 ? stream.size() : 1 + quint8(*from) % spread;
        const char *const end = std::min(from + step, streamEnd);
        const char *p = from;
        for (;;) {
            WebSocketReader::Message message;
            const char *const before = p;
            const WebSocketReader::Result result = reader.read(&p, end, &message);
            FUZZ_CHECK(p >= before && p <= end);
            if (result == WebSocketReader::Result::NeedMore) {
                FUZZ_CHECK(p == end); // NeedMore: every byte given was read
                break;
            }
            if (result == WebSocketReader::Result::Failed) {
                outcome.failed = true;
                outcome.failureCode = reader.failureCode();
                FUZZ_CHECK(outcome.failureCode == 1002 || outcome.failureCode == 1007
                           || outcome.failureCode == 1009);
                FUZZ_CHECK(!reader.failureReason().isEmpty());
                // Failed for good: nothing more is read.
                const char *again = p;
                FUZZ_CHECK(reader.read(&again, streamEnd, &message)
                           == WebSocketReader::Result::Failed);
                FUZZ_CHECK(again == p);
                return outcome;
            }
            outcome.messages.append(message);
        }
        from = end;
    }
    return outcome;
}

// What every message handed out must be, whatever the stream.
void checkMessage(const WebSocketReader::Message &m, qint64 limit)
{
    using Kind = WebSocketReader::Kind;
    switch (m.kind) {
    case Kind::Text:
        FUZZ_CHECK(QUtf8StringView(m.payload).isValidUtf8());
        FUZZ_CHECK(m.payload.size() <= limit);
        break;
    case Kind::Binary:
        FUZZ_CHECK(m.payload.size() <= limit);
        break;
    case Kind::Ping:
    case Kind::Pong:
        FUZZ_CHECK(m.payload.size() <= 125);
        break;
    case Kind::Close:
        FUZZ_CHECK(m.payload.size() <= 125 && m.payload.size() != 1);
        if (m.payload.isEmpty()) {
            FUZZ_CHECK(m.closeCode == 1005 && m.closeReason.isEmpty());
        } else {
            FUZZ_CHECK(WebSocketReader::isValidCloseCode(m.closeCode));
            FUZZ_CHECK(QUtf8StringView(m.payload.mid(2)).isValidUtf8());
            FUZZ_CHECK(m.closeReason == QString::fromUtf8(m.payload.mid(2)));
        }
        break;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const bool deflate = data[0] & 1;
    const qint64 limit = Limits[(data[0] >> 1) & 3];
    const QByteArray stream(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    const Outcome whole = readInPieces(stream, limit, deflate, 0);
    for (const WebSocketReader::Message &m : whole.messages)
        checkMessage(m, limit);

    // However the bytes come, the same messages and the same end.
    for (const int spread : {1, 7, 64}) {
        const Outcome pieces = readInPieces(stream, limit, deflate, spread);
        FUZZ_CHECK(pieces.failed == whole.failed);
        FUZZ_CHECK(pieces.failureCode == whole.failureCode);
        FUZZ_CHECK(pieces.messages.size() == whole.messages.size());
        for (qsizetype i = 0; i < whole.messages.size(); ++i)
            FUZZ_CHECK(sameMessage(pieces.messages.at(i), whole.messages.at(i)));
    }
    return 0;
}
