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

} // namespace Timestamp
