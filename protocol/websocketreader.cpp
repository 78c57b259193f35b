#include "websocketreader.h"

#include "websocketframe.h"

#include <QtEndian>

#include <cstring>

namespace {

using WebSocketFrame::Binary;
using WebSocketFrame::Close;
using WebSocketFrame::Continuation;
using WebSocketFrame::Ping;
using WebSocketFrame::Pong;
using WebSocketFrame::Text;

constexpr int ProtocolError = 1002;
constexpr int InvalidData = 1007;
constexpr int TooBig = 1009;

// Unmasks size bytes of src into dst (which may be src); phase is the payload's offset modulo 4
// and moves on by size.
void unmask(char *dst, const char *src, qsizetype size, const unsigned char mask[4],
            unsigned *phase)
{
    unsigned char key[8];
    for (unsigned i = 0; i < 8; ++i)
        key[i] = mask[(*phase + i) % 4];
    quint64 key64;
    std::memcpy(&key64, key, 8);
    qsizetype i = 0;
    for (; i + 8 <= size; i += 8) {
        quint64 word;
        std::memcpy(&word, src + i, 8);
        word ^= key64;
        std::memcpy(dst + i, &word, 8);
    }
    for (; i < size; ++i)
        dst[i] = char(src[i] ^ key[i % 8]);
    *phase = unsigned((*phase + quint64(size)) % 4);
}

// The payload bytes a compressed message may take on the wire: deflate never grows data by more
// than a few bytes per 16 KiB stored block, so past this it cannot inflate to within the limit.
qint64 wireLimit(qint64 maxMessageBytes)
{
    return maxMessageBytes + maxMessageBytes / 256 + 64;
}

} // namespace

WebSocketReader::WebSocketReader(qint64 maxMessageBytes, bool deflate)
    : m_maxMessageBytes(maxMessageBytes)
    , m_deflate(deflate)
{ }

WebSocketReader::~WebSocketReader() = default;

bool WebSocketReader::isValidCloseCode(int code)
{
    return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014)
        || (code >= 3000 && code <= 4999);
}

WebSocketReader::Result WebSocketReader::fail(int code, const QString &reason)
{
    m_stage = Stage::Failed;
    m_failureCode = code;
    m_failureReason = reason;
    // Nothing more is read: the message's memory can go now.
    m_message = QByteArray();
    m_control = QByteArray();
    m_unmasked = QByteArray();
    m_decompressor.reset();
    return Result::Failed;
}

WebSocketReader::Result WebSocketReader::read(const char **data, const char *end, Message *message)
{
    const char *p = *data;
    while (m_stage != Stage::Failed) {
        if (m_stage == Stage::Header) {
            // Each rule is judged at the header byte that decides it, before more arrives.
            while (m_headerFill < headerLength()) {
                if (p == end) {
                    *data = p;
                    return Result::NeedMore;
                }
                m_header[m_headerFill++] = quint8(*p++);
                if (!judgeHeaderByte()) {
                    *data = p;
                    return Result::Failed;
                }
            }
            // The whole header is in: the mask is its last four bytes.
            std::memcpy(m_mask, m_header + m_headerFill - 4, 4);
            m_maskPhase = 0;
            m_headerFill = 0;
            if (m_opcode < Close && !m_compressed)
                m_message.reserve(m_message.size() + qsizetype(qMin<quint64>(m_remaining, 65536)));
            m_stage = Stage::Payload;
        }

        // Stage::Payload
        if (m_remaining > 0) {
            if (p == end) {
                *data = p;
                return Result::NeedMore;
            }
            qsizetype take = qsizetype(qMin<quint64>(m_remaining, quint64(end - p)));
            const bool ok = takePayload(p, &take);
            p += take;
            if (!ok) {
                *data = p;
                return Result::Failed;
            }
            m_remaining -= quint64(take);
            if (m_remaining > 0)
                continue;
        }
        m_stage = Stage::Header;
        bool complete = false;
        if (!endFrame(message, &complete)) {
            *data = p;
            return Result::Failed;
        }
        if (complete) {
            *data = p;
            return Result::Message;
        }
    }
    *data = p;
    return Result::Failed;
}

int WebSocketReader::headerLength() const
{
    if (m_headerFill < 2)
        return 2;
    const int length7 = m_header[1] & 0x7F;
    return 2 + (length7 == 126 ? 2 : length7 == 127 ? 8 : 0) + 4;
}

