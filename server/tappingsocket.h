#pragma once

#include <QByteArray>
#include <QMetaObject>
#include <QTcpSocket>

class FrameTap;

// The server's TCP socket for every accepted connection. It keeps the response head it writes
// first (the handshake's answer, for the frame inspector), and, while a FrameTap is attached,
// hands the tap every byte read and written. Unattached, it costs one pointer test per write
// and per readyRead: no byte is copied or looked at.
class TappingSocket final : public QTcpSocket
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TappingSocket)

public:
    explicit TappingSocket(QObject *parent = nullptr);

    // Attaches tap (nullptr detaches). Attach after the WebSocket handshake, from the socket's
    // thread, between events: writes then start at frame boundaries.
    void setTap(FrameTap *tap);
    FrameTap *tap() const { return m_tap; }

    // The head of the first response written on this connection (status line and headers,
    // up to the blank line), or what was seen of it; at most 8 KiB.
    QByteArray responseHead() const { return m_responseHead; }

protected:
    qint64 writeData(const char *data, qint64 size) override;

private:
    void beforeReaders();
    void afterReaders();

    FrameTap *m_tap = nullptr;
    // Bytes already in the read buffer that the tap has seen or skipped; the readers consume
    // them before anything new, so what lies past them is new.
    qint64 m_seen = 0;
    QMetaObject::Connection m_afterReaders;
    QByteArray m_responseHead;
    bool m_headDone = false;
};
