#pragma once

#include "client/simulatedclient.h"
#include "hostactions.h"
#include "server/serverconfig.h"

#include <functional>

#include <QList>
#include <QMainWindow>
#include <QPointer>

class QSplitter;
class ActivityFilterModel;
class ActivityLogModel;
class ActivityPane;
class ChatWindow;
class ChatWindows;
class ClientWindows;
class DisconnectGuard;
class FrameInspector;
class LiveChart;
class ModerationPrompts;
class NotificationDialog;
class PresenterView;
class RoomHistoryDialog;
class RoomsModel;
class RoomsView;
class ServerHost;
class ServerPanel;
class ServerSession;
class SharePanel;
class SimulatedCrowd;
class StatusCounters;

// The desktop window over a ServerSession: starts and stops the chat-room server, shows where
// clients connect, its rooms and members and the activity log, and opens chat windows that are
// clients of it. The session owns the server and the models; the window only shows them and
// turns the host's clicks into the session's commands.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // config comes from the command line; what it leaves at ServerConfig's defaults is taken
    // from the saved settings (ServerSettings).
    explicit MainWindow(const ServerConfig &config, QWidget *parent = nullptr);
    // Closes the chat windows and the simulated clients, then stops the server (blocking
    // briefly) and joins its thread.
    ~MainWindow() override;

    // Starts the server with the port and address shown; listeningChanged(true) follows, or
    // the state line shows why it could not start.
    void startServer();
    // Stops the server (close frames 1000 to everyone); listeningChanged(false) follows.
    void stopServer();
    // Opens a chat window connected to the server's /chat, or returns nullptr when it does not
    // listen. The window is top-level, deletes itself when closed and closes with this one.
    ChatWindow *openChatWindow();
    // Opens n chat windows, cascaded.
    void openChatWindows(int n);
    // Closes as close() does, without asking (an open question goes too): for SIGTERM and SIGINT,
    // which come from a logout, a kill or Ctrl+C in a terminal, not from the host at the window.
    void closeWithoutAsking();
    // Opens (or raises) the Frame Inspector window, inspecting memberId when given. The window
    // is top-level and closes with this one.
    FrameInspector *openFrameInspector(const QString &memberId = QString());
    // The Frame Inspector window, if open.
    FrameInspector *frameInspector() const;
    // The chat windows still open, oldest first.
    QList<ChatWindow *> chatWindows() const;
    // The WebSocket client windows (Clients › New WebSocket Client…), closed with this one.
    ClientWindows *clientWindows() const { return m_clientWindows; }

    // True between listening() and stopped().
    bool isListening() const;
    // The port the server listens on; while it does not, the port it will be started with.
    quint16 port() const;
    // The host the server reported listening on (e.g. "127.0.0.1", "0.0.0.0"); empty when not.
    QString listeningHost() const;
    // The URLs shown for clients: native chat, tutorial chat, broadcast, browser; empty when
    // the server does not listen.
    QStringList clientUrls() const;
    // The configuration the next start uses.
    ServerConfig config() const;
    // The file this window records the session to (the command line's --record, else
    // session-<time>.jsonl in the data directory); empty before the first start.
    QString sessionFile() const;
    // Exports the recorded session as base + ".jsonl" and base + ".html" (a suffix on base is
    // dropped). False, with error set, when there is nothing recorded or a file cannot be written.
    // withoutSimulated leaves out the simulated clients' joins, leaves and messages.
    bool exportSession(const QString &base, QString *error, bool withoutSimulated = false);

    // Starts the server when the window is first shown (the command line's --start).
    void setStartOnShow(bool start);
    // Opens n chat windows the next time the server starts listening (--open-chats N).
    void setChatsToOpen(int n);

    // The rooms-and-members tree's model.
    RoomsModel *roomsModel() const;
    // The activity log's model: every event, up to its cap.
    ActivityLogModel *activityModel() const;
    // The activity log as shown, filtered by the widgets above it.
    ActivityFilterModel *activityFilter() const;
    // The server session the window shows: the server, its models and its state.
    ServerSession *session() const { return m_session; }
    // The server's host (for queued commands; its manager's signals say what happens).
    ServerHost *serverHost() const;
    // This computer's IPv4 addresses other than loopback: where others on the network reach it.
    QStringList lanAddresses() const;
    // "Share with the class": addresses, QR code and join code; shown while the server listens
    // on the local network, unless hidden.
    SharePanel *sharePanel() const { return m_sharePanel; }
    // The full-screen presenter view, or nullptr before it was first shown.
    PresenterView *presenterView() const;
    // The Room History dialog, or nullptr while it is not open.
    RoomHistoryDialog *roomHistoryDialog() const;
    // Opens (or raises) Server › Room History…, on the selected room if any.
    void showRoomHistory();
    // The notifications dialog, or nullptr before it was first shown.
    NotificationDialog *notificationDialog() const;
    // The simulated clients (Clients › Add Simulated Clients…).
    SimulatedCrowd *crowd() const { return m_crowd; }
    // The live chart in its dock (View › Live Chart).
    LiveChart *liveChart() const { return m_liveChart; }

