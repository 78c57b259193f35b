#include "chatwindows.h"

#include "chatwindow.h"
#include "client/chatclient.h"
#include "console/serversession.h"
#include "windowcascade_p.h"

#include <QScreen>
#include <QSslCertificate>

ChatWindows::ChatWindows(ServerSession *session, QWidget *mainWindow)
    : QObject(mainWindow)
    , m_session(session)
    , m_mainWindow(mainWindow)
{ }

ChatWindows::~ChatWindows()
{
    // Top-level, so nothing else deletes them.
    for (const QPointer<ChatWindow> &window : std::as_const(m_windows))
        delete window.data();
}

QSize ChatWindows::defaultSize()
{
    return {560, 520};
}

ChatWindow *ChatWindows::open()
{
    if (!m_session->isListening())
        return nullptr;
    m_windows.removeAll(QPointer<ChatWindow>()); // those closed since
    if (m_windows.isEmpty())
        m_cascade = 0; // a fresh cascade once the last ones were closed
    auto *window = new ChatWindow(m_session->chatUrl(), nullptr);
    // Our own server's certificate is trusted as it is, self-signed or not (it is pinned).
    const ServerConfig config = m_session->config();
    if (config.tls())
        window->client()->setTrustedCertificates(QSslCertificate::fromPath(config.tlsCertFile));
    window->setAttribute(Qt::WA_DeleteOnClose);
    // Queued: while destroyed() is emitted the window is half gone and its QPointer not yet null.
    connect(window, &QObject::destroyed, this, &ChatWindows::changed, Qt::QueuedConnection);
    m_windows.append(window);
    window->show();
    place(window); // once shown: its frame (title bar, borders) is known where the system says

    emit changed();
    return window;
}

QList<ChatWindow *> ChatWindows::windows() const
{
    QList<ChatWindow *> windows;
    for (const QPointer<ChatWindow> &window : m_windows) {
        if (window)
            windows.append(window.data());
    }
    return windows;
}

void ChatWindows::closeAll()
{
    for (ChatWindow *window : windows())
        window->close();
}

void ChatWindows::updateUrls()
{
    if (!m_session->isListening())
        return;
    const QUrl url = m_session->chatUrl();
    for (ChatWindow *window : windows())
        window->setServerUrl(url);
}

void ChatWindows::place(ChatWindow *window)
{
    // Cascade beside the main window when the screen has room, so that new windows neither hide
    // the host's view nor each other.
    const QScreen *screen = m_mainWindow->screen();
    const QRect available = screen ? screen->availableGeometry() : QRect(0, 0, 1920, 1080);
    const QSize frame = window->frameGeometry().size() - window->size();
    const QSize size
        = defaultSize().expandedTo(window->minimumSizeHint()).boundedTo(available.size() - frame);
    window->resize(size);
    window->move(
        windowCascadePosition(m_mainWindow->frameGeometry(), size + frame, available, m_cascade++));
}
