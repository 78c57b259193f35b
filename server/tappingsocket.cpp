#include "tappingsocket.h"

#include "sockettapper.h"

TappingSocket::TappingSocket(QObject *parent)
    : QTcpSocket(parent)
    , m_tapper(new SocketTapper(this, [](QTcpSocket *socket, OpenMode mode) {
        static_cast<TappingSocket *>(socket)->setOpenMode(mode);
    }))
{ }

qint64 TappingSocket::writeData(const char *data, qint64 size)
{
    m_tapper->written(data, size);
    return QTcpSocket::writeData(data, size);
}
