#pragma once

#include "dialect.h"

#include <QString>

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
};

// The code's wire name in the given dialect: the broadcast dialect calls bad_json "invalid_json".
QString errorCodeName(ErrorCode code, Dialect dialect = Dialect::Native);
