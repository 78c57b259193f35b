#include "console/roomsmodel.h"
#include "roomsmodelfixtures.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Kind = ServerEvent::Kind;

class tst_RoomsModel : public QObject
{
    Q_OBJECT

private slots:
    void loadSnapshot();
    void moderationMarks_data();
    void moderationMarks();
    void events_data();
    void events();
    void memberInTwoRooms();
    void renameUpdatesEveryRow();
    void messagesAreCounted();
    void roomRemovedWithMembers();
    void crowdJoinsInOneInsertion();
    void naturalOrder_data();
    void naturalOrder();
    void renameMovesTheRow();
    void joinRunEndsAtAnotherRoom();
    void droppedAsksForResync();
    void snapshotMergeKeepsSelection();
    void clear();
    void storedRooms_data();
    void storedRooms();
    void storedRoomLooks();
    void storedRoomsFromSnapshots();
    void noRoomNodeRows();
    void noRoomNodeSignals();
    void noRoomNodeFromSnapshots();
};

void tst_RoomsModel::loadSnapshot()
{
    RoomsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

    ServerSnapshot s = emptyServer();
    s.rooms[0] = roomInfo(QStringLiteral("lobby"), {QStringLiteral("m1"), QStringLiteral("m2")},
                          {QStringLiteral("alice"), QStringLiteral("bob")}, 7, true);
    s.members
        = {memberInfo(QStringLiteral("m1"), QStringLiteral("alice"), {QStringLiteral("lobby")}, 5),
           memberInfo(QStringLiteral("m2"), QStringLiteral("bob"), {QStringLiteral("lobby")}, 2)};
    s.members[1].dialect = Dialect::Chat;
    s.members[1].address = QStringLiteral("192.168.1.20");
    model.loadSnapshot(s);

    QCOMPARE(resets.size(), 1);
    QCOMPARE(shape(model), QStringLiteral("chat[] lobby[alice,bob] notifications[]"));
    QCOMPARE(model.columnCount(), int(RoomsModel::ColumnCount));

    const QModelIndex lobby = model.roomIndex(QStringLiteral("lobby"));
    QVERIFY(lobby.isValid());
    QCOMPARE(cell(lobby, RoomsModel::MembersColumn).toInt(), 2);
    QCOMPARE(cell(lobby, RoomsModel::MessagesColumn).toLongLong(), 7);
    QCOMPARE(lobby.data(RoomsModel::KindRole).toInt(), int(RoomsModel::RoomKind));
    QCOMPARE(lobby.data(RoomsModel::RoomNameRole).toString(), QStringLiteral("lobby"));
    QVERIFY(lobby.data(RoomsModel::MemberIdRole).toString().isEmpty());

    const QModelIndex bob = model.memberIndex(QStringLiteral("lobby"), QStringLiteral("m2"));
    QVERIFY(bob.isValid());
    QCOMPARE(bob.parent(), lobby);
    QCOMPARE(bob.data().toString(), QStringLiteral("bob"));
    QCOMPARE(bob.data(RoomsModel::KindRole).toInt(), int(RoomsModel::MemberKind));
    QCOMPARE(bob.data(RoomsModel::MemberIdRole).toString(), QStringLiteral("m2"));
    QCOMPARE(bob.data(RoomsModel::RoomNameRole).toString(), QStringLiteral("lobby"));
    QCOMPARE(cell(bob, RoomsModel::DialectColumn).toString(), QStringLiteral("chat"));
    QCOMPARE(cell(bob, RoomsModel::AddressColumn).toString(), QStringLiteral("192.168.1.20"));
    QCOMPARE(cell(bob, RoomsModel::MessagesColumn).toLongLong(), 2);
    QVERIFY(!cell(bob, RoomsModel::ConnectedColumn).toString().isEmpty());
    QCOMPARE(model.rowCount(bob), 0);
    QCOMPARE(model.headerData(RoomsModel::ConnectedColumn, Qt::Horizontal).toString(),
             QStringLiteral("Connected since"));
}

void tst_RoomsModel::moderationMarks_data()
{
    // How the model learns it: a first snapshot (a reset), a later one (a merge), or events.
    QTest::addColumn<int>("how");
    QTest::addColumn<bool>("muted");
    QTest::addColumn<bool>("locked");
    QTest::addColumn<QString>("expected");
    const QString plain = u"chat[] lobby[alice,bob] notifications[]"_s;
    const QString marked = u"chat[] lobby (locked)[alice (muted),bob] notifications[]"_s;
    QTest::newRow("first snapshot, marked") << 0 << true << true << marked;
    QTest::newRow("first snapshot, plain") << 0 << false << false << plain;
    QTest::newRow("merged snapshot, marked") << 1 << true << true << marked;
    QTest::newRow("merged snapshot, muted only")
        << 1 << true << false << u"chat[] lobby[alice (muted),bob] notifications[]"_s;
    QTest::newRow("events, marked") << 2 << true << true << marked;
    QTest::newRow("events, marked then lifted") << 3 << false << false << plain;
}

