#include "mainwindow.h"

#include <utility>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkInterface>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QUrlQuery>
#include <QVBoxLayout>

#include "console/activityfiltermodel.h"
#include "console/activitylogmodel.h"
#include "chatwindow.h"
#include "client/chatclient.h"
#include "client/simulatedcrowd.h"
#include "crowdindicator.h"
#include "console/eventcoalescer.h"
#include "console/eventlooplagmeter.h"
#include "frameinspector.h"
#include "livechart.h"
#include "notificationdialog.h"
#include "presenterview.h"
#include "protocol/validation.h"
#include "console/roomsmodel.h"
#include "server/roommanager.h"
#include "server/serverhost.h"
#include "server/sessionexport.h"
#include "server/sessionrecorder.h"
#include "console/serversettings.h"
#include "settingsdialog.h"
#include "sharepanel.h"
#include "simulatedclientsdialog.h"

namespace {

const QString GeometryKey = QStringLiteral("mainWindow/geometry");
const QString StateKey = QStringLiteral("mainWindow/state");
const QString SplitterKey = QStringLiteral("mainWindow/splitter");
const QString RoomsHeaderKey = QStringLiteral("mainWindow/roomsHeader");
const QString ActivityHeaderKey = QStringLiteral("mainWindow/activityHeader");

// Under a flood the rooms model asks for a snapshot after every batch: one per second is plenty.
constexpr int ResyncDelayMs = 1000;
// The status bar's rates are averaged over this long.
constexpr qint64 RateWindowMs = 2000;
// Each new chat window steps this far right and down from the previous one.
constexpr int CascadeStep = 36;
constexpr int CascadeLength = 8;
// Session recordings kept in the data directory.
constexpr int KeptSessions = 30;

enum UrlRow { NativeUrl, ChatUrl, BroadcastUrl, BrowserUrl, UrlCount };

QIcon themeIcon(const char *name, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(QString::fromLatin1(name),
                            QApplication::style()->standardIcon(fallback));
}

bool isAnyAddress(const QString &host)
{
    return host == QLatin1String("0.0.0.0") || host == QLatin1String("[::]");
}

} // namespace

MainWindow::MainWindow(const ServerConfig &config, QWidget *parent)
    : QMainWindow(parent)
    , m_host(new ServerHost(this))
    , m_config(ServerSettings::overlay(ServerSettings::load(), config))
    , m_resyncTimer(new QTimer(this))
    , m_roomsModel(new RoomsModel(this))
    , m_activityModel(new ActivityLogModel(this))
    , m_activityFilter(new ActivityFilterModel(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    m_activityFilter->setSourceModel(m_activityModel);
    m_resyncTimer->setSingleShot(true);
    m_resyncTimer->setInterval(ResyncDelayMs);

    createActions();
    createMenus();
    createToolBar();

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 8, 8, 4);
    layout->setSpacing(8);
    layout->addWidget(createServerPanel());
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
    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(QStringLiteral("splitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(createRoomsPane());
    m_splitter->addWidget(createActivityPane());
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);
    createStatusBar();
    createCrowdAndChart();

    connectServer();
    restoreWindowState();
    setState(State::Stopped);
}

MainWindow::~MainWindow()
{
    // Chat windows are top-level, so nothing else deletes them; they go before the server, so
    // that their goodbyes (close 1000) still find it.
    for (const QPointer<ChatWindow> &window : std::as_const(m_chatWindows))
        delete window.data();
    m_chatWindows.clear();
    delete m_inspector.data(); // top-level too; it stops inspecting through the host
    delete m_crowd; // its clients say goodbye while the server still listens
    m_crowd = nullptr;
    delete m_host; // its destructor stops the server and joins the thread
    m_host = nullptr;
}

// ---------------------------------------------------------------------------------------------
// Public API

void MainWindow::startServer()
{
    if (m_state != State::Stopped)
        return;
    m_config.port = quint16(m_portSpin->value());
    m_config.bindAddress = QHostAddress(m_bindCombo->currentData().toString());
    m_error.clear();
    setState(State::Starting);
    // The window always records the lesson: to --record's file, else to a new file in the data
    // directory (one per window, appended to on each start), keeping the newest 30.
    if (m_sessionFile.isEmpty()) {
        m_sessionFile = !m_config.recordFile.isEmpty()
            ? m_config.recordFile
            : SessionRecorder::newSessionFile(
                QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation),
                KeptSessions);
    }
    ServerConfig config = m_config;
    config.recordFile = m_sessionFile;
    m_host->start(config);
}

bool MainWindow::exportSession(const QString &base, QString *error)
{
    if (m_sessionFile.isEmpty() || !QFile::exists(m_sessionFile)) {
        *error = tr("Nothing was recorded yet: start the server first.");
        return false;
    }
    QString stem = base;
    const QString suffix = QFileInfo(base).suffix();
    if (suffix == QLatin1String("jsonl") || suffix == QLatin1String("html"))
        stem.chop(suffix.size() + 1);
    return SessionExport::exportFiles(m_sessionFile, stem + QStringLiteral(".jsonl"),
                                      stem + QStringLiteral(".html"), error);
}

void MainWindow::promptExportSession()
{
    auto *dialog = new QFileDialog(this, tr("Export Session"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(tr("JSON Lines and HTML transcript (*.jsonl *.html)"));
    dialog->setDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    dialog->selectFile(
        QStringLiteral("wsroom-session-%1")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"))));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) {
        QString error;
        if (!exportSession(file, &error)) {
            QMessageBox::warning(this, tr("Export Session"), error);
            return;
        }
        const QString stem = QFileInfo(file).completeBaseName();
        statusBar()->showMessage(tr("Exported %1.jsonl and %1.html").arg(stem), 6000);
    });
    dialog->open();
}

void MainWindow::stopServer()
{
    m_restartWhenStopped = false;
    if (m_state != State::Listening && m_state != State::Starting)
        return;
    setState(State::Stopping);
    m_host->stop();
}

ChatWindow *MainWindow::openChatWindow()
{
    if (!isListening())
        return nullptr;
    m_chatWindows.removeAll(QPointer<ChatWindow>()); // those closed since
    if (m_chatWindows.isEmpty())
        m_cascade = 0; // a fresh cascade once the last ones were closed
    auto *window = new ChatWindow(chatUrl(), nullptr);
    // Our own server's certificate is trusted as it is, self-signed or not (it is pinned).
    if (m_config.tls())
        window->client()->setTrustedCertificates(QSslCertificate::fromPath(m_config.tlsCertFile));
    window->setAttribute(Qt::WA_DeleteOnClose);
    // Queued: while destroyed() is emitted the window is half gone and its QPointer not yet null.
    connect(window, &QObject::destroyed, this, &MainWindow::updateActions, Qt::QueuedConnection);
    m_chatWindows.append(window);
    placeChatWindow(window);
    window->show();
    updateActions();
    return window;
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
        m_inspector = new FrameInspector(m_host); // top-level; deleted with this window
        m_inspector->setAttribute(Qt::WA_DeleteOnClose);
    }
    if (!memberId.isEmpty())
        m_inspector->inspect(memberId);
    m_inspector->show();
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
    QList<ChatWindow *> windows;
    for (const QPointer<ChatWindow> &window : m_chatWindows) {
        if (window)
            windows.append(window.data());
    }
    return windows;
}

bool MainWindow::isListening() const
{
    return m_state == State::Listening;
}

quint16 MainWindow::port() const
{
    return isListening() ? m_listenPort : quint16(m_portSpin->value());
}

QString MainWindow::listeningHost() const
{
    return isListening() ? m_listenHost : QString();
}

QStringList MainWindow::clientUrls() const
{
    QStringList urls;
    if (!isListening())
        return urls;
    for (const QLineEdit *edit : m_urlEdits)
        urls.append(edit->text());
    return urls;
}

