#pragma once

#include <QSslSocket>

class SocketTapper;

// The server's socket for every accepted connection with TLS: a QSslSocket whose plaintext the
// frame inspector can follow through its SocketTapper.
class TappingSslSocket final : public QSslSocket
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TappingSslSocket)

public:
    explicit TappingSslSocket(QObject *parent = nullptr);

protected:
    qint64 writeData(const char *data, qint64 size) override;

private:
    SocketTapper *m_tapper;
};
