#include "roommanager.h"

#include "frametap.h"
#include "httpresponse.h"
#include "logging.h"
#include "member.h"
#include "protocol/closecode.h"
#include "protocol/httprequesthead.h"
#include "protocol/nativecodec.h"
#include "protocol/timestamp.h"
#include "protocol/tutorialcodec.h"
#include "protocol/validation.h"
#include "protocol/webpath.h"
#include "protocol/websocketframe.h"
#include "room.h"
#include "sockettapper.h"
#include "statusreport.h"
#include "tappingsocket.h"
#include "tappingsslsocket.h"
#include "tcplistener.h"
#include "tlscredentials.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QPointer>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif
#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace {

constexpr int FlushIntervalMs = 100;
constexpr int StatsEveryFlushes = 5;
constexpr int ReleaseBuffersEveryFlushes = 10; // 1 s
// The idle pings go out in this many slices of the interval, each to the members of one slot:
// pinging everyone at once made every socket allocate its buffers at the same moment (about
// 8 KB resident each, for a second or two: 80 MB at 10 000 members every 30 s).
constexpr int PingSlots = 10;
constexpr int MaxMessageEventsPerBatch = 1000;
constexpr int RefusalWindowMs = 10000;
constexpr int MaxRefusalsInWindow = 100;
constexpr int CloseGraceMs = 5000; // a peer that does not finish the closing handshake is cut
constexpr int StopGraceMs = 1500;
constexpr int TrimDelayMs = 2000; // after a disconnect, at most this often
constexpr int SlowConsumerCheckMs = 100; // members past maxOutgoingBytes are checked this often

const MemberRef HostRef {QStringLiteral("host"), QStringLiteral("host")};

// UTF-8 length without converting, for the byte counters.
qint64 utf8Length(QStringView text)
{
    qint64 n = 0;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        n += u < 0x80 ? 1 : u < 0x800 ? 2 : QChar::isSurrogate(u) ? 2 : 3;
    }
    return n;
}

// What is still to go out to a peer: for TLS, the encrypted bytes too.
qint64 pendingOutBytes(const QTcpSocket *socket)
{
    qint64 n = socket->bytesToWrite();
    if (const auto *ssl = qobject_cast<const QSslSocket *>(socket))
        n += ssl->encryptedBytesToWrite();
    return n;
}

QString peerKey(const QHostAddress &address, quint16 port)
{
    return address.toString() + QLatin1Char('|') + QString::number(port);
}

} // namespace

RoomManager::RoomManager(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<ServerConfig>();
    qRegisterMetaType<ServerEventList>();
    qRegisterMetaType<ServerStats>();
    qRegisterMetaType<ServerSnapshot>();
    qRegisterMetaType<InspectionHandshake>();
    qRegisterMetaType<InspectedFrameList>();
}

RoomManager::~RoomManager()
{
    if (m_inspectedTapper)
        m_inspectedTapper->setTap(nullptr);
    qDeleteAll(m_membersById);
    qDeleteAll(m_rooms);
}

QString RoomManager::version()
{
    return QStringLiteral(WSROOM_VERSION);
}

void RoomManager::start(const ServerConfig &config)
{
    if (m_tcpServer) {
        emit startFailed(QStringLiteral("the server is already running"));
        return;
    }
    m_config = config;
    m_tls = m_config.tls();
    if (m_tls) {
        QString error;
        if (!TlsCredentials::load(m_config.tlsCertFile, m_config.tlsKeyFile, &m_sslConfig,
                                  &error)) {
            m_tls = false;
            emit startFailed(error);
            return;
        }
    }
    if (!m_config.recordFile.isEmpty()) {
        QString error;
        if (!m_recorder.open(m_config.recordFile, &error)) {
            emit startFailed(error);
            return;
        }
    }

    m_tcpServer
        = new TcpListener([this](qintptr descriptor) { return createSocket(descriptor); }, this);
    m_tcpServer->setMaxPendingConnections(1024);
    // Qt's default backlog is 50: a burst of connections past it waits for SYN retries (1 s).
    m_tcpServer->setListenBacklogSize(1024);
    if (!m_tcpServer->listen(m_config.bindAddress, m_config.port)) {
        QString reason;
        switch (m_tcpServer->serverError()) {
        case QAbstractSocket::AddressInUseError:
            reason = QStringLiteral("port %1 is already in use on %2")
                         .arg(m_config.port)
                         .arg(m_config.bindAddress.toString());
            break;
        case QAbstractSocket::SocketAccessError:
            reason = QStringLiteral("permission denied to listen on port %1").arg(m_config.port);
            break;
        default:
            reason = QStringLiteral("cannot listen on %1 port %2: %3")
                         .arg(m_config.bindAddress.toString())
                         .arg(m_config.port)
                         .arg(m_tcpServer->errorString());
        }
        delete m_tcpServer;
        m_tcpServer = nullptr;
        m_recorder.close();
        emit startFailed(reason);
        return;
    }
    connect(m_tcpServer, &QTcpServer::newConnection, this, &RoomManager::onTcpConnection);

    m_wsServer = new QWebSocketServer(QStringLiteral("wsroom/") + version(),
                                      QWebSocketServer::NonSecureMode, this);
    m_wsServer->setMaxPendingConnections(1 << 20); // drained at once in onWebSocketConnection()
    m_wsServer->setHandshakeTimeout(m_config.handshakeTimeoutMs);
    connect(m_wsServer, &QWebSocketServer::newConnection, this,
            &RoomManager::onWebSocketConnection);

    for (const char *name : {"lobby", "chat", "notifications"}) {
        auto *room = new Room;
        room->name = QString::fromLatin1(name);
        room->permanent = true;
        m_rooms.insert(room->name, room);
    }

    m_stats = ServerStats();
    m_clock.start();
    if (!m_flushTimer) {
        m_flushTimer = new QTimer(this);
        m_flushTimer->setInterval(FlushIntervalMs);
        connect(m_flushTimer, &QTimer::timeout, this, &RoomManager::flushEvents);
    }
    m_flushTimer->start();
    if (!m_slowConsumerTimer) {
        m_slowConsumerTimer = new QTimer(this);
        m_slowConsumerTimer->setInterval(SlowConsumerCheckMs);
        connect(m_slowConsumerTimer, &QTimer::timeout, this, &RoomManager::checkOverLimitMembers);
    }
    if (!m_pingTimer) {
        m_pingTimer = new QTimer(this);
        connect(m_pingTimer, &QTimer::timeout, this, &RoomManager::pingIdleMembers);
    }
    if (m_config.idlePingMs > 0)
        m_pingTimer->start(qMax(1, m_config.idlePingMs / PingSlots));

    const QString host = ServerConfig::hostForUrl(m_tcpServer->serverAddress());
    qCInfo(lcServer, "listening on %s port %d%s", qPrintable(host), m_tcpServer->serverPort(),
           m_tls ? " with TLS" : "");
    emit listening(host, m_tcpServer->serverPort());
    emit snapshotReady(snapshot());
}

