#include "eventcoalescer.h"

#include <QTimer>

#include <utility>

EventCoalescer::EventCoalescer(QObject *parent, int intervalMs)
    : QObject(parent)
    , m_timer(new QTimer(this))
    , m_intervalMs(qMax(0, intervalMs))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &EventCoalescer::flush);
}

EventCoalescer::~EventCoalescer() = default;

void EventCoalescer::add(const ServerEventList &events)
{
    if (events.isEmpty())
        return;
    const qint64 elapsed = m_sinceLast.isValid() ? m_sinceLast.elapsed() : m_intervalMs;
    if (m_pending.isEmpty() && elapsed >= m_intervalMs) {
        emitNow(events);
        return;
    }
    m_pending.append(events);
    if (!m_timer->isActive())
        m_timer->start(int(qMax<qint64>(0, m_intervalMs - elapsed)));
}

void EventCoalescer::flush()
{
    m_timer->stop();
    if (m_pending.isEmpty())
        return;
    emitNow(std::exchange(m_pending, ServerEventList()));
}

void EventCoalescer::emitNow(const ServerEventList &events)
{
    m_sinceLast.start();
    emit ready(events);
}
