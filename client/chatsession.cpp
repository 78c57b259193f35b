#include "chatsession.h"

#include "chatclient.h"
#include "chaterrortext_p.h"
#include "chathistorypager.h"
#include "chatsearchmodel.h"
#include "chaturl_p.h"
#include "protocol/closecode.h"
#include "protocol/memberref.h"
#include "protocol/validation.h"
#include "typingroster.h"

#include <QDateTime>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <utility>

namespace {

constexpr int TypingResendMs = 2000;
constexpr int TypingIdleMs = 3000;

QString defaultRoom()
{
    return QStringLiteral("lobby");
}

QString localTime(const QString &timestamp)
{
    QDateTime time = QDateTime::fromString(timestamp, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::currentDateTime();
    return time.toLocalTime().toString(QStringLiteral("HH:mm"));
}

QString nowTime()
{
    return QDateTime::currentDateTime().toString(QStringLiteral("HH:mm"));
}

// ISO 8601 timestamps of one format compare as strings; the id breaks ties in a millisecond.
bool isAfter(const ChatMessage &message, const QString &timestamp, qint64 id)
{
    return message.timestamp > timestamp || (message.timestamp == timestamp && message.id > id);
}

// A room message (to a room) or a direct message (to a member) for ChatClient::frameFit().
Request textRequest(Request::Type type, const QString &target, const QString &text)
{
    Request request;
    request.type = type;
    request.room = request.to = target; // the encoder reads the one of its type
    request.text = text;
    return request;
}

// "1 byte", "12 bytes".
QString byteCount(qint64 bytes)
{
    return bytes == 1 ? ChatSession::tr("1 byte") : ChatSession::tr("%1 bytes").arg(bytes);
}

// Why a frame was refused: by how much it is over, since the limit is on the frame (escapes
// and envelope included), not on the characters one sees.
QString tooLongText(const QString &what, const ChatClient::FrameFit &fit)
{
    return ChatSession::tr("%1 is too long by %2: it would go out as a frame of %3, and the server "
                           "takes at most %4 (quotes, backslashes and control characters count "
                           "double or more, other characters as their UTF-8 bytes).")
        .arg(what, byteCount(fit.over()), byteCount(fit.bytes), byteCount(fit.limit));
}

} // namespace

ChatSession::ChatSession(QObject *parent)
    : QObject(parent)
    , m_client(new ChatClient(this))
    , m_reconnectTimer(new QTimer(this))
    , m_countdownTimer(new QTimer(this))
    , m_welcomeTimer(new QTimer(this))
    , m_shared(new ChatLogModel(this))
    , m_typingIdleTimer(new QTimer(this))
    , m_typing(new TypingRoster(this))
    , m_history(new ChatHistoryPager(
          m_client, [this](const QString &room) { return roomLog(room); },
          [this](const ChatMessage &message) { return messageEntry(message, true); }, this))
    , m_search(new ChatSearchModel(m_client, this))
{
    m_clock.start();
    m_reconnectTimer->setObjectName(QStringLiteral("reconnectTimer"));
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, [this] { startConnection(false); });
    m_countdownTimer->setInterval(250); // fine enough that the seconds tick down evenly
    connect(m_countdownTimer, &QTimer::timeout, this, &ChatSession::updateCountdown);
    m_welcomeTimer->setObjectName(QStringLiteral("welcomeTimer"));
    m_welcomeTimer->setSingleShot(true);
    m_welcomeTimer->setInterval(WelcomeTimeoutMs);
    connect(m_welcomeTimer, &QTimer::timeout, this, [this] {
        m_welcomeTimedOut = true;
        m_client->close();
    });
    m_typingIdleTimer->setSingleShot(true);
    m_typingIdleTimer->setInterval(TypingIdleMs);
    connect(m_typingIdleTimer, &QTimer::timeout, this, &ChatSession::stopTyping);
    connect(m_typing, &TypingRoster::expired, this, &ChatSession::typingChanged);
    wireClient();
}

