// The host's control over the class (issue #17): the reserved name "host", bans (HTTP 403 by
// name and address, lifted, loopback never banned), mute, locked rooms, the kick record and a
// notification's recipients. Real sockets on loopback (and on the machine's own non-loopback
// address, for a banned address), the server on port 0.
#include "console/activitylogmodel.h"
#include "server/banlist_p.h"
#include "tests/common/testserver.h"

#include <QFile>
#include <QJsonArray>
#include <QNetworkInterface>
#include <QTemporaryDir>

using namespace Qt::Literals::StringLiterals;

namespace {

// A WebSocket upgrade request for target, sent from the default source address to address:port;
// the answer's head and body (a 101's head alone: the connection stays open until socket goes).
QByteArray upgrade(QTcpSocket &socket, const QHostAddress &address, quint16 port,
                   const QByteArray &target)
{
    socket.connectToHost(address, port);
    if (!socket.waitForConnected(TestClient::Timeout))
        return QByteArray();
    socket.write(
        "GET " + target
        + " HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    QByteArray response;
    (void)QTest::qWaitFor(
        [&] {
            response += socket.readAll();
            if (response.startsWith("HTTP/1.1 101") && response.contains("\r\n\r\n"))
                return true;
            return socket.state() == QAbstractSocket::UnconnectedState;
        },
        TestClient::Timeout);
    return response + socket.readAll();
}

QByteArray upgrade(const QHostAddress &address, quint16 port, const QByteArray &target)
{
    QTcpSocket socket;
    return upgrade(socket, address, port, target);
}

// One of this machine's IPv4 addresses that is not loopback, or a null address.
QHostAddress nonLoopbackAddress()
{
    for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
        if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback())
            return address;
    }
    return QHostAddress();
}

QJsonObject request(const QString &type, const QJsonObject &fields)
{
    QJsonObject r = fields;
    r.insert(u"type"_s, type);
    return r;
}

} // namespace

class tst_Moderation : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void reservedNameRefusedAtHandshake_data();
    void reservedNameRefusedAtHandshake();
    void renameToHostRefused_data();
    void renameToHostRefused();
    void generatedNamesAreNeverHost();

    void banList_data();
    void banList();
    void banRefusesNameAndAddressUntilLifted();
    void renameToBannedNameRefused();
    void banOfLoopbackMemberBansTheNameOnly();

    void mutedMemberIsRefused_data();
    void mutedMemberIsRefused();
    void lockedRoomTakesOnlyTheHost();

    void kickIsRecordedBeforeTheLeave_data();
    void kickIsRecordedBeforeTheLeave();
    void notificationCountsItsRecipients();

private:
    // Starts the server, collecting its events and keeping its last snapshot.
    bool start(const TestServer::Configure &configure = {});
    // The events of this kind collected so far.
    QList<ServerEvent> eventsOf(ServerEvent::Kind kind) const;
    // Asks for a snapshot and waits for it.
    bool freshSnapshot();

    TestServer m_server;
    ServerEventList m_events;
    ServerSnapshot m_snapshot;
    int m_snapshots = 0;
    int m_generation = 0;
};

void tst_Moderation::init()
{
    m_server.init();
    ++m_generation;
    m_events.clear();
    m_snapshot = ServerSnapshot();
    m_snapshots = 0;
}

void tst_Moderation::cleanup()
{
    m_server.cleanup();
}

bool tst_Moderation::start(const TestServer::Configure &configure)
{
    // A manager's batches still queued when it went (a restart) are not this one's.
    const int generation = ++m_generation;
    connect(m_server.manager(), &RoomManager::eventsReady, this,
            [this, generation](const ServerEventList &events) {
                if (generation == m_generation)
                    m_events += events;
            });
    connect(m_server.manager(), &RoomManager::snapshotReady, this,
            [this, generation](const ServerSnapshot &snapshot) {
                if (generation != m_generation)
                    return;
                m_snapshot = snapshot;
                ++m_snapshots;
            });
    return m_server.start(configure);
}

