#include "mainwindow.h"

#include "activitypane.h"
#include "chatwindow.h"
#include "chatwindows.h"
#include "client/simulatedcrowd.h"
#include "clientwindows.h"
#include "console/activityfiltermodel.h"
#include "console/activitylogmodel.h"
#include "console/roomsmodel.h"
#include "console/serversession.h"
#include "console/serversettings.h"
#include "crowdindicator.h"
#include "disconnectguard.h"
#include "frameinspector.h"
#include "livechart.h"
#include "moderationprompts.h"
#include "notificationdialog.h"
#include "notificationreceipt.h"
#include "presenterview.h"
#include "protocol/validation.h"
#include "roomsview.h"
#include "server/roommanager.h"
#include "serverpanel.h"
#include "sharepanel.h"
#include "statuscounters.h"
#include "windowcascade_p.h"

#include <QAction>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include <utility>

namespace {

constexpr QLatin1String GeometryKey("mainWindow/geometry");
constexpr QLatin1String StateKey("mainWindow/state");
constexpr QLatin1String SplitterKey("mainWindow/splitter");
constexpr QLatin1String RoomsHeaderKey("mainWindow/roomsHeader");
constexpr QLatin1String ActivityHeaderKey("mainWindow/activityHeader");

} // namespace

MainWindow::MainWindow(const ServerConfig &config, QWidget *parent)
    : QMainWindow(parent)
    , m_session(new ServerSession(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    m_session->setConfig(ServerSettings::overlay(ServerSettings::load(), config));
    // The window always records the lesson: to --record's file, else to a new file in the data
    // directory (one per window, appended to on each start), keeping the newest 30.
    m_session->setRecordingDirectory(
        QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation));

    m_actions = HostActions::create(this);
    m_clientWindows = new ClientWindows(m_session, this); // closes them on Close, deletes them
    m_chatWindows = new ChatWindows(m_session, this);
    m_guard = new DisconnectGuard(m_session, this);
    connect(m_chatWindows, &ChatWindows::changed, this, &MainWindow::updateActions);
    connectActions();
    setCentralWidget(createCentralWidget());
    m_moderation = new ModerationPrompts(m_session, m_roomsView, m_actions, this);
    connect(m_moderation, &ModerationPrompts::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, 5000); });
    m_counters = new StatusCounters(m_session, statusBar());
    connect(m_counters, &StatusCounters::lockedOutChanged, m_sharePanel,
            &SharePanel::setLockedOutAddresses);
    m_counters->refresh();
    m_actions.fillMenuBar(menuBar(), createCrowdAndChart());
    QToolBar *bar = addToolBar(tr("Host Actions"));
    bar->setObjectName(QStringLiteral("hostToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_actions.fillToolBar(bar);

    connectSession();
    restoreWindowState();
    onStateChanged();
}

MainWindow::~MainWindow()
{
    // Chat windows are top-level, so nothing else deletes them; they go before the server, so
    // that their goodbyes (close 1000) still find it.
    delete m_chatWindows;
    delete m_inspector.data(); // top-level too; it stops inspecting through the host
    delete m_clientWindows; // its windows, before the server: their connections end first
    delete m_crowd; // its clients say goodbye while the server still listens
    m_crowd = nullptr;
    // The session, this window's first child, goes first of them: its host stops the server
    // and joins the thread before the models and the views go.
}

void MainWindow::startServer()
{
    if (m_session->state() != ServerSession::State::Stopped)
        return;
    m_session->setConfig(config());
    m_session->start();
}

void MainWindow::stopServer()
{
    m_restartWhenStopped = false;
    m_session->stop();
}

bool MainWindow::exportSession(const QString &base, QString *error, bool withoutSimulated)
{
    return m_session->exportSession(base, error, withoutSimulated);
}

QString MainWindow::sessionFile() const
{
    return m_session->sessionFile();
}

ChatWindow *MainWindow::openChatWindow()
{
    return m_chatWindows->open();
}

void MainWindow::openChatWindows(int n)
{
    for (int i = 0; i < n; ++i) {
        if (!openChatWindow())
            break;
    }
}

FrameInspector *MainWindow::openFrameInspector(const QString &memberId)
{
    if (!m_inspector) {
        m_inspector = new FrameInspector(m_session); // top-level; deleted with this window
        m_inspector->setAttribute(Qt::WA_DeleteOnClose);
    }
    if (!memberId.isEmpty())
        m_inspector->inspect(memberId);
    const bool placed = m_inspector->isVisible();
    m_inspector->show();
    if (!placed)
        placeOnScreen(m_inspector, this); // over this window, wholly on its screen
    m_inspector->raise();
    m_inspector->activateWindow();
    return m_inspector;
}

FrameInspector *MainWindow::frameInspector() const
{
    return m_inspector;
}

QList<ChatWindow *> MainWindow::chatWindows() const
{
    return m_chatWindows->windows();
}

bool MainWindow::isListening() const
{
    return m_session->isListening();
}

quint16 MainWindow::port() const
{
    return isListening() ? m_session->listeningPort() : m_serverPanel->port();
}

QString MainWindow::listeningHost() const
{
    return isListening() ? m_session->listeningHost() : QString();
}

QStringList MainWindow::clientUrls() const
{
    return m_serverPanel->urls();
}

ServerConfig MainWindow::config() const
{
    ServerConfig config = m_session->config();
    config.port = m_serverPanel->port();
    config.bindAddress = m_serverPanel->bindAddress();
    return config;
}

void MainWindow::setStartOnShow(bool start)
{
    m_startOnShow = start;
}

void MainWindow::setChatsToOpen(int n)
{
    m_chatsToOpen = qMax(0, n);
    if (isListening() && m_chatsToOpen > 0)
        openChatWindows(std::exchange(m_chatsToOpen, 0));
}

RoomsModel *MainWindow::roomsModel() const
{
    return m_session->roomsModel();
}

ActivityLogModel *MainWindow::activityModel() const
{
    return m_session->activityModel();
}

ActivityFilterModel *MainWindow::activityFilter() const
{
    return m_activityPane->filter();
}

ServerHost *MainWindow::serverHost() const
{
    return m_session->host();
}

QStringList MainWindow::lanAddresses() const
{
    return ServerSession::lanAddresses();
}

void MainWindow::kickMember(const QString &memberId, const QString &reason)
{
    m_moderation->kick(memberId, reason);
}

void MainWindow::createRoom(const QString &room)
{
    if (m_session->createRoom(room))
        statusBar()->showMessage(tr("Room \"%1\" is kept even when empty").arg(room), 4000);
}

void MainWindow::sendNotification(const QString &text)
{
    if (m_session->sendNotification(text)) // the status bar says how many received it
        NotificationReceipt::of(m_session, statusBar())->expect(text);
}

void MainWindow::postSystemMessage(const QString &room, const QString &text)
{
    if (m_session->postSystemMessage(room, text))
        statusBar()->showMessage(tr("Posted to \"%1\"").arg(room), 3000);
}

NotificationDialog *MainWindow::notificationDialog() const
{
    return m_notificationDialog.data();
}

void MainWindow::setNotificationInterval(double seconds)
{
    m_session->setNotificationInterval(seconds);
    const double interval = m_session->config().notificationInterval;
    if (m_notificationDialog)
        m_notificationDialog->setInterval(interval);
    statusBar()->showMessage(interval > 0 ? tr("Notifications reminders every %1 s").arg(interval)
                                          : tr("Notifications reminders off"),
                             3000);
}

void MainWindow::showNotificationDialog()
{
    if (!m_notificationDialog) {
        m_notificationDialog = new NotificationDialog(this);
        m_notificationDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_notificationDialog, &NotificationDialog::sendRequested, this,
                &MainWindow::sendNotification);
        connect(m_notificationDialog, &NotificationDialog::intervalChanged, this,
                &MainWindow::setNotificationInterval);
    }
    m_notificationDialog->setInterval(m_session->config().notificationInterval);
    m_notificationDialog->show();
    m_notificationDialog->raise();
    m_notificationDialog->activateWindow();
    m_notificationDialog->textEdit()->setFocus();
}

