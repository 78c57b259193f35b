#include "outbox_p.h"

#include "logging.h"

#include <QTimer>

namespace {

constexpr int SlowConsumerCheckMs = 100; // members past the limit are checked this often

// What is still to go out to a peer: for TLS, the encrypted bytes too.
qint64 pendingOutBytes(const MemberTransport *transport)
{
    return transport->pendingBytes();
}

} // namespace

Outbox::Outbox(const QElapsedTimer &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_slowConsumerTimer(new QTimer(this))
{
    m_slowConsumerTimer->setInterval(SlowConsumerCheckMs);
    connect(m_slowConsumerTimer, &QTimer::timeout, this, &Outbox::checkOverLimitMembers);
}

Outbox::~Outbox() = default;

void Outbox::setLimits(qint64 maxBytes, int hardFactor, int graceMs)
{
    m_maxBytes = maxBytes;
    m_hardLimit = qMax(1, hardFactor) * maxBytes;
    m_graceMs = graceMs;
}

void Outbox::resetCounters()
{
    m_bytesOut = 0;
}

void Outbox::send(Member *member, const QByteArray &utf8)
{
    OutgoingMessage message(utf8);
    send(member, message);
}

void Outbox::queueFlush()
{
    if (!m_flushQueued) {
        m_flushQueued = true;
        QMetaObject::invokeMethod(this, &Outbox::flush, Qt::QueuedConnection);
    }
}

void Outbox::flush()
{
    m_flushQueued = false;
    emit aboutToFlush();
    const QList<Member *> members = std::exchange(m_flushMembers, {});
    for (Member *member : members) {
        member->queuedForFlush = false;
        MemberTransport *transport = member->transport;
        if (!transport || !transport->isConnected())
            continue;
        // Sent now, as much as the kernel takes: one send per member per pass, with no poll in
        // between. What the kernel does not take stays in the transport's buffer until the
        // descriptor takes writes again, in order with the connection's own control frames.
        transport->flush();
        checkOutgoing(member);
    }
}

void Outbox::checkOutgoing(Member *member)
{
    // Slowness is judged over time, not per write: a reader that keeps up can still be handed
    // more than the limit in one pass (a burst of big messages read at once), and the kernel
    // takes it a moment later. Past the limit, the member is watched; still past it a grace
    // period later, it is slow. Past several times the limit, it is slow at once: that bounds
    // the memory one member can hold. (See ServerConfig::maxOutgoingBytes.)
    if (member->closing || !member->transport)
        return;
    const qint64 waiting = pendingOutBytes(member->transport);
    if (waiting > m_hardLimit) {
        reportSlow(member, waiting);
    } else if (waiting > m_maxBytes && member->overLimitSinceMs < 0) {
        member->overLimitSinceMs = m_clock.elapsed();
        m_overLimitMembers.append(member);
        if (!m_slowConsumerTimer->isActive())
            m_slowConsumerTimer->start();
    }
}

void Outbox::checkOverLimitMembers()
{
    const qint64 now = m_clock.elapsed();
    const QList<Member *> members = std::exchange(m_overLimitMembers, {});
    for (Member *member : members) {
        const qint64 waiting = member->transport ? pendingOutBytes(member->transport) : 0;
        if (member->closing || waiting <= m_maxBytes) {
            member->overLimitSinceMs = -1; // it caught up (or is going anyway)
        } else if (now - member->overLimitSinceMs >= m_graceMs) {
            member->overLimitSinceMs = -1;
            reportSlow(member, waiting);
        } else {
            m_overLimitMembers.append(member);
        }
    }
    if (m_overLimitMembers.isEmpty())
        m_slowConsumerTimer->stop();
}

void Outbox::reportSlow(Member *member, qint64 waiting)
{
    qCInfo(lcServer, "%s (%s) is not reading: %lld bytes waiting, closing", qPrintable(member->id),
           qPrintable(member->name), waiting);
    emit slowConsumer(member, waiting);
}

void Outbox::forget(Member *member)
{
    if (member->queuedForFlush) {
        m_flushMembers.removeOne(member);
        member->queuedForFlush = false;
    }
    if (member->overLimitSinceMs >= 0) {
        m_overLimitMembers.removeOne(member);
        member->overLimitSinceMs = -1;
    }
}

void Outbox::clear()
{
    m_flushMembers.clear();
    m_overLimitMembers.clear();
    m_slowConsumerTimer->stop();
}
