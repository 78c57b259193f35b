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
    return names;
}

void ChatLogModel::append(const ChatLogEntry &entry)
{
    const int row = int(m_entries.size());
    beginInsertRows(QModelIndex(), row, row);
    m_entries.append(entry);
    endInsertRows();
    if (m_entries.size() > MaxEntries + TrimStep) {
        beginRemoveRows(QModelIndex(), 0, TrimStep - 1);
        m_entries.remove(0, TrimStep);
        endRemoveRows();
    }
}

void ChatLogModel::clear()
{
    if (m_entries.isEmpty())
        return;
    beginResetModel();
    m_entries.clear();
    endResetModel();
}
