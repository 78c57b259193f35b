#include "websocketframe.h"

#include <QtEndian>

namespace WebSocketFrame {

QByteArray text(const QByteArray &utf8)
{
    const quint64 length = quint64(utf8.size());
    QByteArray frame;
    frame.reserve(utf8.size() + 10);
    frame.append(char(0x81)); // FIN + text
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
    frame.append(utf8);
    return frame;
}

} // namespace WebSocketFrame
