#include "roommanager.h"

#include "banlist_p.h"
#include "eventbatcher_p.h"
#include "frontdoor_p.h"
#include "hosttext.h"
#include "idlepinger_p.h"
#include "logging.h"
#include "member_p.h"
#include "memberconnection_p.h"
#include "memberinspector_p.h"
#include "nativerouter_p.h"
#include "outbox_p.h"
#include "protocol/closecode.h"
#include "protocol/nativecodec.h"
#include "protocol/timestamp.h"
#include "protocol/validation.h"
#include "roomactions_p.h"
#include "roomarchive_p.h"
#include "roomdirectory_p.h"
#include "tutorialrouter_p.h"

#include <QTimer>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace {

constexpr int FlushIntervalMs = 100;
constexpr int StatsEveryFlushes = 5;
constexpr int ReleaseBuffersEveryFlushes = 10; // 1 s
constexpr int RefusalWindowMs = 10000;
constexpr int MaxRefusalsInWindow = 100;
constexpr int CloseGraceMs = 5000; // a peer that does not finish the closing handshake is cut
constexpr int StopGraceMs = 1500;
constexpr int TrimDelayMs = 2000; // after a disconnect, at most this often

} // namespace

// Hands what the members' connections receive to the manager, by direct calls.
class RoomManager::ConnectionListener final : public MemberConnection::Listener
{
public:
    // Calls manager's handlers.
    explicit ConnectionListener(RoomManager &manager)
        : m_manager(manager)
    { }

    void memberText(Member *member, const QByteArray &utf8) override
    {
        m_manager.onTextMessage(member, utf8);
    }
    void memberBinary(Member *member, const QByteArray &data) override
    {
        m_manager.onBinaryMessage(member, data);
    }
    void memberPong(Member *member) override { member->awaitingPong = false; }
    void memberDisconnected(Member *member) override
    {
        // Queued, so that a close inside a fan-out never removes a member under the loop's feet.
        RoomManager *manager = &m_manager;
        QMetaObject::invokeMethod(
            manager, [manager, member] { manager->onDisconnected(member); }, Qt::QueuedConnection);
    }

private:
    RoomManager &m_manager;
};

RoomManager::RoomManager(QObject *parent)
    : QObject(parent)
    , m_bans(std::make_unique<BanList>())
    , m_directory(std::make_unique<RoomDirectory>())
    , m_outbox(new Outbox(m_clock, this))
    , m_frontDoor(new FrontDoor(
          m_config, [this] { return snapshot(); }, this))
    , m_events(std::make_unique<EventBatcher>(m_recorder, *m_outbox))
    , m_actions(std::make_unique<RoomActions>(*m_directory, *m_outbox, *m_events, m_stats))
    , m_tutorial(new TutorialRouter(m_config, *m_directory, *m_actions, this))
    , m_archive(std::make_unique<RoomArchive>(*m_directory, *m_actions))
    , m_native(std::make_unique<NativeRouter>(*m_directory, *m_actions, *m_archive, *m_tutorial))
    , m_pinger(new IdlePinger(*m_directory, *m_actions, this))
    , m_inspector(std::make_unique<MemberInspector>())
    , m_listener(std::make_unique<ConnectionListener>(*this))
{
    m_actions->setArchive(m_archive.get());
    m_actions->setBans(m_bans.get());
    qRegisterMetaType<ServerConfig>();
    qRegisterMetaType<ServerEventList>();
    qRegisterMetaType<ServerStats>();
    qRegisterMetaType<ServerSnapshot>();
    qRegisterMetaType<InspectionHandshake>();
    qRegisterMetaType<InspectedFrameList>();
    m_frontDoor->setServerName(QStringLiteral("wsroom/") + version());
    m_frontDoor->setBans(m_bans.get());
    connect(m_frontDoor, &FrontDoor::webSocketArrived, this, &RoomManager::admit);
    connect(m_frontDoor, &FrontDoor::refused, this,
            [this](const ServerEvent::Refused &refusal) { m_actions->report(refusal); });
    connect(m_outbox, &Outbox::aboutToFlush, this, [this] { m_recorder.flush(); });
    connect(m_outbox, &Outbox::slowConsumer, this,
            [this](Member *member, qint64) { closeSlowConsumer(member); });
}

