#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QMetaObject>
#include <QObject>

class FrameTap;
class QTcpSocket;

// What lets the frame inspector follow a connection, whatever its socket class (TappingSocket,
// TappingSslSocket; for TLS it sees the plaintext). A child of the socket. It keeps the head of
// the first response written (the handshake's answer) and, while a FrameTap is attached, hands
// the tap every byte read and written. Unattached, it costs one test per write and per
// readyRead: no byte is copied or looked at.
//
// Since it sees every read and write, it also lets an idle connection give back the memory of
// its socket's buffers (releaseIdleBuffers()).
class SocketTapper final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SocketTapper)

public:
    // QIODevice::setOpenMode() of the socket, which only its own class may call.
    using SetOpenMode = void (*)(QTcpSocket *socket, QIODevice::OpenMode mode);

    // Must be made before anything else connects to socket's readyRead (in its constructor).
    SocketTapper(QTcpSocket *socket, SetOpenMode setOpenMode);

    // The tapper of a socket made by the factory, or nullptr.
    static SocketTapper *of(QTcpSocket *socket);

    // Attaches tap (nullptr detaches). Attach after the WebSocket handshake, from the socket's
    // thread, between events: writes then start at frame boundaries.
    void setTap(FrameTap *tap);
    FrameTap *tap() const { return m_tap; }

    // The head of the first response written on this connection (status line and headers, up
    // to the blank line), or what was seen of it; at most 8 KiB.
    QByteArray responseHead() const { return m_responseHead; }

    // Called by the socket's writeData() with the bytes given to write (plaintext for TLS).
    void written(const char *data, qint64 size)
    {
        m_buffersUsed = true;
        if (m_tap || !m_headDone)
            record(data, size);
    }

    // Told by the connection's reader after each read: whether it stopped between two frames,
    // so that bytes read next start a frame (a point where a lost tap can follow again).
    void setReaderAtFrameBoundary(bool atBoundary) { m_readerAtBoundary = atBoundary; }

    // Frees the socket's read and write buffers if bytes went through them since the last
    // release and they are empty now (and no tap follows the connection); true if it did.
    // QIODevice keeps one chunk of each buffer for reuse even when empty (16 KiB to read into,
    // 32 KiB to write from, at least a page of each touched): with thousands of idle
    // connections that was a third of their memory. Nothing else about the socket changes; the
    // next read or write allocates again.
    bool releaseIdleBuffers();

private:
    void record(const char *data, qint64 size);
    void beforeReaders();
    void afterReaders();

    QTcpSocket *m_socket;
    SetOpenMode m_setOpenMode;
    FrameTap *m_tap = nullptr;
    // Bytes already in the read buffer that the tap has seen or skipped; the readers consume
    // them before anything new, so what lies past them is new.
    qint64 m_seen = 0;
    QMetaObject::Connection m_afterReaders;
    QByteArray m_responseHead;
    bool m_headDone = false;
    bool m_buffersUsed = false; // bytes read or written since the last releaseIdleBuffers()
    bool m_readerAtBoundary = true;
};
