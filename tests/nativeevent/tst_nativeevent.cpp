// The client's half of the native protocol: NativeEvent reads what NativeCodec writes, and
// NativeCodec::decode reads what NativeRequest writes, both ways without loss.
#include "protocol/nativecodec.h"
#include "protocol/nativeevent.h"
#include "protocol/nativerequest.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const MemberRef Alice {u"m1"_s, u"alice"_s};
const MemberRef Bob {u"m2"_s, u"bob"_s};

ChatMessage sampleMessage(qint64 id, const QJsonValue &data = QJsonValue::Undefined)
{
    ChatMessage m;
    m.room = u"lobby"_s;
    m.id = id;
    m.from = Alice;
    m.text = u"hello \"there\"\n\u00e9\U0001F600"_s;
    m.data = data;
    m.timestamp = u"2026-01-01T00:00:00.000Z"_s;
    return m;
}

} // namespace

class tst_NativeEvent : public QObject
{
    Q_OBJECT

private slots:
    void serverEventsRoundTrip_data();
    void serverEventsRoundTrip();
    void fieldsAreTyped();
    void unreadableFrames_data();
    void unreadableFrames();
    void unknownTypeIsNotAnError();
    void requestsRoundTrip_data();
    void requestsRoundTrip();
    void pagesAndMatches_data();
    void pagesAndMatches();
    void historyAndSearchRequests_data();
    void historyAndSearchRequests();
};

void tst_NativeEvent::serverEventsRoundTrip_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("type");

    NativeCodec::Limits limits;
    limits.maxMessageBytes = 4096;
    limits.ratePerSecond = 5;
    QTest::newRow("welcome") << NativeCodec::welcome(Alice, {u"lobby"_s, u"b"_s}, limits,
                                                     u"0.1.0"_s)
                             << u"welcome"_s;
    QTest::newRow("welcome, no rooms")
        << NativeCodec::welcome(Alice, {}, limits, u"9"_s) << u"welcome"_s;
    QTest::newRow("joined") << NativeCodec::joined(
        u"lobby"_s, {Alice, Bob},
        {NativeCodec::message(sampleMessage(1)),
         NativeCodec::message(sampleMessage(2, QJsonObject {{u"k"_s, 1}}))},
        QJsonValue(7)) << u"joined"_s;
    QTest::newRow("joined, string ref, no history")
        << NativeCodec::joined(u"x"_s, {Alice}, {}, QJsonValue(u"r-1"_s)) << u"joined"_s;
    QTest::newRow("left") << NativeCodec::left(u"lobby"_s, QJsonValue(3)) << u"left"_s;
    QTest::newRow("left, no ref") << NativeCodec::left(u"lobby"_s, QJsonValue::Undefined)
                                  << u"left"_s;
    QTest::newRow("message") << NativeCodec::message(sampleMessage(42)) << u"message"_s;
    QTest::newRow("message with data")
        << NativeCodec::message(sampleMessage(43, QJsonArray {1, u"two"_s, true, QJsonValue()}))
        << u"message"_s;
    QTest::newRow("ack of a message")
        << NativeCodec::ack(QJsonValue(4), u"lobby"_s, 12) << u"ack"_s;
    QTest::newRow("bare ack") << NativeCodec::ack(QJsonValue(5)) << u"ack"_s;
    QTest::newRow("direct") << NativeCodec::direct(Alice, Bob, u"psst"_s, u"t"_s, QJsonValue(9))
                            << u"direct"_s;
    QTest::newRow("direct, no ref")
        << NativeCodec::direct(Bob, Alice, u"psst"_s, u"t"_s) << u"direct"_s;
    QTest::newRow("renamed") << NativeCodec::renamed(Bob, QJsonValue(2)) << u"renamed"_s;
    QTest::newRow("presence join")
        << NativeCodec::presence(u"lobby"_s, "join", Bob) << u"presence"_s;
    QTest::newRow("presence rename")
        << NativeCodec::presence(u"lobby"_s, "rename", Bob, u"bobby"_s) << u"presence"_s;
    QTest::newRow("typing") << NativeCodec::typing(u"lobby"_s, Bob, true) << u"typing"_s;
    QTest::newRow("typing stopped") << NativeCodec::typing(u"lobby"_s, Bob, false) << u"typing"_s;
    QTest::newRow("rooms") << NativeCodec::rooms({{u"a"_s, 1}, {u"b"_s, 0}}, QJsonValue(8))
                           << u"rooms"_s;
    QTest::newRow("members") << NativeCodec::members(u"a"_s, {Alice, Bob}, QJsonValue(6))
                             << u"members"_s;
    QTest::newRow("members of no room")
        << NativeCodec::members(u"z"_s, {}, QJsonValue(6)) << u"members"_s;
    QTest::newRow("pong") << NativeCodec::pong(QJsonValue(qint64(1767225600000)), u"now"_s,
                                               QJsonValue(1))
                          << u"pong"_s;
    QTest::newRow("pong without ts")
        << NativeCodec::pong(QJsonValue::Undefined, u"now"_s, QJsonValue(1)) << u"pong"_s;
    const QList<QByteArray> page {
        NativeCodec::message(sampleMessage(3)),
        NativeCodec::message(sampleMessage(4, QJsonObject {{u"k"_s, 1}}))};
    QTest::newRow("history") << NativeCodec::history(u"lobby"_s, page, true, QJsonValue(4))
                             << u"history"_s;
    QTest::newRow("history, the beginning, empty")
        << NativeCodec::history(u"lobby"_s, {}, false, QJsonValue(u"h"_s)) << u"history"_s;
    QTest::newRow("search of a room")
        << NativeCodec::searchResults(u"lobby"_s, u"hel"_s, page, QJsonValue(5)) << u"search"_s;
    QTest::newRow("search of every room")
        << NativeCodec::searchResults(QString(), u"hel there"_s, page, QJsonValue(5))
        << u"search"_s;
    QTest::newRow("error") << NativeCodec::error(ErrorCode::NameTaken, u"taken"_s, QJsonValue(3))
                           << u"error"_s;
    QTest::newRow("error without ref")
        << NativeCodec::error(ErrorCode::BadJson, u"not JSON"_s) << u"error"_s;
}

