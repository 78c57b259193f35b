#include "clientwindows.h"

#include "chatwindow.h"
#include "console/serversession.h"
#include "websocketclientwindow.h"
#include "windowcascade_p.h"

#include <QRandomGenerator>
#include <QScreen>
#include <QWidget>

#include <algorithm>

ClientWindows::ClientWindows(ServerSession *session, QWidget *mainWindow)
    : QObject(mainWindow)
    , m_session(session)
    , m_mainWindow(mainWindow)
{ }

ClientWindows::~ClientWindows()
{
    // Top-level, so nothing else deletes them.
    for (const QPointer<WebSocketClientWindow> &window : std::as_const(m_windows))
        delete window.data();
}

QStringList ClientWindows::offeredUrls() const
{
    const QStringList urls = m_session->clientUrls();
    if (urls.size() < ServerSession::UrlKindCount)
        return {};
    QString tutorial = urls.at(ServerSession::TutorialChatUrl);
    // The tutorial's clients pick a number for their id, as its page does.
    tutorial.replace(QLatin1String("{client_id}"),
                     QString::number(QRandomGenerator::global()->bounded(1000, 10000)));
    return {urls.at(ServerSession::EchoUrl), urls.at(ServerSession::NativeUrl),
            urls.at(ServerSession::BroadcastUrl), tutorial};
}

WebSocketClientWindow *ClientWindows::open()
{
    m_windows.removeAll(QPointer<WebSocketClientWindow>()); // those closed since
    if (m_windows.isEmpty())
        m_cascade = 0;
    // The lowest slot free, so that reopening brings back the windows that were.
    const QList<WebSocketClientWindow *> open = windows();
    int slot = 0;
    while (std::any_of(open.begin(), open.end(),
                       [slot](const WebSocketClientWindow *w) { return w->slot() == slot; }))
        ++slot;
    auto *window = new WebSocketClientWindow(offeredUrls(), slot, nullptr);
    window->setAttribute(Qt::WA_DeleteOnClose);
    m_windows.append(window);
    if (window->restoredGeometry()) {
        moveOntoScreen(window); // saved on a screen that may be gone
    } else {
        const QScreen *screen = m_mainWindow->screen();
        const QRect available = screen ? screen->availableGeometry() : QRect(0, 0, 1920, 1080);
        const QSize size = window->size().boundedTo(available.size());
        window->resize(size);
        window->move(
            windowCascadePosition(m_mainWindow->frameGeometry(), size, available, m_cascade++));
    }
    window->show();
    return window;
}

QList<WebSocketClientWindow *> ClientWindows::windows() const
{
    QList<WebSocketClientWindow *> windows;
    for (const QPointer<WebSocketClientWindow> &window : m_windows) {
        if (window)
            windows.append(window.data());
    }
    return windows;
}

void ClientWindows::closeAll()
{
    for (WebSocketClientWindow *window : windows())
        window->close();
}

void ClientWindows::tile(const QList<ChatWindow *> &chatWindows)
{
    QList<QWidget *> tiled;
    for (ChatWindow *window : chatWindows) {
        if (window->isVisible())
            tiled.append(window);
    }
    for (WebSocketClientWindow *window : windows()) {
        if (window->isVisible())
            tiled.append(window);
    }
    const QScreen *screen = m_mainWindow->screen();
    const QRect available = screen ? screen->availableGeometry() : QRect(0, 0, 1920, 1080);
    const QList<QRect> rects = windowTileRects(int(tiled.size()), available);
    for (int i = 0; i < tiled.size(); ++i) {
        QWidget *window = tiled.at(i);
        // The rects are frames; the window's own size excludes its title bar and borders.
        const QSize frame = window->frameGeometry().size() - window->size();
        window->move(rects.at(i).topLeft());
        window->resize(rects.at(i).size() - frame);
        window->raise();
    }
}
