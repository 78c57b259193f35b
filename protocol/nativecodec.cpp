#include "nativecodec.h"

#include "jsonwriter.h"
#include "strictjson.h"
#include "validation.h"

#include <QJsonObject>

#include <cmath>

namespace {

constexpr qint64 MaxMessageId = qint64(1) << 53; // the largest whole number JSON keeps exact

Request invalid(Request r, ErrorCode code, const QString &message)
{
    r.type = Request::Type::Invalid;
    r.error = code;
    r.errorMessage = message;
    return r;
}

// Reads a required string field; on failure sets why.
bool stringField(const QJsonObject &o, const char *key, QString *out, QString *why)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined()) {
        *why = QStringLiteral("\"%1\" is missing").arg(QLatin1String(key));
        return false;
    }
    if (!v.isString()) {
        *why = QStringLiteral("\"%1\" must be a string").arg(QLatin1String(key));
        return false;
    }
    *out = v.toString();
    return true;
}

bool roomField(const QJsonObject &o, QString *room, QString *why)
{
    return stringField(o, "room", room, why) && Validation::isValidRoom(*room, why);
}

// Reads an optional positive whole number; absent leaves *out as it is.
bool positiveField(const QJsonObject &o, const char *key, qint64 max, qint64 *out, QString *why)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined())
        return true;
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d < 1 || d != std::floor(d) || d > double(max)) {
        *why = QStringLiteral("\"%1\" must be a whole number from 1 to %2")
                   .arg(QLatin1String(key))
                   .arg(max);
        return false;
    }
    *out = qint64(d);
    return true;
}

// Reads history's and search's optional limit, cut to Request::MaxPageSize.
bool limitField(const QJsonObject &o, int *limit, QString *why)
{
    qint64 value = *limit;
    if (!positiveField(o, "limit", MaxMessageId, &value, why))
        return false;
    *limit = int(qMin<qint64>(value, Request::MaxPageSize));
    return true;
}

void writeMember(JsonWriter &w, const MemberRef &m)
{
    w.beginObject().key("id").value(m.id).key("name").value(m.name).endObject();
}

void writeRef(JsonWriter &w, const QJsonValue &ref)
{
    if (!ref.isUndefined())
        w.key("ref").value(ref);
}

// Events already encoded (stored `message` events), as a JSON array.
void writeEvents(JsonWriter &w, const QList<QByteArray> &events)
{
    w.beginArray();
    for (const QByteArray &event : events)
        w.rawValue(event);
    w.endArray();
}

void writeMembers(JsonWriter &w, const QList<MemberRef> &members)
{
    w.beginArray();
    for (const MemberRef &m : members)
        writeMember(w, m);
    w.endArray();
}

} // namespace

