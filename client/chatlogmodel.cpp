#include "chatlogmodel.h"

ChatLogModel::ChatLogModel(QObject *parent)
    : QAbstractListModel(parent)
{
    qRegisterMetaType<ChatLogEntry>();
}

ChatLogModel::~ChatLogModel() = default;

int ChatLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant ChatLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const ChatLogEntry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (e.kind == ChatLogEntry::Kind::Divider)
            return e.text;
        if (e.sender.isEmpty())
            return QStringLiteral("%1   %2").arg(e.time, e.text);
        return QStringLiteral("%1   %2  %3").arg(e.time, e.sender, e.text);
    case KindRole:
        return int(e.kind);
    case SeqRole:
        return e.seq;
    case TimeRole:
        return e.time;
    case SenderRole:
        return e.sender;
    case SenderKeyRole:
        return e.senderKey;
    case TextRole:
        return e.text;
    case OwnRole:
        return e.own;
    case EarlierRole:
        return e.earlier;
    case FromHostRole:
        return e.fromHost;
    case IdRole:
        return e.id;
    default:
        return QVariant();
    }
}

QHash<int, QByteArray> ChatLogModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(SeqRole, "seq");
    names.insert(TimeRole, "time");
    names.insert(SenderRole, "sender");
    names.insert(SenderKeyRole, "senderKey");
    names.insert(TextRole, "text");
    names.insert(OwnRole, "own");
    names.insert(EarlierRole, "earlier");
    names.insert(FromHostRole, "fromHost");
    names.insert(IdRole, "id");
    return names;
}

void ChatLogModel::append(const ChatLogEntry &entry)
{
    const int row = int(m_entries.size());
    beginInsertRows(QModelIndex(), row, row);
    m_entries.append(entry);
    if (entry.kind == ChatLogEntry::Kind::Message && entry.id > 0)
        m_ids.insert(entry.id);
    endInsertRows();
    if (m_entries.size() > MaxEntries + TrimStep) {
        beginRemoveRows(QModelIndex(), 0, TrimStep - 1);
        for (int row = 0; row < TrimStep; ++row)
            m_ids.remove(m_entries.at(row).id);
        m_entries.remove(0, TrimStep);
        endRemoveRows();
        // What was trimmed can be paged back in.
        setBeginningReached(false);
    }
}

int ChatLogModel::prepend(const QList<ChatLogEntry> &entries)
{
    QList<ChatLogEntry> page;
    page.reserve(entries.size());
    QSet<qint64> seen;
    for (const ChatLogEntry &entry : entries) {
        const bool message = entry.kind == ChatLogEntry::Kind::Message && entry.id > 0;
        if (message && (m_ids.contains(entry.id) || seen.contains(entry.id)))
            continue;
        if (message)
            seen.insert(entry.id);
        page.append(entry);
    }
    if (page.isEmpty())
        return 0;
    beginInsertRows(QModelIndex(), 0, int(page.size()) - 1);
    m_entries = page + m_entries;
    m_ids.unite(seen);
    endInsertRows();
    return int(page.size());
}

void ChatLogModel::clear()
{
    setBeginningReached(false);
    if (m_entries.isEmpty())
        return;
    beginResetModel();
    m_entries.clear();
    m_ids.clear();
    endResetModel();
}

qint64 ChatLogModel::oldestMessageId() const
{
    for (const ChatLogEntry &entry : m_entries) {
        if (entry.kind == ChatLogEntry::Kind::Message && entry.id > 0)
            return entry.id;
    }
    return 0;
}

int ChatLogModel::rowOfMessage(qint64 id) const
{
    if (id <= 0 || !m_ids.contains(id))
        return -1;
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).kind == ChatLogEntry::Kind::Message && m_entries.at(row).id == id)
            return row;
    }
    return -1;
}

void ChatLogModel::setBeginningReached(bool reached)
{
    if (m_beginningReached == reached)
        return;
    m_beginningReached = reached;
    emit olderStateChanged();
}

void ChatLogModel::setLoadingOlder(bool loading)
{
    if (m_loadingOlder == loading)
        return;
    m_loadingOlder = loading;
    emit olderStateChanged();
}
