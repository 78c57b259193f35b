#pragma once

#include "memberidentity.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// Counters since the server started.
struct ServerStats
{
    qint64 uptimeMs = 0;
    int connections = 0;
    int rooms = 0;
    qint64 messagesIn = 0; // frames received from members, any dialect
    qint64 deliveries = 0; // room messages sent to members
    qint64 roomMessages = 0; // messages posted to rooms, each counted once
    qint64 bytesIn = 0;
    qint64 bytesOut = 0;
    qint64 slowConsumers = 0; // members closed with 4008
    // The GUI thread's event-loop lag (p99 of a 10 ms timer's lateness) as the window last
    // reported it; negative when no window is open.
    double guiLagMs = -1;
};
Q_DECLARE_METATYPE(ServerStats)

// The whole state at one moment, as plain values: what /api/status reports and what the GUI's
// models load before they follow the manager's events.
struct ServerSnapshot
{
    struct MemberInfo : MemberIdentity
    {
        QString address;
        QDateTime connectedAt;
        qint64 messagesSent = 0;
        QStringList rooms;
    };
    struct RoomInfo
    {
        QString name;
        QStringList memberIds;
        QStringList memberNames;
        qint64 messages = 0;
        bool permanent = false;
        bool pinned = false;
    };

    QString version;
    ServerStats stats;
    QList<RoomInfo> rooms;
    QList<MemberInfo> members;
};
Q_DECLARE_METATYPE(ServerSnapshot)
