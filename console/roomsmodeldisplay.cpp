// What the rooms tree's rows show: their cells, tooltips, fonts and roles, and the headers. The
// rows themselves (rooms, members, the "Not in a room" node) are kept in roomsmodel.cpp.
#include "roomsmodel.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace {

// A member's connection time as the tree shows it: the time alone if today, else the date too.
QString localTime(const QDateTime &time)
{
    if (!time.isValid())
        return QString();
    const QDateTime local = time.toLocalTime();
    if (local.date() == QDate::currentDate())
        return local.toString(QStringLiteral("HH:mm:ss"));
    return local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace

QVariant RoomsModel::roomRowData(const RoomNode *r, int column, int role)
{
    switch (role) {
    case Qt::TextAlignmentRole:
        return column == MembersColumn || column == MessagesColumn
            ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
            : QVariant();
    case RoomNameRole:
        return r->name;
    case KindRole:
        return RoomKind;
    case StoredRole:
        return r->stored;
    case StoredMessagesRole:
        return r->storedMessages;
    case LockedRole:
        return r->locked;
    case MutedRole:
        return false;
    case MemberNameRole:
        return QString();
    default:
        return QVariant();
    }
}

QVariant RoomsModel::noRoomData(int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        if (column == NameColumn)
            return tr("Not in a room");
        return column == MembersColumn ? QVariant(int(m_noRoom.members.size())) : QVariant();
    case Qt::ToolTipRole:
        return tr("Connected but in no room: /echo connections, and members who joined no room "
                  "or left their last one");
    case Qt::TextAlignmentRole:
        return column == MembersColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                                       : QVariant();
    case Qt::FontRole:
        if (column == NameColumn) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return QVariant();
    case RoomNameRole:
        return QString();
    case KindRole:
        return NoRoomKind;
    case StoredRole:
        return false;
    case StoredMessagesRole:
        return 0;
    case LockedRole:
    case MutedRole:
        return false;
    case MemberNameRole:
        return QString();
    default:
        return QVariant();
    }
}

QVariant RoomsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return QVariant();
    const RoomNode *r = roomOf(index);
    if (!r)
        return QVariant();
    const int column = index.column();
    const bool numeric = column == MembersColumn || column == MessagesColumn;

    if (!index.internalPointer() && r == &m_noRoom)
        return noRoomData(column, role);

    if (!index.internalPointer() && r->stored) {
        switch (role) {
        case Qt::DisplayRole:
            switch (column) {
            case NameColumn:
                return r->storedMessages == 1
                    ? tr("%1 (1 stored message)").arg(r->name)
                    : tr("%1 (%2 stored messages)").arg(r->name).arg(r->storedMessages);
            case MessagesColumn:
                return r->storedMessages;
            default:
                return QVariant();
            }
        case Qt::ToolTipRole:
            return tr("%1: no one is in it; the store keeps its %2 for whoever joins it again")
                .arg(r->name,
                     r->storedMessages == 1 ? tr("1 message")
                                            : tr("%1 messages").arg(r->storedMessages));
        case Qt::ForegroundRole:
            // Greyed like a disabled row, but still selectable: Room History acts on it.
            return QBrush(QColor(Qt::gray));
        case Qt::FontRole:
            if (column == NameColumn) {
                QFont font;
                font.setItalic(true);
                return font;
            }
            return QVariant();
        default:
            return roomRowData(r, column, role);
        }
    }

    if (!index.internalPointer()) {
        switch (role) {
        case Qt::DisplayRole:
            switch (column) {
            case NameColumn:
                return r->locked ? tr("%1 (locked)").arg(r->name) : r->name;
            case MembersColumn:
                return r->members.size();
            case MessagesColumn:
                return r->messages;
            default:
                return QVariant();
            }
        case Qt::ToolTipRole:
            if (r->locked)
                return tr("%1: locked by the host, only the host posts in it").arg(r->name);
            if (r->permanent)
                return tr("%1: a permanent room").arg(r->name);
            if (r->pinned)
                return tr("%1: kept by the host even when empty").arg(r->name);
            return tr("%1: disappears when its last member leaves").arg(r->name);
        case Qt::FontRole:
            if (column == NameColumn) {
                QFont font;
                font.setBold(true);
                return font;
            }
            return QVariant();
        default:
            return roomRowData(r, column, role);
        }
    }

    const MemberNode *member = memberOf(index);
    if (!member)
        return QVariant();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return member->muted ? tr("%1 (muted)").arg(member->name) : member->name;
        case MessagesColumn:
            return member->messagesSent;
        case DialectColumn:
            return dialectName(member->dialect);
        case AddressColumn:
            return member->address;
        case ConnectedColumn:
            return localTime(member->connectedAt);
        default:
            return QVariant();
        }
    case Qt::ToolTipRole:
        return member->muted ? tr("%1 (id %2), muted by the host").arg(member->name, member->id)
                             : tr("%1 (id %2)").arg(member->name, member->id);
    case Qt::TextAlignmentRole:
        return numeric ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case MemberIdRole:
        return member->id;
    case MemberNameRole:
        return member->name;
    case MutedRole:
        return member->muted;
    case LockedRole:
        return false;
    case RoomNameRole:
        return r->name;
    case KindRole:
        return MemberKind;
    default:
        return QVariant();
    }
}

QVariant RoomsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QVariant();
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("Name");
        case MembersColumn:
            return tr("Members");
        case MessagesColumn:
            return tr("Messages");
        case DialectColumn:
            return tr("Dialect");
        case AddressColumn:
            return tr("Address");
        case ConnectedColumn:
            return tr("Connected since");
        }
    }
    if (role == Qt::ToolTipRole && section == MessagesColumn)
        return tr("For a room, the messages posted in it; for a member, the messages it sent");
    return QVariant();
}

QHash<int, QByteArray> RoomsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(MemberIdRole, "memberId");
    names.insert(RoomNameRole, "roomName");
    names.insert(KindRole, "kind");
    names.insert(StoredRole, "stored");
    names.insert(StoredMessagesRole, "storedMessages");
    names.insert(MutedRole, "muted");
    names.insert(LockedRole, "locked");
    names.insert(MemberNameRole, "memberName");
    return names;
}
