// ChatClient against a real RoomManager on loopback (and a fake server for broken frames).

#include "client/chatclient.h"
#include "protocol/nativerequest.h"
#include "server/roommanager.h"
#include "server/serverconfig.h"
#include "server/serverhost.h"
#include "tests/common/frametext.h"
#include "tests/common/testserver.h"

#include <memory>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QThread>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace Qt::StringLiterals;

using RoomCounts = QList<QPair<QString, int>>;

namespace {

constexpr int Timeout = 10000;

bool isWireTimestamp(const QString &text)
{
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time.isValid() && time.timeSpec() == Qt::UTC && text.endsWith(u'Z')
        && text.contains(u'.');
}

QJsonObject parse(const QString &frame)
{
    return QJsonDocument::fromJson(frame.toUtf8()).object();
}

using FrameText::frameBytes;
using FrameText::SmallLimit;
using FrameText::textOfFrame;

} // namespace

class tst_ChatClient final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void metaTypesRegistered();
    void welcome();
    void takenNameGetsSuffix();
    void joinOnConnect();
    void joinWithMembersAndHistory();
    void messageRoundTrip();
    void presenceJoinRenameLeave();
    void presenceLeaveOnDisconnect();
    void renameToTakenName();
    void direct();
    void typing();
    void roomsAndMembers();
    void pingPong();
    void notifyIsAcknowledged();
    void notInRoomCarriesRef();
    void serverErrors_data();
    void serverErrors();
    void rateLimited();
    void frameLog();
    void requestsNeedConnection();
    void disconnectedOnServerStop();
    void disconnectedWhenKicked();
    void closeByClient();
    void reopen();
    void openFailures_data();
    void openFailures();
    void abruptDropIsAbnormal();
    void malformedServerFrames_data();
    void malformedServerFrames();
    void worksInAnotherThread();
    void frameAtTheLimit_data();
    void frameAtTheLimit();
    void oversizedRequestsAreNotSent();

private:
    QUrl url(const QString &name, const QString &room = QString()) const;
    bool connectClient(ChatClient &client, const QString &name, const QString &room = QString());
    bool roundTrip(ChatClient &client);

    TestServer m_server; // no rate limit: tests send bursts; rateLimited() turns it back on
};

void tst_ChatClient::init()
{
    m_server.init();
    QVERIFY(m_server.start());
}

void tst_ChatClient::cleanup()
{
    m_server.cleanup();
}

QUrl tst_ChatClient::url(const QString &name, const QString &room) const
{
    QUrl url;
    url.setScheme(u"ws"_s);
    url.setHost(m_server.hostName());
    url.setPort(m_server.port());
    url.setPath(u"/chat"_s);
    QUrlQuery query;
    if (!name.isEmpty())
        query.addQueryItem(u"name"_s, name);
    if (!room.isEmpty())
        query.addQueryItem(u"room"_s, room);
    url.setQuery(query);
    return url;
}

// Opens and waits for the welcome, and for the joined reply when a room is given.
bool tst_ChatClient::connectClient(ChatClient &client, const QString &name, const QString &room)
{
    QSignalSpy welcomed(&client, &ChatClient::welcomed);
    QSignalSpy joined(&client, &ChatClient::joined);
    client.open(url(name, room));
    return QTest::qWaitFor(
        [&] { return welcomed.count() == 1 && (room.isEmpty() || joined.count() == 1); }, Timeout);
}

// The server answers one connection's frames in order: once the pong is back, everything the
// server sent this client before it has arrived too.
bool tst_ChatClient::roundTrip(ChatClient &client)
{
    QSignalSpy pongs(&client, &ChatClient::pong);
    if (client.ping() == 0)
        return false;
    return QTest::qWaitFor([&] { return pongs.count() == 1; }, Timeout);
}

void tst_ChatClient::metaTypesRegistered()
{
    // By name, as string-based queued connections and QML look them up: first in the run, so
    // that no earlier QSignalSpy has registered them already.
    const ChatClient client;
    for (const char *name : {"MemberRef", "QList<MemberRef>", "ChatMessage", "QList<ChatMessage>"})
        QVERIFY2(QMetaType::fromName(name).isValid(), name);
}

void tst_ChatClient::welcome()
{
    m_server.init(); // a server of its own, on these terms
    QVERIFY(m_server.start([](ServerConfig &c) {
        c.rateLimit = 7;
        c.maxMessageBytes = 4096;
    }));

    ChatClient client;
    QSignalSpy connected(&client, &ChatClient::connected);
    QSignalSpy welcomed(&client, &ChatClient::welcomed);
    QSignalSpy states(&client, &ChatClient::stateChanged);
    QSignalSpy frames(&client, &ChatClient::frameReceived);
    QCOMPARE(client.state(), QAbstractSocket::UnconnectedState);
    QVERIFY(!client.isConnected());

    const QUrl target = url(u"alice"_s);
    client.open(target);
    QCOMPARE(client.url(), target);
    QTRY_COMPARE_WITH_TIMEOUT(welcomed.count(), 1, Timeout);
    QCOMPARE(connected.count(), 1);

    const auto self = welcomed.at(0).at(0).value<MemberRef>();
    QCOMPARE(self.id, u"m1"_s);
    QCOMPARE(self.name, u"alice"_s);
    QCOMPARE(welcomed.at(0).at(1).toStringList(),
             QStringList({u"lobby"_s, u"chat"_s, u"notifications"_s}));
    QCOMPARE(welcomed.at(0).at(2).toLongLong(), qint64(4096));
    QCOMPARE(welcomed.at(0).at(3).toInt(), 7);

    QVERIFY(client.isConnected());
    QCOMPARE(client.state(), QAbstractSocket::ConnectedState);
    QCOMPARE(client.self(), self);
    QVERIFY(client.rooms().isEmpty());
    QCOMPARE(client.serverName(), u"wsroom/"_s + RoomManager::version());
    QCOMPARE(client.maxMessageBytes(), qint64(4096));
    QCOMPARE(client.ratePerSecond(), 7);

    QCOMPARE(frames.count(), 1);
    QVERIFY(frames.at(0).at(0).toString().startsWith(uR"({"type":"welcome",)"_s));
    QVERIFY(states.count() >= 2);
    QCOMPARE(states.first().at(0).value<QAbstractSocket::SocketState>(),
             QAbstractSocket::ConnectingState);
    QCOMPARE(states.last().at(0).value<QAbstractSocket::SocketState>(),
             QAbstractSocket::ConnectedState);
}

