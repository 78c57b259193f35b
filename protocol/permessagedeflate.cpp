#include "permessagedeflate.h"

#include <QList>

#include <zlib.h>

#include <algorithm>
#include <array>
#include <limits>

namespace PerMessageDeflate {

namespace {

// What a sender removes from the end of every compressed message, and a receiver puts back.
constexpr char EmptyStoredBlock[] = {'\x00', '\x00', '\xff', '\xff'};
constexpr int EmptyStoredBlockSize = 4;

constexpr int MinWindowBits = 9; // zlib's raw deflate refuses 8 (see Agreement::serverWindowBits)
constexpr int MaxWindowBits = 15;

// Level 6 (zlib's default) rather than 1, measured on this machine with one kept stream reset
// between messages: a 4 KB JSON message becomes 504 bytes in 14 us at 6 and 566 bytes in 8 us at
// 1; a 64-byte line 62 bytes in about 3 us at both (the reset's clearing of the 64 KiB hash
// table, memLevel 8, is most of that). A room message is compressed once per dialect and its
// frame written to every member, so 11% fewer bytes per member are worth 6 us once.
constexpr int CompressionLevel = Z_DEFAULT_COMPRESSION;

// The window a message is compressed with: the smallest that holds it whole (no match can
// reach further back than the message's start), never more than agreed. A chat line then
// uses a 512-byte window and a small hash table, whose clearing between messages costs
// almost nothing, and compresses exactly as well; a larger window is only used for messages
// that can use it. Output made with a smaller window is valid for any larger one.
int windowFor(qsizetype size, int agreedBits)
{
    int bits = MinWindowBits;
    while (bits < agreedBits && (qsizetype(1) << bits) < size)
        ++bits;
    return bits;
}

// zlib's memLevel for a window: its hash table has 2^(memLevel + 7) entries, so as many as the
// window has bytes, up to zlib's default of 8.
int memLevelFor(int windowBits)
{
    return std::clamp(windowBits - 7, 1, 8);
}

// Inflate streams kept for the next message once a message is read: making one allocates
// about 40 KiB (its state and window), which a chat line need not pay each time. A few per
// thread, as many as messages are being read at once in practice.
constexpr size_t KeptInflateStreams = 8;

// The output grows by at most this much per inflate() call into it, so that a message inflating
// far past the limit never has more than the limit (plus one byte) allocated for it.
constexpr qsizetype InflateChunk = 16 * 1024;

// The most zlib is given or asked for at once (its counts are 32-bit).
constexpr qsizetype MaxPiece = qsizetype(1) << 30;

// Points z at the next piece of the size bytes at *data (at most MaxPiece) and moves past it.
void takePiece(const char **data, qsizetype *size, z_stream *z)
{
    const qsizetype piece = std::min(*size, MaxPiece);
    z->next_in = reinterpret_cast<Bytef *>(const_cast<char *>(*data));
    z->avail_in = uInt(piece);
    *data += piece;
    *size -= piece;
}

// One parsed extension of a Sec-WebSocket-Extensions value: its name and its parameters as they
// came, or invalid when it broke the syntax of RFC 6455, 9.1.
struct Extension
{
    QByteArray name;
    QList<std::pair<QByteArray, std::optional<QByteArray>>> params;
    bool valid = true;
};

// Whether c may appear in an HTTP token (RFC 7230, 3.2.6).
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

// Whether s is a non-empty token.
bool isToken(const QByteArray &s)
{
    return !s.isEmpty() && std::all_of(s.cbegin(), s.cend(), isTokenChar);
}

// Reads a Sec-WebSocket-Extensions value from untrusted bytes, one extension at a time.
class ExtensionReader
{
public:
    // A reader of value, at its start.
    explicit ExtensionReader(const QByteArray &value)
        : m_value(value)
    { }

    // The next extension (empty list elements skipped), or nullopt at the end of the value.
    // A broken extension comes back invalid, and reading goes on after the next comma.
    std::optional<Extension> next()
    {
        skipSpace();
        while (peek() == ',') { // empty list elements are allowed (RFC 7230, 7)
            ++m_at;
            skipSpace();
        }
        if (atEnd())
            return std::nullopt;
        Extension extension;
        extension.valid = readExtension(&extension);
        if (!extension.valid)
            skipToNextElement();
        return extension;
    }

private:
    bool atEnd() const { return m_at >= m_value.size(); }
    char peek() const { return atEnd() ? '\0' : m_value.at(m_at); }

