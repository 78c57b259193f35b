#include "roomdirectory_p.h"

#include "protocol/validation.h"

namespace {

constexpr const char *PermanentRooms[] = {"lobby", "chat", "notifications"};

} // namespace

RoomDirectory::RoomDirectory() = default;

RoomDirectory::~RoomDirectory() = default;

void RoomDirectory::setLimits(int maxRooms, int maxRoomsPerMember, int history)
{
    m_maxRooms = maxRooms;
    m_maxRoomsPerMember = maxRoomsPerMember;
    m_history = history;
}

void RoomDirectory::reset()
{
    clear();
    for (const char *name : PermanentRooms) {
        auto room = std::make_unique<Room>();
        room->name = QString::fromLatin1(name);
        room->permanent = true;
        const QString key = room->name;
        m_rooms.emplace(key, std::move(room));
    }
}

void RoomDirectory::clear()
{
    m_rooms.clear();
    m_storedOnly.clear();
    m_membersByName.clear();
    m_membersById.clear();
}

void RoomDirectory::restore(const QList<StoredRoom> &rooms)
{
    for (const StoredRoom &stored : rooms) {
        StoredOnly &waiting = m_storedOnly[stored.name];
        waiting.lastId = stored.lastId;
        waiting.messages = stored.messages;
        for (const StoredMessage &m : stored.recent) {
            Room::HistoryEntry entry;
            entry.message.room = m.room;
            entry.message.id = m.id;
            entry.message.text = m.text;
            entry.native = m.event;
            entry.sequence = ++m_messageSequence;
            waiting.history.push_back(std::move(entry));
        }
        while (m_history >= 0 && int(waiting.history.size()) > m_history)
            waiting.history.pop_front();
    }
    for (auto &entry : m_rooms)
        revive(entry.second.get());
}

void RoomDirectory::setKeepsStoredRooms(bool keeps, int retention)
{
    m_keepsStoredRooms = keeps;
    m_retention = retention;
}

void RoomDirectory::revive(Room *room)
{
    const auto found = m_storedOnly.find(room->name);
    if (found == m_storedOnly.end())
        return;
    room->lastId = found->second.lastId;
    room->storedMessages = found->second.messages;
    room->history = std::move(found->second.history);
    m_storedOnly.erase(found);
}

QList<QPair<QString, qint64>> RoomDirectory::storedOnlyRooms() const
{
    QList<QPair<QString, qint64>> rooms;
    rooms.reserve(qsizetype(m_storedOnly.size()));
    for (const auto &entry : m_storedOnly)
        rooms.append({entry.first, entry.second.messages});
    return rooms;
}

void RoomDirectory::clearHistory(const QString &name)
{
    if (Room *live = room(name)) {
        live->history.clear();
        live->storedMessages = 0;
    }
    const auto found = m_storedOnly.find(name);
    if (found != m_storedOnly.end()) {
        found->second.history.clear();
        found->second.messages = 0;
    }
}

Member *RoomDirectory::addMember(std::unique_ptr<Member> member)
{
    Member *added = member.get();
    m_membersByName.insert(added->name, added);
    m_membersById[added->id] = std::move(member);
    // cppcheck-suppress returnDanglingLifetime ; because m_membersById owns the Member now, not
    // `member`
    return added;
}

std::unique_ptr<Member> RoomDirectory::takeMember(const Member *member)
{
    const auto it = m_membersById.find(member->id);
    if (it == m_membersById.end() || it->second.get() != member)
        return nullptr;
    std::unique_ptr<Member> taken = std::move(it->second);
    m_membersById.erase(it);
    m_membersByName.remove(taken->name);
    return taken;
}

Member *RoomDirectory::member(const QString &id) const
{
    const auto it = m_membersById.find(id);
    return it == m_membersById.end() ? nullptr : it->second.get();
}

Member *RoomDirectory::findMember(const QString &nameOrId) const
{
    if (Member *found = member(nameOrId))
        return found;
    return m_membersByName.value(nameOrId);
}

bool RoomDirectory::contains(const Member *member) const
{
    return member && this->member(member->id) == member;
}

QList<Member *> RoomDirectory::members() const
{
    QList<Member *> list;
    list.reserve(qsizetype(m_membersById.size()));
    for (const auto &entry : m_membersById)
        list.append(entry.second.get());
    return list;
}

QString RoomDirectory::uniqueName(const QString &wanted) const
{
    if (!m_membersByName.contains(wanted))
        return wanted;
    for (int n = 2;; ++n) {
        const QString suffix = QLatin1Char('-') + QString::number(n);
        const QString candidate
            = Validation::truncated(wanted, Validation::MaxNameLength - suffix.size()) + suffix;
        if (!m_membersByName.contains(candidate))
            return candidate;
    }
}

