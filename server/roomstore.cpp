#include "roomstore_p.h"

#include "hosttext.h"
#include "logging.h"
#include "textquery_p.h"

#include <QElapsedTimer>
#include <QMutexLocker>
#include <QSet>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>

// The store's side: the file, and the messages taken from RoomStore that are not committed yet.
// Lives in the store's thread; RoomStore reaches it with queued calls only.
class RoomStoreWorker final : public QObject
{
    Q_DISABLE_COPY_MOVE(RoomStoreWorker)

public:
    // Works for store; the file's Qt SQL connection gets a name unique to this worker.
    explicit RoomStoreWorker(RoomStore *store)
        : m_store(store)
        , m_file(QStringLiteral("wsroom-store-%1").arg(quintptr(this)))
    { }

    // Opens the file and starts the timers; in the store's thread.
    StoreFile::Opening open(const QString &path, int retention, int recentPerRoom)
    {
        m_retention = retention;
        StoreFile::Opening opening = m_file.open(path, recentPerRoom);
        if (opening.outcome != StoreFile::Opening::Outcome::Opened)
            return opening;
        m_failing = !opening.writable;
        m_error = opening.writable ? QString() : opening.error;
        // What the last run left unindexed (at most MaxUnindexed, under a second) is indexed
        // before the first search can come: a restarted store answers from its index alone.
        while (!m_failing && m_file.unindexedCount() > 0) {
            if (indexWords() <= 0)
                break;
        }
        m_retryTimer = new QTimer(this);
        m_retryTimer->setSingleShot(true);
        QObject::connect(m_retryTimer, &QTimer::timeout, this, [this] { drain(); });
        if (m_failing)
            m_retryTimer->start(RoomStore::RetryMs);
        m_retentionTimer = new QTimer(this);
        QObject::connect(m_retentionTimer, &QTimer::timeout, this, [this] { applyRetention(); });
        m_retentionTimer->start(RoomStore::RetentionEveryMs);
        m_gapTimer = new QTimer(this);
        m_gapTimer->setSingleShot(true);
        m_gapTimer->setTimerType(Qt::PreciseTimer);
        QObject::connect(m_gapTimer, &QTimer::timeout, this, [this] { drain(); });
        m_indexTimer = new QTimer(this);
        m_indexTimer->setSingleShot(true);
        QObject::connect(m_indexTimer, &QTimer::timeout, this, [this] { indexWhileIdle(); });
        m_indexTimer->start(RoomStore::IndexWhenIdleForMs);
        publishStatus(true);
        return opening;
    }

    // Commits what is waiting and closes the file.
    void close()
    {
        drain();
        if (!m_unsaved.isEmpty()) {
            qCWarning(lcServer, "the store %s closes with %lld messages it could not write",
                      qPrintable(m_file.path()), qlonglong(m_unsaved.size()));
        }
        applyRetention();
        m_file.close();
        delete m_retryTimer;
        delete m_retentionTimer;
        delete m_indexTimer;
        delete m_gapTimer;
        m_retryTimer = m_retentionTimer = m_indexTimer = m_gapTimer = nullptr;
        m_unsaved.clear();
    }

    // A drain posted by append(): now, or, under load (the last commit carried more than one
    // message), once MinCommitGapMs have passed since the last commit began, so that a commit
    // carries what arrived in that time. One message at a time is committed at once.
    void drainWhenDue()
    {
        const qint64 sinceLast = m_commitClock.isValid() ? m_commitClock.elapsed() : -1;
        if (m_lastCommitSize > 1 && sinceLast >= 0 && sinceLast < RoomStore::MinCommitGapMs) {
            if (!m_gapTimer->isActive())
                m_gapTimer->start(int(RoomStore::MinCommitGapMs - sinceLast));
            return;
        }
        drain();
    }

