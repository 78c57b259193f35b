#pragma once

#include "inspectedframe.h"
#include "protocol/chatmessage.h"
#include "protocol/endpoint.h"
#include "protocol/errorcode.h"
#include "protocol/request.h"
#include "serverconfig.h"
#include "serverevent.h"
#include "serversnapshot.h"
#include "sessionrecorder.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QTcpSocket>

#include <memory>

class TcpListener;
class QTimer;
class QWebSocket;
class QWebSocketServer;
class FrameTap;
class HttpRequestHead;
class SocketTapper;
struct Member;
struct Room;

// The chat-room server: one port for WebSocket and HTTP, the rooms, the members and their
// dialects. Lives in its own thread (see ServerHost); talk to it with queued calls only.
class RoomManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoomManager)

public:
    explicit RoomManager(QObject *parent = nullptr);
    ~RoomManager() override;

    static QString version();

public slots:
    // Listens as configured; emits listening() or startFailed().
    void start(const ServerConfig &config);
    // Closes every connection with 1000, waits briefly for the goodbyes, then emits stopped().
    void stop();
    // Like stop(), but at once: for shutdown, where nothing may be left behind.
    void stopNow();

    // Host actions.
    void kick(const QString &memberId, const QString &reason);
    void sendNotification(const QString &text);
    void postSystemMessage(const QString &room, const QString &text);
    void createRoom(const QString &room);
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
    void stopInspecting();

