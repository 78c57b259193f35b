#pragma once

#include <QByteArray>

// RFC 6455 framing of what the server sends: one unmasked, final frame per message.
namespace WebSocketFrame {

// A text frame (opcode 1) carrying utf8, with the shortest length encoding.
QByteArray text(const QByteArray &utf8);

} // namespace WebSocketFrame
