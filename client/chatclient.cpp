#include "chatclient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QMetaType>
#include <QPointer>
#include <QSslError>
#include <QTimer>
#include <QWebSocket>

#include "protocol/closecode.h"
#include "protocol/jsonwriter.h"

namespace {

Q_LOGGING_CATEGORY(lcClient, "wsroom.client", QtInfoMsg)

// A joined reply holds up to `history` messages of up to max_message_bytes each, escaped: the
// default of about 2 GiB would let a broken server exhaust memory, a few MiB would cut real ones.
constexpr qint64 MaxIncomingBytes = 64 * 1024 * 1024;
// A server that never answers our close frame must not keep the socket around for ever.
constexpr int CloseGraceMs = 5000;

bool readString(const QJsonObject &o, const char *key, QString *out)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isString())
        return false;
    *out = v.toString();
    return true;
}

bool readInteger(const QJsonObject &o, const char *key, qint64 *out)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isDouble())
        return false;
    *out = v.toInteger();
    return true;
}

bool readMember(const QJsonValue &v, MemberRef *out)
{
    const QJsonObject o = v.toObject();
    return v.isObject() && readString(o, "id", &out->id) && readString(o, "name", &out->name);
}

bool readMembers(const QJsonValue &v, QList<MemberRef> *out)
{
    if (!v.isArray())
        return false;
    const QJsonArray array = v.toArray();
    out->reserve(array.size());
    for (const QJsonValue &item : array) {
        MemberRef member;
        if (!readMember(item, &member))
            return false;
        out->append(member);
    }
    return true;
}

// A "message" event, live or from a joined reply's history.
bool readMessage(const QJsonObject &o, ChatMessage *out)
{
    if (!readString(o, "room", &out->room) || !readInteger(o, "id", &out->id)
        || !readMember(o.value(QLatin1String("from")), &out->from)
        || !readString(o, "text", &out->text) || !readString(o, "timestamp", &out->timestamp)) {
        return false;
    }
    out->data = o.value(QLatin1String("data"));
    return true;
}

QString missing(const QString &type, const char *what)
{
    return QStringLiteral("a \"%1\" frame with a missing or invalid %2")
        .arg(type, QString::fromLatin1(what));
}

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
    return sendRequest("join", [&room](JsonWriter &w) { w.key("room").value(room); });
}

qint64 ChatClient::leave(const QString &room)
{
    return sendRequest("leave", [&room](JsonWriter &w) { w.key("room").value(room); });
}

qint64 ChatClient::sendMessage(const QString &room, const QString &text, const QJsonValue &data)
{
    return sendRequest("message", [&](JsonWriter &w) {
        w.key("room").value(room).key("text").value(text);
        if (!data.isUndefined())
            w.key("data").value(data);
    });
}

qint64 ChatClient::sendDirect(const QString &nameOrId, const QString &text)
{
    return sendRequest("direct",
                       [&](JsonWriter &w) { w.key("to").value(nameOrId).key("text").value(text); });
}

qint64 ChatClient::rename(const QString &name)
{
    return sendRequest("rename", [&name](JsonWriter &w) { w.key("name").value(name); });
}

qint64 ChatClient::setTyping(const QString &room, bool active)
{
    return sendRequest(
        "typing", [&](JsonWriter &w) { w.key("room").value(room).key("active").value(active); });
}

qint64 ChatClient::requestRooms()
{
    return sendRequest("rooms");
}

qint64 ChatClient::requestMembers(const QString &room)
{
    return sendRequest("members", [&room](JsonWriter &w) { w.key("room").value(room); });
}

qint64 ChatClient::notify(const QString &text)
{
    return sendRequest("notify", [&text](JsonWriter &w) { w.key("text").value(text); });
}

qint64 ChatClient::ping()
{
    return sendRequest(
        "ping", [](JsonWriter &w) { w.key("ts").value(QDateTime::currentMSecsSinceEpoch()); });
}

bool ChatClient::sendRaw(const QString &frame)
{
    if (!isConnected())
        return false;
    m_socket->sendTextMessage(frame);
    emit frameSent(frame);
    return true;
}

qint64 ChatClient::sendRequest(const char *type, const std::function<void(JsonWriter &)> &fields)
{
    if (!isConnected())
        return 0;
    const qint64 ref = m_nextRef++;
    // JsonWriter keeps "type" first, which makes the frame log readable.
    JsonWriter w;
    w.beginObject().key("type").value(type).key("ref").value(ref);
    if (fields)
        fields(w);
    w.endObject();
    sendRaw(w.toString());
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
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(frame.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        badFrame(QStringLiteral("a frame that is not JSON (%1)").arg(parseError.errorString()));
        return;
    }
    if (!doc.isObject()) {
        badFrame(QStringLiteral("a frame that is not a JSON object"));
        return;
    }
    const QJsonObject object = doc.object();
    QString why;
    if (!dispatch(object, &why)) {
        badFrame(why);
        return;
    }
    const QJsonValue ref = object.value(QLatin1String("ref"));
    if (!ref.isUndefined())
        emit replyReceived(ref, object.value(QLatin1String("type")).toString(), object);
}