QList<ServerEvent> tst_Moderation::eventsOf(ServerEvent::Kind kind) const
{
    QList<ServerEvent> list;
    for (const ServerEvent &event : m_events) {
        if (event.kind() == kind)
            list.append(event);
    }
    return list;
}

bool tst_Moderation::freshSnapshot()
{
    const int before = m_snapshots;
    m_server.host()->requestSnapshot();
    return QTest::qWaitFor([&] { return m_snapshots > before; }, TestClient::Timeout);
}

void tst_Moderation::reservedNameRefusedAtHandshake_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("allowed"); // the same with a name that only contains "host"
    QTest::newRow("native host") << "/chat?name=host"_ba
                                 << "/chat?name=hostess"_ba;
    QTest::newRow("native HOST") << "/chat?name=HOST"_ba
                                 << "/chat?name=HOSTS"_ba;
    QTest::newRow("native ' Host '") << "/chat?name=%20Host%20"_ba
                                     << "/chat?name=%20Ghost%20"_ba;
    QTest::newRow("native ' Host ' with +") << "/chat?room=lobby&name=+Host+"_ba
                                            << "/chat?room=lobby&name=+Host+1"_ba;
    QTest::newRow("tutorial /ws/host") << "/ws/host"_ba
                                       << "/ws/hostess"_ba;
    QTest::newRow("tutorial /ws/HOST") << "/ws/HOST"_ba
                                       << "/ws/the%20HOST"_ba;
    QTest::newRow("tutorial room /ws/lobby/hOsT") << "/ws/lobby/hOsT"_ba
                                                  << "/ws/host/alice"_ba;
    QTest::newRow("notifications /ws/notifications/host") << "/ws/notifications/host"_ba
                                                          << "/ws/notifications/host2"_ba;
}

void tst_Moderation::reservedNameRefusedAtHandshake()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, allowed);
    QVERIFY(start());
    const QByteArray response = upgrade(QHostAddress::LocalHost, m_server.port(), target);
    QVERIFY2(response.startsWith("HTTP/1.1 400 "), response.constData());
    QVERIFY2(response.contains("\r\n\r\n400 Bad Request\nthe name host is reserved\n"),
             response.constData());
    QVERIFY2(upgrade(QHostAddress::LocalHost, m_server.port(), allowed).startsWith("HTTP/1.1 101"),
             allowed.constData());
}

void tst_Moderation::renameToHostRefused_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("host") << u"host"_s;
    QTest::newRow("HOST") << u"HOST"_s;
    QTest::newRow("' Host '") << u" Host "_s;
}

void tst_Moderation::renameToHostRefused()
{
    QFETCH(QString, name);
    QVERIFY(start());
    TestClient alice;
    QVERIFY(alice.openNative(m_server.url(u"/chat?name=alice"_s)));
    alice.send(request(u"rename"_s, {{u"name"_s, name}, {u"ref"_s, 7}}));
    QJsonObject error;
    QVERIFY(alice.next(&error));
    QCOMPARE(error.value("type"_L1).toString(), u"error"_s);
    QCOMPARE(error.value("code"_L1).toString(), u"name_reserved"_s);
    QCOMPARE(error.value("message"_L1).toString(), u"the name host is reserved"_s);
    QCOMPARE(error.value("ref"_L1).toInt(), 7);
    // Still alice: a rename to a free name goes through.
    alice.send(request(u"rename"_s, {{u"name"_s, u"hostess"_s}, {u"ref"_s, 8}}));
    QJsonObject renamed;
    QVERIFY(alice.next(&renamed));
    QCOMPARE(renamed.value("type"_L1).toString(), u"renamed"_s);
    QVERIFY(freshSnapshot());
    QCOMPARE(m_snapshot.members.size(), 1);
    QCOMPARE(m_snapshot.members.first().name, u"hostess"_s);
}

