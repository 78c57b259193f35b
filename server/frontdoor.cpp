#include "frontdoor_p.h"

#include "banlist_p.h"
#include "fdtransport_p.h"
#include "hosttext.h"
#include "httpresponse.h"
#include "logging.h"
#include "memberconnection_p.h"
#include "protocol/httprequesthead.h"
#include "protocol/webpath.h"
#include "protocol/websockethandshake.h"
#include "qtsockettransport_p.h"
#include "serverconfig.h"
#include "serversnapshot.h"
#include "sockettapper.h"
#include "statusreport.h"
#include "tappingsocket.h"
#include "tappingsslsocket.h"
#include "tcplistener.h"
#include "tlscredentials.h"

#include <QFile>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif
#ifdef Q_OS_LINUX
#include <fcntl.h>
#endif

FrontDoor::FrontDoor(const ServerConfig &config, std::function<ServerSnapshot()> snapshot,
                     QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_snapshot(std::move(snapshot))
    , m_throttle(JoinCodeThrottle::Limits())
    , m_tellTimer(new QTimer(this))
{
    m_clock.start();
    connect(m_tellTimer, &QTimer::timeout, this, [this] {
        for (const ServerEvent::Refused &refusal : m_refusals.due(m_clock.elapsed()))
            emit refused(refusal);
    });
    m_tellTimer->start(int(qMin<qint64>(RefusalTally::TellEveryMs / 6, 10000)));
}

namespace {

// Compares a given code with the join code in a time that depends on the join code's length
// only, so that timing tells nothing of how much of a guess was right.
bool sameCode(const QString &given, const QString &code)
{
    const QByteArray a = given.toUtf8();
    const QByteArray b = code.toUtf8();
    unsigned difference = unsigned(a.size() != b.size());
    for (qsizetype i = 0; i < b.size(); ++i)
        difference |= quint8(b[i]) ^ quint8(i < a.size() ? a[i] : 0);
    return difference == 0;
}

} // namespace

FrontDoor::~FrontDoor() = default;

bool FrontDoor::loadTls(QString *error)
{
    m_tls = m_config.tls();
    if (m_tls
        && !TlsCredentials::load(m_config.tlsCertFile, m_config.tlsKeyFile, &m_sslConfig, error)) {
        m_tls = false;
        return false;
    }
    return true;
}

bool FrontDoor::open(QString *error)
{
    m_throttle = JoinCodeThrottle(JoinCodeThrottle::Limits {
        m_config.joinCodeMaxWrong, m_config.joinCodeWindowMs, m_config.joinCodeLockoutMs});
    m_listener
        = new TcpListener([this](qintptr descriptor) { return createSocket(descriptor); }, this);
    m_listener->setMaxPendingConnections(1024);
    // Qt's default backlog is 50: a burst of connections past it waits for SYN retries (1 s).
    m_listener->setListenBacklogSize(1024);
    if (!m_listener->listen(m_config.bindAddress, m_config.port)) {
        switch (m_listener->serverError()) {
        case QAbstractSocket::AddressInUseError:
            *error = HostText::english(HostText::PortInUse)
                         .arg(m_config.port)
                         .arg(m_config.bindAddress.toString());
            break;
        case QAbstractSocket::SocketAccessError:
            *error = HostText::english(HostText::PortDenied).arg(m_config.port);
            break;
        default:
            *error = HostText::english(HostText::CannotListen)
                         .arg(m_config.bindAddress.toString())
                         .arg(m_config.port)
                         .arg(m_listener->errorString());
        }
        delete m_listener;
        m_listener = nullptr;
        return false;
    }
    connect(m_listener, &QTcpServer::newConnection, this, &FrontDoor::onTcpConnection);
    return true;
}

QHostAddress FrontDoor::address() const
{
    return m_listener ? m_listener->serverAddress() : QHostAddress();
}

quint16 FrontDoor::port() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

bool FrontDoor::relisten(const QHostAddress &address, quint16 port, QString *error)
{
    // Accepted sockets do not depend on the listening one: closing it keeps every connection.
    // Linux refuses a second listener on the port, so the old one goes first.
    m_listener->close();
    if (m_listener->listen(address, port))
        return true;
    *error = HostText::english(HostText::CannotListen)
                 .arg(address.toString())
                 .arg(port)
                 .arg(m_listener->errorString());
    return false;
}

void FrontDoor::shut()
{
    m_shut = true;
    if (m_listener)
        m_listener->close();
    // A copy of the keys: abort() emits disconnected, whose slot removes the socket from m_pending.
    const QList<QTcpSocket *> sockets = m_pending.keys();
    for (QTcpSocket *socket : sockets)
        socket->abort();
}

void FrontDoor::close()
{
    // A copy of the keys: abort() emits disconnected, whose slot removes the socket from m_pending.
    const QList<QTcpSocket *> sockets = m_pending.keys();
    for (QTcpSocket *socket : sockets) {
        socket->abort();
        socket->deleteLater();
    }
    m_pending.clear();
    delete m_listener;
    m_listener = nullptr;
    m_shut = false;
}

QTcpSocket *FrontDoor::createSocket(qintptr descriptor)
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

void FrontDoor::onTcpConnection()
{
    while (m_listener && m_listener->hasPendingConnections()) {
        QTcpSocket *socket = m_listener->nextPendingConnection();
        socket->setParent(this);
        if (m_shut) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        // A full backlog drops its oldest: a flood of idle connections cannot lock out a
        // newcomer who will speak at once.
        while (!m_pending.isEmpty() && m_pending.size() >= m_config.maxPendingHandshakes)
            dropOldestPending();
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        Pending pending;
        pending.sequence = m_nextSequence++;
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

void FrontDoor::dropOldestPending()
{
    auto oldest = m_pending.cbegin();
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
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

bool FrontDoor::sniffTls(QTcpSocket *socket, Pending &pending)
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

void FrontDoor::onHeadData(QTcpSocket *socket)
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
        noteRefusal(socket->peerAddress(), RefusalTally::Reason::Origin);
        refuseHttp(socket, 403, "This origin is not allowed to connect.");
        return;
    }

    if (!head.isWebSocketUpgrade()) {
        serveHttp(socket, head);
        return;
    }
    upgrade(socket, it.value(), head, data);
}

void FrontDoor::upgrade(QTcpSocket *socket, Pending pending, const HttpRequestHead &head,
                        const QByteArray &data)
{
    Handshake &handshake = pending.handshake;
    handshake.endpoint = Endpoint::fromTarget(head.target());
    if (handshake.endpoint.status == Endpoint::Status::NotFound) {
        refuseHttp(socket, 404, "There is no WebSocket endpoint at this path.");
        return;
    }
    if (handshake.endpoint.status == Endpoint::Status::BadRequest) {
        refuseHttp(socket, 400, handshake.endpoint.error.toUtf8());
        return;
    }
    const WebSocketHandshake::Answer answer
        = WebSocketHandshake::answer(head, m_serverName.toUtf8());
    if (answer.status != 101) {
        refuseHttp(socket, answer.status, answer.error, answer.extraHeaders);
        return;
    }
    // A banned name or address is refused before its code is looked at (so it costs no guess).
    if (m_bans && m_bans->isBanned(handshake.endpoint.name, socket->peerAddress())) {
        noteRefusal(socket->peerAddress(), RefusalTally::Reason::Banned);
        refuseHttp(socket, 403, "banned: the host does not let this name or address in.");
        return;
    }
    // A wrong join code is told over the WebSocket (close 1008 with a reason) rather than as an
    // HTTP 403, because a browser's WebSocket API shows a page nothing of a refused handshake.
    handshake.codeAccepted
        = codeAccepted(socket->peerAddress(), head.queryValue(QStringLiteral("code")),
                       &handshake.lockedOutSeconds);

    m_pending.remove(socket);
    delete pending.timeout;
    QObject::disconnect(socket, nullptr, this, nullptr);
    handshake.peerAddress = socket->peerAddress();
    handshake.peerPort = socket->peerPort();
    // A copy of the head's bytes only: data is peek()'s 16 KiB allocation, which left() would
    // share when the head is all that came, and every member would keep it.
    handshake.requestHead = QByteArray(data.constData(), head.headLength());
    handshake.deflateWindowBits = answer.deflate ? answer.deflate->serverWindowBits : 0;
    socket->skip(head.headLength());
    socket->write(answer.response);
    socket->flush();
    auto *connection = new MemberConnection(takeTransport(socket), m_config.maxMessageBytes,
                                            handshake.deflateWindowBits);
    emit webSocketArrived(connection, handshake);
}

std::unique_ptr<MemberTransport> FrontDoor::takeTransport(QTcpSocket *socket)
{
#ifdef Q_OS_LINUX
    // For measuring against, and testing the other path: every member on its QTcpSocket.
    static const bool qtOnly = qEnvironmentVariableIsSet("WSROOM_QT_TRANSPORT");
    SocketTapper *tapper = SocketTapper::of(socket);
    if (!qtOnly && tapper && !qobject_cast<QSslSocket *>(socket)
        && socket->state() == QAbstractSocket::ConnectedState && socket->bytesToWrite() == 0) {
        if (!m_poller || !m_poller->isValid())
            m_poller = std::make_shared<FdPoller>();
        // The connection goes on on a descriptor of its own; the socket's is closed with it,
        // which ends nothing while the copy stays open (no FIN, no reset: Qt never shuts the
        // connection down, and the kernel ends it only with its last descriptor).
        const int fd = m_poller->isValid()
            ? ::fcntl(int(socket->socketDescriptor()), F_DUPFD_CLOEXEC, 0)
            : -1;
        if (fd >= 0) {
            const QByteArray buffered = socket->readAll(); // sent right behind the request
            auto transport
                = std::make_unique<FdTransport>(m_poller, fd, buffered, tapper->responseHead());
            QObject::disconnect(socket, nullptr, nullptr, nullptr);
            socket->abort();
            socket->deleteLater();
            return transport;
        }
    }
#endif
    // TLS (or an answer not sent yet): the socket goes on. Once the answer is sent, its
    // buffers hold nothing, and an idle member need not keep them (see
    // RoomManager::releaseIdleBuffers()).
    if (SocketTapper *socketTapper = SocketTapper::of(socket)) {
        if (socket->bytesToWrite() == 0) {
            socketTapper->releaseIdleBuffers();
        } else {
            connect(
                socket, &QIODevice::bytesWritten, socketTapper,
                [socketTapper] { socketTapper->releaseIdleBuffers(); }, Qt::SingleShotConnection);
        }
    }
    return std::make_unique<QtSocketTransport>(socket);
}

void FrontDoor::refuseHttp(QTcpSocket *socket, int status, const QByteArray &sentence,
                           const QByteArray &extraHeaders)
{
    m_pending.remove(socket);
    QObject::disconnect(socket, nullptr, this, nullptr);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    socket->write(HttpResponse::plain(status, sentence, false, extraHeaders));
    socket->disconnectFromHost();
}

void FrontDoor::serveHttp(QTcpSocket *socket, const HttpRequestHead &head)
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
    int lockedOutSeconds = 0;
    // Only the page and its files are public: the page is where the code is typed in.
    // Everything else, even a 404 or a 405, first needs the code.
    if (!asset
        && !codeAccepted(socket->peerAddress(), head.queryValue(QStringLiteral("code")),
                         &lockedOutSeconds)) {
        response = lockedOutSeconds > 0
            ? HttpResponse::plain(
                429,
                QByteArray("Too many wrong join codes from this address: try again in ")
                    + QByteArray::number(lockedOutSeconds) + " s.",
                headOnly, "Retry-After: " + QByteArray::number(lockedOutSeconds) + "\r\n")
            : HttpResponse::plain(403, "The join code is missing or wrong: add ?code=...",
                                  headOnly);
    } else if (!readOnly) {
        response = HttpResponse::plain(405, "Only GET and HEAD are served here.", false,
                                       "Allow: GET, HEAD\r\n");
    } else if (path == "/api/status") {
        response = HttpResponse::make(200, "application/json", StatusReport::json(m_snapshot()),
                                      headOnly);
    } else if (path == "/metrics") {
        response = HttpResponse::make(200, "text/plain; version=0.0.4; charset=utf-8",
                                      StatusReport::metrics(m_snapshot()), headOnly);
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

bool FrontDoor::originAllowed(const QByteArray &origin) const
{
    if (m_config.allowedOrigins.isEmpty())
        return true;
    return m_config.allowedOrigins.contains(QString::fromUtf8(origin));
}

bool FrontDoor::codeAccepted(const QHostAddress &address, const QString &code,
                             int *lockedOutSeconds)
{
    *lockedOutSeconds = 0;
    if (m_config.joinCode.isEmpty())
        return true;
    const qint64 now = m_clock.elapsed();
    if (const qint64 left = m_throttle.lockedOutFor(address, now)) {
        *lockedOutSeconds = int((left + 999) / 1000);
        noteRefusal(address, RefusalTally::Reason::LockedOut);
        return false;
    }
    if (sameCode(code, m_config.joinCode))
        return true;
    // A missing code is not a guess (a page opened without it); a wrong one is.
    if (!code.isEmpty() && m_throttle.recordWrong(address, now)) {
        qCWarning(lcServer, "%s is locked out for %d s after %d wrong join codes",
                  qPrintable(address.toString()), (m_config.joinCodeLockoutMs + 999) / 1000,
                  m_config.joinCodeMaxWrong);
    }
    noteRefusal(address, RefusalTally::Reason::WrongCode);
    return false;
}

void FrontDoor::noteRefusal(const QHostAddress &address, RefusalTally::Reason reason)
{
    if (const auto refusal = m_refusals.note(address, reason, m_clock.elapsed()))
        emit refused(*refusal);
}

int FrontDoor::lockedOutAddresses() const
{
    return m_throttle.lockedOutCount(m_clock.elapsed());
}
