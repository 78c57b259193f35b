#include "server/roomdirectory_p.h"

#include <QTest>

#include <memory>

// The room directory without a socket: rooms, members, names, history and limits.
class TestRoomDirectory : public QObject
{
    Q_OBJECT

private slots:
    void startsWithThePermanentRooms();
    void joinCreatesARoomOnce();
    void joinRespectsTheLimits_data();
    void joinRespectsTheLimits();
    void leaveRemovesOnlyRoomsNotKept_data();
    void leaveRemovesOnlyRoomsNotKept();
    void uniqueNameAddsASuffix_data();
    void uniqueNameAddsASuffix();
    void renameRefusesATakenName();
    void findMemberByIdOrName();
    void takeMemberForgetsIt();
    void historyKeepsTheLastMessages();
    void orderedRoomsPutThePermanentFirst();
    void describeListsRoomsAndMembers();

private:
    // A new member named name (or name-2, ...), added to directory.
    static Member *add(RoomDirectory &directory, const QString &name)
    {
        auto member = std::make_unique<Member>();
        member->id = QStringLiteral("m%1").arg(directory.takeMemberNumber());
        member->name = directory.uniqueName(name);
        return directory.addMember(std::move(member));
    }
};

void TestRoomDirectory::startsWithThePermanentRooms()
{
    RoomDirectory directory;
    QCOMPARE(directory.roomCount(), 0);
    directory.reset();
    QCOMPARE(directory.roomCount(), 3);
    for (const char *name : {"lobby", "chat", "notifications"}) {
        const Room *room = directory.room(QLatin1String(name));
        QVERIFY(room);
        QVERIFY(room->permanent);
    }
}

void TestRoomDirectory::joinCreatesARoomOnce()
{
    RoomDirectory directory;
    directory.setLimits(10, 5, 0);
    directory.reset();
    Member *alice = add(directory, QStringLiteral("alice"));
    Member *bob = add(directory, QStringLiteral("bob"));

    RoomDirectory::JoinOutcome first = directory.join(alice, QStringLiteral("games"));
    QVERIFY(first.room);
    QVERIFY(first.joined);
    QVERIFY(first.roomCreated);
    RoomDirectory::JoinOutcome again = directory.join(alice, QStringLiteral("games"));
    QCOMPARE(again.room, first.room);
    QVERIFY(!again.joined);
    QVERIFY(!again.roomCreated);
    RoomDirectory::JoinOutcome second = directory.join(bob, QStringLiteral("games"));
    QVERIFY(second.joined);
    QVERIFY(!second.roomCreated);

    QCOMPARE(first.room->members, (QList<Member *> {alice, bob}));
    QCOMPARE(alice->rooms, QStringList {QStringLiteral("games")});
    QCOMPARE(directory.roomOf(bob, QStringLiteral("games")), first.room);
    QCOMPARE(directory.roomOf(bob, QStringLiteral("lobby")), nullptr);
    const QList<MemberRef> refs = RoomDirectory::memberRefs(first.room);
    QCOMPARE(refs.size(), 2);
    QCOMPARE(refs.at(0).name, QStringLiteral("alice"));
}

void TestRoomDirectory::joinRespectsTheLimits_data()
{
    QTest::addColumn<int>("maxRooms");
    QTest::addColumn<int>("maxRoomsPerMember");
    QTest::addColumn<QStringList>("rooms");
    QTest::addColumn<int>("joined");
    QTest::addColumn<QString>("error");

    const QStringList four {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                            QStringLiteral("d")};
    QTest::newRow("within") << 10 << 10 << four << 4 << QString();
    QTest::newRow("rooms per member")
        << 10 << 2 << four << 2
        << QStringLiteral("you are already in 2 rooms, the most one member may join");
    // The three permanent rooms count towards the server's limit.
    QTest::newRow("rooms on the server")
        << 5 << 10 << four << 2 << QStringLiteral("the server already has 5 rooms, its limit");
    QTest::newRow("permanent rooms past the server's limit")
        << 3 << 10 << QStringList {QStringLiteral("lobby"), QStringLiteral("x")} << 1
        << QStringLiteral("the server already has 3 rooms, its limit");
}