void tst_Moderation::generatedNamesAreNeverHost()
{
    QVERIFY(start());
    TestClient guest;
    QVERIFY(guest.openNative(m_server.url(u"/chat"_s)));
    QVERIFY2(guest.memberName.startsWith("guest-"_L1), qPrintable(guest.memberName));
}

void tst_Moderation::banList_data()
{
    QTest::addColumn<QString>("bannedName");
    QTest::addColumn<QString>("bannedAddress");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("banned");
    QTest::addColumn<QStringList>("addresses");

    const QStringList v4 {u"192.0.2.7"_s};
    QTest::newRow("same name, other case")
        << u"Alice"_s << u"192.0.2.7"_s << u" ALICE "_s << u"198.51.100.1"_s << true << v4;
    QTest::newRow("same address, no name")
        << u"alice"_s << u"192.0.2.7"_s << QString() << u"192.0.2.7"_s << true << v4;
    QTest::newRow("IPv4-mapped address")
        << u"alice"_s << u"192.0.2.7"_s << u"bob"_s << u"::ffff:192.0.2.7"_s << true << v4;
    QTest::newRow("banned as IPv4-mapped")
        << u"alice"_s << u"::ffff:192.0.2.7"_s << u"bob"_s << u"192.0.2.7"_s << true << v4;
    QTest::newRow("other name and address")
        << u"alice"_s << u"192.0.2.7"_s << u"bob"_s << u"198.51.100.1"_s << false << v4;
    QTest::newRow("loopback never banned")
        << u"alice"_s << u"127.0.0.1"_s << u"bob"_s << u"127.0.0.1"_s << false << QStringList();
    QTest::newRow("IPv6 loopback never banned")
        << u"alice"_s << u"::1"_s << u"bob"_s << u"::1"_s << false << QStringList();
    QTest::newRow("mapped loopback never banned") << u"alice"_s << u"::ffff:127.0.0.1"_s << u"bob"_s
                                                  << u"127.0.0.1"_s << false << QStringList();
    QTest::newRow("loopback: the name still is")
        << u"alice"_s << u"127.0.0.1"_s << u"alice"_s << u"127.0.0.1"_s << true << QStringList();
}

void tst_Moderation::banList()
{
    QFETCH(QString, bannedName);
    QFETCH(QString, bannedAddress);
    QFETCH(QString, name);
    QFETCH(QString, address);
    QFETCH(bool, banned);
    QFETCH(QStringList, addresses);

    BanList bans;
    bans.ban(bannedName, QHostAddress(bannedAddress));
    QCOMPARE(bans.isBanned(name, QHostAddress(address)), banned);
    QCOMPARE(bans.names(), QStringList {bannedName.toLower()});
    QCOMPARE(bans.addresses(), addresses);
    bans.clear();
    QVERIFY(!bans.isBanned(name, QHostAddress(address)));
}

