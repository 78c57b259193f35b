// The room store (contract: additions-2.md section 1): history that survives a restart and a
// kill -9 under load, retention, files that are not a usable store, and writes that fail. The
// in-process tests use TestServer; the others run the real headless binary on a temporary file.
#include "../common/filemodes.h"
#include "../common/roomhistory.h"
#include "../common/testserver.h"
#include "server/roomstore_p.h"
#include "server/storefile_p.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <map>

using namespace Qt::Literals::StringLiterals;

namespace {

QJsonObject request(const char *type, const QJsonObject &fields)
{
    QJsonObject r = fields;
    r.insert(u"type"_s, QLatin1String(type));
    return r;
}

QList<qint64> idsOf(const QJsonArray &messages)
{
    QList<qint64> ids;
    for (const QJsonValue &m : messages)
        ids.append(m.toObject().value("id"_L1).toInteger());
    return ids;
}

QList<qint64> range(qint64 first, qint64 last)
{
    QList<qint64> ids;
    for (qint64 id = first; id <= last; ++id)
        ids.append(id);
    return ids;
}

QByteArray contentsOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Sends r with a ref of its own and reads the reply to it; the frames before it stay in
// client.frames (acks and broadcasts a test looks at afterwards).
bool ask(TestClient &client, QJsonObject r, QJsonObject *reply)
{
    static int asked = 0;
    const QString ref = u"ask-%1"_s.arg(++asked);
    r.insert(u"ref"_s, ref);
    client.send(r);
    while (client.next(reply)) {
        if (reply->value("ref"_L1).toString() == ref)
            return true;
    }
    return false;
}

// Every message of the room that client is in, read back in pages of 200 from the newest:
// id -> text, oldest first. False when a page is not a history reply, ids do not rise within
// and across pages, or `more` is wrong at an end.
bool readAllHistory(TestClient &client, const QString &room, QList<QPair<qint64, QString>> *out)
{
    out->clear();
    qint64 before = 0;
    for (;;) {
        QJsonObject r {{u"room"_s, room}, {u"limit"_s, 200}};
        if (before > 0)
            r.insert(u"before"_s, before);
        QJsonObject reply;
        if (!ask(client, request("history", r), &reply)
            || reply.value("type"_L1).toString() != "history"_L1) {
            qWarning() << "not a history reply:" << reply;
            return false;
        }
        const QJsonArray messages = reply.value("messages"_L1).toArray();
        QList<QPair<qint64, QString>> page;
        for (const QJsonValue &m : messages) {
            const QJsonObject o = m.toObject();
            if (o.value("room"_L1).toString() != room)
                return false;
            page.append({o.value("id"_L1).toInteger(), o.value("text"_L1).toString()});
        }
        for (qsizetype i = 1; i < page.size(); ++i) {
            if (page[i].first <= page[i - 1].first) {
                qWarning() << "ids do not rise within a page at" << page[i].first;
                return false;
            }
        }
        if (!page.isEmpty() && !out->isEmpty()
            && page.constLast().first >= out->constFirst().first) {
            qWarning() << "a page ends at" << page.constLast().first << "after"
                       << out->constFirst().first;
            return false;
        }
        *out = page + *out;
        const bool more = reply.value("more"_L1).toBool();
        if (!more)
            return true;
        if (page.isEmpty()) {
            qWarning() << "an empty page says there is more";
            return false;
        }
        before = page.constFirst().first;
    }
}

// The real headless wsroom on a store file; killed if still running when it goes.
class Wsroom
{
    Q_DISABLE_COPY_MOVE(Wsroom)

public:
    Wsroom() { process.setProcessChannelMode(QProcess::SeparateChannels); }
    ~Wsroom()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(TestClient::Timeout);
        }
    }

    // The usual arguments on store, then extra.
    static QStringList arguments(const QString &store, const QStringList &extra = {})
    {
        return QStringList {u"--headless"_s, u"--port"_s,  u"0"_s, u"--rate-limit"_s,
                            u"0"_s,          u"--store"_s, store}
        + extra;
    }
    // Starts wsroom with arguments; with a shell prelude, under sh -c "prelude; exec wsroom".
    void launch(const QStringList &args, const QString &prelude = QString())
    {
        if (prelude.isEmpty()) {
            process.start(QStringLiteral(WSROOM_BINARY), args);
        } else {
            process.start(u"sh"_s,
                          QStringList {u"-c"_s, prelude + u"; exec \"$0\" \"$@\""_s,
                                       QStringLiteral(WSROOM_BINARY)}
                              + args);
        }
    }
    // Launches and waits for the "listening" line; false if wsroom ended or said nothing.
    bool start(const QStringList &args, const QString &prelude = QString())
    {
        launch(args, prelude);
        if (!process.waitForStarted(TestClient::Timeout))
            return false;
        if (!QTest::qWaitFor(
                [this] { return process.canReadLine() || process.state() == QProcess::NotRunning; },
                TestClient::Timeout)
            || !process.canReadLine()) {
            qWarning() << "wsroom did not listen:" << errors();
            return false;
        }
        const QString line = QString::fromUtf8(process.readLine());
        const QRegularExpressionMatch match
            = QRegularExpression(u"^wsroom: listening on ws://127\\.0\\.0\\.1:(\\d+)/"_s)
                  .match(line);
        if (!match.hasMatch()) {
            qWarning() << "not a listening line:" << line;
            return false;
        }
        port = match.captured(1).toUShort();
        return true;
    }
    // ws://127.0.0.1:<port><pathAndQuery>
    QUrl url(const QString &pathAndQuery) const
    {
        return QUrl(u"ws://127.0.0.1:%1%2"_s.arg(port).arg(pathAndQuery));
    }
    // Everything wsroom wrote to stderr so far.
    QString errors()
    {
        m_errors += process.readAllStandardError();
        return QString::fromUtf8(m_errors);
    }
    // The lines of stderr so far that hold part.
    QStringList errorLines(const QString &part)
    {
        QStringList lines = errors().split(u'\n', Qt::SkipEmptyParts);
        lines.removeIf([&](const QString &line) { return !line.contains(part); });
        return lines;
    }
    // SIGTERM, and waits for a clean exit.
    bool stop()
    {
        process.terminate();
        return process.waitForFinished(TestClient::Timeout)
            && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    }

    QProcess process;
    quint16 port = 0;

