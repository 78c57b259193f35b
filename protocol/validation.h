#pragma once

#include <QString>

// The protocol's rules for member and room names (protocol.md, "Members and rooms").
namespace Validation {

constexpr int MaxNameLength = 32;
constexpr int MaxRoomLength = 64;
constexpr int MaxRefLength = 64;
constexpr int MaxQueryLength = 200; // a search's words

// Trims name and checks it: 1-32 characters, no control characters. On failure returns an empty
// string and, if error is given, a sentence saying why.
QString normalizeName(const QString &name, QString *error = nullptr);

// Whether name (already trimmed, as normalizeName() returns it) is the host's own: "host" in
// any letter case. No member may take it (handshake or rename).
bool isReservedName(const QString &name);
// The sentence a refusal of the reserved name gives: "the name host is reserved".
QString reservedNameError();

// Checks a room name: 1-64 characters, no control characters, taken as it is (case-sensitive).
bool isValidRoom(const QString &room, QString *error = nullptr);

// text cut to at most maxUnits UTF-16 code units, never between the two halves of a surrogate
// pair (an emoji is dropped whole rather than leaving half of it, which UTF-8 cannot encode).
QString truncated(const QString &text, int maxUnits);

// Whether text holds half of a surrogate pair without the other half: no character at all,
// which a JSON "\ud83d" escape can produce.
bool hasUnpairedSurrogate(QStringView text);

} // namespace Validation