ChatSession::~ChatSession()
{
    // The client says goodbye as it is destroyed; nothing it reports on the way may reach a
    // session that is half gone.
    m_client->disconnect(this);
}

void ChatSession::wireClient()
{
    connect(m_client, &ChatClient::welcomed, this, &ChatSession::onWelcomed);
    connect(m_client, &ChatClient::disconnected, this, &ChatSession::onDisconnected);
    connect(m_client, &ChatClient::joined, this, &ChatSession::onJoined);
    connect(m_client, &ChatClient::left, this, &ChatSession::removeRoom);
    connect(m_client, &ChatClient::messageReceived, this, &ChatSession::onMessage);
    connect(m_client, &ChatClient::presence, this, &ChatSession::onPresence);
    connect(m_client, &ChatClient::directReceived, this, &ChatSession::onDirect);
    connect(m_client, &ChatClient::renamed, this, &ChatSession::onRenamed);
    connect(m_client, &ChatClient::typing, this, &ChatSession::onTyping);
    connect(m_client, &ChatClient::errorReceived, this, &ChatSession::onError);
    connect(m_client, &ChatClient::replyReceived, this, &ChatSession::onReply);
}

MemberRef ChatSession::self() const
{
    return m_client->self();
}

void ChatSession::setWelcomeTimeout(int ms)
{
    m_welcomeTimer->setInterval(ms);
}

bool ChatSession::wantsConnection() const
{
    return m_state == State::Connecting || m_state == State::Connected || m_state == State::Waiting;
}

void ChatSession::setState(State state, const QString &text)
{
    m_state = state;
    m_stateText = text;
    emit stateChanged(state, text);
}

void ChatSession::connectTo(const QUrl &url)
{
    QUrl given = ChatUrl::normalized(url);
    // From here on name() is the one place the name is chosen.
    QUrlQuery query(given);
    if (query.hasQueryItem(QStringLiteral("name"))) {
        const QString name = ChatUrl::queryValue(query, QStringLiteral("name")).trimmed();
        if (!name.isEmpty()) {
            m_name = name;
            emit nameChanged(name);
        }
        query.removeAllQueryItems(QStringLiteral("name"));
        given.setQuery(query);
    }

    if (!ChatUrl::sameServer(given, m_url)) {
        // Another server's rooms are other rooms, whatever their names.
        stopTyping();
        for (const RoomState &state : std::as_const(m_roomStates))
            delete state.log;
        m_roomStates.clear();
        m_typing->clearAll();
        m_roomOrder.clear();
        m_everWelcomed = false;
        emit roomsCleared();
        setCurrentRoom(QString());
    }
    m_url = given;
    m_reconnectTimer->stop();
    m_countdownTimer->stop();
    m_attempt = 0;

    if (!ChatUrl::isServerUrl(given)) {
        m_welcomeTimer->stop();
        m_state = State::Refused; // before close(): its disconnected() is no reason to retry
        m_reopening = true;
        m_client->close();
        m_reopening = false;
        endSession();
        setState(State::Refused,
                 given.isEmpty() ? tr("Not connected — enter a server address above")
                                 : tr("Not a WebSocket address: %1 (try ws://host:port/chat)")
                                       .arg(given.toDisplayString()));
        return;
    }
    startConnection(true);
}

void ChatSession::disconnectFromServer()
{
    stopTyping();
    m_attempt = 0;
    m_reconnectTimer->stop();
    m_countdownTimer->stop();
    m_welcomeTimer->stop();
    // The state first: the disconnected() that close() may report at once is then expected.
    setState(State::Disconnected, tr("Disconnected"));
    if (m_client->state() != QAbstractSocket::UnconnectedState)
        m_client->close(); // disconnected() follows and says the rest
}

bool ChatSession::adoptUrl(const QUrl &url)
{
    const QUrl adopted = ChatUrl::adopted(m_url, url);
    if (!adopted.isEmpty())
        m_url = adopted;
    return !adopted.isEmpty();
}