RoomManager::~RoomManager() = default;

QString RoomManager::version()
{
    return QStringLiteral(WSROOM_VERSION);
}

void RoomManager::start(const ServerConfig &config)
{
    if (m_frontDoor->isOpen()) {
        emit startFailed(HostText::english(HostText::AlreadyRunning));
        return;
    }
    m_config = config;
    QString error;
    if (!m_frontDoor->loadTls(&error)) {
        emit startFailed(error);
        return;
    }
    if (!m_config.recordFile.isEmpty() && !m_recorder.open(m_config.recordFile, &error)) {
        emit startFailed(error);
        return;
    }
    if (!m_frontDoor->open(&error)) {
        m_recorder.close();
        emit startFailed(error);
        return;
    }

    m_directory->setLimits(m_config.maxRooms, m_config.maxRoomsPerMember, m_config.history);
    m_directory->reset();
    int exitStatus = 1;
    const auto warn = [this](const QString &text) {
        m_actions->report(ServerEvent::Warning {text});
    };
    if (!m_archive->open(m_config, warn, &error, &exitStatus)) {
        m_frontDoor->close();
        m_directory->clear();
        m_recorder.close();
        emit startFailed(error, exitStatus);
        return;
    }
    m_outbox->setLimits(m_config.maxOutgoingBytes, m_config.slowConsumerHardFactor,
                        m_config.slowConsumerGraceMs);
    m_outbox->resetCounters();
    m_stats = ServerStats();
    m_clock.start();
    if (!m_flushTimer) {
        m_flushTimer = new QTimer(this);
        m_flushTimer->setInterval(FlushIntervalMs);
        connect(m_flushTimer, &QTimer::timeout, this, &RoomManager::flushEvents);
    }
    m_flushTimer->start();
    m_pinger->start(m_config.idlePingMs);

    const QString host = ServerConfig::hostForUrl(m_frontDoor->address());
    qCInfo(lcServer, "listening on %s port %d%s", qPrintable(host), m_frontDoor->port(),
           m_frontDoor->tls() ? " with TLS" : "");
    emit listening(host, m_frontDoor->port());
    emit snapshotReady(snapshot());
}

void RoomManager::stop()
{
    if (!m_frontDoor->isOpen() || m_stopping)
        return;
    m_stopping = true;
    m_frontDoor->shut();
    const QList<Member *> members = m_directory->members();
    for (Member *member : members)
        m_actions->closeMember(member, CloseCode::Normal, QStringLiteral("the server is stopping"));
    if (members.isEmpty()) {
        QTimer::singleShot(0, this, &RoomManager::finishStop);
        return;
    }
    if (!m_stopTimer) {
        m_stopTimer = new QTimer(this);
        m_stopTimer->setSingleShot(true);
        connect(m_stopTimer, &QTimer::timeout, this, &RoomManager::finishStop);
    }
    m_stopTimer->start(StopGraceMs);
}

void RoomManager::stopNow()
{
    if (!m_frontDoor->isOpen())
        return;
    m_stopping = true;
    m_outbox->flush();
    for (Member *member : m_directory->members()) {
        member->connection->close(CloseCode::Normal, QStringLiteral("the server is stopping"), 0);
    }
    finishStop();
}

void RoomManager::finishStop()
{
    if (!m_frontDoor->isOpen())
        return;
    if (m_stopTimer)
        m_stopTimer->stop();
    flushInspection();
    endInspection(HostText::english(HostText::ServerStopped));
    m_archive->close();
    for (Member *member : m_directory->members()) {
        // Those who did not say goodbye in time still leave, in the log and the recording.
        for (const QString &room : std::as_const(member->rooms))
            m_actions->report(ServerEvent::Left {*member, room});
        m_actions->report(ServerEvent::Disconnected {*member, int(CloseCode::Normal),
                                                     QStringLiteral("the server is stopping")});
        MemberConnection *connection = member->connection;
        connection->setListener(nullptr, nullptr);
        QObject::disconnect(connection, nullptr, nullptr, nullptr);
        connection->abort();
        connection->deleteLater();
        m_outbox->forget(member);
        m_directory->takeMember(member);
    }
    m_outbox->clear();
    m_directory->clear();
    m_bans->clear(); // bans last as long as the session
    m_frontDoor->close();
    if (m_flushTimer)
        m_flushTimer->stop();
    m_pinger->stop();
    flushEvents();
    emit statsUpdated(stats());
    m_recorder.close();
    m_stopping = false;
    if (m_trimTimer)
        m_trimTimer->stop();
    trimHeap();
    qCInfo(lcServer, "stopped");
    emit stopped();
}

