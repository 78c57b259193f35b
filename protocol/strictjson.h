#pragma once

#include <QByteArray>
#include <QString>

// Checks that bytes are one JSON text exactly as RFC 8259 writes it, before QJsonDocument
// reads them: QJsonDocument also takes raw control characters in strings, unknown escapes
// ("\x"), numbers like "1." and ".5" and a byte order mark, and keeps the last of two equal
// keys. Such frames are refused, because the broadcast dialect passes a frame on as it came and
// every client must be able to read it, and because two readers must never see two meanings.
class StrictJson
{
public:
    // Deeper than this is refused (QJsonDocument's own limit is 1024).
    static constexpr int MaxDepth = 128;

    // True when utf8 is exactly one JSON value, with optional whitespace around it. Otherwise
    // sets why (a short phrase) and offset (the byte where it went wrong), when given.
    static bool check(const QByteArray &utf8, QString *why = nullptr, qsizetype *offset = nullptr);
};