ServerConfig MainWindow::config() const
{
    ServerConfig config = m_config;
    config.port = quint16(m_portSpin->value());
    config.bindAddress = QHostAddress(m_bindCombo->currentData().toString());
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

void MainWindow::kickMember(const QString &memberId, const QString &reason)
{
    if (!isListening() || memberId.isEmpty())
        return;
    m_host->kick(memberId, reason);
    const QString name = m_roomsModel->memberName(memberId);
    statusBar()->showMessage(tr("Kicked %1").arg(name.isEmpty() ? memberId : name), 4000);
}

void MainWindow::createRoom(const QString &room)
{
    if (!isListening() || !Validation::isValidRoom(room))
        return;
    m_host->createRoom(room);
    statusBar()->showMessage(tr("Room \"%1\" is kept even when empty").arg(room), 4000);
}

void MainWindow::sendNotification(const QString &text)
{
    if (!isListening() || text.isEmpty())
        return;
    m_host->sendNotification(text);
    statusBar()->showMessage(tr("Notification sent"), 3000);
}

void MainWindow::postSystemMessage(const QString &room, const QString &text)
{
    if (!isListening() || !Validation::isValidRoom(room) || text.isEmpty())
        return;
    m_host->postSystemMessage(room, text);
    statusBar()->showMessage(tr("Posted to \"%1\"").arg(room), 3000);
}

PresenterView *MainWindow::presenterView() const
{
    return m_presenterView.data();
}

NotificationDialog *MainWindow::notificationDialog() const
{
    return m_notificationDialog.data();
}

void MainWindow::shareOnLocalNetwork()
{
    m_shareHidden = false;
    if (m_state == State::Stopped) {
        SettingsDialog::selectBindAddress(m_bindCombo, QHostAddress(QHostAddress::AnyIPv4));
        startServer();
    } else if (m_state == State::Listening) {
        if (isAnyAddress(m_listenHost))
            updateSharePanel();
        else
            m_host->rebind(QHostAddress(QHostAddress::AnyIPv4));
    }
}

void MainWindow::shareOnThisComputerOnly()
{
    if (m_state == State::Listening && m_listenHost != QLatin1String("127.0.0.1"))
        m_host->rebind(QHostAddress(QHostAddress::LocalHost));
    else if (m_state == State::Stopped)
        SettingsDialog::selectBindAddress(m_bindCombo, QHostAddress(QHostAddress::LocalHost));
}

void MainWindow::setJoinCode(const QString &code)
{
    if (code == m_config.joinCode)
        return;
    m_config.joinCode = code;
    // While stopped, the next start takes it from m_config.
    if (m_state != State::Stopped)
        m_host->setJoinCode(code);
    updateUrls();
    updateSharePanel();
    statusBar()->showMessage(
        code.isEmpty() ? tr("No join code: anyone who can reach the server joins")
                       : tr("Join code %1: connections without it are closed (1008)").arg(code),
        5000);
}

void MainWindow::setNotificationInterval(double seconds)
{
    m_config.notificationInterval = qMax(0.0, seconds);
    if (m_state != State::Stopped)
        m_host->setNotificationInterval(m_config.notificationInterval);
    if (m_notificationDialog)
        m_notificationDialog->setInterval(m_config.notificationInterval);
    statusBar()->showMessage(
        m_config.notificationInterval > 0
            ? tr("Notifications reminders every %1 s").arg(m_config.notificationInterval)
            : tr("Notifications reminders off"),
        3000);
}

void MainWindow::setPresenterViewShown(bool shown)
{
    if (!shown) {
        if (m_presenterView)
            m_presenterView->close();
        return;
    }
    if (!m_presenterView) {
        m_presenterView = new PresenterView(m_roomsModel, m_activityModel, this);
        m_presenterView->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_presenterView, &PresenterView::closed, this, [this] {
            const QSignalBlocker blocker(m_presenterAction);
            m_presenterAction->setChecked(false);
        });
        updatePresenterView();
    }
    {
        const QSignalBlocker blocker(m_presenterAction);
        m_presenterAction->setChecked(true);
    }
    // On the main window's screen: the projector is where the host dragged the window.
    if (QScreen *s = screen()) {
        m_presenterView->setScreen(s);
        // The whole screen even where no window manager honours "full screen" (e.g. kiosks).
        m_presenterView->setGeometry(s->geometry());
    }
    m_presenterView->showFullScreen();
    m_presenterView->raise();
    m_presenterView->activateWindow();
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
    m_notificationDialog->setInterval(m_config.notificationInterval);
    m_notificationDialog->show();
    m_notificationDialog->raise();
    m_notificationDialog->activateWindow();
    m_notificationDialog->textEdit()->setFocus();
}

// ---------------------------------------------------------------------------------------------
// Window events

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    for (const QPointer<ChatWindow> &window : std::as_const(m_chatWindows)) {
        if (window)
            window->close();
    }
    // Graceful if the event loop runs on; the destructor finishes the job at exit anyway.
    stopServer();
    event->accept();
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

// ---------------------------------------------------------------------------------------------
// Building the window