void tst_NativeEvent::serverEventsRoundTrip()
{
    QFETCH(QByteArray, frame);
    QFETCH(QString, type);

    const NativeEvent event = NativeEvent::decode(frame);
    QVERIFY2(event.isValid(), qPrintable(event.error));
    QVERIFY(!event.isUnknown());
    QCOMPARE(event.type, type);
    QCOMPARE(event.ref, event.object.value(u"ref"_s));
    // Written again the server's way, the event is the same bytes: nothing was lost or changed.
    QCOMPARE(event.encode(), frame);
}

void tst_NativeEvent::fieldsAreTyped()
{
    const NativeEvent joined = NativeEvent::decode(NativeCodec::joined(
        u"lobby"_s, {Alice, Bob}, {NativeCodec::message(sampleMessage(1))}, QJsonValue(7)));
    const auto *j = joined.get<NativeEvents::Joined>();
    QVERIFY(j);
    QCOMPARE(j->room, u"lobby"_s);
    QCOMPARE(j->members, (QList<MemberRef> {Alice, Bob}));
    QCOMPARE(j->history.size(), 1);
    QCOMPARE(j->history.at(0).text, sampleMessage(1).text);
    QCOMPARE(j->history.at(0).from, Alice);
    QCOMPARE(joined.ref.toInteger(), 7);
    QVERIFY(!joined.get<NativeEvents::Left>());

    NativeCodec::Limits limits;
    limits.maxMessageBytes = 4096;
    limits.ratePerSecond = 5;
    const NativeEvent welcome
        = NativeEvent::decode(NativeCodec::welcome(Bob, {u"a"_s}, limits, u"0.1.0"_s));
    const auto *w = welcome.get<NativeEvents::Welcome>();
    QVERIFY(w);
    QCOMPARE(w->protocol, 1);
    QCOMPARE(w->server, u"wsroom/0.1.0"_s);
    QCOMPARE(w->member, Bob);
    QCOMPARE(w->rooms, QStringList {u"a"_s});
    QCOMPARE(w->maxMessageBytes, 4096);
    QCOMPARE(w->ratePerSecond, 5);

    const NativeEvent presence = NativeEvent::decode(NativeCodec::presence(u"r"_s, "join", Alice));
    QVERIFY(presence.get<NativeEvents::Presence>()->previous.isNull());

    const NativeEvent error
        = NativeEvent::decode(NativeCodec::error(ErrorCode::RateLimited, u"slow"_s));
    QCOMPARE(error.get<NativeEvents::Error>()->code, u"rate_limited"_s);
    QCOMPARE(error.get<NativeEvents::Error>()->message, u"slow"_s);
    QVERIFY(error.ref.isUndefined());
}

