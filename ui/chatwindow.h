#pragma once

#include "client/chatlogmodel.h"
#include "client/chatsession.h"
#include "protocol/memberref.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QWidget>

#include <memory>

class QCheckBox;
class QCloseEvent;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QTextBrowser;
class ChatClient;
class ChatLogRenderer;
class ChatLogView;
class ChatSearchPanel;
class UpdateThrottle;
class MessageInput;
class MessageSizeMeter;

// A chat window: renders a ChatSession (one connection to a server of the native dialect, the
// rooms it joined, their logs and members, reconnection when the server goes away) and turns
// what the user types and clicks into the session's calls.
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
    // Uses url (the same server, e.g. with a new join code) from the next connection on, and
    // shows it in the url field, without reconnecting now; false when url names another server.
    bool setServerUrl(const QUrl &url);
    // Closes the connection as the Disconnect button does, and stops reconnecting.
    void disconnectFromServer();
    // Joins (or creates) a room and shows it once joined.
    void joinRoom(const QString &room);
    // Leaves a room (at once when not connected).
    void leaveRoom(const QString &room);

    // The server url as given to the constructor, connectTo() or the url field.
    QUrl url() const { return m_session->url(); }
    // The session this window renders.
    ChatSession *session() const { return m_session; }
    // The connection; use it to watch what arrives, not to join or leave behind the window's back.
    ChatClient *client() const { return m_session->client(); }
    // This window's member as the server named it (empty before the first welcome).
    MemberRef self() const { return m_session->self(); }
    // The room shown in the message view; empty when the window is in no room.
    QString currentRoom() const { return m_session->currentRoom(); }
    // The rooms of the room list, in its order.
    QStringList rooms() const { return m_session->rooms(); }
    // The id of the message selected in the view (a search match shown); 0 when none is.
    qint64 selectedMessageId() const;

protected:
    // Disconnects: a closed window must not linger in its rooms.
    void closeEvent(QCloseEvent *event) override;
    // Re-renders with the new colours on a palette change.
    void changeEvent(QEvent *event) override;
    // The wheel turned up over a log already at its top (or too short to scroll) asks for the
    // page of older messages, as scrolling to the top does.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Builds the widgets and connects their signals.
    void buildUi();
    // Connects the session's signals to the views.
    void wireSession();
    // The typing line's colour, from the palette.
    void updateColors();

    // Shows the connection state: the status line, its dot, the buttons and the title.
    void onStateChanged(ChatSession::State state, const QString &text);
    // Send is enabled when connected, in a room, and the typed message fits the server's limit.
    void updateSendButton();
    // Connect or Disconnect, as the button says.
    void onConnectButton();
    // Connects to what the url field holds.
    void onUrlEntered();
    // Renames to what the name field holds.
    void onNameEntered();
    // The window title: who, and in which room.
    void updateTitle();

    // Joins the room named in the join field.
    void onJoinEntered();
    // Shows the session's current room: its log, members, typing line and input hint.
    void onCurrentRoomChanged(const QString &room);
    // Adds a room's item to the room list.
    void onRoomAdded(const QString &room);
    // A room's item: name, unread badge, and dimmed while it waits to be rejoined.
    void updateRoomItem(const QString &room);
    // The room list's item for room, or nullptr.
    QListWidgetItem *roomItem(const QString &room) const;
    // The room list's context menu.
    void showRoomsMenu(const QPoint &pos);

    // Sends the input box's text to the current room; the box is emptied if it went.
    void sendInput(const QString &text);
    // Asks for a direct message to the member of item and sends it.
    void promptDirect(QListWidgetItem *item);
    // The typing line of the current room.
    void updateTypingLabel();

    // Queues an entry of the shown room (or the shared log) for the view.
    void onEntryAdded(const QString &room, const ChatLogEntry &entry);
    // Whether the view shows entries of this kind (notices can be hidden).
    bool isShown(const ChatLogEntry &entry) const;
    // Rebuilds the view: the current room's log and the shared one, in the order they happened,
    // scrolled to the end.
    void renderCurrentRoom();
    // Rebuilds the view as renderCurrentRoom() does, leaving the scroll position to the caller;
    // a message selected stays selected.
    void renderLog();
    // Rebuilds the view after added lines were put above the first, keeping the line the reader
    // was looking at where it was.
    void renderKeepingPlace(int added);
    // The view scrolled: at the very top, the page of older messages is asked for.
    void onViewScrolled(int value);
    // Shows the current room's paging state above the view: loading, or its beginning reached.
    void updateOlderLabel();
    // Shows a room's message (a search match), paging back until it is in the log.
    void showMessage(const QString &room, qint64 id);
    // Selects a message's line in the view; scrolled to its middle when scroll is true. False
    // when the view does not show it.
    bool selectMessage(qint64 id, bool scroll);
    // Appends the queued entries to the view.
    void renderQueued();
    // Rebuilds the member list of the current room.
    void updateMembers();

    ChatSession *m_session = nullptr;
    std::unique_ptr<ChatLogRenderer> m_renderer;
    QList<ChatLogEntry> m_renderQueue; // entries of the shown room not yet in the view
    UpdateThrottle *m_renderThrottle = nullptr; // renders m_renderQueue, in bursts in a flood
    UpdateThrottle *m_membersThrottle = nullptr; // the member list, on joins and leaves

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
    ChatSearchPanel *m_searchPanel = nullptr;
    QLabel *m_olderLabel = nullptr; // "Loading older messages…", "Beginning of the room"
    bool m_rendering = false; // the view is being rebuilt: its scrolling is not the reader's
    qint64 m_jumpId = 0; // the search match being shown, once its page is in
    QCheckBox *m_showNotices = nullptr;
    ChatLogView *m_messageView = nullptr;
    QLabel *m_typingLabel = nullptr;
    MessageInput *m_input = nullptr;
    MessageSizeMeter *m_sizeMeter = nullptr; // the typed message's size against the limit
    QPushButton *m_sendButton = nullptr;
    QLabel *m_membersTitle = nullptr;
    QListWidget *m_membersList = nullptr;
};