    // Takes what arrived and commits everything unsaved in one transaction; on failure keeps
    // it and tries again in a second.
    void drain()
    {
        if (m_gapTimer)
            m_gapTimer->stop();
        m_commitClock.start();
        const QList<QPair<qint64, StoredMessage>> incoming = m_store->takeIncoming();
        m_lastCommitSize = incoming.size();
        for (const auto &entry : incoming) {
            m_unsaved.append(entry);
            m_touched.insert(entry.second.room);
        }
        if (m_failing && m_retryTimer && m_retryTimer->isActive())
            return letGoPastTheCap(); // not before the retry is due: a failing disk is not hammered
        // In transactions of at most MaxPerCommit, so that a backlog (a flood faster than the
        // disk) is acknowledged as it goes rather than in one huge commit at the end.
        while (!m_unsaved.isEmpty()) {
            const qsizetype count = qMin<qsizetype>(m_unsaved.size(), RoomStore::MaxPerCommit);
            QList<StoredMessage> batch;
            batch.reserve(count);
            for (qsizetype i = 0; i < count; ++i)
                batch.append(m_unsaved.at(i).second);
            QString error;
            if (!m_file.write(batch, &error)) {
                m_error = HostText::english(HostText::KeptInMemory)
                              .arg(HostText::english(HostText::StoreUnwritable)
                                       .arg(m_file.path(), error));
                // Said once, when writes stop working; each retry that fails again is quiet.
                if (!m_failing) {
                    m_failing = true;
                    qCWarning(lcServer, "%s", qPrintable(m_error));
                    emit m_store->writeStateChanged(m_error);
                }
                letGoPastTheCap();
                publishStatus(true);
                m_retryTimer->start(RoomStore::RetryMs);
                return;
            }
            const qint64 ticket = m_unsaved.at(count - 1).first;
            m_unsaved.remove(0, count);
            if (m_failing) {
                m_failing = false;
                m_error.clear();
                qCInfo(lcServer, "the store %s is written again", qPrintable(m_file.path()));
                emit m_store->writeStateChanged(QString());
            }
            // Past MaxUnindexed, the index keeps pace with the writes, so that a search never
            // has more than that many messages to read itself; below it, it waits for a quiet
            // moment.
            while (m_file.unindexedCount() > RoomStore::MaxUnindexed) {
                if (indexWords() <= 0)
                    break;
            }
            publishStatus(false);
            emit m_store->committed(ticket);
        }
        if (m_indexTimer && !incoming.isEmpty())
            m_indexTimer->start(RoomStore::IndexWhenIdleForMs);
    }

    // A page of the room: what the file holds, then what is still unsaved.
    HistoryPage history(const QString &room, qint64 before, int limit)
    {
        drain();
        QList<QByteArray> unsaved;
        qint64 firstUnsaved = 0;
        for (const auto &entry : std::as_const(m_unsaved)) {
            const StoredMessage &m = entry.second;
            if (m.room == room && (before <= 0 || m.id < before)) {
                if (!firstUnsaved)
                    firstUnsaved = m.id;
                unsaved.append(m.event);
            }
        }
        HistoryPage page = m_file.history(room, firstUnsaved ? firstUnsaved : before, limit);
        page.events += unsaved;
        if (page.events.size() > limit) {
            page.events.remove(0, page.events.size() - limit);
            page.more = true;
        }
        return page;
    }

    // The newest matches: the unsaved ones first, then the file's.
    QList<QByteArray> search(const QStringList &rooms, const QString &words, int limit)
    {
        drain();
        const TextQuery query(words);
        QList<QByteArray> found;
        for (auto it = m_unsaved.crbegin(); it != m_unsaved.crend() && found.size() < limit; ++it) {
            if (rooms.contains(it->second.room) && query.matches(it->second.text))
                found.append(it->second.event);
        }
        if (found.size() < limit)
            found += m_file.search(rooms, query, limit - int(found.size()));
        return found;
    }

