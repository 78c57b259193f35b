#pragma once

#include <QByteArray>

#include <memory>
#include <optional>

// permessage-deflate (RFC 7692) for the server's side: the extension's negotiation, and the
// compression of whole messages. What wsroom agrees to, whatever the client offers:
// - server_no_context_takeover: every message the server sends is compressed on its own, so one
//   compressed frame can go to every member that agreed on the same window (the fan-out
//   compresses a room message once, not once per member);
// - client_no_context_takeover: every message a client sends is compressed on its own, so a
//   member keeps no inflate state between messages (no 32 KiB window per idle member).
// Both are allowed in a response to any offer (RFC 7692, 7.1.1.1 and 7.1.1.2).
namespace PerMessageDeflate {

// What one connection agreed to.
struct Agreement
{
    // The window the server compresses with (server_max_window_bits; 15 unless the client
    // asked for less). Never 8: zlib cannot make raw deflate with a 256-byte window, so an
    // offer that asks for 8 is declined (RFC 7692, 7.1.2.1 lets a server decline it).
    int serverWindowBits = 15;
    // The response's Sec-WebSocket-Extensions value, e.g.
    // "permessage-deflate; server_no_context_takeover; client_no_context_takeover".
    QByteArray responseHeader;
};

// Reads the Sec-WebSocket-Extensions values of a request (all its lines, joined with ", ") and
// accepts the first permessage-deflate offer that is valid (RFC 7692, 7: no unknown parameter,
// none twice, values in range); nullopt when there is none (then the connection speaks plain
// frames). Other extensions are ignored.
std::optional<Agreement> negotiate(const QByteArray &extensionsHeader);

// Compresses whole messages for sending, each on its own (no context takeover). One per thread:
// its zlib streams are kept and reset between messages, one per window size used.
class Compressor
{
public:
    Compressor();
    ~Compressor();
    Q_DISABLE_COPY_MOVE(Compressor)

    // payload compressed with a window of 2^windowBits (9..15), with the final empty stored
    // block's 0x00 0x00 0xff 0xff removed, as a frame's payload (RFC 7692, 7.2.1).
    QByteArray compress(const QByteArray &payload, int windowBits);

private:
    struct Streams;
    std::unique_ptr<Streams> m_streams;
};

// Inflates one compressed message as its frames' payloads arrive, with a limit on the inflated
// size. Made when a compressed message starts and dropped when it ends (the client agreed to no
// context takeover), so an idle member holds none.
class Decompressor
{
public:
    enum class Status {
        Ok, // all of the input was inflated into out
        TooBig, // the inflated size passed the limit: inflating stopped there (the zip bomb)
        Corrupt, // not a valid deflate stream
    };

    // Inflated output past maxBytes (the message-size limit) is refused.
    explicit Decompressor(qint64 maxBytes);
    ~Decompressor();
    Q_DISABLE_COPY_MOVE(Decompressor)

    // Inflates the next compressed bytes of the message, appending to out (which holds what was
    // inflated before); stops as soon as out would pass the limit.
    Status inflate(const char *data, qsizetype size, QByteArray *out);
    // Ends the message: inflates the 0x00 0x00 0xff 0xff the sender removed (RFC 7692, 7.2.2).
    Status finish(QByteArray *out);

    // zlib's inflate stream and where it stands; named here only so that a thread can keep a
    // few ready for its next messages.
    struct Stream;

private:
    std::unique_ptr<Stream> m_stream;
    qint64 m_maxBytes;
};

} // namespace PerMessageDeflate