bool ChatClient::dispatch(const QJsonObject &o, QString *why)
{
    QString type;
    if (!readString(o, "type", &type)) {
        *why = QStringLiteral("a frame without a string \"type\"");
        return false;
    }
    // Everything is read before anything is emitted or changed, so that a frame is either
    // reported whole or rejected whole.
    auto fail = [&](const char *what) {
        *why = missing(type, what);
        return false;
    };

    if (type == QLatin1String("message")) {
        ChatMessage message;
        if (!readMessage(o, &message))
            return fail("room, id, from, text or timestamp");
        emit messageReceived(message);
    } else if (type == QLatin1String("ack")) {
        QString room;
        qint64 id = 0;
        if (o.contains(QLatin1String("room")) && !readString(o, "room", &room))
            return fail("room");
        if (o.contains(QLatin1String("id")) && !readInteger(o, "id", &id))
            return fail("id");
        emit acknowledged(o.value(QLatin1String("ref")), room, id);
    } else if (type == QLatin1String("typing")) {
        QString room;
        MemberRef member;
        const QJsonValue active = o.value(QLatin1String("active"));
        if (!readString(o, "room", &room))
            return fail("room");
        if (!readMember(o.value(QLatin1String("member")), &member))
            return fail("member");
        if (!active.isBool())
            return fail("active");
        emit typing(room, member, active.toBool());
    } else if (type == QLatin1String("presence")) {
        QString room;
        QString event;
        MemberRef member;
        QString previous;
        if (!readString(o, "room", &room))
            return fail("room");
        if (!readString(o, "event", &event))
            return fail("event");
        if (!readMember(o.value(QLatin1String("member")), &member))
            return fail("member");
        if (o.contains(QLatin1String("previous")) && !readString(o, "previous", &previous))
            return fail("previous");
        emit presence(room, event, member, previous);
    } else if (type == QLatin1String("welcome")) {
        MemberRef self;
        QStringList rooms;
        if (!readMember(o.value(QLatin1String("member")), &self))
            return fail("member");
        const QJsonValue roomList = o.value(QLatin1String("rooms"));
        if (!roomList.isUndefined() && !roomList.isArray())
            return fail("rooms");
        for (const QJsonValue &room : roomList.toArray()) {
            if (!room.isString())
                return fail("rooms");
            rooms.append(room.toString());
        }
        const QJsonObject limits = o.value(QLatin1String("limits")).toObject();
        qint64 maxBytes = 0;
        qint64 rate = 0;
        readInteger(limits, "max_message_bytes", &maxBytes);
        readInteger(limits, "rate_per_second", &rate);
        const int protocol = o.value(QLatin1String("protocol")).toInt();
        if (protocol != 1) {
            qCWarning(lcClient, "the server speaks protocol %d; this client knows version 1",
                      protocol);
        }
        m_self = self;
        m_serverName = o.value(QLatin1String("server")).toString();
        m_maxMessageBytes = maxBytes;
        m_ratePerSecond = int(rate);
        emit welcomed(self, rooms, maxBytes, int(rate));
    } else if (type == QLatin1String("joined")) {
        QString room;
        QList<MemberRef> members;
        QList<ChatMessage> history;
        if (!readString(o, "room", &room))
            return fail("room");
        if (!readMembers(o.value(QLatin1String("members")), &members))
            return fail("members");
        const QJsonValue events = o.value(QLatin1String("history"));
        if (!events.isUndefined() && !events.isArray())
            return fail("history");
        for (const QJsonValue &event : events.toArray()) {
            ChatMessage message;
            if (!readMessage(event.toObject(), &message))
                return fail("history");
            history.append(message);
        }
        if (!m_rooms.contains(room))
            m_rooms.append(room);
        emit joined(room, members, history);
    } else if (type == QLatin1String("left")) {
        QString room;
        if (!readString(o, "room", &room))
            return fail("room");
        m_rooms.removeAll(room);
        emit left(room);
    } else if (type == QLatin1String("direct")) {
        MemberRef from;
        MemberRef to;
        QString text;
        QString timestamp;
        if (!readMember(o.value(QLatin1String("from")), &from))
            return fail("from");
        if (!readMember(o.value(QLatin1String("to")), &to))
            return fail("to");
        if (!readString(o, "text", &text))
            return fail("text");
        if (!readString(o, "timestamp", &timestamp))
            return fail("timestamp");
        emit directReceived(from, to, text, timestamp);
    } else if (type == QLatin1String("renamed")) {
        MemberRef self;
        if (!readMember(o.value(QLatin1String("member")), &self))
            return fail("member");
        m_self = self;
        emit renamed(self);
    } else if (type == QLatin1String("rooms")) {
        const QJsonValue list = o.value(QLatin1String("rooms"));
        if (!list.isArray())
            return fail("rooms");
        QList<QPair<QString, int>> rooms;
        for (const QJsonValue &item : list.toArray()) {
            QString name;
            qint64 count = 0;
            if (!readString(item.toObject(), "name", &name)
                || !readInteger(item.toObject(), "members", &count)) {
                return fail("rooms");
            }
            rooms.append({name, int(count)});
        }
        emit roomsListed(rooms);
    } else if (type == QLatin1String("members")) {
        QString room;
        QList<MemberRef> members;
        if (!readString(o, "room", &room))
            return fail("room");
        if (!readMembers(o.value(QLatin1String("members")), &members))
            return fail("members");
        emit membersListed(room, members);
    } else if (type == QLatin1String("pong")) {
        QString serverTime;
        if (!readString(o, "server_time", &serverTime))
            return fail("server_time");
        emit pong(o.value(QLatin1String("ts")), serverTime);
    } else if (type == QLatin1String("error")) {
        QString code;
        if (!readString(o, "code", &code))
            return fail("code");
        emit errorReceived(code, o.value(QLatin1String("message")).toString(),
                           o.value(QLatin1String("ref")));
    } else {
        // A newer server may add events; one this client does not know is not an error.
        qCWarning(lcClient, "ignoring a \"%s\" frame, unknown to protocol version 1",
                  qPrintable(type.left(64)));
    }
    return true;
}

void ChatClient::badFrame(const QString &why)
{
    const QString message = QStringLiteral("the server sent %1").arg(why);
    qCWarning(lcClient, "%s", qPrintable(message));
    emit errorReceived(QStringLiteral("bad_frame"), message, QJsonValue::Undefined);
}