private:
    QByteArray m_errors;
};

// A member of room that posts messages with refs and keeps what came back: the acks by ref, and
// the ids of the broadcasts it saw.
struct Poster
{
    TestClient client;
    QString room;
    int posted = 0;

    // Joins room on wsroom (or any server at url).
    bool open(const QUrl &chatUrl, const QString &name, const QString &roomName)
    {
        room = roomName;
        QUrl url = chatUrl;
        url.setQuery(u"name=%1&room=%2"_s.arg(name, room));
        return client.openNative(url, true);
    }
    // The text of the poster's message n.
    QString textOf(int n) const
    {
        return u"%1 says %2 in %3"_s.arg(client.memberName).arg(n).arg(room);
    }
    // Posts the next message with ref its number; that number.
    int post()
    {
        ++posted;
        client.send(request("message",
                            {{u"room"_s, room}, {u"text"_s, textOf(posted)}, {u"ref"_s, posted}}));
        return posted;
    }
    // The acks received so far: ref -> id.
    std::map<int, qint64> acks() const
    {
        std::map<int, qint64> found;
        for (const QString &frame : client.frames) {
            const QJsonObject o = QJsonDocument::fromJson(frame.toUtf8()).object();
            if (o.value("type"_L1).toString() == "ack"_L1)
                found[o.value("ref"_L1).toInt()] = o.value("id"_L1).toInteger();
        }
        return found;
    }
    // Waits for the ack of ref n; its id, or 0.
    qint64 waitAck(int n, int timeout = TestClient::Timeout)
    {
        qint64 id = 0;
        (void)QTest::qWaitFor(
            [&] {
                const auto found = acks();
                const auto it = found.find(n);
                id = it == found.end() ? 0 : it->second;
                return id != 0;
            },
            timeout);
        return id;
    }
};

// A file's bytes and modification time, to tell whether anything wrote to it.
struct FileState
{
    QByteArray bytes;
    QDateTime modified;
    static FileState of(const QString &path)
    {
        return {contentsOf(path), QFileInfo(path).lastModified()};
    }
    bool operator==(const FileState &other) const
    {
        return bytes == other.bytes && modified == other.modified;
    }
};

using FileModes::modeOf;

} // namespace

class tst_RoomStore : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_server.init();
        m_dir = std::make_unique<QTemporaryDir>();
    }
    // The server goes before its folder, so that it can let go of its lock file.
    void cleanup()
    {
        m_server.cleanup();
        m_dir.reset();
    }

    void restartKeepsHistory();
    void storedOnlyRoomComesBack();
    void retention();
    void killUnderLoad_data();
    void killUnderLoad();
    void secondProcessIsRefused();
    void unusableFileIsMovedAside_data();
    void unusableFileIsMovedAside();
    void filesArePrivate_data();
    void filesArePrivate();
    void fileThatCannotGrow();
    void readOnlyFile();

private:
    // Starts m_server on the store file with history messages in memory per room.
    bool startOn(const QString &file, int history = 50, int retention = 100000);

    TestServer m_server;
    std::unique_ptr<QTemporaryDir> m_dir; // each test's store, in a folder of its own
};

