#pragma once

#include "serversnapshot.h"

#include <QList>

// The last few minutes of the server's periodic counters (ServerStats, every 500 ms), as rates:
// what a live chart draws. Plain values, no thread of its own.
class StatsHistory
{
public:
    struct Point
    {
        qint64 uptimeMs = 0; // when, in the server's uptime
        double messagesPerSecond = 0; // room messages posted per second since the previous point
        double framesPerSecond = 0; // frames received from members per second, likewise
        int connections = 0;
    };

    explicit StatsHistory(qint64 spanMs = 5 * 60 * 1000);

    // Adds a snapshot. One older than the last (the server restarted) starts a new history.
    void add(const ServerStats &stats);
    void clear();

    // The points in the span, oldest first; the first snapshot gives no point (no rate yet).
    const QList<Point> &points() const { return m_points; }
    qint64 spanMs() const { return m_spanMs; }
    // The largest rate and connection count in the span.
    double maxMessagesPerSecond() const;
    int maxConnections() const;

private:
    qint64 m_spanMs;
    QList<Point> m_points;
    ServerStats m_last;
    bool m_hasLast = false;
};
