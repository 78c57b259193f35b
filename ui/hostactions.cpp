#include "hostactions.h"

#include "applanguage.h"
#include "disconnectguard.h"
#include "themeicon_p.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>

#include <utility>

namespace {

// A new action called name (its object name, for tests and saved state), child of parent.
QAction *newAction(QObject *parent, const char *name, const QString &text,
                   const QIcon &icon = QIcon(), const QString &toolTip = QString())
{
    auto *action = new QAction(icon, text, parent);
    action->setObjectName(QString::fromLatin1(name));
    if (!toolTip.isEmpty())
        action->setToolTip(toolTip);
    return action;
}

// View › Language: the system's language or one of the translated ones, saved for the next
// start (the window keeps its words until then), in a submenu of menu.
void addLanguageMenu(QMenu *menu)
{
    QMenu *language = menu->addMenu(HostActions::tr("Lan&guage"));
    language->setObjectName(QStringLiteral("languageMenu"));
    QAction *note = language->addAction(HostActions::tr("Applies at the next start"));
    note->setEnabled(false);
    language->addSeparator();
    auto *group = new QActionGroup(language);
    const QString saved = AppLanguage::saved();
    for (const QString &code : AppLanguage::choices()) {
        QString text;
        if (code.isEmpty())
            text = HostActions::tr("&System Language");
        else if (code == QLatin1String("en"))
            text = QStringLiteral("&English");
        else if (code == QLatin1String("de"))
            text = QStringLiteral("&Deutsch");
        else
            text = QStringLiteral("Es&pañol");
        QAction *action = language->addAction(text);
        action->setObjectName(QStringLiteral("language_")
                              + (code.isEmpty() ? QStringLiteral("system") : code));
        action->setCheckable(true);
        action->setChecked(code == saved);
        group->addAction(action);
        QObject::connect(action, &QAction::triggered, language,
                         [code] { AppLanguage::save(code); });
    }
}

} // namespace

