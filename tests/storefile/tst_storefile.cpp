#include "server/roomstore_p.h"
#include "server/storefile_p.h"
#include "server/textquery_p.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

// A stored message whose event is recognisable by its room and id.
StoredMessage message(const QString &room, qint64 id, const QString &text)
{
    StoredMessage m;
    m.room = room;
    m.id = id;
    m.text = text;
    m.event = u"{\"room\":\"%1\",\"id\":%2}"_s.arg(room).arg(id).toUtf8();
    return m;
}

// The ids of the events, in their order.
QList<qint64> idsOf(const QList<QByteArray> &events)
{
    QList<qint64> ids;
    for (const QByteArray &event : events) {
        const qsizetype at = event.indexOf("\"id\":") + 5;
        ids.append(event.mid(at, event.indexOf('}', at) - at).toLongLong());
    }
    return ids;
}

// Runs SQL on the file through a connection of its own; the first row's first value.
QVariant sql(const QString &path, const QString &statement)
{
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"tst-storefile-sql"_s);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(statement) && q.next())
                value = q.value(0);
            else if (q.lastError().isValid())
                value = u"error: "_s + q.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"tst-storefile-sql"_s);
    return value;
}

} // namespace

class tst_StoreFile : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void searchSeesMessagesBeforeTheyAreIndexed_data();
    void searchSeesMessagesBeforeTheyAreIndexed();
    void deletingUnindexedMessagesKeepsTheIndexWhole();
    void seqIsNotReusedAfterTheNewestAreDeleted();
    void schemaOneIsUpgraded();
    void storeIndexesWhenIdleAndKeepsPacePastTheCap();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

void tst_StoreFile::init()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(u"%1.sqlite"_s.arg(QString::fromLatin1(QTest::currentTestFunction())));
    QFile::remove(m_path);
}

void tst_StoreFile::searchSeesMessagesBeforeTheyAreIndexed_data()
{
    QTest::addColumn<int>("indexedFirst"); // how many of the 6 messages are indexed
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QList<qint64>>("expected"); // newest first

    // Messages 1..6 in lobby; odd ids say "apple pie", even ids "banana split".
    const QList<int> splits = {0, 3, 6};
    for (int indexed : splits) {
        const QByteArray tag = "indexed " + QByteArray::number(indexed);
        QTest::newRow(tag + ", all apples")
            << indexed << u"apple"_s << 50 << QList<qint64> {5, 3, 1};
        QTest::newRow(tag + ", prefix, two words")
            << indexed << u"BAN spl"_s << 50 << QList<qint64> {6, 4, 2};
        QTest::newRow(tag + ", limit across the boundary")
            << indexed << u"pie"_s << 2 << QList<qint64> {5, 3};
        QTest::newRow(tag + ", no match") << indexed << u"cherry"_s << 50 << QList<qint64> {};
    }
}

void tst_StoreFile::searchSeesMessagesBeforeTheyAreIndexed()
{
    QFETCH(int, indexedFirst);
    QFETCH(QString, query);
    QFETCH(int, limit);
    QFETCH(QList<qint64>, expected);

    StoreFile file(u"search"_s);
    QCOMPARE(file.open(m_path, 0).outcome, StoreFile::Opening::Outcome::Opened);
    QList<StoredMessage> first, second;
    for (int id = 1; id <= 6; ++id) {
        (id <= indexedFirst ? first : second)
            .append(message(u"lobby"_s, id, id % 2 ? u"apple pie"_s : u"banana split"_s));
    }
    QString error;
    if (!first.isEmpty()) {
        QVERIFY2(file.write(first, &error), qPrintable(error));
        QCOMPARE(file.indexWords(1000, &error), first.size());
    }
    if (!second.isEmpty())
        QVERIFY2(file.write(second, &error), qPrintable(error));
    QCOMPARE(file.unindexedCount(), qint64(second.size()));
    // Another room's matching messages never show.
    QVERIFY(file.write({message(u"other"_s, 1, u"apple banana pie split"_s)}, &error));

    QCOMPARE(idsOf(file.search({u"lobby"_s}, TextQuery(query), limit)), expected);
    // Indexed since: the same answer from the index alone.
    QVERIFY(file.indexWords(1000, &error) > 0);
    QCOMPARE(file.unindexedCount(), 0);
    QCOMPARE(idsOf(file.search({u"lobby"_s}, TextQuery(query), limit)), expected);
}