void tst_ChatClient::takenNameGetsSuffix()
{
    ChatClient first;
    ChatClient second;
    ChatClient guest;
    QVERIFY(connectClient(first, u"alice"_s));
    QVERIFY(connectClient(second, u"alice"_s));
    QVERIFY(connectClient(guest, QString()));
    QCOMPARE(first.self().name, u"alice"_s);
    QCOMPARE(second.self().name, u"alice-2"_s);
    QCOMPARE(guest.self(), (MemberRef {u"m3"_s, u"guest-3"_s}));
}

void tst_ChatClient::joinOnConnect()
{
    ChatClient client;
    QSignalSpy joined(&client, &ChatClient::joined);
    QVERIFY(connectClient(client, u"alice"_s, u"lobby"_s));
    QCOMPARE(joined.count(), 1);
    QCOMPARE(joined.at(0).at(0).toString(), u"lobby"_s);
    QCOMPARE(joined.at(0).at(1).value<QList<MemberRef>>(), QList<MemberRef> {client.self()});
    QVERIFY(joined.at(0).at(2).value<QList<ChatMessage>>().isEmpty());
    QCOMPARE(client.rooms(), QStringList {u"lobby"_s});
}

void tst_ChatClient::joinWithMembersAndHistory()
{
    ChatClient alice;
    QVERIFY(connectClient(alice, u"alice"_s, u"den"_s));
    QSignalSpy acks(&alice, &ChatClient::acknowledged);
    for (const QString &text : {u"one"_s, u"two"_s, u"three"_s})
        QVERIFY(alice.sendMessage(u"den"_s, text) > 0);
    QTRY_COMPARE_WITH_TIMEOUT(acks.count(), 3, Timeout);

    ChatClient bob;
    QVERIFY(connectClient(bob, u"bob"_s));
    QSignalSpy joined(&bob, &ChatClient::joined);
    QSignalSpy replies(&bob, &ChatClient::replyReceived);
    const qint64 ref = bob.join(u"den"_s);
    QCOMPARE(ref, qint64(1)); // the first request of this client
    QTRY_COMPARE_WITH_TIMEOUT(joined.count(), 1, Timeout);

    QCOMPARE(joined.at(0).at(0).toString(), u"den"_s);
    QCOMPARE(joined.at(0).at(1).value<QList<MemberRef>>(),
             (QList<MemberRef> {alice.self(), bob.self()}));
    const auto history = joined.at(0).at(2).value<QList<ChatMessage>>();
    QCOMPARE(history.size(), 3);
    const QStringList texts {u"one"_s, u"two"_s, u"three"_s};
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(history.at(i).room, u"den"_s);
        QCOMPARE(history.at(i).id, qint64(i + 1));
        QCOMPARE(history.at(i).from, alice.self());
        QCOMPARE(history.at(i).text, texts.at(i));
        QVERIFY(isWireTimestamp(history.at(i).timestamp));
        QVERIFY(history.at(i).data.isUndefined());
    }
    QCOMPARE(bob.rooms(), QStringList {u"den"_s});

    QCOMPARE(replies.count(), 1);
    QCOMPARE(replies.at(0).at(0).value<QJsonValue>().toInteger(), ref);
    QCOMPARE(replies.at(0).at(1).toString(), u"joined"_s);
    QCOMPARE(replies.at(0).at(2).value<QJsonObject>().value(u"room"_s).toString(), u"den"_s);
}

