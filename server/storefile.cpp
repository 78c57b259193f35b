#include "storefile_p.h"

#include "hosttext.h"
#include "logging.h"
#include "textquery_p.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <limits>

namespace {

// Deletes a row's words from the index, for rows the index has (see StoreFile::indexWords()).
#define WSROOM_UNINDEX_TRIGGER                                                                     \
    "CREATE TRIGGER messages_unindexed AFTER DELETE ON messages"                                   \
    " WHEN old.seq <= (SELECT upto FROM words_indexed) BEGIN"                                      \
    " INSERT INTO message_words (message_words, rowid, text)"                                      \
    " VALUES ('delete', old.seq, old.text); END"

const char *const SchemaStatements[] = {
    "CREATE TABLE rooms (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
    " last_id INTEGER NOT NULL DEFAULT 0)",
    // event: the `message` event exactly as broadcast; text: what the index reads.
    "CREATE TABLE messages (seq INTEGER PRIMARY KEY, room INTEGER NOT NULL, id INTEGER NOT NULL,"
    " text TEXT NOT NULL, event TEXT NOT NULL, UNIQUE (room, id))",
    // Case-folded words as unicode61 cuts them; diacritics kept, as TextQuery keeps them.
    "CREATE VIRTUAL TABLE message_words USING fts5(text, content='messages',"
    " content_rowid='seq', tokenize='unicode61 remove_diacritics 0')",
    // The index holds the words of every message with a seq up to upto.
    "CREATE TABLE words_indexed (upto INTEGER NOT NULL)",
    "INSERT INTO words_indexed VALUES (0)",
    WSROOM_UNINDEX_TRIGGER,
};

// Schema 1 indexed a message's words in the transaction that wrote it (a trigger).
const char *const UpgradeFrom1[] = {
    "DROP TRIGGER messages_indexed",
    "DROP TRIGGER messages_unindexed",
    "CREATE TABLE words_indexed (upto INTEGER NOT NULL)",
    "INSERT INTO words_indexed SELECT coalesce(max(seq), 0) FROM messages",
    WSROOM_UNINDEX_TRIGGER,
};

#undef WSROOM_UNINDEX_TRIGGER

// SQLite's result codes for a file that is not a database, or a damaged one.
bool isDamage(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("26") || code == QLatin1String("11");
}

QString describe(const QSqlError &error)
{
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    return text.isEmpty() ? HostText::english(HostText::UnknownError) : text;
}

} // namespace

StoreFile::StoreFile(const QString &connectionName)
    : m_connectionName(connectionName)
{ }

StoreFile::~StoreFile()
{
    close();
}

StoreFile::Opening StoreFile::open(const QString &path, int recentPerRoom)
{
    Opening opening;
    m_path = path;
    m_lock = std::make_unique<QLockFile>(path + QStringLiteral(".lock"));
    m_lock->setStaleLockTime(0); // stale only when its process is gone, however old
    if (!m_lock->tryLock(0)) {
        qint64 pid = 0;
        QString host, app;
        m_lock->getLockInfo(&pid, &host, &app);
        opening.outcome = Opening::Outcome::InUse;
        opening.error = m_lock->error() == QLockFile::LockFailedError
            ? HostText::english(HostText::StoreInUse).arg(path).arg(pid)
            : HostText::english(HostText::StoreUnlockable).arg(path, path);
        m_lock.reset();
        return opening;
    }
    QFile::setPermissions(m_lock->fileName(), QFile::ReadOwner | QFile::WriteOwner);

    QString why;
    Check check = openAndCheck(&why);
    if (check == Check::NotAStore || check == Check::Newer) {
        QString error;
        opening.movedAside = moveAside(why, &error);
        if (opening.movedAside.isEmpty()) {
            opening.error = error;
            close();
            return opening;
        }
        check = openAndCheck(&why);
    }
    if (check != Check::Usable) {
        opening.error = HostText::english(HostText::StoreUnopenable).arg(path, why);
        close();
        return opening;
    }
    bool ok = false;
    opening.rooms = readRooms(recentPerRoom, &ok);
    if (!ok) {
        opening.error = HostText::english(HostText::StoreUnreadable).arg(path);
        close();
        return opening;
    }
    for (const StoredRoom &room : std::as_const(opening.rooms))
        m_messageCount += room.messages;
    // Writable only if a page can be changed; a read-only file still serves history. In WAL
    // mode BEGIN IMMEDIATE succeeds on a read-only file (its lock is in -shm), so the check
    // writes the schema version over itself and rolls back: nothing reaches the disk.
    QSqlQuery q(m_db);
    int version = 0;
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        version = q.value(0).toInt();
    q.finish();
    opening.writable = q.exec(QStringLiteral("BEGIN IMMEDIATE"))
        && q.exec(QStringLiteral("PRAGMA user_version=%1").arg(version));
    if (!opening.writable) {
        opening.error
            = HostText::english(HostText::StoreUnwritable).arg(path, describe(q.lastError()));
    }
    (void)q.exec(QStringLiteral("ROLLBACK"));
    q.finish();
    if (opening.writable && version != SchemaVersion) {
        opening.writable = false;
        opening.error = HostText::english(HostText::StoreNotUpgraded).arg(path).arg(version);
    }
    readIndexState();
    opening.outcome = Opening::Outcome::Opened;
    return opening;
}

