// The main window's sharing: the share panel, the join code and the presenter view, all showing
// where and how to join. The rest of MainWindow is in mainwindow.cpp and mainwindowprompts.cpp.
#include "mainwindow.h"

#include "chatwindows.h"
#include "console/serversession.h"
#include "presenterview.h"
#include "serverpanel.h"
#include "sharepanel.h"

#include <QAction>
#include <QScreen>
#include <QStatusBar>

void MainWindow::shareOnLocalNetwork()
{
    m_shareHidden = false;
    const ServerSession::State state = m_session->state();
    if (state == ServerSession::State::Stopped) {
        m_serverPanel->selectBindAddress(QHostAddress(QHostAddress::AnyIPv4));
        startServer();
    } else if (state == ServerSession::State::Listening) {
        if (m_session->isShared())
            updateSharePanel();
        else
            m_session->rebind(QHostAddress(QHostAddress::AnyIPv4));
    }
}

void MainWindow::shareOnThisComputerOnly()
{
    if (isListening() && m_session->listeningHost() != QLatin1String("127.0.0.1"))
        m_session->rebind(QHostAddress(QHostAddress::LocalHost));
    else if (m_session->state() == ServerSession::State::Stopped)
        m_serverPanel->selectBindAddress(QHostAddress(QHostAddress::LocalHost));
}

void MainWindow::setJoinCode(const QString &code)
{
    if (!m_session->setJoinCode(code))
        return;
    m_serverPanel->refresh();
    updateSharePanel();
    m_chatWindows->updateUrls(); // a window kicked or cut off later gets back in with the code
    statusBar()->showMessage(
        code.isEmpty() ? tr("No join code: anyone who can reach the server joins")
                       : tr("Join code %1: connections without it are closed (1008)").arg(code),
        5000);
}

void MainWindow::setPresenterViewShown(bool shown)
{
    if (!shown) {
        if (m_presenterView)
            m_presenterView->close();
        return;
    }
    if (!m_presenterView) {
        m_presenterView = new PresenterView(m_session, this);
        m_presenterView->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_presenterView, &PresenterView::closed, this, [this] {
            const QSignalBlocker blocker(m_actions.presenter);
            m_actions.presenter->setChecked(false);
        });
        updatePresenterView();
    }
    {
        const QSignalBlocker blocker(m_actions.presenter);
        m_actions.presenter->setChecked(true);
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

void MainWindow::updateSharePanel()
{
    if (!m_sharePanel)
        return; // still building the window
    const ServerConfig config = m_session->config();
    if (isListening()) {
        m_sharePanel->setAddresses(m_session->shareAddresses());
        m_sharePanel->setPort(m_session->listeningPort());
        m_sharePanel->setSecure(config.tls());
    }
    m_sharePanel->setJoinCode(config.joinCode);
    m_sharePanel->setVisible(m_session->isShared() && !m_shareHidden);
    updatePresenterView();
}

void MainWindow::updatePresenterView()
{
    if (!m_presenterView)
        return;
    if (isListening())
        m_presenterView->setShareInfo(m_sharePanel->selectedUrl(), m_sharePanel->qrUrl(),
                                      m_session->config().joinCode);
    else
        m_presenterView->setShareInfo(QString(), QString(), QString());
}

PresenterView *MainWindow::presenterView() const
{
    return m_presenterView.data();
}
