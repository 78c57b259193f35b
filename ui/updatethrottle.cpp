#include "updatethrottle.h"

#include <QTimer>

#include <utility>

UpdateThrottle::UpdateThrottle(int burst, int intervalMs, std::function<void()> update,
                               QObject *parent)
    : QObject(parent)
    , m_update(std::move(update))
    , m_timer(new QTimer(this))
    , m_burst(qMax(1, burst))
    , m_intervalMs(qMax(0, intervalMs))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        // A new interval starts with this run, already full: a request soon after waits too.
        m_window.start();
        m_runs = m_burst;
        run();
    });
}

UpdateThrottle::~UpdateThrottle() = default;

void UpdateThrottle::request()
{
    if (m_timer->isActive())
        return; // merged into the waiting run
    if (!m_window.isValid() || m_window.elapsed() >= m_intervalMs) {
        m_window.start();
        m_runs = 0;
    }
    if (m_runs < m_burst) {
        ++m_runs;
        run();
        return;
    }
    m_timer->start(int(qMax<qint64>(0, m_intervalMs - m_window.elapsed())));
}

void UpdateThrottle::cancel()
{
    m_timer->stop();
}

bool UpdateThrottle::isPending() const
{
    return m_timer->isActive();
}

void UpdateThrottle::run()
{
    if (m_update)
        m_update();
}