void tst_ChatClient::messageRoundTrip()
{
    ChatClient alice;
    ChatClient bob;
    QVERIFY(connectClient(alice, u"alice"_s, u"lobby"_s));
    QVERIFY(connectClient(bob, u"bob"_s, u"lobby"_s));
    QSignalSpy aliceMessages(&alice, &ChatClient::messageReceived);
    QSignalSpy bobMessages(&bob, &ChatClient::messageReceived);
    QSignalSpy aliceAcks(&alice, &ChatClient::acknowledged);
    QSignalSpy bobAcks(&bob, &ChatClient::acknowledged);

    const QString text = u"hello \"bob\" \u2713\nsecond line"_s;
    const QJsonObject data {{u"mood"_s, u"happy"_s}, {u"n"_s, 3}};
    const qint64 first = alice.sendMessage(u"lobby"_s, text, data);
    QCOMPARE(first, qint64(1));
    QTRY_COMPARE_WITH_TIMEOUT(bobMessages.count(), 1, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(aliceMessages.count(), 1, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(aliceAcks.count(), 1, Timeout);

    for (const QSignalSpy *spy : {&aliceMessages, &bobMessages}) {
        const auto message = spy->at(0).at(0).value<ChatMessage>();
        QCOMPARE(message.room, u"lobby"_s);
        QCOMPARE(message.id, qint64(1));
        QCOMPARE(message.from, alice.self());
        QCOMPARE(message.text, text);
        QCOMPARE(message.data.toObject(), data);
        QVERIFY(isWireTimestamp(message.timestamp));
    }
    QCOMPARE(aliceAcks.at(0).at(0).value<QJsonValue>().toInteger(), first);
    QCOMPARE(aliceAcks.at(0).at(1).toString(), u"lobby"_s);
    QCOMPARE(aliceAcks.at(0).at(2).toLongLong(), qint64(1));

    const qint64 reply = bob.sendMessage(u"lobby"_s, u"hi alice"_s);
    QCOMPARE(reply, qint64(1)); // refs count per client
    QTRY_COMPARE_WITH_TIMEOUT(aliceMessages.count(), 2, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(bobAcks.count(), 1, Timeout);
    const auto second = aliceMessages.at(1).at(0).value<ChatMessage>();
    QCOMPARE(second.id, qint64(2));
    QCOMPARE(second.from, bob.self());
    QCOMPARE(second.text, u"hi alice"_s);
    QVERIFY(second.data.isUndefined());
    QCOMPARE(bobAcks.at(0).at(0).value<QJsonValue>().toInteger(), reply);
    QCOMPARE(bobAcks.at(0).at(2).toLongLong(), qint64(2));

    QCOMPARE(alice.sendMessage(u"lobby"_s, u"again"_s), qint64(2));
    QTRY_COMPARE_WITH_TIMEOUT(aliceAcks.count(), 2, Timeout);
    QCOMPARE(aliceAcks.at(1).at(2).toLongLong(), qint64(3));
    QTRY_COMPARE_WITH_TIMEOUT(bobMessages.count(), 3, Timeout);
    QCOMPARE(aliceAcks.count(), 2); // acks only for one's own messages
    QCOMPARE(bobAcks.count(), 1);
}

void tst_ChatClient::presenceJoinRenameLeave()
{
    ChatClient alice;
    ChatClient bob;
    QVERIFY(connectClient(alice, u"alice"_s, u"den"_s));
    QVERIFY(connectClient(bob, u"bob"_s));
    const QString bobId = bob.self().id;
    QSignalSpy presence(&alice, &ChatClient::presence);
    QSignalSpy bobPresence(&bob, &ChatClient::presence);
    QSignalSpy renamed(&bob, &ChatClient::renamed);
    QSignalSpy left(&bob, &ChatClient::left);

    bob.join(u"den"_s);
    QTRY_COMPARE_WITH_TIMEOUT(presence.count(), 1, Timeout);
    QCOMPARE(presence.at(0).at(0).toString(), u"den"_s);
    QCOMPARE(presence.at(0).at(1).toString(), u"join"_s);
    QCOMPARE(presence.at(0).at(2).value<MemberRef>(), (MemberRef {bobId, u"bob"_s}));
    QVERIFY(presence.at(0).at(3).toString().isEmpty());

    const qint64 ref = bob.rename(u"robert"_s);
    QTRY_COMPARE_WITH_TIMEOUT(renamed.count(), 1, Timeout);
    QCOMPARE(renamed.at(0).at(0).value<MemberRef>(), (MemberRef {bobId, u"robert"_s}));
    QCOMPARE(bob.self(), (MemberRef {bobId, u"robert"_s}));
    QVERIFY(ref > 0);
    QTRY_COMPARE_WITH_TIMEOUT(presence.count(), 2, Timeout);
    QCOMPARE(presence.at(1).at(0).toString(), u"den"_s);
    QCOMPARE(presence.at(1).at(1).toString(), u"rename"_s);
    QCOMPARE(presence.at(1).at(2).value<MemberRef>(), (MemberRef {bobId, u"robert"_s}));
    QCOMPARE(presence.at(1).at(3).toString(), u"bob"_s);

    bob.leave(u"den"_s);
    QTRY_COMPARE_WITH_TIMEOUT(left.count(), 1, Timeout);
    QCOMPARE(left.at(0).at(0).toString(), u"den"_s);
    QVERIFY(bob.rooms().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(presence.count(), 3, Timeout);
    QCOMPARE(presence.at(2).at(1).toString(), u"leave"_s);
    QCOMPARE(presence.at(2).at(2).value<MemberRef>(), (MemberRef {bobId, u"robert"_s}));

    // Nobody hears about themselves.
    QVERIFY(roundTrip(bob));
    QCOMPARE(bobPresence.count(), 0);
}

void tst_ChatClient::presenceLeaveOnDisconnect()
{
    ChatClient alice;
    ChatClient bob;
    QVERIFY(connectClient(alice, u"alice"_s, u"den"_s));
    QVERIFY(connectClient(bob, u"bob"_s, u"den"_s));
    const MemberRef bobRef = bob.self();
    QSignalSpy presence(&alice, &ChatClient::presence);
    QSignalSpy disconnected(&bob, &ChatClient::disconnected);

    bob.close();
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.count(), 1, Timeout);
    QCOMPARE(disconnected.at(0).at(0).toInt(), 1000);
    QTRY_COMPARE_WITH_TIMEOUT(presence.count(), 1, Timeout);
    QCOMPARE(presence.at(0).at(0).toString(), u"den"_s);
    QCOMPARE(presence.at(0).at(1).toString(), u"leave"_s);
    QCOMPARE(presence.at(0).at(2).value<MemberRef>(), bobRef);
}

void tst_ChatClient::renameToTakenName()
{
    ChatClient alice;
    ChatClient bob;
    QVERIFY(connectClient(alice, u"alice"_s));
    QVERIFY(connectClient(bob, u"bob"_s));
    QSignalSpy errors(&bob, &ChatClient::errorReceived);
    QSignalSpy renamed(&bob, &ChatClient::renamed);

    const qint64 ref = bob.rename(u"alice"_s);
    QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, Timeout);
    QCOMPARE(errors.at(0).at(0).toString(), u"name_taken"_s);
    QVERIFY(!errors.at(0).at(1).toString().isEmpty());
    QCOMPARE(errors.at(0).at(2).value<QJsonValue>().toInteger(), ref);
    QCOMPARE(renamed.count(), 0);
    QCOMPARE(bob.self().name, u"bob"_s);
}

void tst_ChatClient::direct()
{
    ChatClient alice;
    ChatClient bob;
    QVERIFY(connectClient(alice, u"alice"_s));
    QVERIFY(connectClient(bob, u"bob"_s));
    QSignalSpy aliceDirect(&alice, &ChatClient::directReceived);
    QSignalSpy bobDirect(&bob, &ChatClient::directReceived);
    QSignalSpy aliceErrors(&alice, &ChatClient::errorReceived);

    alice.sendDirect(u"bob"_s, u"psst"_s);
    QTRY_COMPARE_WITH_TIMEOUT(bobDirect.count(), 1, Timeout);
    QCOMPARE(bobDirect.at(0).at(0).value<MemberRef>(), alice.self());
    QCOMPARE(bobDirect.at(0).at(1).value<MemberRef>(), bob.self());
    QCOMPARE(bobDirect.at(0).at(2).toString(), u"psst"_s);
    QVERIFY(isWireTimestamp(bobDirect.at(0).at(3).toString()));
    // The sender gets the same event, for its own conversation view.
    QTRY_COMPARE_WITH_TIMEOUT(aliceDirect.count(), 1, Timeout);
    QCOMPARE(aliceDirect.at(0), bobDirect.at(0));

    alice.sendDirect(bob.self().id, u"by id"_s);
    QTRY_COMPARE_WITH_TIMEOUT(bobDirect.count(), 2, Timeout);
    QCOMPARE(bobDirect.at(1).at(2).toString(), u"by id"_s);

    const qint64 ref = alice.sendDirect(u"ghost"_s, u"anyone?"_s);
    QTRY_COMPARE_WITH_TIMEOUT(aliceErrors.count(), 1, Timeout);
    QCOMPARE(aliceErrors.at(0).at(0).toString(), u"no_such_member"_s);
    QCOMPARE(aliceErrors.at(0).at(2).value<QJsonValue>().toInteger(), ref);
    QVERIFY(roundTrip(bob));
    QCOMPARE(bobDirect.count(), 2);
}

void tst_ChatClient::typing()
{
    ChatClient alice;
    ChatClient bob;
    QVERIFY(connectClient(alice, u"alice"_s, u"den"_s));
    QVERIFY(connectClient(bob, u"bob"_s, u"den"_s));
    QSignalSpy aliceTyping(&alice, &ChatClient::typing);
    QSignalSpy bobTyping(&bob, &ChatClient::typing);

    QVERIFY(bob.setTyping(u"den"_s, true) > 0);
    QTRY_COMPARE_WITH_TIMEOUT(aliceTyping.count(), 1, Timeout);
    QCOMPARE(aliceTyping.at(0).at(0).toString(), u"den"_s);
    QCOMPARE(aliceTyping.at(0).at(1).value<MemberRef>(), bob.self());
    QCOMPARE(aliceTyping.at(0).at(2).toBool(), true);

    bob.setTyping(u"den"_s, false);
    QTRY_COMPARE_WITH_TIMEOUT(aliceTyping.count(), 2, Timeout);
    QCOMPARE(aliceTyping.at(1).at(2).toBool(), false);

    QVERIFY(roundTrip(bob));
    QCOMPARE(bobTyping.count(), 0);
}

void tst_ChatClient::roomsAndMembers()
{
    ChatClient alice;
    ChatClient bob;
    ChatClient carol;
    QVERIFY(connectClient(alice, u"alice"_s, u"den"_s));
    QVERIFY(connectClient(bob, u"bob"_s, u"den"_s));
    QVERIFY(connectClient(carol, u"carol"_s, u"lobby"_s));
    QSignalSpy rooms(&carol, &ChatClient::roomsListed);
    QSignalSpy members(&carol, &ChatClient::membersListed);

    carol.requestRooms();
    QTRY_COMPARE_WITH_TIMEOUT(rooms.count(), 1, Timeout);
    QCOMPARE(
        rooms.at(0).at(0).value<RoomCounts>(),
        (RoomCounts {{u"lobby"_s, 1}, {u"chat"_s, 0}, {u"notifications"_s, 0}, {u"den"_s, 2}}));

    carol.requestMembers(u"den"_s);
    QTRY_COMPARE_WITH_TIMEOUT(members.count(), 1, Timeout);
    QCOMPARE(members.at(0).at(0).toString(), u"den"_s);
    QCOMPARE(members.at(0).at(1).value<QList<MemberRef>>(),
             (QList<MemberRef> {alice.self(), bob.self()}));

    carol.requestMembers(u"nowhere"_s);
    QTRY_COMPARE_WITH_TIMEOUT(members.count(), 2, Timeout);
    QCOMPARE(members.at(1).at(0).toString(), u"nowhere"_s);
    QVERIFY(members.at(1).at(1).value<QList<MemberRef>>().isEmpty());
}

void tst_ChatClient::pingPong()
{
    ChatClient client;
    QVERIFY(connectClient(client, u"alice"_s));
    QSignalSpy pongs(&client, &ChatClient::pong);
    QSignalSpy replies(&client, &ChatClient::replyReceived);

    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const qint64 ref = client.ping();
    QVERIFY(ref > 0);
    QTRY_COMPARE_WITH_TIMEOUT(pongs.count(), 1, Timeout);
    const qint64 after = QDateTime::currentMSecsSinceEpoch();

    const auto ts = pongs.at(0).at(0).value<QJsonValue>();
    QVERIFY(ts.isDouble());
    QVERIFY(ts.toInteger() >= before);
    QVERIFY(ts.toInteger() <= after);
    const QString serverTime = pongs.at(0).at(1).toString();
    QVERIFY2(isWireTimestamp(serverTime), qPrintable(serverTime));
    const qint64 server = QDateTime::fromString(serverTime, Qt::ISODateWithMs).toMSecsSinceEpoch();
    QVERIFY(qAbs(server - after) < 60000);

    QCOMPARE(replies.count(), 1);
    QCOMPARE(replies.at(0).at(0).value<QJsonValue>().toInteger(), ref);
    QCOMPARE(replies.at(0).at(1).toString(), u"pong"_s);
}

void tst_ChatClient::notifyIsAcknowledged()
{
    QWebSocket listener;
    QSignalSpy listenerConnected(&listener, &QWebSocket::connected);
    QSignalSpy notifications(&listener, &QWebSocket::textMessageReceived);
    QUrl notificationsUrl = url(QString());
    notificationsUrl.setPath(u"/ws/notifications/nina"_s);
    notificationsUrl.setQuery(QString());
    listener.open(notificationsUrl);
    QTRY_COMPARE_WITH_TIMEOUT(listenerConnected.count(), 1, Timeout);

    ChatClient client;
    QVERIFY(connectClient(client, u"host-tools"_s));
    QSignalSpy acks(&client, &ChatClient::acknowledged);
    const qint64 ref = client.notify(u"tea is ready"_s);
    QTRY_COMPARE_WITH_TIMEOUT(acks.count(), 1, Timeout);
    QCOMPARE(acks.at(0).at(0).value<QJsonValue>().toInteger(), ref);
    QVERIFY(acks.at(0).at(1).toString().isEmpty());
    QCOMPARE(acks.at(0).at(2).toLongLong(), qint64(0));

    QTRY_COMPARE_WITH_TIMEOUT(notifications.count(), 1, Timeout);
    const QJsonObject notification = parse(notifications.at(0).at(0).toString());
    QCOMPARE(notification.value(u"type"_s).toString(), u"notification"_s);
    QCOMPARE(notification.value(u"message"_s).toString(), u"tea is ready"_s);
}

void tst_ChatClient::notInRoomCarriesRef()
{
    ChatClient client;
    QVERIFY(connectClient(client, u"alice"_s, u"lobby"_s));
    QSignalSpy errors(&client, &ChatClient::errorReceived);
    QSignalSpy messages(&client, &ChatClient::messageReceived);
    QSignalSpy acks(&client, &ChatClient::acknowledged);

    client.ping(); // so that the ref asked for below is not 1 by chance
    const qint64 ref = client.sendMessage(u"kitchen"_s, u"hello?"_s);
    QCOMPARE(ref, qint64(2));
    QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, Timeout);
    QCOMPARE(errors.at(0).at(0).toString(), u"not_in_room"_s);
    QVERIFY(errors.at(0).at(1).toString().contains(u"kitchen"_s));
    QCOMPARE(errors.at(0).at(2).value<QJsonValue>(), QJsonValue(2));
    QVERIFY(roundTrip(client));
    QCOMPARE(messages.count(), 0);
    QCOMPARE(acks.count(), 0);
    QVERIFY(client.isConnected());
}

void tst_ChatClient::serverErrors_data()
{
    QTest::addColumn<QString>("frame");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QJsonValue>("ref");

    const QJsonValue none = QJsonValue::Undefined;
    QTest::newRow("not JSON") << u"hello"_s << u"bad_json"_s << none;
    QTest::newRow("not an object") << u"[1,2]"_s << u"bad_json"_s << none;
    QTest::newRow("no type") << uR"({"ref":1})"_s << u"bad_request"_s << QJsonValue(1);
    QTest::newRow("unknown type") << uR"({"type":"fly","ref":"r-1"})"_s << u"unknown_type"_s
                                  << QJsonValue(u"r-1"_s);
    QTest::newRow("join without room")
        << uR"({"type":"join","ref":2})"_s << u"bad_request"_s << QJsonValue(2);
    QTest::newRow("room name too long")
        << uR"({"type":"join","room":")"_s + QString(65, u'x') + uR"("})"_s << u"bad_request"_s
        << none;
    QTest::newRow("empty text") << uR"({"type":"message","room":"lobby","text":""})"_s
                                << u"bad_request"_s << none;
    QTest::newRow("message, not in room")
        << uR"({"type":"message","room":"elsewhere","text":"x","ref":"m"})"_s << u"not_in_room"_s
        << QJsonValue(u"m"_s);
    QTest::newRow("leave, not in room")
        << uR"({"type":"leave","room":"elsewhere"})"_s << u"not_in_room"_s << none;
    QTest::newRow("typing, not in room")
        << uR"({"type":"typing","room":"elsewhere","active":true,"ref":3})"_s << u"not_in_room"_s
        << QJsonValue(3);
    QTest::newRow("direct to nobody")
        << uR"({"type":"direct","to":"ghost","text":"x"})"_s << u"no_such_member"_s << none;
}

void tst_ChatClient::serverErrors()
{
    QFETCH(QString, frame);
    QFETCH(QString, code);
    QFETCH(QJsonValue, ref);

    ChatClient client;
    QVERIFY(connectClient(client, u"alice"_s, u"lobby"_s));
    QSignalSpy errors(&client, &ChatClient::errorReceived);
    QSignalSpy replies(&client, &ChatClient::replyReceived);

    QVERIFY(client.sendRaw(frame));
    QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, Timeout);
    QCOMPARE(errors.at(0).at(0).toString(), code);
    QVERIFY(!errors.at(0).at(1).toString().isEmpty());
    QCOMPARE(errors.at(0).at(2).value<QJsonValue>(), ref);
    QCOMPARE(replies.count(), ref.isUndefined() ? 0 : 1);
    // The connection stays open and usable.
    QVERIFY(roundTrip(client));
    QVERIFY(client.isConnected());
    QCOMPARE(errors.count(), 1);
}