    // Every message of the room, the unsaved ones last.
    QList<QByteArray> allMessages(const QString &room)
    {
        drain();
        QList<QByteArray> events = m_file.allMessages(room);
        for (const auto &entry : std::as_const(m_unsaved)) {
            if (entry.second.room == room)
                events.append(entry.second.event);
        }
        return events;
    }

    // Deletes the room's messages, in the file and unsaved.
    void clearRoom(const QString &room)
    {
        drain();
        m_unsaved.removeIf([&](const auto &entry) { return entry.second.room == room; });
        QString error;
        if (!m_file.clearRoom(room, &error)) {
            qCWarning(lcServer, "the history of %s could not be cleared in the store: %s",
                      qPrintable(room), qPrintable(error));
        }
        publishStatus(true);
    }

private:
    // Indexes the next IndexStep messages; how many (-1 if it failed, said once per failure run).
    int indexWords()
    {
        QString error;
        const int indexed = m_file.indexWords(RoomStore::IndexStep, &error);
        if (indexed < 0 && !m_indexFailing) {
            qCWarning(lcServer,
                      "the store %s cannot index its messages' words (%s); search reads "
                      "them one by one until it can",
                      qPrintable(m_file.path()), qPrintable(error));
        }
        m_indexFailing = indexed < 0;
        return indexed;
    }

    // Nothing was written for IndexWhenIdleForMs: indexes a step, and the next one after
    // whatever arrived meanwhile (a write restarts the wait), until the index is up to date;
    // then copies the write-ahead log into the file.
    void indexWhileIdle()
    {
        if (m_failing || m_file.unindexedCount() == 0)
            return;
        if (indexWords() < 0) {
            m_indexTimer->start(RoomStore::RetryMs);
        } else if (m_file.unindexedCount() > 0) {
            m_indexTimer->start(0);
        } else {
            m_file.checkpoint();
            publishStatus(true); // unindexed 0 says the store is done with the file for now
        }
    }

    // While writes fail: past MaxUnsaved waiting, the oldest are let go (their acks never come).
    void letGoPastTheCap()
    {
        if (m_unsaved.size() <= RoomStore::MaxUnsaved)
            return;
        const qsizetype excess = m_unsaved.size() - RoomStore::MaxUnsaved;
        const qint64 lastDropped = m_unsaved.at(excess - 1).first;
        m_unsaved.remove(0, excess);
        qCWarning(lcServer, "the store %s let go of %lld unsaved messages (more than %d waited)",
                  qPrintable(m_file.path()), qlonglong(excess), RoomStore::MaxUnsaved);
        emit m_store->discarded(lastDropped);
    }

    // Deletes what is past --retention in the rooms written since the last time.
    void applyRetention()
    {
        if (m_retention <= 0 || m_touched.isEmpty() || m_failing)
            return;
        const QStringList rooms(m_touched.cbegin(), m_touched.cend());
        m_touched.clear();
        if (m_file.applyRetention(rooms, m_retention) > 0)
            publishStatus(true);
    }

    // Hands the status to RoomStore; the file's size at most every 250 ms unless now.
    void publishStatus(bool now)
    {
        if (!now && m_sizeClock.isValid() && m_sizeClock.elapsed() < 250) {
            RoomStore::Status status = m_store->status();
            status.messages = m_file.messageCount();
            status.unindexed = m_file.unindexedCount();
            m_store->setStatus(status);
            return;
        }
        m_sizeClock.start();
        RoomStore::Status status;
        status.path = m_file.path();
        status.messages = m_file.messageCount() + (m_failing ? m_unsaved.size() : 0);
        status.bytes = m_file.bytes();
        status.unindexed = m_file.unindexedCount();
        status.error = m_error;
        m_store->setStatus(status);
    }

