#pragma once

#include <functional>

#include <QAbstractSocket>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSslCertificate>
#include <QString>
#include <QStringList>
#include <QUrl>

#include "protocol/chatmessage.h"
#include "protocol/memberref.h"
#include "protocol/request.h"

class QWebSocket;
struct NativeEvent;

// A client of the native dialect v1 (/chat): sends requests and reports what arrives as signals
// carrying plain values. Lives in one thread; call it only from there (or queued).
class ChatClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatClient)

public:
    // The close code reported when the connection ended without a close frame (or never opened).
    static constexpr int AbnormalCloseCode = 1006;

    explicit ChatClient(QObject *parent = nullptr);
    // Closes the connection (close code 1000) if it is open.
    ~ChatClient() override;

    // Registers the types the signals carry, for queued connections; the constructor calls it.
    static void registerMetaTypes();

    // Connects to a native endpoint, e.g. ws://127.0.0.1:8000/chat?name=alice&room=lobby;
    // a connection that is still open is closed first. Every open() ends in one disconnected().
    void open(const QUrl &url);
    // Closes the connection with 1000.
    void close();
    // Certificates to accept from a wss:// server although no authority vouches for them (a
    // self-signed server certificate, pinned), whatever the host name; checked when the server
    // shows its certificate. Empty (the default): only what the system trusts.
    void setTrustedCertificates(const QList<QSslCertificate> &certificates);
    QList<QSslCertificate> trustedCertificates() const { return m_trustedCertificates; }

    // True while the WebSocket is open.
    bool isConnected() const;
    // The WebSocket's state; Unconnected before open().
    QAbstractSocket::SocketState state() const;
    // The URL given to the last open().
    QUrl url() const { return m_url; }
    // This connection as the server named it in welcome, updated on renamed.
    MemberRef self() const { return m_self; }
    // The rooms this connection is in, in the order joined.
    QStringList rooms() const { return m_rooms; }
    // The server's "server" string from welcome, e.g. "wsroom/0.1.0".
    QString serverName() const { return m_serverName; }
    // The largest frame the server accepts, from welcome; 0 before it.
    qint64 maxMessageBytes() const { return m_maxMessageBytes; }

    // The size of a request's frame as this client would send it, against the server's limit.
    struct FrameFit
    {
        qint64 bytes = 0; // the whole frame in UTF-8: envelope, escapes and ref included
        qint64 limit = 0; // max_message_bytes from welcome; 0 before it (nothing is refused)
        // True when the server takes the frame: a frame of exactly the limit goes, one byte more
        // would close the connection (1009).
        bool fits() const { return limit <= 0 || bytes <= limit; }
        // How many bytes the frame is over the limit; 0 when it fits.
        qint64 over() const { return fits() ? 0 : bytes - limit; }
    };
    // How the frame of request (a message, a direct message, anything NativeRequest encodes;
    // its ref is ignored: the ref the next request will carry counts) fits max_message_bytes.
    // Ask it before sending user text: the server's limit is on the frame, not on the text.
    FrameFit frameFit(const Request &request) const;
    // The server's per-connection rate, from welcome; 0 when it has no rate limit.
    int ratePerSecond() const { return m_ratePerSecond; }

    // Requests. Each returns the "ref" it carries (increasing from 1), which the server echoes in
    // the reply and in any error; 0 means nothing was sent: the client is not connected, or the
    // frame is over the server's limit (frameFit() says by how much), which the server would
    // answer by closing the connection.

    // Joins (or creates) a room; answered by joined().
    qint64 join(const QString &room);
    // Leaves a room; answered by left().
    qint64 leave(const QString &room);
    // Sends a message to a joined room; answered by messageReceived() and acknowledged().
    qint64 sendMessage(const QString &room, const QString &text,
                       const QJsonValue &data = QJsonValue::Undefined);
    // Sends a direct message to a member by name or id; answered by directReceived().
    qint64 sendDirect(const QString &nameOrId, const QString &text);
    // Asks for a new name; answered by renamed() or errorReceived("name_taken").
    qint64 rename(const QString &name);
    // Tells the room's other members that this member is (or stopped) typing; no reply.
    qint64 setTyping(const QString &room, bool active);
    // Asks for the server's rooms; answered by roomsListed().
    qint64 requestRooms();
    // Asks for a room's members; answered by membersListed().
    qint64 requestMembers(const QString &room);
    // Sends a notification to every notifications member (loopback only); answered by an ack.
    qint64 notify(const QString &text);
    // Sends a ping carrying the current time in ms since the epoch; answered by pong().
    qint64 ping();
    // Asks for up to limit of a room's messages older than id before (0: the newest); answered
    // by historyReceived() or errorReceived().
    qint64 requestHistory(const QString &room, qint64 before = 0,
                          int limit = Request::DefaultPageSize);
    // Searches a room (null: every room this member is in) for messages holding every word of
    // query; answered by searchResults() or errorReceived().
    qint64 search(const QString &room, const QString &query, int limit = Request::DefaultPageSize);
    // Sends a frame as it is (for tests and the frame log's "send" box); false if not connected.
    bool sendRaw(const QString &frame);

