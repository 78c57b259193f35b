#include "tutorialcodec.h"

#include "jsonwriter.h"

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
        .value(timestamp)
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
        .value(timestamp)
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