    RoomStore *m_store;
    StoreFile m_file;
    QList<QPair<qint64, StoredMessage>> m_unsaved;
    QSet<QString> m_touched; // rooms written since the last retention pass
    int m_retention = 0;
    bool m_failing = false;
    bool m_indexFailing = false;
    QString m_error;
    QTimer *m_retryTimer = nullptr;
    QTimer *m_retentionTimer = nullptr;
    QTimer *m_indexTimer = nullptr;
    QTimer *m_gapTimer = nullptr;
    QElapsedTimer m_sizeClock;
    QElapsedTimer m_commitClock; // since the last drain began
    qsizetype m_lastCommitSize = 0; // messages the last drain took
};

RoomStore::RoomStore(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_worker(new RoomStoreWorker(this))
{
    m_thread->setObjectName(QStringLiteral("wsroom store"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

RoomStore::~RoomStore()
{
    close();
    m_thread->quit();
    m_thread->wait();
}

StoreFile::Opening RoomStore::open(const QString &path, int retention, int recentPerRoom)
{
    StoreFile::Opening opening;
    QMetaObject::invokeMethod(
        m_worker, [&] { opening = m_worker->open(path, retention, recentPerRoom); },
        Qt::BlockingQueuedConnection);
    m_open = opening.outcome == StoreFile::Opening::Outcome::Opened;
    return opening;
}

void RoomStore::close()
{
    if (!m_open)
        return;
    m_open = false;
    QMetaObject::invokeMethod(
        m_worker, [this] { m_worker->close(); }, Qt::BlockingQueuedConnection);
    QMutexLocker locker(&m_mutex);
    m_status = Status();
}

qint64 RoomStore::append(StoredMessage message)
{
    const qint64 ticket = m_nextTicket++;
    QMutexLocker locker(&m_mutex);
    m_incoming.append({ticket, std::move(message)});
    if (!m_drainScheduled) {
        m_drainScheduled = true;
        QMetaObject::invokeMethod(
            m_worker, [this] { m_worker->drainWhenDue(); }, Qt::QueuedConnection);
    }
    return ticket;
}

QList<QPair<qint64, StoredMessage>> RoomStore::takeIncoming()
{
    QMutexLocker locker(&m_mutex);
    m_drainScheduled = false;
    return std::exchange(m_incoming, {});
}

void RoomStore::history(const QString &room, qint64 before, int limit,
                        std::function<void(const HistoryPage &)> done)
{
    QMetaObject::invokeMethod(m_worker, [this, room, before, limit, done] {
        const HistoryPage page = m_worker->history(room, before, limit);
        QMetaObject::invokeMethod(
            this, [done, page] { done(page); }, Qt::QueuedConnection);
    });
}

void RoomStore::search(const QStringList &rooms, const QString &query, int limit,
                       std::function<void(const QList<QByteArray> &)> done)
{
    QMetaObject::invokeMethod(m_worker, [this, rooms, query, limit, done] {
        const QList<QByteArray> found = m_worker->search(rooms, query, limit);
        QMetaObject::invokeMethod(
            this, [done, found] { done(found); }, Qt::QueuedConnection);
    });
}

void RoomStore::allMessages(const QString &room,
                            std::function<void(const QList<QByteArray> &)> done)
{
    QMetaObject::invokeMethod(m_worker, [this, room, done] {
        const QList<QByteArray> events = m_worker->allMessages(room);
        QMetaObject::invokeMethod(
            this, [done, events] { done(events); }, Qt::QueuedConnection);
    });
}

void RoomStore::clearRoom(const QString &room, std::function<void()> done)
{
    QMetaObject::invokeMethod(m_worker, [this, room, done] {
        m_worker->clearRoom(room);
        QMetaObject::invokeMethod(this, done, Qt::QueuedConnection);
    });
}

RoomStore::Status RoomStore::status() const
{
    QMutexLocker locker(&m_mutex);
    return m_status;
}

void RoomStore::setStatus(const Status &status)
{
    QMutexLocker locker(&m_mutex);
    m_status = status;
}