HostActions HostActions::create(QObject *parent)
{
    HostActions a;
    a.startStop = newAction(parent, "actionStartStop", QString());
    a.startStop->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));

    a.settings = newAction(parent, "actionSettings", tr("Se&ttings…"),
                           themeIcon("preferences-system", QStyle::SP_FileDialogDetailedView),
                           tr("Port, who can connect, limits, join code"));
    a.settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));

    a.quit = newAction(parent, "actionQuit", tr("&Quit"),
                       themeIcon("application-exit", QStyle::SP_DialogCloseButton));
    a.quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    a.quit->setMenuRole(QAction::QuitRole);

    a.exportSession = newAction(parent, "actionExportSession", tr("&Export Session…"),
                                themeIcon("document-save-as", QStyle::SP_DialogSaveButton),
                                tr("Save every message, join, leave and rename so far "
                                   "as JSON Lines and an HTML transcript"));
    a.exportSession->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));

    a.exportWithoutSimulated = newAction(
        parent, "actionExportWithoutSimulated", tr("Export Session &Without Simulated Clients…"),
        QIcon(),
        tr("The same export, leaving out the simulated clients' joins, leaves and messages"));

    a.newChat = newAction(parent, "actionNewChat", tr("&New Chat Window"),
                          themeIcon("window-new", QStyle::SP_FileIcon),
                          tr("Open a chat window connected to this server (Ctrl+N)"));
    a.newChat->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));

    a.openSeveral = newAction(parent, "actionOpenSeveral", tr("Open Se&veral…"));
    a.closeChats = newAction(parent, "actionCloseChats", tr("&Close All Chat Windows"));
    a.newWebSocketClient
        = newAction(parent, "actionNewWebSocketClient", tr("New &WebSocket Client…"),
                    themeIcon("network-connect", QStyle::SP_DriveNetIcon),
                    tr("A client for any ws:// or wss:// server that shows every frame "
                       "(Ctrl+Shift+O)"));
    a.newWebSocketClient->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    a.tileWindows = newAction(parent, "actionTileWindows", tr("&Tile Chat Windows"), QIcon(),
                              tr("Tile the chat windows and the WebSocket client windows over "
                                 "the screen (Ctrl+Shift+T)"));
    a.tileWindows->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    a.tileWindows->setShortcutContext(Qt::ApplicationShortcut); // from a chat window too

    a.addSimulated
        = newAction(parent, "actionAddSimulated", tr("Add &Simulated Clients…"), QIcon(),
                    tr("Chatters, visitors or slow readers, for demos of load (Ctrl+Shift+N)"));
    a.addSimulated->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    a.removeSimulated = newAction(parent, "actionRemoveSimulated", tr("&Remove Simulated Clients"));
    a.removeSimulated->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X));

    a.createRoom = newAction(parent, "actionCreateRoom", tr("Create/Pin &Room…"),
                             themeIcon("folder-new", QStyle::SP_FileDialogNewFolder),
                             tr("Create a room, or keep an existing one when it empties"));

    a.systemMessage = newAction(parent, "actionSystemMessage", tr("&Post System Message…"),
                                themeIcon("mail-send", QStyle::SP_CommandLink),
                                tr("Post a message from \"host\" to a room"));

    a.notify = newAction(parent, "actionNotify", tr("&Notifications…"),
                         themeIcon("dialog-information", QStyle::SP_MessageBoxInformation),
                         tr("Send a notification now to every notifications-dialect "
                            "client; set how often they get reminders"));

    a.share = newAction(parent, "actionShare", tr("Share on &Local Network"),
                        themeIcon("network-wireless", QStyle::SP_DriveNetIcon),
                        tr("Let devices on this network join: listen on 0.0.0.0 and "
                           "show the addresses, a QR code and the join code (Ctrl+L)"));
    a.share->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));

    a.presenter = newAction(parent, "actionPresenter", tr("&Presenter View"),
                            themeIcon("view-fullscreen", QStyle::SP_TitleBarMaxButton),
                            tr("Full screen for the projector: where to join and the "
                               "live room in large type (F11; Esc leaves)"));
    a.presenter->setCheckable(true);
    a.presenter->setShortcuts(
        {QKeySequence(Qt::Key_F11), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)});

    a.askBeforeDisconnecting = newAction(
        parent, "actionAskBeforeDisconnecting", tr("&Ask Before Disconnecting Members"), QIcon(),
        tr("Stop, Quit and closing the window ask first while members are connected"));
    a.askBeforeDisconnecting->setCheckable(true);
    a.askBeforeDisconnecting->setChecked(DisconnectGuard::asks());

    a.kick = newAction(parent, "actionKick", tr("&Kick Member…"),
                       themeIcon("list-remove-user", QStyle::SP_BrowserStop),
                       tr("Disconnect the selected member (close code 4000)"));

    a.ban = newAction(parent, "actionBan", tr("&Ban Member…"),
                      themeIcon("list-remove-user", QStyle::SP_BrowserStop),
                      tr("Disconnect the selected member and refuse its name and address for "
                         "the rest of the session"));
    a.mute = newAction(parent, "actionMute", tr("&Mute Member"), QIcon(),
                       tr("The selected member's messages are refused until you unmute it "
                          "(Ctrl+M)"));
    a.mute->setCheckable(true);
    a.mute->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    a.lockRoom = newAction(parent, "actionLockRoom", tr("&Lock Room"), QIcon(),
                           tr("Only the host posts in the selected room until it is unlocked"));
    a.lockRoom->setCheckable(true);
    a.clearRoom = newAction(parent, "actionClearRoom", tr("&Clear Room History…"), QIcon(),
                            tr("Delete the selected room's messages, in memory and in the store"));
    a.liftBans = newAction(parent, "actionLiftBans", tr("Li&ft All Bans"), QIcon(),
                           tr("Let every banned name and address in again"));

    a.roomHistory = newAction(parent, "actionRoomHistory", tr("Room &History…"),
                              themeIcon("edit-clear-history", QStyle::SP_FileDialogInfoView),
                              tr("Clear or export a room's messages, including rooms that are "
                                 "only in the store"));

    a.openBrowser = newAction(parent, "actionOpenBrowser", tr("Open in &Browser"),
                              themeIcon("internet-web-browser", QStyle::SP_DriveNetIcon),
                              tr("Open the browser chat client served on this port"));

    a.inspector
        = newAction(parent, "actionFrameInspector", tr("&Frame Inspector…"),
                    themeIcon("system-search", QStyle::SP_FileDialogContentsView),
                    tr("See a member's handshake and every WebSocket frame it sends and receives"));
    a.inspector->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));

    a.about = newAction(parent, "actionAbout", tr("&About wsroom"));
    a.about->setMenuRole(QAction::AboutRole);

    a.protocol = newAction(parent, "actionProtocol", tr("&Protocol Reference"),
                           themeIcon("help-contents", QStyle::SP_DialogHelpButton));
    a.protocol->setShortcut(QKeySequence::HelpContents);
    return a;
}