StoreFile::Check StoreFile::openAndCheck(QString *why)
{
    closeConnection();
    const bool existed = QFileInfo::exists(m_path);
    if (!existed) {
        // Created here, private whatever the umask; SQLite gives its -wal and -shm the same mode.
        QFile created(m_path);
        if (!created.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                          QFile::ReadOwner | QFile::WriteOwner)) {
            *why = created.errorString();
            return Check::Unreadable;
        }
    }
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(m_path);
    if (!m_db.open()) {
        *why = describe(m_db.lastError());
        return Check::Unreadable;
    }
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA application_id")) || !q.next()) {
        *why = describe(q.lastError());
        return isDamage(q.lastError()) ? Check::NotAStore : Check::Unreadable;
    }
    const qint64 applicationId = q.value(0).toLongLong();
    q.finish();
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        *why = describe(q.lastError());
        return isDamage(q.lastError()) ? Check::NotAStore : Check::Unreadable;
    }
    const int version = q.value(0).toInt();
    q.finish();
    if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema")) || !q.next()) {
        *why = describe(q.lastError());
        return isDamage(q.lastError()) ? Check::NotAStore : Check::Unreadable;
    }
    const bool empty = q.value(0).toInt() == 0;
    q.finish();
    if (!existed || (empty && applicationId == 0)) {
        (void)q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        q.finish();
        QString error;
        if (!applySchema(SchemaStatements, &error)) {
            *why = error;
            return Check::Unreadable;
        }
    } else if (applicationId != ApplicationId) {
        *why = HostText::english(HostText::NotAStore);
        return Check::NotAStore;
    } else if (version > SchemaVersion) {
        *why = HostText::english(HostText::StoreNewer).arg(version).arg(SchemaVersion);
        return Check::Newer;
    } else if (version == 1) {
        // A file that cannot take the upgrade (read-only) is read as it is: see open().
        QString error;
        if (!applySchema(UpgradeFrom1, &error))
            qCWarning(lcServer, "the store %s cannot be upgraded: %s", qPrintable(m_path),
                      qPrintable(error));
    }
    // A file that stopped being WAL (or never was, read-only) works as it is.
    (void)q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    q.finish();
    // FULL: a commit is on the disk before the ack goes out, so a power cut loses no
    // acknowledged message either (0.4 ms a commit here, shared by every message in it).
    (void)q.exec(QStringLiteral("PRAGMA synchronous=FULL"));
    q.finish();
    // 64 MiB of page cache (SQLite's default is 2 MiB): past a few hundred thousand messages
    // the full-text index's pages no longer fit in 2 MiB, and every commit read them back.
    (void)q.exec(QStringLiteral("PRAGMA cache_size=-65536"));
    q.finish();
    return Check::Usable;
}

