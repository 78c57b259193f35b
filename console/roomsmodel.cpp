#include "roomsmodel.h"

#include "naturalorder_p.h"

#include <algorithm>

namespace {

// Rooms read best in natural dictionary order.
bool roomLessThan(const QString &a, const QString &b)
{
    return naturalCompare(a, b) < 0;
}

} // namespace

RoomsModel::RoomsModel(QObject *parent)
    : QAbstractItemModel(parent)
{ }

RoomsModel::~RoomsModel()
{
    qDeleteAll(m_rooms);
    qDeleteAll(m_members);
}

void RoomsModel::loadSnapshot(const ServerSnapshot &snapshot)
{
    m_storeEnabled = snapshot.store.enabled;
    if (m_rooms.isEmpty() && m_members.isEmpty()) {
        // Nothing shown yet, so nothing to keep: one reset is the cheapest way in.
        beginResetModel();
        for (const ServerSnapshot::MemberInfo &info : snapshot.members) {
            auto *member = new MemberNode;
            member->id = info.id;
            member->name = info.name;
            member->dialect = info.dialect;
            member->address = info.address;
            member->connectedAt = info.connectedAt;
            member->messagesSent = info.messagesSent;
            member->muted = info.muted;
            m_members.insert(member->id, member);
        }
        for (const ServerSnapshot::RoomInfo &info : snapshot.rooms) {
            if (m_roomsByName.contains(info.name))
                continue;
            auto *room = new RoomNode;
            room->name = info.name;
            room->messages = info.messages;
            room->storedMessages = info.storedMessages;
            room->permanent = info.permanent;
            room->pinned = info.pinned;
            room->locked = info.locked;
            for (int i = 0; i < info.memberIds.size(); ++i) {
                MemberNode *member = m_members.value(info.memberIds.at(i));
                if (!member) {
                    member = new MemberNode;
                    member->id = info.memberIds.at(i);
                    member->name = info.memberNames.value(i);
                    m_members.insert(member->id, member);
                }
                if (member->rooms.contains(room))
                    continue;
                room->members.append(member);
                member->rooms.append(room);
            }
            m_rooms.append(room);
            m_roomsByName.insert(room->name, room);
        }
        for (const ServerSnapshot::StoredRoomInfo &info : snapshot.storedRooms) {
            if (info.name.isEmpty() || m_roomsByName.contains(info.name))
                continue;
            auto *room = new RoomNode;
            room->name = info.name;
            room->stored = true;
            room->storedMessages = info.messages;
            m_rooms.append(room);
            m_roomsByName.insert(room->name, room);
        }
        std::sort(m_rooms.begin(), m_rooms.end(), [](const RoomNode *a, const RoomNode *b) {
            return roomLessThan(a->name, b->name);
        });
        for (const ServerSnapshot::MemberInfo &info : snapshot.members) {
            MemberNode *member = m_members.value(info.id);
            if (member->rooms.isEmpty() && !member->inNoRoomNode) {
                member->inNoRoomNode = true;
                m_noRoom.members.append(member);
            }
        }
        for (RoomNode *r : std::as_const(m_rooms))
            std::sort(r->members.begin(), r->members.end(), memberLessThan);
        std::sort(m_noRoom.members.begin(), m_noRoom.members.end(), memberLessThan);
        m_noRoomCountSent = int(m_noRoom.members.size());
        renumberRooms(0);
        endResetModel();
        emit roomNamesChanged();
        return;
    }

    // Merge: the snapshot is the truth, but rows that stay keep their place (and selection).
    QSet<QString> keepMembers;
    for (const ServerSnapshot::MemberInfo &info : snapshot.members) {
        keepMembers.insert(info.id);
        MemberNode *member = m_members.value(info.id);
        if (!member) {
            member = new MemberNode;
            member->id = info.id;
            m_members.insert(member->id, member);
        } else if (member->name != info.name || member->dialect != info.dialect
                   || member->address != info.address || member->connectedAt != info.connectedAt
                   || member->messagesSent != info.messagesSent || member->muted != info.muted) {
            m_dirtyMembers.insert(member);
        }
        member->name = info.name;
        member->dialect = info.dialect;
        member->address = info.address;
        member->connectedAt = info.connectedAt;
        member->messagesSent = info.messagesSent;
        member->muted = info.muted;
    }

    QSet<QString> liveRoomNames;
    for (const ServerSnapshot::RoomInfo &info : snapshot.rooms)
        liveRoomNames.insert(info.name);
    QSet<QString> roomNamesKept = liveRoomNames;
    for (const ServerSnapshot::StoredRoomInfo &info : snapshot.storedRooms)
        roomNamesKept.insert(info.name);
    for (int row = m_rooms.size() - 1; row >= 0; --row) {
        if (!roomNamesKept.contains(m_rooms.at(row)->name))
            removeRoom(m_rooms.at(row));
    }

    for (const ServerSnapshot::RoomInfo &info : snapshot.rooms) {
        RoomNode *node = liveRoom(info.name);
        if (node->messages != info.messages || node->permanent != info.permanent
            || node->pinned != info.pinned || node->storedMessages != info.storedMessages
            || node->locked != info.locked) {
            m_dirtyRooms.insert(node);
        }
        node->messages = info.messages;
        node->storedMessages = info.storedMessages;
        node->permanent = info.permanent;
        node->pinned = info.pinned;
        node->locked = info.locked;

        // Sets, not lists: the lobby of a load test holds thousands.
        QList<MemberNode *> wanted;
        QSet<MemberNode *> wantedSet;
        for (int i = 0; i < info.memberIds.size(); ++i) {
            const QString &id = info.memberIds.at(i);
            keepMembers.insert(id);
            MemberNode *member = m_members.value(id);
            if (!member) {
                member = new MemberNode;
                member->id = id;
                member->name = info.memberNames.value(i);
                m_members.insert(id, member);
            }
            if (!wantedSet.contains(member)) {
                wantedSet.insert(member);
                wanted.append(member);
            }
        }
        for (int row = node->members.size() - 1; row >= 0; --row) {
            MemberNode *member = node->members.at(row);
            if (!wantedSet.contains(member))
                removeMember(node, member);
        }
        QList<MemberNode *> joining;
        for (MemberNode *member : std::as_const(wanted)) {
            if (!member->rooms.contains(node))
                joining.append(member);
        }
        addMembers(node, joining);
    }

    loadStoredRooms(snapshot.storedRooms, liveRoomNames);

    const QList<MemberNode *> members = m_members.values();
    for (MemberNode *member : members) {
        if (!keepMembers.contains(member->id)) {
            const QList<RoomNode *> rooms = member->rooms;
            for (RoomNode *r : rooms)
                removeMember(r, member);
            forgetMember(member);
        }
    }
    for (MemberNode *member : std::as_const(m_members))
        queueNoRoomCheck(member);
    flushDirty();
}

