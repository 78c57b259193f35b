#include "desktopnotifier.h"

#include <QApplication>
#include <QSystemTrayIcon>
#include <QWidget>

DesktopNotifier::DesktopNotifier(QWidget *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{ }

DesktopNotifier::~DesktopNotifier() = default;

void DesktopNotifier::notify(const QString &title, const QString &body, bool sound)
{
    if (sound)
        QApplication::beep();
    if (!m_tray && QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        m_tray->setToolTip(tr("wsroom chat"));
        m_tray->show();
    }
    const bool byTray = m_tray && QSystemTrayIcon::supportsMessages();
    if (byTray)
        m_tray->showMessage(title, body.left(300), QSystemTrayIcon::Information);
    else if (m_window)
        QApplication::alert(m_window);
    emit shown(title, byTray);
}