void HostActions::fillMenuBar(QMenuBar *bar, QAction *liveChart) const
{
    QMenu *file = bar->addMenu(tr("&File"));
    file->addAction(exportSession);
    file->addAction(exportWithoutSimulated);
    file->addSeparator();
    file->addAction(quit);

    QMenu *server = bar->addMenu(tr("&Server"));
    server->addAction(startStop);
    server->addAction(share);
    server->addAction(openBrowser);
    server->addSeparator();
    server->addAction(createRoom);
    server->addAction(systemMessage);
    server->addAction(notify);
    server->addAction(roomHistory);
    QMenu *moderation = server->addMenu(tr("&Moderation"));
    moderation->setObjectName(QStringLiteral("moderationMenu"));
    moderation->addAction(kick);
    moderation->addAction(ban);
    moderation->addAction(mute);
    moderation->addSeparator();
    moderation->addAction(lockRoom);
    moderation->addAction(clearRoom);
    moderation->addSeparator();
    moderation->addAction(liftBans);
    server->addSeparator();
    server->addAction(inspector);
    server->addSeparator();
    server->addAction(askBeforeDisconnecting);
    server->addAction(settings);

    QMenu *clients = bar->addMenu(tr("&Clients"));
    clients->addAction(newChat);
    clients->addAction(openSeveral);
    clients->addAction(newWebSocketClient);
    clients->addSeparator();
    clients->addAction(closeChats);
    clients->addSeparator();
    clients->addAction(addSimulated);
    clients->addAction(removeSimulated);

    QMenu *view = bar->addMenu(tr("&View"));
    view->addAction(presenter);
    view->addAction(liveChart);
    view->addSeparator();
    addLanguageMenu(view);

    QMenu *windows = bar->addMenu(tr("&Windows"));
    windows->addAction(tileWindows);

    QMenu *help = bar->addMenu(tr("&Help"));
    help->addAction(protocol);
    help->addSeparator();
    help->addAction(about);
}

void HostActions::fillToolBar(QToolBar *bar) const
{
    // Short words beside the icons, so that the whole bar fits a 1024-pixel-wide window (the
    // menus keep the long names; tst_mainwindowfit checks there is no overflow button).
    const std::pair<QAction *, QString> words[] = {
        {share, tr("Share")},         {presenter, tr("Presenter")}, {newChat, tr("New Chat")},
        {openBrowser, tr("Browser")}, {createRoom, tr("Room…")},    {systemMessage, tr("Post…")},
        {kick, tr("Kick…")},          {settings, tr("Settings")},
    };
    for (const auto &[action, text] : words)
        action->setIconText(text);
    bar->addAction(startStop);
    bar->addAction(share);
    bar->addAction(presenter);
    bar->addSeparator();
    bar->addAction(newChat);
    bar->addAction(openBrowser);
    bar->addSeparator();
    bar->addAction(createRoom);
    bar->addAction(systemMessage);
    bar->addAction(kick); // Notifications… is in the Server menu: the bar fits 960 (scale 2)
    auto *spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addAction(settings);
}

QIcon HostActions::startStopIcon(bool stopped)
{
    return followPalette(
        QApplication::style()->standardIcon(stopped ? QStyle::SP_MediaPlay : QStyle::SP_MediaStop),
        QApplication::palette());
}