void RoomsModel::applyEvents(const ServerEventList &events)
{
    bool resync = false;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const ServerEvent &event = events.at(i);
        std::visit(Overloaded {
                       [&](const ServerEvent::Connected &p) { apply(p, event.time); },
                       [&](const ServerEvent::Joined &) { i = applyJoins(events, i); },
                       [&](const ServerEvent::Dropped &) { resync = true; },
                       // Not about rooms or counts.
                       [](const ServerEvent::Direct &) {},
                       [](const ServerEvent::Notification &) {},
                       [](const ServerEvent::Error &) {},
                       [](const ServerEvent::Warning &) {},
                       [](const ServerEvent::Refused &) {},
                       [](const ServerEvent::Kicked &) {}, // its Left and Disconnected follow
                       [this](const auto &p) { apply(p); },
                   },
                   event.payload);
    }
    flushDirty();
    if (resync)
        emit resyncWanted();
}

void RoomsModel::clear()
{
    beginResetModel();
    qDeleteAll(m_rooms);
    qDeleteAll(m_members);
    m_rooms.clear();
    m_roomsByName.clear();
    m_members.clear();
    m_noRoom.members.clear();
    m_noRoom.row = 0;
    m_noRoomChecks.clear();
    m_noRoomCountSent = 0;
    m_dirtyRooms.clear();
    m_dirtyMembers.clear();
    m_roomNamesChanged = false;
    m_storeEnabled = false;
    endResetModel();
    emit roomNamesChanged();
}