    // Skips optional white space (spaces and tabs).
    void skipSpace()
    {
        while (peek() == ' ' || peek() == '\t')
            ++m_at;
    }

    // The token at the reading position (empty when there is none), read past.
    QByteArray readToken()
    {
        const qsizetype start = m_at;
        while (!atEnd() && isTokenChar(peek()))
            ++m_at;
        return m_value.mid(start, m_at - start);
    }

    // The quoted string at the reading position, unescaped and read past; nullopt when it never
    // closes or holds a control character.
    std::optional<QByteArray> readQuoted()
    {
        ++m_at; // the opening quote
        QByteArray text;
        while (!atEnd()) {
            const char c = m_value.at(m_at++);
            if (c == '"')
                return text;
            if (c == '\\') {
                if (atEnd())
                    return std::nullopt;
                text.append(m_value.at(m_at++));
            } else if ((uchar(c) < 0x20 && c != '\t') || c == '\x7f') {
                return std::nullopt;
            } else {
                text.append(c);
            }
        }
        return std::nullopt;
    }

    // Reads `name *(; param [= value])` into extension, up to the next comma or the end; false
    // when it breaks the grammar (an empty name, a value that is not a token, an open quote).
    bool readExtension(Extension *extension)
    {
        extension->name = readToken();
        if (extension->name.isEmpty())
            return false;
        skipSpace();
        while (peek() == ';') {
            ++m_at;
            skipSpace();
            QByteArray param = readToken();
            if (param.isEmpty())
                return false;
            skipSpace();
            std::optional<QByteArray> value;
            if (peek() == '=') {
                ++m_at;
                skipSpace();
                if (peek() == '"') {
                    value = readQuoted();
                    // RFC 6455, 9.1: a quoted value, unescaped, must still be a token.
                    if (!value || !isToken(*value))
                        return false;
                } else {
                    value = readToken();
                    if (value->isEmpty())
                        return false;
                }
                skipSpace();
            }
            extension->params.append({param, value});
        }
        if (atEnd())
            return true;
        if (peek() != ',')
            return false;
        ++m_at;
        return true;
    }

    // Moves past the next comma that is outside quotes, or to the end of the value.
    void skipToNextElement()
    {
        bool quoted = false;
        while (!atEnd()) {
            const char c = m_value.at(m_at++);
            if (quoted && c == '\\')
                ++m_at;
            else if (c == '"')
                quoted = !quoted;
            else if (c == ',' && !quoted)
                return;
        }
    }