void ChatSession::startConnection(bool fresh)
{
    m_reconnectTimer->stop();
    m_countdownTimer->stop();
    m_welcomeTimedOut = false;
    endSession();

    QUrl url = m_url;
    QUrlQuery query(url);
    // Keep the name across reconnections: the server would otherwise hand out guest-<n>.
    if (!m_name.isEmpty())
        ChatUrl::setQueryValue(&query, QStringLiteral("name"), m_name);
    else
        query.removeAllQueryItems(QStringLiteral("name"));
    // The url's room (or lobby) is only where a session starts; after that it rejoins its own
    // rooms, which may no longer include that one.
    if (!fresh || !m_roomOrder.isEmpty())
        query.removeAllQueryItems(QStringLiteral("room"));
    else if (ChatUrl::queryValue(query, QStringLiteral("room")).isEmpty())
        ChatUrl::setQueryValue(&query, QStringLiteral("room"), defaultRoom());
    url.setQuery(query);

    setState(State::Connecting, tr("Connecting…"));
    m_welcomeTimer->start();
    // open() ends the previous session, if any, with a disconnected() that is not news.
    m_reopening = true;
    m_client->open(url);
    m_reopening = false;
}

void ChatSession::onWelcomed(const MemberRef &self)
{
    m_welcomeTimer->stop();
    m_welcomed = true;
    m_everWelcomed = true;
    const bool outage = m_attempt > 0;
    m_attempt = 0;
    m_name = self.name;
    emit nameChanged(self.name);
    setState(State::Connected, tr("Connected as %1").arg(self.name));
    if (outage)
        addSharedEntry(ChatLogEntry::Kind::Status, tr("Reconnected as %1").arg(self.name));
    for (const QString &room : std::as_const(m_roomOrder)) {
        const qint64 ref = m_client->join(room);
        m_pendingJoins.insert(ref, room);
    }
}

void ChatSession::onDisconnected(int code, const QString &closeReason)
{
    if (m_reopening)
        return;
    m_welcomeTimer->stop();
    const bool hadSession = m_welcomed;
    endSession();

    QString reason = closeReason;
    if (m_welcomeTimedOut) {
        code = ChatClient::AbnormalCloseCode;
        reason = tr("the server did not answer");
        m_welcomeTimedOut = false;
    }

    if (code == CloseCode::Kicked) {
        m_attempt = 0;
        const QString text
            = tr("Kicked by the host: %1").arg(reason.isEmpty() ? tr("no reason given") : reason);
        setState(State::Kicked, text);
        addSharedEntry(ChatLogEntry::Kind::Error, text);
        return;
    }
    if (!wantsConnection()) {
        setState(State::Disconnected, tr("Disconnected"));
        if (hadSession)
            addSharedEntry(ChatLogEntry::Kind::Status, tr("Disconnected"));
        return;
    }
    const QString why
        = reason.isEmpty() ? tr("code %1").arg(code) : tr("%1, code %2").arg(reason).arg(code);
    if (code == CloseCode::PolicyViolation) {
        // A wrong join code or a refused origin will not get better by asking again.
        m_attempt = 0;
        const QString text = tr("Disconnected by the server (%1)").arg(why);
        setState(State::Refused, text);
        addSharedEntry(ChatLogEntry::Kind::Error, text);
        return;
    }
    if (m_attempt == 0) {
        addSharedEntry(hadSession ? ChatLogEntry::Kind::Status : ChatLogEntry::Kind::Error,
                       hadSession
                           ? tr("Connection lost (%1); reconnecting…").arg(why)
                           : tr("Could not connect to %1 (%2)").arg(m_url.toDisplayString(), why));
    }
    scheduleReconnect(why);
}

