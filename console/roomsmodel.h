#pragma once

#include "server/serverevent.h"
#include "server/serversnapshot.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QSet>

// The server's rooms as a tree: rooms at the top, sorted by name, and their members as
// children, in the order they joined. Loads a snapshot, then follows the manager's event batches
// with fine-grained inserts, removals and dataChanged, so that views keep their selection and
// do not flicker.
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
        RoomNameRole, // the room's name, for a room and for its members
        KindRole, // a Kind
    };
    enum Kind { RoomKind, MemberKind };
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
    // A member's row under a room, or an invalid index.
    QModelIndex memberIndex(const QString &room, const QString &memberId,
                            int column = NameColumn) const;
    // The rooms' names, sorted.
    QStringList roomNames() const;
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
        bool permanent = false;
        bool pinned = false;
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
    };

    RoomNode *room(const QString &name) const { return m_roomsByName.value(name); }
    RoomNode *roomOf(const QModelIndex &index) const;
    MemberNode *memberOf(const QModelIndex &index) const;
    int insertionRow(const QString &name) const;
    RoomNode *addRoom(const QString &name);
    void removeRoom(RoomNode *room);
    // Appends members that are not in the room yet, with one insertion.
    void addMembers(RoomNode *room, const QList<MemberNode *> &members);
    void removeMember(RoomNode *room, MemberNode *member);
    MemberNode *ensureMember(const ServerEvent &event);
    void forgetMember(MemberNode *member);
    void renumberRooms(int from);
    void flushDirty();

    QList<RoomNode *> m_rooms;
    QHash<QString, RoomNode *> m_roomsByName;
    QHash<QString, MemberNode *> m_members;
    // Count and name changes of one batch, sent as one dataChanged per row at its end.
    QSet<RoomNode *> m_dirtyRooms;
    QSet<MemberNode *> m_dirtyMembers;
    bool m_roomNamesChanged = false;
};