void MainWindow::createActions()
{
    m_startStopAction = new QAction(this);
    m_startStopAction->setObjectName(QStringLiteral("actionStartStop"));
    m_startStopAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(m_startStopAction, &QAction::triggered, this, [this] {
        if (m_state == State::Stopped)
            startServer();
        else
            stopServer();
    });

    m_settingsAction = new QAction(
        themeIcon("preferences-system", QStyle::SP_FileDialogDetailedView), tr("&Settings…"), this);
    m_settingsAction->setObjectName(QStringLiteral("actionSettings"));
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setToolTip(tr("Port, who can connect, limits, join code"));
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::showSettings);

    m_quitAction = new QAction(themeIcon("application-exit", QStyle::SP_DialogCloseButton),
                               tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("actionQuit"));
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_exportAction = new QAction(themeIcon("document-save-as", QStyle::SP_DialogSaveButton),
                                 tr("&Export Session…"), this);
    m_exportAction->setObjectName(QStringLiteral("actionExportSession"));
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setToolTip(tr("Save every message, join, leave and rename so far as JSON "
                                  "Lines and an HTML transcript"));
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::promptExportSession);

    m_newChatAction
        = new QAction(themeIcon("window-new", QStyle::SP_FileIcon), tr("&New Chat Window"), this);
    m_newChatAction->setObjectName(QStringLiteral("actionNewChat"));
    m_newChatAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    m_newChatAction->setToolTip(tr("Open a chat window connected to this server (Ctrl+N)"));
    connect(m_newChatAction, &QAction::triggered, this, [this] { openChatWindow(); });

    m_openSeveralAction = new QAction(tr("Open &Several…"), this);
    m_openSeveralAction->setObjectName(QStringLiteral("actionOpenSeveral"));
    connect(m_openSeveralAction, &QAction::triggered, this, &MainWindow::promptOpenSeveral);

    m_closeChatsAction = new QAction(tr("&Close All Chat Windows"), this);
    m_closeChatsAction->setObjectName(QStringLiteral("actionCloseChats"));
    connect(m_closeChatsAction, &QAction::triggered, this, [this] {
        for (ChatWindow *window : chatWindows())
            window->close();
    });

    m_createRoomAction = new QAction(themeIcon("folder-new", QStyle::SP_FileDialogNewFolder),
                                     tr("Create/Pin &Room…"), this);
    m_createRoomAction->setObjectName(QStringLiteral("actionCreateRoom"));
    m_createRoomAction->setToolTip(tr("Create a room, or keep an existing one when it empties"));
    connect(m_createRoomAction, &QAction::triggered, this, &MainWindow::promptCreateRoom);

    m_systemMessageAction = new QAction(themeIcon("mail-send", QStyle::SP_CommandLink),
                                        tr("&Post System Message…"), this);
    m_systemMessageAction->setObjectName(QStringLiteral("actionSystemMessage"));
    m_systemMessageAction->setToolTip(tr("Post a message from \"host\" to a room"));
    connect(m_systemMessageAction, &QAction::triggered, this, &MainWindow::promptSystemMessage);

    m_notifyAction = new QAction(themeIcon("dialog-information", QStyle::SP_MessageBoxInformation),
                                 tr("&Notifications…"), this);
    m_notifyAction->setObjectName(QStringLiteral("actionNotify"));
    m_notifyAction->setToolTip(tr("Send a notification now to every notifications-dialect "
                                  "client; set how often they get reminders"));
    connect(m_notifyAction, &QAction::triggered, this, &MainWindow::showNotificationDialog);

    m_shareAction = new QAction(themeIcon("network-wireless", QStyle::SP_DriveNetIcon),
                                tr("Share on &Local Network"), this);
    m_shareAction->setObjectName(QStringLiteral("actionShare"));
    m_shareAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_shareAction->setToolTip(tr("Let devices on this network join: listen on 0.0.0.0 and show "
                                 "the addresses, a QR code and the join code (Ctrl+L)"));
    connect(m_shareAction, &QAction::triggered, this, &MainWindow::shareOnLocalNetwork);

    m_presenterAction = new QAction(themeIcon("view-fullscreen", QStyle::SP_TitleBarMaxButton),
                                    tr("&Presenter View"), this);
    m_presenterAction->setObjectName(QStringLiteral("actionPresenter"));
    m_presenterAction->setCheckable(true);
    m_presenterAction->setShortcuts(
        {QKeySequence(Qt::Key_F11), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)});
    m_presenterAction->setToolTip(tr("Full screen for the projector: where to join and the live "
                                     "room in large type (F11; Esc leaves)"));
    connect(m_presenterAction, &QAction::toggled, this, &MainWindow::setPresenterViewShown);

    m_kickAction = new QAction(themeIcon("list-remove-user", QStyle::SP_BrowserStop),
                               tr("&Kick Member…"), this);
    m_kickAction->setObjectName(QStringLiteral("actionKick"));
    m_kickAction->setToolTip(tr("Disconnect the selected member (close code 4000)"));
    connect(m_kickAction, &QAction::triggered, this, &MainWindow::promptKick);

    m_openBrowserAction = new QAction(themeIcon("internet-web-browser", QStyle::SP_DriveNetIcon),
                                      tr("Open in &Browser"), this);
    m_openBrowserAction->setObjectName(QStringLiteral("actionOpenBrowser"));
    m_openBrowserAction->setToolTip(tr("Open the browser chat client served on this port"));
    connect(m_openBrowserAction, &QAction::triggered, this, [this] {
        if (isListening())
            QDesktopServices::openUrl(QUrl(m_urlEdits.at(BrowserUrl)->text()));
    });

    m_inspectorAction = new QAction(themeIcon("system-search", QStyle::SP_FileDialogContentsView),
                                    tr("&Frame Inspector…"), this);
    m_inspectorAction->setObjectName(QStringLiteral("actionFrameInspector"));
    m_inspectorAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    m_inspectorAction->setToolTip(
        tr("See a member's handshake and every WebSocket frame it sends and receives"));
    connect(m_inspectorAction, &QAction::triggered, this,
            [this] { openFrameInspector(selectedMemberId()); });

    m_aboutAction = new QAction(tr("&About wsroom"), this);
    m_aboutAction->setObjectName(QStringLiteral("actionAbout"));
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    m_protocolAction = new QAction(themeIcon("help-contents", QStyle::SP_DialogHelpButton),
                                   tr("&Protocol Reference"), this);
    m_protocolAction->setObjectName(QStringLiteral("actionProtocol"));
    m_protocolAction->setShortcut(QKeySequence::HelpContents);
    connect(m_protocolAction, &QAction::triggered, this, &MainWindow::showProtocolReference);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_exportAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *server = menuBar()->addMenu(tr("&Server"));
    server->addAction(m_startStopAction);
    server->addAction(m_shareAction);
    server->addAction(m_openBrowserAction);
    server->addSeparator();
    server->addAction(m_createRoomAction);
    server->addAction(m_systemMessageAction);
    server->addAction(m_notifyAction);
    server->addAction(m_kickAction);
    server->addSeparator();
    server->addAction(m_inspectorAction);
    server->addSeparator();
    server->addAction(m_settingsAction);

    QMenu *clients = m_clientsMenu = menuBar()->addMenu(tr("&Clients"));
    clients->addAction(m_newChatAction);
    clients->addAction(m_openSeveralAction);
    clients->addSeparator();
    clients->addAction(m_closeChatsAction);

    QMenu *view = m_viewMenu = menuBar()->addMenu(tr("&View"));
    view->addAction(m_presenterAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_protocolAction);
    help->addSeparator();
    help->addAction(m_aboutAction);
}

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Host Actions"));
    bar->setObjectName(QStringLiteral("hostToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_startStopAction);
    bar->addAction(m_shareAction);
    bar->addAction(m_presenterAction);
    bar->addSeparator();
    bar->addAction(m_newChatAction);
    bar->addAction(m_openBrowserAction);
    bar->addSeparator();
    bar->addAction(m_createRoomAction);
    bar->addAction(m_systemMessageAction);
    bar->addAction(m_notifyAction);
    bar->addAction(m_kickAction);
    auto *spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addAction(m_settingsAction);
}

QWidget *MainWindow::createServerPanel()
{
    auto *panel = new QFrame;
    panel->setObjectName(QStringLiteral("serverPanel"));
    panel->setFrameShape(QFrame::StyledPanel);

    m_portSpin = new QSpinBox;
    m_portSpin->setObjectName(QStringLiteral("portSpin"));
    m_portSpin->setRange(0, 65535);
    m_portSpin->setSpecialValueText(tr("any free"));
    m_portSpin->setToolTip(tr("The TCP port for WebSocket and HTTP; 0 picks a free one"));
    m_portSpin->setValue(m_config.port);
    m_portSpin->setMinimumWidth(m_portSpin->fontMetrics().horizontalAdvance(QStringLiteral("65535"))
                                + 48);

    m_bindCombo = new QComboBox;
    m_bindCombo->setObjectName(QStringLiteral("bindCombo"));
    m_bindCombo->addItem(tr("This computer only"),
                         QHostAddress(QHostAddress::LocalHost).toString());
    m_bindCombo->addItem(tr("Local network"), QHostAddress(QHostAddress::AnyIPv4).toString());
    m_bindCombo->setItemData(0, tr("Listen on 127.0.0.1: only programs on this computer connect"),
                             Qt::ToolTipRole);
    m_bindCombo->setItemData(1, tr("Listen on 0.0.0.0: other machines on the network connect too"),
                             Qt::ToolTipRole);
    SettingsDialog::selectBindAddress(m_bindCombo, m_config.bindAddress);

    // What the user picks here is remembered; what the command line gave is not.
    connect(m_portSpin, &QSpinBox::valueChanged, this, [this](int value) {
        m_config.port = quint16(value);
        ServerSettings::savePort(m_config.port);
    });
    connect(m_bindCombo, &QComboBox::activated, this, [this] {
        m_config.bindAddress = QHostAddress(m_bindCombo->currentData().toString());
        ServerSettings::saveBindAddress(m_config.bindAddress);
    });

    m_startButton = new QPushButton;
    m_startButton->setObjectName(QStringLiteral("startButton"));
    m_startButton->setMinimumWidth(110);
    connect(m_startButton, &QPushButton::clicked, m_startStopAction, &QAction::trigger);

    m_stateDot = new QLabel(QStringLiteral("\u25CF"));
    m_stateDot->setObjectName(QStringLiteral("stateDot"));
    QFont dotFont = m_stateDot->font();
    dotFont.setPointSizeF(dotFont.pointSizeF() * 1.4);
    m_stateDot->setFont(dotFont);
    m_stateLabel = new QLabel;
    m_stateLabel->setObjectName(QStringLiteral("serverStateLabel"));
    m_stateLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont stateFont = m_stateLabel->font();
    stateFont.setBold(true);
    m_stateLabel->setFont(stateFont);

    auto *controls = new QHBoxLayout;
    controls->setSpacing(8);
    auto *portLabel = new QLabel(tr("&Port:"));
    portLabel->setBuddy(m_portSpin);
    auto *bindLabel = new QLabel(tr("&Who can connect:"));
    bindLabel->setBuddy(m_bindCombo);
    controls->addWidget(portLabel);
    controls->addWidget(m_portSpin);
    controls->addSpacing(8);
    controls->addWidget(bindLabel);
    controls->addWidget(m_bindCombo);
    controls->addSpacing(8);
    controls->addWidget(m_startButton);
    m_shareButton = new QPushButton(m_shareAction->icon(), tr("Share on Local Network"));
    m_shareButton->setObjectName(QStringLiteral("shareButton"));
    m_shareButton->setToolTip(m_shareAction->toolTip());
    connect(m_shareButton, &QPushButton::clicked, m_shareAction, &QAction::trigger);
    controls->addWidget(m_shareButton);
    controls->addSpacing(12);
    controls->addWidget(m_stateDot);
    controls->addWidget(m_stateLabel);
    controls->addStretch(1);

    m_addressLabel = new QLabel(tr("Address:"));
    m_addressCombo = new QComboBox;
    m_addressCombo->setObjectName(QStringLiteral("addressCombo"));
    m_addressCombo->setToolTip(tr("Which of this computer's addresses the URLs show"));
    m_addressCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_addressLabel->setBuddy(m_addressCombo);
    connect(m_addressCombo, &QComboBox::currentIndexChanged, this, &MainWindow::updateUrls);
    controls->addWidget(m_addressLabel);
    controls->addWidget(m_addressCombo);

    const QString names[UrlCount]
        = {tr("Native chat:"), tr("Tutorial chat:"), tr("Broadcast:"), tr("Browser:")};
    const QString tips[UrlCount]
        = {tr("The native protocol: chat windows, the browser client, your own clients"),
           tr("The second FastAPI tutorial's chat: replace {client_id} with a name"),
           tr("The first FastAPI tutorial's JSON broadcast, in the lobby"),
           tr("Open this in a browser for the built-in chat client")};
    const char *objectNames[UrlCount] = {"nativeUrl", "chatUrl", "broadcastUrl", "browserUrl"};
    auto *urls = new QGridLayout;
    urls->setHorizontalSpacing(6);
    urls->setVerticalSpacing(4);
    for (int i = 0; i < UrlCount; ++i) {
        auto *label = new QLabel(names[i]);
        label->setToolTip(tips[i]);
        auto *edit = new QLineEdit;
        edit->setObjectName(QString::fromLatin1(objectNames[i]));
        edit->setReadOnly(true);
        edit->setToolTip(tips[i]);
        edit->setPlaceholderText(tr("shown while the server listens"));
        auto *copy = new QToolButton;
        copy->setText(tr("Copy"));
        copy->setToolTip(tr("Copy this address to the clipboard"));
        copy->setIcon(themeIcon("edit-copy", QStyle::SP_DialogSaveButton));
        copy->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        connect(copy, &QToolButton::clicked, this, [this, edit] {
            QGuiApplication::clipboard()->setText(edit->text());
            statusBar()->showMessage(tr("Copied %1").arg(edit->text()), 3000);
        });
        const int row = i / 2;
        const int column = (i % 2) * 4;
        urls->addWidget(label, row, column);
        urls->addWidget(edit, row, column + 1);
        urls->addWidget(copy, row, column + 2);
        if (column == 0)
            urls->setColumnMinimumWidth(3, 16);
        m_urlEdits.append(edit);
        m_copyButtons.append(copy);
    }
    urls->setColumnStretch(1, 1);
    urls->setColumnStretch(5, 1);

    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(8);
    layout->addLayout(controls);
    layout->addLayout(urls);
    return panel;
}

QWidget *MainWindow::createRoomsPane()
{
    auto *pane = new QWidget;
    auto *title = new QLabel(tr("<b>Rooms and members</b>"));
    m_roomsView = new QTreeView;
    m_roomsView->setObjectName(QStringLiteral("roomsView"));
    m_roomsView->setModel(m_roomsModel);
    m_roomsView->setUniformRowHeights(true);
    m_roomsView->setAlternatingRowColors(true);
    m_roomsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_roomsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_roomsView->setContextMenuPolicy(Qt::CustomContextMenu);
    m_roomsView->setAllColumnsShowFocus(true);
    QHeaderView *header = m_roomsView->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(RoomsModel::NameColumn, QHeaderView::Stretch);
    header->setMinimumSectionSize(48);
    // Wide enough for the header or a typical value, whichever is longer; the name takes the rest.
    const QFontMetrics metrics = header->fontMetrics();
    auto width = [&metrics](const QString &header, const QString &sample) {
        return qMax(metrics.horizontalAdvance(header), metrics.horizontalAdvance(sample)) + 18;
    };
    header->resizeSection(RoomsModel::MembersColumn, width(tr("Members"), QStringLiteral("00000")));
    header->resizeSection(RoomsModel::MessagesColumn,
                          width(tr("Messages"), QStringLiteral("00000")));
    header->resizeSection(RoomsModel::DialectColumn,
                          width(tr("Dialect"), QStringLiteral("broadcast")));
    header->resizeSection(RoomsModel::AddressColumn,
                          width(tr("Address"), QStringLiteral("192.168.1.100")));
    header->resizeSection(RoomsModel::ConnectedColumn, width(tr("Connected since"), QString()));

    connect(m_roomsView, &QWidget::customContextMenuRequested, this,
            &MainWindow::showRoomsContextMenu);
    connect(m_roomsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);
    // Rooms open as they appear, so that members are seen without a click.
    connect(m_roomsModel, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &parent, int first, int last) {
                if (parent.isValid())
                    return;
                for (int row = first; row <= last; ++row)
                    m_roomsView->expand(m_roomsModel->index(row, 0));
            });
    connect(m_roomsModel, &QAbstractItemModel::modelReset, m_roomsView, &QTreeView::expandAll);
    connect(m_roomsModel, &RoomsModel::resyncWanted, this, [this] {
        if (isListening() && !m_resyncTimer->isActive())
            m_resyncTimer->start();
    });
    connect(m_resyncTimer, &QTimer::timeout, this, [this] {
        if (isListening())
            m_host->requestSnapshot();
    });

    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(title);
    layout->addWidget(m_roomsView, 1);
    return pane;
}

