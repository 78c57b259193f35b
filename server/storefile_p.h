#pragma once

#include "storedmessage_p.h"

#include <QHash>
#include <QLockFile>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <memory>

class TextQuery;

// The room store's SQLite file (schema in docs/architecture.md, "The room store"): rooms, their
// messages as broadcast, and a full-text index of the texts. Used from one thread only, the
// store's (see RoomStore); every call may wait on the disk.
class StoreFile
{
public:
    static constexpr int SchemaVersion = 2;
    static constexpr qint32 ApplicationId = 0x57535231; // "WSR1": a wsroom store

    // What open() found.
    struct Opening
    {
        enum class Outcome {
            Opened, // rooms are what the file holds; writable tells whether it takes writes
            InUse, // another wsroom has the file; error names it and its process
            Failed, // error says why; nothing was changed
        };
        Outcome outcome = Outcome::Failed;
        bool writable = false;
        QString error; // InUse, Failed, or Opened but not writable: one sentence
        QString movedAside; // a damaged or foreign file was moved aside: one sentence naming both
        QList<StoredRoom> rooms;
    };

    // Not open; connectionName names its Qt SQL connection (unique per process).
    explicit StoreFile(const QString &connectionName);
    ~StoreFile();
    Q_DISABLE_COPY_MOVE(StoreFile)

    // Takes the file for this process (a lock file beside it), moves aside a file that is not a
    // wsroom store of this or an older schema, creates what is missing, and reads every room
    // with its newest recentPerRoom messages.
    Opening open(const QString &path, int recentPerRoom);
    // Commits the messages (and their rooms' newest ids) in one transaction; false, with error
    // set and nothing written, if it failed.
    bool write(const QList<StoredMessage> &messages, QString *error);
    // Adds the words of up to maxMessages written messages, the oldest not indexed yet, to the
    // full-text index in one transaction; how many (0: all were), or -1 with error set.
    // Apart from write() so that a burst is committed (and acknowledged) without the index's
    // cost, which is most of a write's; search() reads the messages not indexed yet itself.
    int indexWords(int maxMessages, QString *error);
    // Messages written but not in the index yet (at most; deleted ones may be counted).
    qint64 unindexedCount() const { return m_lastSeq - m_indexedUpto; }
    // Copies what the write-ahead log holds into the file, as far as no reader needs it.
    void checkpoint();
    // Deletes each room's messages past the newest keep (0: keeps all); the count deleted.
    qint64 applyRetention(const QStringList &rooms, int keep);
    // Up to limit messages of room with an id below before (0: the newest), oldest first.
    HistoryPage history(const QString &room, qint64 before, int limit) const;
    // Up to limit messages of the rooms matching query, newest first.
    QList<QByteArray> search(const QStringList &rooms, const TextQuery &query, int limit) const;
    // Every message of room, oldest first.
    QList<QByteArray> allMessages(const QString &room) const;
    // Deletes the room's messages (its newest id stays, so ids never repeat); false on failure.
    bool clearRoom(const QString &room, QString *error);
    // The messages kept, counted at open() and kept up to date since.
    qint64 messageCount() const { return m_messageCount; }
    // The file's size with its write-ahead log.
    qint64 bytes() const;
    // The file's name as given to open().
    QString path() const { return m_path; }
    // Checkpoints the write-ahead log into the file and closes it; releases the lock.
    void close();

private:
    // What opening the file as a wsroom store gave: Opened, or why not.
    enum class Check { Usable, NotAStore, Newer, Unreadable };
    // Opens the connection and checks the file; why says what is wrong.
    Check openAndCheck(QString *why);
    // Runs the statements and sets the schema version in one transaction; false, error set, if not.
    template<std::size_t N> bool applySchema(const char *const (&statements)[N], QString *error);
    // Reads how far the index goes and the newest seq.
    void readIndexState();
    // Moves the file (and its -wal and -shm) aside; the sentence to show, or empty on failure.
    QString moveAside(const QString &why, QString *error);
    // Reads every room and its newest messages, and learns their keys.
    QList<StoredRoom> readRooms(int recentPerRoom, bool *ok);
    // The id of the room, inserted if new (within the write transaction).
    qint64 roomKey(const QString &room);
    // Drops the connection (the file stays).
    void closeConnection();

    QString m_connectionName;
    QString m_path;
    QSqlDatabase m_db;
    std::unique_ptr<QLockFile> m_lock;
    QHash<QString, qint64> m_roomKeys;
    qint64 m_messageCount = 0;
    qint64 m_lastSeq = 0; // the newest message's seq (or newer, if it was deleted)
    qint64 m_indexedUpto = 0; // the index holds every message with a seq up to this
};
