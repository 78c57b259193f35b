#pragma once

#include <QTcpSocket>

class SocketTapper;

// The server's socket for every accepted connection without TLS: a QTcpSocket whose bytes the
// frame inspector can follow through its SocketTapper.
class TappingSocket final : public QTcpSocket
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TappingSocket)

public:
    explicit TappingSocket(QObject *parent = nullptr);

protected:
    qint64 writeData(const char *data, qint64 size) override;

private:
    SocketTapper *m_tapper;
};
