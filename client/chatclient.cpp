#include "chatclient.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QMetaType>
#include <QPointer>
#include <QSslError>
#include <QTimer>
#include <QWebSocket>

#include "protocol/closecode.h"
#include "protocol/nativeevent.h"
#include "protocol/nativerequest.h"

namespace {

Q_LOGGING_CATEGORY(lcClient, "wsroom.client", QtInfoMsg)

// A joined reply holds up to `history` messages of up to max_message_bytes each, escaped: the
// default of about 2 GiB would let a broken server exhaust memory, a few MiB would cut real ones.
constexpr qint64 MaxIncomingBytes = 64 * 1024 * 1024;
// A server that never answers our close frame must not keep the socket around for ever.
constexpr int CloseGraceMs = 5000;

} // namespace

ChatClient::ChatClient(QObject *parent)
    : QObject(parent)
{
    registerMetaTypes();
}

ChatClient::~ChatClient()
{
    // No signal may reach this half-destroyed object, but the server should still hear a
    // proper goodbye rather than a reset.
    if (m_socket) {
        m_socket->disconnect(this);
        if (m_socket->state() == QAbstractSocket::ConnectedState) {
            m_socket->close(QWebSocketProtocol::CloseCodeNormal);
            m_socket->flush();
        }
    }
}

void ChatClient::registerMetaTypes()
{
    qRegisterMetaType<MemberRef>();
    qRegisterMetaType<QList<MemberRef>>();
    qRegisterMetaType<ChatMessage>();
    qRegisterMetaType<QList<ChatMessage>>();
    qRegisterMetaType<QList<QPair<QString, int>>>();
    qRegisterMetaType<QAbstractSocket::SocketState>();
}

void ChatClient::open(const QUrl &url)
{
    discardSocket(QStringLiteral("reopened"));

    m_url = url;
    m_self = MemberRef();
    m_rooms.clear();
    m_serverName.clear();
    m_maxMessageBytes = 0;
    m_ratePerSecond = 0;
    m_closingSeen = false;
    m_abnormalReason.clear();

    // A fresh socket per connection: QWebSocket keeps the last close code and error across
    // open() calls, which would make the next disconnected() lie.
    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    socket->setMaxAllowedIncomingFrameSize(quint64(MaxIncomingBytes));
    socket->setMaxAllowedIncomingMessageSize(quint64(MaxIncomingBytes));
    m_socket = socket;
    m_sessionOpen = true;

    connect(socket, &QWebSocket::connected, this, [this, socket] {
        if (socket == m_socket)
            emit connected();
    });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] { finishSession(socket); });
    connect(socket, &QWebSocket::stateChanged, this,
            [this, socket](QAbstractSocket::SocketState state) {
                onSocketStateChanged(socket, state);
            });
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    connect(socket, &QWebSocket::errorOccurred, this, [this, socket] { onSocketError(socket); });
#else
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this, socket] { onSocketError(socket); });
#endif
    // Direct: ignoreSslErrors() counts only inside the handler of sslErrors.
    connect(socket, &QWebSocket::sslErrors, this, [this, socket](const QList<QSslError> &errors) {
        if (socket != m_socket)
            return;
        bool pinned = !m_trustedCertificates.isEmpty();
        for (const QSslError &error : errors) {
            if (!m_trustedCertificates.contains(error.certificate()))
                pinned = false;
        }
        if (pinned) {
            socket->ignoreSslErrors(errors);
        } else if (!errors.isEmpty() && m_abnormalReason.isEmpty()) {
            m_abnormalReason = QStringLiteral("the server's certificate is not trusted: ")
                + errors.constFirst().errorString();
        }
    });
    connect(socket, &QWebSocket::textMessageReceived, this, [this, socket](const QString &frame) {
        if (socket == m_socket)
            onTextMessage(frame);
    });
    connect(socket, &QWebSocket::binaryMessageReceived, this, [this, socket] {
        if (socket == m_socket)
            badFrame(QStringLiteral("a binary frame; the protocol has text frames only"));
    });

    socket->open(url);
}

void ChatClient::close()
{
    if (!m_socket)
        return;
    switch (m_socket->state()) {
    case QAbstractSocket::UnconnectedState:
    case QAbstractSocket::ClosingState:
        return;
    case QAbstractSocket::ConnectedState:
        m_socket->close(QWebSocketProtocol::CloseCodeNormal);
        QTimer::singleShot(CloseGraceMs, m_socket, &QWebSocket::abort);
        return;
    default:
        // Still looking up or handshaking: there is nobody to say goodbye to yet.
        discardSocket(QStringLiteral("closed before the connection was open"));
        return;
    }
}

bool ChatClient::isConnected() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