void ChatSession::endSession()
{
    // Members, typing and pending requests belong to a connection; the rooms and what was said
    // in them stay, to be rejoined.
    m_welcomed = false;
    m_typingActive = false;
    m_typingIdleTimer->stop();
    m_pendingRenames.clear();
    m_pendingJoins.clear();
    m_history->cancelAll();
    for (RoomState &state : m_roomStates) {
        state.joined = false;
        state.members.clear();
    }
    m_typing->clearAll();
    for (const QString &room : std::as_const(m_roomOrder)) {
        emit roomChanged(room);
        emit membersChanged(room, false);
        emit typingChanged(room);
    }
    if (m_roomOrder.isEmpty()) {
        emit membersChanged(m_currentRoom, false);
        emit typingChanged(m_currentRoom);
    }
}

void ChatSession::scheduleReconnect(const QString &why)
{
    const int delay = std::min(MaxRetryMs, FirstRetryMs << std::min(m_attempt, 4));
    ++m_attempt;
    m_waitReason = why;
    m_state = State::Waiting;
    m_reconnectTimer->start(delay);
    m_countdownTimer->start();
    updateCountdown();
}

void ChatSession::updateCountdown()
{
    if (!m_reconnectTimer->isActive()) {
        m_countdownTimer->stop();
        return;
    }
    const int seconds = std::max(1, (m_reconnectTimer->remainingTime() + 999) / 1000);
    const QString what = m_everWelcomed ? tr("Disconnected") : tr("Could not connect");
    setState(State::Waiting,
             tr("%1 (%2) — reconnecting in %3 s…").arg(what, m_waitReason).arg(seconds));
}

void ChatSession::requestName(const QString &typed)
{
    QString error;
    const QString name = Validation::normalizeName(typed, &error);
    if (name.isEmpty()) {
        addSharedEntry(ChatLogEntry::Kind::Error, tr("That name cannot be used: %1").arg(error));
        return;
    }
    if (!m_welcomed) {
        // Taken up on the next connection.
        m_name = name;
        emit nameChanged(name);
        return;
    }
    emit nameChanged(name);
    if (name == self().name)
        return;
    const qint64 ref = m_client->rename(name);
    m_pendingRenames.insert(ref, name);
}

void ChatSession::joinRoom(const QString &room)
{
    QString error;
    if (!Validation::isValidRoom(room, &error)) {
        addSharedEntry(ChatLogEntry::Kind::Error, tr("Cannot join “%1”: %2").arg(room, error));
        return;
    }
    const auto it = m_roomStates.constFind(room);
    if (it != m_roomStates.cend() && it->joined) {
        setCurrentRoom(room);
        return;
    }
    if (!m_welcomed) {
        addSharedEntry(ChatLogEntry::Kind::Error,
                       tr("Not connected: cannot join “%1” now.").arg(room));
        return;
    }
    m_showOnJoin = room;
    const qint64 ref = m_client->join(room);
    m_pendingJoins.insert(ref, room);
}

void ChatSession::leaveRoom(const QString &room)
{
    const auto it = m_roomStates.constFind(room);
    if (it == m_roomStates.cend())
        return;
    if (m_typingRoom == room)
        stopTyping();
    if (m_welcomed && it->joined)
        m_client->leave(room); // left() removes it
    else
        removeRoom(room); // nothing to tell the server; just do not rejoin it
}

void ChatSession::setCurrentRoom(const QString &room)
{
    if (room == m_currentRoom && !room.isEmpty())
        return;
    stopTyping();
    m_currentRoom = room;
    const auto it = m_roomStates.find(room);
    if (it != m_roomStates.end() && it->unread > 0) {
        it->unread = 0;
        emit roomChanged(room);
    }
    emit currentRoomChanged(room);
}

bool ChatSession::isJoined(const QString &room) const
{
    return m_roomStates.value(room).joined;
}

int ChatSession::unreadCount(const QString &room) const
{
    return m_roomStates.value(room).unread;
}

QList<MemberRef> ChatSession::members(const QString &room) const
{
    return m_roomStates.value(room).members;
}

QStringList ChatSession::typingNames(const QString &room) const
{
    return m_typing->names(room);
}

