#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QWidget;
class ChatWindow;
class ServerSession;
class WebSocketClientWindow;

// The main window's WebSocket client windows: opens them (each in the lowest settings slot no
// open window holds, so that it gets back that slot's URL and geometry, else cascaded beside the
// main window), closes them when the main window closes, and tiles them with the chat windows
// (Windows › Tile Windows).
class ClientWindows final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientWindows)

public:
    // Windows offering session's endpoints, placed beside mainWindow (whose close closes them).
    ClientWindows(ServerSession *session, QWidget *mainWindow);
    // Deletes the windows still open.
    ~ClientWindows() override;

    // Opens a client window (even when the server does not listen: it reaches any server),
    // top-level, deleted when closed. Returns it.
    WebSocketClientWindow *open();
    // The windows still open, oldest first.
    QList<WebSocketClientWindow *> windows() const;
    // Closes every window (each saves its URL and geometry).
    void closeAll();
    // Tiles the visible chatWindows, then the visible client windows, oldest first, over the
    // main window's screen.
    void tile(const QList<ChatWindow *> &chatWindows);

    // The host's endpoints a new window offers: /echo, /chat, /, /ws/<an id>; empty when the
    // server does not listen.
    QStringList offeredUrls() const;

private:
    ServerSession *m_session;
    QWidget *m_mainWindow;
    QList<QPointer<WebSocketClientWindow>> m_windows;
    int m_cascade = 0;
};
