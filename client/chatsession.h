#pragma once

#include "client/chatlogmodel.h"
#include "protocol/chatmessage.h"
#include "protocol/memberref.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

class QTimer;
class ChatClient;
class ChatHistoryPager;
class ChatSearchModel;
class TypingRoster;

// One chat's connection to a server of the native dialect, without widgets: the ChatClient,
// reconnection as a state machine, the requests awaiting a reply, the rooms it is in (their
// members, who is typing, unread counts) and their logs as ChatLogModels. A chat window renders
// it; anything else (a simulated client, a test) can drive it the same way.
//
// Connection states (state()):
//   Disconnected --connectTo(ws url)--> Connecting --welcome--> Connected
//   Connecting/Connected --dropped--> Waiting --timer--> Connecting       (backoff 1 s .. 10 s)
//   any --disconnectFromServer()--> Disconnected
//   any --close code 4000 (kicked)--> Kicked; --1008 (policy)--> Refused; --bad url--> Refused
// Only connectTo() leaves Disconnected, Kicked and Refused.
class ChatSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatSession)

public:
    enum class State { Disconnected, Connecting, Connected, Waiting, Kicked, Refused };
    Q_ENUM(State)

    // Reconnection backoff: the first wait, doubled per attempt up to the last.
    static constexpr int FirstRetryMs = 1000;
    static constexpr int MaxRetryMs = 10000;
    // A server that accepts the TCP connection but never welcomes us is as good as down.
    static constexpr int WelcomeTimeoutMs = 15000;

    // A session in state Disconnected; connectTo() starts it.
    explicit ChatSession(QObject *parent = nullptr);
    // Closes the connection (close code 1000) without reporting anything.
    ~ChatSession() override;

    // The connection; watch what arrives on it, but join and leave through the session.
    ChatClient *client() const { return m_client; }

    // Connects to url (ws://host:port/chat; http(s) and an empty path are made so), joining
    // `lobby` unless the url names a room; a `name` in the url becomes name(). Rooms are kept
    // and rejoined only when the url names the same server. Emits stateChanged().
    void connectTo(const QUrl &url);
    // Uses url for the next connection (a reconnection, a Connect after a kick) without
    // reconnecting now: its query (a new join code) replaces url()'s, the room and name of
    // url() kept. False, and nothing changes, when url names another server than url().
    bool adoptUrl(const QUrl &url);
    // Closes the connection and stops reconnecting; emits stateChanged(Disconnected).
    void disconnectFromServer();
    // The server url as connectTo() normalized it, without the name.
    QUrl url() const { return m_url; }
    // The connection state.
    State state() const { return m_state; }
    // The state in words, as a status line shows it ("Connected as alice").
    QString stateText() const { return m_stateText; }
    // How long a connection may go without a welcome before it counts as failed (and is
    // retried); WelcomeTimeoutMs unless set. Takes effect from the next attempt.
    void setWelcomeTimeout(int ms);
    // True while the session means to be connected (Connecting, Connected or Waiting).
    bool wantsConnection() const;
    // True once this connection got its welcome, until it ends.
    bool isWelcomed() const { return m_welcomed; }
    // This connection's member as the server named it (empty before the first welcome).
    MemberRef self() const;
    // The name asked for on the next connection (the last one the server accepted, if any).
    QString name() const { return m_name; }
    // Takes a name typed by the user: refused with an error entry if the protocol does not
    // allow it, else asked for now (rename) or on the next connection. Emits nameChanged().
    void requestName(const QString &typed);

    // Joins (or creates) a room and makes it current once joined; an error entry if it cannot.
    void joinRoom(const QString &room);
    // Leaves a room (at once when not connected); emits roomRemoved() when gone.
    void leaveRoom(const QString &room);
    // The rooms of this session, in the order joined; kept across reconnections.
    QStringList rooms() const { return m_roomOrder; }
    // The room the user looks at; empty when in no room.
    QString currentRoom() const { return m_currentRoom; }
    // Makes room current (clears its unread count); emits currentRoomChanged().
    void setCurrentRoom(const QString &room);
    // True while the connection is in room (false while it waits to be rejoined).
    bool isJoined(const QString &room) const;
    // Messages in room that arrived while it was not current.
    int unreadCount(const QString &room) const;
    // The room's members as last heard, in the server's order; empty when not joined.
    QList<MemberRef> members(const QString &room) const;
    // The names of the room's other members who are typing, sorted.
    QStringList typingNames(const QString &room) const;

    // The log of a room, nullptr for a room this session is not in.
    ChatLogModel *roomLog(const QString &room) const;
    // The log shared by every room: direct messages, errors and connection events.
    ChatLogModel *sharedLog() const { return m_shared; }
    // Scrollback: pages of older messages into the room logs, and back to a given message.
    ChatHistoryPager *history() const { return m_history; }
    // The matches of the last search; search through it (its errors stay out of the logs).
    ChatSearchModel *searchResults() const { return m_search; }

    // Sends a message to the current room; false (and an error entry) when it cannot be sent,
    // in which case the caller keeps the text.
    bool sendMessage(const QString &typed);
    // Sends a direct message to a member (by id; name is for the error entry).
    bool sendDirect(const QString &id, const QString &name, const QString &text);
    // The input box changed: tells the current room this member is typing (or stopped).
    void inputEdited(bool empty);
    // Tells the room this member stopped typing, if it was.
    void stopTyping();
    // Adds an error line to the shared log.
    void addError(const QString &text);