void tst_RoomsModel::moderationMarks()
{
    QFETCH(int, how);
    QFETCH(bool, muted);
    QFETCH(bool, locked);
    QFETCH(QString, expected);
    RoomsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ServerSnapshot s = emptyServer();
    s.rooms[0] = roomInfo(u"lobby"_s, {u"m1"_s, u"m2"_s}, {u"alice"_s, u"bob"_s}, 7, true);
    s.members = {memberInfo(u"m1"_s, u"alice"_s, {u"lobby"_s}, 5),
                 memberInfo(u"m2"_s, u"bob"_s, {u"lobby"_s}, 2)};
    const MemberIdentity alice {u"m1"_s, u"alice"_s, Dialect::Native};
    if (how == 0) {
        s.members[0].muted = muted;
        s.rooms[0].locked = locked;
        model.loadSnapshot(s);
    } else if (how == 1) {
        model.loadSnapshot(s);
        s.members[0].muted = muted;
        s.rooms[0].locked = locked;
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.loadSnapshot(s);
        QCOMPARE(changed.size(), int(muted) + int(locked)); // alice's row, the lobby's row
    } else {
        model.loadSnapshot(s);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.applyEvents({makeEvent(ServerEvent::Muted {alice, true}),
                           makeEvent(ServerEvent::RoomLocked {u"lobby"_s, true}),
                           makeEvent(ServerEvent::RoomLocked {u"games"_s, true})}); // unknown
        QCOMPARE(changed.size(), 2);
        if (how == 3) {
            model.applyEvents({makeEvent(ServerEvent::Muted {alice, false}),
                               makeEvent(ServerEvent::RoomLocked {u"lobby"_s, false})});
        }
    }
    QCOMPARE(shape(model), expected);
    const QModelIndex lobby = model.roomIndex(u"lobby"_s);
    const QModelIndex aliceRow = model.memberIndex(u"lobby"_s, u"m1"_s);
    const QModelIndex bobRow = model.memberIndex(u"lobby"_s, u"m2"_s);
    QCOMPARE(lobby.data(RoomsModel::LockedRole).toBool(), locked);
    QCOMPARE(lobby.data(RoomsModel::MutedRole).toBool(), false);
    QCOMPARE(lobby.data(RoomsModel::MemberNameRole).toString(), QString());
    QCOMPARE(aliceRow.data(RoomsModel::MutedRole).toBool(), muted);
    QCOMPARE(aliceRow.data(RoomsModel::LockedRole).toBool(), false);
    QCOMPARE(aliceRow.data(RoomsModel::MemberNameRole).toString(), u"alice"_s); // no "(muted)"
    QCOMPARE(bobRow.data(RoomsModel::MutedRole).toBool(), false);
    QCOMPARE(model.roomIndex(u"chat"_s).data(RoomsModel::LockedRole).toBool(), false);
    QCOMPARE(model.memberName(u"m1"_s), u"alice"_s);
}

void tst_RoomsModel::events_data()
{
    QTest::addColumn<ServerEventList>("events");
    QTest::addColumn<QString>("expected");

    const QString a = QStringLiteral("m1");
    const QString alice = QStringLiteral("alice");
    const QString b = QStringLiteral("m2");
    const QString bob = QStringLiteral("bob");
    const QString lobby = QStringLiteral("lobby");
    const QString games = QStringLiteral("games");

    QTest::newRow("nothing") << ServerEventList() << "chat[] lobby[] notifications[]";
    QTest::newRow("connect then join")
        << ServerEventList {connected(a, alice, QStringLiteral("127.0.0.1")),
                            joined(lobby, a, alice)}
        << "chat[] lobby[alice] notifications[]";
    QTest::newRow("join before connect")
        << ServerEventList {joined(lobby, a, alice),
                            connected(a, alice, QStringLiteral("127.0.0.1"))}
        << "chat[] lobby[alice] notifications[]";
    QTest::newRow("join twice") << ServerEventList {joined(lobby, a, alice),
                                                    joined(lobby, a, alice)}
                                << "chat[] lobby[alice] notifications[]";
    QTest::newRow("join then leave")
        << ServerEventList {joined(lobby, a, alice), joined(lobby, b, bob), left(lobby, a, alice)}
        << "chat[] lobby[bob] notifications[] Not in a room[alice]";
    QTest::newRow("leave of an unknown member")
        << ServerEventList {left(lobby, b, bob)} << "chat[] lobby[] notifications[]";
    QTest::newRow("leave of an unknown room")
        << ServerEventList {joined(lobby, a, alice), left(games, a, alice)}
        << "chat[] lobby[alice] notifications[]";
    QTest::newRow("leave before join")
        << ServerEventList {left(lobby, a, alice), joined(lobby, a, alice)}
        << "chat[] lobby[alice] notifications[]";
    QTest::newRow("disconnect of an unknown member")
        << ServerEventList {disconnected(b, bob)} << "chat[] lobby[] notifications[]";
    QTest::newRow("disconnect without leaves")
        << ServerEventList {joined(lobby, a, alice), joined(games, a, alice), joined(lobby, b, bob),
                            disconnected(a, alice)}
        << "chat[] games[] lobby[bob] notifications[]";
    QTest::newRow("leaves then disconnect")
        << ServerEventList {joined(lobby, a, alice), left(lobby, a, alice), disconnected(a, alice),
                            left(lobby, a, alice)}
        << "chat[] lobby[] notifications[]";
    QTest::newRow("join creates the room") << ServerEventList {joined(games, a, alice)}
                                           << "chat[] games[alice] lobby[] notifications[]";
    QTest::newRow("room created twice") << ServerEventList {roomCreated(games), roomCreated(games),
                                                            roomCreated(QStringLiteral("Art"))}
                                        << "Art[] chat[] games[] lobby[] notifications[]";
    QTest::newRow("unknown room removed")
        << ServerEventList {roomRemoved(games)} << "chat[] lobby[] notifications[]";
    QTest::newRow("room removed, then its leaves arrive")
        << ServerEventList {joined(games, a, alice), roomRemoved(games), left(games, a, alice)}
        << "chat[] lobby[] notifications[] Not in a room[alice]";
    QTest::newRow("rename of an unknown member")
        << ServerEventList {renamed(b, QStringLiteral("robert"), bob)}
        << "chat[] lobby[] notifications[]";
    QTest::newRow("message to an unknown room")
        << ServerEventList {message(games, a, alice, 1)} << "chat[] lobby[] notifications[]";
    QTest::newRow("rename then join") << ServerEventList {connected(a, alice, QString()),
                                                          renamed(a, QStringLiteral("ally"), alice),
                                                          joined(lobby, a, QStringLiteral("ally"))}
                                      << "chat[] lobby[ally] notifications[]";
    QTest::newRow("an event with no member id")
        << ServerEventList {joined(lobby, QString(), alice), connected(QString(), alice, QString())}
        << "chat[] lobby[] notifications[]";
    QTest::newRow("a join with no room")
        << ServerEventList {joined(QString(), a, alice)} << "chat[] lobby[] notifications[]";
    QTest::newRow("a join with no room, then a run")
        << ServerEventList {joined(QString(), a, alice), joined(lobby, a, alice),
                            joined(lobby, b, bob)}
        << "chat[] lobby[alice,bob] notifications[]";
    QTest::newRow("runs of joins to two rooms")
        << ServerEventList {joined(lobby, a, alice), joined(games, a, alice), joined(games, b, bob),
                            joined(lobby, b, bob)}
        << "chat[] games[alice,bob] lobby[alice,bob] notifications[]";
    QTest::newRow("direct, notification and error change no row")
        << ServerEventList {joined(lobby, a, alice),
                            makeEvent(ServerEvent::Direct {{a, alice}, bob, QStringLiteral("hi")}),
                            makeEvent(ServerEvent::Notification {QStringLiteral("news")}),
                            makeEvent(ServerEvent::Error {{a, alice},
                                                          QStringLiteral("bad_json"),
                                                          QStringLiteral("no"),
                                                          QString()})}
        << "chat[] lobby[alice] notifications[]";
    // Members connected and in no room: under the "Not in a room" node after the rooms, as
    // long as they are in none; the node is there only while someone is.
    const QString c = u"m3"_s;
    const QString carol = u"carol"_s;
    const QString here = u"127.0.0.1"_s;
    QTest::newRow("connected with no room: under the node")
        << ServerEventList {connected(a, alice, here)}
        << "chat[] lobby[] notifications[] Not in a room[alice]";
    QTest::newRow("an echo connection: under the node")
        << ServerEventList {connected(a, u"echo-1"_s, here, Dialect::Echo)}
        << "chat[] lobby[] notifications[] Not in a room[echo-1]";
    QTest::newRow("joins a room: leaves the node")
        << ServerEventList {connected(a, alice, here), connected(b, bob, here),
                            joined(lobby, a, alice)}
        << "chat[] lobby[alice] notifications[] Not in a room[bob]";
    QTest::newRow("everyone joins: the node goes")
        << ServerEventList {connected(a, alice, here), connected(b, bob, here),
                            joined(lobby, a, alice), joined(games, b, bob)}
        << "chat[] games[bob] lobby[alice] notifications[]";
    QTest::newRow("leaves one of two rooms: still out of the node")
        << ServerEventList {connected(a, alice, here), joined(lobby, a, alice),
                            joined(games, a, alice), left(games, a, alice)}
        << "chat[] games[] lobby[alice] notifications[]";
    QTest::newRow("leaves its last room: back under the node")
        << ServerEventList {connected(a, alice, here), joined(lobby, a, alice),
                            joined(games, a, alice), left(games, a, alice), left(lobby, a, alice)}
        << "chat[] games[] lobby[] notifications[] Not in a room[alice]";
    QTest::newRow("its last room removed: under the node")
        << ServerEventList {connected(a, alice, here), joined(games, a, alice), roomRemoved(games)}
        << "chat[] lobby[] notifications[] Not in a room[alice]";
    QTest::newRow("disconnects: gone")
        << ServerEventList {connected(a, alice, here), connected(b, bob, here),
                            disconnected(a, alice)}
        << "chat[] lobby[] notifications[] Not in a room[bob]";
    QTest::newRow("the last one disconnects: the node goes")
        << ServerEventList {connected(a, alice, here), disconnected(a, alice)}
        << "chat[] lobby[] notifications[]";
    QTest::newRow("in the order they connected")
        << ServerEventList {connected(a, alice, here), connected(b, bob, here),
                            connected(c, carol, here), joined(lobby, b, bob)}
        << "chat[] lobby[bob] notifications[] Not in a room[alice,carol]";
    QTest::newRow("renamed under the node")
        << ServerEventList {connected(a, alice, here), renamed(a, u"ally"_s, alice)}
        << "chat[] lobby[] notifications[] Not in a room[ally]";
}

