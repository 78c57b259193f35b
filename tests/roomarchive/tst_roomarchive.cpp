// The native `history` and `search` requests (contract: additions-2.md section 1), answered
// from what the server keeps, over real sockets on loopback.
#include "../common/testserver.h"

#include <QJsonArray>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

namespace {

QJsonObject request(const char *type, const QJsonObject &fields)
{
    QJsonObject r = fields;
    r.insert(QStringLiteral("type"), QLatin1String(type));
    return r;
}

QList<qint64> idsOf(const QJsonArray &messages)
{
    QList<qint64> ids;
    for (const QJsonValue &m : messages)
        ids.append(m.toObject().value(QLatin1String("id")).toInteger());
    return ids;
}

QList<qint64> range(qint64 first, qint64 last)
{
    QList<qint64> ids;
    if (first <= last) {
        for (qint64 id = first; id <= last; ++id)
            ids.append(id);
    } else {
        for (qint64 id = first; id >= last; --id)
            ids.append(id);
    }
    return ids;
}

} // namespace

class TestRoomArchive : public QObject
{
    Q_OBJECT

private slots:
    void init() { m_server.init(); }
    void cleanup() { m_server.cleanup(); }

    void historyPages_data();
    void historyPages();
    void historyIsWhatWasBroadcast();
    void historyOutsideTheRoom();
    void badRequests_data();
    void badRequests();
    void search_data();
    void search();
    void searchAcrossRooms();
    void searchOutsideTheRoom();

private:
    // Starts a server keeping history messages per room, and a member in lobby that posts
    // count messages u"message N"_s (N from 1), each acknowledged.
    bool startWithMessages(int count, int history = 500);
    // Sends r (with ref 1) and reads the reply to it.
    bool ask(QJsonObject r, QJsonObject *reply);

    TestServer m_server;
    std::unique_ptr<TestClient> m_client;
};

bool TestRoomArchive::startWithMessages(int count, int history)
{
    if (!m_server.start([history](ServerConfig &c) { c.history = history; }))
        return false;
    m_client = std::make_unique<TestClient>();
    if (!m_client->openNative(m_server.url(QStringLiteral("/chat?name=alice&room=lobby")), true))
        return false;
    for (int i = 1; i <= count; ++i) {
        m_client->send(request("message",
                               {{u"room"_s, u"lobby"_s},
                                {u"text"_s, QStringLiteral("message %1").arg(i)},
                                {u"ref"_s, i}}));
    }
    QJsonObject ack;
    for (int i = 1; i <= count; ++i) {
        if (!m_client->nextOfType(QStringLiteral("ack"), &ack))
            return false;
    }
    return ack.value(QLatin1String("id")).toInteger() == count;
}

bool TestRoomArchive::ask(QJsonObject r, QJsonObject *reply)
{
    r.insert(QStringLiteral("ref"), QStringLiteral("ask"));
    m_client->skipAll();
    m_client->send(r);
    while (m_client->next(reply)) {
        if (reply->value(QLatin1String("ref")).toString() == QLatin1String("ask"))
            return true;
    }
    return false;
}

void TestRoomArchive::historyPages_data()
{
    QTest::addColumn<QJsonObject>("fields");
    QTest::addColumn<QList<qint64>>("ids");
    QTest::addColumn<bool>("more");

    const QJsonObject lobby {{u"room"_s, u"lobby"_s}};
    auto with = [&](std::initializer_list<QPair<QString, QJsonValue>> extra) {
        QJsonObject o = lobby;
        for (const auto &[key, value] : extra)
            o.insert(key, value);
        return o;
    };
    QTest::newRow("newest, default limit 50") << lobby << range(251, 300) << true;
    QTest::newRow("newest page of 200") << with({{u"limit"_s, 200}}) << range(101, 300) << true;
    QTest::newRow("the page before it")
        << with({{u"before"_s, 101}, {u"limit"_s, 200}}) << range(1, 100) << false;
    QTest::newRow("limit past 200 is cut to 200")
        << with({{u"limit"_s, 100000}}) << range(101, 300) << true;
    QTest::newRow("the oldest alone") << with({{u"before"_s, 2}}) << range(1, 1) << false;
    QTest::newRow("one before the oldest")
        << with({{u"before"_s, 3}, {u"limit"_s, 1}}) << range(2, 2) << true;
    QTest::newRow("before the first: nothing")
        << with({{u"before"_s, 1}}) << QList<qint64>() << false;
    QTest::newRow("before past the newest")
        << with({{u"before"_s, 5000}, {u"limit"_s, 2}}) << range(299, 300) << true;
}