void tst_Moderation::banRefusesNameAndAddressUntilLifted()
{
    const QHostAddress lan = nonLoopbackAddress();
    if (lan.isNull())
        QSKIP("this machine has no non-loopback IPv4 address to connect from");
    QVERIFY(start([](ServerConfig &c) { c.bindAddress = QHostAddress(QHostAddress::AnyIPv4); }));
    const quint16 port = m_server.port();

    TestClient alice;
    const QUrl lanUrl(u"ws://%1:%2/chat?name=alice&room=lobby"_s.arg(lan.toString()).arg(port));
    QVERIFY(alice.openNative(lanUrl, true));
    const int before = m_snapshots;
    m_server.host()->ban(alice.memberId, u"spamming"_s);
    QVERIFY(alice.waitDisconnected());
    QCOMPARE(alice.closeCode, 4000);
    QCOMPARE(alice.closeReason, u"spamming"_s);
    QTRY_VERIFY(m_snapshots > before); // ban() sends a snapshot of its own
    QCOMPARE(m_snapshot.bannedNames, QStringList {u"alice"_s});
    QCOMPARE(m_snapshot.bannedAddresses, QStringList {lan.toString()});

    // The address, whatever the name; the name (any case, any dialect), whatever the address.
    const struct
    {
        QHostAddress from;
        QByteArray target;
    } refused[] = {
        {lan, "/chat?name=bob"},
        {lan, "/chat"},
        {lan, "/ws/bob"},
        {QHostAddress(QHostAddress::LocalHost), "/chat?name=ALICE"},
        {QHostAddress(QHostAddress::LocalHost), "/ws/Alice"},
    };
    for (const auto &r : refused) {
        const QByteArray response = upgrade(r.from, port, r.target);
        QVERIFY2(response.startsWith("HTTP/1.1 403 "), (r.target + ": " + response).constData());
        QVERIFY2(response.contains("\nbanned"), response.constData());
    }
    // Someone else from loopback is in.
    QVERIFY(upgrade(QHostAddress::LocalHost, port, "/chat?name=carol").startsWith("HTTP/1.1 101"));

    // Told, in words, in the activity log.
    QTRY_VERIFY(!eventsOf(ServerEvent::Kind::Refused).isEmpty());
    bool toldTheAddress = false;
    for (const ServerEvent &event : eventsOf(ServerEvent::Kind::Refused)) {
        QCOMPARE(event.as<ServerEvent::Refused>()->reason, u"banned"_s);
        if (event.as<ServerEvent::Refused>()->address == lan.toString()) {
            toldTheAddress = true;
            QCOMPARE(ActivityLogModel::describe(event),
                     u"refused %1: banned by the host"_s.arg(lan.toString()));
        }
    }
    QVERIFY(toldTheAddress);
    QCOMPARE(m_server.status().value("refused"_L1).toObject().value("banned"_L1).toInt(), 5);

    m_server.host()->liftBans();
    QTRY_VERIFY(m_snapshot.bannedNames.isEmpty());
    QVERIFY(m_snapshot.bannedAddresses.isEmpty());
    QVERIFY(upgrade(lan, port, "/chat?name=alice").startsWith("HTTP/1.1 101"));
    QVERIFY(upgrade(QHostAddress::LocalHost, port, "/ws/Alice").startsWith("HTTP/1.1 101"));
}

void tst_Moderation::banOfLoopbackMemberBansTheNameOnly()
{
    QVERIFY(start());
    TestClient dave;
    QVERIFY(dave.openNative(m_server.url(u"/chat?name=dave"_s)));
    m_server.host()->ban(dave.memberId, QString());
    QVERIFY(dave.waitDisconnected());
    QCOMPARE(dave.closeCode, 4000);
    QCOMPARE(dave.closeReason, u"kicked by the host"_s);
    QTRY_COMPARE(m_snapshot.bannedNames, QStringList {u"dave"_s});
    QVERIFY(m_snapshot.bannedAddresses.isEmpty()); // the host's own windows come from loopback
    QVERIFY(upgrade(QHostAddress::LocalHost, m_server.port(), "/chat?name=Dave")
                .startsWith("HTTP/1.1 403 "));
    TestClient erin;
    QVERIFY(erin.openNative(m_server.url(u"/chat?name=erin"_s)));

    // The ban ends with the session.
    m_server.cleanup();
    m_server.init();
    QVERIFY(start());
    QVERIFY(upgrade(QHostAddress::LocalHost, m_server.port(), "/chat?name=dave")
                .startsWith("HTTP/1.1 101"));
}

