#include "errorcode.h"

QString errorCodeName(ErrorCode code, Dialect dialect)
{
    switch (code) {
    case ErrorCode::BadJson:
        return dialect == Dialect::Broadcast ? QStringLiteral("invalid_json")
                                             : QStringLiteral("bad_json");
    case ErrorCode::BadRequest:
        return QStringLiteral("bad_request");
    case ErrorCode::UnknownType:
        return QStringLiteral("unknown_type");
    case ErrorCode::NotInRoom:
        return QStringLiteral("not_in_room");
    case ErrorCode::NoSuchMember:
        return QStringLiteral("no_such_member");
    case ErrorCode::NameTaken:
        return QStringLiteral("name_taken");
    case ErrorCode::RateLimited:
        return QStringLiteral("rate_limited");
    case ErrorCode::Forbidden:
        return QStringLiteral("forbidden");
    case ErrorCode::TooManyRooms:
        return QStringLiteral("too_many_rooms");
    case ErrorCode::NameReserved:
        return QStringLiteral("name_reserved");
    case ErrorCode::Muted:
        return QStringLiteral("muted");
    case ErrorCode::RoomLocked:
        return QStringLiteral("room_locked");
    }
    return QString();
}

std::optional<ErrorCode> errorCodeFromName(const QString &name)
{
    for (int i = 0; i <= int(LastErrorCode); ++i) {
        const auto code = ErrorCode(i);
        if (name == errorCodeName(code) || name == errorCodeName(code, Dialect::Broadcast))
            return code;
    }
    return std::nullopt;
}
