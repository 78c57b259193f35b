#pragma once

#include "membertransport_p.h"

class QTcpSocket;
class SocketTapper;

// A member's connection on the QTcpSocket (for wss, the QSslSocket) that did its handshake:
// Qt's buffers, notifiers and TLS, the frame inspector through the socket's SocketTapper.
class QtSocketTransport final : public MemberTransport
{
public:
    // Takes socket over (deletes it in the end).
    explicit QtSocketTransport(QTcpSocket *socket);
    ~QtSocketTransport() override;
    QtSocketTransport(const QtSocketTransport &) = delete;
    QtSocketTransport &operator=(const QtSocketTransport &) = delete;

    void setReceiver(Receiver *receiver) override { m_receiver = receiver; }
    bool hasBuffered() const override;
    void readBuffered() override { onReadyRead(); }
    bool isConnected() const override;
    bool isTls() const override;
    using MemberTransport::write;
    void write(const char *data, qint64 size) override;
    void flush() override;
    qint64 pendingBytes() const override;
    void shutdownWriting() override;
    void disconnectFromHost() override;
    void abort() override;
    QString peerName() const override;
    QByteArray responseHead() const override;
    void setTap(FrameTap *tap) override;
    void setReaderAtFrameBoundary(bool atBoundary) override;
    bool releaseIdleBuffers() override;

private:
    // Hands every byte buffered to the receiver.
    void onReadyRead();
    // The FIN, now that nothing waits.
    void shutDownNow();

    QTcpSocket *m_socket;
    SocketTapper *m_tapper; // the socket's, or null
    Receiver *m_receiver = nullptr;
    bool m_closed = false; // transportClosed() was told
};