template<std::size_t N>
bool StoreFile::applySchema(const char *const (&statements)[N], QString *error)
{
    if (!m_db.transaction()) {
        *error = describe(m_db.lastError());
        return false;
    }
    QSqlQuery q(m_db);
    for (const char *statement : statements) {
        if (!q.exec(QLatin1String(statement))) {
            *error = describe(q.lastError());
            m_db.rollback();
            return false;
        }
    }
    if (!q.exec(QStringLiteral("PRAGMA application_id=%1").arg(ApplicationId))
        || !q.exec(QStringLiteral("PRAGMA user_version=%1").arg(SchemaVersion))) {
        *error = describe(q.lastError());
        m_db.rollback();
        return false;
    }
    if (!m_db.commit()) {
        *error = describe(m_db.lastError());
        return false;
    }
    return true;
}

QString StoreFile::moveAside(const QString &why, QString *error)
{
    closeConnection();
    const QString aside = m_path + QStringLiteral(".damaged-")
        + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    if (!QFile::rename(m_path, aside)) {
        *error = HostText::english(HostText::StoreStuck).arg(m_path, why, aside);
        return QString();
    }
    for (const char *suffix : {"-wal", "-shm"}) {
        if (QFile::exists(m_path + QLatin1String(suffix)))
            QFile::rename(m_path + QLatin1String(suffix), aside + QLatin1String(suffix));
    }
    return HostText::english(HostText::StoreMovedAside).arg(m_path, why, aside);
}

QList<StoredRoom> StoreFile::readRooms(int recentPerRoom, bool *ok)
{
    QList<StoredRoom> rooms;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    *ok = q.exec(QStringLiteral(
        "SELECT r.id, r.name, max(r.last_id, coalesce((SELECT max(id) FROM messages m"
        " WHERE m.room = r.id), 0)), (SELECT count(*) FROM messages m WHERE m.room = r.id)"
        " FROM rooms r ORDER BY r.name"));
    if (!*ok)
        return rooms;
    QList<qint64> keys;
    while (q.next()) {
        StoredRoom room;
        keys.append(q.value(0).toLongLong());
        room.name = q.value(1).toString();
        room.lastId = q.value(2).toLongLong();
        room.messages = q.value(3).toLongLong();
        rooms.append(room);
    }
    QSqlQuery recent(m_db);
    recent.setForwardOnly(true);
    recent.prepare(QStringLiteral(
        "SELECT id, text, event FROM messages WHERE room = ? ORDER BY id DESC LIMIT ?"));
    for (int i = 0; i < rooms.size(); ++i) {
        m_roomKeys.insert(rooms[i].name, keys[i]);
        if (recentPerRoom <= 0)
            continue;
        recent.addBindValue(keys[i]);
        recent.addBindValue(recentPerRoom);
        if (!recent.exec()) {
            *ok = false;
            return rooms;
        }
        while (recent.next()) {
            StoredMessage m;
            m.room = rooms[i].name;
            m.id = recent.value(0).toLongLong();
            m.text = recent.value(1).toString();
            m.event = recent.value(2).toByteArray();
            rooms[i].recent.prepend(m);
        }
    }
    return rooms;
}

qint64 StoreFile::roomKey(const QString &room)
{
    const auto found = m_roomKeys.constFind(room);
    if (found != m_roomKeys.constEnd())
        return *found;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO rooms (name) VALUES (?)"));
    q.addBindValue(room);
    if (!q.exec())
        return -1;
    const qint64 key = q.lastInsertId().toLongLong();
    m_roomKeys.insert(room, key);
    return key;
}

void StoreFile::readIndexState()
{
    QSqlQuery q(m_db);
    m_lastSeq = q.exec(QStringLiteral("SELECT coalesce(max(seq), 0) FROM messages")) && q.next()
        ? q.value(0).toLongLong()
        : 0;
    q.finish();
    // Schema 1 (a read-only file not upgraded) has no words_indexed: its trigger indexed all.
    m_indexedUpto = q.exec(QStringLiteral("SELECT upto FROM words_indexed")) && q.next()
        ? q.value(0).toLongLong()
        : m_lastSeq;
    // A seq is never used twice, even after the newest rows were deleted: the index knows it.
    m_lastSeq = qMax(m_lastSeq, m_indexedUpto);
}

