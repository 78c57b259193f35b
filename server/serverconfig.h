#pragma once

#include <QHostAddress>
#include <QMetaType>
#include <QString>
#include <QStringList>

// Everything the server can be told, with cli.md's defaults.
struct ServerConfig
{
    QHostAddress bindAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 8000;
    int maxConnections = 10000;
    qint64 maxMessageBytes = 65536;
    int rateLimit = 20; // messages per second per connection; 0: off
    int history = 50; // messages kept per room
    double notificationInterval = 5; // seconds; 0: off
    QString joinCode;
    QStringList allowedOrigins; // empty: any
    QString recordFile;
    QString tlsCertFile;
    QString tlsKeyFile;

    int maxRoomsPerMember = 64;
    int maxRooms = 10000;
    qint64 maxOutgoingBytes = 4 * 1024 * 1024; // past it a member is a slow consumer (4008)
    int handshakeTimeoutMs = 10000;
    int maxPendingHandshakes = 1000;

    // "ws://HOST:PORT/" for the address the server listens on.
    static QString hostForUrl(const QHostAddress &address);
};
Q_DECLARE_METATYPE(ServerConfig)
