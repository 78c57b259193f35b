#pragma once

#include "protocol/endpoint.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QPointer>
#include <QString>
#include <QTcpSocket>

#include <optional>

class QWebSocket;

// An upgrade request the front door has read and accepted, on its way to becoming a member.
struct Handshake
{
    Endpoint endpoint;
    bool codeAccepted = true;
    int lockedOutSeconds = 0; // refused because the address is locked out, for this long
    QPointer<QTcpSocket> transport;
    QByteArray requestHead; // as received, for the frame inspector
};

// Matches each QWebSocket that QWebSocketServer hands back to the handshake the front door read
// from its TCP socket.
//
// Why by peer address and port: QWebSocketServer::handleConnection() takes our QTcpSocket, does
// the opening handshake on it and later emits newConnection() with a new QWebSocket, whose only
// link to the QTcpSocket we handed over is its peer address and port (it has no accessor for
// the socket, and keeps no user data of ours). A TCP connection's peer address and port are
// unique among live connections to one listening port, so they name the connection until it
// closes; a closed connection's entry goes with it (forget()), so a port reused by a newer
// connection cannot be matched to the old one's handshake.
class UpgradeMatcher
{
public:
    UpgradeMatcher() = default;
    Q_DISABLE_COPY_MOVE(UpgradeMatcher)

    // Remembers the handshake under its transport's peer address and port.
    void expect(const Handshake &handshake)
    {
        m_byPeer.insert(key(handshake.transport->peerAddress(), handshake.transport->peerPort()),
                        handshake);
    }
    // The handshake of the connection socket came from, forgotten now; none if unknown.
    std::optional<Handshake> claim(const QHostAddress &address, quint16 port)
    {
        const auto it = m_byPeer.find(key(address, port));
        if (it == m_byPeer.end())
            return std::nullopt;
        Handshake handshake = it.value();
        m_byPeer.erase(it);
        return handshake;
    }
    // Forgets transport's handshake when it closed before the upgrade finished: only its own
    // entry, as after a reset the peer's port may already belong to a newer connection.
    void forget(const QHostAddress &address, quint16 port, const QTcpSocket *transport)
    {
        const auto it = m_byPeer.find(key(address, port));
        if (it != m_byPeer.end() && it->transport == transport)
            m_byPeer.erase(it);
    }
    // Forgets every handshake.
    void clear() { m_byPeer.clear(); }

private:
    static QString key(const QHostAddress &address, quint16 port)
    {
        return address.toString() + QLatin1Char('|') + QString::number(port);
    }

    QHash<QString, Handshake> m_byPeer;
};
