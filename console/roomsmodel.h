#pragma once

#include "server/serverevent.h"
#include "server/serversnapshot.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QSet>

#include <functional>

// The server's rooms as a tree: rooms at the top, sorted by name, and their members as
// children, sorted by name; both in natural order (numbers by value: "sim-chatter-2" before
// "sim-chatter-10"; case ignored), a renamed member moves to its place. After the rooms, while
// anyone is connected and in no room (an /echo connection, a native member that joined none or
// left its last), a "Not in a room" node with those members as children, sorted alike. With a
// store, rooms that exist only in the store (no one in them) are rows too, greyed, with the count
// of messages the store keeps (StoredRole). Loads a snapshot, then follows the manager's event
// batches with fine-grained inserts, removals and dataChanged, so that views keep their selection
// and do not flicker.
class RoomsModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoomsModel)

public:
    // One set of columns for both kinds of row: a room fills Name, Members and Messages; a
    // member fills Name, Messages (those it sent), Dialect, Address and Connected since.
    enum Column {
        NameColumn,
        MembersColumn,
        MessagesColumn,
        DialectColumn,
        AddressColumn,
        ConnectedColumn,
        ColumnCount
    };
    enum Role {
        MemberIdRole = Qt::UserRole + 1, // a member row's id; empty for a room
        RoomNameRole, // the room's name, for a room and for its members; empty in the node
        KindRole, // a Kind
        StoredRole, // true for a room that exists only in the store
        StoredMessagesRole, // a room's messages in the store (0 without a store)
        MutedRole, // true for a member the host muted
        LockedRole, // true for a room the host locked
        MemberNameRole, // a member row's name; empty for a room
    };
    enum Kind { RoomKind, MemberKind, NoRoomKind }; // NoRoomKind: the "Not in a room" node
    Q_ENUM(Kind)

    explicit RoomsModel(QObject *parent = nullptr);
    ~RoomsModel() override;

    // Takes the snapshot as the current state: into an empty model with a reset, otherwise by
    // merging (rows are inserted, removed and updated in place, so selections survive).
    void loadSnapshot(const ServerSnapshot &snapshot);
    // Follows a batch of the manager's events; tolerates events about unknown rooms or members.
    void applyEvents(const ServerEventList &events);
    // Forgets everything (the server stopped).
    void clear();

    // The row of a room, or an invalid index.
    QModelIndex roomIndex(const QString &room, int column = NameColumn) const;
    // A member's row under a room (under the "Not in a room" node for an empty room name), or
    // an invalid index.
    QModelIndex memberIndex(const QString &room, const QString &memberId,
                            int column = NameColumn) const;
    // The "Not in a room" node's row, or an invalid index while everyone is in a room.
    QModelIndex noRoomIndex(int column = NameColumn) const;
    // The live rooms' names, sorted; with includeStored, the store-only rooms' too.
    QStringList roomNames(bool includeStored = false) const;
    // True when the room exists only in the store.
    bool isStored(const QString &room) const;
    // How many of the room's messages the store keeps, as last reported; 0 for none.
    qint64 storedMessages(const QString &room) const;
    // True when the last snapshot said the server has a store.
    bool hasStore() const { return m_storeEnabled; }
    // The name of a connected member, or an empty string.
    QString memberName(const QString &memberId) const;
    // Every connected member's id, in a room or not, in the order they connected.
    QStringList memberIds() const;

    // QAbstractItemModel
    QModelIndex index(int row, int column,
                      const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    // Some events were left out (a flood): the counts may be stale, ask for a snapshot.
    void resyncWanted();
    // Rooms were added or removed (for room pickers).
    void roomNamesChanged();

private:
    struct MemberNode;
    struct RoomNode
    {
        QString name;
        QList<MemberNode *> members;
        qint64 messages = 0;
        qint64 storedMessages = 0;
        bool stored = false; // only in the store: no members, greyed
        bool permanent = false;
        bool pinned = false;
        bool locked = false; // the host locked it: only the host posts
        int row = 0;
    };
    struct MemberNode
    {
        QString id;
        QString name;
        Dialect dialect = Dialect::Native;
        QString address;
        QDateTime connectedAt;
        qint64 messagesSent = 0;
        QList<RoomNode *> rooms;
        bool inNoRoomNode = false; // a child of the "Not in a room" node
        bool muted = false; // the host muted it
    };

    // True when a goes before b: their names in natural order, then their ids.
    static bool memberLessThan(const MemberNode *a, const MemberNode *b);
    // The row member goes to in the sorted members.
    static int memberInsertionRow(const QList<MemberNode *> &members, const MemberNode *member);
    // Inserts arriving into the sorted members under parent, each at its place (one insertion
    // when they all go after the last); emits the row insertions.
    void insertSorted(const QModelIndex &parent, QList<MemberNode *> *members,
                      QList<MemberNode *> arriving);
    // Moves member (renamed) to its place in the sorted members under parent; emits the move;
    // returns whether it moved.
    bool keepSorted(const QModelIndex &parent, QList<MemberNode *> *members, MemberNode *member);
    // A room row's roles that live and store-only rooms answer alike.
    static QVariant roomRowData(const RoomNode *r, int column, int role);
    // The room of this name, or null.
    RoomNode *room(const QString &name) const { return m_roomsByName.value(name); }
    // The "Not in a room" node's roles: its name, its Members count, and no room name.
    QVariant noRoomData(int column, int role) const;
    // The node of a top-level row: a room, the "Not in a room" node after them, or null.
    RoomNode *topNode(int row) const;
    // The top-level rows: the rooms, and the "Not in a room" node while it is shown.
    int topRowCount() const { return m_rooms.size() + (m_noRoom.members.isEmpty() ? 0 : 1); }
    // The room (or the "Not in a room" node) an index is or is under, or null.
    RoomNode *roomOf(const QModelIndex &index) const;
    // The member a member row's index is, or null for a room row.
    MemberNode *memberOf(const QModelIndex &index) const;
    // The row a new room of this name goes to, keeping the rooms sorted.
    int insertionRow(const QString &name) const;
    // A new, empty room's row, inserted in order; returns the room.
    RoomNode *addRoom(const QString &name);
    // The live room of this name: made if new, brought back if it was only in the store.
    RoomNode *liveRoom(const QString &name);
    // Takes a snapshot's store-only rooms (but those in liveRooms): new rows, or live rows
    // turned into stored ones.
    void loadStoredRooms(const QList<ServerSnapshot::StoredRoomInfo> &rooms,
                         const QSet<QString> &liveRooms);
    // Removes a room's row (and its member rows) and deletes it.
    void removeRoom(RoomNode *room);
    // Appends members that are not in the room yet, with one insertion.
    void addMembers(RoomNode *room, const QList<MemberNode *> &members);
    // Removes a member's row under a room, if it has one.
    void removeMember(RoomNode *room, MemberNode *member);
    // A member that connected at this time: known, with its dialect, address and time.
    void apply(const ServerEvent::Connected &connected, const QDateTime &at);
    // A member that went: out of its rooms and forgotten.
    void apply(const ServerEvent::Disconnected &disconnected);
    // The run of joins to one room that starts at events[first]: the room made if new, the
    // members added with one insertion. Returns the index of the run's last event.
    qsizetype applyJoins(const ServerEventList &events, qsizetype first);
    // A member that left a room: its row under the room removed.
    void apply(const ServerEvent::Left &left);
    // A member's new name, on each of its rows.
    void apply(const ServerEvent::Renamed &renamed);
    // A message: counted in its room and for its sender, unless the last snapshot counted it.
    void apply(const ServerEvent::Message &message);
    // A member the host muted or let speak again: each of its rows.
    void apply(const ServerEvent::Muted &muted);
    // A room the host locked or opened again: its row.
    void apply(const ServerEvent::RoomLocked &locked);
    // A room that was made: its row, if new.
    void apply(const ServerEvent::RoomCreated &created);
    // A room that is gone: its row and its members' rows removed, unless the store keeps its
    // messages: then it stays as a stored room.
    void apply(const ServerEvent::RoomRemoved &removed);
    // The member with this identity, made if unknown (its name updated if it changed); null
    // for an identity without an id.
    MemberNode *ensureMember(const MemberIdentity &identity);
    // Marks a member whose rooms changed, for syncNoRoomNode at the batch's end.
    void queueNoRoomCheck(MemberNode *member) { m_noRoomChecks.insert(member); }
    // Moves the queued members into or out of the "Not in a room" node (in ranges, adding or
    // removing the node itself with its first or last child): the batch's in-between states
    // (connected, then joined) never show.
    void syncNoRoomNode();
    // Removes the rows of the node's members for which leaving is true, a run of adjacent
    // rows at a time (the node's row, when all of them go).
    void removeFromNoRoomNode(const std::function<bool(const MemberNode *)> &leaving);
    // Deletes a member that is in no room any more (its row under the node removed).
    void forgetMember(MemberNode *member);
    // Sets the rows of the rooms from this row on after an insertion or removal.
    void renumberRooms(int from);
    // Sends the batch's dataChanged (one per changed row) and roomNamesChanged.
    void flushDirty();

    QList<RoomNode *> m_rooms;
    QHash<QString, RoomNode *> m_roomsByName;
    QHash<QString, MemberNode *> m_members;
    // The "Not in a room" node: not in m_rooms, its row after theirs, its name empty; its
    // members do not list it in their rooms.
    RoomNode m_noRoom;
    QSet<MemberNode *> m_noRoomChecks;
    int m_noRoomCountSent = 0; // the node's Members count as views last heard it
    // Count and name changes of one batch, sent as one dataChanged per row at its end.
    QSet<RoomNode *> m_dirtyRooms;
    QSet<MemberNode *> m_dirtyMembers;
    bool m_roomNamesChanged = false;
    bool m_storeEnabled = false;
};
