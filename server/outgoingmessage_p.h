#pragma once

#include "protocol/permessagedeflate.h"
#include "protocol/websocketframe.h"

#include <QByteArray>

#include <array>

// One message on its way to members: framed once for the members that speak plain frames, and
// compressed once per window size for those that agreed to permessage-deflate. One compressed
// frame serves every member on the same window because the server takes no context over from one
// message to the next (see PerMessageDeflate).
class OutgoingMessage
{
public:
    explicit OutgoingMessage(QByteArray payload,
                             WebSocketFrame::Opcode opcode = WebSocketFrame::Text)
        : m_payload(std::move(payload))
        , m_opcode(opcode)
    { }

    const QByteArray &payload() const { return m_payload; }

    // Payloads shorter than this go plain even to members that agreed to permessage-deflate:
    // deflate saves them a few bytes at best (a 49-byte ack becomes 45) and costs about 3 us
    // each on this machine (docs/performance.md, "Compression"). Chat lines are longer.
    static constexpr qsizetype MinCompressedPayload = 128;

    // The frame for a member whose deflate window is windowBits (0: plain frames), made the
    // first time a member needs it. A short payload, or a compressed frame that would not be
    // smaller, is sent plain.
    const QByteArray &frameFor(int windowBits, PerMessageDeflate::Compressor &compressor)
    {
        if (m_plain.isNull())
            m_plain = WebSocketFrame::make(m_opcode, m_payload);
        if (windowBits < 9 || windowBits > 15 || m_payload.size() < MinCompressedPayload)
            return m_plain;
        QByteArray &compressed = m_compressed[size_t(windowBits - 9)];
        if (compressed.isNull()) {
            const QByteArray deflated = compressor.compress(m_payload, windowBits);
            compressed = deflated.size() < m_payload.size()
                ? WebSocketFrame::make(m_opcode, deflated, true)
                : m_plain;
        }
        return compressed;
    }

private:
    QByteArray m_payload;
    WebSocketFrame::Opcode m_opcode;
    QByteArray m_plain;
    std::array<QByteArray, 7> m_compressed; // by window bits, 9 to 15
};