void tst_NativeEvent::unreadableFrames_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("why"); // the start of the error

    const QByteArray member = R"({"id":"m1","name":"a"})";
    QTest::newRow("truncated") << QByteArray(R"({"type":)") << u"a frame that is not JSON"_s;
    QTest::newRow("array") << QByteArray("[1]") << u"a frame that is not a JSON object"_s;
    // QJsonDocument takes these; the strict check does not, as on the server.
    QTest::newRow("two equal keys") << QByteArray(R"({"type":"left","room":"a","room":"b"})")
                                    << u"a frame that is not strict JSON"_s;
    QTest::newRow("raw control character") << QByteArray("{\"type\":\"left\",\"room\":\"a\tb\"}")
                                           << u"a frame that is not strict JSON"_s;
    QTest::newRow("number 1.") << QByteArray(R"({"type":"ack","id":1.})")
                               << u"a frame that is not strict JSON"_s;
    QTest::newRow("no type") << QByteArray(R"({"x":1})") << u"a frame without a string"_s;
    QTest::newRow("type a number") << QByteArray(R"({"type":5})") << u"a frame without a string"_s;
    QTest::newRow("message, id a string")
        << (R"({"type":"message","room":"r","id":"1","from":)" + member
            + R"(,"text":"t","timestamp":"x"})")
        << u"a \"message\" frame with a missing or invalid room, id"_s;
    QTest::newRow("welcome, member a string")
        << QByteArray(R"({"type":"welcome","member":"z"})")
        << u"a \"welcome\" frame with a missing or invalid member"_s;
    QTest::newRow("joined, history a number")
        << QByteArray(R"({"type":"joined","room":"r","members":[],"history":[5]})")
        << u"a \"joined\" frame with a missing or invalid history"_s;
    QTest::newRow("rooms without counts")
        << QByteArray(R"({"type":"rooms","rooms":[{"name":"a"}]})")
        << u"a \"rooms\" frame with a missing or invalid rooms"_s;
    QTest::newRow("typing without active")
        << (R"({"type":"typing","room":"r","member":)" + member + "}")
        << u"a \"typing\" frame with a missing or invalid active"_s;
    QTest::newRow("pong without server_time")
        << QByteArray(R"({"type":"pong","ts":1})")
        << u"a \"pong\" frame with a missing or invalid server_time"_s;
    QTest::newRow("error without code") << QByteArray(R"({"type":"error","message":"m"})")
                                        << u"a \"error\" frame with a missing or invalid code"_s;
    QTest::newRow("ack, room a number") << QByteArray(R"({"type":"ack","room":1})")
                                        << u"a \"ack\" frame with a missing or invalid room"_s;
    QTest::newRow("history without more")
        << QByteArray(R"({"type":"history","room":"r","messages":[]})")
        << u"a \"history\" frame with a missing or invalid more"_s;
    QTest::newRow("history, more a string")
        << QByteArray(R"({"type":"history","room":"r","messages":[],"more":"yes"})")
        << u"a \"history\" frame with a missing or invalid more"_s;
    QTest::newRow("history, a message without id")
        << (R"({"type":"history","room":"r","more":false,"messages":[{"type":"message","room":"r","from":)"
            + member + R"(,"text":"t","timestamp":"x"}]})")
        << u"a \"history\" frame with a missing or invalid messages"_s;
    QTest::newRow("history without room")
        << QByteArray(R"({"type":"history","messages":[],"more":false})")
        << u"a \"history\" frame with a missing or invalid room"_s;
    QTest::newRow("search without query")
        << QByteArray(R"({"type":"search","room":"r","messages":[]})")
        << u"a \"search\" frame with a missing or invalid query"_s;
    QTest::newRow("search, room a number")
        << QByteArray(R"({"type":"search","room":1,"query":"q","messages":[]})")
        << u"a \"search\" frame with a missing or invalid room"_s;
    QTest::newRow("search, messages an object")
        << QByteArray(R"({"type":"search","query":"q","messages":{}})")
        << u"a \"search\" frame with a missing or invalid messages"_s;
}

void tst_NativeEvent::unreadableFrames()
{
    QFETCH(QByteArray, frame);
    QFETCH(QString, why);

    const NativeEvent event = NativeEvent::decode(frame);
    QVERIFY(!event.isValid());
    QVERIFY2(event.error.startsWith(why), qPrintable(event.error));
    QVERIFY(event.encode().isEmpty());
}