QModelIndex RoomsModel::roomIndex(const QString &name, int column) const
{
    const RoomNode *r = room(name);
    if (!r || column < 0 || column >= ColumnCount)
        return QModelIndex();
    return createIndex(r->row, column, nullptr);
}

QModelIndex RoomsModel::memberIndex(const QString &roomName, const QString &memberId,
                                    int column) const
{
    RoomNode *r = roomName.isEmpty() ? const_cast<RoomNode *>(&m_noRoom) : room(roomName);
    const MemberNode *member = m_members.value(memberId);
    if (!r || !member || column < 0 || column >= ColumnCount)
        return QModelIndex();
    const int row = r->members.indexOf(member);
    return row < 0 ? QModelIndex() : createIndex(row, column, r);
}

QModelIndex RoomsModel::noRoomIndex(int column) const
{
    if (m_noRoom.members.isEmpty() || column < 0 || column >= ColumnCount)
        return QModelIndex();
    return createIndex(m_noRoom.row, column, nullptr);
}

QStringList RoomsModel::roomNames(bool includeStored) const
{
    QStringList names;
    names.reserve(m_rooms.size());
    for (const RoomNode *r : m_rooms) {
        if (includeStored || !r->stored)
            names.append(r->name);
    }
    return names;
}

bool RoomsModel::isStored(const QString &name) const
{
    const RoomNode *r = room(name);
    return r && r->stored;
}

qint64 RoomsModel::storedMessages(const QString &name) const
{
    const RoomNode *r = room(name);
    return r ? r->storedMessages : 0;
}

QString RoomsModel::memberName(const QString &memberId) const
{
    const MemberNode *member = m_members.value(memberId);
    return member ? member->name : QString();
}

QStringList RoomsModel::memberIds() const
{
    QList<const MemberNode *> members;
    members.reserve(m_members.size());
    for (const MemberNode *member : m_members)
        members.append(member);
    std::sort(members.begin(), members.end(), [](const MemberNode *a, const MemberNode *b) {
        return a->connectedAt != b->connectedAt ? a->connectedAt < b->connectedAt : a->id < b->id;
    });
    QStringList ids;
    ids.reserve(members.size());
    for (const MemberNode *member : std::as_const(members))
        ids.append(member->id);
    return ids;
}

// A room's index carries no pointer; a member's carries its room, so parent() needs no search.
QModelIndex RoomsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return QModelIndex();
    if (!parent.isValid())
        return row < topRowCount() ? createIndex(row, column, nullptr) : QModelIndex();
    RoomNode *r
        = parent.internalPointer() || parent.column() != 0 ? nullptr : topNode(parent.row());
    return r && row < r->members.size() ? createIndex(row, column, r) : QModelIndex();
}

QModelIndex RoomsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || !child.internalPointer())
        return QModelIndex();
    const auto *r = static_cast<const RoomNode *>(child.internalPointer());
    return createIndex(r->row, 0, nullptr);
}

int RoomsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return topRowCount();
    const RoomNode *r
        = parent.internalPointer() || parent.column() != 0 ? nullptr : topNode(parent.row());
    return r ? int(r->members.size()) : 0;
}

int RoomsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

RoomsModel::RoomNode *RoomsModel::topNode(int row) const
{
    if (row >= 0 && row < m_rooms.size())
        return m_rooms.at(row);
    if (row == m_rooms.size() && !m_noRoom.members.isEmpty())
        return const_cast<RoomNode *>(&m_noRoom);
    return nullptr;
}

RoomsModel::RoomNode *RoomsModel::roomOf(const QModelIndex &index) const
{
    if (!index.isValid())
        return nullptr;
    if (index.internalPointer())
        return static_cast<RoomNode *>(index.internalPointer());
    return topNode(index.row());
}

RoomsModel::MemberNode *RoomsModel::memberOf(const QModelIndex &index) const
{
    if (!index.isValid() || !index.internalPointer())
        return nullptr;
    return static_cast<RoomNode *>(index.internalPointer())->members.value(index.row());
}

int RoomsModel::insertionRow(const QString &name) const
{
    const auto it = std::lower_bound(
        m_rooms.cbegin(), m_rooms.cend(), name,
        [](const RoomNode *r, const QString &n) { return roomLessThan(r->name, n); });
    return int(it - m_rooms.cbegin());
}

