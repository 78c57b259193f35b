#pragma once

#include <QCoreApplication>
#include <QIcon>

class QAction;
class QMenuBar;
class QObject;
class QToolBar;

// The main window's actions, made in one place with their names, icons, shortcuts and tool tips:
// the menus, the toolbar, the server panel's buttons and the rooms tree's context menu share
// them. The window connects them and keeps their enabled state.
struct HostActions
{
    Q_DECLARE_TR_FUNCTIONS(HostActions)

public:
    QAction *startStop = nullptr;
    QAction *settings = nullptr;
    QAction *quit = nullptr;
    QAction *exportSession = nullptr;
    QAction *exportWithoutSimulated = nullptr; // the same, leaving out the simulated clients
    QAction *newChat = nullptr;
    QAction *openSeveral = nullptr;
    QAction *closeChats = nullptr;
    QAction *newWebSocketClient = nullptr;
    QAction *tileWindows = nullptr;
    QAction *addSimulated = nullptr;
    QAction *removeSimulated = nullptr;
    QAction *createRoom = nullptr;
    QAction *kick = nullptr;
    QAction *ban = nullptr;
    QAction *mute = nullptr; // checkable: the selected member is muted
    QAction *lockRoom = nullptr; // checkable: the selected room is locked
    QAction *clearRoom = nullptr;
    QAction *liftBans = nullptr;
    QAction *roomHistory = nullptr;
    QAction *notify = nullptr;
    QAction *systemMessage = nullptr;
    QAction *openBrowser = nullptr;
    QAction *inspector = nullptr;
    QAction *about = nullptr;
    QAction *protocol = nullptr;
    QAction *share = nullptr;
    QAction *presenter = nullptr;
    QAction *askBeforeDisconnecting = nullptr; // checked: Stop, Quit and Close ask first

    // Makes every action as a child of parent; connects none.
    static HostActions create(QObject *parent);
    // The Start (stopped true) or Stop icon, drawn light on a dark palette (followPalette).
    static QIcon startStopIcon(bool stopped);
    // Adds the File, Server, Clients, View (with liveChart, a dock's toggle), Windows and Help
    // menus.
    void fillMenuBar(QMenuBar *bar, QAction *liveChart) const;
    // Adds the host's actions to bar, Settings at its far end.
    void fillToolBar(QToolBar *bar) const;
};
