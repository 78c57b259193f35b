#include "chatsearchmodel.h"

#include "chatclient.h"

#include <QDateTime>

namespace {

QString localTime(const QString &timestamp)
{
    const QDateTime time = QDateTime::fromString(timestamp, Qt::ISODateWithMs);
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("HH:mm")) : QString();
}

} // namespace

ChatSearchModel::ChatSearchModel(ChatClient *client, QObject *parent)
    : QAbstractListModel(parent)
    , m_client(client)
{
    connect(m_client, &ChatClient::searchResults, this, &ChatSearchModel::onResults);
    connect(m_client, &ChatClient::errorReceived, this, &ChatSearchModel::onError);
}

ChatSearchModel::~ChatSearchModel() = default;

int ChatSearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_matches.size());
}

QVariant ChatSearchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const ChatMessage &m = m_matches.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole: {
        // One line in a list: a message's own line breaks would make rows of uneven height.
        QString text = m.text;
        if (role == Qt::DisplayRole)
            text.replace(QLatin1Char('\n'), QLatin1Char(' '));
        return QStringLiteral("%1   %2  %3").arg(localTime(m.timestamp), m.from.name, text);
    }
    case RoomRole:
        return m.room;
    case IdRole:
        return m.id;
    case TimeRole:
        return localTime(m.timestamp);
    case SenderRole:
        return m.from.name;
    case TextRole:
        return m.text;
    default:
        return QVariant();
    }
}

QHash<int, QByteArray> ChatSearchModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(RoomRole, "room");
    names.insert(IdRole, "id");
    names.insert(TimeRole, "time");
    names.insert(SenderRole, "sender");
    names.insert(TextRole, "text");
    return names;
}

bool ChatSearchModel::search(const QString &room, const QString &query)
{
    m_room = room;
    m_query = query.simplified();
    m_errorText.clear();
    m_ref = 0;
    setMatches({});
    if (m_query.isEmpty()) {
        fail(tr("Type a word to search for."));
        return false;
    }
    const qint64 ref = m_client->search(room, m_query, MaxMatches);
    if (ref == 0) {
        fail(tr("Not connected: cannot search now."));
        return false;
    }
    m_ref = ref;
    m_sentRefs.insert(ref);
    return true;
}

void ChatSearchModel::clear()
{
    m_ref = 0;
    m_query.clear();
    m_errorText.clear();
    setMatches({});
}

bool ChatSearchModel::isSearchRef(const QJsonValue &ref) const
{
    return ref.isDouble() && m_sentRefs.contains(ref.toInteger());
}

void ChatSearchModel::onResults(const QString &room, const QString &query,
                                const QList<ChatMessage> &messages, const QJsonValue &ref)
{
    Q_UNUSED(room);
    Q_UNUSED(query);
    if (m_ref == 0 || ref.toInteger() != m_ref)
        return; // a search replaced since, or somebody else's
    m_ref = 0;
    setMatches(messages);
    emit finished();
}

void ChatSearchModel::onError(const QString &code, const QString &message, const QJsonValue &ref)
{
    if (m_ref == 0 || ref.toInteger() != m_ref)
        return;
    m_ref = 0;
    if (code == QLatin1String("not_in_room"))
        fail(m_room.isEmpty() ? tr("You are not in that room: join it to search it.")
                              : tr("You are not in %1: join it to search it.").arg(m_room));
    else if (code == QLatin1String("bad_request"))
        fail(tr("The server cannot search for that: %1.")
                 .arg(message.isEmpty() ? tr("a bad request") : message));
    else
        fail(tr("The search failed (%1): %2").arg(code, message.isEmpty() ? code : message));
}

void ChatSearchModel::setMatches(const QList<ChatMessage> &matches)
{
    if (m_matches.isEmpty() && matches.isEmpty())
        return;
    // A new search replaces every row: a reset, not an edit.
    beginResetModel();
    m_matches = matches;
    endResetModel();
}

void ChatSearchModel::fail(const QString &text)
{
    m_errorText = text;
    emit failed(text);
}