QWidget *MainWindow::createActivityPane()
{
    auto *pane = new QWidget;
    auto *title = new QLabel(tr("<b>Activity</b>"));

    m_roomFilter = new QComboBox;
    m_roomFilter->setObjectName(QStringLiteral("roomFilter"));
    m_roomFilter->setEditable(true);
    m_roomFilter->setInsertPolicy(QComboBox::NoInsert);
    m_roomFilter->lineEdit()->setPlaceholderText(tr("all rooms"));
    m_roomFilter->lineEdit()->setClearButtonEnabled(true);
    m_roomFilter->setMinimumContentsLength(12);
    m_roomFilter->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_roomFilter->setToolTip(tr("Show only this room's events"));
    connect(m_roomFilter, &QComboBox::editTextChanged, m_activityFilter,
            &ActivityFilterModel::setRoomFilter);
    connect(m_roomsModel, &RoomsModel::roomNamesChanged, this,
            &MainWindow::updateRoomFilterChoices);

    m_memberFilter = new QLineEdit;
    m_memberFilter->setObjectName(QStringLiteral("memberFilter"));
    m_memberFilter->setPlaceholderText(tr("any member"));
    m_memberFilter->setClearButtonEnabled(true);
    m_memberFilter->setToolTip(tr("Show only events of members whose name or id contains this"));
    connect(m_memberFilter, &QLineEdit::textChanged, m_activityFilter,
            &ActivityFilterModel::setMemberFilter);

    m_kindsMenu = new QMenu(this);
    QAction *all = m_kindsMenu->addAction(tr("Show All"));
    m_kindsMenu->addSeparator();
    QList<QAction *> kindActions;
    for (ServerEvent::Kind kind : ActivityFilterModel::allKinds()) {
        QAction *action = m_kindsMenu->addAction(ServerEvent::kindName(kind));
        action->setCheckable(true);
        action->setChecked(true);
        action->setData(int(kind));
        connect(action, &QAction::toggled, this, [this, kind](bool on) {
            m_activityFilter->setKindEnabled(kind, on);
            updateKindsButton();
        });
        kindActions.append(action);
    }
    connect(all, &QAction::triggered, this, [kindActions] {
        for (QAction *action : kindActions)
            action->setChecked(true);
    });
    m_kindsButton = new QToolButton;
    m_kindsButton->setObjectName(QStringLiteral("kindsButton"));
    m_kindsButton->setMenu(m_kindsMenu);
    m_kindsButton->setPopupMode(QToolButton::InstantPopup);
    m_kindsButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_kindsButton->setToolTip(tr("Which kinds of event to show"));
    updateKindsButton();

    auto *clear = new QToolButton;
    clear->setText(tr("Clear"));
    clear->setToolTip(tr("Forget the events shown so far"));
    connect(clear, &QToolButton::clicked, m_activityModel, &ActivityLogModel::clear);

    auto *filters = new QHBoxLayout;
    filters->setSpacing(6);
    filters->addWidget(title);
    filters->addStretch();
    auto *roomLabel = new QLabel(tr("R&oom:"));
    roomLabel->setBuddy(m_roomFilter);
    auto *memberLabel = new QLabel(tr("&Member:"));
    memberLabel->setBuddy(m_memberFilter);
    filters->addWidget(roomLabel);
    filters->addWidget(m_roomFilter);
    filters->addWidget(memberLabel);
    filters->addWidget(m_memberFilter);
    filters->addWidget(m_kindsButton);
    filters->addWidget(clear);

    m_activityView = new QTableView;
    m_activityView->setObjectName(QStringLiteral("activityView"));
    m_activityView->setModel(m_activityFilter);
    m_activityView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_activityView->setWordWrap(false);
    m_activityView->setShowGrid(false);
    m_activityView->setAlternatingRowColors(true);
    m_activityView->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    m_activityView->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_activityView->verticalHeader()->hide();
    // Fixed row heights keep a 10,000-row log cheap to lay out.
    m_activityView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_activityView->verticalHeader()->setDefaultSectionSize(m_activityView->fontMetrics().height()
                                                            + 6);
    QHeaderView *header = m_activityView->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->setMinimumSectionSize(40);
    const QFontMetrics metrics = m_activityView->fontMetrics();
    auto width = [&metrics](const QString &sample) {
        return metrics.horizontalAdvance(sample) + 20;
    };
    header->resizeSection(ActivityLogModel::TimeColumn, width(QStringLiteral("00:00:00.000")));
    header->resizeSection(ActivityLogModel::KindColumn, width(QStringLiteral("room_created")));
    header->resizeSection(ActivityLogModel::RoomColumn, width(QStringLiteral("notifications")));
    header->resizeSection(ActivityLogModel::MemberColumn, width(QStringLiteral("guest-1000")));

    // Follow new rows while the view is at its bottom; once the user scrolls up, stay put.
    QScrollBar *bar = m_activityView->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this,
            [this, bar](int value) { m_followLog = value >= bar->maximum(); });
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar](int, int maximum) {
        if (m_followLog)
            bar->setValue(maximum);
    });
    connect(m_activityFilter, &QAbstractItemModel::rowsRemoved, this,
            [this, bar](const QModelIndex &, int first, int last) {
                // The oldest rows went: keep the rows the user is reading where they are.
                if (!m_followLog && first == 0)
                    bar->setValue(bar->value() - (last - first + 1));
            });

    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(filters);
    layout->addWidget(m_activityView, 1);
    return pane;
}

