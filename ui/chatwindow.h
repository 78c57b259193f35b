#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QWidget>

#include "protocol/chatmessage.h"
#include "protocol/memberref.h"

class QCheckBox;
class QCloseEvent;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QTextBrowser;
class QTimer;
class ChatClient;
class UpdateThrottle;
class MessageInput;

// A chat window: one connection to a server of the native dialect, the rooms it joined, their
// messages and members, direct messages, and reconnection when the server goes away.
class ChatWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatWindow)

public:
    // Connects at once to url (e.g. ws://127.0.0.1:8000/chat), joining `lobby` unless the url
    // names a room; a `name` in the url fills the name field.
    explicit ChatWindow(const QUrl &url, QWidget *parent = nullptr);
    // Closes the connection (close code 1000).
    ~ChatWindow() override;

    // Connects to another server (or the same one afresh); the url is treated as in the
    // constructor. Rooms are kept and rejoined only when the url names the same server.
    void connectTo(const QUrl &url);
    // Closes the connection as the Disconnect button does, and stops reconnecting.
    void disconnectFromServer();
    // Joins (or creates) a room and shows it once joined.
    void joinRoom(const QString &room);
    // Leaves a room (at once when not connected).
    void leaveRoom(const QString &room);

    // The server url as given to the constructor, connectTo() or the url field.
    QUrl url() const { return m_url; }
    // The connection; use it to watch what arrives, not to join or leave behind the window's back.
    ChatClient *client() const { return m_client; }
    // This window's member as the server named it (empty before the first welcome).
    MemberRef self() const;
    // The room shown in the message view; empty when the window is in no room.
    QString currentRoom() const { return m_currentRoom; }
    // The rooms of the room list, in its order.
    QStringList rooms() const { return m_roomOrder; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // One line of a room's log (or of the log shared by every room: direct messages, errors and
    // connection events).
    struct Entry
    {
        enum class Kind { Message, Direct, Notice, Status, Error, Divider };
        Kind kind = Kind::Message;
        qint64 seq = 0; // orders a room's entries among the shared ones
        QString time; // local HH:mm
        QString sender; // what the name column shows
        QString senderKey; // what the name colour is chosen by
        QString text;
        bool own = false;
        bool earlier = false; // from a joined reply's history
        bool fromHost = false;
    };

    struct TypingMember
    {
        QString name;
        qint64 expiresAt = 0; // on m_clock
    };

    struct RoomState
    {
        QList<MemberRef> members;
        QList<Entry> entries;
        QMap<QString, TypingMember> typing; // by member id
        int unread = 0;
        QString lastTimestamp; // of the newest message seen, to skip it in a later history
        qint64 lastId = 0;
        bool joined = false; // false while disconnected: rejoined on reconnect
    };

    enum class Link { Disconnected, Connecting, Connected, Waiting, Kicked, Refused };

    void buildUi();
    void updateColors();
    void wireClient();

    // connection
    void startConnection(bool fresh);
    void onWelcomed(const MemberRef &self);
    void onDisconnected(int code, const QString &closeReason);
    void endSession();
    void scheduleReconnect(const QString &why);
    void updateCountdown();
    void setLink(Link link, const QString &text);
    void onConnectButton();
    void onUrlEntered();
    void onNameEntered();
    void updateTitle();

    // rooms
    void onJoined(const QString &room, const QList<MemberRef> &members,
                  const QList<ChatMessage> &history);
    void onLeft(const QString &room);
    void removeRoom(const QString &room);
    void onJoinEntered();
    void setCurrentRoom(const QString &room);
    void updateRoomItem(const QString &room);
    QListWidgetItem *roomItem(const QString &room) const;
    void showRoomsMenu(const QPoint &pos);

    // messages and events
    void onMessage(const ChatMessage &message);
    void onPresence(const QString &room, const QString &event, const MemberRef &member,
                    const QString &previous);
    void onDirect(const MemberRef &from, const MemberRef &to, const QString &text,
                  const QString &timestamp);
    void onRenamed(const MemberRef &self);
    void onError(const QString &code, const QString &message, const QJsonValue &ref);
    void onReply(const QJsonValue &ref);
    QString describeError(const QString &code, const QString &message, const QJsonValue &ref) const;
    void sendInput(const QString &text);
    void promptDirect(QListWidgetItem *item);

    // typing
    void onInputEdited();
    void stopTyping();
    void onTyping(const QString &room, const MemberRef &member, bool active);
    void pruneTyping();
    void updateTypingLabel();

    // the message view
    Entry messageEntry(const ChatMessage &message, bool earlier) const;
    void addEntry(const QString &room, Entry entry);
    void addSharedEntry(Entry::Kind kind, const QString &text);
    void trim(QList<Entry> *entries);
    bool isShown(const Entry &entry) const;
    void renderCurrentRoom();
    void renderQueued();
    void renderEntry(const Entry &entry);
    QColor nameColor(const QString &key) const;
    void updateMembers();

    ChatClient *m_client = nullptr;
    QUrl m_url; // as the user gave it
    QString m_name; // the name to ask for on the next connection
    bool m_wantConnected = false; // false after Disconnect, a kick or a refusal
    bool m_reopening = false; // ChatClient::open() reports the old session's end: not ours
    bool m_welcomed = false; // this connection got its welcome
    bool m_wasWelcomed = false; // some connection since the last connectTo() got a welcome
    bool m_outage = false; // a drop was reported in the log and not yet its recovery
    bool m_welcomeTimedOut = false; // this connection was closed for want of a welcome
    int m_attempt = 0; // reconnection attempts since the last welcome
    QTimer *m_reconnectTimer = nullptr;
    QTimer *m_countdownTimer = nullptr;
    QTimer *m_welcomeTimer = nullptr;
    QString m_waitReason; // "(reason, code N)" of the drop being waited out
    QHash<qint64, QString> m_pendingRenames; // ref -> the name asked for
    QHash<qint64, QString> m_pendingJoins; // ref -> the room asked for

    QHash<QString, RoomState> m_roomStates;
    QStringList m_roomOrder;
    QString m_currentRoom;
    QString m_showOnJoin; // the room the user asked to join: shown when joined
    QList<Entry> m_shared; // direct messages, errors and connection events, shown in every room
    qint64 m_nextSeq = 1;
    bool m_viewEmpty = true; // the view's document holds only its first, empty block
    QList<Entry> m_renderQueue; // entries of the shown room not yet in the view
    UpdateThrottle *m_renderThrottle = nullptr; // renders m_renderQueue, in bursts in a flood
    UpdateThrottle *m_membersThrottle = nullptr; // the member list, on joins and leaves

    QElapsedTimer m_clock;
    bool m_typingActive = false;
    QString m_typingRoom;
    qint64 m_typingSentAt = 0;
    QTimer *m_typingIdleTimer = nullptr;
    QTimer *m_typingPruneTimer = nullptr;

    QLineEdit *m_nameEdit = nullptr;
    QLineEdit *m_urlEdit = nullptr;
    QPushButton *m_connectButton = nullptr;
    QLabel *m_stateIcon = nullptr;
    QLabel *m_stateLabel = nullptr;
    QListWidget *m_roomsList = nullptr;
    QLineEdit *m_joinEdit = nullptr;
    QPushButton *m_joinButton = nullptr;
    QPushButton *m_leaveButton = nullptr;
    QLabel *m_roomTitle = nullptr;
    QCheckBox *m_showNotices = nullptr;
    QTextBrowser *m_messageView = nullptr;
    QLabel *m_typingLabel = nullptr;
    MessageInput *m_input = nullptr;
    QPushButton *m_sendButton = nullptr;
    QLabel *m_membersTitle = nullptr;
    QListWidget *m_membersList = nullptr;
};
