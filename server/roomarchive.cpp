#include "roomarchive_p.h"

#include "hosttext.h"
#include "logging.h"
#include "member_p.h"
#include "privatefiles.h"
#include "protocol/nativecodec.h"
#include "protocol/request.h"
#include "roomactions_p.h"
#include "roomdirectory_p.h"
#include "serverconfig.h"
#include "textquery_p.h"

#include <QCoreApplication>
#include <QFileInfo>

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

RoomArchive::~RoomArchive() = default;

bool RoomArchive::open(const ServerConfig &config, const std::function<void(const QString &)> &warn,
                       QString *error, int *exitStatus)
{
    close();
    m_directory.setKeepsStoredRooms(false, 0);
    if (config.storeFile.isEmpty())
        return true;
    const QString directory = QFileInfo(config.storeFile).absolutePath();
    // Made 0700 (the data directory for the default store); a folder that exists is left alone.
    if (!PrivateFiles::makeFolder(directory)) {
        *error = HostText::english(HostText::StoreFolder).arg(directory);
        *exitStatus = 1;
        return false;
    }
    auto store = std::make_unique<RoomStore>();
    const StoreFile::Opening opening
        = store->open(config.storeFile, config.retention, config.history);
    if (!opening.movedAside.isEmpty()) {
        qCWarning(lcServer, "%s", qPrintable(opening.movedAside));
        warn(opening.movedAside);
    }
    switch (opening.outcome) {
    case StoreFile::Opening::Outcome::InUse:
        *error = opening.error;
        *exitStatus = 2;
        return false;
    case StoreFile::Opening::Outcome::Failed:
        *error = opening.error;
        *exitStatus = 1;
        return false;
    case StoreFile::Opening::Outcome::Opened:
        break;
    }
    if (!opening.writable) {
        const QString why = HostText::english(HostText::KeptInMemory).arg(opening.error);
        qCWarning(lcServer, "%s", qPrintable(why));
        warn(why);
    }
    m_store = std::move(store);
    QObject::connect(m_store.get(), &RoomStore::committed, m_store.get(),
                     [this](qint64 ticket) { onCommitted(ticket); });
    QObject::connect(m_store.get(), &RoomStore::discarded, m_store.get(),
                     [this](qint64 ticket) { onDiscarded(ticket); });
    QObject::connect(
        m_store.get(), &RoomStore::writeStateChanged, m_store.get(),
        [warn, path = config.storeFile](const QString &why) {
            warn(why.isEmpty() ? HostText::english(HostText::StoreWrittenAgain).arg(path) : why);
        });
    m_directory.setKeepsStoredRooms(true, config.retention);
    m_directory.restore(opening.rooms);
    return true;
}

void RoomArchive::close()
{
    if (!m_store)
        return;
    m_store->close();
    // Acks the store committed while closing, sent to whoever is still there.
    QCoreApplication::sendPostedEvents(m_store.get());
    m_store.reset();
    m_pendingAcks.clear();
    m_lastTicket = 0;
}

void RoomArchive::describe(ServerSnapshot *snapshot) const
{
    if (!m_store)
        return;
    const RoomStore::Status status = m_store->status();
    snapshot->store.enabled = true;
    snapshot->store.path = status.path;
    snapshot->store.messages = status.messages;
    snapshot->store.bytes = status.bytes;
    snapshot->store.unindexed = status.unindexed;
    snapshot->store.error = status.error;
}

void RoomArchive::clearHistory(const QString &room, std::function<void()> done)
{
    m_directory.clearHistory(room);
    if (m_store)
        return m_store->clearRoom(room, std::move(done));
    done();
}

void RoomArchive::allMessages(const QString &roomName,
                              std::function<void(const QList<QByteArray> &)> done)
{
    if (m_store)
        return m_store->allMessages(roomName, std::move(done));
    QList<QByteArray> events;
    if (Room *room = m_directory.room(roomName)) {
        for (Room::HistoryEntry &entry : room->history)
            events.append(nativeOf(entry));
    }
    done(events);
}

void RoomArchive::record(Room *room, const ChatMessage &message, const QByteArray &native)
{
    if (!m_store) {
        m_directory.remember(room, message, native);
        return;
    }
    StoredMessage stored;
    stored.room = room->name;
    stored.id = message.id;
    stored.text = message.text;
    stored.event = native.isNull() ? NativeCodec::message(message) : native;
    m_directory.remember(room, message, stored.event);
    m_lastTicket = m_store->append(std::move(stored));
}

void RoomArchive::acknowledge(Member *member, const QJsonValue &ref, const QString &room, qint64 id)
{
    if (!m_store)
        return m_actions.send(member, NativeCodec::ack(ref, room, id));
    m_pendingAcks.push_back({m_lastTicket, member->id, NativeCodec::ack(ref, room, id)});
}

void RoomArchive::onCommitted(qint64 ticket)
{
    while (!m_pendingAcks.empty() && m_pendingAcks.front().ticket <= ticket) {
        sendLater(m_pendingAcks.front().memberId, m_pendingAcks.front().frame);
        m_pendingAcks.pop_front();
    }
}

void RoomArchive::onDiscarded(qint64 ticket)
{
    while (!m_pendingAcks.empty() && m_pendingAcks.front().ticket <= ticket)
        m_pendingAcks.pop_front();
}

void RoomArchive::sendLater(const QString &memberId, const QByteArray &utf8)
{
    Member *member = m_directory.member(memberId);
    if (member && !member->closing)
        m_actions.send(member, utf8);
}

void RoomArchive::answerHistory(Member *member, const Request &request)
{
    Room *room = m_directory.roomOf(member, request.room);
    if (!room)
        return refuseNotInRoom(member, request);
    if (m_store) {
        m_store->history(
            room->name, request.before, request.limit,
            [this, id = member->id, name = room->name, ref = request.ref](const HistoryPage &page) {
                sendLater(id, NativeCodec::history(name, page.events, page.more, ref));
            });
        return;
    }
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
    if (m_store) {
        QStringList names;
        for (const Room *room : std::as_const(rooms))
            names.append(room->name);
        m_store->search(names, request.query, request.limit,
                        [this, id = member->id, room = request.room, query = request.query,
                         ref = request.ref](const QList<QByteArray> &found) {
                            sendLater(id, NativeCodec::searchResults(room, query, found, ref));
                        });
        return;
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
                        request.ref, request.room);
}