bool StoreFile::write(const QList<StoredMessage> &messages, QString *error)
{
    if (!m_db.transaction()) {
        *error = describe(m_db.lastError());
        return false;
    }
    const QHash<QString, qint64> keysBefore = m_roomKeys;
    const qint64 lastSeqBefore = m_lastSeq;
    auto fail = [&](const QSqlError &e) {
        *error = describe(e);
        m_db.rollback();
        m_roomKeys = keysBefore; // rooms inserted in the rolled-back transaction are gone
        m_lastSeq = lastSeqBefore;
        return false;
    };
    QSqlQuery insert(m_db);
    insert.prepare(
        QStringLiteral("INSERT INTO messages (seq, room, id, text, event) VALUES (?, ?, ?, ?, ?)"));
    QHash<qint64, qint64> newestByRoom;
    for (const StoredMessage &m : messages) {
        const qint64 key = roomKey(m.room);
        if (key < 0)
            return fail(m_db.lastError());
        insert.addBindValue(++m_lastSeq);
        insert.addBindValue(key);
        insert.addBindValue(m.id);
        insert.addBindValue(m.text);
        // As bytes (a BLOB): the event is UTF-8 already, and goes back out as it came in.
        insert.addBindValue(m.event);
        if (!insert.exec())
            return fail(insert.lastError());
        qint64 &newest = newestByRoom[key];
        newest = qMax(newest, m.id);
    }
    QSqlQuery update(m_db);
    update.prepare(QStringLiteral("UPDATE rooms SET last_id = max(last_id, ?) WHERE id = ?"));
    for (auto it = newestByRoom.cbegin(); it != newestByRoom.cend(); ++it) {
        update.addBindValue(it.value());
        update.addBindValue(it.key());
        if (!update.exec())
            return fail(update.lastError());
    }
    if (!m_db.commit())
        return fail(m_db.lastError());
    m_messageCount += messages.size();
    return true;
}

int StoreFile::indexWords(int maxMessages, QString *error)
{
    if (m_indexedUpto >= m_lastSeq)
        return 0;
    if (!m_db.transaction()) {
        *error = describe(m_db.lastError());
        return -1;
    }
    auto fail = [&](const QSqlError &e) {
        *error = describe(e);
        m_db.rollback();
        return -1;
    };
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT count(*), max(seq) FROM (SELECT seq FROM messages"
                             " WHERE seq > ? ORDER BY seq LIMIT ?)"));
    q.addBindValue(m_indexedUpto);
    q.addBindValue(maxMessages);
    if (!q.exec() || !q.next())
        return fail(q.lastError());
    const int count = q.value(0).toInt();
    // No row left past upto (the newest were deleted): the index is up to date all the same.
    const qint64 upto = count > 0 ? q.value(1).toLongLong() : m_lastSeq;
    q.finish();
    q.prepare(QStringLiteral("INSERT INTO message_words (rowid, text)"
                             " SELECT seq, text FROM messages WHERE seq > ? AND seq <= ?"));
    q.addBindValue(m_indexedUpto);
    q.addBindValue(upto);
    if (!q.exec())
        return fail(q.lastError());
    q.prepare(QStringLiteral("UPDATE words_indexed SET upto = ?"));
    q.addBindValue(upto);
    if (!q.exec())
        return fail(q.lastError());
    if (!m_db.commit())
        return fail(m_db.lastError());
    m_indexedUpto = upto;
    return count;
}

void StoreFile::checkpoint()
{
    QSqlQuery q(m_db);
    (void)q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"));
}

qint64 StoreFile::applyRetention(const QStringList &rooms, int keep)
{
    if (keep <= 0 || !m_db.transaction())
        return 0;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM messages WHERE room = ? AND id <= "
                             "(SELECT last_id FROM rooms WHERE id = ?) - ?"));
    qint64 deleted = 0;
    for (const QString &room : rooms) {
        const qint64 key = m_roomKeys.value(room, -1);
        if (key < 0)
            continue;
        q.addBindValue(key);
        q.addBindValue(key);
        q.addBindValue(keep);
        if (!q.exec()) {
            m_db.rollback();
            return 0;
        }
        deleted += q.numRowsAffected();
    }
    if (!m_db.commit())
        return 0;
    m_messageCount -= deleted;
    return deleted;
}

