#include "desktopnotifier.h"

#include <QApplication>
#include <QPointer>
#include <QSystemTrayIcon>
#include <QWidget>

QSystemTrayIcon *DesktopNotifier::sharedTray()
{
    // One icon for every chat window, made on the first notification, gone with the app.
    static QPointer<QSystemTrayIcon> tray;
    if (!tray && QSystemTrayIcon::isSystemTrayAvailable()) {
        tray = new QSystemTrayIcon(QApplication::windowIcon(), QCoreApplication::instance());
        tray->setToolTip(tr("wsroom chat"));
        tray->show();
    }
    return tray;
}

DesktopNotifier::DesktopNotifier(QWidget *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{ }

DesktopNotifier::~DesktopNotifier() = default;

void DesktopNotifier::notify(const QString &title, const QString &body, bool sound)
{
    if (sound)
        QApplication::beep();
    QSystemTrayIcon *tray = sharedTray();
    const bool byTray = tray && QSystemTrayIcon::supportsMessages();
    if (byTray)
        tray->showMessage(title, body.left(300), QSystemTrayIcon::Information);
    else if (m_window)
        QApplication::alert(m_window);
    emit shown(title, byTray);
}