void tst_Moderation::renameToBannedNameRefused()
{
    QVERIFY(start());
    TestClient dave;
    QVERIFY(dave.openNative(m_server.url(u"/chat?name=dave"_s)));
    m_server.host()->ban(dave.memberId, QString());
    QVERIFY(dave.waitDisconnected());
    QTRY_COMPARE(m_snapshot.bannedNames, QStringList {u"dave"_s});

    // The name banned at the door is not to be had by renaming either, in any letter case.
    TestClient erin;
    QVERIFY(erin.openNative(m_server.url(u"/chat?name=erin"_s)));
    erin.send(request(u"rename"_s, {{u"name"_s, u"DAVE"_s}, {u"ref"_s, 3}}));
    QJsonObject error;
    QVERIFY(erin.next(&error));
    QCOMPARE(error.value("type"_L1).toString(), u"error"_s);
    QCOMPARE(error.value("code"_L1).toString(), u"name_taken"_s);
    QCOMPARE(error.value("message"_L1).toString(), u"the name \"DAVE\" is banned by the host"_s);
    QCOMPARE(error.value("ref"_L1).toInt(), 3);
    QVERIFY(freshSnapshot());
    QCOMPARE(m_snapshot.members.size(), 1);
    QCOMPARE(m_snapshot.members.first().name, u"erin"_s);

    // Once the bans are lifted, the name is free again.
    m_server.host()->liftBans();
    QTRY_VERIFY(freshSnapshot() && m_snapshot.bannedNames.isEmpty());
    erin.send(request(u"rename"_s, {{u"name"_s, u"dave"_s}, {u"ref"_s, 4}}));
    QJsonObject renamed;
    QVERIFY(erin.next(&renamed));
    QCOMPARE(renamed.value("type"_L1).toString(), u"renamed"_s);
}

void tst_Moderation::mutedMemberIsRefused_data()
{
    QTest::addColumn<QString>("path"); // how the muted member connects
    QTest::addColumn<QString>("frame"); // what it sends
    QTest::addColumn<QString>("expected"); // the error it gets, whole, without its ref

    QTest::newRow("native message")
        << u"/chat?name=alice&room=lobby"_s
        << uR"({"type":"message","room":"lobby","text":"hi","ref":"r1"})"_s
        << uR"({"type":"error","code":"muted","message":"the host muted you","ref":"r1"})"_s;
    QTest::newRow("native direct")
        << u"/chat?name=alice&room=lobby"_s
        << uR"({"type":"direct","to":"bob","text":"psst","ref":"r2"})"_s
        << uR"({"type":"error","code":"muted","message":"the host muted you","ref":"r2"})"_s;
    QTest::newRow("tutorial chat") << u"/ws/lobby/alice"_s << u"hi"_s
                                   << uR"({"error":"muted","detail":"the host muted you"})"_s;
    QTest::newRow("tutorial broadcast") << u"/"_s << uR"({"message":"hi"})"_s
                                        << uR"({"error":"muted","detail":"the host muted you"})"_s;
}

void tst_Moderation::mutedMemberIsRefused()
{
    QFETCH(QString, path);
    QFETCH(QString, frame);
    QFETCH(QString, expected);
    QVERIFY(start());
    TestClient bob; // every path above puts alice in the lobby
    QVERIFY(bob.openNative(m_server.url(u"/chat?name=bob&room=lobby"_s), true));
    TestClient alice;
    QVERIFY(alice.openAndWait(m_server.url(path)));
    QTRY_VERIFY(freshSnapshot() && m_snapshot.members.size() == 2);
    QString aliceId;
    for (const auto &member : std::as_const(m_snapshot.members)) {
        if (member.name != "bob"_L1)
            aliceId = member.id;
    }
    QTRY_VERIFY(bob.unread() > 0); // alice's join
    alice.skipAll();
    bob.skipAll();

    m_server.host()->setMuted(aliceId, true);
    QTRY_VERIFY(!eventsOf(ServerEvent::Kind::Muted).isEmpty());
    const QList<ServerEvent> mutedEvents = eventsOf(ServerEvent::Kind::Muted);
    const auto *muted = mutedEvents.first().as<ServerEvent::Muted>();
    QCOMPARE(muted->member.id, aliceId);
    QVERIFY(muted->muted);
    QVERIFY(freshSnapshot());
    for (const auto &member : std::as_const(m_snapshot.members))
        QCOMPARE(member.muted, member.id == aliceId);

    alice.send(frame);
    QJsonObject error;
    QVERIFY(alice.next(&error));
    QCOMPARE(error, QJsonDocument::fromJson(expected.toUtf8()).object());
    // Nothing reached bob: a ping's pong is the next thing he reads.
    bob.send(uR"({"type":"ping","ref":"p"})"_s);
    QJsonObject next;
    QVERIFY(bob.next(&next));
    QCOMPARE(next.value("type"_L1).toString(), u"pong"_s);

    m_server.host()->setMuted(aliceId, false);
    QTRY_COMPARE(eventsOf(ServerEvent::Kind::Muted).size(), 2);
    alice.send(frame);
    QVERIFY(bob.next(&next));
    QCOMPARE(next.value("type"_L1).toString(),
             frame.contains("direct"_L1) ? u"direct"_s : u"message"_s);
}

