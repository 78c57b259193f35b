#pragma once

#include <QHostAddress>
#include <QMetaType>
#include <QString>
#include <QStringList>

// Everything the server can be told, with the defaults of README.md's Options table.
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
    QString storeFile; // the room store (SQLite); empty: rooms in memory only (--store none)
    int retention = 100000; // messages kept per room in the store; 0: all
    QString tlsCertFile; // with tlsKeyFile: wss:// and https:// on the port
    QString tlsKeyFile;

    int maxRoomsPerMember = 64;
    int maxRooms = 10000;
    // A member with more than maxOutgoingBytes waiting to be sent still has more than that
    // slowConsumerGraceMs later, or has slowConsumerHardFactor times as much at any moment:
    // a slow consumer, closed with 4008. (A reader that keeps up can be handed more than the
    // limit in one burst; the kernel takes it a moment later.)
    qint64 maxOutgoingBytes = 4 * 1024 * 1024;
    int slowConsumerGraceMs = 1000;
    int slowConsumerHardFactor = 4;
    int handshakeTimeoutMs = 10000; // TLS handshake and request head, from accept
    int maxPendingHandshakes = 1000; // past it the oldest pending connection is dropped
    int idlePingMs = 30000; // ping every member this often; no pong by the next one: 1011
    // Wrong join codes (additions-2 section 4): joinCodeMaxWrong within joinCodeWindowMs from
    // one address lock it out for joinCodeLockoutMs. Shorter in tests, never on the command line.
    int joinCodeMaxWrong = 5;
    int joinCodeWindowMs = 60000;
    int joinCodeLockoutMs = 60000;

    // The host part of a URL for the address the server listens on ("[::1]" for IPv6).
    static QString hostForUrl(const QHostAddress &address);
    // True when the server speaks TLS (wss://, https://).
    bool tls() const { return !tlsCertFile.isEmpty(); }
};
Q_DECLARE_METATYPE(ServerConfig)