Request NativeCodec::decode(const QByteArray &utf8)
{
    Request r;
    const StrictJson::ObjectRead read = StrictJson::readObject(utf8);
    switch (read.outcome) {
    case StrictJson::Outcome::NotJson:
    case StrictJson::Outcome::NotStrict:
        return invalid(r, ErrorCode::BadJson,
                       QStringLiteral("the frame is not valid JSON: %1 at offset %2")
                           .arg(read.why)
                           .arg(read.offset));
    case StrictJson::Outcome::NotObject:
        return invalid(r, ErrorCode::BadJson, QStringLiteral("the frame must be a JSON object"));
    case StrictJson::Outcome::Object:
        break;
    }
    const QJsonObject &o = read.object;

    const QJsonValue ref = o.value(QLatin1String("ref"));
    if (!ref.isUndefined()) {
        if (ref.isString() && ref.toString().size() <= Validation::MaxRefLength) {
            r.ref = ref;
        } else if (ref.isDouble()) {
            r.ref = ref;
        } else {
            return invalid(r, ErrorCode::BadRequest,
                           QStringLiteral("\"ref\" must be a number or a string of at most %1 "
                                          "characters")
                               .arg(Validation::MaxRefLength));
        }
    }

    const QJsonValue typeValue = o.value(QLatin1String("type"));
    if (typeValue.isUndefined())
        return invalid(r, ErrorCode::BadRequest, QStringLiteral("\"type\" is missing"));
    if (!typeValue.isString())
        return invalid(r, ErrorCode::BadRequest, QStringLiteral("\"type\" must be a string"));
    const QString type = typeValue.toString();

    QString why;
    if (type == QLatin1String("join") || type == QLatin1String("leave")
        || type == QLatin1String("members")) {
        if (!roomField(o, &r.room, &why))
            return invalid(r, ErrorCode::BadRequest, why);
        r.type = type == QLatin1String("join") ? Request::Type::Join
            : type == QLatin1String("leave")   ? Request::Type::Leave
                                               : Request::Type::Members;
    } else if (type == QLatin1String("message")) {
        if (!roomField(o, &r.room, &why) || !stringField(o, "text", &r.text, &why))
            return invalid(r, ErrorCode::BadRequest, why);
        if (r.text.isEmpty())
            return invalid(r, ErrorCode::BadRequest, QStringLiteral("\"text\" must not be empty"));
        r.data = o.value(QLatin1String("data"));
        r.type = Request::Type::Message;
    } else if (type == QLatin1String("direct")) {
        if (!stringField(o, "to", &r.to, &why) || !stringField(o, "text", &r.text, &why))
            return invalid(r, ErrorCode::BadRequest, why);
        if (r.text.isEmpty())
            return invalid(r, ErrorCode::BadRequest, QStringLiteral("\"text\" must not be empty"));
        r.type = Request::Type::Direct;
    } else if (type == QLatin1String("rename")) {
        QString name;
        if (!stringField(o, "name", &name, &why))
            return invalid(r, ErrorCode::BadRequest, why);
        r.name = Validation::normalizeName(name, &why);
        if (r.name.isEmpty())
            return invalid(r, ErrorCode::BadRequest, why);
        if (Validation::isReservedName(r.name)) {
            r.name.clear();
            return invalid(r, ErrorCode::NameReserved, Validation::reservedNameError());
        }
        r.type = Request::Type::Rename;
    } else if (type == QLatin1String("typing")) {
        if (!roomField(o, &r.room, &why))
            return invalid(r, ErrorCode::BadRequest, why);
        const QJsonValue active = o.value(QLatin1String("active"));
        if (!active.isBool()) {
            return invalid(r, ErrorCode::BadRequest,
                           QStringLiteral("\"active\" must be true or false"));
        }
        r.active = active.toBool();
        r.type = Request::Type::Typing;
    } else if (type == QLatin1String("rooms")) {
        r.type = Request::Type::Rooms;
    } else if (type == QLatin1String("notify")) {
        if (!stringField(o, "text", &r.text, &why))
            return invalid(r, ErrorCode::BadRequest, why);
        if (r.text.isEmpty())
            return invalid(r, ErrorCode::BadRequest, QStringLiteral("\"text\" must not be empty"));
        r.type = Request::Type::Notify;
    } else if (type == QLatin1String("history")) {
        if (!roomField(o, &r.room, &why)
            || !positiveField(o, "before", MaxMessageId, &r.before, &why)
            || !limitField(o, &r.limit, &why))
            return invalid(r, ErrorCode::BadRequest, why);
        r.type = Request::Type::History;
    } else if (type == QLatin1String("search")) {
        if ((o.contains(QLatin1String("room")) && !roomField(o, &r.room, &why))
            || !stringField(o, "query", &r.query, &why) || !limitField(o, &r.limit, &why))
            return invalid(r, ErrorCode::BadRequest, why);
        if (r.query.trimmed().isEmpty())
            return invalid(r, ErrorCode::BadRequest, QStringLiteral("\"query\" must hold a word"));
        if (r.query.size() > Validation::MaxQueryLength) {
            return invalid(r, ErrorCode::BadRequest,
                           QStringLiteral("\"query\" must be at most %1 characters")
                               .arg(Validation::MaxQueryLength));
        }
        r.type = Request::Type::Search;
    } else if (type == QLatin1String("ping")) {
        r.ts = o.value(QLatin1String("ts"));
        r.type = Request::Type::Ping;
    } else {
        return invalid(
            r, ErrorCode::UnknownType,
            QStringLiteral("unknown request type \"%1\"").arg(Validation::truncated(type, 64)));
    }
    return r;
}

QByteArray NativeCodec::welcome(const MemberRef &member, const QStringList &rooms,
                                const Limits &limits, const QString &serverVersion)
{
    JsonWriter w;
    w.beginObject()
        .key("type")
        .value("welcome")
        .key("protocol")
        .value(ProtocolVersion)
        .key("server")
        .value(QStringLiteral("wsroom/") + serverVersion)
        .key("member");
    writeMember(w, member);
    w.key("rooms").beginArray();
    for (const QString &room : rooms)
        w.value(room);
    w.endArray()
        .key("limits")
        .beginObject()
        .key("max_message_bytes")
        .value(limits.maxMessageBytes)
        .key("rate_per_second")
        .value(limits.ratePerSecond)
        .endObject()
        .endObject();
    return w.bytes();
}

QByteArray NativeCodec::joined(const QString &room, const QList<MemberRef> &members,
                               const QList<QByteArray> &history, const QJsonValue &ref)
{
    JsonWriter w;
    w.beginObject().key("type").value("joined");
    writeRef(w, ref);
    w.key("room").value(room).key("members");
    writeMembers(w, members);
    w.key("history");
    writeEvents(w, history);
    w.endObject();
    return w.bytes();
}

QByteArray NativeCodec::history(const QString &room, const QList<QByteArray> &messages, bool more,
                                const QJsonValue &ref)
{
    JsonWriter w;
    w.beginObject().key("type").value("history");
    writeRef(w, ref);
    w.key("room").value(room).key("messages");
    writeEvents(w, messages);
    w.key("more").value(more).endObject();
    return w.bytes();
}

