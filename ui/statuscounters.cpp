#include "statuscounters.h"

#include "console/serversession.h"
#include "storeindicator.h"

#include <QLabel>
#include <QLocale>
#include <QStatusBar>

StatusCounters::StatusCounters(ServerSession *session, QStatusBar *bar)
    : QObject(bar)
    , m_session(session)
{
    auto label = [bar](const char *name, const QString &tip) {
        auto *l = new QLabel;
        l->setObjectName(QString::fromLatin1(name));
        l->setToolTip(tip);
        l->setContentsMargins(6, 0, 6, 0);
        bar->addPermanentWidget(l);
        return l;
    };
    m_connectionsLabel = label("connectionsLabel", tr("Open WebSocket connections"));
    m_roomsLabel = label("roomsLabel", tr("Rooms on the server"));
    m_inRateLabel = label("inRateLabel", tr("Frames received from clients per second"));
    m_outRateLabel = label("outRateLabel", tr("Room messages delivered to clients per second"));
    m_storeIndicator = new StoreIndicator(session);
    bar->addPermanentWidget(m_storeIndicator);
    m_lockoutLabel = new QLabel;
    m_lockoutLabel->setObjectName(QStringLiteral("lockoutLabel"));
    m_lockoutLabel->setToolTip(tr("Addresses that gave 5 wrong join codes within a minute are "
                                  "refused for a minute; the activity log names them"));
    m_lockoutLabel->setContentsMargins(6, 0, 6, 0);
    m_lockoutLabel->setVisible(false);
    bar->insertPermanentWidget(0, m_lockoutLabel);
    connect(session, &ServerSession::ratesChanged, this, &StatusCounters::refresh);
    refresh();
}

void StatusCounters::refresh()
{
    const ServerStats stats = m_session->stats();
    const QLocale locale;
    auto rate = [&locale](double value) {
        return locale.toString(value, 'f', value < 10 ? 1 : 0);
    };
    m_connectionsLabel->setText(tr("Connections: %1").arg(locale.toString(stats.connections)));
    m_roomsLabel->setText(tr("Rooms: %1").arg(locale.toString(stats.rooms)));
    m_inRateLabel->setText(tr("In: %1 msg/s").arg(rate(m_session->messagesInPerSecond())));
    m_outRateLabel->setText(tr("Out: %1 deliveries/s").arg(rate(m_session->deliveriesPerSecond())));
    // While someone is guessing the join code, the host is told in the status bar and the
    // share panel (the activity log names the addresses).
    const int locked
        = m_session->state() == ServerSession::State::Stopped ? 0 : stats.lockedOutAddresses;
    m_lockoutLabel->setText(locked == 1
                                ? tr("⚠ 1 address locked out: wrong join codes")
                                : tr("⚠ %1 addresses locked out: wrong join codes").arg(locked));
    m_lockoutLabel->setVisible(locked > 0);
    emit lockedOutChanged(locked);
}