    const QByteArray &m_value;
    qsizetype m_at = 0;
};

// A window size's value: plain digits, no leading zero, 8..15; nullopt otherwise.
std::optional<int> windowBits(const QByteArray &value)
{
    if (value.isEmpty() || value.size() > 2 || value.startsWith('0'))
        return std::nullopt;
    if (!std::all_of(value.cbegin(), value.cend(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    const int bits = value.toInt();
    if (bits < 8 || bits > MaxWindowBits)
        return std::nullopt;
    return bits;
}

// The agreement for one permessage-deflate offer, or nullopt when wsroom must decline it.
std::optional<Agreement> accept(const Extension &offer)
{
    if (!offer.valid)
        return std::nullopt;
    QList<QByteArray> seen;
    std::optional<int> serverBits;
    for (const auto &[name, value] : offer.params) {
        if (seen.contains(name))
            return std::nullopt; // RFC 7692, 7: a parameter twice
        seen.append(name);
        if (name == "server_no_context_takeover" || name == "client_no_context_takeover") {
            if (value)
                return std::nullopt;
        } else if (name == "server_max_window_bits") {
            if (!value)
                return std::nullopt;
            serverBits = windowBits(*value);
            // 8 is valid in an offer, but zlib cannot compress raw deflate with it: decline.
            if (!serverBits || *serverBits < MinWindowBits)
                return std::nullopt;
        } else if (name == "client_max_window_bits") {
            // Bare or with a value, it only tells that the client can limit its own window;
            // wsroom inflates with 15 bits, which reads any smaller window, so it sends no value.
            if (value && !windowBits(*value))
                return std::nullopt;
        } else {
            return std::nullopt; // an unknown parameter
        }
    }
    Agreement agreement;
    agreement.responseHeader
        = "permessage-deflate; server_no_context_takeover; client_no_context_takeover";
    if (serverBits) {
        agreement.serverWindowBits = *serverBits;
        agreement.responseHeader += "; server_max_window_bits=" + QByteArray::number(*serverBits);
    }
    return agreement;
}

} // namespace

std::optional<Agreement> negotiate(const QByteArray &extensionsHeader)
{
    ExtensionReader reader(extensionsHeader);
    while (std::optional<Extension> extension = reader.next()) {
        if (extension->name.compare("permessage-deflate", Qt::CaseInsensitive) != 0)
            continue;
        if (std::optional<Agreement> agreement = accept(*extension))
            return agreement;
    }
    return std::nullopt;
}

// One deflate stream per window size, made the first time that size is used.
struct Compressor::Streams
{
    struct Stream
    {
        z_stream z {};
    };
    std::array<std::unique_ptr<Stream>, MaxWindowBits + 1> byBits;

    ~Streams()
    {
        for (const std::unique_ptr<Stream> &stream : byBits) {
            if (stream)
                deflateEnd(&stream->z);
        }
    }

    // The stream for windowBits, made if need be, ready for a new message.
    z_stream *stream(int bits)
    {
        std::unique_ptr<Stream> &slot = byBits[size_t(bits)];
        if (slot) {
            deflateReset(&slot->z);
            return &slot->z;
        }
        auto made = std::make_unique<Stream>();
        if (deflateInit2(&made->z, CompressionLevel, Z_DEFLATED, -bits, memLevelFor(bits),
                         Z_DEFAULT_STRATEGY)
            != Z_OK) {
            // The parameters are valid, so only memory can be missing.
            qFatal("PerMessageDeflate: zlib could not make a deflate stream (out of memory)");
        }
        slot = std::move(made);
        return &slot->z;
    }
};

Compressor::Compressor()
    : m_streams(std::make_unique<Streams>())
{ }

Compressor::~Compressor() = default;

QByteArray Compressor::compress(const QByteArray &payload, int windowBits)
{
    Q_ASSERT(windowBits >= MinWindowBits && windowBits <= MaxWindowBits);
    z_stream *z = m_streams->stream(
        windowFor(payload.size(), std::clamp(windowBits, MinWindowBits, MaxWindowBits)));

    QByteArray out;
    // deflateBound() covers the blocks; the sync flush adds its empty stored block and a byte.
    out.resize(qsizetype(deflateBound(z, uLong(payload.size()))) + 16);
    const char *data = payload.constData();
    qsizetype size = payload.size();
    z->avail_in = 0;
    qsizetype produced = 0;
    for (;;) {
        if (z->avail_in == 0 && size > 0) // zlib counts in 32 bits: the input in pieces
            takePiece(&data, &size, z);
        if (produced == out.size())
            out.resize(out.size() * 2);
        z->next_out = reinterpret_cast<Bytef *>(out.data() + produced);
        z->avail_out = uInt(std::min<qsizetype>(out.size() - produced, MaxPiece));
        // The flush once the last piece is in: it ends when deflate() leaves room unused.
        const int flush = size == 0 ? Z_SYNC_FLUSH : Z_NO_FLUSH;
        const int result = deflate(z, flush);
        produced = (reinterpret_cast<char *>(z->next_out) - out.data());
        // Z_BUF_ERROR only says that nothing was left to do.
        Q_ASSERT(result == Z_OK || result == Z_BUF_ERROR);
        if (flush == Z_SYNC_FLUSH && (z->avail_out != 0 || result != Z_OK))
            break;
    }
    out.truncate(produced);
    // RFC 7692, 7.2.1: remove the 0x00 0x00 0xff 0xff the sync flush ends with.
    if (out.endsWith(QByteArrayView(EmptyStoredBlock, EmptyStoredBlockSize)))
        out.chop(EmptyStoredBlockSize);
    return out;
}

// The inflate stream of one message, made at its first bytes.
struct Decompressor::Stream
{
    z_stream z {};
    bool ready = false; // inflateInit2 succeeded
    bool ended = false; // the last block read had BFINAL set
    Status status = Status::Ok; // once TooBig or Corrupt, it stays so
    qint64 produced = 0; // bytes inflated so far, in all

    ~Stream()
    {
        if (ready)
            inflateEnd(&z);
    }

    // Inflates size bytes at data onto out, at most maxBytes + 1 bytes in all; flush is zlib's
    // (Z_BLOCK stops at block boundaries, so that finish() can tell where the stream is).
    Status inflate(const char *data, qsizetype size, QByteArray *out, qint64 maxBytes, int flush)
    {
        if (status != Status::Ok)
            return status;
        if (!ready) {
            if (inflateInit2(&z, -MaxWindowBits) != Z_OK)
                return status = Status::Corrupt; // out of memory: the message cannot be read
            ready = true;
        }
        z.avail_in = 0;
        for (;;) {
            if (z.avail_in == 0 && size > 0) // zlib counts in 32 bits: the input in pieces
                takePiece(&data, &size, &z);
            if (ended) {
                if (z.avail_in == 0)
                    return Status::Ok;
                restartAfterFinalBlock(*out);
            }
            // Never more room than would take the output one byte past the limit.
            const qint64 allowed = maxBytes + 1 - produced;
            const qsizetype chunk = qsizetype(std::min<qint64>(allowed, InflateChunk));
            const qsizetype before = out->size();
            out->resize(before + chunk);
            z.next_out = reinterpret_cast<Bytef *>(out->data() + before);
            z.avail_out = uInt(chunk);
            const int result = ::inflate(&z, flush);
            const qsizetype made = chunk - qsizetype(z.avail_out);
            out->resize(before + made);
            produced += made;
            if (produced > maxBytes)
                return status = Status::TooBig;
            switch (result) {
            case Z_OK:
                // More to do while input is left, or while output filled all the room given.
                if (z.avail_in == 0 && size == 0 && z.avail_out != 0)
                    return Status::Ok;
                break;
            case Z_STREAM_END:
                ended = true;
                break;
            case Z_BUF_ERROR: // no progress possible: all input read, no output pending
                if (size == 0)
                    return Status::Ok;
                break;
            default: // Z_DATA_ERROR, Z_NEED_DICT, Z_STREAM_ERROR, Z_MEM_ERROR
                return status = Status::Corrupt;
            }
        }
    }

    // RFC 7692, 7.2.1 and its example 7.2.3.4: DEFLATE blocks may follow a block with BFINAL
    // set (it ends a DEFLATE stream, and the bytes after it start another). The stream starts
    // anew, with what the message inflated so far (out) as the window it may refer back to.
    void restartAfterFinalBlock(const QByteArray &out)
    {
        inflateReset(&z);
        const qsizetype window = std::min<qsizetype>(out.size(), qsizetype(1) << MaxWindowBits);
        const auto *tail = reinterpret_cast<const Bytef *>(out.constData() + out.size() - window);
        inflateSetDictionary(&z, tail, uInt(window));
        ended = false;
    }

    // Whether the stream stands between two blocks (or after a final one): a message that
    // ends anywhere else was cut short. zlib sets 128 in data_type at a block boundary.
    bool atBlockBoundary() const { return ended || (z.data_type & 128) != 0; }
};

namespace {

// This thread's inflate streams kept between messages, reset and ready.
std::vector<std::unique_ptr<Decompressor::Stream>> &keptStreams()
{
    thread_local std::vector<std::unique_ptr<Decompressor::Stream>> kept;
    return kept;
}

} // namespace

Decompressor::Decompressor(qint64 maxBytes)
    // One less than the largest qint64, so that the limit plus one byte is still a qint64.
    : m_maxBytes(std::clamp<qint64>(maxBytes, 0, std::numeric_limits<qint64>::max() - 1))
{
    std::vector<std::unique_ptr<Stream>> &kept = keptStreams();
    if (kept.empty()) {
        m_stream = std::make_unique<Stream>();
    } else {
        m_stream = std::move(kept.back());
        kept.pop_back();
    }
}

Decompressor::~Decompressor()
{
    std::vector<std::unique_ptr<Stream>> &kept = keptStreams();
    if (!m_stream->ready || kept.size() >= KeptInflateStreams)
        return;
    inflateReset(&m_stream->z);
    m_stream->ended = false;
    m_stream->status = Status::Ok;
    m_stream->produced = 0;
    kept.push_back(std::move(m_stream));
}

Decompressor::Status Decompressor::inflate(const char *data, qsizetype size, QByteArray *out)
{
    return m_stream->inflate(data, size, out, m_maxBytes, Z_NO_FLUSH);
}

Decompressor::Status Decompressor::finish(QByteArray *out)
{
    Stream &s = *m_stream;
    // A message that ends with its final block has nothing for the tail to complete: RFC 7692,
    // 7.2.1 would have had the sender add an empty stored block after it, but readers that stop
    // at the final block (Python's zlib, Node's) take it as it is, and so does this one.
    if (s.status == Status::Ok && s.ended)
        return Status::Ok;
    const Status status
        = s.inflate(EmptyStoredBlock, EmptyStoredBlockSize, out, m_maxBytes, Z_BLOCK);
    if (status == Status::Ok && !s.atBlockBoundary())
        return s.status = Status::Corrupt; // the message ended inside a block
    return status;
}

} // namespace PerMessageDeflate