void MainWindow::createStatusBar()
{
    auto label = [this](const char *name, const QString &tip) {
        auto *l = new QLabel;
        l->setObjectName(QString::fromLatin1(name));
        l->setToolTip(tip);
        l->setContentsMargins(6, 0, 6, 0);
        statusBar()->addPermanentWidget(l);
        return l;
    };
    m_connectionsLabel = label("connectionsLabel", tr("Open WebSocket connections"));
    m_roomsLabel = label("roomsLabel", tr("Rooms on the server"));
    m_inRateLabel = label("inRateLabel", tr("Frames received from clients per second"));
    m_outRateLabel = label("outRateLabel", tr("Room messages delivered to clients per second"));
    onStats(ServerStats());
}

void MainWindow::createCrowdAndChart()
{
    // Simulated clients: their own thread, a status bar word, two actions in the Clients menu.
    m_crowd = new SimulatedCrowd(this);
    statusBar()->insertPermanentWidget(0, new CrowdIndicator(m_crowd));
    auto *add = new QAction(tr("Add &Simulated Clients…"), this);
    add->setObjectName(QStringLiteral("actionAddSimulated"));
    add->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    add->setToolTip(tr("Chatters, visitors or slow readers, for demos of load (Ctrl+Shift+N)"));
    auto *remove = new QAction(tr("&Remove Simulated Clients"), this);
    remove->setObjectName(QStringLiteral("actionRemoveSimulated"));
    remove->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X));
    m_clientsMenu->addSeparator();
    m_clientsMenu->addAction(add);
    m_clientsMenu->addAction(remove);
    connect(add, &QAction::triggered, this, [this] {
        auto *dialog = new SimulatedClientsDialog(m_crowd, m_roomsModel->roomNames(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        if (!selectedRoom().isEmpty())
            dialog->setValues(10, selectedRoom(), SimulatedClient::Kind::Chatter, 12);
        connect(dialog, &SimulatedClientsDialog::addRequested, this,
                &MainWindow::addSimulatedClients);
        dialog->open();
    });
    connect(remove, &QAction::triggered, m_crowd, &SimulatedCrowd::removeAll);
    auto updateCrowdActions = [this, add, remove] {
        add->setEnabled(isListening());
        remove->setEnabled(m_crowd->size() > 0);
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
    QAction *toggle = dock->toggleViewAction();
    toggle->setText(tr("&Live Chart"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    m_viewMenu->addAction(toggle);
    connect(m_host->manager(), &RoomManager::statsUpdated, m_liveChart, &LiveChart::addStats);
}

void MainWindow::addSimulatedClients(int count, const QString &room, SimulatedClient::Kind kind,
                                     double perMinute, int textLength)
{
    if (!isListening() || !Validation::isValidRoom(room))
        return;
    static const char *const prefixes[] = {"sim-chatter", "sim-visitor", "sim-slow"};
    SimulatedClient::Options options;
    options.chatUrl = chatUrl();
    options.room = room;
    options.kind = kind;
    options.name = QString::fromLatin1(prefixes[int(kind)]);
    options.perMinute = perMinute;
    options.textLength = textLength;
    m_crowd->add(options, count);
}

void MainWindow::connectServer()
{
    RoomManager *manager = m_host->manager();
    // The server reports this thread's responsiveness in /api/status (gui_lag_ms).
    m_lagMeter = new EventLoopLagMeter(this);
    connect(m_lagMeter, &EventLoopLagMeter::measured, m_host, &ServerHost::setGuiLag);
    connect(manager, &RoomManager::listening, this, &MainWindow::onListening);
    connect(manager, &RoomManager::startFailed, this, &MainWindow::onStartFailed);
    connect(manager, &RoomManager::stopped, this, &MainWindow::onStopped);
    connect(manager, &RoomManager::rebound, this, &MainWindow::onRebound);
    connect(manager, &RoomManager::rebindFailed, this, [this](const QString &reason) {
        statusBar()->showMessage(tr("Could not change who can connect: %1").arg(reason), 8000);
    });
    connect(manager, &RoomManager::statsUpdated, this, &MainWindow::onStats);
    // During a flood the models and views follow at a few updates a second, not at every batch.
    m_eventCoalescer = new EventCoalescer(this);
    connect(manager, &RoomManager::eventsReady, m_eventCoalescer, &EventCoalescer::add);
    connect(m_eventCoalescer, &EventCoalescer::ready, this, &MainWindow::onEvents);
    connect(manager, &RoomManager::snapshotReady, this, [this](const ServerSnapshot &snapshot) {
        // The events kept back came before the snapshot: applied after it, they would undo it.
        m_eventCoalescer->flush();
        // A snapshot asked for before a stop may arrive after it: the tree stays empty then.
        if (m_state == State::Listening || m_state == State::Starting)
            m_roomsModel->loadSnapshot(snapshot);
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
    restoreState(settings.value(StateKey).toByteArray());
    if (!m_splitter->restoreState(settings.value(SplitterKey).toByteArray()))
        m_splitter->setSizes({width() * 46 / 100, width() * 54 / 100});
    m_roomsView->header()->restoreState(settings.value(RoomsHeaderKey).toByteArray());
    m_activityView->horizontalHeader()->restoreState(
        settings.value(ActivityHeaderKey).toByteArray());
}

void MainWindow::saveWindowState()
{
    QSettings settings;
    settings.setValue(GeometryKey, saveGeometry());
    settings.setValue(StateKey, saveState());
    settings.setValue(SplitterKey, m_splitter->saveState());
    settings.setValue(RoomsHeaderKey, m_roomsView->header()->saveState());
    settings.setValue(ActivityHeaderKey, m_activityView->horizontalHeader()->saveState());
}

// ---------------------------------------------------------------------------------------------
// Following the server

void MainWindow::onListening(const QString &host, quint16 port)
{
    m_listenHost = host;
    m_listenPort = port;
    m_error.clear();
    m_recentStats = {ServerStats()}; // the counters start from zero with the server
    setState(State::Listening);
    m_lagMeter->start();
    emit listeningChanged(true);
    if (m_chatsToOpen > 0)
        openChatWindows(std::exchange(m_chatsToOpen, 0));
}

void MainWindow::onStartFailed(const QString &reason)
{
    m_error = reason;
    setState(State::Stopped);
}

void MainWindow::onStopped()
{
    // The last events (the members leaving) came before the stop: show them first.
    m_eventCoalescer->flush();
    const bool wasListening = m_state == State::Listening || m_state == State::Stopping;
    m_listenHost.clear();
    m_listenPort = 0;
    m_resyncTimer->stop();
    m_lagMeter->stop();
    m_roomsModel->clear();
    if (m_crowd)
        m_crowd->removeAll(); // their connections went with the server
    setState(State::Stopped);
    onStats(ServerStats());
    if (wasListening)
        emit listeningChanged(false);
    if (std::exchange(m_restartWhenStopped, false))
        startServer();
}

void MainWindow::onRebound(const QString &host, quint16 port)
{
    if (m_state != State::Listening)
        return;
    m_listenHost = host;
    m_listenPort = port;
    QString address = host;
    if (address.startsWith(QLatin1Char('[')))
        address = address.mid(1, address.size() - 2);
    m_config.bindAddress = QHostAddress(address);
    SettingsDialog::selectBindAddress(m_bindCombo, m_config.bindAddress);
    updateServerUi();
    updateUrls();
    updateActions();
    statusBar()->showMessage(isAnyAddress(host)
                                 ? tr("Shared on the local network (%1:%2)").arg(host).arg(port)
                                 : tr("This computer only (%1:%2)").arg(host).arg(port),
                             5000);
}

void MainWindow::updateSharePanel()
{
    if (!m_sharePanel)
        return; // still building the window
    const bool listening = isListening();
    const bool lan = listening && isAnyAddress(m_listenHost);
    if (listening) {
        QStringList addresses;
        if (lan)
            addresses = lanAddresses();
        if (addresses.isEmpty()) // loopback, or no network: this computer is all there is
            addresses.append(lan ? QStringLiteral("127.0.0.1") : m_listenHost);
        m_sharePanel->setAddresses(addresses);
        m_sharePanel->setPort(m_listenPort);
        m_sharePanel->setSecure(m_config.tls());
    }
    m_sharePanel->setJoinCode(m_config.joinCode);
    m_sharePanel->setVisible(lan && !m_shareHidden);
    updatePresenterView();
}

void MainWindow::updatePresenterView()
{
    if (!m_presenterView)
        return;
    if (isListening())
        m_presenterView->setShareInfo(m_sharePanel->selectedUrl(), m_sharePanel->qrUrl(),
                                      m_config.joinCode);
    else
        m_presenterView->setShareInfo(QString(), QString(), QString());
}

void MainWindow::onStats(const ServerStats &stats)
{
    // Rates over the last two seconds: steadier to read than the jumps between two snapshots.
    double in = 0;
    double out = 0;
    if (m_state == State::Listening) {
        if (!m_recentStats.isEmpty() && stats.uptimeMs < m_recentStats.last().uptimeMs)
            m_recentStats.clear(); // the server restarted
        m_recentStats.append(stats);
        while (m_recentStats.size() > 2
               && stats.uptimeMs - m_recentStats.at(1).uptimeMs >= RateWindowMs) {
            m_recentStats.removeFirst();
        }
        const ServerStats &first = m_recentStats.first();
        if (stats.uptimeMs > first.uptimeMs) {
            const double seconds = (stats.uptimeMs - first.uptimeMs) / 1000.0;
            in = qMax<qint64>(0, stats.messagesIn - first.messagesIn) / seconds;
            out = qMax<qint64>(0, stats.deliveries - first.deliveries) / seconds;
        }
    } else {
        m_recentStats.clear();
    }
    const QLocale locale;
    auto rate = [&locale](double value) {
        return locale.toString(value, 'f', value < 10 ? 1 : 0);
    };
    m_connectionsLabel->setText(tr("Connections: %1").arg(locale.toString(stats.connections)));
    m_roomsLabel->setText(tr("Rooms: %1").arg(locale.toString(stats.rooms)));
    m_inRateLabel->setText(tr("In: %1 msg/s").arg(rate(in)));
    m_outRateLabel->setText(tr("Out: %1 deliveries/s").arg(rate(out)));
}

void MainWindow::onEvents(const ServerEventList &events)
{
    m_activityModel->appendEvents(events);
    if (m_state == State::Listening || m_state == State::Stopping)
        m_roomsModel->applyEvents(events);
}

void MainWindow::setState(State state)
{
    m_state = state;
    updateServerUi();
    updateUrls();
    updateActions();
}

void MainWindow::updateServerUi()
{
    QString text;
    QString color;
    switch (m_state) {
    case State::Stopped:
        text = m_error.isEmpty() ? tr("Stopped") : tr("Error: %1").arg(m_error);
        color = m_error.isEmpty() ? QStringLiteral("#8a8a8a") : QStringLiteral("#c62828");
        break;
    case State::Starting:
        text = tr("Starting…");
        color = QStringLiteral("#e0a000");
        break;
    case State::Listening:
        text = isAnyAddress(m_listenHost)
            ? tr("Listening on %1:%2 (local network)").arg(m_listenHost).arg(m_listenPort)
            : tr("Listening on %1:%2").arg(m_listenHost).arg(m_listenPort);
        color = QStringLiteral("#2e7d32");
        break;
    case State::Stopping:
        text = tr("Stopping…");
        color = QStringLiteral("#e0a000");
        break;
    }
    m_stateLabel->setText(text);
    m_stateLabel->setToolTip(text);
    m_stateLabel->setStyleSheet(m_error.isEmpty() || m_state != State::Stopped
                                    ? QString()
                                    : QStringLiteral("color: %1;").arg(color));
    m_stateDot->setStyleSheet(QStringLiteral("color: %1;").arg(color));

    const bool stopped = m_state == State::Stopped;
    m_portSpin->setEnabled(stopped);
    m_bindCombo->setEnabled(stopped);
    m_startButton->setEnabled(m_state == State::Stopped || m_state == State::Listening);
    m_startButton->setText(stopped ? tr("Start") : tr("Stop"));
    m_startButton->setIcon(
        style()->standardIcon(stopped ? QStyle::SP_MediaPlay : QStyle::SP_MediaStop));
    m_startStopAction->setText(stopped ? tr("&Start Server") : tr("&Stop Server"));
    m_startStopAction->setIcon(m_startButton->icon());
    m_startStopAction->setEnabled(m_startButton->isEnabled());
    m_startStopAction->setToolTip(stopped
                                      ? tr("Start the server (Ctrl+R)")
                                      : tr("Stop the server; clients are told it closed (Ctrl+R)"));

    setWindowTitle(isListening() ? tr("wsroom — %1:%2").arg(m_listenHost).arg(m_listenPort)
                                 : tr("wsroom"));
}

void MainWindow::updateUrls()
{
    const bool listening = isListening();
    const bool any = listening && isAnyAddress(m_listenHost);
    if (any && m_addressCombo->count() == 0) {
        const QSignalBlocker blocker(m_addressCombo);
        for (const QString &address : lanAddresses())
            m_addressCombo->addItem(address, address);
        m_addressCombo->addItem(tr("127.0.0.1 (this computer)"), QStringLiteral("127.0.0.1"));
    } else if (!any && m_addressCombo->count() > 0) {
        const QSignalBlocker blocker(m_addressCombo);
        m_addressCombo->clear();
    }
    m_addressLabel->setVisible(any);
    m_addressCombo->setVisible(any);

    if (!listening) {
        for (QLineEdit *edit : std::as_const(m_urlEdits))
            edit->clear();
    } else {
        const QString base = QStringLiteral("%1:%2").arg(urlHost()).arg(m_listenPort);
        QString query;
        if (!m_config.joinCode.isEmpty()) {
            query = QStringLiteral("?code=")
                + QString::fromUtf8(QUrl::toPercentEncoding(m_config.joinCode));
        }
        const QString ws = wsScheme();
        m_urlEdits.at(NativeUrl)->setText(QStringLiteral("%1://%2/chat%3").arg(ws, base, query));
        m_urlEdits.at(ChatUrl)->setText(
            QStringLiteral("%1://%2/ws/{client_id}%3").arg(ws, base, query));
        m_urlEdits.at(BroadcastUrl)->setText(QStringLiteral("%1://%2/%3").arg(ws, base, query));
        // The page itself needs no code, but with ?code= it joins without asking for it.
        m_urlEdits.at(BrowserUrl)
            ->setText(QStringLiteral("%1://%2/%3")
                          .arg(m_config.tls() ? QStringLiteral("https") : QStringLiteral("http"),
                               base, query));
    }
    for (QLineEdit *edit : std::as_const(m_urlEdits)) {
        edit->setEnabled(listening);
        edit->setCursorPosition(0);
    }
    for (QToolButton *button : std::as_const(m_copyButtons))
        button->setEnabled(listening);
    updateSharePanel();
}

void MainWindow::updateActions()
{
    const bool listening = isListening();
    const bool member = !selectedMemberId().isEmpty();
    m_newChatAction->setEnabled(listening);
    m_openSeveralAction->setEnabled(listening);
    m_openBrowserAction->setEnabled(listening);
    m_createRoomAction->setEnabled(listening);
    m_systemMessageAction->setEnabled(listening);
    m_notifyAction->setEnabled(listening);
    const bool canShare = m_state == State::Stopped || m_state == State::Listening;
    m_shareAction->setEnabled(canShare);
    if (m_shareButton)
        m_shareButton->setEnabled(canShare);
    m_kickAction->setEnabled(listening && member);
    m_kickAction->setText(member ? tr("&Kick %1…").arg(selectedMemberName()) : tr("&Kick Member…"));
    const QString room = selectedRoom();
    m_systemMessageAction->setText(room.isEmpty() ? tr("&Post System Message…")
                                                  : tr("&Post to %1…").arg(room));
    bool anyChats = false;
    for (const QPointer<ChatWindow> &window : std::as_const(m_chatWindows))
        anyChats = anyChats || !window.isNull();
    m_closeChatsAction->setEnabled(anyChats);
}

void MainWindow::updateRoomFilterChoices()
{
    const QString text = m_roomFilter->currentText();
    const QSignalBlocker blocker(m_roomFilter);
    m_roomFilter->clear();
    m_roomFilter->addItems(m_roomsModel->roomNames());
    m_roomFilter->setEditText(text);
}

void MainWindow::updateKindsButton()
{
    int shown = 0;
    const QList<ServerEvent::Kind> kinds = ActivityFilterModel::allKinds();
    for (ServerEvent::Kind kind : kinds)
        shown += m_activityFilter->isKindEnabled(kind) ? 1 : 0;
    m_kindsButton->setText(shown == kinds.size()
                               ? tr("Kinds: all")
                               : tr("Kinds: %1 of %2").arg(shown).arg(kinds.size()));
}

// ---------------------------------------------------------------------------------------------
// Chat windows

void MainWindow::placeChatWindow(ChatWindow *window)
{
    // Cascade beside the main window when the screen has room, so that new windows neither hide
    // the host's view nor each other.
    const QScreen *s = screen();
    const QRect available = s ? s->availableGeometry() : QRect(0, 0, 1920, 1080);
    QSize size = window->size();
    if (!window->testAttribute(Qt::WA_Resized))
        size = window->sizeHint().expandedTo(window->minimumSizeHint());
    size = size.boundedTo(available.size());
    window->resize(size);

    const QRect frame = frameGeometry();
    const int span = CascadeStep * (CascadeLength - 1);
    const int step = m_cascade++ % CascadeLength;
    QPoint position;
    if (frame.right() + 12 + size.width() + span <= available.right()) {
        position = QPoint(frame.right() + 12, frame.top()); // beside it, on the right
        position += QPoint(step * CascadeStep, step * CascadeStep);
    } else if (frame.left() - 12 - size.width() - span >= available.left()) {
        position = QPoint(frame.left() - 12 - size.width() - span, frame.top()); // on the left
        position += QPoint(step * CascadeStep, step * CascadeStep);
    } else {
        // No room beside it: from the screen's right edge leftwards, over the activity log,
        // so that the server controls and the rooms tree stay in sight as long as possible.
        position = QPoint(available.x() + available.width() - size.width(),
                          qMax(available.top(), frame.top() + 48));
        position += QPoint(-step * CascadeStep, step * CascadeStep);
    }
    // QRect::right() is one short of left + width: these keep the window wholly on screen.
    const int maxX = qMax(available.left(), available.x() + available.width() - size.width());
    const int maxY = qMax(available.top(), available.y() + available.height() - size.height());
    position.setX(qBound(available.left(), position.x(), maxX));
    position.setY(qBound(available.top(), position.y(), maxY));
    window->move(position);
}

QUrl MainWindow::chatUrl() const
{
    // Chat windows run on this machine: loopback reaches a server bound to every interface.
    QString host = m_listenHost;
    if (host == QLatin1String("0.0.0.0"))
        host = QStringLiteral("127.0.0.1");
    else if (host == QLatin1String("[::]"))
        host = QStringLiteral("[::1]");
    QUrl url(QStringLiteral("%1://%2:%3/chat").arg(wsScheme(), host).arg(m_listenPort));
    if (!m_config.joinCode.isEmpty()) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("code"), m_config.joinCode);
        url.setQuery(query);
    }
    return url;
}

QString MainWindow::wsScheme() const
{
    return m_config.tls() ? QStringLiteral("wss") : QStringLiteral("ws");
}

QString MainWindow::urlHost() const
{
    if (!isAnyAddress(m_listenHost))
        return m_listenHost;
    const QString chosen = m_addressCombo->currentData().toString();
    return chosen.isEmpty() ? QStringLiteral("127.0.0.1") : chosen;
}

QStringList MainWindow::lanAddresses() const
{
    QStringList addresses;
    const QList<QHostAddress> all = QNetworkInterface::allAddresses();
    for (const QHostAddress &address : all) {
        if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback())
            addresses.append(address.toString());
    }
    return addresses;
}

// ---------------------------------------------------------------------------------------------
// Host actions

QString MainWindow::selectedMemberId() const
{
    const QModelIndex index = m_roomsView->selectionModel()->currentIndex();
    if (!m_roomsView->selectionModel()->isSelected(index))
        return QString();
    return index.data(RoomsModel::MemberIdRole).toString();
}

QString MainWindow::selectedMemberName() const
{
    const QModelIndex index = m_roomsView->selectionModel()->currentIndex();
    return index.siblingAtColumn(RoomsModel::NameColumn).data().toString();
}

QString MainWindow::selectedRoom() const
{
    const QModelIndex index = m_roomsView->selectionModel()->currentIndex();
    if (!m_roomsView->selectionModel()->isSelected(index))
        return QString();
    return index.data(RoomsModel::RoomNameRole).toString();
}

void MainWindow::askText(const QString &title, const QString &label, const QString &initial,
                         const std::function<void(const QString &)> &accepted)
{
    // open(), not exec(): no nested event loop that the window could be closed under.
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    dialog->setLabelText(label);
    dialog->setTextValue(initial);
    dialog->resize(qMax(dialog->sizeHint().width(), 420), dialog->sizeHint().height());
    connect(dialog, &QInputDialog::textValueSelected, this, accepted);
    dialog->open();
}

void MainWindow::promptKick()
{
    const QString id = selectedMemberId();
    if (id.isEmpty() || !isListening())
        return;
    const QString name = selectedMemberName();
    askText(tr("Kick %1").arg(name),
            tr("Disconnect %1 (%2) with close code 4000.\nReason shown to them:").arg(name, id),
            tr("kicked by the host"),
            [this, id](const QString &reason) { kickMember(id, reason.trimmed()); });
}

void MainWindow::promptCreateRoom()
{
    if (!isListening())
        return;
    askText(tr("Create or Pin a Room"),
            tr("Room name (1-%1 characters). The room stays even when it empties:")
                .arg(Validation::MaxRoomLength),
            selectedRoom(), [this](const QString &text) {
                QString error;
                if (!Validation::isValidRoom(text, &error)) {
                    QMessageBox::warning(this, tr("Create Room"), error);
                    return;
                }
                createRoom(text);
            });
}

void MainWindow::promptSystemMessage()
{
    if (!isListening())
        return;
    QString room = selectedRoom();
    if (room.isEmpty())
        room = QStringLiteral("lobby");
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Post System Message"));
    auto *roomBox = new QComboBox;
    roomBox->setEditable(true);
    roomBox->addItems(m_roomsModel->roomNames());
    roomBox->setEditText(room);
    auto *text = new QLineEdit;
    text->setPlaceholderText(tr("shown as a message from \"host\""));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Post"));
    auto *form = new QGridLayout(dialog);
    form->addWidget(new QLabel(tr("Room:")), 0, 0);
    form->addWidget(roomBox, 0, 1);
    form->addWidget(new QLabel(tr("Message:")), 1, 0);
    form->addWidget(text, 1, 1);
    form->addWidget(buttons, 2, 0, 1, 2);
    form->setColumnMinimumWidth(1, 360);
    auto validate = [roomBox, text, buttons] {
        buttons->button(QDialogButtonBox::Ok)
            ->setEnabled(Validation::isValidRoom(roomBox->currentText())
                         && !text->text().trimmed().isEmpty());
    };
    connect(roomBox, &QComboBox::editTextChanged, dialog, validate);
    connect(text, &QLineEdit::textChanged, dialog, validate);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dialog, [this, dialog, roomBox, text] {
        postSystemMessage(roomBox->currentText(), text->text().trimmed());
        dialog->accept();
    });
    validate();
    text->setFocus();
    dialog->open();
}

void MainWindow::promptOpenSeveral()
{
    if (!isListening())
        return;
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Open Chat Windows"));
    dialog->setLabelText(tr("How many chat windows?"));
    dialog->setInputMode(QInputDialog::IntInput);
    dialog->setIntRange(1, 50);
    dialog->setIntValue(3);
    connect(dialog, &QInputDialog::intValueSelected, this, &MainWindow::openChatWindows);
    dialog->open();
}

void MainWindow::showSettings()
{
    auto *dialog = new SettingsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setConfig(config());
    dialog->setServerRunning(m_state != State::Stopped);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const ServerConfig edited = dialog->config();
        ServerSettings::save(edited);
        // Only what the dialog edits: the command line's record file and TLS stay.
        m_config.maxConnections = edited.maxConnections;
        m_config.maxMessageBytes = edited.maxMessageBytes;
        m_config.rateLimit = edited.rateLimit;
        m_config.history = edited.history;
        // These two apply at once, without a restart.
        if (edited.notificationInterval != m_config.notificationInterval)
            setNotificationInterval(edited.notificationInterval);
        setJoinCode(edited.joinCode);
        m_config.allowedOrigins = edited.allowedOrigins;
        m_config.port = edited.port;
        m_config.bindAddress = edited.bindAddress;
        {
            const QSignalBlocker spinBlocker(m_portSpin);
            m_portSpin->setValue(edited.port);
        }
        SettingsDialog::selectBindAddress(m_bindCombo, edited.bindAddress);
        if (m_state == State::Listening) {
            auto *box = new QMessageBox(
                QMessageBox::Question, tr("Restart the Server?"),
                tr("The new settings apply when the server starts again. Restart it now?\n\n"
                   "Every client is disconnected (close code 1000); chat windows reconnect."),
                QMessageBox::NoButton, this);
            box->setAttribute(Qt::WA_DeleteOnClose);
            QPushButton *restart = box->addButton(tr("Restart Now"), QMessageBox::AcceptRole);
            box->addButton(tr("Later"), QMessageBox::RejectRole);
            connect(restart, &QPushButton::clicked, this, [this] {
                if (!isListening())
                    return;
                stopServer();
                m_restartWhenStopped = true;
            });
            box->open();
        }
    });
    dialog->open();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About wsroom"),
        tr("<h3>wsroom %1</h3>"
           "<p>A WebSocket chat-room server on your own machine, with chat windows that are its "
           "clients.</p>"
           "<p>One port serves WebSocket (the native protocol on <code>/chat</code>, the FastAPI "
           "tutorials' <code>/</code> and <code>/ws/{client_id}</code>) and HTTP (a browser "
           "client, <code>/api/status</code>, <code>/metrics</code>).</p>"
           "<p>Built with Qt %2, running on Qt %3.</p>")
            .arg(RoomManager::version(), QStringLiteral(QT_VERSION_STR),
                 QString::fromLatin1(qVersion())));
}

