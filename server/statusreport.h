#pragma once

#include "serversnapshot.h"

#include <QByteArray>

// The HTTP status endpoints' bodies, made from a snapshot.
namespace StatusReport {

// GET /api/status: version, uptime_s, connections, rooms, totals.
QByteArray json(const ServerSnapshot &snapshot);

// GET /metrics: the same counters in the Prometheus text exposition format (version 0.0.4).
QByteArray metrics(const ServerSnapshot &snapshot);

} // namespace StatusReport
