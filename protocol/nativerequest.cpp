#include "nativerequest.h"

#include "jsonwriter.h"

namespace {

// Starts a request: "type" first, which keeps a frame log readable, then the ref.
JsonWriter begin(const char *type, const QJsonValue &ref)
{
    JsonWriter w;
    w.beginObject().key("type").value(type);
    if (!ref.isUndefined())
        w.key("ref").value(ref);
    return w;
}

QByteArray finish(JsonWriter &w)
{
    w.endObject();
    return w.bytes();
}

QByteArray withRoom(const char *type, const QJsonValue &ref, const QString &room)
{
    JsonWriter w = begin(type, ref);
    w.key("room").value(room);
    return finish(w);
}

} // namespace

QByteArray NativeRequest::join(const QJsonValue &ref, const QString &room)
{
    return withRoom("join", ref, room);
}

QByteArray NativeRequest::leave(const QJsonValue &ref, const QString &room)
{
    return withRoom("leave", ref, room);
}

QByteArray NativeRequest::message(const QJsonValue &ref, const QString &room, const QString &text,
                                  const QJsonValue &data)
{
    JsonWriter w = begin("message", ref);
    w.key("room").value(room).key("text").value(text);
    if (!data.isUndefined())
        w.key("data").value(data);
    return finish(w);
}

QByteArray NativeRequest::direct(const QJsonValue &ref, const QString &to, const QString &text)
{
    JsonWriter w = begin("direct", ref);
    w.key("to").value(to).key("text").value(text);
    return finish(w);
}

QByteArray NativeRequest::rename(const QJsonValue &ref, const QString &name)
{
    JsonWriter w = begin("rename", ref);
    w.key("name").value(name);
    return finish(w);
}

QByteArray NativeRequest::typing(const QJsonValue &ref, const QString &room, bool active)
{
    JsonWriter w = begin("typing", ref);
    w.key("room").value(room).key("active").value(active);
    return finish(w);
}

QByteArray NativeRequest::rooms(const QJsonValue &ref)
{
    JsonWriter w = begin("rooms", ref);
    return finish(w);
}

QByteArray NativeRequest::members(const QJsonValue &ref, const QString &room)
{
    return withRoom("members", ref, room);
}

QByteArray NativeRequest::notify(const QJsonValue &ref, const QString &text)
{
    JsonWriter w = begin("notify", ref);
    w.key("text").value(text);
    return finish(w);
}

QByteArray NativeRequest::ping(const QJsonValue &ref, const QJsonValue &ts)
{
    JsonWriter w = begin("ping", ref);
    if (!ts.isUndefined())
        w.key("ts").value(ts);
    return finish(w);
}

QByteArray NativeRequest::history(const QJsonValue &ref, const QString &room, qint64 before,
                                  int limit)
{
    JsonWriter w = begin("history", ref);
    w.key("room").value(room);
    if (before > 0)
        w.key("before").value(before);
    w.key("limit").value(limit);
    return finish(w);
}

QByteArray NativeRequest::search(const QJsonValue &ref, const QString &room, const QString &query,
                                 int limit)
{
    JsonWriter w = begin("search", ref);
    if (!room.isNull())
        w.key("room").value(room);
    w.key("query").value(query).key("limit").value(limit);
    return finish(w);
}

QByteArray NativeRequest::encode(const Request &r)
{
    using Type = Request::Type;
    switch (r.type) {
    case Type::Join:
        return join(r.ref, r.room);
    case Type::Leave:
        return leave(r.ref, r.room);
    case Type::Message:
        return message(r.ref, r.room, r.text, r.data);
    case Type::Direct:
        return direct(r.ref, r.to, r.text);
    case Type::Rename:
        return rename(r.ref, r.name);
    case Type::Typing:
        return typing(r.ref, r.room, r.active);
    case Type::Rooms:
        return rooms(r.ref);
    case Type::Members:
        return members(r.ref, r.room);
    case Type::Notify:
        return notify(r.ref, r.text);
    case Type::Ping:
        return ping(r.ref, r.ts);
    case Type::History:
        return history(r.ref, r.room, r.before, r.limit);
    case Type::Search:
        return search(r.ref, r.room, r.query, r.limit);
    case Type::Invalid:
        break;
    }
    return QByteArray();
}