bool tst_RoomStore::startOn(const QString &file, int history, int retention)
{
    return m_server.start([&](ServerConfig &c) {
        c.storeFile = file;
        c.history = history;
        c.retention = retention;
    });
}

void tst_RoomStore::restartKeepsHistory()
{
    QTemporaryDir &dir = *m_dir;
    const QString file = dir.filePath(u"rooms.sqlite"_s);
    QVERIFY(startOn(file));
    QVERIFY(RoomHistory::post(m_server, u"lobby"_s, 300));
    // physics: emptied and gone when its poster leaves, so after the restart only in the store.
    QVERIFY(RoomHistory::post(m_server, u"physics"_s, 100));
    QCOMPARE(m_server.status().value("store"_L1).toObject().value("messages"_L1).toInteger(), 400);

    m_server.init(); // stops the server and its store
    QVERIFY(startOn(file));
    const QJsonObject store = m_server.status().value("store"_L1).toObject();
    QCOMPARE(store.value("path"_L1).toString(), file);
    QCOMPARE(store.value("messages"_L1).toInteger(), 400);
    QVERIFY(store.value("bytes"_L1).toInteger() > 0);
    QVERIFY(store.value("error"_L1).isNull());
    const QByteArray metrics = m_server.http("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY2(metrics.contains("\nwsroom_store_messages 400\n"), metrics.constData());
    QVERIFY2(metrics.contains("\nwsroom_store_writable 1\n"), metrics.constData());

    TestClient reader;
    QVERIFY(reader.openNative(m_server.url(u"/chat?name=reader&room=lobby"_s)));
    QJsonObject joined;
    QVERIFY(reader.nextOfType(u"joined"_s, &joined));
    const QJsonArray recent = joined.value("history"_L1).toArray();
    QCOMPARE(idsOf(recent), range(251, 300)); // config.history
    for (const QJsonValue &m : recent) {
        QCOMPARE(m.toObject().value("text"_L1).toString(),
                 RoomHistory::textOf(int(m.toObject().value("id"_L1).toInteger())));
    }

    // Back through all 300 in pages of 200, `more` right at both ends.
    QJsonObject reply;
    QVERIFY(ask(reader, request("history", {{u"room"_s, u"lobby"_s}, {u"limit"_s, 200}}), &reply));
    QCOMPARE(idsOf(reply.value("messages"_L1).toArray()), range(101, 300));
    QCOMPARE(reply.value("more"_L1).toBool(), true);
    QVERIFY(
        ask(reader,
            request("history", {{u"room"_s, u"lobby"_s}, {u"before"_s, 101}, {u"limit"_s, 200}}),
            &reply));
    const QJsonArray oldest = reply.value("messages"_L1).toArray();
    QCOMPARE(idsOf(oldest), range(1, 100));
    QCOMPARE(reply.value("more"_L1).toBool(), false);
    for (const QJsonValue &m : oldest) {
        QCOMPARE(m.toObject().value("text"_L1).toString(),
                 RoomHistory::textOf(int(m.toObject().value("id"_L1).toInteger())));
        QCOMPARE(m.toObject().value("from"_L1).toObject().value("name"_L1).toString(), u"poster"_s);
    }
    QVERIFY(ask(reader, request("history", {{u"room"_s, u"lobby"_s}, {u"before"_s, 1}}), &reply));
    QCOMPARE(reply.value("messages"_L1).toArray().size(), 0);
    QCOMPARE(reply.value("more"_L1).toBool(), false);
    QList<QPair<qint64, QString>> all;
    QVERIFY(readAllHistory(reader, u"lobby"_s, &all));
    QCOMPARE(all.size(), 300);
    for (const auto &[id, text] : std::as_const(all))
        QCOMPARE(text, RoomHistory::textOf(int(id)));

    // A room the reader is not in: not_in_room, even though the store holds it.
    QVERIFY(ask(reader, request("history", {{u"room"_s, u"physics"_s}}), &reply));
    QCOMPARE(reply.value("code"_L1).toString(), u"not_in_room"_s);
    QVERIFY(ask(reader, request("search", {{u"room"_s, u"physics"_s}, {u"query"_s, u"needle"_s}}),
                &reply));
    QCOMPARE(reply.value("code"_L1).toString(), u"not_in_room"_s);

    // Search by prefix finds the old messages, newest first.
    QVERIFY(ask(reader, request("search", {{u"room"_s, u"lobby"_s}, {u"query"_s, u"HAY need"_s}}),
                &reply));
    QCOMPARE(reply.value("type"_L1).toString(), u"search"_s);
    QCOMPARE(idsOf(reply.value("messages"_L1).toArray()), (QList<qint64> {300, 200, 100}));

    // The stored-only room comes back with its last 50 and its ids; search spans both rooms.
    QVERIFY(ask(reader, request("join", {{u"room"_s, u"physics"_s}}), &reply));
    QCOMPARE(reply.value("type"_L1).toString(), u"joined"_s);
    QCOMPARE(idsOf(reply.value("history"_L1).toArray()), range(51, 100));
    QVERIFY(ask(reader, request("search", {{u"query"_s, u"needl"_s}}), &reply));
    QVERIFY(!reply.contains("room"_L1));
    QStringList found;
    for (const QJsonValue &m : reply.value("messages"_L1).toArray()) {
        const QJsonObject o = m.toObject();
        found.append(o.value("room"_L1).toString() + u' '
                     + QString::number(o.value("id"_L1).toInteger()));
    }
    QCOMPARE(found,
             (QStringList {u"physics 100"_s, u"lobby 300"_s, u"lobby 200"_s, u"lobby 100"_s}));

    // Ids go on after the stored ones.
    for (const QString &room : {u"lobby"_s, u"physics"_s}) {
        QVERIFY(
            ask(reader, request("message", {{u"room"_s, room}, {u"text"_s, u"after"_s}}), &reply));
        QCOMPARE(reply.value("type"_L1).toString(), u"ack"_s);
        QCOMPARE(reply.value("id"_L1).toInteger(), room == "lobby"_L1 ? 301 : 101);
    }
}

void tst_RoomStore::storedOnlyRoomComesBack()
{
    QTemporaryDir &dir = *m_dir;
    QVERIFY(startOn(dir.filePath(u"rooms.sqlite"_s)));
    QVERIFY(RoomHistory::post(m_server, u"physics"_s, 5));
    // The poster has left: the room is gone from the live rooms...
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const QJsonValue &r : m_server.status().value("rooms"_L1).toArray()) {
                if (r.toObject().value("name"_L1).toString() == "physics"_L1)
                    return false;
            }
            return true;
        }(),
        TestClient::Timeout);
    // ...and joining it again brings back its messages and its ids.
    TestClient again;
    QVERIFY(again.openNative(m_server.url(u"/chat?name=again&room=physics"_s)));
    QJsonObject joined;
    QVERIFY(again.nextOfType(u"joined"_s, &joined));
    QCOMPARE(idsOf(joined.value("history"_L1).toArray()), range(1, 5));
    QJsonObject reply;
    QVERIFY(
        ask(again, request("message", {{u"room"_s, u"physics"_s}, {u"text"_s, u"six"_s}}), &reply));
    QCOMPARE(reply.value("type"_L1).toString(), u"ack"_s);
    QCOMPARE(reply.value("id"_L1).toInteger(), 6);
}

