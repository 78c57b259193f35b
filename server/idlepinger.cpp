#include "idlepinger_p.h"

#include "logging.h"
#include "memberconnection_p.h"
#include "protocol/closecode.h"
#include "roomactions_p.h"
#include "roomdirectory_p.h"

#include <QTimer>

IdlePinger::IdlePinger(RoomDirectory &directory, RoomActions &actions, QObject *parent)
    : QObject(parent)
    , m_directory(directory)
    , m_actions(actions)
    , m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, &IdlePinger::pingSlot);
}

void IdlePinger::start(int intervalMs)
{
    m_intervalMs = intervalMs;
    if (intervalMs > 0)
        m_timer->start(qMax(1, intervalMs / Slots));
}

void IdlePinger::stop()
{
    m_timer->stop();
}

void IdlePinger::pingSlot()
{
    // Each tick serves one slot, so every member is still pinged once per interval.
    const int slot = int(m_tick++ % Slots);
    for (Member *member : m_directory.members()) {
        if (member->closing || member->pingSlot != slot)
            continue;
        if (member->awaitingPong) {
            qCInfo(lcServer, "%s (%s) did not answer a ping within %d ms, closing",
                   qPrintable(member->id), qPrintable(member->name), m_intervalMs);
            m_actions.closeMember(
                member, CloseCode::InternalError,
                QStringLiteral("no answer to ping within %1 ms").arg(m_intervalMs), 0);
            continue;
        }
        member->awaitingPong = true;
        member->connection->ping();
    }
}