void tst_ChatClient::rateLimited()
{
    m_server.init();
    // A bucket of 2 that refills once a second.
    QVERIFY(m_server.start([](ServerConfig &c) { c.rateLimit = 1; }));

    ChatClient client;
    QVERIFY(connectClient(client, u"alice"_s));
    QSignalSpy pongs(&client, &ChatClient::pong);
    QSignalSpy errors(&client, &ChatClient::errorReceived);
    constexpr int Burst = 6;
    for (int i = 0; i < Burst; ++i)
        QVERIFY(client.ping() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(pongs.count() + errors.count(), Burst, Timeout);
    QVERIFY(errors.count() >= 1);
    QVERIFY(pongs.count() >= 2);
    for (const QList<QVariant> &error : std::as_const(errors))
        QCOMPARE(error.at(0).toString(), u"rate_limited"_s);
}

void tst_ChatClient::frameLog()
{
    ChatClient client;
    QVERIFY(connectClient(client, u"alice"_s));
    QSignalSpy sent(&client, &ChatClient::frameSent);
    QSignalSpy received(&client, &ChatClient::frameReceived);
    QSignalSpy joined(&client, &ChatClient::joined);

    const qint64 ref = client.join(u"den"_s);
    QCOMPARE(sent.count(), 1);
    const QString frame = sent.at(0).at(0).toString();
    QVERIFY2(frame.startsWith(uR"({"type":"join",)"_s), qPrintable(frame));
    const QJsonObject request = parse(frame);
    QCOMPARE(request.value(u"room"_s).toString(), u"den"_s);
    QCOMPARE(request.value(u"ref"_s).toInteger(), ref);

    QTRY_COMPARE_WITH_TIMEOUT(joined.count(), 1, Timeout);
    QCOMPARE(received.count(), 1);
    const QJsonObject reply = parse(received.at(0).at(0).toString());
    QCOMPARE(reply.value(u"type"_s).toString(), u"joined"_s);
    QCOMPARE(reply.value(u"ref"_s).toInteger(), ref);

    const QJsonArray data {1, u"two"_s, true};
    client.sendMessage(u"den"_s, u"with data"_s, data);
    QCOMPARE(sent.count(), 2);
    QCOMPARE(parse(sent.at(1).at(0).toString()).value(u"data"_s).toArray(), data);
    client.sendMessage(u"den"_s, u"without"_s);
    QVERIFY(!parse(sent.at(2).at(0).toString()).contains(u"data"_s));

    QVERIFY(client.sendRaw(u"{\"type\":\"rooms\"}"_s));
    QCOMPARE(sent.count(), 4);
    QCOMPARE(sent.at(3).at(0).toString(), u"{\"type\":\"rooms\"}"_s);
    // message, ack, message, ack, rooms
    QTRY_COMPARE_WITH_TIMEOUT(received.count(), 6, Timeout);
    QCOMPARE(parse(received.at(5).at(0).toString()).value(u"type"_s).toString(), u"rooms"_s);
}

void tst_ChatClient::requestsNeedConnection()
{
    ChatClient client;
    QSignalSpy sent(&client, &ChatClient::frameSent);
    QCOMPARE(client.join(u"den"_s), qint64(0));
    QCOMPARE(client.sendMessage(u"den"_s, u"x"_s), qint64(0));
    QCOMPARE(client.ping(), qint64(0));
    QVERIFY(!client.sendRaw(u"{}"_s));
    QCOMPARE(sent.count(), 0);
    QCOMPARE(client.self(), MemberRef());
    client.close(); // harmless before open()
    QCOMPARE(client.state(), QAbstractSocket::UnconnectedState);
}

void tst_ChatClient::disconnectedOnServerStop()
{
    ChatClient client;
    QVERIFY(connectClient(client, u"alice"_s, u"lobby"_s));
    const MemberRef self = client.self();
    QSignalSpy disconnected(&client, &ChatClient::disconnected);
    QSignalSpy states(&client, &ChatClient::stateChanged);

    m_server.host()->stop();
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.count(), 1, Timeout);
    QCOMPARE(disconnected.at(0).at(0).toInt(), 1000);
    QCOMPARE(disconnected.at(0).at(1).toString(), u"the server is stopping"_s);
    QVERIFY(!client.isConnected());
    QCOMPARE(client.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(states.last().at(0).value<QAbstractSocket::SocketState>(),
             QAbstractSocket::UnconnectedState);
    QVERIFY(client.rooms().isEmpty());
    QCOMPARE(client.self(), self); // still says who this was, for the window title
}

void tst_ChatClient::disconnectedWhenKicked()
{
    ChatClient client;
    QVERIFY(connectClient(client, u"alice"_s));
    QSignalSpy disconnected(&client, &ChatClient::disconnected);

    m_server.host()->kick(client.self().id, u"go away"_s);
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.count(), 1, Timeout);
    QCOMPARE(disconnected.at(0).at(0).toInt(), 4000);
    QCOMPARE(disconnected.at(0).at(1).toString(), u"go away"_s);
}