QAbstractSocket::SocketState ChatClient::state() const
{
    return m_socket ? m_socket->state() : QAbstractSocket::UnconnectedState;
}

qint64 ChatClient::join(const QString &room)
{
    return sendRequest([&](const QJsonValue &ref) { return NativeRequest::join(ref, room); });
}

qint64 ChatClient::leave(const QString &room)
{
    return sendRequest([&](const QJsonValue &ref) { return NativeRequest::leave(ref, room); });
}

qint64 ChatClient::sendMessage(const QString &room, const QString &text, const QJsonValue &data)
{
    return sendRequest(
        [&](const QJsonValue &ref) { return NativeRequest::message(ref, room, text, data); });
}

qint64 ChatClient::sendDirect(const QString &nameOrId, const QString &text)
{
    return sendRequest(
        [&](const QJsonValue &ref) { return NativeRequest::direct(ref, nameOrId, text); });
}

qint64 ChatClient::rename(const QString &name)
{
    return sendRequest([&](const QJsonValue &ref) { return NativeRequest::rename(ref, name); });
}

qint64 ChatClient::setTyping(const QString &room, bool active)
{
    return sendRequest(
        [&](const QJsonValue &ref) { return NativeRequest::typing(ref, room, active); });
}

qint64 ChatClient::requestRooms()
{
    return sendRequest([&](const QJsonValue &ref) { return NativeRequest::rooms(ref); });
}

qint64 ChatClient::requestMembers(const QString &room)
{
    return sendRequest([&](const QJsonValue &ref) { return NativeRequest::members(ref, room); });
}

qint64 ChatClient::notify(const QString &text)
{
    return sendRequest([&](const QJsonValue &ref) { return NativeRequest::notify(ref, text); });
}

qint64 ChatClient::ping()
{
    return sendRequest([&](const QJsonValue &ref) {
        return NativeRequest::ping(ref, QDateTime::currentMSecsSinceEpoch());
    });
}

qint64 ChatClient::requestHistory(const QString &room, qint64 before, int limit)
{
    return sendRequest(
        [&](const QJsonValue &ref) { return NativeRequest::history(ref, room, before, limit); });
}

qint64 ChatClient::search(const QString &room, const QString &query, int limit)
{
    return sendRequest(
        [&](const QJsonValue &ref) { return NativeRequest::search(ref, room, query, limit); });
}

bool ChatClient::sendRaw(const QString &frame)
{
    if (!isConnected())
        return false;
    m_socket->sendTextMessage(frame);
    emit frameSent(frame);
    return true;
}

ChatClient::FrameFit ChatClient::frameFit(const Request &request) const
{
    Request next = request;
    next.ref = QJsonValue(m_nextRef);
    // The same encoder the request functions use, so the count is the frame's, byte for byte.
    return FrameFit {NativeRequest::encode(next).size(), m_maxMessageBytes};
}

qint64 ChatClient::sendRequest(const std::function<QByteArray(const QJsonValue &ref)> &encode)
{
    if (!isConnected())
        return 0;
    const QByteArray frame = encode(QJsonValue(m_nextRef));
    if (!FrameFit {frame.size(), m_maxMessageBytes}.fits()) {
        qCWarning(lcClient, "not sending a %lld-byte frame: the server takes at most %lld",
                  qint64(frame.size()), m_maxMessageBytes);
        return 0;
    }
    const qint64 ref = m_nextRef++;
    sendRaw(QString::fromUtf8(frame));
    return ref;
}

void ChatClient::discardSocket(const QString &reason)
{
    QWebSocket *socket = m_socket;
    if (!socket)
        return;
    m_socket = nullptr;
    socket->disconnect(this);
    if (socket->state() == QAbstractSocket::ConnectedState) {
        connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(CloseGraceMs, socket, &QWebSocket::abort);
        socket->close(QWebSocketProtocol::CloseCodeNormal, reason);
    } else {
        socket->abort();
        socket->deleteLater();
    }
    if (m_sessionOpen) {
        m_sessionOpen = false;
        m_rooms.clear();
        emit stateChanged(QAbstractSocket::UnconnectedState);
        emit disconnected(CloseCode::Normal, reason);
    }
}

void ChatClient::finishSession(QWebSocket *socket)
{
    if (socket != m_socket || !m_sessionOpen)
        return;
    m_sessionOpen = false;
    int code = socket->closeCode();
    QString reason = socket->closeReason();
    // QWebSocket reports 1000 when the connection simply broke or never opened; say 1006, as
    // RFC 6455 does, so that callers can tell a goodbye from a failure.
    const bool failed = !m_abnormalReason.isEmpty()
        || (!m_closingSeen && socket->error() != QAbstractSocket::UnknownSocketError);
    if (failed) {
        code = AbnormalCloseCode;
        reason = !m_abnormalReason.isEmpty() ? m_abnormalReason : socket->errorString();
        if (reason.isEmpty())
            reason = QStringLiteral("the connection failed");
    }
    m_rooms.clear();
    qCDebug(lcClient, "disconnected from %s: %d %s", qPrintable(m_url.toString()), code,
            qPrintable(reason));
    emit disconnected(code, reason);
}