ChatLogModel *ChatSession::roomLog(const QString &room) const
{
    return m_roomStates.value(room).log;
}

void ChatSession::onJoined(const QString &room, const QList<MemberRef> &members,
                           const QList<ChatMessage> &history)
{
    const bool isNew = !m_roomStates.contains(room);
    RoomState &state = m_roomStates[room];
    state.joined = true;
    state.members = members;
    m_typing->clear(room);
    if (isNew) {
        state.log = new ChatLogModel(this);
        m_roomOrder.append(room);
        emit roomAdded(room);
    }

    // After a reconnection the history repeats what is already in the log; add only the rest.
    QList<ChatMessage> unseen;
    for (const ChatMessage &message : history) {
        if (isAfter(message, state.lastTimestamp, state.lastId))
            unseen.append(message);
    }
    if (!unseen.isEmpty()) {
        ChatLogEntry divider;
        divider.kind = ChatLogEntry::Kind::Divider;
        divider.text = isNew ? tr("Earlier messages") : tr("Messages while you were away");
        addEntry(room, divider);
        for (const ChatMessage &message : std::as_const(unseen))
            addEntry(room, messageEntry(message, true));
        state.lastTimestamp = unseen.constLast().timestamp;
        state.lastId = unseen.constLast().id;
    }
    if (isNew) {
        ChatLogEntry notice;
        notice.kind = ChatLogEntry::Kind::Notice;
        notice.time = nowTime();
        notice.text = tr("You joined %1").arg(room);
        addEntry(room, notice);
    }

    emit roomChanged(room);
    if (isNew || m_showOnJoin == room || m_currentRoom.isEmpty()) {
        m_showOnJoin.clear();
        // Made current afresh even if it already was: its members and typing line are new.
        m_currentRoom.clear();
        setCurrentRoom(room);
    } else if (room == m_currentRoom) {
        emit membersChanged(room, false);
        emit typingChanged(room);
    }
}

void ChatSession::removeRoom(const QString &room)
{
    const int index = int(m_roomOrder.indexOf(room));
    if (index < 0)
        return;
    m_roomOrder.removeAt(index);
    ChatLogModel *log = m_roomStates.take(room).log;
    m_typing->clear(room);
    emit roomRemoved(room);
    delete log;
    if (room == m_currentRoom) {
        m_currentRoom.clear(); // so that setCurrentRoom() does not stop at "no change"
        const QString next = m_roomOrder.isEmpty()
            ? QString()
            : m_roomOrder.at(std::min(index, int(m_roomOrder.size()) - 1));
        setCurrentRoom(next);
    }
}

void ChatSession::onMessage(const ChatMessage &message)
{
    const auto it = m_roomStates.find(message.room);
    if (it == m_roomStates.end())
        return;
    it->lastTimestamp = message.timestamp;
    it->lastId = message.id;
    // Whoever sent a message has stopped typing it.
    if (m_typing->remove(message.room, message.from.id))
        emit typingChanged(message.room);
    addEntry(message.room, messageEntry(message, false));
    if (message.from.id == self().id)
        return;
    if (message.room != m_currentRoom) {
        ++it->unread;
        emit roomChanged(message.room);
    }
    emit attentionWanted();
}

void ChatSession::onPresence(const QString &room, const QString &event, const MemberRef &member,
                             const QString &previous)
{
    const auto it = m_roomStates.find(room);
    if (it == m_roomStates.end())
        return;
    ChatLogEntry notice;
    notice.kind = ChatLogEntry::Kind::Notice;
    notice.time = nowTime();
    auto sameId = [&member](const MemberRef &m) {
        return m.id == member.id;
    };
    if (event == QLatin1String("join")) {
        if (std::none_of(it->members.cbegin(), it->members.cend(), sameId))
            it->members.append(member);
        notice.text = tr("%1 joined").arg(member.name);
    } else if (event == QLatin1String("leave")) {
        it->members.removeIf(sameId);
        m_typing->remove(room, member.id);
        notice.text = tr("%1 left").arg(member.name);
    } else if (event == QLatin1String("rename")) {
        for (MemberRef &m : it->members) {
            if (m.id == member.id)
                m.name = member.name;
        }
        m_typing->rename(room, member);
        notice.text = tr("%1 is now known as %2").arg(previous, member.name);
    } else {
        return; // an event of a newer protocol
    }
    addEntry(room, notice);
    emit membersChanged(room, true);
    emit typingChanged(room);
}

