#include "roomactions_p.h"

#include "banlist_p.h"
#include "eventbatcher_p.h"
#include "logging.h"
#include "memberconnection_p.h"
#include "outbox_p.h"
#include "protocol/nativecodec.h"
#include "protocol/timestamp.h"
#include "protocol/tutorialcodec.h"
#include "roomarchive_p.h"
#include "roomdirectory_p.h"
#include "serversnapshot.h"

#include <QPointer>
#include <QTimer>

#include <array>
#include <optional>

namespace {

constexpr int CloseGraceMs = 5000; // a peer that does not finish the closing handshake is cut

// One message in each dialect, each encoded (and framed, and compressed) the first time a
// member of that dialect needs it: a room of a thousand members costs one encoding per dialect,
// not a thousand.
class DialectFrames
{
public:
    explicit DialectFrames(const ChatMessage &message)
        : m_message(message)
    { }

    // The message in the dialect, encoded now if it is the first asked for.
    OutgoingMessage &of(Dialect dialect)
    {
        std::optional<OutgoingMessage> &encoded = m_frames[size_t(dialect)];
        if (!encoded)
            encoded.emplace(encode(dialect));
        return *encoded;
    }

    // The native encoding if a member needed it, else null.
    QByteArray native() const
    {
        const std::optional<OutgoingMessage> &native = m_frames[size_t(Dialect::Native)];
        return native ? native->payload() : QByteArray();
    }

private:
    QByteArray encode(Dialect dialect) const
    {
        switch (dialect) {
        case Dialect::Native:
            return NativeCodec::message(m_message);
        case Dialect::Chat:
            return TutorialCodec::forChat(m_message);
        case Dialect::Broadcast:
            return TutorialCodec::forBroadcast(m_message);
        case Dialect::Notifications:
        case Dialect::Echo:
            break;
        }
        return QByteArray();
    }

    const ChatMessage &m_message;
    std::array<std::optional<OutgoingMessage>, DialectCount> m_frames;
};

} // namespace

RoomActions::RoomActions(RoomDirectory &directory, Outbox &outbox, EventBatcher &events,
                         ServerStats &stats)
    : m_directory(directory)
    , m_outbox(outbox)
    , m_events(events)
    , m_stats(stats)
{ }

void RoomActions::send(Member *member, const QByteArray &utf8)
{
    m_outbox.send(member, utf8);
}

void RoomActions::send(Member *member, OutgoingMessage &message)
{
    m_outbox.send(member, message);
}

void RoomActions::sendError(Member *member, ErrorCode code, const QString &message,
                            const QJsonValue &ref, const QString &subject)
{
    if (member->dialect == Dialect::Native)
        send(member, NativeCodec::error(code, message, ref));
    else
        send(member, TutorialCodec::error(code, message, member->dialect));
    report(ServerEvent::Error {*member, errorCodeName(code), message, subject});
}

void RoomActions::sendToNative(Room *room, const QByteArray &utf8, const Member *except)
{
    OutgoingMessage message(utf8);
    const QList<Member *> members = room->members;
    for (Member *member : members) {
        if (member == except || member->dialect != Dialect::Native || member->closing)
            continue;
        m_outbox.send(member, message);
    }
}

Room *RoomActions::roomFor(const QString &name, QString *error)
{
    bool created = false;
    Room *room = m_directory.roomFor(name, &created, error);
    if (created)
        report(ServerEvent::RoomCreated {name});
    return room;
}

bool RoomActions::join(Member *member, const QString &roomName, const QJsonValue &ref)
{
    const RoomDirectory::JoinOutcome outcome = m_directory.join(member, roomName);
    if (outcome.roomCreated)
        report(ServerEvent::RoomCreated {roomName});
    Room *room = outcome.room;
    if (!room) {
        sendError(member, ErrorCode::TooManyRooms, outcome.error, ref);
        return false;
    }
    if (outcome.joined) {
        sendToNative(room, NativeCodec::presence(roomName, "join", member->ref()), member);
        qCInfo(lcServer, "%s (%s) joined %s", qPrintable(member->id), qPrintable(member->name),
               qPrintable(roomName));
        report(ServerEvent::Joined {*member, roomName});
    }
    if (member->dialect == Dialect::Native) {
        QList<QByteArray> history;
        history.reserve(int(room->history.size()));
        for (Room::HistoryEntry &entry : room->history) {
            if (entry.native.isNull()) // no native member was there to encode it for
                entry.native = NativeCodec::message(entry.message);
            history.append(entry.native);
        }
        send(member, NativeCodec::joined(roomName, RoomDirectory::memberRefs(room), history, ref));
    }
    return true;
}