void ChatClient::onSocketStateChanged(QWebSocket *socket, QAbstractSocket::SocketState state)
{
    if (socket != m_socket)
        return;
    if (state == QAbstractSocket::ClosingState && m_abnormalReason.isEmpty())
        m_closingSeen = true;
    emit stateChanged(state);
}

void ChatClient::setTrustedCertificates(const QList<QSslCertificate> &certificates)
{
    m_trustedCertificates = certificates;
}

void ChatClient::onSocketError(QWebSocket *socket)
{
    if (socket != m_socket || !m_sessionOpen)
        return;
    // Errors after a close handshake began (the peer resetting instead of closing, say) do not
    // change what the close frame said.
    if (!m_closingSeen && m_abnormalReason.isEmpty())
        m_abnormalReason = socket->errorString();
    qCDebug(lcClient, "socket error: %s", qPrintable(socket->errorString()));
    // Some failures (a bad URL, an unsupported scheme) never leave the unconnected state, so no
    // disconnected() would follow; end the session from the event loop, not inside open().
    if (socket->state() == QAbstractSocket::UnconnectedState) {
        QPointer<QWebSocket> guard(socket);
        QTimer::singleShot(0, this, [this, guard] {
            if (guard)
                finishSession(guard);
        });
    }
}

void ChatClient::onTextMessage(const QString &frame)
{
    emit frameReceived(frame);
    // Everything is read before anything is emitted or changed, so that a frame is either
    // reported whole or rejected whole.
    const NativeEvent event = NativeEvent::decode(frame);
    if (!event.isValid()) {
        badFrame(event.error);
        return;
    }
    dispatch(event);
    if (!event.ref.isUndefined())
        emit replyReceived(event.ref, event.type, event.object);
}

void ChatClient::dispatch(const NativeEvent &event)
{
    using namespace NativeEvents;
    if (const auto *e = event.get<Message>()) {
        emit messageReceived(e->message);
    } else if (const auto *e = event.get<Ack>()) {
        emit acknowledged(event.ref, e->room, e->id);
    } else if (const auto *e = event.get<Typing>()) {
        emit typing(e->room, e->member, e->active);
    } else if (const auto *e = event.get<Presence>()) {
        emit presence(e->room, e->event, e->member, e->previous);
    } else if (const auto *e = event.get<Welcome>()) {
        if (e->protocol != 1) {
            qCWarning(lcClient, "the server speaks protocol %d; this client knows version 1",
                      e->protocol);
        }
        m_self = e->member;
        m_serverName = e->server;
        m_maxMessageBytes = e->maxMessageBytes;
        m_ratePerSecond = int(e->ratePerSecond);
        emit welcomed(e->member, e->rooms, e->maxMessageBytes, int(e->ratePerSecond));
    } else if (const auto *e = event.get<Joined>()) {
        if (!m_rooms.contains(e->room))
            m_rooms.append(e->room);
        emit joined(e->room, e->members, e->history);
    } else if (const auto *e = event.get<Left>()) {
        m_rooms.removeAll(e->room);
        emit left(e->room);
    } else if (const auto *e = event.get<Direct>()) {
        emit directReceived(e->from, e->to, e->text, e->timestamp);
    } else if (const auto *e = event.get<Renamed>()) {
        m_self = e->member;
        emit renamed(e->member);
    } else if (const auto *e = event.get<Rooms>()) {
        emit roomsListed(e->rooms);
    } else if (const auto *e = event.get<Members>()) {
        emit membersListed(e->room, e->members);
    } else if (const auto *e = event.get<Pong>()) {
        emit pong(e->ts, e->serverTime);
    } else if (const auto *e = event.get<History>()) {
        emit historyReceived(e->room, e->messages, e->more, event.ref);
    } else if (const auto *e = event.get<Search>()) {
        emit searchResults(e->room, e->query, e->messages, event.ref);
    } else if (const auto *e = event.get<Error>()) {
        emit errorReceived(e->code, e->message, event.ref);
    } else {
        qCWarning(lcClient, "ignoring a \"%s\" frame, unknown to protocol version 1",
                  qPrintable(event.type.left(64)));
    }
}

void ChatClient::badFrame(const QString &why)
{
    const QString message = QStringLiteral("the server sent %1").arg(why);
    qCWarning(lcClient, "%s", qPrintable(message));
    emit errorReceived(QStringLiteral("bad_frame"), message, QJsonValue::Undefined);
}
