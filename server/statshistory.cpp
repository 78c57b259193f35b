#include "statshistory.h"

#include <algorithm>

StatsHistory::StatsHistory(qint64 spanMs)
    : m_spanMs(spanMs)
{ }

void StatsHistory::add(const ServerStats &stats)
{
    if (m_hasLast && stats.uptimeMs < m_last.uptimeMs)
        clear(); // a new server run: its counters start from zero
    if (m_hasLast && stats.uptimeMs > m_last.uptimeMs) {
        const double seconds = (stats.uptimeMs - m_last.uptimeMs) / 1000.0;
        Point point;
        point.uptimeMs = stats.uptimeMs;
        point.messagesPerSecond
            = std::max<qint64>(0, stats.roomMessages - m_last.roomMessages) / seconds;
        point.framesPerSecond = std::max<qint64>(0, stats.messagesIn - m_last.messagesIn) / seconds;
        point.connections = stats.connections;
        m_points.append(point);
        while (!m_points.isEmpty() && m_points.first().uptimeMs < stats.uptimeMs - m_spanMs)
            m_points.removeFirst();
    }
    m_last = stats;
    m_hasLast = true;
}

void StatsHistory::clear()
{
    m_points.clear();
    m_last = ServerStats();
    m_hasLast = false;
}

double StatsHistory::maxMessagesPerSecond() const
{
    double max = 0;
    for (const Point &point : m_points)
        max = std::max(max, point.messagesPerSecond);
    return max;
}

int StatsHistory::maxConnections() const
{
    int max = 0;
    for (const Point &point : m_points)
        max = std::max(max, point.connections);
    return max;
}