RoomsModel::RoomNode *RoomsModel::addRoom(const QString &name)
{
    const int row = insertionRow(name);
    beginInsertRows(QModelIndex(), row, row);
    auto *r = new RoomNode;
    r->name = name;
    m_rooms.insert(row, r);
    m_roomsByName.insert(name, r);
    renumberRooms(row);
    endInsertRows();
    m_roomNamesChanged = true;
    return r;
}

RoomsModel::RoomNode *RoomsModel::liveRoom(const QString &name)
{
    RoomNode *r = room(name);
    if (!r)
        return addRoom(name);
    if (r->stored) {
        r->stored = false;
        m_dirtyRooms.insert(r);
        m_roomNamesChanged = true;
    }
    return r;
}

void RoomsModel::loadStoredRooms(const QList<ServerSnapshot::StoredRoomInfo> &rooms,
                                 const QSet<QString> &liveRooms)
{
    for (const ServerSnapshot::StoredRoomInfo &info : rooms) {
        // A live room of the same name wins (a snapshot should not list both).
        if (info.name.isEmpty() || liveRooms.contains(info.name))
            continue;
        RoomNode *r = room(info.name);
        if (!r)
            r = addRoom(info.name);
        const QList<MemberNode *> members = r->members;
        for (MemberNode *member : members)
            removeMember(r, member);
        if (!r->stored || r->storedMessages != info.messages) {
            m_dirtyRooms.insert(r);
            m_roomNamesChanged = m_roomNamesChanged || !r->stored;
        }
        r->stored = true;
        r->storedMessages = info.messages;
        r->permanent = false;
        r->pinned = false;
    }
}

void RoomsModel::removeRoom(RoomNode *r)
{
    const int row = r->row;
    beginRemoveRows(QModelIndex(), row, row);
    m_rooms.removeAt(row);
    m_roomsByName.remove(r->name);
    for (MemberNode *member : std::as_const(r->members)) {
        member->rooms.removeOne(r);
        queueNoRoomCheck(member);
    }
    renumberRooms(row);
    endRemoveRows();
    m_dirtyRooms.remove(r);
    m_roomNamesChanged = true;
    delete r;
}

void RoomsModel::addMembers(RoomNode *r, const QList<MemberNode *> &members)
{
    if (members.isEmpty())
        return;
    insertSorted(createIndex(r->row, 0, nullptr), &r->members, members);
    for (MemberNode *member : members) {
        member->rooms.append(r);
        queueNoRoomCheck(member);
    }
    m_dirtyRooms.insert(r);
}

void RoomsModel::removeMember(RoomNode *r, MemberNode *member)
{
    const int row = r->members.indexOf(member);
    if (row < 0)
        return;
    beginRemoveRows(createIndex(r->row, 0, nullptr), row, row);
    r->members.removeAt(row);
    member->rooms.removeOne(r);
    endRemoveRows();
    queueNoRoomCheck(member);
    m_dirtyRooms.insert(r);
}

void RoomsModel::apply(const ServerEvent::Connected &connected, const QDateTime &at)
{
    MemberNode *member = ensureMember(connected.member);
    if (!member)
        return;
    member->dialect = connected.member.dialect;
    member->address = connected.peerAddress;
    member->connectedAt = at;
    m_dirtyMembers.insert(member);
}

void RoomsModel::apply(const ServerEvent::Disconnected &disconnected)
{
    MemberNode *member = m_members.value(disconnected.member.id);
    if (!member)
        return;
    const QList<RoomNode *> rooms = member->rooms;
    for (RoomNode *r : rooms)
        removeMember(r, member);
    forgetMember(member);
}

qsizetype RoomsModel::applyJoins(const ServerEventList &events, qsizetype first)
{
    // A crowd joining one room arrives as a run of events: one insertion for the run.
    const QString &roomName = events.at(first).as<ServerEvent::Joined>()->room;
    qsizetype last = first;
    while (last + 1 < events.size()) {
        const auto *next = events.at(last + 1).as<ServerEvent::Joined>();
        if (!next || next->room != roomName)
            break;
        ++last;
    }
    if (roomName.isEmpty())
        return last;
    RoomNode *r = liveRoom(roomName);
    QList<MemberNode *> joining;
    QSet<MemberNode *> seen;
    for (qsizetype i = first; i <= last; ++i) {
        MemberNode *member = ensureMember(events.at(i).as<ServerEvent::Joined>()->member);
        if (member && !member->rooms.contains(r) && !seen.contains(member)) {
            seen.insert(member);
            joining.append(member);
        }
    }
    addMembers(r, joining);
    return last;
}