void RoomManager::stop()
{
    if (!m_tcpServer || m_stopping)
        return;
    m_stopping = true;
    m_tcpServer->close();
    for (QTcpSocket *socket : m_pending.keys())
        socket->abort();
    for (Member *member : std::as_const(m_membersById))
        closeMember(member, CloseCode::Normal, QStringLiteral("the server is stopping"));
    if (m_membersById.isEmpty()) {
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
    if (!m_tcpServer)
        return;
    m_stopping = true;
    flushOutput();
    for (Member *member : std::as_const(m_membersById)) {
        if (member->socket->state() == QAbstractSocket::ConnectedState) {
            member->socket->close(QWebSocketProtocol::CloseCode(CloseCode::Normal),
                                  QStringLiteral("the server is stopping"));
            member->socket->flush();
        }
    }
    finishStop();
}

void RoomManager::finishStop()
{
    if (!m_tcpServer)
        return;
    if (m_stopTimer)
        m_stopTimer->stop();
    for (QTcpSocket *socket : m_pending.keys()) {
        socket->abort();
        socket->deleteLater();
    }
    m_pending.clear();
    m_upgrading.clear();
    flushInspection();
    endInspection(QStringLiteral("the server stopped"));
    const QList<Member *> members = m_membersById.values();
    for (Member *member : members) {
        // Those who did not say goodbye in time still leave, in the log and the recording.
        for (const QString &room : std::as_const(member->rooms))
            emitEvent(memberEvent(ServerEvent::Kind::Left, member, room));
        ServerEvent gone = memberEvent(ServerEvent::Kind::Disconnected, member);
        gone.detail = QStringLiteral("%1 the server is stopping").arg(int(CloseCode::Normal));
        emitEvent(gone);
        QWebSocket *socket = member->socket;
        socket->disconnect(this);
        QObject::disconnect(socket, nullptr, nullptr, nullptr);
        socket->abort();
        socket->deleteLater();
        delete member;
    }
    m_flushMembers.clear();
    m_overLimitMembers.clear();
    if (m_slowConsumerTimer)
        m_slowConsumerTimer->stop();
    m_membersById.clear();
    m_membersByName.clear();
    qDeleteAll(m_rooms);
    m_rooms.clear();
    delete m_wsServer;
    m_wsServer = nullptr;
    delete m_tcpServer;
    m_tcpServer = nullptr;
    if (m_flushTimer)
        m_flushTimer->stop();
    if (m_pingTimer)
        m_pingTimer->stop();
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

// ---------------------------------------------------------------------------------------------
// Connections: one port, HTTP and WebSocket

QTcpSocket *RoomManager::createSocket(qintptr descriptor)
{
    // Sockets the frame inspector can follow (the plaintext, with TLS); untapped they cost
    // nothing per byte (see SocketTapper). Never a QSslSocket without TLS: it costs time on
    // every byte.
    QTcpSocket *socket = nullptr;
    if (m_tls) {
        auto *ssl = new TappingSslSocket(this);
        ssl->setSslConfiguration(m_sslConfig);
        socket = ssl;
    } else {
        socket = new TappingSocket(this);
    }
    if (!socket->setSocketDescriptor(descriptor)) {
        qCWarning(lcServer, "cannot take an accepted connection: %s",
                  qPrintable(socket->errorString()));
        delete socket;
#ifdef Q_OS_UNIX
        ::close(int(descriptor));
#endif
        return nullptr;
    }
    return socket;
}

void RoomManager::onTcpConnection()
{
    while (m_tcpServer && m_tcpServer->hasPendingConnections()) {
        QTcpSocket *socket = m_tcpServer->nextPendingConnection();
        socket->setParent(this);
        if (m_stopping) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        // A full backlog drops its oldest: a flood of idle connections cannot lock out a
        // newcomer who will speak at once.
        while (!m_pending.isEmpty() && m_pending.size() >= m_config.maxPendingHandshakes)
            dropOldestPending();
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        PendingHandshake pending;
        pending.sequence = m_nextPendingSequence++;
        pending.timeout = new QTimer(socket);
        pending.timeout->setSingleShot(true);
        connect(pending.timeout, &QTimer::timeout, socket, [this, socket] {
            if (!m_pending.contains(socket))
                return;
            qCDebug(lcHttp) << "request head timed out from" << socket->peerAddress();
            if (socket->bytesAvailable() > 0)
                refuseHttp(socket, 408, "The request head did not arrive in time.");
            else
                socket->abort();
        });
        pending.timeout->start(m_config.handshakeTimeoutMs);
        m_pending.insert(socket, pending);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onHeadData(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            if (m_pending.remove(socket))
                socket->deleteLater();
        });
    }
}

void RoomManager::dropOldestPending()
{
    auto oldest = m_pending.begin();
    for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
        if (it->sequence < oldest->sequence)
            oldest = it;
    }
    QTcpSocket *socket = oldest.key();
    qCDebug(lcHttp) << "pending handshakes full, dropping the oldest from" << socket->peerAddress();
    m_pending.erase(oldest);
    QObject::disconnect(socket, nullptr, this, nullptr);
    socket->abort();
    socket->deleteLater();
}

bool RoomManager::sniffTls(QTcpSocket *socket, PendingHandshake &pending)
{
    auto *ssl = qobject_cast<QSslSocket *>(socket);
    if (ssl && ssl->isEncrypted())
        return true; // the request head comes decrypted now
    if (pending.sniffed)
        return false; // the TLS handshake is under way: its bytes are not a request
    char first = 0;
    if (socket->peek(&first, 1) != 1)
        return false;
    pending.sniffed = true;
    // A TLS record starts with 0x16 (handshake); no HTTP request line can.
    const bool hello = first == 0x16;
    if (ssl && hello) {
        ssl->startServerEncryption();
        return false;
    }
    if (ssl) {
        refuseHttp(socket, 400, "This port speaks TLS: use https:// / wss://");
        return false;
    }
    if (hello) {
        refuseHttp(socket, 400, "This port does not speak TLS: use http:// / ws://");
        return false;
    }
    return true;
}