void tst_ChatClient::closeByClient()
{
    ChatClient client;
    QVERIFY(connectClient(client, u"alice"_s, u"lobby"_s));
    QSignalSpy disconnected(&client, &ChatClient::disconnected);

    client.close();
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.count(), 1, Timeout);
    QCOMPARE(disconnected.at(0).at(0).toInt(), 1000);
    QVERIFY(!client.isConnected());
    QVERIFY(client.rooms().isEmpty());
    QCOMPARE(client.ping(), qint64(0));

    // The server forgot the member: the name is free again.
    ChatClient again;
    QVERIFY(connectClient(again, u"alice"_s));
    QCOMPARE(again.self().name, u"alice"_s);
}

void tst_ChatClient::reopen()
{
    ChatClient watcher;
    ChatClient client;
    QVERIFY(connectClient(watcher, u"watcher"_s, u"lobby"_s));
    QVERIFY(connectClient(client, u"alice"_s, u"lobby"_s));
    const MemberRef alice = client.self();
    QSignalSpy disconnected(&client, &ChatClient::disconnected);
    QSignalSpy welcomed(&client, &ChatClient::welcomed);
    QSignalSpy presence(&watcher, &ChatClient::presence);

    client.open(url(u"bob"_s));
    QCOMPARE(disconnected.count(), 1);
    QCOMPARE(disconnected.at(0).at(0).toInt(), 1000);
    QVERIFY(client.rooms().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(welcomed.count(), 1, Timeout);
    QCOMPARE(client.self().name, u"bob"_s);
    QVERIFY(client.self().id != alice.id);

    // The first connection was closed, not left behind.
    QTRY_COMPARE_WITH_TIMEOUT(presence.count(), 1, Timeout);
    QCOMPARE(presence.at(0).at(1).toString(), u"leave"_s);
    QCOMPARE(presence.at(0).at(2).value<MemberRef>(), alice);
    QCOMPARE(disconnected.count(), 1);
}

void tst_ChatClient::openFailures_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("unknown path") << u"path"_s;
    QTest::newRow("connection refused") << u"refused"_s;
    QTest::newRow("not a WebSocket scheme") << u"scheme"_s;
    QTest::newRow("invalid URL") << u"invalid"_s;
}