void tst_RoomsModel::events()
{
    QFETCH(ServerEventList, events);
    QFETCH(QString, expected);

    // Whole batches, then the same events one per batch: the result must not depend on it.
    for (const bool oneByOne : {false, true}) {
        RoomsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.loadSnapshot(emptyServer());
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        if (oneByOne) {
            for (const ServerEvent &e : std::as_const(events))
                model.applyEvents({e});
        } else {
            model.applyEvents(events);
        }
        QCOMPARE(shape(model), expected);
        QCOMPARE(resets.size(), 0);
        const QModelIndex node = model.noRoomIndex();
        QCOMPARE(node.isValid(), expected.contains(u"Not in a room"_s));
        if (node.isValid())
            QCOMPARE(cell(node, RoomsModel::MembersColumn).toInt(), model.rowCount(node));
    }
}

void tst_RoomsModel::memberInTwoRooms()
{
    RoomsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.loadSnapshot(emptyServer());
    model.applyEvents(
        {connected(QStringLiteral("m1"), QStringLiteral("alice"), QStringLiteral("10.0.0.5")),
         joined(QStringLiteral("lobby"), QStringLiteral("m1"), QStringLiteral("alice")),
         roomCreated(QStringLiteral("games")),
         joined(QStringLiteral("games"), QStringLiteral("m1"), QStringLiteral("alice"))});
    QCOMPARE(shape(model), QStringLiteral("chat[] games[alice] lobby[alice] notifications[]"));
    for (const QString &room : {QStringLiteral("games"), QStringLiteral("lobby")}) {
        const QModelIndex alice = model.memberIndex(room, QStringLiteral("m1"));
        QVERIFY(alice.isValid());
        QCOMPARE(alice.data(RoomsModel::RoomNameRole).toString(), room);
        QCOMPARE(cell(alice, RoomsModel::AddressColumn).toString(), QStringLiteral("10.0.0.5"));
        QCOMPARE(cell(model.roomIndex(room), RoomsModel::MembersColumn).toInt(), 1);
    }
    QCOMPARE(model.roomNames(),
             QStringList({QStringLiteral("chat"), QStringLiteral("games"), QStringLiteral("lobby"),
                          QStringLiteral("notifications")}));

    model.applyEvents(
        {left(QStringLiteral("games"), QStringLiteral("m1"), QStringLiteral("alice"))});
    QCOMPARE(shape(model), QStringLiteral("chat[] games[] lobby[alice] notifications[]"));
    QCOMPARE(cell(model.roomIndex(QStringLiteral("games")), RoomsModel::MembersColumn).toInt(), 0);
}

