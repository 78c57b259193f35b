#pragma once

#include "chatmessage.h"
#include "memberref.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <variant>

// The events of the native dialect v1 as a client reads them (protocol.md, "Native dialect"),
// one plain struct per type; NativeCodec writes them on the server. To add an event type: a
// struct here, a member of NativeEvent::Payload, and one reader in nativeevent.cpp's table.
namespace NativeEvents {

// The server's greeting: who this connection is, the server's rooms and its limits.
struct Welcome
{
    int protocol = 0;
    QString server; // e.g. "wsroom/0.1.0"
    MemberRef member;
    QStringList rooms;
    qint64 maxMessageBytes = 0; // 0 when the server did not say
    qint64 ratePerSecond = 0; // 0 when the server has no rate limit or did not say
};

// The connection is in the room now; members include itself, history is oldest first.
struct Joined
{
    QString room;
    QList<MemberRef> members;
    QList<ChatMessage> history;
};

// The connection left the room.
struct Left
{
    QString room;
};

// A message in one of the connection's rooms, its own included.
struct Message
{
    ChatMessage message;
};

// A request was accepted: for a message, the room and the id it was given; else empty and 0.
struct Ack
{
    QString room;
    qint64 id = 0;
};

// Another member joined, left or was renamed ("join", "leave", "rename") in a room.
struct Presence
{
    QString room;
    QString event;
    MemberRef member;
    QString previous; // the old name of a rename; null when the frame had none
};

// Another member started or stopped typing in a room.
struct Typing
{
    QString room;
    MemberRef member;
    bool active = false;
};

// A direct message to or from the connection.
struct Direct
{
    MemberRef from;
    MemberRef to;
    QString text;
    QString timestamp;
};

// The connection's new name, as the server accepted it.
struct Renamed
{
    MemberRef member;
};

// The server's rooms and how many members each has.
struct Rooms
{
    QList<QPair<QString, int>> rooms;
};

// A room's members (empty for a room that does not exist).
struct Members
{
    QString room;
    QList<MemberRef> members;
};

// The answer to a ping: the ts it carried and the server's time.
struct Pong
{
    QJsonValue ts = QJsonValue::Undefined;
    QString serverTime;
};

// A page of a room's messages (the answer to a history request), oldest first; more is true
// when the room holds older ones.
struct History
{
    QString room;
    QList<ChatMessage> messages;
    bool more = false;
};

// The messages matching a search, newest first; room is null when the search covered every
// room of the member (the request named none).
struct Search
{
    QString room;
    QString query;
    QList<ChatMessage> messages;
};

// A request was refused, or something went wrong on the server.
struct Error
{
    QString code;
    QString message;
};

// A well-formed event of a type this protocol version does not know: not an error.
struct Unknown
{
};

} // namespace NativeEvents

// One frame from a native-dialect server, decoded: either a typed payload or why it could not be
// read. The frame went through StrictJson::check, as the server's requests do.
struct NativeEvent
{
    using Payload = std::variant<
        NativeEvents::Unknown, NativeEvents::Welcome, NativeEvents::Joined, NativeEvents::Left,
        NativeEvents::Message, NativeEvents::Ack, NativeEvents::Presence, NativeEvents::Typing,
        NativeEvents::Direct, NativeEvents::Renamed, NativeEvents::Rooms, NativeEvents::Members,
        NativeEvents::Pong, NativeEvents::History, NativeEvents::Search, NativeEvents::Error>;

    Payload payload;
    QString type; // the frame's "type" as written; empty when there was none
    QJsonValue ref = QJsonValue::Undefined; // the request's ref echoed back; Undefined if absent
    QJsonObject object; // the whole frame, for callers that match replies to requests
    QString error; // why the frame cannot be read ("a frame that ..."); empty when it can

    // Decodes one text frame; never throws, a frame it cannot read comes back with error set.
    static NativeEvent decode(const QByteArray &utf8);
    // Decodes one text frame given as text.
    static NativeEvent decode(const QString &frame) { return decode(frame.toUtf8()); }

    // The event written as the server writes it (NativeCodec), for round-trip checks; empty for
    // an unreadable or unknown frame, an error code this version does not know, a presence
    // event name that is not ASCII, or a welcome whose server is not "wsroom/<version>".
    QByteArray encode() const;

    // True when the frame was read (a payload of a type this version does not know included).
    bool isValid() const { return error.isEmpty(); }
    // True when the frame is well formed but of a type this protocol version does not know.
    bool isUnknown() const { return std::holds_alternative<NativeEvents::Unknown>(payload); }
    // The payload of type T, or nullptr when the frame holds another.
    template<typename T> const T *get() const { return std::get_if<T>(&payload); }
};