HistoryPage StoreFile::history(const QString &room, qint64 before, int limit) const
{
    HistoryPage page;
    const qint64 key = m_roomKeys.value(room, -1);
    if (key < 0)
        return page;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT event FROM messages WHERE room = ? AND id < ? ORDER BY id DESC LIMIT ?"));
    q.addBindValue(key);
    q.addBindValue(before > 0 ? before : std::numeric_limits<qint64>::max());
    q.addBindValue(limit + 1);
    if (!q.exec())
        return page;
    while (q.next()) {
        if (page.events.size() == limit) {
            page.more = true;
            break;
        }
        page.events.prepend(q.value(0).toByteArray());
    }
    return page;
}

QList<QByteArray> StoreFile::search(const QStringList &rooms, const TextQuery &query,
                                    int limit) const
{
    QList<QByteArray> found;
    QStringList keys;
    for (const QString &room : rooms) {
        const qint64 key = m_roomKeys.value(room, -1);
        if (key >= 0)
            keys.append(QString::number(key));
    }
    if (keys.isEmpty() || !query.isValid())
        return found;
    const QString inRooms = keys.join(QLatin1Char(','));
    // The newest messages are not in the index yet (see indexWords()): read and matched here.
    // `+room`: by seq alone, or SQLite walks the room's whole (room, id) index to find them
    // (60 ms a search in a room of a million, bench/store-latency).
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT event, text FROM messages WHERE seq > ? AND +room IN (%1)"
                             " ORDER BY seq DESC")
                  .arg(inRooms));
    q.addBindValue(m_indexedUpto);
    if (!q.exec())
        return found;
    while (found.size() < limit && q.next()) {
        if (query.matches(q.value(1).toString()))
            found.append(q.value(0).toByteArray());
    }
    q.finish();
    if (found.size() == limit)
        return found;
    q.prepare(QStringLiteral("SELECT m.event FROM message_words JOIN messages m"
                             " ON m.seq = message_words.rowid WHERE message_words MATCH ?"
                             " AND m.room IN (%1) ORDER BY message_words.rowid DESC LIMIT ?")
                  .arg(inRooms));
    q.addBindValue(query.ftsExpression());
    q.addBindValue(limit - int(found.size()));
    if (!q.exec())
        return found;
    while (q.next())
        found.append(q.value(0).toByteArray());
    return found;
}

QList<QByteArray> StoreFile::allMessages(const QString &room) const
{
    QList<QByteArray> events;
    const qint64 key = m_roomKeys.value(room, -1);
    if (key < 0)
        return events;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT event FROM messages WHERE room = ? ORDER BY id"));
    q.addBindValue(key);
    if (!q.exec())
        return events;
    while (q.next())
        events.append(q.value(0).toByteArray());
    return events;
}

bool StoreFile::clearRoom(const QString &room, QString *error)
{
    const qint64 key = m_roomKeys.value(room, -1);
    if (key < 0)
        return true;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM messages WHERE room = ?"));
    q.addBindValue(key);
    if (!q.exec()) {
        *error = describe(q.lastError());
        return false;
    }
    m_messageCount -= q.numRowsAffected();
    return true;
}

qint64 StoreFile::bytes() const
{
    if (m_path.isEmpty())
        return 0;
    return QFileInfo(m_path).size() + QFileInfo(m_path + QStringLiteral("-wal")).size();
}

void StoreFile::closeConnection()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
    }
    if (QSqlDatabase::contains(m_connectionName))
        QSqlDatabase::removeDatabase(m_connectionName);
    m_roomKeys.clear();
}

void StoreFile::close()
{
    if (m_db.isOpen()) {
        QSqlQuery q(m_db);
        (void)q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        q.finish();
    }
    closeConnection();
    if (m_lock) {
        m_lock->unlock();
        m_lock.reset();
    }
}
