#include "tutorialcodec.h"

#include "jsonwriter.h"
#include "strictjson.h"
#include "timestamp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

QByteArray TutorialCodec::chatLine(const QString &clientId, const QString &text,
                                   const QString &timestamp)
{
    JsonWriter w;
    w.beginObject()
        .key("client_id")
        .value(clientId)
        .key("message")
        .value(text)
        .key("timestamp")
        .value(Timestamp::toPython(timestamp))
        .endObject();
    return w.bytes();
}

QByteArray TutorialCodec::forChat(const ChatMessage &message)
{
    return chatLine(message.from.name, message.text, message.timestamp);
}

QByteArray TutorialCodec::forBroadcast(const ChatMessage &message)
{
    if (message.origin == Dialect::Broadcast)
        return message.rawJson.toUtf8();
    return forChat(message);
}

QByteArray TutorialCodec::notification(const QString &text, const QString &timestamp)
{
    JsonWriter w;
    w.beginObject()
        .key("type")
        .value("notification")
        .key("message")
        .value(text)
        .key("timestamp")
        .value(Timestamp::toPython(timestamp))
        .endObject();
    return w.bytes();
}

QByteArray TutorialCodec::error(ErrorCode code, const QString &detail, Dialect dialect)
{
    JsonWriter w;
    w.beginObject()
        .key("error")
        .value(errorCodeName(code, dialect))
        .key("detail")
        .value(detail)
        .endObject();
    return w.bytes();
}

QString TutorialCodec::textOfBroadcast(const QJsonValue &value, const QString &rawJson)
{
    const QJsonValue message = value.toObject().value(QLatin1String("message"));
    if (value.isObject() && message.isString())
        return message.toString();
    return rawJson;
}

bool TutorialCodec::decodeBroadcast(const QByteArray &utf8, QJsonValue *value, QString *why)
{
    if (!StrictJson::check(utf8, why))
        return false;
    // QJsonDocument takes only objects and arrays; wrapping accepts any JSON value. The strict
    // check above has made sure that utf8 is one whole value, so the wrapper cannot be escaped.
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson('[' + utf8 + ']', &error);
    if (error.error != QJsonParseError::NoError || doc.array().size() != 1) {
        *why = error.error != QJsonParseError::NoError
            ? error.errorString()
            : QStringLiteral("expected exactly one JSON value");
        return false;
    }
    *value = doc.array().first();
    return true;
}
