#pragma once

#include "client/simulatedclient.h"
#include "server/serverconfig.h"
#include "server/serverevent.h"
#include "server/serversnapshot.h"

#include <functional>

#include <QList>
#include <QMainWindow>
#include <QPointer>
#include <QUrl>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QSpinBox;
class QSplitter;
class QTableView;
class QTimer;
class QToolButton;
class QTreeView;
class ActivityFilterModel;
class ActivityLogModel;
class ChatWindow;
class FrameInspector;
class NotificationDialog;
class PresenterView;
class SharePanel;
class EventCoalescer;
class EventLoopLagMeter;
class RoomsModel;
class ServerHost;
class LiveChart;
class SimulatedCrowd;

// The desktop window: starts and stops the chat-room server (in its own thread, through
// ServerHost), shows where clients connect, its rooms and members, and the activity log, and
// opens chat windows that are clients of it.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // config comes from the command line; what it leaves at ServerConfig's defaults is taken
    // from the saved settings (ServerSettings).
    explicit MainWindow(const ServerConfig &config, QWidget *parent = nullptr);
    // Closes the chat windows, then stops the server (blocking briefly) and joins its thread.
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
    // Opens (or raises) the Frame Inspector window, inspecting memberId when given. The window
    // is top-level and closes with this one.
    FrameInspector *openFrameInspector(const QString &memberId = QString());
    // The Frame Inspector window, if open.
    FrameInspector *frameInspector() const;
    // The chat windows still open, oldest first.
    QList<ChatWindow *> chatWindows() const;

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
    QString sessionFile() const { return m_sessionFile; }
    // Exports the recorded session as base + ".jsonl" and base + ".html" (a suffix on base is
    // dropped). False, with error set, when there is nothing recorded or a file cannot be written.
    bool exportSession(const QString &base, QString *error);

    // Starts the server when the window is first shown (the command line's --start).
    void setStartOnShow(bool start);
    // Opens n chat windows the next time the server starts listening (--open-chats N).
    void setChatsToOpen(int n);

    // The rooms-and-members tree's model.
    RoomsModel *roomsModel() const { return m_roomsModel; }
    // The activity log's model: every event, up to its cap.
    ActivityLogModel *activityModel() const { return m_activityModel; }
    // The activity log as shown, filtered by the widgets above it.
    ActivityFilterModel *activityFilter() const { return m_activityFilter; }
    // The server's host (for queued commands; its manager's signals say what happens).
    ServerHost *serverHost() const { return m_host; }
    // This computer's IPv4 addresses other than loopback: where others on the network reach it.
    QStringList lanAddresses() const;
    // "Share with the class": addresses, QR code and join code; shown while the server listens
    // on the local network, unless hidden.
    SharePanel *sharePanel() const { return m_sharePanel; }
    // The full-screen presenter view, or nullptr before it was first shown.
    PresenterView *presenterView() const;
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
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    enum class State { Stopped, Starting, Listening, Stopping };

    void createActions();
    void createMenus();
    void createToolBar();
    QWidget *createServerPanel();
    QWidget *createRoomsPane();
    QWidget *createActivityPane();
    void createStatusBar();
    void createCrowdAndChart();
    void connectServer();
    void restoreWindowState();
    void saveWindowState();

    void onListening(const QString &host, quint16 port);
    void onStartFailed(const QString &reason);
    void onStopped();
    void onRebound(const QString &host, quint16 port);
    void updateSharePanel();
    void updatePresenterView();
    void onStats(const ServerStats &stats);
    void onEvents(const ServerEventList &events);
    void setState(State state);
    void updateServerUi();
    void updateUrls();
    void updateActions();
    void updateRoomFilterChoices();
    void updateKindsButton();
    void placeChatWindow(ChatWindow *window);
    QUrl chatUrl() const;
    QString urlHost() const;
    // "wss" when the server speaks TLS, else "ws".
    QString wsScheme() const;

    // what the selected row of the rooms tree names
    QString selectedMemberId() const;
    QString selectedMemberName() const;
    QString selectedRoom() const;

    // prompting host actions
    void promptKick();
    void promptCreateRoom();
    void promptSystemMessage();
    void promptOpenSeveral();
    void showSettings();
    void promptExportSession();
    void showAbout();
    void showProtocolReference();
    void showRoomsContextMenu(const QPoint &pos);
    void askText(const QString &title, const QString &label, const QString &initial,
                 const std::function<void(const QString &)> &accepted);

    ServerHost *m_host = nullptr;
    ServerConfig m_config;
    State m_state = State::Stopped;
    QString m_listenHost;
    quint16 m_listenPort = 0;
    QString m_error;
    bool m_startOnShow = false;
    bool m_shownOnce = false;
    bool m_restartWhenStopped = false;
    int m_chatsToOpen = 0;
    int m_cascade = 0;
    QList<QPointer<ChatWindow>> m_chatWindows;
    QPointer<FrameInspector> m_inspector;
    QString m_sessionFile;

    SimulatedCrowd *m_crowd = nullptr;
    LiveChart *m_liveChart = nullptr;
    QMenu *m_clientsMenu = nullptr;
    QMenu *m_viewMenu = nullptr;

    QList<ServerStats> m_recentStats; // the last few seconds' snapshots, oldest first
    QTimer *m_resyncTimer = nullptr;
    EventLoopLagMeter *m_lagMeter = nullptr; // runs while the server listens
    EventCoalescer *m_eventCoalescer = nullptr; // the server's batches, at most 4 a second

    RoomsModel *m_roomsModel = nullptr;
    ActivityLogModel *m_activityModel = nullptr;
    ActivityFilterModel *m_activityFilter = nullptr;
    bool m_followLog = true; // the log was at its bottom before rows came in

    // actions
    QAction *m_startStopAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_newChatAction = nullptr;
    QAction *m_openSeveralAction = nullptr;
    QAction *m_closeChatsAction = nullptr;
    QAction *m_createRoomAction = nullptr;
    QAction *m_kickAction = nullptr;
    QAction *m_notifyAction = nullptr;
    QAction *m_systemMessageAction = nullptr;
    QAction *m_openBrowserAction = nullptr;
    QAction *m_inspectorAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_protocolAction = nullptr;
    QAction *m_shareAction = nullptr;
    QAction *m_presenterAction = nullptr;

    // sharing
    SharePanel *m_sharePanel = nullptr;
    bool m_shareHidden = false; // the host hid the panel while sharing
    QPointer<PresenterView> m_presenterView;
    QPointer<NotificationDialog> m_notificationDialog;

    // server panel
    QSpinBox *m_portSpin = nullptr;
    QComboBox *m_bindCombo = nullptr;
    QPushButton *m_startButton = nullptr;
    QPushButton *m_shareButton = nullptr;
    QLabel *m_stateDot = nullptr;
    QLabel *m_stateLabel = nullptr;
    QLabel *m_addressLabel = nullptr;
    QComboBox *m_addressCombo = nullptr;
    QList<QLineEdit *> m_urlEdits;
    QList<QToolButton *> m_copyButtons;

    // center
    QSplitter *m_splitter = nullptr;
    QTreeView *m_roomsView = nullptr;
    QTableView *m_activityView = nullptr;
    QComboBox *m_roomFilter = nullptr;
    QLineEdit *m_memberFilter = nullptr;
    QToolButton *m_kindsButton = nullptr;
    QMenu *m_kindsMenu = nullptr;

    // status bar
    QLabel *m_connectionsLabel = nullptr;
    QLabel *m_roomsLabel = nullptr;
    QLabel *m_inRateLabel = nullptr;
    QLabel *m_outRateLabel = nullptr;
};