void RoomManager::admit(MemberConnection *connection, const Handshake &handshake)
{
    connection->setParent(this);
    const QHostAddress address = handshake.peerAddress;

    int refusal = 0;
    QString reason;
    if (m_stopping) {
        refusal = CloseCode::Normal;
        reason = QStringLiteral("the server is stopping");
    } else if (!handshake.codeAccepted) {
        refusal = CloseCode::PolicyViolation;
        reason = handshake.lockedOutSeconds > 0
            ? QStringLiteral("too many wrong codes; try again in %1 s")
                  .arg(handshake.lockedOutSeconds)
            : QStringLiteral("join code missing or wrong");
    } else if (m_directory->memberCount() >= m_config.maxConnections) {
        refusal = CloseCode::TryAgainLater;
        reason = QStringLiteral("the server is full (%1 connections)").arg(m_config.maxConnections);
        m_frontDoor->noteRefusal(address, RefusalTally::Reason::Limit);
    }
    if (refusal) {
        qCInfo(lcServer, "refused %s: %s", qPrintable(address.toString()), qPrintable(reason));
        connect(connection, &MemberConnection::disconnected, connection, &QObject::deleteLater);
        connection->close(refusal, reason, CloseGraceMs);
        return;
    }

    const qint64 number = m_directory->takeMemberNumber();
    auto made = std::make_unique<Member>();
    made->id = QStringLiteral("m%1").arg(number);
    made->dialect = handshake.endpoint.dialect;
    made->name = m_directory->uniqueName(handshake.endpoint.name.isEmpty()
                                             ? QStringLiteral("guest-%1").arg(number)
                                             : handshake.endpoint.name);
    made->connection = connection;
    made->transport = connection->transport();
    made->deflateWindowBits = quint8(connection->deflateWindowBits());
    made->requestHead = handshake.requestHead;
    made->address = address;
    made->port = handshake.peerPort;
    made->loopback = made->address.isLoopback();
    made->connectedAt = QDateTime::currentDateTimeUtc();
    made->pingSlot = IdlePinger::slotFor(number);
    made->bucket.setRate(m_config.rateLimit, m_clock.elapsed());
    Member *member = m_directory->addMember(std::move(made));

    connection->setListener(m_listener.get(), member);

    qCInfo(lcServer, "%s connected as %s (%s) from %s", qPrintable(member->id),
           qPrintable(member->name), qPrintable(dialectName(member->dialect)),
           qPrintable(member->address.toString()));
    m_actions->report(ServerEvent::Connected {*member, member->address.toString()});

    if (member->dialect == Dialect::Echo)
        return; // in no room, told nothing: it only hears itself
    if (member->dialect != Dialect::Native) {
        m_tutorial->admit(member, handshake.endpoint.room);
        return;
    }
    NativeCodec::Limits limits;
    limits.maxMessageBytes = m_config.maxMessageBytes;
    limits.ratePerSecond = m_config.rateLimit;
    QStringList rooms;
    for (const Room *room : m_directory->orderedRooms())
        rooms.append(room->name);
    m_actions->send(member, NativeCodec::welcome(member->ref(), rooms, limits, version()));
    if (!handshake.endpoint.room.isEmpty())
        m_actions->join(member, handshake.endpoint.room, QJsonValue::Undefined);
}