bool WebSocketReader::judgeHeaderByte()
{
    if (m_headerFill == 1)
        return checkFirstByte();
    const int length7 = m_header[1] & 0x7F;
    if (m_headerFill == 2) {
        if (!(m_header[1] & 0x80)) {
            fail(ProtocolError, QStringLiteral("a frame from a client must be masked"));
            return false;
        }
        if (!startFrame())
            return false;
    }
    if (length7 == 127 && m_headerFill == 3 && (m_header[2] & 0x80)) {
        fail(ProtocolError, QStringLiteral("a frame length must not have its top bit set"));
        return false;
    }
    const int lengthEnd = length7 == 126 ? 4 : length7 == 127 ? 10 : 2;
    return m_headerFill != lengthEnd || takeLength();
}

bool WebSocketReader::checkFirstByte()
{
    const bool fin = m_header[0] & 0x80;
    const bool rsv1 = m_header[0] & 0x40;
    const int opcode = m_header[0] & 0x0F;
    if (m_header[0] & 0x30) {
        fail(ProtocolError, QStringLiteral("RSV2 and RSV3 must be clear: no extension uses them"));
        return false;
    }
    switch (opcode) {
    case Close:
    case Ping:
    case Pong:
        if (!fin) {
            fail(ProtocolError, QStringLiteral("a control frame must not be fragmented"));
            return false;
        }
        if (rsv1) {
            fail(ProtocolError, QStringLiteral("RSV1 must be clear on a control frame"));
            return false;
        }
        return true;
    case Text:
    case Binary:
        if (m_messageOpen) {
            fail(ProtocolError,
                 QStringLiteral("a new message began before the fragmented one ended"));
            return false;
        }
        if (rsv1 && !m_deflate) {
            fail(ProtocolError,
                 QStringLiteral("RSV1 must be clear: permessage-deflate was not agreed"));
            return false;
        }
        return true;
    case Continuation:
        if (!m_messageOpen) {
            fail(ProtocolError, QStringLiteral("a continuation frame with no message begun"));
            return false;
        }
        if (rsv1) {
            fail(ProtocolError, QStringLiteral("RSV1 must be clear on a continuation frame"));
            return false;
        }
        return true;
    default:
        fail(ProtocolError, QStringLiteral("reserved opcode 0x%1").arg(opcode, 0, 16));
        return false;
    }
}

bool WebSocketReader::startFrame()
{
    const bool fin = m_header[0] & 0x80;
    const bool rsv1 = m_header[0] & 0x40;
    const int opcode = m_header[0] & 0x0F;
    const int length7 = m_header[1] & 0x7F;
    switch (opcode) {
    case Close:
    case Ping:
    case Pong:
        if (length7 > 125) {
            fail(ProtocolError, QStringLiteral("a control frame must carry at most 125 bytes"));
            return false;
        }
        m_control.clear();
        break;
    case Text:
    case Binary:
        m_messageOpen = true;
        m_messageKind = opcode == Text ? Kind::Text : Kind::Binary;
        m_compressed = rsv1;
        m_wireBytes = 0;
        if (m_compressed)
            m_decompressor = std::make_unique<PerMessageDeflate::Decompressor>(m_maxMessageBytes);
        break;
    default:
        break;
    }
    m_fin = fin;
    m_opcode = opcode;
    return true;
}

bool WebSocketReader::takeLength()
{
    const int length7 = m_header[1] & 0x7F;
    quint64 length = quint64(length7);
    if (length7 == 126) {
        length = qFromBigEndian<quint16>(m_header + 2);
        if (length < 126) {
            fail(ProtocolError, QStringLiteral("a frame length must use its shortest form"));
            return false;
        }
    } else if (length7 == 127) {
        length = qFromBigEndian<quint64>(m_header + 2);
        if (length < 0x10000) {
            fail(ProtocolError, QStringLiteral("a frame length must use its shortest form"));
            return false;
        }
    }
    m_remaining = length;
    if (m_opcode >= Close)
        return true;
    // The size limit, told on the header, before the payload is sent.
    const qint64 announced = qint64(qMin<quint64>(length, quint64(1) << 62));
    const bool over = m_compressed ? m_wireBytes + announced > wireLimit(m_maxMessageBytes)
                                   : qint64(m_message.size()) + announced > m_maxMessageBytes;
    if (over) {
        fail(TooBig, QStringLiteral("message larger than %1 bytes").arg(m_maxMessageBytes));
        return false;
    }
    return true;
}