void tst_StoreFile::deletingUnindexedMessagesKeepsTheIndexWhole()
{
    {
        StoreFile file(u"delete"_s);
        QCOMPARE(file.open(m_path, 0).outcome, StoreFile::Opening::Outcome::Opened);
        QString error;
        QList<StoredMessage> batch;
        for (int id = 1; id <= 10; ++id)
            batch.append(message(u"lobby"_s, id, u"word%1 common"_s.arg(id)));
        QVERIFY(file.write(batch, &error));
        QCOMPARE(file.indexWords(4, &error), 4); // 1..4 indexed, 5..10 not
        // Retention deletes indexed and unindexed messages alike.
        QCOMPARE(file.applyRetention({u"lobby"_s}, 3), 7);
        QCOMPARE(idsOf(file.search({u"lobby"_s}, TextQuery(u"common"_s), 50)),
                 (QList<qint64> {10, 9, 8}));
        QCOMPARE(file.indexWords(100, &error), 3);
        QCOMPARE(idsOf(file.search({u"lobby"_s}, TextQuery(u"word9"_s), 50)), QList<qint64> {9});
        QVERIFY(file.search({u"lobby"_s}, TextQuery(u"word2"_s), 50).isEmpty());
        QVERIFY(file.clearRoom(u"lobby"_s, &error));
        QVERIFY(file.search({u"lobby"_s}, TextQuery(u"common"_s), 50).isEmpty());
        file.close();
    }
    // FTS5's own check: the index holds exactly the words of the messages there are.
    QCOMPARE(sql(m_path,
                 u"INSERT INTO message_words (message_words, rank)"
                 " VALUES ('integrity-check', 1)"_s),
             QVariant());
    QCOMPARE(sql(m_path, u"SELECT count(*) FROM message_words WHERE message_words MATCH 'common'"_s)
                 .toInt(),
             0);
}

void tst_StoreFile::seqIsNotReusedAfterTheNewestAreDeleted()
{
    QString error;
    {
        StoreFile file(u"seq"_s);
        QCOMPARE(file.open(m_path, 0).outcome, StoreFile::Opening::Outcome::Opened);
        QVERIFY(file.write({message(u"a"_s, 1, u"old"_s), message(u"b"_s, 1, u"gone"_s)}, &error));
        QCOMPARE(file.indexWords(100, &error), 2);
        QVERIFY(file.clearRoom(u"b"_s, &error)); // the newest seq is deleted
        file.close();
    }
    StoreFile file(u"seq"_s);
    QCOMPARE(file.open(m_path, 0).outcome, StoreFile::Opening::Outcome::Opened);
    QVERIFY(file.write({message(u"a"_s, 2, u"fresh"_s)}, &error));
    QCOMPARE(file.unindexedCount(), 1);
    QCOMPARE(idsOf(file.search({u"a"_s}, TextQuery(u"fresh"_s), 50)), QList<qint64> {2});
    QCOMPARE(file.indexWords(100, &error), 1);
    QCOMPARE(idsOf(file.search({u"a"_s}, TextQuery(u"fresh"_s), 50)), QList<qint64> {2});
    file.close();
    QCOMPARE(sql(m_path, u"SELECT max(seq) FROM messages"_s).toInt(), 3);
    QCOMPARE(sql(m_path,
                 u"INSERT INTO message_words (message_words, rank)"
                 " VALUES ('integrity-check', 1)"_s),
             QVariant());
}