void tst_RoomStore::retention()
{
    QTemporaryDir &dir = *m_dir;
    QVERIFY(startOn(dir.filePath(u"rooms.sqlite"_s), 50, 10));
    QVERIFY(RoomHistory::post(m_server, u"lobby"_s, 30));
    // The store deletes in the background, every RoomStore::RetentionEveryMs.
    QTRY_COMPARE_WITH_TIMEOUT(
        m_server.status().value("store"_L1).toObject().value("messages"_L1).toInteger(), 10,
        4 * RoomStore::RetentionEveryMs + TestClient::Timeout);
    TestClient reader;
    QVERIFY(reader.openNative(m_server.url(u"/chat?name=reader&room=lobby"_s), true));
    QJsonObject reply;
    QVERIFY(ask(reader, request("history", {{u"room"_s, u"lobby"_s}, {u"limit"_s, 200}}), &reply));
    QCOMPARE(idsOf(reply.value("messages"_L1).toArray()), range(21, 30));
    QCOMPARE(reply.value("more"_L1).toBool(), false);
    QVERIFY(
        ask(reader, request("message", {{u"room"_s, u"lobby"_s}, {u"text"_s, u"next"_s}}), &reply));
    QCOMPARE(reply.value("id"_L1).toInteger(), 31);
}

void tst_RoomStore::killUnderLoad_data()
{
    QTest::addColumn<int>("killAfter");
    QTest::newRow("after 50 acks") << 50;
    QTest::newRow("after 500 acks") << 500;
    QTest::newRow("after 2000 acks") << 2000;
}

