#pragma once

#include "handshake_p.h"
#include "joincodethrottle_p.h"
#include "refusaltally_p.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>

#include <functional>
#include <memory>

class BanList;
class FdPoller;
class MemberTransport;
class HttpRequestHead;
class QTcpSocket;
class QTimer;
class MemberConnection;
class TcpListener;
struct ServerConfig;
struct ServerSnapshot;

// The server's one port: accepts connections, tells TLS from plaintext, reads each request head
// within the handshake timeout (the oldest dropped when the backlog is full), serves or refuses
// HTTP, and answers WebSocket upgrades itself (the opening handshake, permessage-deflate's
// negotiation), emitting webSocketArrived() for each.
class FrontDoor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FrontDoor)

public:
    // Reads config (its join code and origins may change while open); snapshot answers
    // /api/status and /metrics.
    FrontDoor(const ServerConfig &config, std::function<ServerSnapshot()> snapshot,
              QObject *parent = nullptr);
    ~FrontDoor() override;

    // Loads the certificate and key when the config asks for TLS; false with *error if they
    // cannot be used.
    bool loadTls(QString *error);
    // Listens as configured; false with *error (in words for the host) if it cannot.
    bool open(QString *error);
    // True between open() and close().
    bool isOpen() const { return m_listener != nullptr; }
    // True when connections are TLS.
    bool tls() const { return m_tls; }
    // The listening address and port.
    QHostAddress address() const;
    quint16 port() const;
    // Listens on address and port instead; false with *error if it cannot (then it listens on
    // nothing).
    bool relisten(const QHostAddress &address, quint16 port, QString *error);
    // Stops listening and aborts the connections that have not upgraded; upgrades that finish
    // from now on still arrive (the room manager closes them).
    void shut();
    // Drops every connection not yet a member and the listening socket.
    void close();
    // The bans upgrades are checked against (403 "banned"); null: none. Not owned.
    void setBans(const BanList *bans) { m_bans = bans; }
    // The version named in the WebSocket handshake's Server header.
    void setServerName(const QString &name) { m_serverName = name; }
    // Counts a refused connection from address, and tells it if it is the first from address
    // for reason in a minute (the server full, after the handshake; the rest at the door).
    void noteRefusal(const QHostAddress &address, RefusalTally::Reason reason);
    // Connections refused for reason since the server started.
    qint64 refusals(RefusalTally::Reason reason) const { return m_refusals.count(reason); }
    // Addresses locked out now for too many wrong join codes.
    int lockedOutAddresses() const;

signals:
    // A WebSocket connection's upgrade was answered with 101; the receiver owns connection now
    // (it has no parent).
    void webSocketArrived(MemberConnection *connection, const Handshake &handshake);
    // Connections were refused (told at most once a minute per address and reason).
    void refused(const ServerEvent::Refused &refusal);

private:
    // What the front door knows of a connection while it reads its request head.
    struct Pending
    {
        Handshake handshake;
        QTimer *timeout = nullptr;
        quint64 sequence = 0; // accept order: when the backlog is full the oldest goes
        bool sniffed = false; // the first byte was looked at (TLS or not)
    };

    // The one place where a connection's socket is made (see TcpListener).
    QTcpSocket *createSocket(qintptr descriptor);
    // Takes each accepted connection in, with its head timeout.
    void onTcpConnection();
    // Reads what came of a request head; acts once it is whole.
    void onHeadData(QTcpSocket *socket);
    // True if the connection may go on; refuses it if it speaks TLS where it should not or
    // the reverse, and starts the server side of TLS when it should.
    bool sniffTls(QTcpSocket *socket, Pending &pending);
    // Drops the connection that has waited longest for its head.
    void dropOldestPending();
    // Answers an upgrade request: refuses it with an HTTP error, or writes the 101 and hands the
    // connection on (webSocketArrived()).
    void upgrade(QTcpSocket *socket, Pending pending, const HttpRequestHead &head,
                 const QByteArray &data);
    // The transport a member goes on with: its own descriptor for a plain connection whose
    // answer is sent (socket is let go), else socket itself.
    std::unique_ptr<MemberTransport> takeTransport(QTcpSocket *socket);
    // Answers a plain HTTP request (the browser client, /api/status, /metrics) and closes.
    void serveHttp(QTcpSocket *socket, const HttpRequestHead &head);
    // Answers with an HTTP error (and extraHeaders, whole lines) and closes.
    void refuseHttp(QTcpSocket *socket, int status, const QByteArray &sentence,
                    const QByteArray &extraHeaders = QByteArray());
    bool originAllowed(const QByteArray &origin) const;
    // Whether code lets a connection from address in, counting a wrong one; *lockedOutSeconds
    // is set when the address is locked out (then even the right code is refused).
    bool codeAccepted(const QHostAddress &address, const QString &code, int *lockedOutSeconds);

    const ServerConfig &m_config;
    std::function<ServerSnapshot()> m_snapshot;
    const BanList *m_bans = nullptr;
    QString m_serverName;
    TcpListener *m_listener = nullptr;
    bool m_tls = false;
    QSslConfiguration m_sslConfig; // the server's certificate and key, when m_tls
    bool m_shut = false;
    quint64 m_nextSequence = 0;
    QHash<QTcpSocket *, Pending> m_pending;
    JoinCodeThrottle m_throttle;
    RefusalTally m_refusals;
    QElapsedTimer m_clock; // the throttle's and the tally's time
    QTimer *m_tellTimer = nullptr; // tells the refusals counted since the last minute
    std::shared_ptr<FdPoller> m_poller; // the plain members' epoll set, made with the first
};
