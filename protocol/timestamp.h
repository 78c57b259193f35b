#pragma once

#include <QDateTime>
#include <QString>

// Timestamps on the wire: ISO 8601, UTC, milliseconds ("2026-11-22T03:07:03.342Z").
namespace Timestamp {
QString now();
QString format(const QDateTime &time);
} // namespace Timestamp