void MainWindow::addSimulatedClients(int count, const QString &room, SimulatedClient::Kind kind,
                                     double perMinute, int textLength)
{
    if (!isListening() || !Validation::isValidRoom(room))
        return;
    static const char *const prefixes[] = {"sim-chatter", "sim-visitor", "sim-slow"};
    SimulatedClient::Options options;
    options.chatUrl = m_session->chatUrl();
    options.room = room;
    options.kind = kind;
    options.name = QString::fromLatin1(prefixes[int(kind)]);
    options.perMinute = perMinute;
    options.textLength = textLength;
    m_crowd->add(options, count);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Closing drops the class: ask first (the answer closes again, confirmed).
    if (!std::exchange(m_closeConfirmed, false) && m_guard->wouldAsk()) {
        event->ignore();
        m_guard->confirm([this] {
            m_closeConfirmed = true;
            close();
        });
        return;
    }
    saveWindowState();
    // Every window of this one goes with it, so that the process ends with the last of them.
    m_chatWindows->closeAll();
    m_clientWindows->closeAll();
    if (m_inspector)
        m_inspector->close();
    setPresenterViewShown(false); // the dialogs are this window's children: they go with it
    // Graceful if the event loop runs on; the destructor finishes the job at exit anyway.
    stopServer();
    event->accept();
}

