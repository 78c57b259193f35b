#include "roomarchive_p.h"

#include "protocol/nativecodec.h"
#include "protocol/request.h"
#include "roomactions_p.h"
#include "roomdirectory_p.h"
#include "textquery_p.h"

#include <algorithm>

namespace {

// The entry's native event, encoded now if no native member was there to need it.
const QByteArray &nativeOf(Room::HistoryEntry &entry)
{
    if (entry.native.isNull())
        entry.native = NativeCodec::message(entry.message);
    return entry.native;
}

} // namespace

RoomArchive::RoomArchive(RoomDirectory &directory, RoomActions &actions)
    : m_directory(directory)
    , m_actions(actions)
{ }

void RoomArchive::record(Room *room, const ChatMessage &message, const QByteArray &native)
{
    m_directory.remember(room, message, native);
}

void RoomArchive::acknowledge(Member *member, const QJsonValue &ref, const QString &room, qint64 id)
{
    m_actions.send(member, NativeCodec::ack(ref, room, id));
}

void RoomArchive::answerHistory(Member *member, const Request &request)
{
    Room *room = m_directory.roomOf(member, request.room);
    if (!room)
        return refuseNotInRoom(member, request);
    auto &history = room->history;
    // The entries with an id below before are the first `end` (ids rise along the deque).
    auto end = request.before > 0 ? std::lower_bound(
                   history.begin(), history.end(), request.before,
                   [](const Room::HistoryEntry &entry, qint64 id) { return entry.message.id < id; })
                                  : history.end();
    const auto begin = end - std::min<std::ptrdiff_t>(end - history.begin(), request.limit);
    QList<QByteArray> page;
    page.reserve(int(end - begin));
    for (auto it = begin; it != end; ++it)
        page.append(nativeOf(*it));
    m_actions.send(member,
                   NativeCodec::history(room->name, page, begin != history.begin(), request.ref));
}

void RoomArchive::answerSearch(Member *member, const Request &request)
{
    const TextQuery query(request.query);
    if (!query.isValid()) {
        m_actions.sendError(member, ErrorCode::BadRequest,
                            QStringLiteral("\"query\" must hold a letter or a digit"), request.ref);
        return;
    }
    QList<Room *> rooms;
    if (!request.room.isNull()) {
        Room *room = m_directory.roomOf(member, request.room);
        if (!room)
            return refuseNotInRoom(member, request);
        rooms.append(room);
    } else {
        for (const QString &name : std::as_const(member->rooms)) {
            if (Room *room = m_directory.room(name))
                rooms.append(room);
        }
    }
    QList<Room::HistoryEntry *> found;
    for (Room *room : std::as_const(rooms)) {
        int inRoom = 0;
        for (auto it = room->history.rbegin(); it != room->history.rend(); ++it) {
            if (inRoom == request.limit)
                break;
            if (query.matches(it->message.text)) {
                found.append(&*it);
                ++inRoom;
            }
        }
    }
    std::sort(found.begin(), found.end(),
              [](const Room::HistoryEntry *a, const Room::HistoryEntry *b) {
                  return a->sequence > b->sequence; // newest first, across rooms
              });
    QList<QByteArray> events;
    const int count = std::min(int(found.size()), request.limit);
    events.reserve(count);
    for (int i = 0; i < count; ++i)
        events.append(nativeOf(*found.at(i)));
    m_actions.send(member,
                   NativeCodec::searchResults(request.room, request.query, events, request.ref));
}

void RoomArchive::refuseNotInRoom(Member *member, const Request &request)
{
    m_actions.sendError(member, ErrorCode::NotInRoom,
                        QStringLiteral("you are not in the room \"%1\"").arg(request.room),
                        request.ref);
}