void tst_RoomsModel::renameUpdatesEveryRow()
{
    RoomsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.loadSnapshot(emptyServer());
    model.applyEvents(
        {joined(QStringLiteral("lobby"), QStringLiteral("m1"), QStringLiteral("alice")),
         joined(QStringLiteral("chat"), QStringLiteral("m1"), QStringLiteral("alice")),
         joined(QStringLiteral("chat"), QStringLiteral("m2"), QStringLiteral("bob"))});

    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removals(&model, &QAbstractItemModel::rowsRemoved);
    model.applyEvents(
        {renamed(QStringLiteral("m1"), QStringLiteral("ally"), QStringLiteral("alice"))});
    QCOMPARE(shape(model), QStringLiteral("chat[ally,bob] lobby[ally] notifications[]"));
    QCOMPARE(model.memberName(QStringLiteral("m1")), QStringLiteral("ally"));
    QCOMPARE(inserts.size(), 0);
    QCOMPARE(removals.size(), 0);

    // One dataChanged per row of the member, each covering its name.
    QSet<QString> rowsChanged;
    for (const QList<QVariant> &args : std::as_const(changes)) {
        const auto topLeft = args.at(0).value<QModelIndex>();
        const auto bottomRight = args.at(1).value<QModelIndex>();
        QCOMPARE(topLeft.row(), bottomRight.row());
        QVERIFY(topLeft.column() <= RoomsModel::NameColumn);
        rowsChanged.insert(topLeft.data(RoomsModel::RoomNameRole).toString() + QLatin1Char('/')
                           + topLeft.data(RoomsModel::MemberIdRole).toString());
    }
    QCOMPARE(rowsChanged, QSet<QString>({QStringLiteral("chat/m1"), QStringLiteral("lobby/m1")}));
}

void tst_RoomsModel::messagesAreCounted()
{
    RoomsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ServerSnapshot s = emptyServer();
    s.rooms[0] = roomInfo(QStringLiteral("lobby"), {QStringLiteral("m1")},
                          {QStringLiteral("alice")}, 3, true);
    s.members
        = {memberInfo(QStringLiteral("m1"), QStringLiteral("alice"), {QStringLiteral("lobby")}, 3)};
    model.loadSnapshot(s);

    const QString lobby = QStringLiteral("lobby");
    const QString m1 = QStringLiteral("m1");
    const QString alice = QStringLiteral("alice");
    ServerEvent fromHost = message(lobby, QStringLiteral("host"), QStringLiteral("host"), 6);
    // Ids 2 and 3 were counted by the snapshot already (their events were still buffered).
    model.applyEvents({message(lobby, m1, alice, 2), message(lobby, m1, alice, 3),
                       message(lobby, m1, alice, 4), message(lobby, m1, alice, 5), fromHost});
    const QModelIndex room = model.roomIndex(lobby);
    QCOMPARE(cell(room, RoomsModel::MessagesColumn).toLongLong(), 6);
    QCOMPARE(cell(model.memberIndex(lobby, m1), RoomsModel::MessagesColumn).toLongLong(), 5);

    // A message to a room the model does not know still counts for its sender.
    model.applyEvents({message(QStringLiteral("elsewhere"), m1, alice, 1)});
    QCOMPARE(cell(model.memberIndex(lobby, m1), RoomsModel::MessagesColumn).toLongLong(), 6);
    QCOMPARE(cell(room, RoomsModel::MessagesColumn).toLongLong(), 6);
}

void tst_RoomsModel::roomRemovedWithMembers()
{
    RoomsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.loadSnapshot(emptyServer());
    model.applyEvents(
        {joined(QStringLiteral("games"), QStringLiteral("m1"), QStringLiteral("alice")),
         joined(QStringLiteral("games"), QStringLiteral("m2"), QStringLiteral("bob")),
         joined(QStringLiteral("lobby"), QStringLiteral("m1"), QStringLiteral("alice"))});
    QCOMPARE(shape(model), QStringLiteral("chat[] games[alice,bob] lobby[alice] notifications[]"));

    const QPersistentModelIndex aliceInLobby
        = model.memberIndex(QStringLiteral("lobby"), QStringLiteral("m1"));
    model.applyEvents({roomRemoved(QStringLiteral("games"))});
    QCOMPARE(shape(model), u"chat[] lobby[alice] notifications[] Not in a room[bob]"_s);
    QVERIFY(aliceInLobby.isValid());
    QCOMPARE(aliceInLobby.data(RoomsModel::MemberIdRole).toString(), QStringLiteral("m1"));

    // Members survive their room: a rename still reaches their other rows.
    model.applyEvents(
        {renamed(QStringLiteral("m1"), QStringLiteral("ally"), QStringLiteral("alice")),
         joined(QStringLiteral("games"), QStringLiteral("m2"), QStringLiteral("bob"))});
    QCOMPARE(shape(model), QStringLiteral("chat[] games[bob] lobby[ally] notifications[]"));
}

void tst_RoomsModel::crowdJoinsInOneInsertion()
{
    RoomsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.loadSnapshot(emptyServer());
    ServerEventList crowd;
    for (int i = 1; i <= 500; ++i)
        crowd.append(joined(QStringLiteral("lobby"), QStringLiteral("m%1").arg(i),
                            QStringLiteral("guest-%1").arg(i)));
    QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
    model.applyEvents(crowd);
    QCOMPARE(inserts.size(), 1);
    const QModelIndex lobby = model.roomIndex(QStringLiteral("lobby"));
    QCOMPARE(model.rowCount(lobby), 500);
    QCOMPARE(cell(lobby, RoomsModel::MembersColumn).toInt(), 500);
    QCOMPARE(model.index(499, 0, lobby).data().toString(), QStringLiteral("guest-500"));
}