void RoomManager::onTextMessage(Member *member, const QByteArray &utf8)
{
    if (member->closing)
        return;
    ++m_stats.messagesIn;
    m_stats.bytesIn += utf8.size();
    if (member->dialect == Dialect::Echo) {
        OutgoingMessage echo(utf8);
        m_actions->send(member, echo);
        return;
    }
    if (!member->bucket.take(m_clock.elapsed())) {
        // The refusal echoes the request's ref, so a client can tell which request it was; the
        // frame is decoded for nothing else.
        refuse(member,
               member->dialect == Dialect::Native ? NativeCodec::decode(utf8).ref
                                                  : QJsonValue::Undefined);
        return;
    }
    // Handed on as the reader checked it, UTF-8: the native codec reads JSON from bytes, so a
    // QString here would be converted there and back for every message.
    if (member->dialect == Dialect::Native)
        m_native->handle(member, utf8);
    else
        m_tutorial->handle(member, utf8);
}

void RoomManager::onBinaryMessage(Member *member, const QByteArray &data)
{
    if (member->closing)
        return;
    ++m_stats.messagesIn;
    m_stats.bytesIn += data.size();
    if (member->dialect == Dialect::Echo) {
        OutgoingMessage echo(data, WebSocketFrame::Binary);
        m_actions->send(member, echo);
        return;
    }
    if (!member->bucket.take(m_clock.elapsed())) {
        refuse(member);
        return;
    }
    m_actions->sendError(member, ErrorCode::BadRequest,
                         QStringLiteral("binary frames are not accepted: send JSON as text"));
}

void RoomManager::refuse(Member *member, const QJsonValue &ref)
{
    m_actions->sendError(
        member, ErrorCode::RateLimited,
        QStringLiteral("you are sending more than %1 messages per second; this one was not "
                       "delivered")
            .arg(m_config.rateLimit),
        ref);
    const qint64 now = m_clock.elapsed();
    member->refusals.push_back(now);
    while (!member->refusals.empty() && member->refusals.front() < now - RefusalWindowMs)
        member->refusals.pop_front();
    if (member->refusals.size() > MaxRefusalsInWindow) {
        m_actions->closeMember(member, CloseCode::PolicyViolation,
                               QStringLiteral("kept sending after rate_limited"));
    }
}

void RoomManager::closeSlowConsumer(Member *member)
{
    ++m_stats.slowConsumers;
    m_actions->closeMember(member, CloseCode::SlowConsumer,
                           QStringLiteral("too slow: more than %1 bytes waiting to be sent")
                               .arg(m_config.maxOutgoingBytes));
}

void RoomManager::onDisconnected(Member *member)
{
    if (!m_directory->contains(member))
        return;
    MemberConnection *connection = member->connection;
    if (member->notificationTimer)
        member->notificationTimer->stop();
    const QStringList rooms = member->rooms;
    for (const QString &name : rooms) {
        if (Room *room = m_directory->room(name))
            m_actions->leave(member, room, QJsonValue::Undefined, false);
    }
    const std::unique_ptr<Member> gone = m_directory->takeMember(member);

    const int code = connection->closeCode();
    qCInfo(lcServer, "%s (%s) disconnected, close code %d", qPrintable(member->id),
           qPrintable(member->name), code);
    if (member->id == m_inspector->memberId()) {
        flushInspection(); // the close frames, before the end
        endInspection(
            HostText::english(HostText::Disconnected).arg(code).arg(CloseCode::name(code)));
    }
    m_actions->report(ServerEvent::Disconnected {*member, code, connection->closeReason()});

    connection->setListener(nullptr, nullptr);
    connection->deleteLater();
    m_outbox->forget(member);

    scheduleTrim();
    if (m_stopping && m_directory->memberCount() == 0)
        finishStop();
}

void RoomManager::scheduleTrim()
{
    if (!m_trimTimer) {
        m_trimTimer = new QTimer(this);
        m_trimTimer->setSingleShot(true);
        m_trimTimer->setInterval(TrimDelayMs);
        connect(m_trimTimer, &QTimer::timeout, this, &RoomManager::trimHeap);
    }
    if (!m_trimTimer->isActive())
        m_trimTimer->start();
}

void RoomManager::releaseIdleBuffers()
{
    // Each transport whose buffers were used since the last pass and are empty now gives them
    // back (MemberTransport::releaseIdleBuffers()); a busy one allocates them again at its next
    // read or write, so that costs it at most one allocation a second.
    int released = 0;
    for (const Member *member : m_directory->members())
        released += member->transport->releaseIdleBuffers();
    // Freed chunks in the middle of the heap stay resident until trimmed.
    if (released > 0)
        scheduleTrim();
}