void RoomActions::leave(Member *member, Room *room, const QJsonValue &ref, bool reply)
{
    m_directory.leave(member, room);
    if (reply && member->dialect == Dialect::Native)
        send(member, NativeCodec::left(room->name, ref));
    sendToNative(room, NativeCodec::presence(room->name, "leave", member->ref()), member);
    qCInfo(lcServer, "%s (%s) left %s", qPrintable(member->id), qPrintable(member->name),
           qPrintable(room->name));
    report(ServerEvent::Left {*member, room->name});
    const QString name = room->name;
    const qint64 stored = room->lastId > 0 ? room->storedMessages : 0;
    if (m_directory.removeIfEmpty(room))
        report(ServerEvent::RoomRemoved {name, stored});
}

void RoomActions::publish(Room *room, ChatMessage message)
{
    message.id = ++room->lastId;
    ++m_stats.roomMessages;
    DialectFrames frames(message);
    const QList<Member *> members = room->members;
    for (Member *member : members) {
        if (member->closing || member->dialect == Dialect::Notifications)
            continue; // notification members hear notifications only
        m_outbox.send(member, frames.of(member->dialect));
        ++m_stats.deliveries;
    }
    // The native encoding is kept when made; join() makes it for a room without natives.
    m_archive->record(room, message, frames.native());

    report(ServerEvent::Message {{message.from.id, message.from.name, message.origin},
                                 room->name,
                                 message.text,
                                 message.id});
}

void RoomActions::post(Member *member, Room *room, ChatMessage message)
{
    message.room = room->name;
    message.from = member->ref();
    message.timestamp = Timestamp::now();
    ++member->messagesSent;
    publish(room, std::move(message));
}

bool RoomActions::mayPost(Member *member, const Room *room, const QJsonValue &ref)
{
    if (!mayDirect(member, ref))
        return false;
    if (room->locked) {
        sendError(member, ErrorCode::RoomLocked, QStringLiteral("only the host posts in this room"),
                  ref);
        return false;
    }
    return true;
}

bool RoomActions::mayDirect(Member *member, const QJsonValue &ref)
{
    if (!member->muted)
        return true;
    sendError(member, ErrorCode::Muted, QStringLiteral("the host muted you"), ref);
    return false;
}

void RoomActions::rename(Member *member, const QString &name, const QJsonValue &ref)
{
    const QString previous = member->name;
    if (m_bans && m_bans->isBanned(name, QHostAddress())) {
        // The name would be refused at the door; a rename must not be the way around it.
        sendError(member, ErrorCode::NameTaken,
                  QStringLiteral("the name \"%1\" is banned by the host").arg(name), ref);
        return;
    }
    if (!m_directory.rename(member, name)) {
        sendError(member, ErrorCode::NameTaken,
                  QStringLiteral("the name \"%1\" is in use").arg(name), ref, name);
        return;
    }
    send(member, NativeCodec::renamed(member->ref(), ref));
    if (previous == name)
        return;
    for (const QString &roomName : std::as_const(member->rooms)) {
        if (Room *room = m_directory.room(roomName)) {
            sendToNative(room, NativeCodec::presence(roomName, "rename", member->ref(), previous),
                         member);
        }
    }
    qCInfo(lcServer, "%s renamed from %s to %s", qPrintable(member->id), qPrintable(previous),
           qPrintable(name));
    report(ServerEvent::Renamed {*member, previous});
}

void RoomActions::closeMember(Member *member, int code, const QString &reason, int graceMs)
{
    if (graceMs < 0)
        graceMs = CloseGraceMs;
    if (member->closing)
        return;
    member->closing = true;
    if (member->notificationTimer)
        member->notificationTimer->stop();
    QPointer<MemberConnection> connection = member->connection;
    // Deferred: closing may drop the connection at once, and callers are often in the middle
    // of a loop over a room's members.
    QTimer::singleShot(0, connection, [connection, code, reason, graceMs] {
        if (connection)
            connection->close(code, reason, graceMs);
    });
}

void RoomActions::report(ServerEvent event)
{
    m_events.add(std::move(event));
}