void MainWindow::closeWithoutAsking()
{
    m_guard->withdraw();
    m_closeConfirmed = true;
    close();
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!m_shownOnce) {
        m_shownOnce = true;
        if (m_startOnShow)
            startServer();
    }
}

void MainWindow::connectActions()
{
    const HostActions &a = m_actions;
    connect(a.startStop, &QAction::triggered, this, [this] {
        if (m_session->state() == ServerSession::State::Stopped)
            startServer();
        else
            m_guard->confirm([this] { stopServer(); }); // asks while members are connected
    });
    connect(a.askBeforeDisconnecting, &QAction::toggled, this, &DisconnectGuard::setAsks);
    connect(m_guard, &DisconnectGuard::asksChanged, a.askBeforeDisconnecting, &QAction::setChecked);
    connect(a.settings, &QAction::triggered, this, &MainWindow::showSettings);
    connect(a.quit, &QAction::triggered, this, &QWidget::close);
    connect(a.exportSession, &QAction::triggered, this, [this] { promptExportSession(false); });
    connect(a.exportWithoutSimulated, &QAction::triggered, this,
            [this] { promptExportSession(true); });
    connect(a.newChat, &QAction::triggered, this, [this] { openChatWindow(); });
    connect(a.openSeveral, &QAction::triggered, this, &MainWindow::promptOpenSeveral);
    connect(a.newWebSocketClient, &QAction::triggered, m_clientWindows, &ClientWindows::open);
    connect(a.tileWindows, &QAction::triggered, this,
            [this] { m_clientWindows->tile(chatWindows()); });
    connect(a.closeChats, &QAction::triggered, m_chatWindows, &ChatWindows::closeAll);
    connect(a.addSimulated, &QAction::triggered, this, &MainWindow::promptAddSimulatedClients);
    connect(a.createRoom, &QAction::triggered, this, &MainWindow::promptCreateRoom);
    connect(a.systemMessage, &QAction::triggered, this, &MainWindow::promptSystemMessage);
    connect(a.notify, &QAction::triggered, this, &MainWindow::showNotificationDialog);
    connect(a.share, &QAction::triggered, this, &MainWindow::shareOnLocalNetwork);
    connect(a.presenter, &QAction::toggled, this, &MainWindow::setPresenterViewShown);
    connect(a.roomHistory, &QAction::triggered, this, &MainWindow::showRoomHistory);
    connect(a.openBrowser, &QAction::triggered, this, [this] {
        if (isListening())
            QDesktopServices::openUrl(QUrl(clientUrls().at(ServerSession::BrowserUrl)));
    });
    connect(a.inspector, &QAction::triggered, this,
            [this] { openFrameInspector(selectedMemberId()); });
    connect(a.about, &QAction::triggered, this, &MainWindow::showAbout);
    connect(a.protocol, &QAction::triggered, this, &MainWindow::showProtocolReference);
}

