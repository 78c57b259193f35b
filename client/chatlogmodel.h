#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QMetaType>
#include <QString>

// One line of a chat log: a room's message, or a line of the log shared by every room (direct
// messages, errors and connection events).
struct ChatLogEntry
{
    enum class Kind { Message, Direct, Notice, Status, Error, Divider };
    Kind kind = Kind::Message;
    qint64 seq = 0; // orders a room's entries among the shared ones
    QString time; // local HH:mm
    QString sender; // what the name column shows
    QString senderKey; // what the name colour is chosen by
    QString text;
    bool own = false; // sent by this connection
    bool earlier = false; // from a joined reply's history
    bool fromHost = false; // sent by the host's console
};
Q_DECLARE_METATYPE(ChatLogEntry)

// The lines of one chat log, oldest first, capped: past MaxEntries + TrimStep lines the oldest
// TrimStep go at once (in steps, so that a view rebuilds rarely). Rows are added and removed
// with begin/end rows; a view renders what the rows hold.
class ChatLogModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatLogModel)

public:
    // Enough scrollback for a conversation without letting a busy room eat memory for ever.
    static constexpr int MaxEntries = 2000;
    static constexpr int TrimStep = 200;

    enum Role {
        KindRole = Qt::UserRole + 1, // int(ChatLogEntry::Kind)
        SeqRole,
        TimeRole,
        SenderRole,
        SenderKeyRole,
        TextRole,
        OwnRole,
        EarlierRole,
        FromHostRole,
    };

    // An empty log.
    explicit ChatLogModel(QObject *parent = nullptr);
    ~ChatLogModel() override;

    // The number of entries (none under a valid parent: this is a list).
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    // An entry's field by Role; Qt::DisplayRole is the line as plain text ("HH:mm  name  text").
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    // The role names, for QML and for debugging.
    QHash<int, QByteArray> roleNames() const override;

    // Appends an entry (one inserted row), then drops the oldest TrimStep rows if over the cap.
    void append(const ChatLogEntry &entry);
    // Removes every entry (a reset).
    void clear();
    // The entries, oldest first.
    const QList<ChatLogEntry> &entries() const { return m_entries; }
    // The entry at row; row must be valid.
    const ChatLogEntry &entry(int row) const { return m_entries.at(row); }

private:
    QList<ChatLogEntry> m_entries;
};
