#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QWidget;
class ChatWindow;
class ServerSession;

// The main window's chat windows, clients of its own server: opens them with the server's chat
// URL (its current join code included), cascades them beside the main window and on screen,
// hands them the current URL whenever the join code or the address changes (so that a window
// kicked or cut off by a restart gets back in), and closes and deletes them.
class ChatWindows final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatWindows)

public:
    // Windows of session's server, placed beside mainWindow (which parents this object).
    ChatWindows(ServerSession *session, QWidget *mainWindow);
    // Deletes the windows still open (they say goodbye while the server still listens).
    ~ChatWindows() override;

    // Opens a chat window on the server's chat URL, top-level, deleted when closed; nullptr when
    // the server does not listen. Emits changed().
    ChatWindow *open();
    // The windows still open, oldest first.
    QList<ChatWindow *> windows() const;
    // True while at least one window is open.
    bool isEmpty() const { return windows().isEmpty(); }
    // Closes every window.
    void closeAll();
    // Gives every open window that is still on this server the current chat URL (join code)
    // for its next connection; connected windows stay connected.
    void updateUrls();

    // The default size of a chat window (a frame of it leaves room for the main window's panes).
    static QSize defaultSize();

signals:
    // A window opened or closed (queued after its deletion).
    void changed();

private:
    // Sizes a new window and cascades it beside the main window, wholly on its screen.
    void place(ChatWindow *window);

    ServerSession *m_session;
    QWidget *m_mainWindow;
    QList<QPointer<ChatWindow>> m_windows;
    int m_cascade = 0;
};