void TestRoomDirectory::joinRespectsTheLimits()
{
    QFETCH(int, maxRooms);
    QFETCH(int, maxRoomsPerMember);
    QFETCH(QStringList, rooms);
    QFETCH(int, joined);
    QFETCH(QString, error);

    RoomDirectory directory;
    directory.setLimits(maxRooms, maxRoomsPerMember, 0);
    directory.reset();
    Member *alice = add(directory, QStringLiteral("alice"));
    QString lastError;
    int count = 0;
    for (const QString &room : rooms) {
        const RoomDirectory::JoinOutcome outcome = directory.join(alice, room);
        if (outcome.room) {
            QVERIFY(outcome.joined);
            ++count;
        } else {
            QVERIFY(!outcome.error.isEmpty());
            lastError = outcome.error;
        }
    }
    QCOMPARE(count, joined);
    QCOMPARE(alice->rooms.size(), joined);
    QCOMPARE(lastError, error);
}

void TestRoomDirectory::leaveRemovesOnlyRoomsNotKept_data()
{
    QTest::addColumn<QString>("room");
    QTest::addColumn<bool>("pinned");
    QTest::addColumn<bool>("removed");

    QTest::newRow("made by a member") << QStringLiteral("games") << false << true;
    QTest::newRow("pinned by the host") << QStringLiteral("games") << true << false;
    QTest::newRow("permanent") << QStringLiteral("lobby") << false << false;
}

void TestRoomDirectory::leaveRemovesOnlyRoomsNotKept()
{
    QFETCH(QString, room);
    QFETCH(bool, pinned);
    QFETCH(bool, removed);

    RoomDirectory directory;
    directory.setLimits(10, 10, 0);
    directory.reset();
    Member *alice = add(directory, QStringLiteral("alice"));
    Member *bob = add(directory, QStringLiteral("bob"));
    Room *joined = directory.join(alice, room).room;
    directory.join(bob, room);
    joined->pinned = pinned;

    directory.leave(alice, joined);
    QVERIFY(alice->rooms.isEmpty());
    QVERIFY(!directory.removeIfEmpty(joined)); // bob is still there
    directory.leave(bob, joined);
    QCOMPARE(directory.removeIfEmpty(joined), removed);
    QCOMPARE(directory.room(room) == nullptr, removed);
}

void TestRoomDirectory::uniqueNameAddsASuffix_data()
{
    QTest::addColumn<QStringList>("taken");
    QTest::addColumn<QString>("wanted");
    QTest::addColumn<QString>("expected");

    QTest::newRow("free") << QStringList() << QStringLiteral("alice") << QStringLiteral("alice");
    QTest::newRow("taken") << QStringList {QStringLiteral("alice")} << QStringLiteral("alice")
                           << QStringLiteral("alice-2");
    QTest::newRow("taken twice") << QStringList {QStringLiteral("alice"), QStringLiteral("alice-2")}
                                 << QStringLiteral("alice") << QStringLiteral("alice-3");
    const QString longest(32, QLatin1Char('x'));
    QTest::newRow("cut to fit") << QStringList {longest} << longest
                                << QString(30, QLatin1Char('x')) + QStringLiteral("-2");
}

void TestRoomDirectory::uniqueNameAddsASuffix()
{
    QFETCH(QStringList, taken);
    QFETCH(QString, wanted);
    QFETCH(QString, expected);

    RoomDirectory directory;
    for (const QString &name : taken)
        add(directory, name);
    QCOMPARE(directory.uniqueName(wanted), expected);
}

void TestRoomDirectory::renameRefusesATakenName()
{
    RoomDirectory directory;
    Member *alice = add(directory, QStringLiteral("alice"));
    add(directory, QStringLiteral("bob"));
    QVERIFY(!directory.rename(alice, QStringLiteral("bob")));
    QCOMPARE(alice->name, QStringLiteral("alice"));
    QVERIFY(directory.rename(alice, QStringLiteral("alice"))); // its own name: nothing to do
    QVERIFY(directory.rename(alice, QStringLiteral("carol")));
    QCOMPARE(directory.findMember(QStringLiteral("carol")), alice);
    QCOMPARE(directory.findMember(QStringLiteral("alice")), nullptr);
    QCOMPARE(directory.uniqueName(QStringLiteral("alice")), QStringLiteral("alice"));
}

