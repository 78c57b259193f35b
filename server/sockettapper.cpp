#include "sockettapper.h"

#include "frametap.h"

#include <QTcpSocket>

namespace {
constexpr qsizetype MaxResponseHead = 8 * 1024;
}

SocketTapper::SocketTapper(QTcpSocket *socket, SetOpenMode setOpenMode)
    : QObject(socket)
    , m_socket(socket)
    , m_setOpenMode(setOpenMode)
{
    // Connected first, so it runs before any reader (the room manager's head peek,
    // the member's connection) has taken the new bytes.
    connect(socket, &QIODevice::readyRead, this, &SocketTapper::beforeReaders);
}

SocketTapper *SocketTapper::of(QTcpSocket *socket)
{
    return socket ? socket->findChild<SocketTapper *>(QString(), Qt::FindDirectChildrenOnly)
                  : nullptr;
}

void SocketTapper::setTap(FrameTap *tap)
{
    if (tap == m_tap)
        return;
    disconnect(m_afterReaders);
    m_tap = tap;
    if (!m_tap)
        return;
    // What is buffered now arrived before the tap and may end inside a frame: skip it, and let
    // the tap wait for a clean point if there is any.
    m_seen = m_socket->bytesAvailable();
    if (m_seen > 0)
        m_tap->loseIncoming();
    // Connected now, after the connection's own readyRead connection, so it runs after the reader.
    m_afterReaders = connect(m_socket, &QIODevice::readyRead, this, &SocketTapper::afterReaders);
}

void SocketTapper::beforeReaders()
{
    // QIODevice serves buffered reads without readData(), so incoming bytes are seen here, in
    // the buffer, before the readers take them.
    m_buffersUsed = true;
    if (!m_tap)
        return;
    const qint64 available = m_socket->bytesAvailable();
    if (available <= m_seen)
        return;
    // With nothing left over and the reader between frames, the new bytes start a frame: a
    // point to resynchronise at.
    const bool cleanPoint = m_seen == 0 && m_readerAtBoundary;
    const QByteArray buffered = m_socket->peek(available);
    m_tap->incoming(buffered.constData() + m_seen, buffered.size() - m_seen, cleanPoint);
    m_seen = buffered.size();
}

bool SocketTapper::releaseIdleBuffers()
{
    if (!m_buffersUsed || m_tap || !m_socket->isOpen() || m_socket->isTransactionStarted())
        return false;
    // QSslSocket counts what it has not encrypted or decrypted yet in these too.
    if (m_socket->bytesToWrite() > 0 || m_socket->bytesAvailable() > 0)
        return false;
    // setOpenMode() sizes the device's buffer lists to its mode: closing both channels for a
    // moment destroys the empty buffers with their chunks, and the same mode makes new ones,
    // which allocate nothing until used. The socket itself (descriptor, notifiers, state) is
    // untouched; no signal is emitted.
    const QIODevice::OpenMode mode = m_socket->openMode();
    m_setOpenMode(m_socket, QIODevice::NotOpen);
    m_setOpenMode(m_socket, mode);
    m_buffersUsed = false;
    return true;
}

void SocketTapper::afterReaders()
{
    m_seen = m_socket->bytesAvailable();
}

void SocketTapper::record(const char *data, qint64 size)
{
    if (!m_headDone) {
        // The first response's head: at most a few hundred bytes once per connection.
        m_responseHead.append(data, qMin<qint64>(size, MaxResponseHead - m_responseHead.size()));
        const qsizetype end = m_responseHead.indexOf("\r\n\r\n");
        if (end >= 0) {
            m_responseHead.truncate(end + 4);
            m_responseHead.squeeze(); // kept for the connection's life
            m_headDone = true;
        } else if (m_responseHead.size() >= MaxResponseHead) {
            m_headDone = true;
        }
    }
    if (m_tap)
        m_tap->outgoing(data, size);
}