void tst_Moderation::lockedRoomTakesOnlyTheHost()
{
    QVERIFY(start());
    TestClient alice;
    QVERIFY(alice.openNative(m_server.url(u"/chat?name=alice&room=lobby"_s), true));
    TestClient chatter;
    QVERIFY(chatter.openAndWait(m_server.url(u"/ws/lobby/carl"_s)));
    QTRY_VERIFY(alice.unread() > 0); // carl's join
    alice.skipAll();

    m_server.host()->setRoomLocked(u"lobby"_s, true);
    QTRY_VERIFY(!eventsOf(ServerEvent::Kind::RoomLocked).isEmpty());
    QCOMPARE(eventsOf(ServerEvent::Kind::RoomLocked).first().room(), u"lobby"_s);
    QVERIFY(freshSnapshot());
    for (const auto &room : std::as_const(m_snapshot.rooms))
        QCOMPARE(room.locked, room.name == "lobby"_L1);

    alice.send(uR"({"type":"message","room":"lobby","text":"hi","ref":1})"_s);
    QJsonObject error;
    QVERIFY(alice.next(&error));
    QCOMPARE(error,
             (QJsonObject {{u"type"_s, u"error"_s},
                           {u"code"_s, u"room_locked"_s},
                           {u"message"_s, u"only the host posts in this room"_s},
                           {u"ref"_s, 1}}));
    chatter.send(u"hello"_s);
    QVERIFY(chatter.next(&error));
    QCOMPARE(error,
             (QJsonObject {{u"error"_s, u"room_locked"_s},
                           {u"detail"_s, u"only the host posts in this room"_s}}));
    // Direct messages are not the room's.
    alice.send(uR"({"type":"direct","to":"alice","text":"note to self"})"_s);
    QJsonObject o;
    QVERIFY(alice.next(&o));
    QCOMPARE(o.value("type"_L1).toString(), u"direct"_s);

    m_server.host()->postSystemMessage(u"lobby"_s, u"quiet please"_s);
    QVERIFY(alice.next(&o));
    QCOMPARE(o.value("type"_L1).toString(), u"message"_s);
    QCOMPARE(o.value("from"_L1).toObject().value("id"_L1).toString(), u"host"_s);
    QCOMPARE(o.value("text"_L1).toString(), u"quiet please"_s);

    m_server.host()->setRoomLocked(u"lobby"_s, false);
    QTRY_COMPARE(eventsOf(ServerEvent::Kind::RoomLocked).size(), 2);
    alice.send(uR"({"type":"message","room":"lobby","text":"thanks"})"_s);
    QVERIFY(alice.nextOfType(u"message"_s, &o));
    QCOMPARE(o.value("text"_L1).toString(), u"thanks"_s);
}

void tst_Moderation::kickIsRecordedBeforeTheLeave_data()
{
    QTest::addColumn<bool>("ban");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("recorded");
    QTest::newRow("kick") << false << u"be nice"_s << u"be nice"_s;
    QTest::newRow("kick, no reason") << false << QString() << u"kicked by the host"_s;
    QTest::newRow("ban") << true << u"spam"_s << u"spam"_s;
}