QByteArray NativeCodec::searchResults(const QString &room, const QString &query,
                                      const QList<QByteArray> &messages, const QJsonValue &ref)
{
    JsonWriter w;
    w.beginObject().key("type").value("search");
    writeRef(w, ref);
    if (!room.isNull())
        w.key("room").value(room);
    w.key("query").value(query).key("messages");
    writeEvents(w, messages);
    w.endObject();
    return w.bytes();
}

QByteArray NativeCodec::left(const QString &room, const QJsonValue &ref)
{
    JsonWriter w;
    w.beginObject().key("type").value("left");
    writeRef(w, ref);
    w.key("room").value(room).endObject();
    return w.bytes();
}

QByteArray NativeCodec::message(const ChatMessage &m)
{
    JsonWriter w;
    w.beginObject()
        .key("type")
        .value("message")
        .key("room")
        .value(m.room)
        .key("id")
        .value(m.id)
        .key("from");
    writeMember(w, m.from);
    w.key("text").value(m.text).key("timestamp").value(m.timestamp);
    if (!m.data.isUndefined()) {
        // A broadcast-dialect value is passed on exactly as its sender wrote it.
        if (m.origin == Dialect::Broadcast && !m.rawJson.isEmpty())
            w.key("data").rawValue(m.rawJson.toUtf8());
        else
            w.key("data").value(m.data);
    }
    w.endObject();
    return w.bytes();
}

QByteArray NativeCodec::ack(const QJsonValue &ref, const QString &room, qint64 id)
{
    JsonWriter w;
    w.beginObject().key("type").value("ack");
    writeRef(w, ref);
    w.key("room").value(room).key("id").value(id).endObject();
    return w.bytes();
}

QByteArray NativeCodec::ack(const QJsonValue &ref)
{
    JsonWriter w;
    w.beginObject().key("type").value("ack");
    writeRef(w, ref);
    w.endObject();
    return w.bytes();
}

QByteArray NativeCodec::direct(const MemberRef &from, const MemberRef &to, const QString &text,
                               const QString &timestamp, const QJsonValue &ref)
{
    JsonWriter w;
    w.beginObject().key("type").value("direct");
    writeRef(w, ref);
    w.key("from");
    writeMember(w, from);
    w.key("to");
    writeMember(w, to);
    w.key("text").value(text).key("timestamp").value(timestamp).endObject();
    return w.bytes();
}

QByteArray NativeCodec::renamed(const MemberRef &member, const QJsonValue &ref)
{
    JsonWriter w;
    w.beginObject().key("type").value("renamed");
    writeRef(w, ref);
    w.key("member");
    writeMember(w, member);
    w.endObject();
    return w.bytes();
}

QByteArray NativeCodec::presence(const QString &room, const char *event, const MemberRef &member,
                                 const QString &previous)
{
    JsonWriter w;
    w.beginObject()
        .key("type")
        .value("presence")
        .key("room")
        .value(room)
        .key("event")
        .value(event)
        .key("member");
    writeMember(w, member);
    if (!previous.isNull())
        w.key("previous").value(previous);
    w.endObject();
    return w.bytes();
}

QByteArray NativeCodec::typing(const QString &room, const MemberRef &member, bool active)
{
    JsonWriter w;
    w.beginObject().key("type").value("typing").key("room").value(room).key("member");
    writeMember(w, member);
    w.key("active").value(active).endObject();
    return w.bytes();
}

QByteArray NativeCodec::rooms(const QList<QPair<QString, int>> &rooms, const QJsonValue &ref)
{
    JsonWriter w;
    w.beginObject().key("type").value("rooms");
    writeRef(w, ref);
    w.key("rooms").beginArray();
    for (const auto &room : rooms)
        w.beginObject().key("name").value(room.first).key("members").value(room.second).endObject();
    w.endArray().endObject();
    return w.bytes();
}

QByteArray NativeCodec::members(const QString &room, const QList<MemberRef> &members,
                                const QJsonValue &ref)
{
    JsonWriter w;
    w.beginObject().key("type").value("members");
    writeRef(w, ref);
    w.key("room").value(room).key("members");
    writeMembers(w, members);
    w.endObject();
    return w.bytes();
}

QByteArray NativeCodec::pong(const QJsonValue &ts, const QString &serverTime, const QJsonValue &ref)
{
    JsonWriter w;
    w.beginObject().key("type").value("pong");
    writeRef(w, ref);
    w.key("ts").value(ts).key("server_time").value(serverTime).endObject();
    return w.bytes();
}

QByteArray NativeCodec::error(ErrorCode code, const QString &message, const QJsonValue &ref)
{
    JsonWriter w;
    w.beginObject()
        .key("type")
        .value("error")
        .key("code")
        .value(errorCodeName(code))
        .key("message")
        .value(message);
    writeRef(w, ref);
    w.endObject();
    return w.bytes();
}