void RoomManager::onHeadData(QTcpSocket *socket)
{
    auto it = m_pending.find(socket);
    if (it == m_pending.end())
        return;
    if (!sniffTls(socket, it.value()))
        return;
    HttpRequestHead head;
    const QByteArray data = socket->peek(HttpRequestHead::MaxHeadBytes + 1);
    switch (head.parse(data)) {
    case HttpRequestHead::Status::Incomplete:
        return;
    case HttpRequestHead::Status::Invalid:
        refuseHttp(socket, 400, head.error().toUtf8());
        return;
    case HttpRequestHead::Status::TooLarge:
        refuseHttp(socket, 431, head.error().toUtf8());
        return;
    case HttpRequestHead::Status::Complete:
        break;
    }

    const QByteArray origin = head.header("Origin");
    if (!origin.isEmpty() && !originAllowed(origin)) {
        qCInfo(lcHttp, "refused origin %s", origin.constData());
        refuseHttp(socket, 403, "This origin is not allowed to connect.");
        return;
    }

    if (!head.isWebSocketUpgrade()) {
        serveHttp(socket, head);
        return;
    }

    PendingHandshake pending = it.value();
    pending.endpoint = Endpoint::fromTarget(head.target());
    if (pending.endpoint.status == Endpoint::Status::NotFound) {
        refuseHttp(socket, 404, "There is no WebSocket endpoint at this path.");
        return;
    }
    if (pending.endpoint.status == Endpoint::Status::BadRequest) {
        refuseHttp(socket, 400, pending.endpoint.error.toUtf8());
        return;
    }
    // A wrong join code is told over the WebSocket (close 1008 with a reason) rather than as an
    // HTTP 403, because a browser's WebSocket API shows a page nothing of a refused handshake.
    pending.codeAccepted = codeAccepted(head.queryValue(QStringLiteral("code")));

    m_pending.erase(it);
    delete pending.timeout; // QWebSocketServer has its own handshake timeout from here
    pending.timeout = nullptr;
    QObject::disconnect(socket, nullptr, this, nullptr);
    const QString key = peerKey(socket->peerAddress(), socket->peerPort());
    pending.transport = socket;
    // A copy of the head's bytes only: data is peek()'s 16 KiB allocation, which left() would
    // share when the head is all that came, and every member would keep it.
    pending.requestHead = QByteArray(data.constData(), head.headLength());
    m_upgrading.insert(key, pending);
    // Only this socket's entry: after a reset the peer's port may already belong to a newer
    // connection that is upgrading under the same key.
    connect(socket, &QTcpSocket::disconnected, this, [this, key, socket] {
        const auto found = m_upgrading.constFind(key);
        if (found != m_upgrading.cend() && found->transport == socket)
            m_upgrading.remove(key);
    });
    m_wsServer->handleConnection(socket);
}

void RoomManager::refuseHttp(QTcpSocket *socket, int status, const QByteArray &sentence)
{
    m_pending.remove(socket);
    QObject::disconnect(socket, nullptr, this, nullptr);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    socket->write(HttpResponse::plain(status, sentence));
    socket->disconnectFromHost();
}

void RoomManager::serveHttp(QTcpSocket *socket, const HttpRequestHead &head)
{
    m_pending.remove(socket);
    QObject::disconnect(socket, nullptr, this, nullptr);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    socket->read(head.headLength());

    const bool headOnly = head.method() == "HEAD";
    const bool readOnly = headOnly || head.method() == "GET";
    const QByteArray path = head.path();
    const bool statusPath = path == "/api/status" || path == "/metrics";

    // The browser client's files, compiled in; WebPath lets no path out of ":/web/".
    const QString name = WebPath::resourceName(path);
    QFile file(QStringLiteral(":/web/") + name);
    const bool asset = readOnly && !statusPath && !name.isEmpty() && file.open(QIODevice::ReadOnly);

    QByteArray response;
    if (!asset && !codeAccepted(head.queryValue(QStringLiteral("code")))) {
        // Only the page and its files are public: the page is where the code is typed in.
        // Everything else, even a 404 or a 405, first needs the code.
        response = HttpResponse::plain(403, "The join code is missing or wrong: add ?code=...",
                                       headOnly);
    } else if (!readOnly) {
        response = HttpResponse::plain(405, "Only GET and HEAD are served here.", false,
                                       "Allow: GET, HEAD\r\n");
    } else if (path == "/api/status") {
        response
            = HttpResponse::make(200, "application/json", StatusReport::json(snapshot()), headOnly);
    } else if (path == "/metrics") {
        response = HttpResponse::make(200, "text/plain; version=0.0.4; charset=utf-8",
                                      StatusReport::metrics(snapshot()), headOnly);
    } else if (asset) {
        QByteArray type = "application/octet-stream";
        if (name.endsWith(QLatin1String(".html")))
            type = "text/html; charset=utf-8";
        else if (name.endsWith(QLatin1String(".js")))
            type = "text/javascript; charset=utf-8";
        else if (name.endsWith(QLatin1String(".css")))
            type = "text/css; charset=utf-8";
        else if (name.endsWith(QLatin1String(".svg")))
            type = "image/svg+xml";
        else if (name.endsWith(QLatin1String(".png")))
            type = "image/png";
        else if (name.endsWith(QLatin1String(".json")))
            type = "application/json";
        response = HttpResponse::make(200, type, file.readAll(), headOnly);
    } else {
        response = HttpResponse::plain(404, "Nothing here.", headOnly);
    }
    qCDebug(lcHttp, "%s %s", head.method().constData(), head.target().constData());
    socket->write(response);
    socket->disconnectFromHost();
}

bool RoomManager::originAllowed(const QByteArray &origin) const
{
    if (m_config.allowedOrigins.isEmpty())
        return true;
    return m_config.allowedOrigins.contains(QString::fromUtf8(origin));
}

bool RoomManager::codeAccepted(const QString &code) const
{
    return m_config.joinCode.isEmpty() || code == m_config.joinCode;
}

void RoomManager::onWebSocketConnection()
{
    while (m_wsServer && m_wsServer->hasPendingConnections()) {
        QWebSocket *socket = m_wsServer->nextPendingConnection();
        const QString key = peerKey(socket->peerAddress(), socket->peerPort());
        auto it = m_upgrading.find(key);
        if (it == m_upgrading.end()) {
            // Cannot happen: every upgrade passes onHeadData first. Refuse rather than guess.
            socket->setParent(this);
            connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
            socket->close(QWebSocketProtocol::CloseCodeAbnormalDisconnection);
            continue;
        }
        const PendingHandshake pending = it.value();
        m_upgrading.erase(it);
        // The handshake's answer is on its way out: once it is sent, the connection's buffers
        // hold nothing, and an idle member need not keep them (see releaseIdleBuffers()).
        if (SocketTapper *tapper = SocketTapper::of(pending.transport)) {
            connect(
                pending.transport, &QIODevice::bytesWritten, tapper,
                [tapper] { tapper->releaseIdleBuffers(); }, Qt::SingleShotConnection);
        }
        admit(socket, pending);
    }
}