void RoomManager::trimHeap()
{
#ifdef __GLIBC__
    // glibc keeps freed memory of its arenas (each thread has one) for reuse; after thousands
    // of connections have come and gone that is many megabytes the process no longer needs.
    malloc_trim(0);
#endif
}

void RoomManager::kick(const QString &memberId, const QString &reason)
{
    if (Member *member = m_directory->member(memberId))
        closeKicked(member, reason, false);
}

void RoomManager::closeKicked(Member *member, const QString &reason, bool banned)
{
    if (member->closing)
        return;
    const QString why = reason.isEmpty() ? QStringLiteral("kicked by the host") : reason;
    qCInfo(lcServer, "%s (%s) %s by the host", qPrintable(member->id), qPrintable(member->name),
           banned ? "banned" : "kicked");
    // Reported now: the Left and Disconnected events come once the connection has closed.
    m_actions->report(ServerEvent::Kicked {*member, why, banned});
    m_actions->closeMember(member, CloseCode::Kicked, why);
}

void RoomManager::ban(const QString &memberId, const QString &reason)
{
    Member *member = m_directory->member(memberId);
    if (!member)
        return;
    // A loopback address is not banned (BanList): the host's own chat windows come from there.
    m_bans->ban(member->name, member->address);
    closeKicked(member, reason, true);
    emit snapshotReady(snapshot());
}

void RoomManager::setMuted(const QString &memberId, bool muted)
{
    Member *member = m_directory->member(memberId);
    if (!member)
        return;
    if (member->muted != muted) {
        member->muted = muted;
        qCInfo(lcServer, "%s (%s) %s by the host", qPrintable(member->id), qPrintable(member->name),
               muted ? "muted" : "unmuted");
        m_actions->report(ServerEvent::Muted {*member, muted});
    }
    emit snapshotReady(snapshot());
}

void RoomManager::setRoomLocked(const QString &roomName, bool locked)
{
    Room *room = m_directory->room(roomName);
    if (!room)
        return;
    if (room->locked != locked) {
        room->locked = locked;
        // A locked room stays when empty, so that its lock does too.
        room->pinned = room->pinned || locked;
        qCInfo(lcServer, "%s %s by the host", qPrintable(roomName), locked ? "locked" : "opened");
        m_actions->report(ServerEvent::RoomLocked {roomName, locked});
    }
    emit snapshotReady(snapshot());
}

void RoomManager::liftBans()
{
    m_bans->clear();
    qCInfo(lcServer, "bans lifted");
    emit snapshotReady(snapshot());
}

void RoomManager::sendNotification(const QString &text)
{
    if (m_frontDoor->isOpen())
        m_tutorial->sendNotification(text);
}

void RoomManager::postSystemMessage(const QString &roomName, const QString &text)
{
    if (!m_frontDoor->isOpen() || !Validation::isValidRoom(roomName) || text.isEmpty())
        return;
    QString error;
    Room *room = m_actions->roomFor(roomName, &error);
    if (!room)
        return;
    room->pinned = room->pinned || room->members.isEmpty();
    ChatMessage message;
    message.room = roomName;
    message.from = MemberRef::host();
    message.text = text;
    message.timestamp = Timestamp::now();
    m_actions->publish(room, message);
}

void RoomManager::createRoom(const QString &roomName)
{
    if (!m_frontDoor->isOpen() || !Validation::isValidRoom(roomName))
        return;
    QString error;
    if (Room *room = m_actions->roomFor(roomName, &error))
        room->pinned = true;
}

void RoomManager::clearRoomHistory(const QString &room)
{
    if (!m_frontDoor->isOpen())
        return;
    m_archive->clearHistory(room, [this, room] {
        qCInfo(lcServer, "the history of %s was cleared", qPrintable(room));
        emit snapshotReady(snapshot());
    });
}

void RoomManager::requestRoomHistory(const QString &room)
{
    if (!m_frontDoor->isOpen()) {
        emit roomHistoryReady(room, {});
        return;
    }
    m_archive->allMessages(room, [this, room](const QList<QByteArray> &events) {
        emit roomHistoryReady(room, events);
    });
}

void RoomManager::setNotificationInterval(double seconds)
{
    m_config.notificationInterval = seconds;
    m_tutorial->applyNotificationInterval();
}