void tst_StoreFile::schemaOneIsUpgraded()
{
    // A store as the first version wrote it: words indexed by a trigger in the same transaction.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"schema-one"_s);
        db.setDatabaseName(m_path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        const QStringList statements = {
            u"PRAGMA journal_mode=WAL"_s,
            u"CREATE TABLE rooms (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
            " last_id INTEGER NOT NULL DEFAULT 0)"_s,
            u"CREATE TABLE messages (seq INTEGER PRIMARY KEY, room INTEGER NOT NULL,"
            " id INTEGER NOT NULL, text TEXT NOT NULL, event TEXT NOT NULL, UNIQUE (room, id))"_s,
            u"CREATE VIRTUAL TABLE message_words USING fts5(text, content='messages',"
            " content_rowid='seq', tokenize='unicode61 remove_diacritics 0')"_s,
            u"CREATE TRIGGER messages_indexed AFTER INSERT ON messages BEGIN"
            " INSERT INTO message_words (rowid, text) VALUES (new.seq, new.text); END"_s,
            u"CREATE TRIGGER messages_unindexed AFTER DELETE ON messages BEGIN"
            " INSERT INTO message_words (message_words, rowid, text)"
            " VALUES ('delete', old.seq, old.text); END"_s,
            u"INSERT INTO rooms (name, last_id) VALUES ('lobby', 2)"_s,
            u"INSERT INTO messages (room, id, text, event) VALUES"
            " (1, 1, 'hello there', '{\"room\":\"lobby\",\"id\":1}'),"
            " (1, 2, 'hello again', '{\"room\":\"lobby\",\"id\":2}')"_s,
            u"PRAGMA application_id=%1"_s.arg(StoreFile::ApplicationId),
            u"PRAGMA user_version=1"_s,
        };
        for (const QString &statement : statements)
            QVERIFY2(q.exec(statement), qPrintable(statement + q.lastError().text()));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"schema-one"_s);

    {
        StoreFile file(u"upgraded"_s);
        const StoreFile::Opening opening = file.open(m_path, 10);
        QCOMPARE(opening.outcome, StoreFile::Opening::Outcome::Opened);
        QVERIFY2(opening.writable, qPrintable(opening.error));
        QVERIFY(opening.movedAside.isEmpty());
        QCOMPARE(opening.rooms.size(), 1);
        QCOMPARE(opening.rooms.first().lastId, 2);
        QCOMPARE(file.unindexedCount(), 0); // schema 1 had indexed them all
        QString error;
        QVERIFY(file.write({message(u"lobby"_s, 3, u"hello once more"_s)}, &error));
        QCOMPARE(idsOf(file.search({u"lobby"_s}, TextQuery(u"hello"_s), 50)),
                 (QList<qint64> {3, 2, 1}));
        QCOMPARE(file.indexWords(100, &error), 1);
        QCOMPARE(idsOf(file.search({u"lobby"_s}, TextQuery(u"hello"_s), 50)),
                 (QList<qint64> {3, 2, 1}));
        QCOMPARE(file.applyRetention({u"lobby"_s}, 1), 2);
        file.close();
    }
    QCOMPARE(sql(m_path, u"PRAGMA user_version"_s).toInt(), StoreFile::SchemaVersion);
    QCOMPARE(sql(m_path,
                 u"INSERT INTO message_words (message_words, rank)"
                 " VALUES ('integrity-check', 1)"_s),
             QVariant());
    QCOMPARE(sql(m_path, u"SELECT count(*) FROM message_words WHERE message_words MATCH 'hello'"_s)
                 .toInt(),
             1);
}

void tst_StoreFile::storeIndexesWhenIdleAndKeepsPacePastTheCap()
{
    RoomStore store;
    QCOMPARE(store.open(m_path, 0, 0).outcome, StoreFile::Opening::Outcome::Opened);
    QSignalSpy committed(&store, &RoomStore::committed);
    // More than the cap in one burst: past it the index keeps pace within the same drain.
    const int burst = RoomStore::MaxUnindexed + 3 * RoomStore::IndexStep;
    qint64 last = 0;
    for (int id = 1; id <= burst; ++id)
        last = store.append(message(u"lobby"_s, id, u"line %1 of the burst"_s.arg(id)));
    QTRY_VERIFY_WITH_TIMEOUT(!committed.isEmpty() && committed.last().first().toLongLong() == last,
                             60000);
    QCOMPARE(store.status().messages, burst);
    QVERIFY2(store.status().unindexed <= RoomStore::MaxUnindexed,
             qPrintable(QString::number(store.status().unindexed)));
    // Then, once quiet, everything gets indexed.
    QTRY_COMPARE_WITH_TIMEOUT(store.status().unindexed, 0, 60000);
    QList<QByteArray> found;
    bool answered = false;
    store.search({u"lobby"_s}, u"burst"_s, 3, [&](const QList<QByteArray> &events) {
        found = events;
        answered = true;
    });
    QTRY_VERIFY(answered);
    QCOMPARE(idsOf(found), (QList<qint64> {burst, burst - 1, burst - 2}));
    store.close();
    QCOMPARE(sql(m_path, u"SELECT upto FROM words_indexed"_s).toInt(), burst);
}

QTEST_GUILESS_MAIN(tst_StoreFile)
#include "tst_storefile.moc"