void ChatSession::onDirect(const MemberRef &from, const MemberRef &to, const QString &text,
                           const QString &timestamp)
{
    const MemberRef me = self();
    ChatLogEntry entry;
    entry.kind = ChatLogEntry::Kind::Direct;
    entry.time = localTime(timestamp);
    entry.text = text;
    entry.own = from.id == me.id;
    if (entry.own && to.id == me.id)
        entry.sender = tr("→ you (direct)");
    else if (entry.own)
        entry.sender = tr("→ %1 (direct)").arg(to.name);
    else
        entry.sender = tr("%1 → you (direct)").arg(from.name);
    entry.senderKey = entry.own ? to.name : from.name;
    addEntry(QString(), entry);
    if (!entry.own)
        emit attentionWanted();
}

void ChatSession::onRenamed(const MemberRef &self)
{
    m_name = self.name;
    emit nameChanged(self.name);
    for (RoomState &state : m_roomStates) {
        for (MemberRef &m : state.members) {
            if (m.id == self.id)
                m.name = self.name;
        }
    }
    addSharedEntry(ChatLogEntry::Kind::Status, tr("You are now known as %1").arg(self.name));
    setState(State::Connected, tr("Connected as %1").arg(self.name));
    emit membersChanged(m_currentRoom, false);
}

void ChatSession::onError(const QString &code, const QString &message, const QJsonValue &ref)
{
    if (m_search->isSearchRef(ref))
        return; // shown where the search is
    addSharedEntry(ChatLogEntry::Kind::Error, describeError(code, message, ref));
    if (code == QLatin1String("name_taken") || code == QLatin1String("bad_request")) {
        // The name shown is the one we have, not the one refused; the refusal is in the log.
        if (m_pendingRenames.contains(ref.toInteger()))
            emit nameChanged(self().name);
    }
    const QString room = m_pendingJoins.value(ref.toInteger());
    if (!room.isEmpty() && m_showOnJoin == room)
        m_showOnJoin.clear();
}

void ChatSession::onReply(const QJsonValue &ref)
{
    const qint64 key = ref.toInteger();
    m_pendingRenames.remove(key);
    m_pendingJoins.remove(key);
}

QString ChatSession::describeError(const QString &code, const QString &message,
                                   const QJsonValue &ref) const
{
    const qint64 key = ref.toInteger();
    return ChatErrorText::describe(code, message, m_pendingRenames.value(key),
                                   m_pendingJoins.value(key), self().name);
}

bool ChatSession::sendMessage(const QString &typed)
{
    const QString text = typed.trimmed();
    if (text.isEmpty())
        return false;
    if (m_currentRoom.isEmpty()) {
        addSharedEntry(ChatLogEntry::Kind::Error,
                       tr("Join a room first: there is nowhere to send to."));
        return false;
    }
    if (!m_welcomed) {
        addSharedEntry(ChatLogEntry::Kind::Error,
                       tr("Not connected: the message was not sent (it is still in the box)."));
        return false;
    }
    // The server closes the connection (1009) on a frame over its limit: ask the client, which
    // knows the frame it will send, and keep the text in the box when it does not fit.
    ChatClient::FrameFit fit
        = m_client->frameFit(textRequest(Request::Type::Message, m_currentRoom, text));
    if (fit.fits()) {
        stopTyping();
        if (m_client->sendMessage(m_currentRoom, text) != 0)
            return true;
        // stopTyping() may have spent a ref with one digit fewer than the next one.
        fit = m_client->frameFit(textRequest(Request::Type::Message, m_currentRoom, text));
        if (fit.fits()) {
            addSharedEntry(ChatLogEntry::Kind::Error,
                           tr("Not connected: the message was not sent (it is still in the box)."));
            return false;
        }
    }
    addSharedEntry(ChatLogEntry::Kind::Error,
                   tooLongText(tr("That message"), fit) + u' '
                       + tr("It was not sent (it is still in the box)."));
    return false;
}