void tst_RoomsModel::naturalOrder_data()
{
    QTest::addColumn<ServerEventList>("events");
    QTest::addColumn<QString>("expected");

    // Members joining lobby in this order, as m1, m2, ...
    auto joins = [](const QStringList &names) {
        ServerEventList events;
        for (int i = 0; i < names.size(); ++i)
            events.append(joined(u"lobby"_s, u"m%1"_s.arg(i + 1), names.at(i)));
        return events;
    };
    QTest::newRow("2 before 10")
        << joins({u"sim-chatter-10"_s, u"sim-chatter-2"_s, u"sim-chatter-1"_s})
        << u"chat[] lobby[sim-chatter-1,sim-chatter-2,sim-chatter-10] notifications[]"_s;
    QTest::newRow("9 before 10 before 100")
        << joins({u"s100"_s, u"s9"_s, u"s10"_s}) << u"chat[] lobby[s9,s10,s100] notifications[]"_s;
    QTest::newRow("case ignored") << joins({u"Bob"_s, u"alice"_s, u"Carol"_s})
                                  << u"chat[] lobby[alice,Bob,Carol] notifications[]"_s;
    QTest::newRow("same name twice: by id")
        << joins({u"sam"_s, u"ann"_s, u"sam"_s}) << u"chat[] lobby[ann,sam,sam] notifications[]"_s;
    QTest::newRow("rooms too") << ServerEventList {
        roomCreated(u"group 10"_s), roomCreated(u"group 2"_s),
        roomCreated(
            u"Group 1"_s)} << u"chat[] Group 1[] group 2[] group 10[] lobby[] notifications[]"_s;
    QTest::newRow("not in a room")
        << ServerEventList {connected(u"m1"_s, u"sim-chatter-10"_s, u"127.0.0.1"_s),
                            connected(u"m2"_s, u"sim-chatter-2"_s, u"127.0.0.1"_s)}
        << u"chat[] lobby[] notifications[] Not in a room[sim-chatter-2,sim-chatter-10]"_s;
}

void tst_RoomsModel::naturalOrder()
{
    QFETCH(ServerEventList, events);
    QFETCH(QString, expected);
    // As events (one batch, then one by one) and as a snapshot of the result.
    for (const bool oneByOne : {false, true}) {
        RoomsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.loadSnapshot(emptyServer());
        if (oneByOne) {
            for (const ServerEvent &e : std::as_const(events))
                model.applyEvents({e});
        } else {
            model.applyEvents(events);
        }
        QCOMPARE(shape(model), expected);
    }
}

void tst_RoomsModel::renameMovesTheRow()
{
    RoomsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.loadSnapshot(emptyServer());
    model.applyEvents({joined(u"lobby"_s, u"m1"_s, u"sim-chatter-1"_s),
                       joined(u"lobby"_s, u"m2"_s, u"sim-chatter-2"_s),
                       joined(u"lobby"_s, u"m3"_s, u"sim-chatter-10"_s)});
    QItemSelectionModel selection(&model);
    selection.setCurrentIndex(model.memberIndex(u"lobby"_s, u"m1"_s),
                              QItemSelectionModel::ClearAndSelect);
    QSignalSpy moves(&model, &QAbstractItemModel::rowsMoved);
    QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removals(&model, &QAbstractItemModel::rowsRemoved);

    model.applyEvents({renamed(u"m1"_s, u"sim-chatter-20"_s, u"sim-chatter-1"_s)});
    QCOMPARE(shape(model),
             u"chat[] lobby[sim-chatter-2,sim-chatter-10,sim-chatter-20] notifications[]"_s);
    QCOMPARE(moves.size(), 1);
    QCOMPARE(inserts.size(), 0);
    QCOMPARE(removals.size(), 0);
    // The selection follows the member.
    QCOMPARE(selection.currentIndex().data(RoomsModel::MemberIdRole).toString(), u"m1"_s);
    QCOMPARE(selection.currentIndex().row(), 2);

    // Two renamed in one batch, each past the other.
    model.applyEvents({renamed(u"m2"_s, u"z"_s, u"sim-chatter-2"_s),
                       renamed(u"m3"_s, u"a"_s, u"sim-chatter-10"_s)});
    QCOMPARE(shape(model), u"chat[] lobby[a,sim-chatter-20,z] notifications[]"_s);
    QCOMPARE(selection.currentIndex().data(RoomsModel::MemberIdRole).toString(), u"m1"_s);
}

void tst_RoomsModel::joinRunEndsAtAnotherRoom()
{
    RoomsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.loadSnapshot(emptyServer());
    const QString lobby = QStringLiteral("lobby");
    const QString chat = QStringLiteral("chat");
    QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
    model.applyEvents({joined(lobby, QStringLiteral("m1"), QStringLiteral("alice")),
                       joined(lobby, QStringLiteral("m2"), QStringLiteral("bob")),
                       joined(chat, QStringLiteral("m1"), QStringLiteral("alice")),
                       joined(lobby, QStringLiteral("m3"), QStringLiteral("carol"))});
    // One insertion per run: lobby's two, chat's one, lobby's one.
    QCOMPARE(inserts.size(), 3);
    QCOMPARE(shape(model), QStringLiteral("chat[alice] lobby[alice,bob,carol] notifications[]"));
}

void tst_RoomsModel::droppedAsksForResync()
{
    RoomsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.loadSnapshot(emptyServer());
    QSignalSpy resync(&model, &RoomsModel::resyncWanted);
    model.applyEvents(
        {joined(QStringLiteral("lobby"), QStringLiteral("m1"), QStringLiteral("alice"))});
    QCOMPARE(resync.size(), 0);
    model.applyEvents(
        {message(QStringLiteral("lobby"), QStringLiteral("m1"), QStringLiteral("alice"), 1),
         dropped(250)});
    QCOMPARE(resync.size(), 1);
}

