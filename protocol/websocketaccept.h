#pragma once

#include <QByteArray>

// How a server answers Sec-WebSocket-Key with Sec-WebSocket-Accept (RFC 6455, 4.2.2), step by
// step, so that the frame inspector can show each step with the real values.
namespace WebSocketAccept {

// The GUID every server appends to the key.
inline constexpr char Guid[] = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

// Step 1: the key (as sent, trimmed) followed by the GUID.
QByteArray concatenated(const QByteArray &key);
// Step 2: the SHA-1 of step 1, 20 bytes.
QByteArray sha1(const QByteArray &key);
// Step 3: step 2 in base64, the header's value.
QByteArray compute(const QByteArray &key);

} // namespace WebSocketAccept
