#include "nativeevent.h"

#include "nativecodec.h"
#include "strictjson.h"

#include <QJsonArray>

#include <algorithm>

namespace {

using namespace NativeEvents;

bool readString(const QJsonObject &o, const char *key, QString *out)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isString())
        return false;
    *out = v.toString();
    return true;
}

// An optional string: absent is fine, present must be a string.
bool readOptionalString(const QJsonObject &o, const char *key, QString *out)
{
    return !o.contains(QLatin1String(key)) || readString(o, key, out);
}

bool readInteger(const QJsonObject &o, const char *key, qint64 *out)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isDouble())
        return false;
    *out = v.toInteger();
    return true;
}

bool readMember(const QJsonValue &v, MemberRef *out)
{
    const QJsonObject o = v.toObject();
    return v.isObject() && readString(o, "id", &out->id) && readString(o, "name", &out->name);
}

bool readMember(const QJsonObject &o, const char *key, MemberRef *out)
{
    return readMember(o.value(QLatin1String(key)), out);
}

bool readMembers(const QJsonValue &v, QList<MemberRef> *out)
{
    if (!v.isArray())
        return false;
    const QJsonArray array = v.toArray();
    out->reserve(array.size());
    for (const QJsonValue &item : array) {
        MemberRef member;
        if (!readMember(item, &member))
            return false;
        out->append(member);
    }
    return true;
}

// A "message" event, live or from a joined reply's history.
bool readChatMessage(const QJsonObject &o, ChatMessage *out)
{
    if (!readString(o, "room", &out->room) || !readInteger(o, "id", &out->id)
        || !readMember(o, "from", &out->from) || !readString(o, "text", &out->text)
        || !readString(o, "timestamp", &out->timestamp)) {
        return false;
    }
    out->data = o.value(QLatin1String("data"));
    return true;
}

// A list of "message" events (a joined reply's history, a history page, search results).
bool readChatMessages(const QJsonValue &v, QList<ChatMessage> *out)
{
    if (!v.isArray())
        return false;
    const QJsonArray array = v.toArray();
    out->reserve(array.size());
    for (const QJsonValue &event : array) {
        ChatMessage message;
        if (!event.isObject() || !readChatMessage(event.toObject(), &message))
            return false;
        out->append(message);
    }
    return true;
}

// Each reader fills its payload or names what was missing or invalid (in *what).
using Read = bool (*)(const QJsonObject &o, NativeEvent::Payload *payload, const char **what);

bool fail(const char **what, const char *field)
{
    *what = field;
    return false;
}

bool readWelcome(const QJsonObject &o, NativeEvent::Payload *payload, const char **what)
{
    Welcome e;
    if (!readMember(o, "member", &e.member))
        return fail(what, "member");
    const QJsonValue rooms = o.value(QLatin1String("rooms"));
    if (!rooms.isUndefined() && !rooms.isArray())
        return fail(what, "rooms");
    const QJsonArray roomArray = rooms.toArray();
    for (const QJsonValue &room : roomArray) {
        if (!room.isString())
            return fail(what, "rooms");
        e.rooms.append(room.toString());
    }
    // Limits and the server's name are informative: a server that leaves them out is still one.
    const QJsonObject limits = o.value(QLatin1String("limits")).toObject();
    readInteger(limits, "max_message_bytes", &e.maxMessageBytes);
    readInteger(limits, "rate_per_second", &e.ratePerSecond);
    e.protocol = o.value(QLatin1String("protocol")).toInt();
    e.server = o.value(QLatin1String("server")).toString();
    *payload = e;
    return true;
}

bool readJoined(const QJsonObject &o, NativeEvent::Payload *payload, const char **what)
{
    Joined e;
    if (!readString(o, "room", &e.room))
        return fail(what, "room");
    if (!readMembers(o.value(QLatin1String("members")), &e.members))
        return fail(what, "members");
    const QJsonValue history = o.value(QLatin1String("history"));
    if (!history.isUndefined() && !readChatMessages(history, &e.history))
        return fail(what, "history");
    *payload = e;
    return true;
}

bool readLeft(const QJsonObject &o, NativeEvent::Payload *payload, const char **what)
{
    Left e;
    if (!readString(o, "room", &e.room))
        return fail(what, "room");
    *payload = e;
    return true;
}

bool readMessage(const QJsonObject &o, NativeEvent::Payload *payload, const char **what)
{
    Message e;
    if (!readChatMessage(o, &e.message))
        return fail(what, "room, id, from, text or timestamp");
    *payload = e;
    return true;
}

bool readAck(const QJsonObject &o, NativeEvent::Payload *payload, const char **what)
{
    Ack e;
    if (!readOptionalString(o, "room", &e.room))
        return fail(what, "room");
    if (o.contains(QLatin1String("id")) && !readInteger(o, "id", &e.id))
        return fail(what, "id");
    *payload = e;
    return true;
}

