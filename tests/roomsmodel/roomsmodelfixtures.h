#pragma once

// The events, snapshots and tree pictures tst_roomsmodel builds its rows from.
#include "console/roomsmodel.h"

#include <QDateTime>
#include <QModelIndex>
#include <QString>
#include <QStringList>

// An event with this payload, now.
inline ServerEvent makeEvent(ServerEvent::Payload payload)
{
    return ServerEvent(std::move(payload), QDateTime::currentDateTimeUtc());
}

// The events of the tree's rows, now: a connection, a join, a leave, a disconnection...
inline ServerEvent connected(const QString &id, const QString &name, const QString &address,
                             Dialect dialect = Dialect::Native)
{
    return makeEvent(ServerEvent::Connected {{id, name, dialect}, address});
}

inline ServerEvent joined(const QString &room, const QString &id, const QString &name)
{
    return makeEvent(ServerEvent::Joined {{id, name}, room});
}

inline ServerEvent left(const QString &room, const QString &id, const QString &name)
{
    return makeEvent(ServerEvent::Left {{id, name}, room});
}

inline ServerEvent disconnected(const QString &id, const QString &name)
{
    return makeEvent(ServerEvent::Disconnected {{id, name}, 1000, QString()});
}

inline ServerEvent renamed(const QString &id, const QString &name, const QString &previous)
{
    return makeEvent(ServerEvent::Renamed {{id, name}, previous});
}

inline ServerEvent message(const QString &room, const QString &id, const QString &name,
                           qint64 messageId)
{
    return makeEvent(ServerEvent::Message {{id, name}, room, QStringLiteral("hello"), messageId});
}

inline ServerEvent roomCreated(const QString &room)
{
    return makeEvent(ServerEvent::RoomCreated {room});
}

inline ServerEvent roomRemoved(const QString &room, qint64 storedMessages = 0)
{
    return makeEvent(ServerEvent::RoomRemoved {room, storedMessages});
}

inline ServerEvent dropped(int count)
{
    return makeEvent(ServerEvent::Dropped {count});
}

inline ServerSnapshot::MemberInfo memberInfo(const QString &id, const QString &name,
                                             const QStringList &rooms, qint64 sent = 0)
{
    ServerSnapshot::MemberInfo info;
    info.id = id;
    info.name = name;
    info.dialect = Dialect::Native;
    info.address = QStringLiteral("127.0.0.1");
    info.connectedAt = QDateTime::currentDateTimeUtc();
    info.messagesSent = sent;
    info.rooms = rooms;
    return info;
}

inline ServerSnapshot::RoomInfo roomInfo(const QString &name, const QStringList &ids,
                                         const QStringList &names, qint64 messages = 0,
                                         bool permanent = false)
{
    ServerSnapshot::RoomInfo info;
    info.name = name;
    info.memberIds = ids;
    info.memberNames = names;
    info.messages = messages;
    info.permanent = permanent;
    return info;
}

// The server's three permanent rooms, empty.
inline ServerSnapshot emptyServer()
{
    ServerSnapshot s;
    for (const char *name : {"lobby", "chat", "notifications"})
        s.rooms.append(roomInfo(QString::fromLatin1(name), {}, {}, 0, true));
    return s;
}

// "chat[] lobby[alice,bob] notifications[]": the tree's shape, rooms in row order.
inline QString shape(const RoomsModel &model)
{
    QStringList rooms;
    for (int r = 0; r < model.rowCount(); ++r) {
        const QModelIndex room = model.index(r, 0);
        QStringList members;
        for (int m = 0; m < model.rowCount(room); ++m)
            members.append(model.index(m, 0, room).data().toString());
        rooms.append(room.data().toString() + QLatin1Char('[') + members.join(QLatin1Char(','))
                     + QLatin1Char(']'));
    }
    return rooms.join(QLatin1Char(' '));
}

// The server with a store: its three rooms, and "archive", only in the store, with 12 messages.
inline ServerSnapshot serverWithStore()
{
    ServerSnapshot s = emptyServer();
    s.store.enabled = true;
    s.store.path = QStringLiteral("/tmp/rooms.sqlite");
    s.storedRooms.append({QStringLiteral("archive"), 12});
    return s;
}

// "archive~12[] games#2[alice]": shape() with the store: ~N for a room only in the store (with
// its N messages there), #N for a live room the store keeps N messages of.
inline QString storedShape(const RoomsModel &model)
{
    QStringList rooms;
    for (int r = 0; r < model.rowCount(); ++r) {
        const QModelIndex room = model.index(r, 0);
        const qint64 count = room.data(RoomsModel::StoredMessagesRole).toLongLong();
        QString text = room.data(RoomsModel::RoomNameRole).toString();
        if (text.isEmpty()) // the "Not in a room" node
            text = room.data().toString();
        if (room.data(RoomsModel::StoredRole).toBool())
            text += QStringLiteral("~%1").arg(count);
        else if (count > 0)
            text += QStringLiteral("#%1").arg(count);
        QStringList members;
        for (int m = 0; m < model.rowCount(room); ++m)
            members.append(model.index(m, 0, room).data().toString());
        rooms.append(text + QLatin1Char('[') + members.join(QLatin1Char(',')) + QLatin1Char(']'));
    }
    return rooms.join(QLatin1Char(' '));
}

inline QVariant cell(const QModelIndex &row, int column)
{
    return row.siblingAtColumn(column).data();
}
