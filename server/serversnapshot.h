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
    // Connections refused at the door, by reason (additions-2 section 4).
    qint64 refusedWrongCode = 0; // a missing or wrong join code
    qint64 refusedLockedOut = 0; // from an address locked out for too many wrong codes
    qint64 refusedOrigin = 0; // an Origin not in --allowed-origins
    qint64 refusedLimit = 0; // the server was full
    qint64 refusedBanned = 0; // a name or address the host banned
    int lockedOutAddresses = 0; // locked out now
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
        bool muted = false; // the host muted it: its messages are refused
    };
    struct RoomInfo
    {
        QString name;
        QStringList memberIds;
        QStringList memberNames;
        qint64 messages = 0;
        qint64 storedMessages = 0; // with a store: how many of its messages it keeps
        bool permanent = false;
        bool pinned = false;
        bool locked = false; // only the host posts
    };

    // A room that is only in the store (no one in it since the server started, or left empty).
    struct StoredRoomInfo
    {
        QString name;
        qint64 messages = 0;
    };
    // The room store; enabled is false with --store none.
    struct StoreInfo
    {
        bool enabled = false;
        QString path;
        qint64 messages = 0;
        qint64 bytes = 0;
        qint64 unindexed = 0; // messages not in the full-text index yet (indexed when idle)
        QString error; // why it cannot be written now; empty when it can
    };

    QString version;
    ServerStats stats;
    StoreInfo store;
    QList<StoredRoomInfo> storedRooms;
    QList<RoomInfo> rooms;
    QList<MemberInfo> members;
    QStringList bannedNames; // banned for this session, lower case
    QStringList bannedAddresses;
};
Q_DECLARE_METATYPE(ServerSnapshot)
