#pragma once

#include "chatmessage.h"
#include "errorcode.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>

// Encodes what the FastAPI tutorials' dialects send (protocol.md, "broadcast dialect",
// "chat dialect", "notifications dialect") and decodes the broadcast dialect's frames.
class TutorialCodec
{
public:
    // {"client_id":<name>,"message":<text>,"timestamp":<ts>}, where <ts> is the wire timestamp
    // as Python writes it (Timestamp::toPython: "2026-11-22T03:07:03.342000+00:00").
    static QByteArray chatLine(const QString &clientId, const QString &text,
                               const QString &timestamp);

    // A room message as a chat-dialect member sees it.
    static QByteArray forChat(const ChatMessage &message);

    // A room message as a broadcast-dialect member sees it: the exact text for a message from
    // the broadcast dialect, a chat line otherwise.
    static QByteArray forBroadcast(const ChatMessage &message);

    // {"type":"notification","message":<text>,"timestamp":<ts>}, <ts> as in chatLine.
    static QByteArray notification(const QString &text, const QString &timestamp);

    // {"error":<code>,"detail":<sentence>}, the tutorial dialects' only error shape.
    static QByteArray error(ErrorCode code, const QString &detail, Dialect dialect);

    // Reads a broadcast-dialect frame: exactly one JSON value of any kind (strict RFC 8259).
    // On failure returns false and sets why.
    static bool decodeBroadcast(const QByteArray &utf8, QJsonValue *value, QString *why);

    // The text a broadcast-dialect value stands for in other dialects: its "message" field when
    // that is a string, otherwise its whole JSON text.
    static QString textOfBroadcast(const QJsonValue &value, const QString &rawJson);
};
