#include "timestamp.h"

namespace Timestamp {

QString now()
{
    return format(QDateTime::currentDateTimeUtc());
}

QString format(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QString formatPython(const QDateTime &time)
{
    // Python omits the fraction when it is zero; six digits always are just as valid and keep
    // every timestamp the same length. The server counts milliseconds, hence the three zeros.
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'000+00:00'"));
}

QString toPython(const QString &timestamp)
{
    // Only the exact native form: "YYYY-MM-DDTHH:MM:SS.mmmZ".
    if (timestamp.size() != 24 || !timestamp.endsWith(QLatin1Char('Z')))
        return timestamp;
    const QDateTime time = QDateTime::fromString(timestamp, Qt::ISODateWithMs);
    if (!time.isValid())
        return timestamp;
    return formatPython(time);
}

} // namespace Timestamp