void tst_Moderation::kickIsRecordedBeforeTheLeave()
{
    QFETCH(bool, ban);
    QFETCH(QString, reason);
    QFETCH(QString, recorded);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(u"session.jsonl"_s);
    QVERIFY(start([&](ServerConfig &c) { c.recordFile = file; }));
    TestClient alice;
    QVERIFY(alice.openNative(m_server.url(u"/chat?name=alice&room=lobby"_s), true));
    if (ban)
        m_server.host()->ban(alice.memberId, reason);
    else
        m_server.host()->kick(alice.memberId, reason);
    QVERIFY(alice.waitDisconnected());
    QCOMPARE(alice.closeCode, 4000);
    QTRY_VERIFY(!eventsOf(ServerEvent::Kind::Disconnected).isEmpty());

    // The events: Kicked, then Left, then Disconnected.
    QStringList order;
    for (const ServerEvent &event : std::as_const(m_events)) {
        if (event.memberId() == alice.memberId)
            order.append(ServerEvent::kindName(event.kind()));
    }
    QCOMPARE(order.join(u' '), u"connect join kick leave disconnect"_s);
    const QList<ServerEvent> kickedEvents = eventsOf(ServerEvent::Kind::Kicked);
    const auto *kicked = kickedEvents.first().as<ServerEvent::Kicked>();
    QCOMPARE(kicked->reason, recorded);
    QCOMPARE(kicked->banned, ban);
    QCOMPARE(ActivityLogModel::describe(eventsOf(ServerEvent::Kind::Kicked).first()),
             (ban ? u"banned by the host: "_s : u"kicked by the host: "_s) + recorded);

    m_server.cleanup(); // closes the record
    QFile record(file);
    QVERIFY(record.open(QIODevice::ReadOnly));
    QList<QJsonObject> lines;
    for (const QByteArray &line : record.readAll().split('\n')) {
        if (!line.isEmpty())
            lines.append(QJsonDocument::fromJson(line).object());
    }
    QStringList events;
    for (const QJsonObject &line : std::as_const(lines))
        events.append(line.value("event"_L1).toString());
    QCOMPARE(events, (QStringList {u"join"_s, u"kick"_s, u"leave"_s}));
    const QJsonObject kick = lines.at(1);
    QCOMPARE(kick.value("type"_L1).toString(), u"kick"_s); // as additions-2 section 3 writes it
    QCOMPARE(kick.value("reason"_L1).toString(), recorded);
    QCOMPARE(kick.value("banned"_L1).toBool(), ban);
    QCOMPARE(kick.value("member"_L1).toObject().value("name"_L1).toString(), u"alice"_s);
    QCOMPARE(kick.value("member"_L1).toObject().value("id"_L1).toString(), alice.memberId);
}

void tst_Moderation::notificationCountsItsRecipients()
{
    QVERIFY(start());
    TestClient n1;
    TestClient n2;
    QVERIFY(n1.openAndWait(m_server.url(u"/ws/notifications/n1"_s)));
    QVERIFY(n2.openAndWait(m_server.url(u"/ws/notifications/n2"_s)));
    TestClient native;
    QVERIFY(native.openNative(m_server.url(u"/chat?name=teacher"_s)));

    m_server.host()->sendNotification(u"from the host"_s);
    QVERIFY(n1.waitFrames(1));
    QVERIFY(n2.waitFrames(1));
    native.send(uR"({"type":"notify","text":"from a script","ref":1})"_s);
    QVERIFY(n1.waitFrames(2));
    QTRY_COMPARE(eventsOf(ServerEvent::Kind::Notification).size(), 2);
    for (const ServerEvent &event : eventsOf(ServerEvent::Kind::Notification))
        QCOMPARE(event.as<ServerEvent::Notification>()->recipients, 2);
    QCOMPARE(ActivityLogModel::describe(eventsOf(ServerEvent::Kind::Notification).first()),
             u"from the host (to 2 notification member(s))"_s);
}

QTEST_MAIN(tst_Moderation)
#include "tst_moderation.moc"
