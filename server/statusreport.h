#pragma once

#include "serversnapshot.h"

#include <QByteArray>

// The HTTP status endpoints' bodies, made from a snapshot.
namespace StatusReport {

// GET /api/status: version, uptime_s, connections, rooms, totals.
QByteArray json(const ServerSnapshot &snapshot);

// Past this many rooms, /metrics gives the busiest (by messages) their own `room` series and
// sums the rest under room="other".
inline constexpr int maxRoomSeries = 50;

// GET /metrics: the same counters in the Prometheus text exposition format (version 0.0.4),
// at most maxRoomSeries rooms by name plus "other".
QByteArray metrics(const ServerSnapshot &snapshot);

} // namespace StatusReport