bool WebSocketReader::takePayload(const char *data, qsizetype *taken)
{
    const qsizetype size = *taken;
    if (m_opcode >= Close) {
        const qsizetype at = m_control.size();
        m_control.resize(at + size);
        unmask(m_control.data() + at, data, size, m_mask, &m_maskPhase);
        return true;
    }
    const qsizetype at = m_message.size();
    if (m_compressed) {
        m_wireBytes += size;
        m_unmasked.resize(size);
        unmask(m_unmasked.data(), data, size, m_mask, &m_maskPhase);
        if (!judgeInflated(m_decompressor->inflate(m_unmasked.constData(), size, &m_message), at))
            return false;
        if (m_unmasked.capacity() > 65536)
            m_unmasked = QByteArray();
        return true;
    }
    m_message.resize(at + size);
    unmask(m_message.data() + at, data, size, m_mask, &m_maskPhase);
    if (m_messageKind == Kind::Text) {
        Utf8Validator before = m_utf8;
        if (!m_utf8.feed(m_message.constData() + at, m_message.size() - at)) {
            // Read up to the bad byte and no further: the payload is the wire's bytes.
            qsizetype bad = 0;
            while (before.feed(m_message.constData() + at + bad, 1))
                ++bad;
            *taken = bad + 1;
            fail(InvalidData, QStringLiteral("a text message must be valid UTF-8"));
            return false;
        }
    }
    return true;
}

bool WebSocketReader::judgeInflated(PerMessageDeflate::Decompressor::Status status, qsizetype from)
{
    // What was inflated is judged first, so the verdict does not depend on how the bytes were
    // cut: a bad UTF-8 byte within the limit and one byte fails with 1007 however much was
    // inflated at once (the decompressor stops exactly there), and only then 1009.
    if (m_messageKind == Kind::Text
        && !m_utf8.feed(m_message.constData() + from, m_message.size() - from)) {
        fail(InvalidData, QStringLiteral("a text message must be valid UTF-8"));
        return false;
    }
    switch (status) {
    case PerMessageDeflate::Decompressor::Status::Ok:
        return true;
    case PerMessageDeflate::Decompressor::Status::TooBig:
        fail(TooBig,
             QStringLiteral("message larger than %1 bytes once inflated").arg(m_maxMessageBytes));
        return false;
    case PerMessageDeflate::Decompressor::Status::Corrupt:
        fail(InvalidData, QStringLiteral("the compressed message is not valid deflate data"));
        return false;
    }
    return false;
}

bool WebSocketReader::endFrame(Message *message, bool *complete)
{
    *complete = false;
    switch (m_opcode) {
    case Ping:
    case Pong:
        message->kind = m_opcode == Ping ? Kind::Ping : Kind::Pong;
        message->payload = std::exchange(m_control, QByteArray());
        *complete = true;
        return true;
    case Close: {
        const QByteArray payload = std::exchange(m_control, QByteArray());
        message->kind = Kind::Close;
        message->closeCode = 1005;
        message->closeReason.clear();
        if (payload.size() == 1) {
            fail(ProtocolError, QStringLiteral("a close frame's payload cannot be 1 byte"));
            return false;
        }
        if (payload.size() >= 2) {
            const int code = qFromBigEndian<quint16>(payload.constData());
            if (!isValidCloseCode(code)) {
                fail(ProtocolError, QStringLiteral("close code %1 may not be sent").arg(code));
                return false;
            }
            Utf8Validator reason;
            if (!reason.feed(payload.constData() + 2, payload.size() - 2) || !reason.complete()) {
                fail(InvalidData, QStringLiteral("a close reason must be valid UTF-8"));
                return false;
            }
            message->closeCode = code;
            message->closeReason = QString::fromUtf8(payload.constData() + 2, payload.size() - 2);
        }
        message->payload = payload;
        *complete = true;
        return true;
    }
    default:
        break;
    }
    if (!m_fin)
        return true;
    if (m_compressed) {
        const qsizetype at = m_message.size();
        if (!judgeInflated(m_decompressor->finish(&m_message), at))
            return false;
        m_decompressor.reset();
        m_unmasked = QByteArray();
    }
    if (m_messageKind == Kind::Text && !m_utf8.complete()) {
        fail(InvalidData, QStringLiteral("a text message must not end inside a character"));
        return false;
    }
    message->kind = m_messageKind;
    message->payload = std::exchange(m_message, QByteArray());
    m_messageOpen = false;
    m_compressed = false;
    m_wireBytes = 0;
    m_utf8.reset();
    *complete = true;
    return true;
}
