#pragma once

#include "dialect.h"

#include <QString>

#include <optional>

// The error codes of protocol.md, "Errors".
enum class ErrorCode {
    BadJson,
    BadRequest,
    UnknownType,
    NotInRoom,
    NoSuchMember,
    NameTaken,
    RateLimited,
    Forbidden,
    TooManyRooms,
    NameReserved, // a rename to "host" (the host's own name)
    Muted, // the host muted the sender
    RoomLocked, // only the host posts in the room
};
// The last code, for loops over every code.
constexpr ErrorCode LastErrorCode = ErrorCode::RoomLocked;

// The code's wire name in the given dialect: the broadcast dialect calls bad_json "invalid_json".
QString errorCodeName(ErrorCode code, Dialect dialect = Dialect::Native);

// The code whose wire name is name in some dialect ("invalid_json" too); none for any other name.
std::optional<ErrorCode> errorCodeFromName(const QString &name);
