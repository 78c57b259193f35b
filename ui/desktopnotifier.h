#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QSystemTrayIcon;
class QWidget;

// Shows a chat notification on the desktop (HOW; MentionNotifier decides WHEN): a tray balloon
// through QSystemTrayIcon::showMessage where the desktop has a tray (on freedesktop desktops it
// goes to the notification service), the window's taskbar entry flashing
// (QApplication::alert) otherwise, and a beep when the sound setting is on.
class DesktopNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopNotifier)

public:
    // Notifies on behalf of window (not owned; its taskbar entry is the fallback).
    explicit DesktopNotifier(QWidget *window, QObject *parent = nullptr);
    ~DesktopNotifier() override;

    // Shows title and body; beeps when sound is true. Emits shown().
    void notify(const QString &title, const QString &body, bool sound);

signals:
    // A notification went out: by the tray (true) or as a taskbar alert (false).
    void shown(const QString &title, bool byTray);

private:
    // The application's one tray icon, made when first asked for; nullptr without a tray.
    static QSystemTrayIcon *sharedTray();

    QPointer<QWidget> m_window;
};
