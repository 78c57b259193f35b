#include "serverevent.h"

QString ServerEvent::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Connected:
        return QStringLiteral("connect");
    case Kind::Disconnected:
        return QStringLiteral("disconnect");
    case Kind::Joined:
        return QStringLiteral("join");
    case Kind::Left:
        return QStringLiteral("leave");
    case Kind::Renamed:
        return QStringLiteral("rename");
    case Kind::Message:
        return QStringLiteral("message");
    case Kind::Direct:
        return QStringLiteral("direct");
    case Kind::Notification:
        return QStringLiteral("notification");
    case Kind::RoomCreated:
        return QStringLiteral("room_created");
    case Kind::RoomRemoved:
        return QStringLiteral("room_removed");
    case Kind::Error:
        return QStringLiteral("error");
    case Kind::Dropped:
        return QStringLiteral("dropped");
    }
    return QString();
}