void tst_ChatClient::openFailures()
{
    QFETCH(QString, kind);

    QUrl target = url(u"alice"_s);
    if (kind == u"path"_s) {
        target.setPath(u"/nope"_s);
    } else if (kind == u"refused"_s) {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        target.setPort(closed.serverPort());
        closed.close();
    } else if (kind == u"scheme"_s) {
        target.setScheme(u"http"_s);
    } else {
        target = QUrl(u"ws://exa mple.org:99999/chat"_s);
        QVERIFY(!target.isValid());
    }

    ChatClient client;
    QSignalSpy connected(&client, &ChatClient::connected);
    QSignalSpy welcomed(&client, &ChatClient::welcomed);
    QSignalSpy disconnected(&client, &ChatClient::disconnected);
    client.open(target);
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.count(), 1, Timeout);
    QCOMPARE(disconnected.at(0).at(0).toInt(), ChatClient::AbnormalCloseCode);
    QVERIFY(!disconnected.at(0).at(1).toString().isEmpty());
    QCOMPARE(connected.count(), 0);
    QCOMPARE(welcomed.count(), 0);
    QVERIFY(!client.isConnected());
    QCOMPARE(client.join(u"den"_s), qint64(0));

    // A client that failed can still open a good connection.
    QVERIFY(connectClient(client, u"alice"_s));
    QCOMPARE(disconnected.count(), 1);
}

void tst_ChatClient::abruptDropIsAbnormal()
{
    // QWebSocket reports 1000 for a connection that simply broke; the client must not.
    QWebSocketServer fake(u"fake"_s, QWebSocketServer::NonSecureMode);
    QVERIFY(fake.listen(QHostAddress::LocalHost));
    QPointer<QWebSocket> serverSide;
    connect(&fake, &QWebSocketServer::newConnection, &fake, [&] {
        serverSide = fake.nextPendingConnection();
        serverSide->setParent(&fake);
        serverSide->sendTextMessage(
            uR"({"type":"welcome","protocol":1,"member":{"id":"m1","name":"a"},"rooms":[]})"_s);
    });

    ChatClient client;
    QSignalSpy welcomed(&client, &ChatClient::welcomed);
    QSignalSpy disconnected(&client, &ChatClient::disconnected);
    QUrl target;
    target.setScheme(u"ws"_s);
    target.setHost(u"127.0.0.1"_s);
    target.setPort(fake.serverPort());
    target.setPath(u"/chat"_s);
    client.open(target);
    QTRY_COMPARE_WITH_TIMEOUT(welcomed.count(), 1, Timeout);
    QVERIFY(serverSide);

    serverSide->abort();
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.count(), 1, Timeout);
    QCOMPARE(disconnected.at(0).at(0).toInt(), ChatClient::AbnormalCloseCode);
    QVERIFY(!disconnected.at(0).at(1).toString().isEmpty());
    QVERIFY(!client.isConnected());
}