void RoomManager::admit(QWebSocket *socket, const PendingHandshake &pending)
{
    socket->setParent(this);
    socket->setMaxAllowedIncomingFrameSize(quint64(m_config.maxMessageBytes));
    socket->setMaxAllowedIncomingMessageSize(quint64(m_config.maxMessageBytes));

    int refusal = 0;
    QString reason;
    if (m_stopping) {
        refusal = CloseCode::Normal;
        reason = QStringLiteral("the server is stopping");
    } else if (!pending.codeAccepted) {
        refusal = CloseCode::PolicyViolation;
        reason = QStringLiteral("join code missing or wrong");
    } else if (m_membersById.size() >= m_config.maxConnections) {
        refusal = CloseCode::TryAgainLater;
        reason = QStringLiteral("the server is full (%1 connections)").arg(m_config.maxConnections);
    }
    if (refusal) {
        qCInfo(lcServer, "refused %s: %s", qPrintable(socket->peerAddress().toString()),
               qPrintable(reason));
        connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(CloseGraceMs, socket, &QWebSocket::abort);
        socket->close(QWebSocketProtocol::CloseCode(refusal), reason);
        return;
    }

    const qint64 number = m_nextMemberNumber++;
    auto *member = new Member;
    member->id = QStringLiteral("m%1").arg(number);
    member->dialect = pending.endpoint.dialect;
    member->name
        = uniqueName(pending.endpoint.name.isEmpty() ? QStringLiteral("guest-%1").arg(number)
                                                     : pending.endpoint.name);
    member->socket = socket;
    member->transport = pending.transport;
    member->requestHead = pending.requestHead;
    member->address = socket->peerAddress();
    member->port = socket->peerPort();
    member->loopback = member->address.isLoopback();
    member->connectedAt = QDateTime::currentDateTimeUtc();
    member->pingSlot = quint8(number % PingSlots);
    member->bucket.setRate(m_config.rateLimit, m_clock.elapsed());
    m_membersById.insert(member->id, member);
    m_membersByName.insert(member->name, member);

    connect(socket, &QWebSocket::textMessageReceived, this,
            [this, member](const QString &text) { onTextMessage(member, text); });
    connect(socket, &QWebSocket::binaryMessageReceived, this,
            [this, member](const QByteArray &data) {
                if (member->closing)
                    return;
                ++m_stats.messagesIn;
                m_stats.bytesIn += data.size();
                if (!member->bucket.take(m_clock.elapsed())) {
                    refuse(member);
                    return;
                }
                sendError(member, ErrorCode::BadRequest,
                          QStringLiteral("binary frames are not accepted: send JSON as text"));
            });
    connect(socket, &QWebSocket::pong, this, [member] { member->awaitingPong = false; });
    // Queued, so that a close inside a fan-out never removes a member under the loop's feet.
    connect(
        socket, &QWebSocket::disconnected, this, [this, member] { onDisconnected(member); },
        Qt::QueuedConnection);

    qCInfo(lcServer, "%s connected as %s (%s) from %s", qPrintable(member->id),
           qPrintable(member->name), qPrintable(dialectName(member->dialect)),
           qPrintable(member->address.toString()));
    ServerEvent event = memberEvent(ServerEvent::Kind::Connected, member);
    event.detail = member->address.toString();
    emitEvent(event);

    if (member->dialect == Dialect::Native) {
        NativeCodec::Limits limits;
        limits.maxMessageBytes = m_config.maxMessageBytes;
        limits.ratePerSecond = m_config.rateLimit;
        QStringList rooms;
        for (const Room *room : orderedRooms())
            rooms.append(room->name);
        send(member, NativeCodec::welcome(member->ref(), rooms, limits, version()));
        if (!pending.endpoint.room.isEmpty())
            join(member, pending.endpoint.room, QJsonValue::Undefined);
        return;
    }

    member->homeRoom = pending.endpoint.room;
    if (!join(member, member->homeRoom, QJsonValue::Undefined)) {
        // A tutorial member is its one room: without it there is nothing it could do. It has
        // been told too_many_rooms; the close says to come back later.
        closeMember(member, CloseCode::TryAgainLater,
                    QStringLiteral("the server has no room for \"%1\"").arg(member->homeRoom));
        return;
    }
    if (member->dialect == Dialect::Notifications) {
        member->notificationTimer = new QTimer(socket);
        connect(member->notificationTimer, &QTimer::timeout, this, [this, member] {
            sendNotificationTo(member, QStringLiteral("New notification for ") + member->name);
        });
        if (m_config.notificationInterval > 0)
            member->notificationTimer->start(int(m_config.notificationInterval * 1000));
    }
}

void RoomManager::onTextMessage(Member *member, const QString &text)
{
    if (member->closing)
        return;
    ++m_stats.messagesIn;
    m_stats.bytesIn += utf8Length(text);
    if (!member->bucket.take(m_clock.elapsed())) {
        // The refusal echoes the request's ref, so a client can tell which request it was; the
        // frame is decoded for nothing else.
        refuse(member,
               member->dialect == Dialect::Native ? NativeCodec::decode(text).ref
                                                  : QJsonValue::Undefined);
        return;
    }
    switch (member->dialect) {
    case Dialect::Native:
        handleNative(member, text);
        break;
    case Dialect::Broadcast:
        handleBroadcastDialect(member, text);
        break;
    case Dialect::Chat:
        handleChatDialect(member, text);
        break;
    case Dialect::Notifications:
        break; // "In: ignored"
    }
}

void RoomManager::refuse(Member *member, const QJsonValue &ref)
{
    sendError(member, ErrorCode::RateLimited,
              QStringLiteral("you are sending more than %1 messages per second; this one was not "
                             "delivered")
                  .arg(m_config.rateLimit),
              ref);
    const qint64 now = m_clock.elapsed();
    member->refusals.push_back(now);
    while (!member->refusals.empty() && member->refusals.front() < now - RefusalWindowMs)
        member->refusals.pop_front();
    if (member->refusals.size() > MaxRefusalsInWindow) {
        closeMember(member, CloseCode::PolicyViolation,
                    QStringLiteral("kept sending after rate_limited"));
    }
}