void RoomsModel::apply(const ServerEvent::Left &left)
{
    RoomNode *r = room(left.room);
    MemberNode *member = m_members.value(left.member.id);
    if (r && member)
        removeMember(r, member);
}

void RoomsModel::apply(const ServerEvent::Renamed &renamed)
{
    MemberNode *member = m_members.value(renamed.member.id);
    const QString &name = renamed.member.name;
    if (member && !name.isEmpty() && member->name != name) {
        member->name = name;
        m_dirtyMembers.insert(member);
    }
}

void RoomsModel::apply(const ServerEvent::Muted &muted)
{
    MemberNode *member = m_members.value(muted.member.id);
    if (member && member->muted != muted.muted) {
        member->muted = muted.muted;
        m_dirtyMembers.insert(member);
    }
}

void RoomsModel::apply(const ServerEvent::RoomLocked &locked)
{
    RoomNode *r = room(locked.room);
    if (r && !r->stored && r->locked != locked.locked) {
        r->locked = locked.locked;
        r->pinned = r->pinned || locked.locked; // as the server keeps it
        m_dirtyRooms.insert(r);
    }
}

void RoomsModel::apply(const ServerEvent::Message &message)
{
    // Ids are per-room sequence numbers: one at or below the count is a message the last
    // snapshot already counted (its event was still in the manager's buffer).
    bool fresh = true;
    if (RoomNode *r = room(message.room); r && !r->stored) {
        if (m_storeEnabled) {
            ++r->storedMessages;
            m_dirtyRooms.insert(r);
        }
        if (message.id > r->messages) {
            r->messages = message.id;
            m_dirtyRooms.insert(r);
        } else if (message.id <= 0) {
            ++r->messages;
            m_dirtyRooms.insert(r);
        } else {
            fresh = false;
        }
    }
    if (MemberNode *member = m_members.value(message.from.id); member && fresh) {
        ++member->messagesSent;
        m_dirtyMembers.insert(member);
    }
}

void RoomsModel::apply(const ServerEvent::RoomCreated &created)
{
    if (!created.room.isEmpty())
        liveRoom(created.room);
}

void RoomsModel::apply(const ServerEvent::RoomRemoved &removed)
{
    RoomNode *r = room(removed.room);
    if (!r)
        return;
    if (removed.storedMessages <= 0) {
        removeRoom(r);
        return;
    }
    const QList<MemberNode *> members = r->members;
    for (MemberNode *member : members)
        removeMember(r, member);
    if (!r->stored)
        m_roomNamesChanged = true;
    r->stored = true;
    r->storedMessages = removed.storedMessages;
    r->permanent = false;
    r->pinned = false;
    m_dirtyRooms.insert(r);
}

RoomsModel::MemberNode *RoomsModel::ensureMember(const MemberIdentity &identity)
{
    if (identity.id.isEmpty())
        return nullptr;
    MemberNode *member = m_members.value(identity.id);
    if (!member) {
        member = new MemberNode;
        member->id = identity.id;
        member->name = identity.name;
        member->dialect = identity.dialect;
        m_members.insert(member->id, member);
        queueNoRoomCheck(member);
    } else if (!identity.name.isEmpty() && member->name != identity.name) {
        member->name = identity.name;
        m_dirtyMembers.insert(member);
    }
    return member;
}

void RoomsModel::forgetMember(MemberNode *member)
{
    if (member->inNoRoomNode)
        removeFromNoRoomNode([member](const MemberNode *m) { return m == member; });
    m_noRoomChecks.remove(member);
    m_members.remove(member->id);
    m_dirtyMembers.remove(member);
    delete member;
}

void RoomsModel::renumberRooms(int from)
{
    for (int row = from; row < m_rooms.size(); ++row)
        m_rooms.at(row)->row = row;
    m_noRoom.row = int(m_rooms.size());
}