bool ChatSession::sendDirect(const QString &id, const QString &name, const QString &text)
{
    if (!m_welcomed) {
        addSharedEntry(ChatLogEntry::Kind::Error,
                       tr("Not connected: the direct message to %1 was not sent.").arg(name));
        return false;
    }
    // As for a room message: a frame over the server's limit would cost the connection.
    ChatClient::FrameFit fit = m_client->frameFit(textRequest(Request::Type::Direct, id, text));
    if (fit.fits()) {
        if (m_client->sendDirect(id, text) != 0)
            return true;
        fit = m_client->frameFit(textRequest(Request::Type::Direct, id, text));
        if (fit.fits()) {
            addSharedEntry(ChatLogEntry::Kind::Error,
                           tr("Not connected: the direct message to %1 was not sent.").arg(name));
            return false;
        }
    }
    addSharedEntry(ChatLogEntry::Kind::Error,
                   tooLongText(tr("The direct message to %1").arg(name), fit) + u' '
                       + tr("It was not sent."));
    return false;
}

void ChatSession::inputEdited(bool empty)
{
    if (!m_welcomed || m_currentRoom.isEmpty())
        return;
    if (empty) {
        stopTyping();
        return;
    }
    const qint64 now = m_clock.elapsed();
    // Refreshed every couple of seconds while typing goes on, so that others' indicators, which
    // fade out on their own, stay up; more often would only spend the rate limit.
    if (!m_typingActive || m_typingRoom != m_currentRoom
        || now - m_typingSentAt >= TypingResendMs) {
        m_client->setTyping(m_currentRoom, true);
        m_typingActive = true;
        m_typingRoom = m_currentRoom;
        m_typingSentAt = now;
    }
    m_typingIdleTimer->start();
}

void ChatSession::stopTyping()
{
    m_typingIdleTimer->stop();
    if (!m_typingActive)
        return;
    m_typingActive = false;
    if (m_welcomed && isJoined(m_typingRoom))
        m_client->setTyping(m_typingRoom, false);
}

void ChatSession::onTyping(const QString &room, const MemberRef &member, bool active)
{
    if (!m_roomStates.contains(room) || member.id == self().id)
        return;
    m_typing->set(room, member, active);
    emit typingChanged(room);
}

void ChatSession::addError(const QString &text)
{
    addSharedEntry(ChatLogEntry::Kind::Error, text);
}

ChatLogEntry ChatSession::messageEntry(const ChatMessage &message, bool earlier) const
{
    ChatLogEntry entry;
    entry.kind = ChatLogEntry::Kind::Message;
    entry.time = localTime(message.timestamp);
    entry.sender = message.from.name;
    entry.senderKey = message.from.name;
    entry.id = message.id;
    entry.text = message.text;
    entry.own = !message.from.id.isEmpty() && message.from.id == self().id;
    entry.earlier = earlier;
    entry.fromHost = message.from.id == MemberRef::host().id;
    return entry;
}

void ChatSession::addEntry(const QString &room, ChatLogEntry entry)
{
    ChatLogModel *log = m_shared;
    if (!room.isEmpty()) {
        log = roomLog(room);
        if (!log)
            return;
    }
    entry.seq = m_nextSeq++;
    log->append(entry);
    emit entryAdded(room, entry);
}

void ChatSession::addSharedEntry(ChatLogEntry::Kind kind, const QString &text)
{
    ChatLogEntry entry;
    entry.kind = kind;
    entry.time = nowTime();
    entry.text = text;
    addEntry(QString(), entry);
}
