#include "websocketframe.h"

#include <QtEndian>

namespace WebSocketFrame {

QByteArray make(Opcode opcode, const QByteArray &payload, bool rsv1)
{
    const quint64 length = quint64(payload.size());
    QByteArray frame;
    frame.reserve(payload.size() + 10);
    frame.append(char(0x80 | (rsv1 ? 0x40 : 0) | opcode)); // FIN
    if (length < 126) {
        frame.append(char(length));
    } else if (length <= 0xffff) {
        frame.append(char(126));
        char bytes[2];
        qToBigEndian(quint16(length), bytes);
        frame.append(bytes, 2);
    } else {
        frame.append(char(127));
        char bytes[8];
        qToBigEndian(length, bytes);
        frame.append(bytes, 8);
    }
    frame.append(payload);
    return frame;
}

} // namespace WebSocketFrame