void tst_ChatClient::malformedServerFrames_data()
{
    QTest::addColumn<QString>("frame");
    QTest::addColumn<bool>("binary");
    QTest::addColumn<bool>("bad"); // reported as bad_frame; otherwise ignored with a warning

    const auto member = uR"({"id":"m1","name":"a"})"_s;
    QTest::newRow("truncated JSON") << uR"({"type":)"_s << false << true;
    QTest::newRow("array") << u"[1]"_s << false << true;
    QTest::newRow("no type") << uR"({"x":1})"_s << false << true;
    QTest::newRow("type not a string") << uR"({"type":5})"_s << false << true;
    QTest::newRow("message without id")
        << uR"({"type":"message","room":"r","from":%1,"text":"t","timestamp":"x"})"_s.arg(member)
        << false << true;
    QTest::newRow("message with a string id")
        << uR"({"type":"message","room":"r","id":"1","from":%1,"text":"t","timestamp":"x"})"_s.arg(
               member)
        << false << true;
    QTest::newRow("welcome, member a string")
        << uR"({"type":"welcome","member":"zed"})"_s << false << true;
    QTest::newRow("joined, member without name")
        << uR"({"type":"joined","room":"r","members":[{"id":"m1"}],"history":[]})"_s << false
        << true;
    QTest::newRow("joined, history entry a number")
        << uR"({"type":"joined","room":"r","members":[],"history":[5]})"_s << false << true;
    QTest::newRow("rooms without counts")
        << uR"({"type":"rooms","rooms":[{"name":"a"}]})"_s << false << true;
    QTest::newRow("typing without active")
        << uR"({"type":"typing","room":"r","member":%1})"_s.arg(member) << false << true;
    QTest::newRow("pong without server_time") << uR"({"type":"pong","ts":1})"_s << false << true;
    QTest::newRow("error without code") << uR"({"type":"error","message":"m"})"_s << false << true;
    QTest::newRow("binary frame") << uR"({"type":"ack"})"_s << true << true;
    QTest::newRow("unknown type") << uR"({"type":"from_the_future","x":1})"_s << false << false;
}

void tst_ChatClient::malformedServerFrames()
{
    QFETCH(QString, frame);
    QFETCH(bool, binary);
    QFETCH(bool, bad);

    // The real server never sends these, so a fake one does, followed by a good welcome.
    QWebSocketServer fake(u"fake"_s, QWebSocketServer::NonSecureMode);
    QVERIFY(fake.listen(QHostAddress::LocalHost));
    const QString welcome
        = uR"({"type":"welcome","protocol":1,"server":"fake/1","member":{"id":"m9","name":"zed"},)"
          uR"("rooms":["r"],"limits":{"max_message_bytes":10,"rate_per_second":1}})"_s;
    connect(&fake, &QWebSocketServer::newConnection, &fake, [&] {
        QWebSocket *socket = fake.nextPendingConnection();
        socket->setParent(&fake);
        if (binary)
            socket->sendBinaryMessage(frame.toUtf8());
        else
            socket->sendTextMessage(frame);
        socket->sendTextMessage(welcome);
    });

    if (bad) {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"^the server sent "_s));
    } else {
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(u"^ignoring a \"from_the_future\" frame"_s));
    }

    ChatClient client;
    QSignalSpy errors(&client, &ChatClient::errorReceived);
    QSignalSpy welcomed(&client, &ChatClient::welcomed);
    QSignalSpy received(&client, &ChatClient::frameReceived);
    QSignalSpy messages(&client, &ChatClient::messageReceived);
    QSignalSpy joined(&client, &ChatClient::joined);
    QUrl target;
    target.setScheme(u"ws"_s);
    target.setHost(u"127.0.0.1"_s);
    target.setPort(fake.serverPort());
    target.setPath(u"/chat"_s);
    client.open(target);

    QTRY_COMPARE_WITH_TIMEOUT(welcomed.count(), 1, Timeout);
    QCOMPARE(welcomed.at(0).at(0).value<MemberRef>(), (MemberRef {u"m9"_s, u"zed"_s}));
    QCOMPARE(welcomed.at(0).at(1).toStringList(), QStringList {u"r"_s});
    QCOMPARE(client.maxMessageBytes(), qint64(10));
    QCOMPARE(client.ratePerSecond(), 1);
    QCOMPARE(errors.count(), bad ? 1 : 0);
    if (bad) {
        QCOMPARE(errors.at(0).at(0).toString(), u"bad_frame"_s);
        QVERIFY(errors.at(0).at(1).toString().startsWith(u"the server sent "_s));
        QVERIFY(errors.at(0).at(2).value<QJsonValue>().isUndefined());
    }
    QCOMPARE(received.count(), binary ? 1 : 2);
    QCOMPARE(messages.count(), 0);
    QCOMPARE(joined.count(), 0);
    QVERIFY(client.rooms().isEmpty());
    QVERIFY(client.isConnected());
}

void tst_ChatClient::worksInAnotherThread()
{
    ChatClient peer;
    QVERIFY(connectClient(peer, u"peer"_s, u"lobby"_s));

    QList<MemberRef> welcomedAs;
    QList<QList<MemberRef>> joinedMembers;
    QList<ChatMessage> messages;
    QList<int> closeCodes;
    QObject sink; // declared after what its slots write to, so it goes first

    QThread thread;
    thread.start();
    auto *client = new ChatClient;
    client->moveToThread(&thread);
    // Receivers in this thread: every signal crosses threads queued, with its values copied.
    connect(client, &ChatClient::welcomed, &sink,
            [&](const MemberRef &self) { welcomedAs.append(self); });
    connect(
        client, &ChatClient::joined, &sink,
        [&](const QString &, const QList<MemberRef> &members) { joinedMembers.append(members); });
    connect(client, &ChatClient::messageReceived, &sink,
            [&](const ChatMessage &message) { messages.append(message); });
    connect(client, &ChatClient::disconnected, &sink, [&](int code) { closeCodes.append(code); });

    const QUrl target = url(u"threaded"_s, u"lobby"_s);
    QMetaObject::invokeMethod(client, [client, target] { client->open(target); });
    QTRY_COMPARE_WITH_TIMEOUT(joinedMembers.size(), 1, Timeout);
    QCOMPARE(welcomedAs.size(), 1);
    QCOMPARE(welcomedAs.at(0).name, u"threaded"_s);
    QCOMPARE(joinedMembers.at(0), (QList<MemberRef> {peer.self(), welcomedAs.at(0)}));

    peer.sendMessage(u"lobby"_s, u"to the thread"_s, QJsonObject {{u"k"_s, 1}});
    QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 1, Timeout);
    QCOMPARE(messages.at(0).text, u"to the thread"_s);
    QCOMPARE(messages.at(0).from, peer.self());
    QCOMPARE(messages.at(0).data.toObject().value(u"k"_s).toInt(), 1);

    QMetaObject::invokeMethod(client, [client] { client->close(); });
    QTRY_COMPARE_WITH_TIMEOUT(closeCodes.size(), 1, Timeout);
    QCOMPARE(closeCodes.at(0), 1000);

    QMetaObject::invokeMethod(
        client, [client] { delete client; }, Qt::BlockingQueuedConnection);
    thread.quit();
    QVERIFY(thread.wait(Timeout));
}

