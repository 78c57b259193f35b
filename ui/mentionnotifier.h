#pragma once

#include "client/chatlogmodel.h"

#include <QObject>
#include <QString>

// Decides WHEN a chat window notifies the desktop: a direct message to the reader, or a room
// message that @mentions the reader's name, arriving live (not history) from someone else while
// the window is not the active one; once per message. How it is shown is DesktopNotifier's.
class MentionNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MentionNotifier)

public:
    // A notifier that has notified nothing yet.
    explicit MentionNotifier(QObject *parent = nullptr);
    ~MentionNotifier() override;

    // True when entry calls for a notification for a reader called selfName whose window is
    // active or not: never for the reader's own lines, history, notices, or an active window.
    static bool wants(const ChatLogEntry &entry, const QString &selfName, bool windowActive);
    // Emits notificationWanted() when wants() and this message (by its seq) was not notified
    // before; returns whether it did.
    bool consider(const QString &room, const ChatLogEntry &entry, const QString &selfName,
                  bool windowActive);

signals:
    // A notification to show: its title ("alice in lobby") and body (the message's text).
    void notificationWanted(const QString &title, const QString &body);

private:
    qint64 m_lastSeq = -1; // the newest entry notified: each entry has a greater seq
};
