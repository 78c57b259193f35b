#pragma once

#include <QByteArray>
#include <QMetaObject>
#include <QObject>

class FrameTap;
class QTcpSocket;

// What lets the frame inspector follow a connection, whatever its socket class (TappingSocket,
// TappingSslSocket; for TLS it sees the plaintext). A child of the socket. It keeps the head of
// the first response written (the handshake's answer) and, while a FrameTap is attached, hands
// the tap every byte read and written. Unattached, it costs one test per write and per
// readyRead: no byte is copied or looked at.
class SocketTapper final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SocketTapper)

public:
    // Must be made before anything else connects to socket's readyRead (in its constructor).
    explicit SocketTapper(QTcpSocket *socket);

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
        if (m_tap || !m_headDone)
            record(data, size);
    }

private:
    void record(const char *data, qint64 size);
    void beforeReaders();
    void afterReaders();

    QTcpSocket *m_socket;
    FrameTap *m_tap = nullptr;
    // Bytes already in the read buffer that the tap has seen or skipped; the readers consume
    // them before anything new, so what lies past them is new.
    qint64 m_seen = 0;
    QMetaObject::Connection m_afterReaders;
    QByteArray m_responseHead;
    bool m_headDone = false;
};