void RoomManager::setJoinCode(const QString &code)
{
    m_config.joinCode = code;
    qCInfo(lcServer, "join code %s", code.isEmpty() ? "off" : "set");
}

void RoomManager::rebind(const QHostAddress &address)
{
    if (!m_frontDoor->isOpen() || m_stopping)
        return;
    const QHostAddress previous = m_frontDoor->address();
    const quint16 port = m_frontDoor->port();
    if (previous == address) {
        emit rebound(ServerConfig::hostForUrl(previous), port);
        return;
    }
    QString reason;
    if (m_frontDoor->relisten(address, port, &reason)) {
        m_config.bindAddress = address;
        const QString host = ServerConfig::hostForUrl(m_frontDoor->address());
        qCInfo(lcServer, "listening on %s port %d instead", qPrintable(host), port);
        emit rebound(host, port);
        return;
    }
    QString ignored;
    if (!m_frontDoor->relisten(previous, port, &ignored)) {
        // Neither address: nobody new can connect, so say so as a failed start after stopping.
        qCWarning(lcServer, "%s; and the old address is gone too", qPrintable(reason));
        emit rebindFailed(reason);
        stop();
        return;
    }
    qCWarning(lcServer, "%s", qPrintable(reason));
    emit rebindFailed(reason);
}

void RoomManager::setGuiLag(double p99Ms)
{
    m_guiLagMs = p99Ms;
}

void RoomManager::requestSnapshot()
{
    emit snapshotReady(snapshot());
}

void RoomManager::flushEvents()
{
    ServerEventList events = m_events->take();
    if (!events.isEmpty())
        emit eventsReady(events);
    flushInspection();
    if (++m_flushCount % StatsEveryFlushes == 0)
        emit statsUpdated(stats());
    if (m_flushCount % ReleaseBuffersEveryFlushes == 0)
        releaseIdleBuffers();
    m_recorder.syncIfDue();
}

void RoomManager::inspect(const QString &memberId)
{
    endInspection(QStringLiteral("stopped"));
    const Member *member = m_directory->member(memberId);
    if (!member) {
        emit inspectionEnded(memberId, HostText::english(HostText::NoSuchMember));
        return;
    }
    const InspectionHandshake handshake = m_inspector->follow(member);
    qCInfo(lcServer, "inspecting %s (%s)", qPrintable(member->id), qPrintable(member->name));
    emit inspectionStarted(handshake);
}

void RoomManager::stopInspecting()
{
    flushInspection();
    endInspection(QStringLiteral("stopped"));
}

void RoomManager::flushInspection()
{
    InspectedFrameList frames;
    int dropped = 0;
    if (m_inspector->take(&frames, &dropped))
        emit framesInspected(m_inspector->memberId(), frames, dropped);
}

void RoomManager::endInspection(const QString &reason)
{
    const QString id = m_inspector->detach();
    if (!id.isEmpty())
        emit inspectionEnded(id, reason);
}

ServerStats RoomManager::stats() const
{
    ServerStats s = m_stats;
    s.uptimeMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    s.connections = m_directory->memberCount();
    s.rooms = m_directory->roomCount();
    s.bytesOut = m_outbox->bytesOut();
    s.guiLagMs = m_guiLagMs;
    s.refusedWrongCode = m_frontDoor->refusals(RefusalTally::Reason::WrongCode);
    s.refusedLockedOut = m_frontDoor->refusals(RefusalTally::Reason::LockedOut);
    s.refusedOrigin = m_frontDoor->refusals(RefusalTally::Reason::Origin);
    s.refusedLimit = m_frontDoor->refusals(RefusalTally::Reason::Limit);
    s.refusedBanned = m_frontDoor->refusals(RefusalTally::Reason::Banned);
    s.lockedOutAddresses = m_frontDoor->lockedOutAddresses();
    return s;
}

ServerSnapshot RoomManager::snapshot() const
{
    ServerSnapshot s;
    s.version = version();
    s.stats = stats();
    m_directory->describe(&s);
    m_archive->describe(&s);
    s.bannedNames = m_bans->names();
    s.bannedAddresses = m_bans->addresses();
    return s;
}
