#pragma once

#include "server/serverevent.h"

#include <QObject>
#include <QStringList>

class QStatusBar;
class ServerSession;

// Says in the status bar how many received a notification the host sent: it waits for the
// server's Notification event of that text (with ServerEvent::Notification::recipients). One
// per status bar, found or made by of().
class NotificationReceipt final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationReceipt)

public:
    // Follows session's events, shows its words in bar (which owns it).
    NotificationReceipt(ServerSession *session, QStatusBar *bar);
    ~NotificationReceipt() override;

    // bar's receipt for session, made on first use.
    static NotificationReceipt *of(ServerSession *session, QStatusBar *bar);
    // A notification of this text was handed to the server: report() follows its event.
    void expect(const QString &text);
    // The words for a notification that reached recipients members (-1: not counted).
    static QString text(int recipients);

signals:
    // The notification expected was sent: the words shown in the status bar (text()).
    void report(const QString &message);

private:
    // Reports the notifications among events that were expected.
    void onEvents(const ServerEventList &events);

    QStatusBar *m_bar = nullptr;
    QStringList m_expected; // texts sent and not yet seen, oldest first
};
