#include "qtsockettransport_p.h"

#include "sockettapper.h"

#include <QSslSocket>
#include <QTcpSocket>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace {
constexpr int ReadChunk = 16 * 1024;
}

QtSocketTransport::QtSocketTransport(QTcpSocket *socket)
    : m_socket(socket)
    // Looked up once: a child search on every read of every member would be the hot path's.
    , m_tapper(SocketTapper::of(socket))
{
    m_socket->setParent(nullptr);
    QObject::connect(m_socket, &QIODevice::readyRead, m_socket, [this] { onReadyRead(); });
    QObject::connect(m_socket, &QAbstractSocket::disconnected, m_socket, [this] {
        if (m_closed)
            return;
        m_closed = true;
        if (m_receiver)
            m_receiver->transportClosed();
    });
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        m_closed = true;
}

QtSocketTransport::~QtSocketTransport()
{
    // Nothing of the socket's end reaches a receiver that is going.
    QObject::disconnect(m_socket, nullptr, m_socket, nullptr);
    delete m_socket;
}

bool QtSocketTransport::hasBuffered() const
{
    return m_socket->bytesAvailable() > 0;
}

bool QtSocketTransport::isConnected() const
{
    return !m_closed && m_socket->state() == QAbstractSocket::ConnectedState;
}

bool QtSocketTransport::isTls() const
{
    return qobject_cast<const QSslSocket *>(m_socket) != nullptr;
}

void QtSocketTransport::write(const char *data, qint64 size)
{
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->write(data, size);
}

void QtSocketTransport::flush()
{
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->flush();
}

qint64 QtSocketTransport::pendingBytes() const
{
    qint64 n = m_socket->bytesToWrite();
    if (const auto *ssl = qobject_cast<const QSslSocket *>(m_socket))
        n += ssl->encryptedBytesToWrite();
    return n;
}

void QtSocketTransport::shutdownWriting()
{
    m_socket->flush();
    if (m_socket->bytesToWrite() == 0) {
        shutDownNow();
        return;
    }
    QObject::connect(m_socket, &QIODevice::bytesWritten, m_socket, [this] {
        if (m_socket->bytesToWrite() == 0)
            shutDownNow();
    });
}

void QtSocketTransport::shutDownNow()
{
#ifdef Q_OS_UNIX
    // Half-closed: the FIN goes out, the peer's last bytes are still read, and the peer's own
    // FIN ends the connection (disconnected()).
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
#else
    m_socket->disconnectFromHost();
#endif
}

void QtSocketTransport::disconnectFromHost()
{
    m_socket->flush();
    m_socket->disconnectFromHost();
}

void QtSocketTransport::abort()
{
    m_socket->abort();
}

QString QtSocketTransport::peerName() const
{
    return m_socket->peerAddress().toString() + QLatin1Char(':')
        + QString::number(m_socket->peerPort());
}

QByteArray QtSocketTransport::responseHead() const
{
    return m_tapper ? m_tapper->responseHead() : QByteArray();
}

void QtSocketTransport::setTap(FrameTap *tap)
{
    if (m_tapper)
        m_tapper->setTap(tap);
}

void QtSocketTransport::setReaderAtFrameBoundary(bool atBoundary)
{
    if (m_tapper)
        m_tapper->setReaderAtFrameBoundary(atBoundary);
}

bool QtSocketTransport::releaseIdleBuffers()
{
    return m_tapper && m_tapper->releaseIdleBuffers();
}

void QtSocketTransport::onReadyRead()
{
    char buffer[ReadChunk];
    while (m_receiver && !m_closed) {
        const qint64 size = m_socket->read(buffer, sizeof buffer);
        if (size <= 0)
            return;
        m_receiver->transportRead(buffer, size);
    }
}