void MainWindow::showProtocolReference()
{
    const QString base = isListening() ? QStringLiteral("%1:%2").arg(urlHost()).arg(m_listenPort)
                                       : QStringLiteral("HOST:PORT");
    const QString html
        = tr("<h3>wsroom wire protocol, version 1</h3>"
             "<p>One port serves HTTP and WebSocket. Every WebSocket payload is a UTF-8 text frame "
             "holding one JSON value.</p>"
             "<table cellspacing='0' cellpadding='4' border='1' style='border-collapse:collapse'>"
             "<tr><th>path</th><th>dialect</th><th>room on connect</th></tr>"
             "<tr><td><code>ws://%1/chat</code></td><td>native v1</td><td>the <code>room</code> "
             "query parameter</td></tr>"
             "<tr><td><code>ws://%1/</code></td><td>broadcast (first tutorial)</td>"
             "<td>lobby</td></tr>"
             "<tr><td><code>ws://%1/ws/{client_id}</code></td><td>chat (second tutorial)</td>"
             "<td>chat</td></tr>"
             "<tr><td><code>ws://%1/ws/{room}/{client_id}</code></td><td>chat</td>"
             "<td>{room}</td></tr>"
             "<tr><td><code>ws://%1/ws/notifications/{client_id}</code></td>"
             "<td>notifications</td><td>notifications</td></tr>"
             "</table>"
             "<h4>Native requests</h4>"
             "<pre>{\"type\":\"join\",\"room\":\"lobby\"}\n"
             "{\"type\":\"message\",\"room\":\"lobby\",\"text\":\"hello\",\"ref\":1}\n"
             "{\"type\":\"leave\",\"room\":\"lobby\"}\n"
             "{\"type\":\"rename\",\"name\":\"alice\"}\n"
             "{\"type\":\"direct\",\"to\":\"bob\",\"text\":\"hi\"}\n"
             "{\"type\":\"rooms\"}   {\"type\":\"members\",\"room\":\"lobby\"}\n"
             "{\"type\":\"typing\",\"room\":\"lobby\",\"active\":true}\n"
             "{\"type\":\"ping\",\"ts\":1}</pre>"
             "<p>Replies: <code>welcome</code>, <code>joined</code>, <code>left</code>, "
             "<code>message</code>, <code>ack</code>, <code>presence</code>, <code>direct</code>, "
             "<code>renamed</code>, <code>typing</code>, <code>rooms</code>, <code>members</code>, "
             "<code>pong</code>, <code>error</code>.</p>"
             "<h4>Close codes</h4>"
             "<p>1000 server stopping or member closed &middot; 1008 join code, origin or abuse "
             "&middot; 1009 message too big &middot; 1013 server full &middot; 4000 kicked by the "
             "host &middot; 4008 too slow to read.</p>"
             "<h4>HTTP</h4>"
             "<p><code>http://%1/</code> browser client &middot; <code>/api/status</code> JSON "
             "&middot; <code>/metrics</code> Prometheus.</p>"
             "<p>The full reference, with examples, is <code>docs/protocol.md</code> in wsroom's "
             "source.</p>")
              .arg(base.toHtmlEscaped());

    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Protocol Reference"));
    auto *browser = new QTextBrowser;
    browser->setOpenExternalLinks(true);
    browser->setHtml(html);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(browser);
    layout->addWidget(buttons);
    dialog->resize(720, 620);
    dialog->show();
}

