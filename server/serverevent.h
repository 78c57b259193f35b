#pragma once

#include "memberidentity.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <variant>

// A visitor made of lambdas, one per payload type (or a generic one for the rest), for
// std::visit over a ServerEvent's payload.
template<class... F> struct Overloaded : F...
{
    using F::operator()...;
};
template<class... F> Overloaded(F...) -> Overloaded<F...>;

// Something that happened on the server, as plain values for the GUI, logs and recordings: the
// time, and one payload type per kind, each field meaning one thing.
struct ServerEvent
{
    // The kinds, in the order of Payload's alternatives (kind() is the payload's index).
    enum class Kind {
        Connected,
        Disconnected,
        Joined,
        Left,
        Renamed,
        Message,
        Direct,
        Notification,
        RoomCreated,
        RoomRemoved,
        Error,
        Dropped,
        Warning,
        Refused,
        Kicked,
        Muted,
        RoomLocked,
    };

    // A member connected.
    struct Connected
    {
        MemberIdentity member;
        QString peerAddress;
    };
    // A member's connection closed.
    struct Disconnected
    {
        MemberIdentity member;
        int closeCode = 0;
        QString closeReason; // empty when the peer gave none
    };
    // A member joined a room.
    struct Joined
    {
        MemberIdentity member;
        QString room;
    };
    // A member left a room (or was in it when it disconnected).
    struct Left
    {
        MemberIdentity member;
        QString room;
    };
    // A member took another name; member.name is the new one.
    struct Renamed
    {
        MemberIdentity member;
        QString previousName;
    };
    // A message posted to a room; from.dialect is the dialect it was written in.
    struct Message
    {
        MemberIdentity from;
        QString room;
        QString text;
        qint64 id = 0; // the room's message number
    };
    // A native member's direct message to another.
    struct Direct
    {
        MemberIdentity from;
        QString toName;
        QString text;
    };
    // A notification to the notification members, sent by the host (or a local notify).
    struct Notification
    {
        QString text;
        int recipients = -1; // the notification members it was sent to; -1: not counted
    };
    // A room was made (by a join, or by the host).
    struct RoomCreated
    {
        QString room;
    };
    // A room was left empty and is gone; with a store, one with messages stays in the store.
    struct RoomRemoved
    {
        QString room;
        qint64 storedMessages = 0; // what the store keeps of it; 0: nothing, it is gone
    };
    // A member was sent an error.
    struct Error
    {
        MemberIdentity member;
        QString code; // the protocol's error code, as on the wire ("bad_json")
        QString message; // as sent, in English
        QString subject; // the name or room it is about, for the window's own words; or empty
    };
    // Message events left out of this batch (a flood), only counted.
    struct Dropped
    {
        int count = 0;
    };
    // Something the host should know that no member did: the store was moved aside, cannot be
    // written, or is written again.
    struct Warning
    {
        QString text;
    };
    // Connections from one address refused for one reason: told at once the first time, then
    // at most once a minute with how many there were since (see RefusalTally).
    struct Refused
    {
        QString address; // empty: addresses past the tally's table, together
        QString reason; // "wrong_code", "locked_out", "origin", "limit" or "banned"
        int count = 1;
    };
    // The host kicked (or banned) a member; its Left and Disconnected events follow.
    struct Kicked
    {
        MemberIdentity member;
        QString reason; // as the close frame gives it
        bool banned = false; // its name and address are refused from now on
    };
    // The host muted a member, or let it speak again.
    struct Muted
    {
        MemberIdentity member;
        bool muted = true;
    };
    // The host locked a room (only the host posts in it), or opened it again.
    struct RoomLocked
    {
        QString room;
        bool locked = true;
    };

    using Payload = std::variant<Connected, Disconnected, Joined, Left, Renamed, Message, Direct,
                                 Notification, RoomCreated, RoomRemoved, Error, Dropped, Warning,
                                 Refused, Kicked, Muted, RoomLocked>;

    QDateTime time;
    Payload payload;

    // An empty Connected event (a default for containers and QVariant).
    ServerEvent() = default;
    // An event with this payload, its time unset (the server stamps it).
    template<class P, class = std::enable_if_t<!std::is_same_v<std::decay_t<P>, ServerEvent>>>
    ServerEvent(P &&p, const QDateTime &at = QDateTime())
        : time(at)
        , payload(std::forward<P>(p))
    { }

    // Which payload the event has.
    Kind kind() const { return Kind(payload.index()); }
    // The payload if it is a P, else null.
    template<class P> const P *as() const { return std::get_if<P>(&payload); }
    // The room the event is about: empty for none; a notification's is "notifications", the
    // room its members listen in.
    QString room() const;
    // The member the event is about (a message's or direct's sender), or null for none.
    const MemberIdentity *member() const;
    // The member's id, empty for none.
    QString memberId() const;
    // The member's name, empty for none.
    QString memberName() const;

    // The kind's name as written in recordings and shown in the activity log.
    static QString kindName(Kind kind);
};
Q_DECLARE_METATYPE(ServerEvent)
using ServerEventList = QList<ServerEvent>;
Q_DECLARE_METATYPE(ServerEventList)
