#include "activityfiltermodel.h"

#include "activitylogmodel.h"

ActivityFilterModel::ActivityFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{ }

ActivityFilterModel::~ActivityFilterModel() = default;

void ActivityFilterModel::setRoomFilter(const QString &room)
{
    if (room == m_room)
        return;
    m_room = room;
    invalidateFilter();
}

void ActivityFilterModel::setMemberFilter(const QString &text)
{
    if (text == m_member)
        return;
    m_member = text;
    invalidateFilter();
}

void ActivityFilterModel::setKindEnabled(ServerEvent::Kind kind, bool enabled)
{
    const quint32 kinds = enabled ? (m_kinds | bit(kind)) : (m_kinds & ~bit(kind));
    if (kinds == m_kinds)
        return;
    m_kinds = kinds;
    invalidateFilter();
}

bool ActivityFilterModel::isKindEnabled(ServerEvent::Kind kind) const
{
    return m_kinds & bit(kind);
}

void ActivityFilterModel::setKinds(const QList<ServerEvent::Kind> &kinds)
{
    quint32 mask = 0;
    for (ServerEvent::Kind kind : kinds)
        mask |= bit(kind);
    if (mask == m_kinds)
        return;
    m_kinds = mask;
    invalidateFilter();
}

void ActivityFilterModel::enableAllKinds()
{
    if (m_kinds == allKindsMask())
        return;
    m_kinds = allKindsMask();
    invalidateFilter();
}

bool ActivityFilterModel::isFiltering() const
{
    return !m_room.isEmpty() || !m_member.isEmpty() || m_kinds != allKindsMask();
}

QList<ServerEvent::Kind> ActivityFilterModel::allKinds()
{
    using Kind = ServerEvent::Kind;
    return {Kind::Message,     Kind::Direct,       Kind::Joined,  Kind::Left,
            Kind::Connected,   Kind::Disconnected, Kind::Renamed, Kind::Notification,
            Kind::RoomCreated, Kind::RoomRemoved,  Kind::Error,   Kind::Dropped,
            Kind::Warning,     Kind::Refused,      Kind::Kicked,  Kind::Muted,
            Kind::RoomLocked};
}

quint32 ActivityFilterModel::allKindsMask()
{
    quint32 mask = 0;
    for (ServerEvent::Kind kind : allKinds())
        mask |= bit(kind);
    return mask;
}

bool ActivityFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto kind = ServerEvent::Kind(index.data(ActivityLogModel::KindRole).toInt());
    if (!(m_kinds & bit(kind)))
        return false;
    if (!m_room.isEmpty()
        && index.data(ActivityLogModel::RoomRole).toString().compare(m_room, Qt::CaseInsensitive)
            != 0) {
        return false;
    }
    if (!m_member.isEmpty()
        && !index.data(ActivityLogModel::MemberNameRole)
                .toString()
                .contains(m_member, Qt::CaseInsensitive)
        && !index.data(ActivityLogModel::MemberIdRole)
                .toString()
                .contains(m_member, Qt::CaseInsensitive)) {
        return false;
    }
    return true;
}
