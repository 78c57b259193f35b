#include "dialect.h"

QString dialectName(Dialect dialect)
{
    switch (dialect) {
    case Dialect::Broadcast:
        return QStringLiteral("broadcast");
    case Dialect::Chat:
        return QStringLiteral("chat");
    case Dialect::Notifications:
        return QStringLiteral("notifications");
    case Dialect::Native:
        return QStringLiteral("native");
    case Dialect::Echo:
        return QStringLiteral("echo");
    }
    return QString();
}