void tst_RoomStore::killUnderLoad()
{
    QFETCH(int, killAfter);
    constexpr int Window = 100; // messages each poster keeps in flight
    QTemporaryDir &dir = *m_dir;
    const QString file = dir.filePath(u"rooms.sqlite"_s);
    auto wsroom = std::make_unique<Wsroom>();
    QVERIFY(wsroom->start(Wsroom::arguments(file)));

    // Two posters in each of two rooms, each with Window messages in flight: every ack sends the
    // next message, and the killAfter-th ack kills wsroom at once.
    std::vector<std::unique_ptr<Poster>> posters;
    for (const QString &room : {u"alpha"_s, u"beta"_s}) {
        for (const QString &name : {u"ann"_s, u"bob"_s}) {
            posters.push_back(std::make_unique<Poster>());
            QVERIFY(posters.back()->open(wsroom->url(u"/chat"_s), name + u'-' + room, room));
        }
    }
    struct Acked
    {
        QString text;
        bool seen = false;
    };
    std::map<QPair<QString, qint64>, Acked> acked;
    int acks = 0;
    for (const auto &poster : posters) {
        Poster *p = poster.get();
        QObject::connect(&p->client.socket(), &QWebSocket::textMessageReceived, &p->client,
                         [&, p](const QString &frame) {
                             const QJsonObject o = QJsonDocument::fromJson(frame.toUtf8()).object();
                             if (o.value("type"_L1).toString() != "ack"_L1 || acks >= killAfter)
                                 return;
                             const QPair<QString, qint64> key {o.value("room"_L1).toString(),
                                                               o.value("id"_L1).toInteger()};
                             if (acked.count(key))
                                 qWarning() << "acknowledged twice:" << key;
                             acked[key].text = p->textOf(o.value("ref"_L1).toInt());
                             if (++acks == killAfter)
                                 wsroom->process.kill();
                             else
                                 p->post();
                         });
        for (int i = 0; i < Window; ++i)
            p->post();
    }
    // Polled: the posters' frames must keep flowing while it waits.
    QTRY_VERIFY_WITH_TIMEOUT(wsroom->process.state() == QProcess::NotRunning, 60000);
    QCOMPARE(wsroom->process.exitStatus(), QProcess::CrashExit);
    QCOMPARE(acks, killAfter);
    QCOMPARE(int(acked.size()), killAfter);
    int posted = 0;
    for (const auto &p : posters)
        posted += p->posted;
    QVERIFY(posted > acks); // messages were in flight when it died
    for (const auto &p : posters)
        p->client.socket().abort();

    // Again on the same file: every acknowledged message is there, with its text, once.
    wsroom = std::make_unique<Wsroom>();
    QVERIFY(wsroom->start(Wsroom::arguments(file)));
    TestClient reader;
    QVERIFY(reader.openNative(wsroom->url(u"/chat?name=reader&room=alpha"_s), true));
    QJsonObject reply;
    QVERIFY(ask(reader, request("join", {{u"room"_s, u"beta"_s}}), &reply));
    QCOMPARE(reply.value("type"_L1).toString(), u"joined"_s);
    for (const QString &room : {u"alpha"_s, u"beta"_s}) {
        QList<QPair<qint64, QString>> stored;
        QVERIFY(readAllHistory(reader, room, &stored)); // ids unique and rising
        QSet<QString> texts;
        for (const auto &[id, text] : std::as_const(stored)) {
            QVERIFY2(!texts.contains(text), qPrintable(u"stored twice: "_s + text));
            texts.insert(text);
            QVERIFY2(text.endsWith(u" in "_s + room), qPrintable(text));
            const auto found = acked.find({room, id});
            if (found != acked.end()) {
                QCOMPARE(text, found->second.text);
                found->second.seen = true;
            }
        }
        if (!stored.isEmpty())
            QCOMPARE(stored.constFirst().first, 1);
        const qint64 newest = stored.isEmpty() ? 0 : stored.constLast().first;
        QVERIFY(
            ask(reader, request("message", {{u"room"_s, room}, {u"text"_s, u"after"_s}}), &reply));
        QCOMPARE(reply.value("type"_L1).toString(), u"ack"_s);
        QCOMPARE(reply.value("id"_L1).toInteger(), newest + 1);
    }
    for (const auto &[key, message] : acked)
        QVERIFY2(message.seen,
                 qPrintable(u"acknowledged but lost: %1 %2"_s.arg(key.first).arg(key.second)));
    QVERIFY(wsroom->stop());
}

void tst_RoomStore::secondProcessIsRefused()
{
    QTemporaryDir &dir = *m_dir;
    const QString file = dir.filePath(u"rooms.sqlite"_s);
    Wsroom first;
    QVERIFY(first.start(Wsroom::arguments(file)));
    Poster poster;
    QVERIFY(poster.open(first.url(u"/chat"_s), u"ann"_s, u"lobby"_s));
    QCOMPARE(poster.waitAck(poster.post()), 1);
    // Until its words are indexed (when idle) the first one still writes to the file.
    QTRY_COMPARE_WITH_TIMEOUT(TestServer::status(first.port)
                                  .value("store"_L1)
                                  .toObject()
                                  .value("unindexed"_L1)
                                  .toInteger(-1),
                              0, TestClient::Timeout);
    const FileState before = FileState::of(file);
    const FileState walBefore = FileState::of(file + u"-wal"_s);

    Wsroom second;
    second.launch(Wsroom::arguments(file));
    QVERIFY(second.process.waitForFinished(TestClient::Timeout));
    QCOMPARE(second.process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(second.process.exitCode(), 2);
    const QStringList lines = second.errors().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.first().contains(file), qPrintable(lines.first()));
    QVERIFY2(lines.first().contains(QString::number(first.process.processId())),
             qPrintable(lines.first()));
    QVERIFY(second.process.readAllStandardOutput().isEmpty());

    // The first one's file is untouched and it carries on.
    QVERIFY(FileState::of(file) == before);
    QVERIFY(FileState::of(file + u"-wal"_s) == walBefore);
    QCOMPARE(poster.waitAck(poster.post()), 2);
    QVERIFY(first.stop());
}

