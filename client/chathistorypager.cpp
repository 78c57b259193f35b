#include "chathistorypager.h"

#include "chatclient.h"

#include <utility>

ChatHistoryPager::ChatHistoryPager(ChatClient *client, LogOfRoom logOf, EntryOfMessage entryOf,
                                   QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_logOf(std::move(logOf))
    , m_entryOf(std::move(entryOf))
{
    connect(m_client, &ChatClient::historyReceived, this, &ChatHistoryPager::onHistory);
    connect(m_client, &ChatClient::errorReceived, this, &ChatHistoryPager::onError);
}

ChatHistoryPager::~ChatHistoryPager() = default;

bool ChatHistoryPager::loadOlder(const QString &room)
{
    ChatLogModel *log = m_logOf(room);
    if (!log || log->isLoadingOlder() || log->isBeginningReached())
        return false;
    if (log->oldestMessageId() == 1) {
        // Ids start at 1 in every room: there is nothing older to ask for.
        log->setBeginningReached(true);
        return false;
    }
    const qint64 ref = m_client->requestHistory(room, log->oldestMessageId(), PageSize);
    if (ref == 0)
        return false;
    m_pending.insert(ref, room);
    log->setLoadingOlder(true);
    return true;
}

void ChatHistoryPager::reveal(const QString &room, qint64 id)
{
    if (!m_revealRoom.isEmpty() && (m_revealRoom != room || m_revealId != id))
        emit messageUnavailable(std::exchange(m_revealRoom, QString()), m_revealId);
    m_revealRoom = room;
    m_revealId = id;
    continueReveal(room);
}

bool ChatHistoryPager::isPageRef(const QJsonValue &ref) const
{
    return ref.isDouble() && m_pending.contains(ref.toInteger());
}

void ChatHistoryPager::cancelAll()
{
    const QHash<qint64, QString> pending = std::exchange(m_pending, {});
    for (const QString &room : pending) {
        if (ChatLogModel *log = m_logOf(room))
            log->setLoadingOlder(false);
    }
    if (!m_revealRoom.isEmpty())
        emit messageUnavailable(std::exchange(m_revealRoom, QString()), m_revealId);
}

void ChatHistoryPager::onHistory(const QString &room, const QList<ChatMessage> &messages, bool more,
                                 const QJsonValue &ref)
{
    if (!isPageRef(ref))
        return; // somebody else's request (a script's, through sendRaw)
    m_pending.remove(ref.toInteger());
    ChatLogModel *log = m_logOf(room);
    if (!log) {
        // Left meanwhile.
        if (m_revealRoom == room)
            continueReveal(room);
        return;
    }
    QList<ChatLogEntry> page;
    page.reserve(messages.size());
    for (const ChatMessage &message : messages)
        page.append(m_entryOf(message));
    // Numbered below everything logged so far, so that a view merging logs by seq puts them
    // first, in their order.
    qint64 seq = m_lowestSeq - page.size();
    m_lowestSeq = seq;
    for (ChatLogEntry &entry : page)
        entry.seq = seq++;
    const int added = log->prepend(page);
    log->setLoadingOlder(false);
    // An empty page ends paging too: asking again would only get it again.
    log->setBeginningReached(!more || messages.isEmpty());
    emit pageLoaded(room, added);
    if (m_revealRoom == room)
        continueReveal(room);
}

void ChatHistoryPager::onError(const QString &code, const QString &message, const QJsonValue &ref)
{
    Q_UNUSED(code);
    Q_UNUSED(message);
    if (!isPageRef(ref))
        return;
    const QString room = m_pending.take(ref.toInteger());
    if (ChatLogModel *log = m_logOf(room))
        log->setLoadingOlder(false);
    if (m_revealRoom == room)
        emit messageUnavailable(std::exchange(m_revealRoom, QString()), m_revealId);
}

void ChatHistoryPager::continueReveal(const QString &room)
{
    ChatLogModel *log = m_logOf(room);
    const qint64 id = m_revealId;
    if (log && log->containsMessage(id)) {
        m_revealRoom.clear();
        emit messageAvailable(room, id);
        return;
    }
    // Older than the oldest held: page back; newer (or no such log): it is not to be had here.
    const bool older = log && (log->oldestMessageId() == 0 || id < log->oldestMessageId());
    if (older && (log->isLoadingOlder() || loadOlder(room)))
        return;
    m_revealRoom.clear();
    emit messageUnavailable(room, id);
}