QWidget *MainWindow::createCentralWidget()
{
    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 8, 8, 4);
    layout->setSpacing(8);

    m_serverPanel = new ServerPanel(m_session);
    // What the user picks there is remembered; what the command line gave is not.
    connect(m_serverPanel, &ServerPanel::portEdited, this, [this](quint16 port) {
        ServerConfig config = m_session->config();
        config.port = port;
        m_session->setConfig(config);
        ServerSettings::savePort(port);
    });
    connect(m_serverPanel, &ServerPanel::bindAddressEdited, this,
            [this](const QHostAddress &address) {
                ServerConfig config = m_session->config();
                config.bindAddress = address;
                m_session->setConfig(config);
                ServerSettings::saveBindAddress(address);
            });
    connect(m_serverPanel, &ServerPanel::urlCopied, this, [this](const QString &url) {
        statusBar()->showMessage(tr("Copied %1").arg(url), 3000);
    });
    connect(m_serverPanel, &ServerPanel::urlsChanged, this, &MainWindow::updateSharePanel);
    layout->addWidget(m_serverPanel);

    m_sharePanel = new SharePanel;
    m_sharePanel->hide();
    connect(m_sharePanel, &SharePanel::joinCodeRequested, this, &MainWindow::setJoinCode);
    connect(m_sharePanel, &SharePanel::stopSharingRequested, this,
            &MainWindow::shareOnThisComputerOnly);
    connect(m_sharePanel, &SharePanel::hideRequested, this, [this] {
        m_shareHidden = true;
        updateSharePanel();
    });
    connect(m_sharePanel, &SharePanel::shareChanged, this, &MainWindow::updatePresenterView);
    layout->addWidget(m_sharePanel);

    auto *roomsPane = new QWidget;
    auto *roomsLayout = new QVBoxLayout(roomsPane);
    roomsLayout->setContentsMargins(0, 0, 0, 0);
    roomsLayout->setSpacing(4);
    roomsLayout->addWidget(new QLabel(tr("<b>Rooms and members</b>")));
    m_roomsView = new RoomsView(m_session->roomsModel());
    connect(m_roomsView, &QWidget::customContextMenuRequested, this,
            &MainWindow::showRoomsContextMenu);
    connect(m_roomsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);
    roomsLayout->addWidget(m_roomsView, 1);
    m_activityPane = new ActivityPane(m_session->activityModel(), m_session->roomsModel());

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(QStringLiteral("splitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(roomsPane);
    m_splitter->addWidget(m_activityPane);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    layout->addWidget(m_splitter, 1);
    return central;
}

QAction *MainWindow::createCrowdAndChart()
{
    // Simulated clients: their own thread, a status bar word, two actions in the Clients menu.
    m_crowd = new SimulatedCrowd(this);
    statusBar()->insertPermanentWidget(0, new CrowdIndicator(m_crowd));
    connect(m_actions.removeSimulated, &QAction::triggered, m_crowd, &SimulatedCrowd::removeAll);
    auto updateCrowdActions = [this] {
        m_actions.addSimulated->setEnabled(isListening());
        m_actions.removeSimulated->setEnabled(m_crowd->size() > 0);
    };
    connect(m_crowd, &SimulatedCrowd::changed, this, updateCrowdActions);
    connect(this, &MainWindow::listeningChanged, this, updateCrowdActions);
    updateCrowdActions();
    connect(m_crowd, &SimulatedCrowd::clientLost, this,
            [this](const QString &name, int, const QString &reason) {
                statusBar()->showMessage(tr("Simulated client %1 lost: %2").arg(name, reason),
                                         5000);
            });

    // The live chart, in a dock: View › Live Chart.
    m_liveChart = new LiveChart;
    auto *dock = new QDockWidget(tr("Live Chart"), this);
    dock->setObjectName(QStringLiteral("liveChartDock"));
    dock->setWidget(m_liveChart);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    // People first: the chart starts hidden (a saved layout may show it) and takes little height.
    dock->hide();
    connect(m_session, &ServerSession::statsUpdated, m_liveChart, &LiveChart::addStats);
    QAction *toggle = dock->toggleViewAction();
    toggle->setText(tr("&Live Chart"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    return toggle;
}

void MainWindow::connectSession()
{
    connect(m_session, &ServerSession::stateChanged, this, &MainWindow::onStateChanged);
    connect(m_session, &ServerSession::listeningChanged, this, [this](bool listening) {
        emit listeningChanged(listening);
        if (listening)
            m_chatWindows->updateUrls(); // reconnecting windows use the code of this start
        if (listening && m_chatsToOpen > 0)
            openChatWindows(std::exchange(m_chatsToOpen, 0));
    });
    connect(m_session, &ServerSession::stopped, this, [this] {
        if (m_crowd)
            m_crowd->removeAll(); // their connections went with the server
        if (std::exchange(m_restartWhenStopped, false))
            startServer();
    });
    connect(m_session, &ServerSession::rebound, this, &MainWindow::onRebound);
    connect(m_session, &ServerSession::rebindFailed, this, [this](const QString &reason) {
        statusBar()->showMessage(tr("Could not change who can connect: %1").arg(reason), 8000);
    });
}

void MainWindow::restoreWindowState()
{
    const QSettings settings;
    if (!restoreGeometry(settings.value(GeometryKey).toByteArray())) {
        resize(1320, 820);
        if (const QScreen *s = screen()) {
            const QRect available = s->availableGeometry();
            resize(size().boundedTo(available.size() * 0.92));
            move(available.center() - rect().center());
        }
    }
    moveOntoScreen(this); // saved on a screen that may be gone (the projector)
    restoreState(settings.value(StateKey).toByteArray());
    if (!m_splitter->restoreState(settings.value(SplitterKey).toByteArray()))
        m_splitter->setSizes({width() * 46 / 100, width() * 54 / 100});
    m_roomsView->header()->restoreState(settings.value(RoomsHeaderKey).toByteArray());
    m_activityPane->view()->horizontalHeader()->restoreState(
        settings.value(ActivityHeaderKey).toByteArray());
}

void MainWindow::saveWindowState()
{
    QSettings settings;
    settings.setValue(GeometryKey, saveGeometry());
    settings.setValue(StateKey, saveState());
    settings.setValue(SplitterKey, m_splitter->saveState());
    settings.setValue(RoomsHeaderKey, m_roomsView->header()->saveState());
    settings.setValue(ActivityHeaderKey, m_activityPane->view()->horizontalHeader()->saveState());
}

void MainWindow::onStateChanged()
{
    m_serverPanel->refresh();
    const bool stopped = m_session->state() == ServerSession::State::Stopped;
    QAction *startStop = m_actions.startStop;
    startStop->setText(stopped ? tr("&Start Server") : tr("&Stop Server"));
    startStop->setIconText(stopped ? tr("Start") : tr("Stop"));
    startStop->setIcon(HostActions::startStopIcon(stopped)); // light on a dark palette
    startStop->setEnabled(stopped || isListening());
    startStop->setToolTip(stopped ? tr("Start the server (Ctrl+R)")
                                  : tr("Stop the server; clients are told it closed (Ctrl+R)"));
    setWindowTitle(
        isListening()
            ? tr("wsroom — %1:%2").arg(m_session->listeningHost()).arg(m_session->listeningPort())
            : tr("wsroom"));
    updateSharePanel();
    updateActions();
}

void MainWindow::onRebound(const QString &host, quint16 port)
{
    m_serverPanel->selectBindAddress(m_session->config().bindAddress);
    onStateChanged();
    statusBar()->showMessage(ServerSession::isAnyAddress(host)
                                 ? tr("Shared on the local network (%1:%2)").arg(host).arg(port)
                                 : tr("This computer only (%1:%2)").arg(host).arg(port),
                             5000);
}

void MainWindow::updateActions()
{
    const bool listening = isListening();
    const HostActions &a = m_actions;
    a.newChat->setEnabled(listening);
    a.openSeveral->setEnabled(listening);
    a.openBrowser->setEnabled(listening);
    a.createRoom->setEnabled(listening);
    a.systemMessage->setEnabled(listening);
    a.notify->setEnabled(listening);
    const ServerSession::State state = m_session->state();
    a.share->setEnabled(state == ServerSession::State::Stopped || listening);
    a.roomHistory->setEnabled(listening);
    const QString room = selectedRoom();
    a.systemMessage->setText(room.isEmpty() ? tr("&Post System Message…")
                                            : tr("&Post to %1…").arg(room));
    a.closeChats->setEnabled(!m_chatWindows->isEmpty());
    if (m_moderation)
        m_moderation->updateActions();
}