void tst_RoomStore::unusableFileIsMovedAside_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("garbage bytes") << u"garbage"_s;
    QTest::newRow("another application's SQLite") << u"foreign"_s;
    QTest::newRow("a newer wsroom store") << u"newer"_s;
}

void tst_RoomStore::unusableFileIsMovedAside()
{
    QFETCH(QString, kind);
    QTemporaryDir &dir = *m_dir;
    const QString file = dir.filePath(u"rooms.sqlite"_s);
    if (kind == "garbage"_L1) {
        QByteArray bytes(16384, Qt::Uninitialized);
        QRandomGenerator generator(14);
        generator.fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes);
    } else if (kind == "foreign"_L1) {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"foreign"_s);
        db.setDatabaseName(file);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"PRAGMA application_id=42"_s));
        QVERIFY(q.exec(u"CREATE TABLE notes (text TEXT)"_s));
        QVERIFY(q.exec(u"INSERT INTO notes VALUES ('keep me')"_s));
        q.finish();
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"foreign"_s);
    } else {
        {
            StoreFile store(u"newer-store"_s);
            QCOMPARE(store.open(file, 0).outcome, StoreFile::Opening::Outcome::Opened);
        }
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"newer"_s);
        db.setDatabaseName(file);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"PRAGMA user_version=99"_s));
        q.finish();
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"newer"_s);
    }
    const QByteArray original = contentsOf(file);
    QVERIFY(!original.isEmpty());
    QVERIFY(!QFile::exists(file + u"-wal"_s));

    Wsroom wsroom;
    QVERIFY(wsroom.start(Wsroom::arguments(file)));
    const QStringList aside
        = QDir(dir.path()).entryList({u"rooms.sqlite.damaged-*"_s}, QDir::Files);
    QCOMPARE(aside.size(), 1);
    QVERIFY2(QRegularExpression(u"^rooms\\.sqlite\\.damaged-\\d{8}-\\d{6}$"_s)
                 .match(aside.first())
                 .hasMatch(),
             qPrintable(aside.first()));
    const QString asidePath = dir.filePath(aside.first());
    QVERIFY(contentsOf(asidePath) == original);

    // A fresh store works.
    Poster poster;
    QVERIFY(poster.open(wsroom.url(u"/chat"_s), u"ann"_s, u"lobby"_s));
    QCOMPARE(poster.waitAck(poster.post()), 1);
    QVERIFY(wsroom.stop());
    QVERIFY(contentsOf(asidePath) == original);
    QVERIFY(contentsOf(file).startsWith(QByteArray("SQLite format 3\0", 16)));
    // One warning line names both files.
    const QStringList warnings = wsroom.errorLines(file);
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings.first().contains(asidePath), qPrintable(warnings.first()));
}

void tst_RoomStore::filesArePrivate_data()
{
    FileModes::addUmaskRows();
}

void tst_RoomStore::filesArePrivate()
{
    QFETCH(int, umask);
    QTemporaryDir &dir = *m_dir;
    // A --store FILE whose folders do not exist yet: wsroom makes them (as it makes the data
    // directory for the default store).
    const QString folder = dir.filePath(u"class/rooms"_s);
    const QString file = folder + u"/rooms.sqlite"_s;
    Wsroom wsroom;
    bool started = false;
    {
        const FileModes::ScopedUmask mask(umask); // wsroom inherits it
        started = wsroom.start(Wsroom::arguments(file));
    }
    QVERIFY(started);
    Poster poster;
    QVERIFY(poster.open(wsroom.url(u"/chat"_s), u"ann"_s, u"lobby"_s));
    QCOMPARE(poster.waitAck(poster.post()), 1);
    QCOMPARE(modeOf(dir.filePath(u"class"_s)), 0700);
    QCOMPARE(modeOf(folder), 0700);
    QCOMPARE(modeOf(file), 0600);
    for (const QString &suffix : {u"-wal"_s, u"-shm"_s, u".lock"_s}) {
        const int mode = modeOf(file + suffix);
        QVERIFY2(mode == -1 || mode == 0600, qPrintable(u"%1: %2"_s.arg(suffix).arg(mode, 0, 8)));
    }
    QCOMPARE(modeOf(file + u"-wal"_s), 0600); // it exists while wsroom runs
    QVERIFY(wsroom.stop());

    // A folder that exists is left as it is.
    QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0755) == 0);
    {
        const FileModes::ScopedUmask mask(umask);
        started = wsroom.start(Wsroom::arguments(file));
    }
    QVERIFY(started);
    QVERIFY(wsroom.stop());
    QCOMPARE(modeOf(folder), 0755);
    QCOMPARE(modeOf(file), 0600);
}