void MainWindow::showRoomsContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_roomsView->indexAt(pos);
    if (index.isValid())
        m_roomsView->setCurrentIndex(index);
    else
        m_roomsView->clearSelection();
    updateActions();

    QMenu menu(this);
    const QString memberId = index.data(RoomsModel::MemberIdRole).toString();
    const QString room = index.data(RoomsModel::RoomNameRole).toString();
    if (!memberId.isEmpty()) {
        menu.addAction(m_kickAction);
        const QString name = index.siblingAtColumn(RoomsModel::NameColumn).data().toString();
        menu.addAction(tr("Show %1's Activity").arg(name), this,
                       [this, name] { m_memberFilter->setText(name); });
        QAction *inspect = menu.addAction(tr("Inspect %1's Frames…").arg(name), this,
                                          [this, memberId] { openFrameInspector(memberId); });
        inspect->setObjectName(QStringLiteral("actionInspectMember"));
        menu.addSeparator();
    }
    if (!room.isEmpty()) {
        menu.addAction(m_systemMessageAction);
        menu.addAction(tr("Show Activity in %1").arg(room), this,
                       [this, room] { m_roomFilter->setEditText(room); });
        menu.addSeparator();
    }
    menu.addAction(m_createRoomAction);
    menu.addAction(m_notifyAction);
    menu.addSeparator();
    menu.addAction(m_newChatAction);
    menu.exec(m_roomsView->viewport()->mapToGlobal(pos));
}