void TestRoomDirectory::findMemberByIdOrName()
{
    RoomDirectory directory;
    Member *alice = add(directory, QStringLiteral("alice"));
    Member *bob = add(directory, QStringLiteral("m1")); // a name that is another's id
    QCOMPARE(alice->id, QStringLiteral("m1"));
    QCOMPARE(directory.findMember(QStringLiteral("m1")), alice); // the id wins
    QCOMPARE(directory.findMember(QStringLiteral("alice")), alice);
    QCOMPARE(directory.findMember(bob->id), bob);
    QCOMPARE(directory.member(QStringLiteral("alice")), nullptr); // member() is by id only
    QCOMPARE(directory.findMember(QStringLiteral("nobody")), nullptr);
    QCOMPARE(directory.memberCount(), 2);
}

void TestRoomDirectory::takeMemberForgetsIt()
{
    RoomDirectory directory;
    Member *alice = add(directory, QStringLiteral("alice"));
    QVERIFY(directory.contains(alice));
    std::unique_ptr<Member> taken = directory.takeMember(alice);
    QCOMPARE(taken.get(), alice);
    QVERIFY(!directory.contains(alice));
    QCOMPARE(directory.memberCount(), 0);
    QCOMPARE(directory.findMember(QStringLiteral("alice")), nullptr);
    QVERIFY(directory.members().isEmpty());
    QCOMPARE(directory.takeMember(alice), nullptr); // once only
}

void TestRoomDirectory::historyKeepsTheLastMessages()
{
    RoomDirectory directory;
    directory.setLimits(10, 10, 3);
    directory.reset();
    Room *lobby = directory.room(QStringLiteral("lobby"));
    for (int id = 1; id <= 5; ++id) {
        ChatMessage message;
        message.id = id;
        directory.remember(lobby, message, id == 5 ? QByteArray("{}") : QByteArray());
    }
    QCOMPARE(int(lobby->history.size()), 3);
    QCOMPARE(lobby->history.front().message.id, 3);
    QCOMPARE(lobby->history.back().message.id, 5);
    QCOMPARE(lobby->history.back().native, QByteArray("{}"));

    directory.setLimits(10, 10, 0);
    Room *chat = directory.room(QStringLiteral("chat"));
    directory.remember(chat, ChatMessage(), QByteArray());
    QVERIFY(chat->history.empty());
}

void TestRoomDirectory::orderedRoomsPutThePermanentFirst()
{
    RoomDirectory directory;
    directory.setLimits(10, 10, 0);
    directory.reset();
    Member *alice = add(directory, QStringLiteral("alice"));
    for (const char *name : {"zoo", "apples", "mid"})
        directory.join(alice, QLatin1String(name));
    QStringList names;
    for (const Room *room : directory.orderedRooms())
        names.append(room->name);
    QCOMPARE(names,
             (QStringList {QStringLiteral("lobby"), QStringLiteral("chat"),
                           QStringLiteral("notifications"), QStringLiteral("apples"),
                           QStringLiteral("mid"), QStringLiteral("zoo")}));
}

void TestRoomDirectory::describeListsRoomsAndMembers()
{
    RoomDirectory directory;
    directory.setLimits(10, 10, 0);
    directory.reset();
    Member *alice = add(directory, QStringLiteral("alice"));
    alice->dialect = Dialect::Chat;
    alice->messagesSent = 7;
    directory.join(alice, QStringLiteral("lobby"));
    directory.room(QStringLiteral("lobby"))->lastId = 4;

    ServerSnapshot snapshot;
    directory.describe(&snapshot);
    QCOMPARE(snapshot.rooms.size(), 3);
    QCOMPARE(snapshot.rooms.at(0).name, QStringLiteral("lobby"));
    QCOMPARE(snapshot.rooms.at(0).memberIds, QStringList {alice->id});
    QCOMPARE(snapshot.rooms.at(0).memberNames, QStringList {QStringLiteral("alice")});
    QCOMPARE(snapshot.rooms.at(0).messages, 4);
    QVERIFY(snapshot.rooms.at(0).permanent);
    QCOMPARE(snapshot.members.size(), 1);
    QCOMPARE(snapshot.members.at(0).id, alice->id);
    QCOMPARE(snapshot.members.at(0).name, QStringLiteral("alice"));
    QCOMPARE(snapshot.members.at(0).dialect, Dialect::Chat);
    QCOMPARE(snapshot.members.at(0).messagesSent, 7);
    QCOMPARE(snapshot.members.at(0).rooms, QStringList {QStringLiteral("lobby")});
}

QTEST_GUILESS_MAIN(TestRoomDirectory)
#include "tst_roomdirectory.moc"
