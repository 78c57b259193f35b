#include "tappingsslsocket.h"

#include "sockettapper.h"

TappingSslSocket::TappingSslSocket(QObject *parent)
    : QSslSocket(parent)
    , m_tapper(new SocketTapper(this, [](QTcpSocket *socket, OpenMode mode) {
        static_cast<TappingSslSocket *>(socket)->setOpenMode(mode);
    }))
{ }

qint64 TappingSslSocket::writeData(const char *data, qint64 size)
{
    m_tapper->written(data, size); // plaintext: QSslSocket encrypts it after this
    return QSslSocket::writeData(data, size);
}
