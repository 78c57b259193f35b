#pragma once

#include "server/serverevent.h"

#include <QSortFilterProxyModel>

// Shows the activity log's rows of one room, of members whose name or id contains some text,
// and of chosen kinds of event; an empty room or member filter lets everything through.
class ActivityFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityFilterModel)

public:
    // A filter that passes every event, until one of the setters narrows it.
    explicit ActivityFilterModel(QObject *parent = nullptr);
    ~ActivityFilterModel() override;

    // Only events of this room (compared without case); empty: any room.
    void setRoomFilter(const QString &room);
    // The room filter; empty when off.
    QString roomFilter() const { return m_room; }
    // Only events whose member name or id contains this text (without case); empty: anyone.
    void setMemberFilter(const QString &text);
    // The member filter; empty when off.
    QString memberFilter() const { return m_member; }
    // Shows or hides one kind of event.
    void setKindEnabled(ServerEvent::Kind kind, bool enabled);
    // True when events of this kind are shown.
    bool isKindEnabled(ServerEvent::Kind kind) const;
    // Shows exactly these kinds.
    void setKinds(const QList<ServerEvent::Kind> &kinds);
    // Shows every kind again.
    void enableAllKinds();
    // True when some filter hides rows.
    bool isFiltering() const;

    // Every kind, in the order menus show them.
    static QList<ServerEvent::Kind> allKinds();

protected:
    // True when the source row passes the kind, room and member filters.
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    // The kind's bit in m_kinds.
    static quint32 bit(ServerEvent::Kind kind) { return quint32(1) << int(kind); }
    // m_kinds with every kind shown.
    static quint32 allKindsMask();

    QString m_room;
    QString m_member;
    quint32 m_kinds = allKindsMask();
};