signals:
    void listening(const QString &host, quint16 port);
    void startFailed(const QString &reason);
    // rebind() moved the listening socket: host as in listening(), the port unchanged.
    void rebound(const QString &host, quint16 port);
    // rebind() could not listen on the new address; the server still listens on the old one.
    void rebindFailed(const QString &reason);
    void stopped();
    // Batches of events, at most every 100 ms; message events past a cap are counted, not sent.
    void eventsReady(const ServerEventList &events);
    void statsUpdated(const ServerStats &stats);
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
    struct PendingHandshake
    {
        Endpoint endpoint;
        bool codeAccepted = true;
        QTimer *timeout = nullptr;
        QPointer<QTcpSocket> transport;
        QByteArray requestHead; // as received, for the frame inspector
        quint64 sequence = 0; // accept order: when the backlog is full the oldest goes
        bool sniffed = false; // the first byte was looked at (TLS or not)
    };

    // connections
    // The one place where a connection's socket is made (see TcpListener).
    QTcpSocket *createSocket(qintptr descriptor);
    void onTcpConnection();
    void onHeadData(QTcpSocket *socket);
    void serveHttp(QTcpSocket *socket, const HttpRequestHead &head);
    // True if the connection may go on; refuses it if it speaks TLS where it should not or
    // the reverse, and starts the server side of TLS when it should.
    bool sniffTls(QTcpSocket *socket, PendingHandshake &pending);
    void dropOldestPending();
    void refuseHttp(QTcpSocket *socket, int status, const QByteArray &sentence);
    void onWebSocketConnection();
    void admit(QWebSocket *socket, const PendingHandshake &pending);
    void onTextMessage(Member *member, const QString &text);
    void onDisconnected(Member *member);
    bool originAllowed(const QByteArray &origin) const;
    bool codeAccepted(const QString &code) const;

    // dialects
    void handleNative(Member *member, const QString &text);
    void handleBroadcastDialect(Member *member, const QString &text);
    void handleChatDialect(Member *member, const QString &text);
    void handleRequest(Member *member, const Request &request);

    // rooms
    Room *roomFor(const QString &name, bool create, QString *error);
    bool join(Member *member, const QString &roomName, const QJsonValue &ref);
    void leave(Member *member, Room *room, const QJsonValue &ref, bool reply);
    void removeIfEmpty(Room *room);
    void publish(Room *room, ChatMessage message);
    void rename(Member *member, const QString &name, const QJsonValue &ref);
    QString uniqueName(const QString &wanted) const;
    Member *findMember(const QString &nameOrId) const;
    QList<MemberRef> memberRefs(const Room *room) const;
    QList<Room *> orderedRooms() const;

    // sending
    void send(Member *member, const QByteArray &utf8);
    // Writes a frame made by WebSocketFrame::text(); payloadBytes is its payload's size.
    void sendFrame(Member *member, const QByteArray &frame, qint64 payloadBytes);
    void sendError(Member *member, ErrorCode code, const QString &message,
                   const QJsonValue &ref = QJsonValue::Undefined);
    void sendToNative(Room *room, const QByteArray &utf8, const Member *except);
    void sendNotificationTo(Member *member, const QString &text);
    // Sends a close frame; a peer that does not finish the closing handshake within graceMs
    // is cut (0: at once, for a peer that is not answering anyway).
    void closeMember(Member *member, int code, const QString &reason, int graceMs = -1);
    void pingIdleMembers();
    // Sends what this pass wrote to each member; queued once per pass of the event loop.
    void flushOutput();
    void flushMember(Member *member);
    // Queues flushOutput() for the end of this pass, once.
    void queueFlush();
    // What waits for a member (Qt's buffer, and TLS's encrypted bytes) against the limits.
    void checkOutgoing(Member *member);
    void checkOverLimitMembers();
    qint64 hardOutgoingLimit() const;
    // A member that goes: out of the flush and the watched lists.
    void forgetOutgoing(Member *member);
    // Closes a member with 4008: more than maxOutgoingBytes waiting to be sent to it.
    void closeSlowConsumer(Member *member, qint64 waiting);
    void refuse(Member *member, const QJsonValue &ref = QJsonValue::Undefined);

    // reporting
    // An event about member, filled with its id, name and dialect.
    ServerEvent memberEvent(ServerEvent::Kind kind, const Member *member,
                            const QString &room = QString()) const;
    void emitEvent(ServerEvent event);
    void flushEvents();
    ServerSnapshot snapshot() const;
    ServerStats stats() const;
    void finishStop();
    // Gives freed heap back to the system once disconnects calm down (see trimHeap()).
    void scheduleTrim();
    void trimHeap();
    // Frees the socket buffers of members that have gone quiet; on the event timer, once a second.
    void releaseIdleBuffers();
    void flushInspection();
    // Detaches the tap and emits inspectionEnded(reason), if a member is inspected.
    void endInspection(const QString &reason);

    ServerConfig m_config;
    TcpListener *m_tcpServer = nullptr;
    bool m_tls = false;
    QSslConfiguration m_sslConfig; // the server's certificate and key, when m_tls
    quint64 m_nextPendingSequence = 0;
    QTimer *m_pingTimer = nullptr;
    QWebSocketServer *m_wsServer = nullptr;
    QHash<QTcpSocket *, PendingHandshake> m_pending;
    QHash<QString, PendingHandshake> m_upgrading; // by peer "address|port", until handshaken
    QHash<QString, Member *> m_membersById;
    QHash<QString, Member *> m_membersByName;
    QMap<QString, Room *> m_rooms;
    qint64 m_nextMemberNumber = 1;
    quint64 m_pingTick = 0; // idle-ping timer ticks, each serving one slot of members
    QElapsedTimer m_clock;
    bool m_stopping = false;
    double m_guiLagMs = -1;

    QList<Member *> m_flushMembers; // members written to in this pass, until flushOutput()
    bool m_flushQueued = false;
    QList<Member *> m_overLimitMembers; // past maxOutgoingBytes, watched until under or closed
    QTimer *m_slowConsumerTimer = nullptr;

    ServerStats m_stats;
    ServerEventList m_pendingEvents;
    int m_droppedMessageEvents = 0;
    int m_flushCount = 0;
    QTimer *m_flushTimer = nullptr;
    SessionRecorder m_recorder;
    QTimer *m_stopTimer = nullptr;
    QTimer *m_trimTimer = nullptr;

    // the frame inspector
    QString m_inspectedId;
    QPointer<SocketTapper> m_inspectedTapper;
    std::unique_ptr<FrameTap> m_tap;
};
