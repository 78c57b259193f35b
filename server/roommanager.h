#pragma once

#include "protocol/inspectedframe.h"
#include "serverconfig.h"
#include "serverevent.h"
#include "serversnapshot.h"
#include "sessionrecorder.h"

#include <QElapsedTimer>
#include <QJsonValue>
#include <QObject>

#include <memory>

class BanList;
class EventBatcher;
class FrontDoor;
class IdlePinger;
class MemberInspector;
class NativeRouter;
class Outbox;
class QTimer;
class MemberConnection;
class RoomActions;
class RoomArchive;
class RoomDirectory;
class TutorialRouter;
struct Handshake;
struct Member;

// The chat-room server: one port for WebSocket and HTTP, the rooms, the members and their
// dialects. Lives in its own thread (see ServerHost); talk to it with queued calls only.
// A coordinator: the FrontDoor turns connections into WebSockets, the RoomDirectory keeps the
// rooms and members, the routers (NativeRouter, TutorialRouter) act on each member's frames
// through RoomActions, the Outbox sends, and the EventBatcher reports.
class RoomManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoomManager)

public:
    // A stopped server; start() makes it listen.
    explicit RoomManager(QObject *parent = nullptr);
    // Drops every connection at once (stopNow() first says goodbye).
    ~RoomManager() override;

    // The version, as in the welcome event and /api/status.
    static QString version();

public slots:
    // Listens as configured; emits listening() or startFailed().
    void start(const ServerConfig &config);
    // Closes every connection with 1000, waits briefly for the goodbyes, then emits stopped().
    void stop();
    // Like stop(), but at once: for shutdown, where nothing may be left behind.
    void stopNow();

    // Closes the member with 4000 and reason (a default when empty); nothing if no such member.
    void kick(const QString &memberId, const QString &reason);
    // Kicks the member (as kick()) and refuses its name (any letter case) and its address
    // with HTTP 403 "banned" until liftBans() or the server stops; nothing if no such member.
    void ban(const QString &memberId, const QString &reason);
    // A muted member's room messages and direct messages are refused with the error code
    // `muted` (nothing else changes); emits a Muted event and a snapshot. Nothing if no member.
    void setMuted(const QString &memberId, bool muted);
    // In a locked room only the host posts: members' messages to it are refused with the error
    // code `room_locked`; emits a RoomLocked event and a snapshot. Nothing if no such room.
    void setRoomLocked(const QString &room, bool locked);
    // Forgets every ban of this session; emits a snapshot.
    void liftBans();
    // Sends text to every notification member.
    void sendNotification(const QString &text);
    // Posts text to the room as "host", making (and pinning) the room if needed.
    void postSystemMessage(const QString &room, const QString &text);
    // Makes the room if needed and pins it: it stays when empty.
    void createRoom(const QString &room);
    // Deletes the room's messages (in memory and in the store; its ids go on), then, once the
    // store has deleted them, emits snapshotReady().
    void clearRoomHistory(const QString &room);
    // Answers with roomHistoryReady(): every message the server keeps of the room.
    void requestRoomHistory(const QString &room);
    // The notification members' own notifications come every seconds from now on; 0: never.
    void setNotificationInterval(double seconds);
    // Requires ?code=CODE from new connections from now on; empty: no code. Members already
    // connected stay.
    void setJoinCode(const QString &code);
    // Listens on address instead, on the same port, keeping every connection; emits rebound()
    // or, listening on the old address again, rebindFailed().
    void rebind(const QHostAddress &address);
    // The window's event-loop lag (see EventLoopLagMeter), for /api/status; negative: none.
    void setGuiLag(double p99Ms);
    // Answers with snapshotReady().
    void requestSnapshot();

    // The frame inspector: follows one member's connection, byte for byte, until
    // stopInspecting(), another inspect(), or the member leaves. Emits inspectionStarted() with
    // the handshake, then framesInspected() batches on the event timer, then inspectionEnded().
    void inspect(const QString &memberId);
    // Ends the inspection with "stopped", after the frames caught so far.
    void stopInspecting();

