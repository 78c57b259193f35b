#include "eventlooplagmeter.h"

#include <QTimer>

#include <algorithm>

EventLoopLagMeter::EventLoopLagMeter(QObject *parent, int windowMs, int reportIntervalMs)
    : QObject(parent)
    , m_timer(new QTimer(this))
    , m_windowTicks(std::max(1, windowMs / TickMs))
    , m_reportIntervalMs(reportIntervalMs)
{
    // A coarse timer may fire up to 5% late by design; lateness must be the loop's alone.
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setInterval(TickMs);
    connect(m_timer, &QTimer::timeout, this, &EventLoopLagMeter::onTick);
}

void EventLoopLagMeter::start()
{
    m_latenessMs.clear();
    m_next = 0;
    m_clock.start();
    m_lastTickNs = 0;
    m_lastReportNs = 0;
    m_timer->start();
}

void EventLoopLagMeter::stop()
{
    m_timer->stop();
}

bool EventLoopLagMeter::isActive() const
{
    return m_timer->isActive();
}

double EventLoopLagMeter::p99Ms() const
{
    if (m_latenessMs.empty())
        return 0;
    std::vector<float> sorted = m_latenessMs;
    const size_t index = std::min(sorted.size() - 1, sorted.size() * 99 / 100);
    std::nth_element(sorted.begin(), sorted.begin() + std::ptrdiff_t(index), sorted.end());
    return double(sorted[index]);
}

void EventLoopLagMeter::onTick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const double lateness = std::max(0.0, double(now - m_lastTickNs) / 1e6 - TickMs);
    m_lastTickNs = now;
    if (m_latenessMs.size() < size_t(m_windowTicks)) {
        m_latenessMs.push_back(float(lateness));
    } else {
        m_latenessMs[m_next] = float(lateness);
        m_next = (m_next + 1) % m_latenessMs.size();
    }
    if (now - m_lastReportNs >= qint64(m_reportIntervalMs) * 1000000) {
        m_lastReportNs = now;
        emit measured(p99Ms());
    }
}