void tst_RoomStore::fileThatCannotGrow()
{
    QTemporaryDir &dir = *m_dir;
    const QString file = dir.filePath(u"rooms.sqlite"_s);
    // Files of at most FileBlocks * 512 bytes: past it a write fails with EFBIG, the way a full
    // disk fails (SIGXFSZ ignored, so wsroom is told instead of killed). A soft limit, so that
    // the test can lift it later.
    constexpr int FileBlocks = 256;
    Wsroom wsroom;
    QVERIFY(
        wsroom.start(Wsroom::arguments(file), u"trap '' XFSZ; ulimit -S -f %1"_s.arg(FileBlocks)));
    Poster poster;
    QVERIFY(poster.open(wsroom.url(u"/chat"_s), u"ann"_s, u"lobby"_s));
    TestClient watcher;
    QVERIFY(watcher.openNative(wsroom.url(u"/chat?name=watcher&room=lobby"_s), true));

    // One message at a time until one is not acknowledged. A history request after it is
    // answered after the store tried to commit it, so its ack, if any, comes before the reply.
    int unacked = 0;
    QJsonObject reply;
    for (int round = 0; round < 2000 && !unacked; ++round) {
        const int n = poster.post();
        QVERIFY(ask(poster.client, request("history", {{u"room"_s, u"lobby"_s}, {u"limit"_s, 1}}),
                    &reply));
        QCOMPARE(idsOf(reply.value("messages"_L1).toArray()), QList<qint64> {n});
        if (!poster.acks().count(n))
            unacked = n;
    }
    QVERIFY2(unacked > 1, "the store never failed, or failed from the start");
    QTRY_VERIFY_WITH_TIMEOUT(!m_server.status(wsroom.port)
                                  .value("store"_L1)
                                  .toObject()
                                  .value("error"_L1)
                                  .toString()
                                  .isEmpty(),
                             TestClient::Timeout);
    const QString error
        = TestServer::status(wsroom.port).value("store"_L1).toObject().value("error"_L1).toString();
    QVERIFY2(error.contains(file), qPrintable(error));

    // Still serving from memory: broadcasts arrive, history has them, acks do not come.
    for (int i = 0; i < 3; ++i)
        poster.post();
    QJsonObject frame;
    for (int n = 1; n <= poster.posted; ++n) {
        QVERIFY(watcher.nextOfType(u"message"_s, &frame));
        QCOMPARE(frame.value("text"_L1).toString(), poster.textOf(n));
    }
    QVERIFY(ask(poster.client, request("history", {{u"room"_s, u"lobby"_s}, {u"limit"_s, 200}}),
                &reply));
    QCOMPARE(idsOf(reply.value("messages"_L1).toArray()), range(1, poster.posted));
    // A retry, and still nothing: status holds the error, and no ack came.
    QTRY_VERIFY_WITH_TIMEOUT(wsroom.errorLines(u"cannot be written"_s).size() == 1
                                 && TestServer::status(wsroom.port)
                                         .value("store"_L1)
                                         .toObject()
                                         .value("messages"_L1)
                                         .toInteger()
                                     == poster.posted,
                             TestClient::Timeout);
    for (int n = unacked; n <= poster.posted; ++n)
        QVERIFY2(!poster.acks().count(n), qPrintable(u"ack of %1 while failing"_s.arg(n)));

    // The limit lifted: the retry commits them all, and the acks come.
    const rlimit unlimited {RLIM_INFINITY, RLIM_INFINITY};
    QCOMPARE(::prlimit(pid_t(wsroom.process.processId()), RLIMIT_FSIZE, &unlimited, nullptr), 0);
    for (int n = unacked; n <= poster.posted; ++n)
        QCOMPARE(poster.waitAck(n, 4 * RoomStore::RetryMs + TestClient::Timeout), qint64(n));
    QTRY_VERIFY_WITH_TIMEOUT(
        TestServer::status(wsroom.port).value("store"_L1).toObject().value("error"_L1).isNull(),
        TestClient::Timeout);
    // Said once in the log, however many retries failed.
    QCOMPARE(wsroom.errorLines(u"cannot be written"_s).size(), 1);
    poster.client.socket().close();
    watcher.socket().close();
    QVERIFY(wsroom.stop());

    // Everything is in the file.
    Wsroom again;
    QVERIFY(again.start(Wsroom::arguments(file)));
    TestClient reader;
    QVERIFY(reader.openNative(again.url(u"/chat?name=reader&room=lobby"_s), true));
    QList<QPair<qint64, QString>> stored;
    QVERIFY(readAllHistory(reader, u"lobby"_s, &stored));
    QCOMPARE(stored.size(), poster.posted);
    for (const auto &[id, text] : std::as_const(stored))
        QCOMPARE(text, poster.textOf(int(id)));
    QVERIFY(again.stop());
}

