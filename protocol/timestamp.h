#pragma once

#include <QDateTime>
#include <QString>

// Timestamps on the wire: ISO 8601, UTC, milliseconds ("2026-11-22T03:07:03.342Z").
// The tutorial dialects write them as Python does instead (formatPython, toPython).
namespace Timestamp {
// The current time in the native form ("2026-11-22T03:07:03.342Z").
QString now();
// msSinceEpoch (UTC) in the native form: the same text as format(), written by hand.
QString formatMSecs(qint64 msSinceEpoch);
// time in UTC, in the native form ("2026-11-22T03:07:03.342Z").
QString format(const QDateTime &time);
// time in UTC as Python's datetime.now(timezone.utc).isoformat() writes it, always with six
// fraction digits ("2026-11-22T03:07:03.342000+00:00"): read by fromisoformat since 3.7.
QString formatPython(const QDateTime &time);
// A native-form timestamp (format()) rewritten as formatPython() writes it; any other text is
// returned unchanged.
QString toPython(const QString &timestamp);
} // namespace Timestamp
