#pragma once

#include <QByteArray>
#include <QJsonObject>
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

    // How reading a frame as a JSON object went.
    enum class Outcome {
        Object, // read: the object is in ObjectRead::object
        NotJson, // QJsonDocument refused the bytes
        NotStrict, // QJsonDocument read them, but check() refused them
        NotObject, // strict JSON, but not an object
    };
    // A JSON object read from a frame, or where reading it failed.
    struct ObjectRead
    {
        Outcome outcome = Outcome::NotJson;
        QJsonObject object; // empty unless outcome is Object
        QString why; // NotJson and NotStrict: the refusing reader's phrase
        qsizetype offset = 0; // NotJson and NotStrict: the byte where it went wrong
    };
    // Reads utf8 as one JSON object, the way both halves of the native protocol read frames:
    // QJsonDocument parses it, then check() refuses what RFC 8259 does not write.
    static ObjectRead readObject(const QByteArray &utf8);
};
