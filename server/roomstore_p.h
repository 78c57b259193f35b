#pragma once

#include "storedmessage_p.h"
#include "storefile_p.h"

#include <QMutex>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

class QThread;
class RoomStoreWorker;
class TextQuery;

// The room store on its own thread: the server thread hands it each message and never waits on
// the disk. What arrives while a commit is running goes into the next one (one transaction for
// all of it), and committed() says up to which ticket the messages are on the disk. If a commit
// fails (a full disk, a read-only file) the messages stay in memory and are tried again every
// second; reads see them too. Lives in the server thread; every method is called from there.
class RoomStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoomStore)

public:
    // What the store is now, for /api/status and the window.
    struct Status
    {
        QString path;
        qint64 messages = 0; // kept in the file
        qint64 bytes = 0; // the file and its write-ahead log
        QString error; // why writes fail now; empty when they work
        qint64 unindexed = 0; // written, not in the full-text index yet (see StoreFile)
    };

    static constexpr int MaxUnsaved = 100000; // past it while failing, the oldest are let go
    static constexpr int MaxPerCommit = 20000; // a backlog is committed in steps of this many
    static constexpr int MaxUnindexed = 50000; // past it the index keeps pace with writes
    static constexpr int IndexStep = 2000; // messages indexed in one transaction
    static constexpr int IndexWhenIdleForMs = 200; // the index waits for this long without writes
    static constexpr int MinCommitGapMs = 5; // under load, a commit begins at most this often
    static constexpr int RetryMs = 1000;
    static constexpr int RetentionEveryMs = 2000;

    // Starts the store's thread; nothing is open.
    explicit RoomStore(QObject *parent = nullptr);
    // Commits what is waiting and closes the file (see close()).
    ~RoomStore() override;

    // Opens path (see StoreFile::open()), keeping retention messages per room (0: all); waits
    // for the store's thread. For start-up, before any member is there.
    StoreFile::Opening open(const QString &path, int retention, int recentPerRoom);
    // Commits what is waiting (once, if it can) and closes the file; waits for it.
    void close();
    // True between a successful open() and close().
    bool isOpen() const { return m_open; }

    // Queues the message for the next commit; its ticket, rising, for committed().
    qint64 append(StoredMessage message);
    // Calls done (on this thread) with a page of the room before id before (0: the newest).
    void history(const QString &room, qint64 before, int limit,
                 std::function<void(const HistoryPage &)> done);
    // Calls done (on this thread) with the newest limit messages of rooms matching query.
    void search(const QStringList &rooms, const QString &query, int limit,
                std::function<void(const QList<QByteArray> &)> done);
    // Calls done (on this thread) with every message of the room, oldest first.
    void allMessages(const QString &room, std::function<void(const QList<QByteArray> &)> done);
    // Deletes the room's messages (its ids go on where they were), then calls done on this thread.
    void clearRoom(const QString &room, std::function<void()> done);
    // The store now.
    Status status() const;

signals:
    // Every message with a ticket up to ticket is committed.
    void committed(qint64 ticket);
    // Messages up to ticket were let go unsaved (see MaxUnsaved): their acks never come.
    void discarded(qint64 ticket);
    // Writing failed where it worked before (error says why), or works again (error empty).
    void writeStateChanged(const QString &error);

private:
    friend class RoomStoreWorker;

    // The worker's: what was appended since the last take, and the drain is due again.
    QList<QPair<qint64, StoredMessage>> takeIncoming();
    // The worker's: updates the status.
    void setStatus(const Status &status);

    QThread *m_thread = nullptr;
    RoomStoreWorker *m_worker = nullptr;
    bool m_open = false;
    qint64 m_nextTicket = 1;

    mutable QMutex m_mutex; // guards what follows: shared with the store's thread
    QList<QPair<qint64, StoredMessage>> m_incoming;
    bool m_drainScheduled = false;
    Status m_status;
};