bool readPresence(const QJsonObject &o, NativeEvent::Payload *payload, const char **what)
{
    Presence e;
    if (!readString(o, "room", &e.room))
        return fail(what, "room");
    if (!readString(o, "event", &e.event))
        return fail(what, "event");
    if (!readMember(o, "member", &e.member))
        return fail(what, "member");
    if (!readOptionalString(o, "previous", &e.previous))
        return fail(what, "previous");
    *payload = e;
    return true;
}

bool readTyping(const QJsonObject &o, NativeEvent::Payload *payload, const char **what)
{
    Typing e;
    const QJsonValue active = o.value(QLatin1String("active"));
    if (!readString(o, "room", &e.room))
        return fail(what, "room");
    if (!readMember(o, "member", &e.member))
        return fail(what, "member");
    if (!active.isBool())
        return fail(what, "active");
    e.active = active.toBool();
    *payload = e;
    return true;
}

bool readDirect(const QJsonObject &o, NativeEvent::Payload *payload, const char **what)
{
    Direct e;
    if (!readMember(o, "from", &e.from))
        return fail(what, "from");
    if (!readMember(o, "to", &e.to))
        return fail(what, "to");
    if (!readString(o, "text", &e.text))
        return fail(what, "text");
    if (!readString(o, "timestamp", &e.timestamp))
        return fail(what, "timestamp");
    *payload = e;
    return true;
}

bool readRenamed(const QJsonObject &o, NativeEvent::Payload *payload, const char **what)
{
    Renamed e;
    if (!readMember(o, "member", &e.member))
        return fail(what, "member");
    *payload = e;
    return true;
}

bool readRooms(const QJsonObject &o, NativeEvent::Payload *payload, const char **what)
{
    Rooms e;
    const QJsonValue list = o.value(QLatin1String("rooms"));
    if (!list.isArray())
        return fail(what, "rooms");
    const QJsonArray items = list.toArray();
    for (const QJsonValue &item : items) {
        QString name;
        qint64 count = 0;
        if (!readString(item.toObject(), "name", &name)
            || !readInteger(item.toObject(), "members", &count)) {
            return fail(what, "rooms");
        }
        e.rooms.append({name, int(count)});
    }
    *payload = e;
    return true;
}

bool readMembersEvent(const QJsonObject &o, NativeEvent::Payload *payload, const char **what)
{
    Members e;
    if (!readString(o, "room", &e.room))
        return fail(what, "room");
    if (!readMembers(o.value(QLatin1String("members")), &e.members))
        return fail(what, "members");
    *payload = e;
    return true;
}

bool readPong(const QJsonObject &o, NativeEvent::Payload *payload, const char **what)
{
    Pong e;
    if (!readString(o, "server_time", &e.serverTime))
        return fail(what, "server_time");
    e.ts = o.value(QLatin1String("ts"));
    *payload = e;
    return true;
}

bool readHistory(const QJsonObject &o, NativeEvent::Payload *payload, const char **what)
{
    History e;
    const QJsonValue more = o.value(QLatin1String("more"));
    if (!readString(o, "room", &e.room))
        return fail(what, "room");
    if (!readChatMessages(o.value(QLatin1String("messages")), &e.messages))
        return fail(what, "messages");
    if (!more.isBool())
        return fail(what, "more");
    e.more = more.toBool();
    *payload = e;
    return true;
}

bool readSearch(const QJsonObject &o, NativeEvent::Payload *payload, const char **what)
{
    Search e;
    if (!readOptionalString(o, "room", &e.room))
        return fail(what, "room");
    if (!readString(o, "query", &e.query))
        return fail(what, "query");
    if (!readChatMessages(o.value(QLatin1String("messages")), &e.messages))
        return fail(what, "messages");
    *payload = e;
    return true;
}

bool readError(const QJsonObject &o, NativeEvent::Payload *payload, const char **what)
{
    Error e;
    if (!readString(o, "code", &e.code))
        return fail(what, "code");
    e.message = o.value(QLatin1String("message")).toString();
    *payload = e;
    return true;
}

struct Reader
{
    const char *type;
    Read read;
};

// The one table of event types: a new one is a line here.
constexpr Reader Readers[] = {
    {"message", readMessage},
    {"ack", readAck},
    {"typing", readTyping},
    {"presence", readPresence},
    {"welcome", readWelcome},
    {"joined", readJoined},
    {"left", readLeft},
    {"direct", readDirect},
    {"renamed", readRenamed},
    {"rooms", readRooms},
    {"members", readMembersEvent},
    {"pong", readPong},
    {"history", readHistory},
    {"search", readSearch},
    {"error", readError},
};