void RoomManager::onDisconnected(Member *member)
{
    if (m_membersById.value(member->id) != member)
        return;
    QWebSocket *socket = member->socket;
    if (member->notificationTimer)
        member->notificationTimer->stop();
    const QStringList rooms = member->rooms;
    for (const QString &name : rooms) {
        if (Room *room = m_rooms.value(name))
            leave(member, room, QJsonValue::Undefined, false);
    }
    m_membersById.remove(member->id);
    m_membersByName.remove(member->name);

    const int code = socket->closeCode();
    qCInfo(lcServer, "%s (%s) disconnected, close code %d", qPrintable(member->id),
           qPrintable(member->name), code);
    if (member->id == m_inspectedId) {
        flushInspection(); // the close frames, before the end
        endInspection(QStringLiteral("disconnected: %1 %2").arg(code).arg(CloseCode::name(code)));
    }
    ServerEvent event = memberEvent(ServerEvent::Kind::Disconnected, member);
    event.detail = QString::number(code);
    if (!socket->closeReason().isEmpty())
        event.detail += QLatin1Char(' ') + socket->closeReason();
    emitEvent(event);

    QObject::disconnect(socket, nullptr, this, nullptr);
    socket->deleteLater();
    forgetOutgoing(member);
    delete member;

    scheduleTrim();
    if (m_stopping && m_membersById.isEmpty())
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
    // Each socket whose buffers were used since the last pass and are empty now gives them back
    // (see SocketTapper::releaseIdleBuffers()); a busy one allocates them again at its next read
    // or write, so that costs it at most one allocation a second.
    int released = 0;
    for (Member *member : std::as_const(m_membersById)) {
        if (SocketTapper *tapper = SocketTapper::of(member->transport))
            released += tapper->releaseIdleBuffers();
    }
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

// ---------------------------------------------------------------------------------------------
// Dialects

void RoomManager::handleNative(Member *member, const QString &text)
{
    const Request request = NativeCodec::decode(text);
    if (!request.isValid()) {
        sendError(member, request.error, request.errorMessage, request.ref);
        return;
    }
    handleRequest(member, request);
}

void RoomManager::handleBroadcastDialect(Member *member, const QString &text)
{
    QJsonValue value;
    QString why;
    if (!TutorialCodec::decodeBroadcast(text.toUtf8(), &value, &why)) {
        sendError(member, ErrorCode::BadJson, why);
        return;
    }
    Room *room = m_rooms.value(member->homeRoom);
    if (!room || !member->rooms.contains(room->name)) {
        sendError(member, ErrorCode::NotInRoom, QStringLiteral("you are in no room"));
        return;
    }
    ChatMessage message;
    message.room = room->name;
    message.from = member->ref();
    message.data = value;
    message.rawJson = text;
    message.text = TutorialCodec::textOfBroadcast(message.data, text);
    message.origin = Dialect::Broadcast;
    message.timestamp = Timestamp::now();
    ++member->messagesSent;
    publish(room, message);
}

void RoomManager::handleChatDialect(Member *member, const QString &text)
{
    Room *room = m_rooms.value(member->homeRoom);
    if (!room || !member->rooms.contains(room->name)) {
        sendError(member, ErrorCode::NotInRoom, QStringLiteral("you are in no room"));
        return;
    }
    ChatMessage message;
    message.room = room->name;
    message.from = member->ref();
    message.text = text;
    message.origin = Dialect::Chat;
    message.timestamp = Timestamp::now();
    ++member->messagesSent;
    publish(room, message);
}

void RoomManager::handleRequest(Member *member, const Request &r)
{
    using Type = Request::Type;
    auto notInRoom = [&] {
        sendError(member, ErrorCode::NotInRoom,
                  QStringLiteral("you are not in the room \"%1\"").arg(r.room), r.ref);
    };
    switch (r.type) {
    case Type::Invalid:
        break;
    case Type::Join:
        join(member, r.room, r.ref);
        break;
    case Type::Leave: {
        Room *room = m_rooms.value(r.room);
        if (!room || !member->rooms.contains(r.room))
            return notInRoom();
        leave(member, room, r.ref, true);
        break;
    }
    case Type::Message: {
        Room *room = m_rooms.value(r.room);
        if (!room || !member->rooms.contains(r.room))
            return notInRoom();
        ChatMessage message;
        message.room = room->name;
        message.from = member->ref();
        message.text = r.text;
        message.data = r.data;
        message.timestamp = Timestamp::now();
        ++member->messagesSent;
        const QString roomName = room->name;
        publish(room, message);
        if (r.hasRef()) {
            if (Room *after = m_rooms.value(roomName))
                send(member, NativeCodec::ack(r.ref, roomName, after->lastId));
        }
        break;
    }
    case Type::Direct: {
        Member *to = findMember(r.to);
        if (!to || to->closing) {
            sendError(member, ErrorCode::NoSuchMember,
                      QStringLiteral("no member named or with id \"%1\" is connected").arg(r.to),
                      r.ref);
            return;
        }
        if (to->dialect != Dialect::Native) {
            sendError(member, ErrorCode::NoSuchMember,
                      QStringLiteral("\"%1\" speaks the %2 dialect, which has no direct messages")
                          .arg(to->name, dialectName(to->dialect)),
                      r.ref);
            return;
        }
        const QString now = Timestamp::now();
        // The sender's copy is the same event, with the request's ref.
        if (to != member)
            send(to, NativeCodec::direct(member->ref(), to->ref(), r.text, now));
        send(member, NativeCodec::direct(member->ref(), to->ref(), r.text, now, r.ref));
        ServerEvent e = memberEvent(ServerEvent::Kind::Direct, member);
        e.detail = to->name;
        e.text = r.text;
        emitEvent(e);
        break;
    }
    case Type::Rename:
        rename(member, r.name, r.ref);
        break;
    case Type::Typing: {
        Room *room = m_rooms.value(r.room);
        if (!room || !member->rooms.contains(r.room))
            return notInRoom();
        sendToNative(room, NativeCodec::typing(room->name, member->ref(), r.active), member);
        break;
    }
    case Type::Rooms: {
        QList<QPair<QString, int>> list;
        list.reserve(m_rooms.size());
        for (const Room *room : orderedRooms())
            list.append({room->name, int(room->members.size())});
        send(member, NativeCodec::rooms(list, r.ref));
        break;
    }
    case Type::Members: {
        const Room *room = m_rooms.value(r.room);
        send(member,
             NativeCodec::members(r.room, room ? memberRefs(room) : QList<MemberRef>(), r.ref));
        break;
    }
    case Type::Notify:
        if (!member->loopback) {
            sendError(member, ErrorCode::Forbidden,
                      QStringLiteral("notify is accepted only from the host's own machine"), r.ref);
            return;
        }
        sendNotification(r.text);
        send(member, NativeCodec::ack(r.ref));
        break;
    case Type::Ping:
        send(member, NativeCodec::pong(r.ts, Timestamp::now(), r.ref));
        break;
    }
}

// ---------------------------------------------------------------------------------------------
// Rooms

Room *RoomManager::roomFor(const QString &name, bool create, QString *error)
{
    if (Room *room = m_rooms.value(name))
        return room;
    if (!create)
        return nullptr;
    if (m_rooms.size() >= m_config.maxRooms) {
        *error = QStringLiteral("the server already has %1 rooms, its limit").arg(m_rooms.size());
        return nullptr;
    }
    auto *room = new Room;
    room->name = name;
    m_rooms.insert(name, room);
    ServerEvent event;
    event.kind = ServerEvent::Kind::RoomCreated;
    event.room = name;
    emitEvent(event);
    return room;
}

bool RoomManager::join(Member *member, const QString &roomName, const QJsonValue &ref)
{
    Room *room = m_rooms.value(roomName);
    const bool native = member->dialect == Dialect::Native;
    if (!room || !member->rooms.contains(roomName)) {
        if (member->rooms.size() >= m_config.maxRoomsPerMember) {
            sendError(member, ErrorCode::TooManyRooms,
                      QStringLiteral("you are already in %1 rooms, the most one member may join")
                          .arg(member->rooms.size()),
                      ref);
            return false;
        }
        QString error;
        room = roomFor(roomName, true, &error);
        if (!room) {
            sendError(member, ErrorCode::TooManyRooms, error, ref);
            return false;
        }
        room->members.append(member);
        member->rooms.append(roomName);
        sendToNative(room, NativeCodec::presence(roomName, "join", member->ref()), member);
        qCInfo(lcServer, "%s (%s) joined %s", qPrintable(member->id), qPrintable(member->name),
               qPrintable(roomName));
        ServerEvent event = memberEvent(ServerEvent::Kind::Joined, member, roomName);
        emitEvent(event);
    }
    if (native) {
        QList<QByteArray> history;
        history.reserve(int(room->history.size()));
        for (Room::HistoryEntry &entry : room->history) {
            if (entry.native.isNull()) // no native member was there to encode it for
                entry.native = NativeCodec::message(entry.message);
            history.append(entry.native);
        }
        send(member, NativeCodec::joined(roomName, memberRefs(room), history, ref));
    }
    return true;
}

void RoomManager::leave(Member *member, Room *room, const QJsonValue &ref, bool reply)
{
    room->members.removeOne(member);
    member->rooms.removeOne(room->name);
    if (reply && member->dialect == Dialect::Native)
        send(member, NativeCodec::left(room->name, ref));
    sendToNative(room, NativeCodec::presence(room->name, "leave", member->ref()), member);
    qCInfo(lcServer, "%s (%s) left %s", qPrintable(member->id), qPrintable(member->name),
           qPrintable(room->name));
    ServerEvent event = memberEvent(ServerEvent::Kind::Left, member, room->name);
    emitEvent(event);
    removeIfEmpty(room);
}

void RoomManager::removeIfEmpty(Room *room)
{
    if (!room->members.isEmpty() || room->keepsWhenEmpty())
        return;
    ServerEvent event;
    event.kind = ServerEvent::Kind::RoomRemoved;
    event.room = room->name;
    m_rooms.remove(room->name);
    delete room;
    emitEvent(event);
}

void RoomManager::publish(Room *room, ChatMessage message)
{
    message.id = ++room->lastId;
    ++m_stats.roomMessages;
    // Each dialect's frame is encoded once, when the first member of that dialect needs it.
    QByteArray native;
    QByteArray nativeFrame;
    QByteArray chatFrame;
    QByteArray broadcastFrame;
    qint64 chatBytes = 0;
    qint64 broadcastBytes = 0;
    const QList<Member *> members = room->members;
    for (Member *member : members) {
        if (member->closing)
            continue;
        switch (member->dialect) {
        case Dialect::Native:
            if (nativeFrame.isNull()) {
                native = NativeCodec::message(message);
                nativeFrame = WebSocketFrame::text(native);
            }
            sendFrame(member, nativeFrame, native.size());
            break;
        case Dialect::Chat:
            if (chatFrame.isNull()) {
                const QByteArray utf8 = TutorialCodec::forChat(message);
                chatFrame = WebSocketFrame::text(utf8);
                chatBytes = utf8.size();
            }
            sendFrame(member, chatFrame, chatBytes);
            break;
        case Dialect::Broadcast:
            if (broadcastFrame.isNull()) {
                const QByteArray utf8 = TutorialCodec::forBroadcast(message);
                broadcastFrame = WebSocketFrame::text(utf8);
                broadcastBytes = utf8.size();
            }
            sendFrame(member, broadcastFrame, broadcastBytes);
            break;
        case Dialect::Notifications:
            continue; // they hear notifications only
        }
        ++m_stats.deliveries;
    }

    if (m_config.history > 0) {
        // The native encoding is kept when made; join() makes it for a room without natives.
        room->history.push_back({message, native});
        while (int(room->history.size()) > m_config.history)
            room->history.pop_front();
    }

    ServerEvent event;
    event.kind = ServerEvent::Kind::Message;
    event.room = room->name;
    event.memberId = message.from.id;
    event.memberName = message.from.name;
    event.dialect = message.origin;
    event.text = message.text;
    event.messageId = message.id;
    emitEvent(event);
}

void RoomManager::rename(Member *member, const QString &name, const QJsonValue &ref)
{
    if (name == member->name) {
        send(member, NativeCodec::renamed(member->ref(), ref));
        return;
    }
    if (m_membersByName.contains(name)) {
        sendError(member, ErrorCode::NameTaken,
                  QStringLiteral("the name \"%1\" is in use").arg(name), ref);
        return;
    }
    const QString previous = member->name;
    m_membersByName.remove(previous);
    member->name = name;
    m_membersByName.insert(name, member);
    send(member, NativeCodec::renamed(member->ref(), ref));
    for (const QString &roomName : std::as_const(member->rooms)) {
        if (Room *room = m_rooms.value(roomName)) {
            sendToNative(room, NativeCodec::presence(roomName, "rename", member->ref(), previous),
                         member);
        }
    }
    qCInfo(lcServer, "%s renamed from %s to %s", qPrintable(member->id), qPrintable(previous),
           qPrintable(name));
    ServerEvent event;
    event.kind = ServerEvent::Kind::Renamed;
    event.memberId = member->id;
    event.memberName = name;
    event.dialect = member->dialect;
    event.detail = previous;
    emitEvent(event);
}

QString RoomManager::uniqueName(const QString &wanted) const
{
    if (!m_membersByName.contains(wanted))
        return wanted;
    for (int n = 2;; ++n) {
        const QString suffix = QLatin1Char('-') + QString::number(n);
        const QString candidate
            = Validation::truncated(wanted, Validation::MaxNameLength - suffix.size()) + suffix;
        if (!m_membersByName.contains(candidate))
            return candidate;
    }
}

Member *RoomManager::findMember(const QString &nameOrId) const
{
    if (Member *member = m_membersById.value(nameOrId))
        return member;
    return m_membersByName.value(nameOrId);
}

QList<Room *> RoomManager::orderedRooms() const
{
    // The permanent rooms first, in the protocol's order, then the others by name.
    QList<Room *> rooms;
    rooms.reserve(m_rooms.size());
    for (const char *name : {"lobby", "chat", "notifications"}) {
        if (Room *room = m_rooms.value(QLatin1String(name)))
            rooms.append(room);
    }
    for (Room *room : std::as_const(m_rooms)) {
        if (!room->permanent)
            rooms.append(room);
    }
    return rooms;
}

QList<MemberRef> RoomManager::memberRefs(const Room *room) const
{
    QList<MemberRef> refs;
    refs.reserve(room->members.size());
    for (const Member *member : room->members)
        refs.append(member->ref());
    return refs;
}

// ---------------------------------------------------------------------------------------------
// Sending

void RoomManager::send(Member *member, const QByteArray &utf8)
{
    sendFrame(member, WebSocketFrame::text(utf8), utf8.size());
}

void RoomManager::sendFrame(Member *member, const QByteArray &frame, qint64 payloadBytes)
{
    if (member->closing || !member->transport
        || member->transport->state() != QAbstractSocket::ConnectedState)
        return;
    // Into Qt's buffer, which sends nothing before the event loop runs again: the frames of
    // one pass go out together, in one send per member at the pass's end (flushOutput).
    member->transport->write(frame);
    m_stats.bytesOut += payloadBytes;
    if (!member->queuedForFlush) {
        member->queuedForFlush = true;
        m_flushMembers.append(member);
        queueFlush();
    }
}

void RoomManager::queueFlush()
{
    if (!m_flushQueued) {
        m_flushQueued = true;
        QMetaObject::invokeMethod(this, &RoomManager::flushOutput, Qt::QueuedConnection);
    }
}

void RoomManager::closeSlowConsumer(Member *member, qint64 waiting)
{
    qCInfo(lcServer, "%s (%s) is not reading: %lld bytes waiting, closing", qPrintable(member->id),
           qPrintable(member->name), waiting);
    ++m_stats.slowConsumers;
    closeMember(member, CloseCode::SlowConsumer,
                QStringLiteral("too slow: more than %1 bytes waiting to be sent")
                    .arg(m_config.maxOutgoingBytes));
}

void RoomManager::sendError(Member *member, ErrorCode code, const QString &message,
                            const QJsonValue &ref)
{
    if (member->dialect == Dialect::Native)
        send(member, NativeCodec::error(code, message, ref));
    else
        send(member, TutorialCodec::error(code, message, member->dialect));
    ServerEvent event = memberEvent(ServerEvent::Kind::Error, member);
    event.detail = errorCodeName(code);
    event.text = message;
    emitEvent(event);
}

void RoomManager::sendToNative(Room *room, const QByteArray &utf8, const Member *except)
{
    QByteArray frame;
    const QList<Member *> members = room->members;
    for (Member *member : members) {
        if (member == except || member->dialect != Dialect::Native || member->closing)
            continue;
        if (frame.isNull())
            frame = WebSocketFrame::text(utf8);
        sendFrame(member, frame, utf8.size());
    }
}

void RoomManager::sendNotificationTo(Member *member, const QString &text)
{
    send(member, TutorialCodec::notification(text, Timestamp::now()));
}

void RoomManager::sendNotification(const QString &text)
{
    if (!m_tcpServer)
        return;
    const QByteArray utf8 = TutorialCodec::notification(text, Timestamp::now());
    const QByteArray frame = WebSocketFrame::text(utf8);
    const QList<Member *> members = m_membersById.values();
    for (Member *member : members) {
        if (member->dialect == Dialect::Notifications)
            sendFrame(member, frame, utf8.size());
    }
    ServerEvent event;
    event.kind = ServerEvent::Kind::Notification;
    event.room = QStringLiteral("notifications");
    event.text = text;
    emitEvent(event);
}

void RoomManager::flushOutput()
{
    m_flushQueued = false;
    m_recorder.flush();
    const QList<Member *> members = std::exchange(m_flushMembers, {});
    for (Member *member : members) {
        member->queuedForFlush = false;
        flushMember(member);
    }
}

void RoomManager::flushMember(Member *member)
{
    QTcpSocket *transport = member->transport;
    if (!transport || transport->state() != QAbstractSocket::ConnectedState)
        return;
    // Sent now, as much as the kernel takes, rather than on the next pass's write notifier:
    // one send per member per pass, with no poll in between. What the kernel does not take
    // stays in Qt's buffer, behind its write notifier, in order with QWebSocket's own frames.
    transport->flush();
    checkOutgoing(member);
}

void RoomManager::checkOutgoing(Member *member)
{
    // Slowness is judged over time, not per write: a reader that keeps up can still be handed
    // more than the limit in one pass (a burst of big messages read at once), and the kernel
    // takes it a moment later. Past the limit, the member is watched; still past it a grace
    // period later, it is slow. Past several times the limit, it is slow at once: that bounds
    // the memory one member can hold. (See ServerConfig::maxOutgoingBytes.)
    if (member->closing || !member->transport)
        return;
    const qint64 waiting = pendingOutBytes(member->transport);
    if (waiting > hardOutgoingLimit()) {
        closeSlowConsumer(member, waiting);
    } else if (waiting > m_config.maxOutgoingBytes && member->overLimitSinceMs < 0) {
        member->overLimitSinceMs = m_clock.elapsed();
        m_overLimitMembers.append(member);
        if (!m_slowConsumerTimer->isActive())
            m_slowConsumerTimer->start();
    }
}

qint64 RoomManager::hardOutgoingLimit() const
{
    return qMax(1, m_config.slowConsumerHardFactor) * m_config.maxOutgoingBytes;
}

void RoomManager::checkOverLimitMembers()
{
    const qint64 now = m_clock.elapsed();
    const QList<Member *> members = std::exchange(m_overLimitMembers, {});
    for (Member *member : members) {
        const qint64 waiting = member->transport ? pendingOutBytes(member->transport) : 0;
        if (member->closing || waiting <= m_config.maxOutgoingBytes) {
            member->overLimitSinceMs = -1; // it caught up (or is going anyway)
        } else if (now - member->overLimitSinceMs >= m_config.slowConsumerGraceMs) {
            member->overLimitSinceMs = -1;
            closeSlowConsumer(member, waiting);
        } else {
            m_overLimitMembers.append(member);
        }
    }
    if (m_overLimitMembers.isEmpty())
        m_slowConsumerTimer->stop();
}

void RoomManager::forgetOutgoing(Member *member)
{
    if (member->queuedForFlush) {
        m_flushMembers.removeOne(member);
        member->queuedForFlush = false;
    }
    if (member->overLimitSinceMs >= 0) {
        m_overLimitMembers.removeOne(member);
        member->overLimitSinceMs = -1;
    }
}

void RoomManager::closeMember(Member *member, int code, const QString &reason, int graceMs)
{
    if (graceMs < 0)
        graceMs = CloseGraceMs;
    if (member->closing)
        return;
    member->closing = true;
    if (member->notificationTimer)
        member->notificationTimer->stop();
    QPointer<QWebSocket> socket = member->socket;
    // Deferred: QWebSocket::close() may emit disconnected at once, and callers are often in
    // the middle of a loop over a room's members.
    QTimer::singleShot(0, socket, [socket, code, reason, graceMs] {
        if (!socket)
            return;
        socket->close(QWebSocketProtocol::CloseCode(code), reason);
        socket->flush();
        if (graceMs == 0)
            socket->abort();
        else
            QTimer::singleShot(graceMs, socket, &QWebSocket::abort);
    });
}

void RoomManager::pingIdleMembers()
{
    // One ping per interval; a member still owing the last pong is gone (RFC 6455 5.5.2/5.5.3:
    // a live peer answers a ping as soon as it can). Each tick serves one slot (see PingSlots),
    // so every member is still pinged once per interval.
    const int slot = int(m_pingTick++ % PingSlots);
    const QList<Member *> members = m_membersById.values();
    for (Member *member : members) {
        if (member->closing || member->pingSlot != slot)
            continue;
        if (member->awaitingPong) {
            qCInfo(lcServer, "%s (%s) did not answer a ping within %d ms, closing",
                   qPrintable(member->id), qPrintable(member->name), m_config.idlePingMs);
            closeMember(member, CloseCode::InternalError,
                        QStringLiteral("no answer to ping within %1 ms").arg(m_config.idlePingMs),
                        0);
            continue;
        }
        member->awaitingPong = true;
        member->socket->ping();
    }
}

// ---------------------------------------------------------------------------------------------
// Host actions

void RoomManager::kick(const QString &memberId, const QString &reason)
{
    Member *member = m_membersById.value(memberId);
    if (!member)
        return;
    qCInfo(lcServer, "%s (%s) kicked by the host", qPrintable(member->id),
           qPrintable(member->name));
    closeMember(member, CloseCode::Kicked,
                reason.isEmpty() ? QStringLiteral("kicked by the host") : reason);
}

void RoomManager::postSystemMessage(const QString &roomName, const QString &text)
{
    if (!m_tcpServer || !Validation::isValidRoom(roomName) || text.isEmpty())
        return;
    QString error;
    Room *room = roomFor(roomName, true, &error);
    if (!room)
        return;
    room->pinned = room->pinned || room->members.isEmpty();
    ChatMessage message;
    message.room = roomName;
    message.from = HostRef;
    message.text = text;
    message.timestamp = Timestamp::now();
    publish(room, message);
}

void RoomManager::createRoom(const QString &roomName)
{
    if (!m_tcpServer || !Validation::isValidRoom(roomName))
        return;
    QString error;
    if (Room *room = roomFor(roomName, true, &error))
        room->pinned = true;
}

void RoomManager::setNotificationInterval(double seconds)
{
    m_config.notificationInterval = seconds;
    for (Member *member : std::as_const(m_membersById)) {
        if (!member->notificationTimer)
            continue;
        if (seconds > 0)
            member->notificationTimer->start(int(seconds * 1000));
        else
            member->notificationTimer->stop();
    }
}

void RoomManager::setJoinCode(const QString &code)
{
    m_config.joinCode = code;
    qCInfo(lcServer, "join code %s", code.isEmpty() ? "off" : "set");
}

void RoomManager::rebind(const QHostAddress &address)
{
    if (!m_tcpServer || m_stopping)
        return;
    const QHostAddress previous = m_tcpServer->serverAddress();
    const quint16 port = m_tcpServer->serverPort();
    if (previous == address) {
        emit rebound(ServerConfig::hostForUrl(previous), port);
        return;
    }
    // Accepted sockets do not depend on the listening one: closing it keeps every member. Linux
    // refuses a second listener on the port, so the old one goes first.
    m_tcpServer->close();
    if (m_tcpServer->listen(address, port)) {
        m_config.bindAddress = address;
        const QString host = ServerConfig::hostForUrl(m_tcpServer->serverAddress());
        qCInfo(lcServer, "listening on %s port %d instead", qPrintable(host), port);
        emit rebound(host, port);
        return;
    }
    const QString reason = QStringLiteral("cannot listen on %1 port %2: %3")
                               .arg(address.toString())
                               .arg(port)
                               .arg(m_tcpServer->errorString());
    if (!m_tcpServer->listen(previous, port)) {
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

// ---------------------------------------------------------------------------------------------
// Reporting

ServerEvent RoomManager::memberEvent(ServerEvent::Kind kind, const Member *member,
                                     const QString &room) const
{
    ServerEvent event;
    event.kind = kind;
    event.room = room;
    event.memberId = member->id;
    event.memberName = member->name;
    event.dialect = member->dialect;
    return event;
}

void RoomManager::emitEvent(ServerEvent event)
{
    event.time = QDateTime::currentDateTimeUtc();
    if (m_recorder.isOpen()) {
        m_recorder.record(event);
        queueFlush(); // the recording's lines of this pass, in one write at its end
    }
    if (event.kind == ServerEvent::Kind::Message) {
        // A flood of messages must not flood the GUI: past the cap they are only counted.
        if (m_droppedMessageEvents > 0 || m_pendingEvents.size() >= MaxMessageEventsPerBatch) {
            ++m_droppedMessageEvents;
            return;
        }
    }
    m_pendingEvents.append(std::move(event));
}

void RoomManager::flushEvents()
{
    if (m_droppedMessageEvents > 0) {
        ServerEvent dropped;
        dropped.kind = ServerEvent::Kind::Dropped;
        dropped.time = QDateTime::currentDateTimeUtc();
        dropped.messageId = m_droppedMessageEvents;
        m_pendingEvents.append(dropped);
        m_droppedMessageEvents = 0;
    }
    if (!m_pendingEvents.isEmpty()) {
        emit eventsReady(m_pendingEvents);
        m_pendingEvents.clear();
    }
    flushInspection();
    if (++m_flushCount % StatsEveryFlushes == 0)
        emit statsUpdated(stats());
    if (m_flushCount % ReleaseBuffersEveryFlushes == 0)
        releaseIdleBuffers();
    m_recorder.syncIfDue();
}

// ---------------------------------------------------------------------------------------------
// The frame inspector

void RoomManager::inspect(const QString &memberId)
{
    endInspection(QStringLiteral("stopped"));
    Member *member = m_membersById.value(memberId);
    if (!member) {
        emit inspectionEnded(memberId, QStringLiteral("no such member"));
        return;
    }
    InspectionHandshake handshake;
    handshake.memberId = member->id;
    handshake.memberName = member->name;
    handshake.peer = member->address.toString() + QLatin1Char(':') + QString::number(member->port);
    handshake.request = member->requestHead;
    SocketTapper *tapper = SocketTapper::of(member->transport);
    if (tapper)
        handshake.response = tapper->responseHead();
    m_inspectedId = member->id;
    m_tap = std::make_unique<FrameTap>();
    m_inspectedTapper = tapper;
    if (tapper)
        tapper->setTap(m_tap.get());
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
    if (!m_tap || !m_tap->hasPending())
        return;
    int dropped = 0;
    const InspectedFrameList frames = m_tap->take(&dropped);
    emit framesInspected(m_inspectedId, frames, dropped);
}

void RoomManager::endInspection(const QString &reason)
{
    if (m_inspectedId.isEmpty())
        return;
    if (m_inspectedTapper)
        m_inspectedTapper->setTap(nullptr);
    m_inspectedTapper = nullptr;
    m_tap.reset();
    const QString id = std::exchange(m_inspectedId, QString());
    emit inspectionEnded(id, reason);
}

ServerStats RoomManager::stats() const
{
    ServerStats s = m_stats;
    s.uptimeMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    s.connections = int(m_membersById.size());
    s.rooms = int(m_rooms.size());
    s.guiLagMs = m_guiLagMs;
    return s;
}

ServerSnapshot RoomManager::snapshot() const
{
    ServerSnapshot s;
    s.version = version();
    s.stats = stats();
    for (const Room *room : orderedRooms()) {
        ServerSnapshot::RoomInfo info;
        info.name = room->name;
        info.messages = room->lastId;
        info.permanent = room->permanent;
        info.pinned = room->pinned;
        for (const Member *member : room->members) {
            info.memberIds.append(member->id);
            info.memberNames.append(member->name);
        }
        s.rooms.append(info);
    }
    for (const Member *member : std::as_const(m_membersById)) {
        ServerSnapshot::MemberInfo info;
        info.id = member->id;
        info.name = member->name;
        info.dialect = member->dialect;
        info.address = member->address.toString();
        info.connectedAt = member->connectedAt;
        info.messagesSent = member->messagesSent;
        info.rooms = member->rooms;
        s.members.append(info);
    }
    return s;
}