void tst_NativeEvent::unknownTypeIsNotAnError()
{
    const NativeEvent event
        = NativeEvent::decode(QByteArray(R"({"type":"from_the_future","ref":2})"));
    QVERIFY(event.isValid());
    QVERIFY(event.isUnknown());
    QCOMPARE(event.type, u"from_the_future"_s);
    QCOMPARE(event.ref.toInteger(), 2);
    QVERIFY(event.encode().isEmpty());
}

void tst_NativeEvent::requestsRoundTrip_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<int>("type");

    using Type = Request::Type;
    const QJsonValue ref(17);
    QTest::newRow("join") << NativeRequest::join(ref, u"lobby"_s) << int(Type::Join);
    QTest::newRow("join, string ref")
        << NativeRequest::join(QJsonValue(u"j1"_s), u"a b"_s) << int(Type::Join);
    QTest::newRow("join, no ref") << NativeRequest::join(QJsonValue::Undefined, u"x"_s)
                                  << int(Type::Join);
    QTest::newRow("leave") << NativeRequest::leave(ref, u"lobby"_s) << int(Type::Leave);
    QTest::newRow("message") << NativeRequest::message(ref, u"lobby"_s, u"hi \"you\"\n"_s)
                             << int(Type::Message);
    QTest::newRow("message with data") << NativeRequest::message(
        ref, u"lobby"_s, u"hi"_s, QJsonObject {{u"a"_s, QJsonArray {1, 2}}})
                                       << int(Type::Message);
    QTest::newRow("direct") << NativeRequest::direct(ref, u"bob"_s, u"psst"_s) << int(Type::Direct);
    QTest::newRow("rename") << NativeRequest::rename(ref, u"carol"_s) << int(Type::Rename);
    QTest::newRow("typing") << NativeRequest::typing(ref, u"lobby"_s, true) << int(Type::Typing);
    QTest::newRow("typing stopped")
        << NativeRequest::typing(ref, u"lobby"_s, false) << int(Type::Typing);
    QTest::newRow("rooms") << NativeRequest::rooms(ref) << int(Type::Rooms);
    QTest::newRow("members") << NativeRequest::members(ref, u"lobby"_s) << int(Type::Members);
    QTest::newRow("notify") << NativeRequest::notify(ref, u"bell"_s) << int(Type::Notify);
    QTest::newRow("ping") << NativeRequest::ping(ref, QJsonValue(qint64(1767225600000)))
                          << int(Type::Ping);
    QTest::newRow("ping without ts")
        << NativeRequest::ping(ref, QJsonValue::Undefined) << int(Type::Ping);
    QTest::newRow("history") << NativeRequest::history(ref, u"lobby"_s, 0) << int(Type::History);
    QTest::newRow("history before")
        << NativeRequest::history(ref, u"lobby"_s, 401, 200) << int(Type::History);
    QTest::newRow("search") << NativeRequest::search(ref, u"lobby"_s, u"sock hel"_s, 20)
                            << int(Type::Search);
    QTest::newRow("search of every room")
        << NativeRequest::search(ref, QString(), u"needle"_s) << int(Type::Search);
}

void tst_NativeEvent::requestsRoundTrip()
{
    QFETCH(QByteArray, frame);
    QFETCH(int, type);

    const Request request = NativeCodec::decode(frame);
    QVERIFY2(request.isValid(), qPrintable(request.errorMessage));
    QCOMPARE(int(request.type), type);
    QCOMPARE(NativeRequest::encode(request), frame);
}