// Message events as the server writes them, for a list that carries them.
QList<QByteArray> encodedMessages(const QList<ChatMessage> &messages)
{
    QList<QByteArray> events;
    events.reserve(messages.size());
    for (const ChatMessage &message : messages)
        events.append(NativeCodec::message(message));
    return events;
}

NativeEvent unreadable(NativeEvent event, const QString &why)
{
    event.error = why;
    event.payload = Unknown();
    return event;
}

} // namespace

NativeEvent NativeEvent::decode(const QByteArray &utf8)
{
    NativeEvent event;
    StrictJson::ObjectRead read = StrictJson::readObject(utf8);
    switch (read.outcome) {
    case StrictJson::Outcome::NotJson:
        return unreadable(event, QStringLiteral("a frame that is not JSON (%1)").arg(read.why));
    case StrictJson::Outcome::NotStrict:
        return unreadable(event,
                          QStringLiteral("a frame that is not strict JSON (%1 at offset %2)")
                              .arg(read.why)
                              .arg(read.offset));
    case StrictJson::Outcome::NotObject:
        return unreadable(event, QStringLiteral("a frame that is not a JSON object"));
    case StrictJson::Outcome::Object:
        break;
    }
    event.object = std::move(read.object);
    event.ref = event.object.value(QLatin1String("ref"));
    if (!readString(event.object, "type", &event.type))
        return unreadable(event, QStringLiteral("a frame without a string \"type\""));

    for (const Reader &reader : Readers) {
        if (event.type != QLatin1String(reader.type))
            continue;
        const char *what = "";
        if (!reader.read(event.object, &event.payload, &what)) {
            return unreadable(event,
                              QStringLiteral("a \"%1\" frame with a missing or invalid %2")
                                  .arg(event.type, QString::fromLatin1(what)));
        }
        return event;
    }
    // A newer server may add events; one this client does not know is not an error.
    event.payload = Unknown();
    return event;
}

QByteArray NativeEvent::encode() const
{
    using namespace NativeEvents;
    if (!isValid())
        return QByteArray();
    if (const auto *e = get<Welcome>()) {
        const QString prefix = QStringLiteral("wsroom/");
        if (!e->server.startsWith(prefix) || e->protocol != NativeCodec::ProtocolVersion)
            return QByteArray();
        NativeCodec::Limits limits;
        limits.maxMessageBytes = e->maxMessageBytes;
        limits.ratePerSecond = int(e->ratePerSecond);
        return NativeCodec::welcome(e->member, e->rooms, limits, e->server.mid(prefix.size()));
    }
    if (const auto *e = get<Joined>())
        return NativeCodec::joined(e->room, e->members, encodedMessages(e->history), ref);
    if (const auto *e = get<History>())
        return NativeCodec::history(e->room, encodedMessages(e->messages), e->more, ref);
    if (const auto *e = get<Search>())
        return NativeCodec::searchResults(e->room, e->query, encodedMessages(e->messages), ref);
    if (const auto *e = get<Left>())
        return NativeCodec::left(e->room, ref);
    if (const auto *e = get<Message>())
        return NativeCodec::message(e->message);
    if (const auto *e = get<Ack>()) {
        const bool bare
            = !object.contains(QLatin1String("room")) && !object.contains(QLatin1String("id"));
        return bare ? NativeCodec::ack(ref) : NativeCodec::ack(ref, e->room, e->id);
    }
    if (const auto *e = get<Presence>()) {
        // The server's encoder takes its own event names, in ASCII; it could not write others.
        const bool ascii = std::all_of(e->event.cbegin(), e->event.cend(),
                                       [](QChar c) { return c.unicode() < 0x80; });
        if (!ascii)
            return QByteArray();
        const QByteArray event = e->event.toLatin1();
        return NativeCodec::presence(e->room, event.constData(), e->member, e->previous);
    }
    if (const auto *e = get<Typing>())
        return NativeCodec::typing(e->room, e->member, e->active);
    if (const auto *e = get<Direct>())
        return NativeCodec::direct(e->from, e->to, e->text, e->timestamp, ref);
    if (const auto *e = get<Renamed>())
        return NativeCodec::renamed(e->member, ref);
    if (const auto *e = get<Rooms>())
        return NativeCodec::rooms(e->rooms, ref);
    if (const auto *e = get<Members>())
        return NativeCodec::members(e->room, e->members, ref);
    if (const auto *e = get<Pong>())
        return NativeCodec::pong(e->ts, e->serverTime, ref);
    if (const auto *e = get<Error>()) {
        if (const std::optional<ErrorCode> code = errorCodeFromName(e->code))
            return NativeCodec::error(*code, e->message, ref);
    }
    return QByteArray();
}
