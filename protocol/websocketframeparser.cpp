#include "websocketframeparser.h"

#include <QtEndian>

#include <algorithm>

WebSocketFrameParser::WebSocketFrameParser(int payloadCap)
    : m_payloadCap(std::max(0, payloadCap))
{ }

void WebSocketFrameParser::reset()
{
    m_state = State::Header;
    m_error.clear();
    m_headerFill = 0;
    m_headerNeed = 2;
    m_remaining = 0;
    m_payloadOffset = 0;
    m_current = ParsedFrame();
    m_frames.clear();
}

QList<ParsedFrame> WebSocketFrameParser::takeFrames()
{
    QList<ParsedFrame> frames;
    frames.swap(m_frames);
    return frames;
}

void WebSocketFrameParser::fail(const QString &why)
{
    m_state = State::Error;
    m_error = why;
}

bool WebSocketFrameParser::feed(const char *data, qint64 size)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(data);
    qint64 at = 0;
    while (m_state != State::Error) {
        if (m_state == State::Payload) {
            if (m_remaining == 0) {
                finishFrame();
                continue;
            }
            if (at >= size)
                break;
            const qint64 n = qint64(std::min<quint64>(m_remaining, quint64(size - at)));
            // Keep what fits under the cap, unmasked; count the rest.
            const qint64 room = std::max<qint64>(0, m_payloadCap - m_current.payload.size());
            const qint64 keep = std::min(n, room);
            if (keep > 0) {
                const qsizetype start = m_current.payload.size();
                m_current.payload.append(reinterpret_cast<const char *>(bytes + at), keep);
                if (m_current.masked) {
                    unsigned char key[4];
                    qToBigEndian(m_current.maskKey, key);
                    char *out = m_current.payload.data() + start;
                    for (qint64 i = 0; i < keep; ++i)
                        out[i] = char(uchar(out[i]) ^ key[(m_payloadOffset + quint64(i)) % 4]);
                }
            }
            if (keep < n)
                m_current.truncated = true;
            m_payloadOffset += quint64(n);
            m_remaining -= quint64(n);
            at += n;
            continue;
        }

        // Header, ExtendedLength, MaskKey: gather bytes into m_header until a step is complete.
        if (m_headerFill < m_headerNeed) {
            if (at >= size)
                break;
            const qint64 n = std::min<qint64>(m_headerNeed - m_headerFill, size - at);
            std::copy(bytes + at, bytes + at + n, m_header + m_headerFill);
            m_headerFill += int(n);
            at += n;
            if (m_headerFill < m_headerNeed)
                break;
        }

        switch (m_state) {
        case State::Header: {
            m_current = ParsedFrame();
            m_current.fin = m_header[0] & 0x80;
            m_current.rsv1 = m_header[0] & 0x40;
            m_current.rsv2 = m_header[0] & 0x20;
            m_current.rsv3 = m_header[0] & 0x10;
            m_current.opcode = m_header[0] & 0x0f;
            m_current.masked = m_header[1] & 0x80;
            const int length7 = m_header[1] & 0x7f;
            const int op = m_current.opcode;
            if ((op >= 0x3 && op <= 0x7) || op >= 0xb) {
                fail(QStringLiteral("reserved opcode 0x%1").arg(op, 0, 16));
                break;
            }
            if (op >= 0x8 && (!m_current.fin || length7 > 125)) {
                fail(m_current.fin ? QStringLiteral("a control frame longer than 125 bytes")
                                   : QStringLiteral("a fragmented control frame"));
                break;
            }
            const int extended = length7 == 126 ? 2 : length7 == 127 ? 8 : 0;
            if (extended == 0)
                m_current.length = quint64(length7);
            m_headerNeed = 2 + extended + (m_current.masked ? 4 : 0);
            m_state = extended ? State::ExtendedLength : State::MaskKey;
            if (!extended && !m_current.masked)
                startPayload();
            break;
        }
        case State::ExtendedLength:
        case State::MaskKey: {
            const int length7 = m_header[1] & 0x7f;
            const int extended = length7 == 126 ? 2 : length7 == 127 ? 8 : 0;
            if (extended == 2) {
                m_current.length = qFromBigEndian<quint16>(m_header + 2);
            } else if (extended == 8) {
                m_current.length = qFromBigEndian<quint64>(m_header + 2);
                if (m_current.length >> 63) {
                    fail(QStringLiteral("a 64-bit length with its most significant bit set"));
                    break;
                }
            }
            if (m_current.masked)
                m_current.maskKey = qFromBigEndian<quint32>(m_header + 2 + extended);
            startPayload();
            break;
        }
        case State::Payload:
        case State::Error:
            break;
        }
    }
    return m_state != State::Error;
}

void WebSocketFrameParser::startPayload()
{
    m_current.headerLength = m_headerNeed;
    m_remaining = m_current.length;
    m_payloadOffset = 0;
    m_current.payload.reserve(int(std::min<quint64>(m_current.length, quint64(m_payloadCap))));
    m_state = State::Payload;
}

void WebSocketFrameParser::finishFrame()
{
    m_frames.append(std::move(m_current));
    m_current = ParsedFrame();
    m_state = State::Header;
    m_headerFill = 0;
    m_headerNeed = 2;
}

QString WebSocketFrameParser::opcodeName(int opcode)
{
    switch (opcode) {
    case 0x0:
        return QStringLiteral("continuation");
    case 0x1:
        return QStringLiteral("text");
    case 0x2:
        return QStringLiteral("binary");
    case 0x8:
        return QStringLiteral("close");
    case 0x9:
        return QStringLiteral("ping");
    case 0xa:
        return QStringLiteral("pong");
    default:
        return QStringLiteral("reserved (0x%1)").arg(opcode, 0, 16);
    }
}

int WebSocketFrameParser::closeCode(const QByteArray &payload)
{
    if (payload.size() < 2)
        return 0;
    return qFromBigEndian<quint16>(payload.constData());
}

QString WebSocketFrameParser::closeReason(const QByteArray &payload)
{
    return payload.size() > 2 ? QString::fromUtf8(payload.mid(2)) : QString();
}