void RoomsModel::flushDirty()
{
    syncNoRoomNode();
    for (const RoomNode *r : std::as_const(m_dirtyRooms))
        emit dataChanged(createIndex(r->row, 0, nullptr),
                         createIndex(r->row, ColumnCount - 1, nullptr));
    // Renamed members move to their names' places; with several renamed at once, one placed
    // beside another not yet placed can need a second pass.
    for (bool moved = true; moved;) {
        moved = false;
        for (MemberNode *member : std::as_const(m_dirtyMembers)) {
            for (RoomNode *r : member->rooms)
                moved = keepSorted(createIndex(r->row, 0, nullptr), &r->members, member) || moved;
            if (member->inNoRoomNode) {
                moved = keepSorted(createIndex(m_noRoom.row, 0, nullptr), &m_noRoom.members, member)
                    || moved;
            }
        }
    }
    for (const MemberNode *member : std::as_const(m_dirtyMembers)) {
        for (RoomNode *r : member->rooms) {
            const int row = r->members.indexOf(member);
            if (row >= 0)
                emit dataChanged(createIndex(row, 0, r), createIndex(row, ColumnCount - 1, r));
        }
        if (member->inNoRoomNode) {
            const int row = int(m_noRoom.members.indexOf(member));
            RoomNode *node = const_cast<RoomNode *>(&m_noRoom);
            emit dataChanged(createIndex(row, 0, node), createIndex(row, ColumnCount - 1, node));
        }
    }
    m_dirtyRooms.clear();
    m_dirtyMembers.clear();
    if (m_roomNamesChanged) {
        m_roomNamesChanged = false;
        emit roomNamesChanged();
    }
}

void RoomsModel::syncNoRoomNode()
{
    QList<MemberNode *> arriving;
    bool anyLeaving = false;
    for (MemberNode *member : std::as_const(m_noRoomChecks)) {
        if (member->rooms.isEmpty() && !member->inNoRoomNode)
            arriving.append(member);
        else if (!member->rooms.isEmpty() && member->inNoRoomNode)
            anyLeaving = true;
    }
    m_noRoomChecks.clear();
    if (anyLeaving)
        removeFromNoRoomNode([](const MemberNode *m) { return !m->rooms.isEmpty(); });
    if (!arriving.isEmpty()) {
        for (MemberNode *member : std::as_const(arriving))
            member->inNoRoomNode = true;
        if (m_noRoom.members.isEmpty()) {
            // The node appears with its first children, in one insertion.
            std::sort(arriving.begin(), arriving.end(), memberLessThan);
            beginInsertRows(QModelIndex(), m_noRoom.row, m_noRoom.row);
            m_noRoom.members = arriving;
            endInsertRows();
        } else {
            insertSorted(createIndex(m_noRoom.row, 0, nullptr), &m_noRoom.members, arriving);
        }
    }
    // Its Members count; rows inserted or removed under it do not say that the count changed.
    const int count = int(m_noRoom.members.size());
    if (count > 0 && count != m_noRoomCountSent)
        emit dataChanged(createIndex(m_noRoom.row, 0, nullptr),
                         createIndex(m_noRoom.row, ColumnCount - 1, nullptr));
    m_noRoomCountSent = count;
}

void RoomsModel::removeFromNoRoomNode(const std::function<bool(const MemberNode *)> &leaving)
{
    QList<MemberNode *> &members = m_noRoom.members;
    const auto count = std::count_if(members.cbegin(), members.cend(), leaving);
    if (count == 0)
        return;
    if (count == members.size()) {
        beginRemoveRows(QModelIndex(), m_noRoom.row, m_noRoom.row);
        for (MemberNode *member : std::as_const(members))
            member->inNoRoomNode = false;
        members.clear();
        endRemoveRows();
        return;
    }
    const QModelIndex node = createIndex(m_noRoom.row, 0, nullptr);
    for (int last = int(members.size()) - 1; last >= 0;) {
        if (!leaving(members.at(last))) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && leaving(members.at(first - 1)))
            --first;
        beginRemoveRows(node, first, last);
        for (int row = first; row <= last; ++row)
            members.at(row)->inNoRoomNode = false;
        members.remove(first, last - first + 1);
        endRemoveRows();
        last = first - 1;
    }
}
