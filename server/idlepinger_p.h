#pragma once

#include <QObject>

class QTimer;
class RoomActions;
class RoomDirectory;

// The idle check: pings every member once per interval and closes, with 1011, a member still
// owing the last pong (RFC 6455 5.5.2/5.5.3: a live peer answers a ping as soon as it can).
class IdlePinger final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IdlePinger)

public:
    // The pings go out in this many slices of the interval, each to the members of one slot:
    // pinging everyone at once made every socket allocate its buffers at the same moment (about
    // 8 KB resident each, for a second or two: 80 MB at 10 000 members every 30 s).
    static constexpr int Slots = 10;

    // Pings the members of directory; closes through actions.
    IdlePinger(RoomDirectory &directory, RoomActions &actions, QObject *parent = nullptr);

    // The slot of the member numbered number (see RoomDirectory::takeMemberNumber()).
    static quint8 slotFor(qint64 number) { return quint8(number % Slots); }
    // Pings every intervalMs from now on; 0 or less: never.
    void start(int intervalMs);
    // Pings no more.
    void stop();

private:
    // One tick: pings this slot's members, closes those that did not answer the last ping.
    void pingSlot();

    RoomDirectory &m_directory;
    RoomActions &m_actions;
    QTimer *m_timer = nullptr;
    int m_intervalMs = 0;
    quint64 m_tick = 0; // each tick serves one slot of members
};
