#pragma once

#include "memberidentity.h"
#include "tokenbucket.h"

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QStringList>

class QTimer;
class MemberConnection;
class MemberTransport;

// One connection as the room manager knows it. Lives in the manager's thread only; the
// RoomDirectory owns it.
struct Member : MemberIdentity
{
    MemberConnection *connection = nullptr; // the frame layer: what the member sends, closing
    // The byte stream under the WebSocket (the connection's): the fan-out writes frames
    // encoded once straight to it, between whole control frames of the connection's own. It
    // lives as long as the connection, which outlives the member.
    MemberTransport *transport = nullptr;
    // permessage-deflate's window for what the member is sent (9 to 15); 0: plain frames.
    quint8 deflateWindowBits = 0;
    // Written to during this pass of the event loop: sent at its end (Outbox::flush).
    bool queuedForFlush = false;
    // When (the Outbox's clock, ms) more than maxOutgoingBytes was first seen waiting for this
    // member, -1 while under it.
    qint64 overLimitSinceMs = -1;
    QStringList rooms; // in the order joined
    QString homeRoom; // the tutorial dialects' one room, where their lines go
    QHostAddress address;
    quint16 port = 0;
    bool loopback = false;
    QDateTime connectedAt;
    qint64 messagesSent = 0;
    TokenBucket bucket;
    // Times (ms) of rate-limited frames in the last 10 s. A QList, not a std::deque: libstdc++'s
    // deque allocates 576 bytes as soon as it is made, for every member.
    QList<qint64> refusals;
    QTimer *notificationTimer = nullptr;
    bool closing = false; // close sent: nothing more goes out or is acted on
    bool muted = false; // the host muted it: its room and direct messages are refused
    QByteArray requestHead; // the opening handshake's request, as received (frame inspector)
    bool awaitingPong = false; // pinged by the idle check and not answered yet
    quint8 pingSlot = 0; // which tick of the idle-ping interval pings it (IdlePinger::Slots)
};