void tst_NativeEvent::pagesAndMatches_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("room"); // null: no room in the frame
    QTest::addColumn<QList<qint64>>("ids"); // of the messages, in the frame's order
    QTest::addColumn<bool>("more"); // history only

    const auto list = [](std::initializer_list<qint64> ids) {
        QByteArray items;
        for (qint64 id : ids)
            items += (items.isEmpty() ? "" : ",") + NativeCodec::message(sampleMessage(id));
        return "[" + items + "]";
    };
    QTest::newRow("history page, oldest first")
        << (R"({"type":"history","room":"lobby","messages":)" + list({3, 4, 5})
            + R"(,"more":true,"ref":4})")
        << u"history"_s << u"lobby"_s << QList<qint64> {3, 4, 5} << true;
    QTest::newRow("history, the first page")
        << (R"({"type":"history","room":"lobby","messages":)" + list({1, 2})
            + R"(,"more":false,"ref":5})")
        << u"history"_s << u"lobby"_s << QList<qint64> {1, 2} << false;
    QTest::newRow("history, empty")
        << QByteArray(R"({"type":"history","room":"lobby","messages":[],"more":false})")
        << u"history"_s << u"lobby"_s << QList<qint64> {} << false;
    QTest::newRow("search of a room")
        << (R"({"type":"search","room":"lobby","query":"hel","messages":)" + list({9, 2})
            + R"(,"ref":"s1"})")
        << u"search"_s << u"lobby"_s << QList<qint64> {9, 2} << false;
    QTest::newRow("search of every room")
        << (R"({"type":"search","query":"hel there","messages":)" + list({7}) + R"(,"ref":6})")
        << u"search"_s << QString() << QList<qint64> {7} << false;
    QTest::newRow("search, nothing found")
        << QByteArray(R"({"type":"search","query":"zzz","messages":[],"ref":6})") << u"search"_s
        << QString() << QList<qint64> {} << false;
}

void tst_NativeEvent::pagesAndMatches()
{
    QFETCH(QByteArray, frame);
    QFETCH(QString, type);
    QFETCH(QString, room);
    QFETCH(QList<qint64>, ids);
    QFETCH(bool, more);

    const NativeEvent event = NativeEvent::decode(frame);
    QVERIFY2(event.isValid(), qPrintable(event.error));
    QVERIFY(!event.isUnknown());
    QCOMPARE(event.type, type);
    QCOMPARE(event.ref, event.object.value(u"ref"_s));
    QList<ChatMessage> messages;
    if (const auto *h = event.get<NativeEvents::History>()) {
        QCOMPARE(h->room, room);
        QCOMPARE(h->more, more);
        messages = h->messages;
    } else if (const auto *s = event.get<NativeEvents::Search>()) {
        QCOMPARE(s->room, room);
        QCOMPARE(s->room.isNull(), room.isNull());
        QCOMPARE(s->query, event.object.value(u"query"_s).toString());
        messages = s->messages;
    } else {
        QFAIL("neither a history nor a search payload");
    }
    QList<qint64> got;
    for (const ChatMessage &m : std::as_const(messages)) {
        got.append(m.id);
        // Each is the message event as broadcast, read whole.
        QCOMPARE(m.text, sampleMessage(m.id).text);
        QCOMPARE(m.from, Alice);
        QCOMPARE(m.room, u"lobby"_s);
    }
    QCOMPARE(got, ids);
}

void tst_NativeEvent::historyAndSearchRequests_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QByteArray>("expected");

    const QJsonValue ref(3);
    QTest::newRow("history, newest page")
        << NativeRequest::history(ref, u"lobby"_s, 0)
        << QByteArray(R"({"type":"history","ref":3,"room":"lobby","limit":50})");
    QTest::newRow("history before, a full page")
        << NativeRequest::history(ref, u"lobby"_s, 301, 200)
        << QByteArray(R"({"type":"history","ref":3,"room":"lobby","before":301,"limit":200})");
    QTest::newRow("history, no ref")
        << NativeRequest::history(QJsonValue::Undefined, u"a \"b\""_s, 2, 7)
        << QByteArray(R"({"type":"history","room":"a \"b\"","before":2,"limit":7})");
    QTest::newRow("search of a room")
        << NativeRequest::search(ref, u"lobby"_s, u"sock hel"_s, 50)
        << QByteArray(R"({"type":"search","ref":3,"room":"lobby","query":"sock hel","limit":50})");
    QTest::newRow("search of every room")
        << NativeRequest::search(ref, QString(), u"x"_s)
        << QByteArray(R"({"type":"search","ref":3,"query":"x","limit":50})");
    QTest::newRow("search, string ref")
        << NativeRequest::search(QJsonValue(u"s"_s), u"r"_s, u"\u00e9t\u00e9"_s, 1)
        << QByteArray(R"({"type":"search","ref":"s","room":"r","query":")"
                      "\xc3\xa9t\xc3\xa9\",\"limit\":1}");
}

void tst_NativeEvent::historyAndSearchRequests()
{
    QFETCH(QByteArray, frame);
    QFETCH(QByteArray, expected);
    QCOMPARE(frame, expected);
}

QTEST_GUILESS_MAIN(tst_NativeEvent)
#include "tst_nativeevent.moc"