signals:
    // The WebSocket handshake succeeded; welcomed() follows.
    void connected();
    // The server's welcome: who this connection is, the server's rooms and its limits.
    void welcomed(const MemberRef &self, const QStringList &rooms, qint64 maxMessageBytes,
                  int ratePerSecond);
    // This connection is in the room now; members include itself, history is oldest first.
    void joined(const QString &room, const QList<MemberRef> &members,
                const QList<ChatMessage> &history);
    // This connection left the room.
    void left(const QString &room);
    // A message in one of this connection's rooms, its own included.
    void messageReceived(const ChatMessage &message);
    // An ack: for a message, the room and the id it was given; for notify, empty and 0.
    void acknowledged(const QJsonValue &ref, const QString &room, qint64 id);
    // event is "join", "leave" or "rename"; previous is the old name of a rename.
    void presence(const QString &room, const QString &event, const MemberRef &member,
                  const QString &previous);
    // A direct message to or from this connection.
    void directReceived(const MemberRef &from, const MemberRef &to, const QString &text,
                        const QString &timestamp);
    // This connection's new name, as the server accepted it.
    void renamed(const MemberRef &self);
    // Another member started or stopped typing in the room.
    void typing(const QString &room, const MemberRef &member, bool active);
    // The server's rooms and how many members each has.
    void roomsListed(const QList<QPair<QString, int>> &rooms);
    // A room's members (empty for a room that does not exist).
    void membersListed(const QString &room, const QList<MemberRef> &members);
    // The answer to ping(): the ts it carried and the server's time.
    void pong(const QJsonValue &ts, const QString &serverTime);
    // A page of a room's messages, oldest first; more is true when the room holds older ones.
    void historyReceived(const QString &room, const QList<ChatMessage> &messages, bool more,
                         const QJsonValue &ref);
    // The messages matching a search, newest first; room is null for a search of every room.
    void searchResults(const QString &room, const QString &query,
                       const QList<ChatMessage> &messages, const QJsonValue &ref);
    // An error frame from the server, or "bad_frame" for a frame this client cannot read.
    void errorReceived(const QString &code, const QString &message, const QJsonValue &ref);
    // Any frame that echoes a ref, after its own signal: lets callers match replies to requests.
    void replyReceived(const QJsonValue &ref, const QString &type, const QJsonObject &frame);
    // Every text frame, as it came and as it went, for a frame log.
    void frameReceived(const QString &raw);
    void frameSent(const QString &raw);
    // The connection ended, or could not be opened (AbnormalCloseCode and the socket's error).
    void disconnected(int closeCode, const QString &reason);
    // The WebSocket's state changed.
    void stateChanged(QAbstractSocket::SocketState state);

private:
    // Sends the frame encode builds for the next ref; returns that ref, or 0 when not connected
    // or when the frame is over the server's limit (nothing sent, no ref spent).
    qint64 sendRequest(const std::function<QByteArray(const QJsonValue &ref)> &encode);
    // Drops the socket (closing it politely if open); ends the session with 1000 and reason.
    void discardSocket(const QString &reason);
    // The socket is gone: emits the one disconnected() of the session, 1006 for a failure.
    void finishSession(QWebSocket *socket);
    // Notes a close handshake and passes the state on.
    void onSocketStateChanged(QWebSocket *socket, QAbstractSocket::SocketState state);
    // Keeps the first failure as the reason; ends a session that never left Unconnected.
    void onSocketError(QWebSocket *socket);
    // Decodes a frame (NativeEvent) and dispatches it, or reports it as bad_frame.
    void onTextMessage(const QString &frame);
    // Updates this connection's state from a decoded event and emits its signal.
    void dispatch(const NativeEvent &event);
    // Reports a frame this client cannot read as errorReceived("bad_frame").
    void badFrame(const QString &why);

    QWebSocket *m_socket = nullptr;
    QUrl m_url;
    QList<QSslCertificate> m_trustedCertificates;
    MemberRef m_self;
    QStringList m_rooms;
    QString m_serverName;
    qint64 m_maxMessageBytes = 0;
    int m_ratePerSecond = 0;
    qint64 m_nextRef = 1;
    bool m_sessionOpen = false; // between open() and the one disconnected() it ends with
    bool m_closingSeen = false; // a close handshake started: the close code is the peer's
    QString m_abnormalReason; // the socket failed before any close handshake
};