void TestRoomArchive::historyPages()
{
    QFETCH(QJsonObject, fields);
    QFETCH(QList<qint64>, ids);
    QFETCH(bool, more);
    QVERIFY(startWithMessages(300));
    QJsonObject reply;
    QVERIFY(ask(request("history", fields), &reply));
    QCOMPARE(reply.value(QLatin1String("type")).toString(), QStringLiteral("history"));
    QCOMPARE(reply.value(QLatin1String("room")).toString(), QStringLiteral("lobby"));
    const QJsonArray messages = reply.value(QLatin1String("messages")).toArray();
    QCOMPARE(idsOf(messages), ids);
    QCOMPARE(reply.value(QLatin1String("more")).toBool(), more);
    for (const QJsonValue &m : messages) {
        const QJsonObject o = m.toObject();
        QCOMPARE(o.value(QLatin1String("text")).toString(),
                 QStringLiteral("message %1").arg(o.value(QLatin1String("id")).toInteger()));
    }
}

void TestRoomArchive::historyIsWhatWasBroadcast()
{
    QVERIFY(startWithMessages(0));
    m_client->send(request("message",
                           {{u"room"_s, u"lobby"_s},
                            {u"text"_s, QStringLiteral("é \"quoted\" \\ 😀")},
                            {u"data"_s, QJsonObject {{u"k"_s, QJsonArray {1, 2}}}}}));
    QString broadcast;
    QVERIFY(m_client->nextRaw(&broadcast));
    QVERIFY(broadcast.startsWith(QLatin1String("{\"type\":\"message\"")));
    QJsonObject reply;
    m_client->send(request("history", {{u"room"_s, u"lobby"_s}, {u"ref"_s, u"h"_s}}));
    QString raw;
    QVERIFY(m_client->nextRaw(&raw));
    QVERIFY2(raw.contains(QLatin1String("\"messages\":[") + broadcast + QLatin1Char(']')),
             qPrintable(raw));
}

void TestRoomArchive::historyOutsideTheRoom()
{
    QVERIFY(startWithMessages(3));
    QJsonObject reply;
    QVERIFY(ask(request("history", {{u"room"_s, u"elsewhere"_s}}), &reply));
    QCOMPARE(reply.value(QLatin1String("type")).toString(), QStringLiteral("error"));
    QCOMPARE(reply.value(QLatin1String("code")).toString(), QStringLiteral("not_in_room"));
}

void TestRoomArchive::badRequests_data()
{
    QTest::addColumn<QJsonObject>("r");
    QTest::addColumn<QString>("says");
    QTest::newRow("history without room") << request("history", {}) << u"\"room\" is missing"_s;
    QTest::newRow("before 0") << request("history", {{u"room"_s, u"lobby"_s}, {u"before"_s, 0}})
                              << u"\"before\" must be a whole number"_s;
    QTest::newRow("before -3") << request("history", {{u"room"_s, u"lobby"_s}, {u"before"_s, -3}})
                               << u"\"before\" must be a whole number"_s;
    QTest::newRow("before a string")
        << request("history", {{u"room"_s, u"lobby"_s}, {u"before"_s, u"9"_s}})
        << u"\"before\" must be a whole number"_s;
    QTest::newRow("limit 0") << request("history", {{u"room"_s, u"lobby"_s}, {u"limit"_s, 0}})
                             << u"\"limit\" must be a whole number"_s;
    QTest::newRow("limit 1.5") << request("search", {{u"query"_s, u"a"_s}, {u"limit"_s, 1.5}})
                               << u"\"limit\" must be a whole number"_s;
    QTest::newRow("empty query") << request("search", {{u"query"_s, u""_s}})
                                 << u"\"query\" must hold a word"_s;
    QTest::newRow("blank query") << request("search", {{u"query"_s, u"  "_s}})
                                 << u"\"query\" must hold a word"_s;
    QTest::newRow("no word in query") << request("search", {{u"query"_s, u"?!"_s}})
                                      << u"\"query\" must hold a letter or a digit"_s;
    QTest::newRow("query not a string")
        << request("search", {{u"query"_s, 3}}) << u"\"query\" must be a string"_s;
    QTest::newRow("search without query")
        << request("search", {{u"room"_s, u"lobby"_s}}) << u"\"query\" is missing"_s;
}

void TestRoomArchive::badRequests()
{
    QFETCH(QJsonObject, r);
    QFETCH(QString, says);
    QVERIFY(startWithMessages(1));
    QJsonObject reply;
    QVERIFY(ask(r, &reply));
    QCOMPARE(reply.value(QLatin1String("type")).toString(), QStringLiteral("error"));
    QCOMPARE(reply.value(QLatin1String("code")).toString(), QStringLiteral("bad_request"));
    QVERIFY2(reply.value(QLatin1String("message")).toString().contains(says),
             qPrintable(reply.value(QLatin1String("message")).toString()));
}