void tst_ChatClient::frameAtTheLimit_data()
{
    // One unit, repeated: what it costs in the frame differs from what it costs in the text.
    QTest::addColumn<QString>("unit");
    QTest::addColumn<bool>("direct");
    const QList<QPair<const char *, QString>> units {
        {"ascii", u"abc "_s},
        {"quote and backslash", u"\"\\"_s}, // 2 characters, 4 bytes
        {"control characters", u"\u0001\u001f\t"_s}, // 3 characters, 6 + 6 + 2 bytes
        {"e acute", u"\u00e9"_s}, // 1 character, 2 bytes
        {"emoji", u"\U0001F600"_s}, // 2 UTF-16 units, 4 bytes
        {"all of them", u"a\"\\\u0001\u00e9\U0001F600"_s},
    };
    for (const auto &[name, unit] : units) {
        QTest::addRow("message, %s", name) << unit << false;
        QTest::addRow("direct, %s", name) << unit << true;
    }
}

void tst_ChatClient::frameAtTheLimit()
{
    QFETCH(QString, unit);
    QFETCH(bool, direct);
    m_server.init();
    QVERIFY(m_server.start([](ServerConfig &c) { c.maxMessageBytes = SmallLimit; }));

    ChatClient sender;
    ChatClient receiver;
    QVERIFY(connectClient(sender, u"sender"_s, u"lobby"_s));
    QVERIFY(connectClient(receiver, u"receiver"_s, u"lobby"_s));
    QCOMPARE(sender.maxMessageBytes(), SmallLimit);
    const QString target = direct ? receiver.self().id : u"lobby"_s;
    QSignalSpy sent(&sender, &ChatClient::frameSent);
    QSignalSpy senderGone(&sender, &ChatClient::disconnected);
    QSignalSpy messages(&receiver, &ChatClient::messageReceived);
    QSignalSpy directs(&receiver, &ChatClient::directReceived);

    // Nothing sent since the handshake (the room came in the URL): the next ref is 1.
    const QString atLimit = textOfFrame(direct, 1, target, unit, SmallLimit);
    const QString overLimit = atLimit + u'x';
    QCOMPARE(frameBytes(direct, 1, target, atLimit), SmallLimit);
    QVERIFY2(atLimit.toUtf8().size() < SmallLimit, "the text alone must look small enough");

    Request request;
    request.type = direct ? Request::Type::Direct : Request::Type::Message;
    request.room = target;
    request.to = target;

    // One byte past the limit: refused by the client, which says by how much, and not sent.
    request.text = overLimit;
    ChatClient::FrameFit fit = sender.frameFit(request);
    QCOMPARE(fit.bytes, SmallLimit + 1);
    QCOMPARE(fit.limit, SmallLimit);
    QCOMPARE(fit.over(), qint64(1));
    QVERIFY(!fit.fits());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"^not sending a \\d+-byte frame"_s));
    const qint64 refused
        = direct ? sender.sendDirect(target, overLimit) : sender.sendMessage(target, overLimit);
    QCOMPARE(refused, qint64(0));
    QCOMPARE(sent.count(), 0);

    // Exactly at the limit: sent whole, with the ref the refused one did not spend, delivered.
    request.text = atLimit;
    fit = sender.frameFit(request);
    QCOMPARE(fit.bytes, SmallLimit);
    QCOMPARE(fit.over(), qint64(0));
    QVERIFY(fit.fits());
    const qint64 ref
        = direct ? sender.sendDirect(target, atLimit) : sender.sendMessage(target, atLimit);
    QCOMPARE(ref, qint64(1));
    QCOMPARE(sent.count(), 1);
    QCOMPARE(sent.at(0).at(0).toString().toUtf8().size(), SmallLimit);
    if (direct) {
        QTRY_COMPARE_WITH_TIMEOUT(directs.count(), 1, Timeout);
        QCOMPARE(directs.at(0).at(2).toString(), atLimit);
    } else {
        QTRY_COMPARE_WITH_TIMEOUT(messages.count(), 1, Timeout);
        QCOMPARE(messages.at(0).at(0).value<ChatMessage>().text, atLimit);
    }

    // The sender is still there, and so is the room: nobody was closed with 1009.
    QVERIFY(roundTrip(sender));
    QVERIFY(sender.isConnected());
    QCOMPARE(senderGone.count(), 0);
    QVERIFY(roundTrip(receiver));
    QCOMPARE(messages.count(), direct ? 0 : 1);
}

void tst_ChatClient::oversizedRequestsAreNotSent()
{
    // Whatever else carries user text (notify, search) is held to the same frame limit.
    m_server.init();
    QVERIFY(m_server.start([](ServerConfig &c) { c.maxMessageBytes = SmallLimit; }));
    ChatClient client;
    QVERIFY(connectClient(client, u"alice"_s, u"lobby"_s));
    QSignalSpy sent(&client, &ChatClient::frameSent);
    const QString longText(int(SmallLimit), u'q');
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"^not sending a \\d+-byte frame"_s));
    QCOMPARE(client.notify(longText), qint64(0));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"^not sending a \\d+-byte frame"_s));
    QCOMPARE(client.search(u"lobby"_s, longText), qint64(0));
    QCOMPARE(sent.count(), 0);
    QVERIFY(roundTrip(client));
    QVERIFY(client.isConnected());

    // Before welcome the limit is unknown (0): the client does not guess.
    ChatClient unwelcomed;
    Request request;
    request.type = Request::Type::Message;
    request.room = u"lobby"_s;
    request.text = longText;
    QCOMPARE(unwelcomed.frameFit(request).limit, qint64(0));
    QVERIFY(unwelcomed.frameFit(request).fits());
}

QTEST_GUILESS_MAIN(tst_ChatClient)
#include "tst_chatclient.moc"
