#pragma once

#include <QString>

// The protocol's rules for member and room names (protocol.md, "Members and rooms").
namespace Validation {

constexpr int MaxNameLength = 32;
constexpr int MaxRoomLength = 64;
constexpr int MaxRefLength = 64;

// Trims name and checks it: 1-32 characters, no control characters. On failure returns an empty
// string and, if error is given, a sentence saying why.
QString normalizeName(const QString &name, QString *error = nullptr);

// Checks a room name: 1-64 characters, no control characters, taken as it is (case-sensitive).
bool isValidRoom(const QString &room, QString *error = nullptr);

} // namespace Validation
