#pragma once

#include "protocol/dialect.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

// Something that happened on the server, as plain values for the GUI, logs and recordings.
struct ServerEvent
{
    enum class Kind {
        Connected, // memberId, memberName, dialect, detail = peer address
        Disconnected, // memberId, memberName, detail = close code and reason
        Joined, // room, memberId, memberName
        Left, // room, memberId, memberName
        Renamed, // memberId, memberName (new), detail = previous name
        Message, // room, memberId, memberName, text, messageId
        Direct, // memberId/memberName = sender, detail = recipient's name, text
        Notification, // text; memberId empty when sent by the host
        RoomCreated, // room
        RoomRemoved, // room
        Error, // memberId, memberName, detail = error code, text = message
        Dropped, // messageId = how many message events were left out of this batch
    };

    Kind kind = Kind::Message;
    QDateTime time;
    QString room;
    QString memberId;
    QString memberName;
    Dialect dialect = Dialect::Native;
    QString text;
    QString detail;
    qint64 messageId = 0;

    // The kind's name as written in recordings and shown in the activity log.
    static QString kindName(Kind kind);
};
Q_DECLARE_METATYPE(ServerEvent)
using ServerEventList = QList<ServerEvent>;
Q_DECLARE_METATYPE(ServerEventList)