void tst_RoomStore::readOnlyFile()
{
    QTemporaryDir &dir = *m_dir;
    const QString file = dir.filePath(u"rooms.sqlite"_s);
    {
        Wsroom before;
        QVERIFY(before.start(Wsroom::arguments(file)));
        Poster poster;
        QVERIFY(poster.open(before.url(u"/chat"_s), u"ann"_s, u"lobby"_s));
        for (int i = 1; i <= 3; ++i)
            poster.post();
        QCOMPARE(poster.waitAck(3), 3);
        poster.client.socket().close();
        QVERIFY(before.stop());
    }
    // Read-only even to root: immutable (chattr +i); else, for anyone else, mode 0400.
    struct Immutable
    {
        QString path;
        ~Immutable()
        {
            if (!path.isEmpty())
                QProcess::execute(u"chattr"_s, {u"-i"_s, path});
        }
    } immutable;
    if (::geteuid() == 0) {
        QProcess chattr;
        chattr.setProcessChannelMode(QProcess::MergedChannels);
        chattr.start(u"chattr"_s, {u"+i"_s, file});
        if (!chattr.waitForFinished(TestClient::Timeout)
            || chattr.exitStatus() != QProcess::NormalExit || chattr.exitCode() != 0) {
            QSKIP(qPrintable(u"running as root, and chattr +i does not work here: "_s
                             + chattr.errorString() + u' '
                             + QString::fromLocal8Bit(chattr.readAll())));
        }
        immutable.path = file;
    } else {
        QVERIFY(QFile::setPermissions(file, QFile::ReadOwner));
    }
    const FileState unchanged = FileState::of(file);

    Wsroom wsroom;
    QVERIFY(wsroom.start(Wsroom::arguments(file)));
    QTRY_COMPARE_WITH_TIMEOUT(wsroom.errorLines(u"cannot be written"_s).size(), 1,
                              TestClient::Timeout);
    const QString error
        = TestServer::status(wsroom.port).value("store"_L1).toObject().value("error"_L1).toString();
    QVERIFY2(error.contains(file), qPrintable(error));
    const QByteArray metrics
        = TestServer::http(wsroom.port, "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY2(metrics.contains("\nwsroom_store_writable 0\n"), metrics.constData());

    // History from before is served; a new message is broadcast, kept in memory, not acked.
    Poster poster;
    QVERIFY(poster.open(wsroom.url(u"/chat"_s), u"ben"_s, u"lobby"_s));
    QJsonObject reply;
    QVERIFY(ask(poster.client, request("history", {{u"room"_s, u"lobby"_s}}), &reply));
    QCOMPARE(idsOf(reply.value("messages"_L1).toArray()), range(1, 3));
    QCOMPARE(reply.value("messages"_L1).toArray().at(2).toObject().value("text"_L1).toString(),
             u"ann says 3 in lobby"_s);
    TestClient watcher;
    QVERIFY(watcher.openNative(wsroom.url(u"/chat?name=watcher&room=lobby"_s)));
    QJsonObject joined;
    QVERIFY(watcher.nextOfType(u"joined"_s, &joined));
    QCOMPARE(idsOf(joined.value("history"_L1).toArray()), range(1, 3));
    const int n = poster.post();
    QJsonObject frame;
    QVERIFY(watcher.nextOfType(u"message"_s, &frame));
    QCOMPARE(frame.value("id"_L1).toInteger(), 4);
    QCOMPARE(frame.value("text"_L1).toString(), poster.textOf(n));
    QVERIFY(ask(poster.client, request("history", {{u"room"_s, u"lobby"_s}}), &reply));
    QCOMPARE(idsOf(reply.value("messages"_L1).toArray()), range(1, 4));
    QVERIFY(!poster.acks().count(n));
    QVERIFY(ask(poster.client, request("search", {{u"query"_s, u"ben says"_s}}), &reply));
    QCOMPARE(idsOf(reply.value("messages"_L1).toArray()), QList<qint64> {4});
    QVERIFY(!poster.acks().count(n));
    QVERIFY(FileState::of(file) == unchanged);
    QVERIFY(wsroom.stop());
    QVERIFY(FileState::of(file) == unchanged);
}

QTEST_GUILESS_MAIN(tst_RoomStore)
#include "tst_roomstore.moc"
