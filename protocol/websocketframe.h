#pragma once

#include <QByteArray>

// RFC 6455 framing of what the server sends: unmasked, final frames, one per message.
namespace WebSocketFrame {

// The opcodes of RFC 6455 (5.2); the rest are reserved.
enum Opcode : quint8 {
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
};

// A final frame of opcode carrying payload, with the shortest length encoding; rsv1 marks a
// message compressed by permessage-deflate (RFC 7692).
QByteArray make(Opcode opcode, const QByteArray &payload, bool rsv1 = false);
// A text frame (opcode 1) carrying utf8.
inline QByteArray text(const QByteArray &utf8)
{
    return make(Text, utf8);
}

} // namespace WebSocketFrame