signals:
    // start() listens: host as a URL names it, and the port (the one chosen, for port 0).
    void listening(const QString &host, quint16 port);
    // start() could not listen, or load the TLS credentials, open the recording or the store:
    // why, and the exit status a headless wsroom ends with (2: the store is another wsroom's).
    void startFailed(const QString &reason, int exitStatus = 1);
    // The room's messages as requestRoomHistory() asked, oldest first: the native `message`
    // events, exactly as broadcast.
    void roomHistoryReady(const QString &room, const QList<QByteArray> &events);
    // rebind() moved the listening socket: host as in listening(), the port unchanged.
    void rebound(const QString &host, quint16 port);
    // rebind() could not listen on the new address; the server still listens on the old one.
    void rebindFailed(const QString &reason);
    // The server stopped: every member is gone.
    void stopped();
    // Batches of events, at most every 100 ms; message events past a cap are counted, not sent.
    void eventsReady(const ServerEventList &events);
    // The counters, every 500 ms and when the server stops.
    void statsUpdated(const ServerStats &stats);
    // The whole state, after start() and on requestSnapshot().
    void snapshotReady(const ServerSnapshot &snapshot);
    // The inspected member's opening handshake; frames follow.
    void inspectionStarted(const InspectionHandshake &handshake);
    // The inspected member's frames since the last batch, at most every 100 ms; dropped counts
    // those left out because more than FrameTap::MaxPending came in one interval.
    void framesInspected(const QString &memberId, const InspectedFrameList &frames, int dropped);
    // Inspection of memberId stopped: why, in words ("stopped", "disconnected: 1000 Normal
    // closure", "no such member").
    void inspectionEnded(const QString &memberId, const QString &reason);

private:
    class ConnectionListener;

    // A connection that finished its opening handshake: a member now, or refused.
    void admit(MemberConnection *connection, const Handshake &handshake);
    // One text message from a member: back to it on /echo, else past the rate limit to its
    // dialect's router.
    void onTextMessage(Member *member, const QByteArray &utf8);
    // One binary message from a member: back to it on /echo, else refused (the protocols are
    // text).
    void onBinaryMessage(Member *member, const QByteArray &data);
    // The member's connection closed: it leaves its rooms and the directory.
    void onDisconnected(Member *member);
    // Answers a frame over the rate limit with rate_limited (echoing ref); closes a member
    // that keeps sending after too many of them.
    void refuse(Member *member, const QJsonValue &ref = QJsonValue::Undefined);
    // Closes the member with 4008: more than maxOutgoingBytes waiting to be sent to it.
    void closeSlowConsumer(Member *member);
    // Every 100 ms: emits eventsReady() and the inspected frames, every 500 ms statsUpdated(),
    // every second releases idle buffers.
    void flushEvents();
    // The whole state now.
    ServerSnapshot snapshot() const;
    // The counters now.
    ServerStats stats() const;
    // Lets every member go, reports it and emits stopped().
    void finishStop();
    // Gives freed heap back to the system once disconnects calm down (see trimHeap()).
    void scheduleTrim();
    // Gives freed heap back to the system (glibc's malloc_trim).
    void trimHeap();
    // Frees the socket buffers of members that have gone quiet; on the event timer, once a second.
    void releaseIdleBuffers();
    // Emits framesInspected() with what the tap caught since the last time.
    void flushInspection();
    // Detaches the tap and emits inspectionEnded(reason), if a member is inspected.
    void endInspection(const QString &reason);
    // Reports the kick (before the member's leave events), then closes it with 4000.
    void closeKicked(Member *member, const QString &reason, bool banned);

    ServerConfig m_config;
    QElapsedTimer m_clock;
    bool m_stopping = false;
    double m_guiLagMs = -1;
    ServerStats m_stats;
    SessionRecorder m_recorder;
    std::unique_ptr<BanList> m_bans; // this session's, cleared when the server stops
    std::unique_ptr<RoomDirectory> m_directory;
    Outbox *m_outbox = nullptr; // a child, as are the front door and the tutorial router
    FrontDoor *m_frontDoor = nullptr;
    std::unique_ptr<EventBatcher> m_events;
    std::unique_ptr<RoomActions> m_actions;
    TutorialRouter *m_tutorial = nullptr;
    std::unique_ptr<RoomArchive> m_archive;
    std::unique_ptr<NativeRouter> m_native;
    IdlePinger *m_pinger = nullptr;
    std::unique_ptr<MemberInspector> m_inspector;
    // What every member's connection calls (no signal connections per member).
    std::unique_ptr<ConnectionListener> m_listener;

    int m_flushCount = 0;
    QTimer *m_flushTimer = nullptr;
    QTimer *m_stopTimer = nullptr;
    QTimer *m_trimTimer = nullptr;
};
