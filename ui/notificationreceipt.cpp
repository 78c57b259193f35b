#include "notificationreceipt.h"

#include "console/serversession.h"

#include <QStatusBar>

NotificationReceipt::NotificationReceipt(ServerSession *session, QStatusBar *bar)
    : QObject(bar)
    , m_bar(bar)
{
    setObjectName(QStringLiteral("notificationReceipt"));
    connect(session, &ServerSession::eventsApplied, this, &NotificationReceipt::onEvents);
    // A stop drops what the server never answered.
    connect(session, &ServerSession::stopped, this, [this] { m_expected.clear(); });
}

NotificationReceipt::~NotificationReceipt() = default;

NotificationReceipt *NotificationReceipt::of(ServerSession *session, QStatusBar *bar)
{
    auto *receipt = bar->findChild<NotificationReceipt *>(QStringLiteral("notificationReceipt"),
                                                          Qt::FindDirectChildrenOnly);
    return receipt ? receipt : new NotificationReceipt(session, bar);
}

void NotificationReceipt::expect(const QString &text)
{
    m_expected.append(text);
}

QString NotificationReceipt::text(int recipients)
{
    if (recipients < 0)
        return tr("Notification sent");
    if (recipients == 0)
        return tr("Nobody received the notification: no member listens for notifications");
    // Two source texts, so that English reads right without a translation loaded.
    return recipients == 1 ? tr("Notification sent to %n member", nullptr, recipients)
                           : tr("Notification sent to %n members", nullptr, recipients);
}

void NotificationReceipt::onEvents(const ServerEventList &events)
{
    for (const ServerEvent &event : events) {
        const auto *notification = event.as<ServerEvent::Notification>();
        if (!notification || !m_expected.removeOne(notification->text))
            continue;
        const QString message = text(notification->recipients);
        m_bar->showMessage(message, 5000);
        emit report(message);
    }
}
