#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QMetaType>
#include <QSet>
#include <QString>

// One line of a chat log: a room's message, or a line of the log shared by every room (direct
// messages, errors and connection events).
struct ChatLogEntry
{
    enum class Kind { Message, Direct, Notice, Status, Error, Divider };
    Kind kind = Kind::Message;
    qint64 seq = 0; // orders a room's entries among the shared ones
    qint64 id = 0; // a room message's id in its room; 0 for other lines
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
// with begin/end rows; a view renders what the rows hold. Older pages of a room's messages are
// prepended (scrollback): the log keeps each message id once, and knows whether a page is on
// its way and whether its first message is the room's first.
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
        IdRole,
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
    // Inserts a page of older messages at the top, in their order (rows at 0, one insert),
    // leaving out ids the log already holds; returns how many were inserted.
    int prepend(const QList<ChatLogEntry> &entries);
    // Removes every entry (a reset); the beginning is no longer known to be reached.
    void clear();
    // The id of the oldest room message held; 0 when the log holds none.
    qint64 oldestMessageId() const;
    // True when a message with this id is in the log.
    bool containsMessage(qint64 id) const { return m_ids.contains(id); }
    // The row of the message with this id; -1 when it is not in the log.
    int rowOfMessage(qint64 id) const;
    // True once a page said that no older messages exist (until the oldest rows are trimmed).
    bool isBeginningReached() const { return m_beginningReached; }
    // Records whether the room's first message is held; emits olderStateChanged() on a change.
    void setBeginningReached(bool reached);
    // True while a page of older messages is awaited.
    bool isLoadingOlder() const { return m_loadingOlder; }
    // Records whether a page is awaited; emits olderStateChanged() on a change.
    void setLoadingOlder(bool loading);

    // The entries, oldest first.
    const QList<ChatLogEntry> &entries() const { return m_entries; }
    // The entry at row; row must be valid.
    const ChatLogEntry &entry(int row) const { return m_entries.at(row); }

signals:
    // isLoadingOlder() or isBeginningReached() changed.
    void olderStateChanged();

private:
    QList<ChatLogEntry> m_entries;
    QSet<qint64> m_ids; // of the room messages in m_entries
    bool m_beginningReached = false;
    bool m_loadingOlder = false;
};