void tst_RoomsModel::snapshotMergeKeepsSelection()
{
    RoomsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QItemSelectionModel selection(&model);
    model.loadSnapshot(emptyServer());
    model.applyEvents(
        {joined(QStringLiteral("lobby"), QStringLiteral("m1"), QStringLiteral("alice")),
         joined(QStringLiteral("lobby"), QStringLiteral("m2"), QStringLiteral("bob")),
         joined(QStringLiteral("lobby"), QStringLiteral("m3"), QStringLiteral("carol")),
         joined(QStringLiteral("games"), QStringLiteral("m1"), QStringLiteral("alice")),
         message(QStringLiteral("lobby"), QStringLiteral("m2"), QStringLiteral("bob"), 1)});
    const QModelIndex bob = model.memberIndex(QStringLiteral("lobby"), QStringLiteral("m2"));
    selection.setCurrentIndex(bob, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const QPersistentModelIndex chatRoom = model.roomIndex(QStringLiteral("chat"));

    // The truth after a flood: 40 messages in lobby, bob sent 30, alice left lobby, games is
    // gone, a new room and member appeared.
    ServerSnapshot s = emptyServer();
    s.rooms[0] = roomInfo(QStringLiteral("lobby"), {QStringLiteral("m2"), QStringLiteral("m3")},
                          {QStringLiteral("bob"), QStringLiteral("carol")}, 40, true);
    s.rooms.append(roomInfo(QStringLiteral("art"), {QStringLiteral("m4"), QStringLiteral("m1")},
                            {QStringLiteral("dave"), QStringLiteral("alice")}, 2));
    s.members
        = {memberInfo(QStringLiteral("m1"), QStringLiteral("alice"), {QStringLiteral("art")}),
           memberInfo(QStringLiteral("m2"), QStringLiteral("bob"), {QStringLiteral("lobby")}, 30),
           memberInfo(QStringLiteral("m3"), QStringLiteral("carol"), {QStringLiteral("lobby")}),
           memberInfo(QStringLiteral("m4"), QStringLiteral("dave"), {QStringLiteral("art")})};

    QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
    model.loadSnapshot(s);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(shape(model),
             QStringLiteral("art[alice,dave] chat[] lobby[bob,carol] notifications[]"));

    const QModelIndex current = selection.currentIndex();
    QVERIFY(current.isValid());
    QCOMPARE(current.data(RoomsModel::MemberIdRole).toString(), QStringLiteral("m2"));
    QCOMPARE(current.data(RoomsModel::RoomNameRole).toString(), QStringLiteral("lobby"));
    QVERIFY(selection.isSelected(current));
    QVERIFY(chatRoom.isValid());
    QCOMPARE(chatRoom.data().toString(), QStringLiteral("chat"));
    QCOMPARE(cell(current, RoomsModel::MessagesColumn).toLongLong(), 30);
    QCOMPARE(
        cell(model.roomIndex(QStringLiteral("lobby")), RoomsModel::MessagesColumn).toLongLong(),
        40);

    // The same snapshot again changes nothing.
    QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removals(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    model.loadSnapshot(s);
    QCOMPARE(inserts.size(), 0);
    QCOMPARE(removals.size(), 0);
    QCOMPARE(changes.size(), 0);
}

void tst_RoomsModel::clear()
{
    RoomsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.loadSnapshot(emptyServer());
    model.applyEvents(
        {joined(QStringLiteral("lobby"), QStringLiteral("m1"), QStringLiteral("alice"))});
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.memberName(QStringLiteral("m1")).isEmpty());
    // After a clear the next snapshot loads afresh.
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.loadSnapshot(emptyServer());
    QCOMPARE(resets.size(), 1);
    QCOMPARE(shape(model), QStringLiteral("chat[] lobby[] notifications[]"));
}

void tst_RoomsModel::storedRooms_data()
{
    QTest::addColumn<ServerEventList>("events");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QStringList>("liveRooms");

    const QString a = QStringLiteral("m1");
    const QString alice = QStringLiteral("alice");
    const QString archive = QStringLiteral("archive");
    const QString games = QStringLiteral("games");
    const QStringList permanent {QStringLiteral("chat"), QStringLiteral("lobby"),
                                 QStringLiteral("notifications")};

    QTest::newRow("the snapshot's stored room")
        << ServerEventList() << "archive~12[] chat[] lobby[] notifications[]" << permanent;
    QTest::newRow("messages are counted into the store")
        << ServerEventList {joined(games, a, alice), message(games, a, alice, 1),
                            message(games, a, alice, 2)}
        << "archive~12[] chat[] games#2[alice] lobby[] notifications[]"
        << QStringList {QStringLiteral("chat"), games, QStringLiteral("lobby"),
                        QStringLiteral("notifications")};
    QTest::newRow("a room left empty stays, stored")
        << ServerEventList {joined(games, a, alice), message(games, a, alice, 1),
                            message(games, a, alice, 2), left(games, a, alice),
                            roomRemoved(games, 2)}
        << "archive~12[] chat[] games~2[] lobby[] notifications[] Not in a room[alice]"
        << permanent;
    QTest::newRow("a room removed with its members still listed stays, stored")
        << ServerEventList {joined(games, a, alice), roomRemoved(games, 5)}
        << "archive~12[] chat[] games~5[] lobby[] notifications[] Not in a room[alice]"
        << permanent;
    QTest::newRow("a room left empty with nothing stored goes")
        << ServerEventList {joined(games, a, alice), left(games, a, alice), roomRemoved(games)}
        << "archive~12[] chat[] lobby[] notifications[] Not in a room[alice]" << permanent;
    QTest::newRow("a stored room created again is live")
        << ServerEventList {roomCreated(archive)} << "archive#12[] chat[] lobby[] notifications[]"
        << QStringList {archive, QStringLiteral("chat"), QStringLiteral("lobby"),
                        QStringLiteral("notifications")};
    QTest::newRow("a stored room joined is live")
        << ServerEventList {joined(archive, a, alice)}
        << "archive#12[alice] chat[] lobby[] notifications[]"
        << QStringList {archive, QStringLiteral("chat"), QStringLiteral("lobby"),
                        QStringLiteral("notifications")};
    QTest::newRow("a stored room joined, posted to and left again")
        << ServerEventList {roomCreated(archive), joined(archive, a, alice),
                            message(archive, a, alice, 13), left(archive, a, alice),
                            roomRemoved(archive, 13)}
        << "archive~13[] chat[] lobby[] notifications[] Not in a room[alice]" << permanent;
    QTest::newRow("a message to a stored room is not counted")
        << ServerEventList {message(archive, a, alice, 13)}
        << "archive~12[] chat[] lobby[] notifications[]" << permanent;
    QTest::newRow("a stored room removed with nothing stored goes")
        << ServerEventList {roomRemoved(archive)} << "chat[] lobby[] notifications[]" << permanent;
}

void tst_RoomsModel::storedRooms()
{
    QFETCH(ServerEventList, events);
    QFETCH(QString, expected);
    QFETCH(QStringList, liveRooms);

    for (const bool oneByOne : {false, true}) {
        RoomsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.loadSnapshot(serverWithStore());
        QVERIFY(model.hasStore());
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        if (oneByOne) {
            for (const ServerEvent &e : std::as_const(events))
                model.applyEvents({e});
        } else {
            model.applyEvents(events);
        }
        QCOMPARE(storedShape(model), expected);
        QCOMPARE(model.roomNames(), liveRooms);
        QCOMPARE(resets.size(), 0);
    }
}

void tst_RoomsModel::storedRoomLooks()
{
    RoomsModel model;
    model.loadSnapshot(serverWithStore());
    const QModelIndex archive = model.roomIndex(QStringLiteral("archive"));
    const QModelIndex lobby = model.roomIndex(QStringLiteral("lobby"));
    QVERIFY(archive.isValid());
    QVERIFY(model.isStored(QStringLiteral("archive")));
    QVERIFY(!model.isStored(QStringLiteral("lobby")));
    QCOMPARE(model.storedMessages(QStringLiteral("archive")), 12);
    QCOMPARE(archive.data().toString(), QStringLiteral("archive (12 stored messages)"));
    QCOMPARE(cell(archive, RoomsModel::MessagesColumn).toLongLong(), 12);
    QVERIFY(!cell(archive, RoomsModel::MembersColumn).isValid());
    QVERIFY(archive.data(Qt::ToolTipRole).toString().contains(QStringLiteral("12 messages")));
    // Greyed, but selectable: Room History acts on it.
    QVERIFY(archive.data(Qt::ForegroundRole).isValid());
    QVERIFY(!lobby.data(Qt::ForegroundRole).isValid());
    QVERIFY(model.flags(archive).testFlag(Qt::ItemIsSelectable));
    QCOMPARE(model.roomNames(true),
             QStringList({QStringLiteral("archive"), QStringLiteral("chat"),
                          QStringLiteral("lobby"), QStringLiteral("notifications")}));

    model.applyEvents({roomRemoved(QStringLiteral("games"), 1)}); // unknown: nothing
    model.applyEvents({joined(QStringLiteral("games"), QStringLiteral("m1"), QStringLiteral("a")),
                       roomRemoved(QStringLiteral("games"), 1)});
    QCOMPARE(model.roomIndex(QStringLiteral("games")).data().toString(),
             QStringLiteral("games (1 stored message)"));
}

void tst_RoomsModel::storedRoomsFromSnapshots()
{
    RoomsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ServerSnapshot s = serverWithStore();
    s.rooms.append(
        roomInfo(QStringLiteral("games"), {QStringLiteral("m1")}, {QStringLiteral("alice")}, 3));
    s.rooms.last().storedMessages = 3;
    s.members
        = {memberInfo(QStringLiteral("m1"), QStringLiteral("alice"), {QStringLiteral("games")})};
    model.loadSnapshot(s);
    QCOMPARE(storedShape(model),
             QStringLiteral("archive~12[] chat[] games#3[alice] lobby[] "
                            "notifications[]"));

    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy names(&model, &RoomsModel::roomNamesChanged);
    // games was left empty, archive's history was cleared (the store forgets it).
    ServerSnapshot later = serverWithStore();
    later.storedRooms = {{QStringLiteral("games"), 3}};
    model.loadSnapshot(later);
    QCOMPARE(storedShape(model), QStringLiteral("chat[] games~3[] lobby[] notifications[]"));
    QCOMPARE(names.size(), 1);

    // Someone joins games again.
    model.loadSnapshot(s);
    QCOMPARE(storedShape(model),
             QStringLiteral("archive~12[] chat[] games#3[alice] lobby[] "
                            "notifications[]"));
    QCOMPARE(resets.size(), 0);

    // Stopped and restarted without a store: no stored rooms.
    model.clear();
    model.loadSnapshot(emptyServer());
    QVERIFY(!model.hasStore());
    QCOMPARE(storedShape(model), QStringLiteral("chat[] lobby[] notifications[]"));
}

void tst_RoomsModel::noRoomNodeRows()
{
    RoomsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.loadSnapshot(emptyServer());
    QVERIFY(!model.noRoomIndex().isValid());
    QCOMPARE(model.rowCount(), 3);
    model.applyEvents({connected(u"m1"_s, u"echo-1"_s, u"10.0.0.7"_s, Dialect::Echo),
                       connected(u"m2"_s, u"bob"_s, u"10.0.0.8"_s)});

    // The node: after the rooms, named, counting its members, no room of its own.
    const QModelIndex node = model.noRoomIndex();
    QVERIFY(node.isValid());
    QCOMPARE(node.row(), 3);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(node.data().toString(), u"Not in a room"_s);
    QCOMPARE(cell(node, RoomsModel::MembersColumn).toInt(), 2);
    QCOMPARE(node.data(RoomsModel::KindRole).toInt(), int(RoomsModel::NoRoomKind));
    QVERIFY(node.data(RoomsModel::RoomNameRole).toString().isEmpty());
    QVERIFY(node.data(RoomsModel::MemberIdRole).toString().isEmpty());
    QVERIFY(!node.data(RoomsModel::StoredRole).toBool());
    QVERIFY(!node.data(Qt::ToolTipRole).toString().isEmpty());
    QVERIFY(!model.roomNames(true).contains(u"Not in a room"_s));

    // Its members: rows like any member's, found by id (what the context menu acts on).
    const QModelIndex echo = model.memberIndex(QString(), u"m1"_s);
    QVERIFY(echo.isValid());
    QCOMPARE(echo.parent(), node);
    QCOMPARE(echo, model.index(1, 0, node)); // sorted by name: bob, echo-1
    QCOMPARE(echo.data().toString(), u"echo-1"_s);
    QCOMPARE(echo.data(RoomsModel::KindRole).toInt(), int(RoomsModel::MemberKind));
    QCOMPARE(echo.data(RoomsModel::MemberIdRole).toString(), u"m1"_s);
    QVERIFY(echo.data(RoomsModel::RoomNameRole).toString().isEmpty());
    QCOMPARE(cell(echo, RoomsModel::DialectColumn).toString(), u"echo"_s);
    QCOMPARE(cell(echo, RoomsModel::AddressColumn).toString(), u"10.0.0.7"_s);
    QVERIFY(!cell(echo, RoomsModel::ConnectedColumn).toString().isEmpty());
    QCOMPARE(cell(model.memberIndex(QString(), u"m2"_s), RoomsModel::DialectColumn).toString(),
             u"native"_s);
    QCOMPARE(model.memberIds(), QStringList({u"m1"_s, u"m2"_s}));

    // A room made after the node keeps it last; its children keep their rows.
    const QPersistentModelIndex kept = echo;
    model.applyEvents({roomCreated(u"zoo"_s)});
    QCOMPARE(model.noRoomIndex().row(), 4);
    QVERIFY(kept.isValid());
    QCOMPARE(kept.parent(), model.noRoomIndex());
    QCOMPARE(kept.data(RoomsModel::MemberIdRole).toString(), u"m1"_s);
}

void tst_RoomsModel::noRoomNodeSignals()
{
    RoomsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.loadSnapshot(emptyServer());
    QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removals(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);

    // A crowd that connects and joins in one batch never passes through the node.
    ServerEventList crowd;
    for (int i = 1; i <= 200; ++i)
        crowd.append(connected(u"m%1"_s.arg(i), u"guest-%1"_s.arg(i), u"127.0.0.1"_s));
    for (int i = 1; i <= 200; ++i)
        crowd.append(joined(u"lobby"_s, u"m%1"_s.arg(i), u"guest-%1"_s.arg(i)));
    model.applyEvents(crowd);
    QCOMPARE(inserts.size(), 1);
    QVERIFY(inserts.first().at(0).value<QModelIndex>().isValid()); // under the lobby
    QVERIFY(!model.noRoomIndex().isValid());

    // The node comes with its first members in one insertion of its own row.
    inserts.clear();
    model.applyEvents({connected(u"e1"_s, u"echo-1"_s, QString(), Dialect::Echo),
                       connected(u"e2"_s, u"echo-2"_s, QString(), Dialect::Echo)});
    QCOMPARE(inserts.size(), 1);
    QVERIFY(!inserts.first().at(0).value<QModelIndex>().isValid());
    QCOMPARE(inserts.first().at(1).toInt(), 3);
    QCOMPARE(model.rowCount(model.noRoomIndex()), 2);

    // Members leaving the lobby join it with one insertion under it; its count changes.
    inserts.clear();
    changes.clear();
    model.applyEvents(
        {left(u"lobby"_s, u"m1"_s, u"guest-1"_s), left(u"lobby"_s, u"m2"_s, u"guest-2"_s)});
    QVERIFY(shape(model).endsWith(u"] Not in a room[echo-1,echo-2,guest-1,guest-2]"_s));
    const QModelIndex node = model.noRoomIndex();
    int underNode = 0;
    for (const QList<QVariant> &args : std::as_const(inserts))
        underNode += args.at(0).value<QModelIndex>() == node ? 1 : 0;
    QCOMPARE(underNode, 1);
    bool countChanged = false;
    for (const QList<QVariant> &args : std::as_const(changes))
        countChanged = countChanged || args.at(0).value<QModelIndex>().row() == node.row();
    QVERIFY(countChanged);
    QCOMPARE(cell(node, RoomsModel::MembersColumn).toInt(), 4);

    // Adjacent members that join a room go in one removal; the last ones take the node along.
    removals.clear();
    model.applyEvents(
        {joined(u"chat"_s, u"e1"_s, u"echo-1"_s), joined(u"chat"_s, u"e2"_s, u"echo-2"_s)});
    QCOMPARE(removals.size(), 1);
    QCOMPARE(removals.first().at(0).value<QModelIndex>(), node);
    removals.clear();
    model.applyEvents({disconnected(u"m1"_s, u"guest-1"_s), disconnected(u"m2"_s, u"guest-2"_s)});
    QCOMPARE(removals.size(), 2); // guest-1's row, then the node's with guest-2
    QVERIFY(!removals.last().at(0).value<QModelIndex>().isValid());
    QVERIFY(!model.noRoomIndex().isValid());
    QCOMPARE(resets.size(), 0);
}

void tst_RoomsModel::noRoomNodeFromSnapshots()
{
    RoomsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ServerSnapshot s = emptyServer();
    s.rooms[0] = roomInfo(u"lobby"_s, {u"m1"_s}, {u"alice"_s}, 0, true);
    s.members = {memberInfo(u"m1"_s, u"alice"_s, {u"lobby"_s}),
                 memberInfo(u"m2"_s, u"echo-2"_s, {}), memberInfo(u"m3"_s, u"bob"_s, {})};
    s.members[1].dialect = Dialect::Echo;
    model.loadSnapshot(s);
    QCOMPARE(shape(model), u"chat[] lobby[alice] notifications[] Not in a room[bob,echo-2]"_s);
    QCOMPARE(cell(model.memberIndex(QString(), u"m2"_s), RoomsModel::DialectColumn).toString(),
             u"echo"_s);
    QCOMPARE(cell(model.noRoomIndex(), RoomsModel::MembersColumn).toInt(), 2);

    // Merged: bob joined the lobby, alice left it, the echo client went, a new one came.
    QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
    ServerSnapshot later = emptyServer();
    later.rooms[0] = roomInfo(u"lobby"_s, {u"m3"_s}, {u"bob"_s}, 0, true);
    later.members
        = {memberInfo(u"m1"_s, u"alice"_s, {}), memberInfo(u"m3"_s, u"bob"_s, {u"lobby"_s}),
           memberInfo(u"m4"_s, u"echo-4"_s, {})};
    later.members[2].dialect = Dialect::Echo;
    model.loadSnapshot(later);
    QCOMPARE(shape(model), u"chat[] lobby[bob] notifications[] Not in a room[alice,echo-4]"_s);
    QCOMPARE(cell(model.noRoomIndex(), RoomsModel::MembersColumn).toInt(), 2);
    QCOMPARE(resets.size(), 0);

    // The same snapshot again changes nothing.
    QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removals(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    model.loadSnapshot(later);
    QCOMPARE(inserts.size(), 0);
    QCOMPARE(removals.size(), 0);
    QCOMPARE(changes.size(), 0);

    // Everyone in a room: the node goes.
    ServerSnapshot all = emptyServer();
    all.rooms[0] = roomInfo(u"lobby"_s, {u"m1"_s, u"m3"_s}, {u"alice"_s, u"bob"_s}, 0, true);
    all.members = {memberInfo(u"m1"_s, u"alice"_s, {u"lobby"_s}),
                   memberInfo(u"m3"_s, u"bob"_s, {u"lobby"_s})};
    model.loadSnapshot(all);
    QCOMPARE(shape(model),
             u"chat[] lobby[alice,bob] notifications[]"_s); // by name; bob kept his row
    QVERIFY(!model.noRoomIndex().isValid());
}

QTEST_MAIN(tst_RoomsModel)
#include "tst_roomsmodel.moc"