signals:
    // The connection state or its words changed (the countdown of Waiting ticks every second).
    void stateChanged(ChatSession::State state, const QString &text);
    // The name to show changed: welcomed or renamed, or a refused rename put back.
    void nameChanged(const QString &name);
    // A room was added to rooms() (joined for the first time).
    void roomAdded(const QString &room);
    // A room left rooms().
    void roomRemoved(const QString &room);
    // Every room was forgotten (connectTo() another server).
    void roomsCleared();
    // A room's joined flag or unread count changed.
    void roomChanged(const QString &room);
    // currentRoom() changed.
    void currentRoomChanged(const QString &room);
    // The room's members changed; burst is true for presence, which can come in floods.
    void membersChanged(const QString &room, bool burst);
    // Who types in the room changed.
    void typingChanged(const QString &room);
    // An entry was appended to a room's log (room empty: to the shared log).
    void entryAdded(const QString &room, const ChatLogEntry &entry);
    // Somebody else said something to this member: a window may flash.
    void attentionWanted();

private:
    struct RoomState
    {
        ChatLogModel *log = nullptr; // a child of the session, deleted with the room
        QList<MemberRef> members;
        int unread = 0;
        QString lastTimestamp; // of the newest message seen, to skip it in a later history
        qint64 lastId = 0;
        bool joined = false; // false while disconnected: rejoined on reconnect
    };

    // Connects the client's signals to the handlers below.
    void wireClient();
    // Moves to state with its words; emits stateChanged().
    void setState(State state, const QString &text);
    // Opens the client with the name (and, fresh, the url's room or lobby); state Connecting.
    void startConnection(bool fresh);
    // Connected: takes the name, rejoins the rooms, logs the end of an outage.
    void onWelcomed(const MemberRef &self);
    // Decides by the close code: Kicked, Refused, Disconnected, or Waiting to retry.
    void onDisconnected(int code, const QString &closeReason);
    // Forgets what belonged to the connection (members, typing, pending requests).
    void endSession();
    // Starts the backoff timer for the next attempt; state Waiting.
    void scheduleReconnect(const QString &why);
    // Refreshes the Waiting words with the seconds left.
    void updateCountdown();

    // In room: its members, the history not yet logged, and the room made current if new.
    void onJoined(const QString &room, const QList<MemberRef> &members,
                  const QList<ChatMessage> &history);
    // Forgets a room and its log; the next one becomes current if it was.
    void removeRoom(const QString &room);
    // Logs a room message; counts it unread in a room not current.
    void onMessage(const ChatMessage &message);
    // Updates the members and logs a notice for a join, leave or rename.
    void onPresence(const QString &room, const QString &event, const MemberRef &member,
                    const QString &previous);
    // Logs a direct message in the shared log.
    void onDirect(const MemberRef &from, const MemberRef &to, const QString &text,
                  const QString &timestamp);
    // Takes the new name everywhere it shows.
    void onRenamed(const MemberRef &self);
    // Logs an error in words; puts back a refused name.
    void onError(const QString &code, const QString &message, const QJsonValue &ref);
    // A reply settles the pending request of its ref.
    void onReply(const QJsonValue &ref);
    // The error in words, with what the refused request asked for.
    QString describeError(const QString &code, const QString &message, const QJsonValue &ref) const;
    // Another member started or stopped typing; it fades out unless refreshed.
    void onTyping(const QString &room, const MemberRef &member, bool active);

    // A log entry for a message (earlier: from a joined reply's history).
    ChatLogEntry messageEntry(const ChatMessage &message, bool earlier) const;
    // Appends to a room's log (room empty: the shared one); emits entryAdded().
    void addEntry(const QString &room, ChatLogEntry entry);
    // Appends a line of this kind, stamped now, to the shared log.
    void addSharedEntry(ChatLogEntry::Kind kind, const QString &text);

    ChatClient *m_client = nullptr;
    State m_state = State::Disconnected;
    QString m_stateText;
    QUrl m_url; // as connectTo() normalized it
    QString m_name; // the name to ask for on the next connection
    // Facts about the connection, which the state alone does not tell:
    bool m_welcomed = false; // this connection got its welcome (it may be closing now)
    bool m_everWelcomed = false; // some connection since the last connectTo() got a welcome
    bool m_welcomeTimedOut = false; // this connection is being closed for want of a welcome
    bool m_reopening = false; // ChatClient::open() reports the old session's end: not news
    int m_attempt = 0; // reconnections since the last welcome; > 0: an outage is in the log
    QString m_waitReason; // "(reason, code N)" of the drop being waited out
    QTimer *m_reconnectTimer = nullptr;
    QTimer *m_countdownTimer = nullptr;
    QTimer *m_welcomeTimer = nullptr;
    QHash<qint64, QString> m_pendingRenames; // ref -> the name asked for
    QHash<qint64, QString> m_pendingJoins; // ref -> the room asked for

    QHash<QString, RoomState> m_roomStates;
    QStringList m_roomOrder;
    QString m_currentRoom;
    QString m_showOnJoin; // the room the user asked to join: made current when joined
    ChatLogModel *m_shared = nullptr;
    qint64 m_nextSeq = 1;

    QElapsedTimer m_clock;
    bool m_typingActive = false;
    QString m_typingRoom;
    qint64 m_typingSentAt = 0;
    QTimer *m_typingIdleTimer = nullptr;
    TypingRoster *m_typing = nullptr; // who else is typing, per room
    ChatHistoryPager *m_history = nullptr;
    ChatSearchModel *m_search = nullptr;
};