void TestRoomArchive::search_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QList<qint64>>("ids");
    // The room's messages: 1 u"Sockets are fun"_s, 2 u"a socket closes"_s, 3 u"ROOM of SOCKETS"_s,
    // 4 u"rooms and sockets together"_s, 5 u"nothing here"_s.
    QTest::newRow("a word") << u"nothing"_s << 0 << QList<qint64> {5};
    QTest::newRow("a prefix, newest first") << u"sock"_s << 0 << QList<qint64> {4, 3, 2, 1};
    QTest::newRow("any letter case") << u"SOCKETS"_s << 0 << QList<qint64> {4, 3, 1};
    QTest::newRow("every word") << u"room sock"_s << 0 << QList<qint64> {4, 3};
    QTest::newRow("words in any order") << u"sockets rooms"_s << 0 << QList<qint64> {4};
    QTest::newRow("not inside a word") << u"ocket"_s << 0 << QList<qint64>();
    QTest::newRow("no match") << u"websocket"_s << 0 << QList<qint64>();
    QTest::newRow("limit") << u"sock"_s << 2 << QList<qint64> {4, 3};
    QTest::newRow("punctuation is not a word") << u"socket!"_s << 0 << QList<qint64> {4, 3, 2, 1};
}

void TestRoomArchive::search()
{
    QFETCH(QString, query);
    QFETCH(int, limit);
    QFETCH(QList<qint64>, ids);
    QVERIFY(startWithMessages(0));
    const QStringList texts {u"Sockets are fun"_s, u"a socket closes"_s, u"ROOM of SOCKETS"_s,
                             u"rooms and sockets together"_s, u"nothing here"_s};
    for (const QString &text : texts)
        m_client->send(request("message", {{u"room"_s, u"lobby"_s}, {u"text"_s, text}}));
    QVERIFY(m_client->waitFrames(int(m_client->frames.size()) + int(texts.size())));
    QJsonObject r {{u"room"_s, u"lobby"_s}, {u"query"_s, query}};
    if (limit > 0)
        r.insert(QStringLiteral("limit"), limit);
    QJsonObject reply;
    QVERIFY(ask(request("search", r), &reply));
    QCOMPARE(reply.value(QLatin1String("type")).toString(), QStringLiteral("search"));
    QCOMPARE(reply.value(QLatin1String("room")).toString(), QStringLiteral("lobby"));
    QCOMPARE(reply.value(QLatin1String("query")).toString(), query);
    QCOMPARE(idsOf(reply.value(QLatin1String("messages")).toArray()), ids);
}

void TestRoomArchive::searchAcrossRooms()
{
    QVERIFY(startWithMessages(0));
    m_client->send(request("join", {{u"room"_s, u"other"_s}}));
    QJsonObject joined;
    QVERIFY(m_client->nextOfType(QStringLiteral("joined"), &joined));
    m_client->send(request("message", {{u"room"_s, u"lobby"_s}, {u"text"_s, u"first socket"_s}}));
    m_client->send(request("message", {{u"room"_s, u"other"_s}, {u"text"_s, u"second socket"_s}}));
    m_client->send(request(
        "message", {{u"room"_s, u"lobby"_s}, {u"text"_s, u"third socket"_s}, {u"ref"_s, 1}}));
    QJsonObject ack;
    QVERIFY(m_client->nextOfType(QStringLiteral("ack"), &ack));
    QJsonObject reply;
    QVERIFY(ask(request("search", {{u"query"_s, u"socket"_s}}), &reply));
    QCOMPARE(reply.value(QLatin1String("type")).toString(), QStringLiteral("search"));
    QVERIFY(!reply.contains(QLatin1String("room")));
    QStringList texts;
    for (const QJsonValue &m : reply.value(QLatin1String("messages")).toArray())
        texts.append(m.toObject().value(QLatin1String("text")).toString());
    QCOMPARE(texts, (QStringList {u"third socket"_s, u"second socket"_s, u"first socket"_s}));
}

void TestRoomArchive::searchOutsideTheRoom()
{
    QVERIFY(startWithMessages(2));
    QJsonObject reply;
    QVERIFY(ask(request("search", {{u"room"_s, u"chat"_s}, {u"query"_s, u"message"_s}}), &reply));
    QCOMPARE(reply.value(QLatin1String("code")).toString(), QStringLiteral("not_in_room"));
}

QTEST_GUILESS_MAIN(TestRoomArchive)
#include "tst_roomarchive.moc"