bool RoomDirectory::rename(Member *member, const QString &name)
{
    if (name == member->name)
        return true;
    if (m_membersByName.contains(name))
        return false;
    m_membersByName.remove(member->name);
    member->name = name;
    m_membersByName.insert(name, member);
    return true;
}

Room *RoomDirectory::room(const QString &name) const
{
    const auto it = m_rooms.find(name);
    return it == m_rooms.end() ? nullptr : it->second.get();
}

Room *RoomDirectory::roomOf(const Member *member, const QString &name) const
{
    Room *found = room(name);
    return found && member->rooms.contains(name) ? found : nullptr;
}

Room *RoomDirectory::roomFor(const QString &name, bool *created, QString *error)
{
    *created = false;
    if (Room *existing = room(name))
        return existing;
    if (int(m_rooms.size()) >= m_maxRooms) {
        *error = QStringLiteral("the server already has %1 rooms, its limit").arg(m_rooms.size());
        return nullptr;
    }
    auto made = std::make_unique<Room>();
    made->name = name;
    Room *added = made.get();
    m_rooms.emplace(name, std::move(made));
    revive(added);
    *created = true;
    return added;
}

RoomDirectory::JoinOutcome RoomDirectory::join(Member *member, const QString &roomName)
{
    JoinOutcome outcome;
    if (Room *in = roomOf(member, roomName)) {
        outcome.room = in;
        return outcome;
    }
    if (member->rooms.size() >= m_maxRoomsPerMember) {
        outcome.error = QStringLiteral("you are already in %1 rooms, the most one member may join")
                            .arg(member->rooms.size());
        return outcome;
    }
    outcome.room = roomFor(roomName, &outcome.roomCreated, &outcome.error);
    if (!outcome.room)
        return outcome;
    outcome.room->members.append(member);
    member->rooms.append(roomName);
    outcome.joined = true;
    return outcome;
}

void RoomDirectory::leave(Member *member, Room *room)
{
    room->members.removeOne(member);
    member->rooms.removeOne(room->name);
}

bool RoomDirectory::removeIfEmpty(Room *room)
{
    if (!room->members.isEmpty() || room->keepsWhenEmpty())
        return false;
    const QString name = room->name; // the key must outlive the room it names
    if (m_keepsStoredRooms && room->lastId > 0)
        m_storedOnly[name] = {room->lastId, room->storedMessages, std::move(room->history)};
    m_rooms.erase(name);
    return true;
}

void RoomDirectory::remember(Room *room, const ChatMessage &message, const QByteArray &native)
{
    if (m_keepsStoredRooms)
        room->storedMessages = m_retention > 0 ? qMin<qint64>(room->storedMessages + 1, m_retention)
                                               : room->storedMessages + 1;
    if (m_history <= 0)
        return;
    room->history.push_back({message, native, ++m_messageSequence});
    while (int(room->history.size()) > m_history)
        room->history.pop_front();
}

QList<Room *> RoomDirectory::orderedRooms() const
{
    QList<Room *> rooms;
    rooms.reserve(qsizetype(m_rooms.size()));
    for (const char *name : PermanentRooms) {
        if (Room *found = room(QLatin1String(name)))
            rooms.append(found);
    }
    for (const auto &entry : m_rooms) {
        if (!entry.second->permanent)
            rooms.append(entry.second.get());
    }
    return rooms;
}

QList<MemberRef> RoomDirectory::memberRefs(const Room *room)
{
    QList<MemberRef> refs;
    refs.reserve(room->members.size());
    for (const Member *member : room->members)
        refs.append(member->ref());
    return refs;
}

void RoomDirectory::describe(ServerSnapshot *snapshot) const
{
    for (const Room *room : orderedRooms()) {
        ServerSnapshot::RoomInfo info;
        info.name = room->name;
        info.messages = room->lastId;
        info.storedMessages = room->storedMessages;
        info.permanent = room->permanent;
        info.pinned = room->pinned;
        info.locked = room->locked;
        for (const Member *member : room->members) {
            info.memberIds.append(member->id);
            info.memberNames.append(member->name);
        }
        snapshot->rooms.append(info);
    }
    for (const auto &entry : m_storedOnly)
        snapshot->storedRooms.append({entry.first, entry.second.messages});
    for (const auto &entry : m_membersById) {
        const Member *member = entry.second.get();
        ServerSnapshot::MemberInfo info;
        static_cast<MemberIdentity &>(info) = *member;
        info.address = member->address.toString();
        info.connectedAt = member->connectedAt;
        info.messagesSent = member->messagesSent;
        info.rooms = member->rooms;
        info.muted = member->muted;
        snapshot->members.append(info);
    }
}