public slots:
    // Host actions, without prompts (the toolbar's actions ask first, then call these).

    // Closes a member's connection with 4000 and the reason.
    void kickMember(const QString &memberId, const QString &reason);
    // Creates (or pins) a room that stays when empty.
    void createRoom(const QString &room);
    // Sends a notification to every member of the notifications dialect.
    void sendNotification(const QString &text);
    // Posts a message from "host" to a room, creating and pinning it if needed.
    void postSystemMessage(const QString &room, const QString &text);
    // Shares the server on the local network and shows the share panel: starts it on 0.0.0.0
    // when stopped, or moves it there (same port, connections kept) when it listens on
    // loopback. Never blocks: the panel follows when the server reports its new address.
    void shareOnLocalNetwork();
    // Listens on 127.0.0.1 again (same port, connections kept); the share panel hides.
    void shareOnThisComputerOnly();
    // Requires this join code from new connections at once (empty: none); members stay.
    void setJoinCode(const QString &code);
    // Seconds between the notifications dialect's reminders, at once; 0: off.
    void setNotificationInterval(double seconds);
    // Shows the presenter view full screen, or closes it.
    void setPresenterViewShown(bool shown);
    // Opens the notifications dialog (send now, reminder interval).
    void showNotificationDialog();
    // Adds count simulated clients of a kind to a room (chatters at perMinute, textLength long).
    void addSimulatedClients(int count, const QString &room, SimulatedClient::Kind kind,
                             double perMinute, int textLength = 40);

signals:
    // The server started (true) or stopped (false) listening.
    void listeningChanged(bool listening);

protected:
    // Asks first while members are connected (DisconnectGuard); then saves the window's
    // layout, closes every window it opened (chat and client windows, the inspector, the
    // presenter view) and stops the server gently.
    void closeEvent(QCloseEvent *event) override;
    // Starts the server the first time the window shows, if setStartOnShow(true).
    void showEvent(QShowEvent *event) override;

private:
    // The actions' triggers, each to the window's command or prompt.
    void connectActions();
    // The central widgets: the server panel, the share panel and the rooms and activity panes.
    QWidget *createCentralWidget();
    // The simulated crowd, and the live chart in its dock; returns the dock's toggle action.
    QAction *createCrowdAndChart();
    // The session's signals, to the window's views.
    void connectSession();
    // Geometry, dock layout, splitter and header states, as the last window left them.
    void restoreWindowState();
    // Saves what restoreWindowState() reads.
    void saveWindowState();

    // The session's state changed: the panel, the title, the actions and the share panel follow.
    void onStateChanged();
    // The session moved the listening socket: the panel and a status message follow.
    void onRebound(const QString &host, quint16 port);
    // The share panel's addresses, port, secure flag and join code; shown while shared.
    void updateSharePanel();
    // The presenter view's join information, from the share panel.
    void updatePresenterView();
    // Which actions apply, and the kick and post actions' words, from the state and selection.
    void updateActions();

    // what the selected row of the rooms tree names
    QString selectedMemberId() const;
    QString selectedMemberName() const;
    QString selectedRoom() const;

    // prompting host actions (mainwindowprompts.cpp)

    // Asks for a room's name, then creates or pins it.
    void promptCreateRoom();
    // Asks for a room and a message, then posts it from "host".
    void promptSystemMessage();
    // Asks how many chat windows, then opens them.
    void promptOpenSeveral();
    // Opens the settings dialog; applies what it accepts, offering a restart while listening.
    void showSettings();
    // Asks where, then exports the recorded session (withoutSimulated: File › Export Session
    // Without Simulated Clients…).
    void promptExportSession(bool withoutSimulated = false);
    // The About box.
    void showAbout();
    // The protocol's summary (resources/protocol-reference.html) with this server's address.
    void showProtocolReference();
    // The rooms tree's menu for the row at pos: kick, inspect, filter, post, create.
    void showRoomsContextMenu(const QPoint &pos);
    // Asks for a line of text in a window-modal dialog; accepted gets it.
    void askText(const QString &title, const QString &label, const QString &initial,
                 const std::function<void(const QString &)> &accepted);
    // Opens the dialog that adds simulated clients, for the selected room if any.
    void promptAddSimulatedClients();

    ServerSession *m_session = nullptr;
    HostActions m_actions;
    bool m_startOnShow = false;
    bool m_shownOnce = false;
    bool m_restartWhenStopped = false;
    int m_chatsToOpen = 0;
    ChatWindows *m_chatWindows = nullptr;
    ModerationPrompts *m_moderation = nullptr; // kick, ban, mute, lock, clear, lift bans
    DisconnectGuard *m_guard = nullptr; // asks before Stop, Quit and Close drop the class
    bool m_closeConfirmed = false; // the host answered "Stop the Server" to closing
    QPointer<FrameInspector> m_inspector;
    ClientWindows *m_clientWindows = nullptr;

    SimulatedCrowd *m_crowd = nullptr;
    LiveChart *m_liveChart = nullptr;

    // sharing
    SharePanel *m_sharePanel = nullptr;
    bool m_shareHidden = false; // the host hid the panel while sharing
    QPointer<PresenterView> m_presenterView;
    QPointer<NotificationDialog> m_notificationDialog;
    QPointer<RoomHistoryDialog> m_roomHistoryDialog;

    ServerPanel *m_serverPanel = nullptr;
    QSplitter *m_splitter = nullptr;
    RoomsView *m_roomsView = nullptr;
    ActivityPane *m_activityPane = nullptr;
    StatusCounters *m_counters = nullptr;
};
