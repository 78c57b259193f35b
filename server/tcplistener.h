#pragma once

#include <QTcpServer>

#include <functional>

class QTcpSocket;

// The listening socket. Every accepted connection gets its socket from one factory
// (FrontDoor::createSocket()), so that the kind of socket (plain TCP, TLS, or one that taps its
// bytes) is decided in one place.
class TcpListener final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TcpListener)

public:
    // Makes the socket for an accepted descriptor; nullptr refuses it (the factory closes it).
    using SocketFactory = std::function<QTcpSocket *(qintptr descriptor)>;

    explicit TcpListener(SocketFactory factory, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    SocketFactory m_factory;
};
