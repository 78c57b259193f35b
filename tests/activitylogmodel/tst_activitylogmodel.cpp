#include "console/activityfiltermodel.h"
#include "console/activitylogmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using Kind = ServerEvent::Kind;

using namespace Qt::Literals::StringLiterals;

namespace {

// An event of kind about the member named name (id "id-name") and room, with text: a message's,
// a rename's previous name, an error's message or a connection's address.
ServerEvent makeEvent(Kind kind, const QString &room, const QString &name,
                      const QString &text = QString())
{
    const MemberIdentity member {name.isEmpty() ? QString() : QStringLiteral("id-") + name, name};
    ServerEvent::Payload payload;
    switch (kind) {
    case Kind::Message:
        payload = ServerEvent::Message {member, room, text, 0};
        break;
    case Kind::Joined:
        payload = ServerEvent::Joined {member, room};
        break;
    case Kind::Left:
        payload = ServerEvent::Left {member, room};
        break;
    case Kind::Renamed:
        payload = ServerEvent::Renamed {member, text};
        break;
    case Kind::Connected:
        payload = ServerEvent::Connected {member, text};
        break;
    case Kind::RoomCreated:
        payload = ServerEvent::RoomCreated {room};
        break;
    case Kind::Error:
        payload = ServerEvent::Error {member, QString(), text, QString()};
        break;
    default:
        qFatal("makeEvent: this kind is not made here");
    }
    return ServerEvent(std::move(payload), QDateTime::currentDateTimeUtc());
}

// n message events numbered from first: their text is "#<number>".
ServerEventList messages(int first, int n)
{
    ServerEventList list;
    for (int i = first; i < first + n; ++i)
        list.append(makeEvent(Kind::Message, QStringLiteral("lobby"), QStringLiteral("alice"),
                              QStringLiteral("#%1").arg(i)));
    return list;
}

QString text(const QAbstractItemModel &model, int row)
{
    return model.index(row, ActivityLogModel::TextColumn).data().toString();
}

} // namespace

class tst_ActivityLogModel : public QObject
{
    Q_OBJECT

private slots:
    void columns();
    void linksOfTheText_data();
    void linksOfTheText();
    void batchIsOneInsertion();
    void capKeepsNewest_data();
    void capKeepsNewest();
    void lowerCap();
    void dropped();
    void errorRows();
    void refused_data();
    void refused();
    void moderation_data();
    void moderation();
    void filterByRoom();
    void filterByMember();
    void filterByKinds();
    void filterFollowsAppends();
};

void tst_ActivityLogModel::refused_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("text");
    QTest::newRow("first wrong code")
        << u"192.0.2.7"_s << u"wrong_code"_s << 1 << u"refused 192.0.2.7: wrong join code"_s;
    QTest::newRow("locked out, counted")
        << u"192.0.2.7"_s << u"locked_out"_s << 37
        << u"refused 192.0.2.7: locked out after too many wrong codes (37 times in the last "
           "minute)"_s;
    QTest::newRow("origin") << u"::1"_s << u"origin"_s << 1 << u"refused ::1: origin not allowed"_s;
    QTest::newRow("full, the others together")
        << QString() << u"limit"_s << 2
        << u"refused other addresses: server full (2 times in the last minute)"_s;
    QTest::newRow("banned") << u"192.168.1.7"_s << u"banned"_s << 1
                            << u"refused 192.168.1.7: banned by the host"_s;
}

void tst_ActivityLogModel::moderation_data()
{
    QTest::addColumn<ServerEvent>("event");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("room");
    QTest::addColumn<QString>("member");
    QTest::addColumn<QString>("text");
    const MemberIdentity alice {u"m1"_s, u"alice"_s, Dialect::Native};
    QTest::newRow("kick") << ServerEvent(ServerEvent::Kicked {alice, u"be nice"_s, false})
                          << u"kick"_s << QString() << u"alice"_s
                          << u"kicked by the host: be nice"_s;
    QTest::newRow("ban") << ServerEvent(ServerEvent::Kicked {alice, u"spam"_s, true}) << u"kick"_s
                         << QString() << u"alice"_s << u"banned by the host: spam"_s;
    QTest::newRow("mute") << ServerEvent(ServerEvent::Muted {alice, true}) << u"mute"_s << QString()
                          << u"alice"_s << u"muted by the host"_s;
    QTest::newRow("unmute") << ServerEvent(ServerEvent::Muted {alice, false}) << u"mute"_s
                            << QString() << u"alice"_s << u"may speak again (unmuted)"_s;
    QTest::newRow("lock") << ServerEvent(ServerEvent::RoomLocked {u"lobby"_s, true}) << u"lock"_s
                          << u"lobby"_s << QString() << u"room locked: only the host posts"_s;
    QTest::newRow("open") << ServerEvent(ServerEvent::RoomLocked {u"lobby"_s, false}) << u"lock"_s
                          << u"lobby"_s << QString() << u"room opened again"_s;
    QTest::newRow("notification, counted")
        << ServerEvent(ServerEvent::Notification {u"exam at 10"_s, 3}) << u"notification"_s
        << u"notifications"_s << QString() << u"exam at 10 (to 3 notification member(s))"_s;
    QTest::newRow("notification, not counted")
        << ServerEvent(ServerEvent::Notification {u"exam at 10"_s}) << u"notification"_s
        << u"notifications"_s << QString() << u"exam at 10"_s;
}

void tst_ActivityLogModel::moderation()
{
    QFETCH(ServerEvent, event);
    QFETCH(QString, kind);
    QFETCH(QString, room);
    QFETCH(QString, member);
    QFETCH(QString, text);
    event.time = QDateTime::currentDateTimeUtc();
    ActivityLogModel model;
    model.appendEvents({event});
    QCOMPARE(model.index(0, ActivityLogModel::KindColumn).data().toString(), kind);
    QCOMPARE(model.index(0, ActivityLogModel::RoomColumn).data().toString(), room);
    QCOMPARE(model.index(0, ActivityLogModel::MemberColumn).data().toString(), member);
    QCOMPARE(model.index(0, ActivityLogModel::TextColumn).data().toString(), text);
}

void tst_ActivityLogModel::refused()
{
    QFETCH(QString, address);
    QFETCH(QString, reason);
    QFETCH(int, count);
    QFETCH(QString, text);
    ActivityLogModel model;
    model.appendEvents({ServerEvent(ServerEvent::Refused {address, reason, count},
                                    QDateTime::currentDateTimeUtc())});
    QCOMPARE(model.index(0, ActivityLogModel::KindColumn).data().toString(), u"refused"_s);
    QCOMPARE(model.index(0, ActivityLogModel::TextColumn).data().toString(), text);
}

void tst_ActivityLogModel::columns()
{
    ActivityLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ServerEvent e
        = makeEvent(Kind::Renamed, QString(), QStringLiteral("ally"), QStringLiteral("alice"));
    e.time = QDateTime(QDate(2026, 11, 22), QTime(3, 7, 3, 342), Qt::LocalTime).toUTC();
    ServerEvent m = makeEvent(Kind::Message, QStringLiteral("lobby"), QStringLiteral("ally"),
                              QStringLiteral("line one\nline two"));
    model.appendEvents({e, m});

    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(ActivityLogModel::ColumnCount));
    QCOMPARE(model.index(0, ActivityLogModel::TimeColumn).data().toString(),
             QStringLiteral("03:07:03.342"));
    QCOMPARE(model.index(0, ActivityLogModel::KindColumn).data().toString(),
             QStringLiteral("rename"));
    QCOMPARE(model.index(0, ActivityLogModel::MemberColumn).data().toString(),
             QStringLiteral("ally"));
    QCOMPARE(text(model, 0), QStringLiteral("renamed from alice"));
    QCOMPARE(model.index(1, ActivityLogModel::RoomColumn).data().toString(),
             QStringLiteral("lobby"));
    QCOMPARE(text(model, 1), QStringLiteral("line one line two")); // one line per row
    QCOMPARE(model.index(1, 0).data(ActivityLogModel::KindRole).toInt(), int(Kind::Message));
    QCOMPARE(model.headerData(ActivityLogModel::TimeColumn, Qt::Horizontal).toString(),
             QStringLiteral("Time"));
}

void tst_ActivityLogModel::batchIsOneInsertion()
{
    ActivityLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
    model.appendEvents(messages(1, 30));
    model.appendEvents({});
    model.appendEvents(messages(31, 20));
    QCOMPARE(inserts.size(), 2);
    QCOMPARE(inserts.at(1).at(1).toInt(), 30);
    QCOMPARE(inserts.at(1).at(2).toInt(), 49);
    QCOMPARE(model.rowCount(), 50);
    QCOMPARE(text(model, 49), QStringLiteral("#50"));
}

void tst_ActivityLogModel::capKeepsNewest_data()
{
    QTest::addColumn<QList<int>>("batches");
    QTest::addColumn<int>("expectedRows");
    QTest::addColumn<QString>("oldest");
    QTest::addColumn<QString>("newest");

    QTest::newRow("250 in one batch") << QList<int> {250} << 100 << "#151"
                                      << "#250";
    QTest::newRow("250 in batches of 10") << QList<int>(25, 10) << 100 << "#151"
                                          << "#250";
    QTest::newRow("90 then 20") << QList<int> {90, 20} << 100 << "#11"
                                << "#110";
    QTest::newRow("exactly 100") << QList<int> {60, 40} << 100 << "#1"
                                 << "#100";
    QTest::newRow("under the cap") << QList<int> {30} << 30 << "#1"
                                   << "#30";
}

void tst_ActivityLogModel::capKeepsNewest()
{
    QFETCH(QList<int>, batches);
    QFETCH(int, expectedRows);
    QFETCH(QString, oldest);
    QFETCH(QString, newest);

    ActivityLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.maxRows(), ActivityLogModel::DefaultMaxRows);
    model.setMaxRows(100);
    int next = 1;
    for (int size : std::as_const(batches)) {
        model.appendEvents(messages(next, size));
        next += size;
        QVERIFY(model.rowCount() <= 100);
    }
    QCOMPARE(model.rowCount(), expectedRows);
    QCOMPARE(text(model, 0), oldest);
    QCOMPARE(text(model, model.rowCount() - 1), newest);
}

void tst_ActivityLogModel::lowerCap()
{
    ActivityLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.appendEvents(messages(1, 50));
    QSignalSpy removals(&model, &QAbstractItemModel::rowsRemoved);
    model.setMaxRows(20);
    QCOMPARE(removals.size(), 1);
    QCOMPARE(model.rowCount(), 20);
    QCOMPARE(text(model, 0), QStringLiteral("#31"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void tst_ActivityLogModel::errorRows()
{
    // With no translation loaded the server's own sentence is shown: it names the name or the
    // room, which the window's words for the code do not (tst_translations has them in German).
    // The tooltip adds the wire's code.
    const MemberIdentity bob {u"m1"_s, u"bob"_s, Dialect::Native};
    ActivityLogModel model;
    model.appendEvents(
        {ServerEvent(
             ServerEvent::Error {bob, u"name_taken"_s, u"the name \"ann\" is in use"_s, u"ann"_s},
             QDateTime::currentDateTimeUtc()),
         ServerEvent(ServerEvent::Error {bob, u"invalid_json"_s, u"not JSON"_s, QString()},
                     QDateTime::currentDateTimeUtc()),
         ServerEvent(ServerEvent::Error {bob, u"brand_new"_s, u"something new"_s, u"x"_s},
                     QDateTime::currentDateTimeUtc())});
    QCOMPARE(text(model, 0), u"the name \"ann\" is in use"_s);
    QCOMPARE(text(model, 1), u"not JSON"_s);
    QCOMPARE(text(model, 2), u"something new"_s);
    QCOMPARE(model.index(0, ActivityLogModel::TextColumn).data(Qt::ToolTipRole).toString(),
             u"the name \"ann\" is in use\n\nname_taken"_s);
    QCOMPARE(model.index(0, ActivityLogModel::KindColumn).data().toString(), u"error"_s);
    QCOMPARE(ActivityLogModel::kindLabel(ServerEvent::Kind::RoomCreated), u"room created"_s);
}

void tst_ActivityLogModel::dropped()
{
    ActivityLogModel model;
    const ServerEvent many(ServerEvent::Dropped {1234}, QDateTime::currentDateTimeUtc());
    const ServerEvent one(ServerEvent::Dropped {1}, QDateTime::currentDateTimeUtc());
    model.appendEvents({many, one});
    QCOMPARE(model.index(0, ActivityLogModel::KindColumn).data().toString(),
             QStringLiteral("dropped"));
    QCOMPARE(text(model, 0), QStringLiteral("1234 messages not shown (flood)"));
    QCOMPARE(text(model, 1), QStringLiteral("1 message not shown (flood)"));
}

void tst_ActivityLogModel::filterByRoom()
{
    ActivityLogModel model;
    ActivityFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.appendEvents({makeEvent(Kind::Joined, QStringLiteral("lobby"), QStringLiteral("alice")),
                        makeEvent(Kind::Joined, QStringLiteral("lobby2"), QStringLiteral("bob")),
                        makeEvent(Kind::Message, QStringLiteral("Lobby"), QStringLiteral("carol")),
                        makeEvent(Kind::Connected, QString(), QStringLiteral("dave"))});
    QCOMPARE(filter.rowCount(), 4);
    QVERIFY(!filter.isFiltering());
    filter.setRoomFilter(QStringLiteral("lobby"));
    QVERIFY(filter.isFiltering());
    QCOMPARE(filter.rowCount(), 2); // lobby and Lobby, not lobby2
    QCOMPARE(filter.index(1, ActivityLogModel::MemberColumn).data().toString(),
             QStringLiteral("carol"));
    filter.setRoomFilter(QString());
    QCOMPARE(filter.rowCount(), 4);
}

void tst_ActivityLogModel::filterByMember()
{
    ActivityLogModel model;
    ActivityFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.appendEvents({makeEvent(Kind::Joined, QStringLiteral("lobby"), QStringLiteral("alice")),
                        makeEvent(Kind::Message, QStringLiteral("lobby"), QStringLiteral("Malice")),
                        makeEvent(Kind::Message, QStringLiteral("lobby"), QStringLiteral("bob")),
                        makeEvent(Kind::RoomCreated, QStringLiteral("games"), QString())});
    filter.setMemberFilter(QStringLiteral("ALI"));
    QCOMPARE(filter.rowCount(), 2);
    filter.setMemberFilter(QStringLiteral("id-bob")); // ids match too
    QCOMPARE(filter.rowCount(), 1);
    filter.setRoomFilter(QStringLiteral("games"));
    QCOMPARE(filter.rowCount(), 0); // both filters apply
    filter.setMemberFilter(QString());
    QCOMPARE(filter.rowCount(), 1);
}

void tst_ActivityLogModel::filterByKinds()
{
    ActivityLogModel model;
    ActivityFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.appendEvents({makeEvent(Kind::Connected, QString(), QStringLiteral("alice")),
                        makeEvent(Kind::Joined, QStringLiteral("lobby"), QStringLiteral("alice")),
                        makeEvent(Kind::Message, QStringLiteral("lobby"), QStringLiteral("alice")),
                        makeEvent(Kind::Message, QStringLiteral("lobby"), QStringLiteral("alice")),
                        makeEvent(Kind::Error, QString(), QStringLiteral("alice"))});
    filter.setKinds({Kind::Message});
    QCOMPARE(filter.rowCount(), 2);
    QVERIFY(filter.isKindEnabled(Kind::Message));
    QVERIFY(!filter.isKindEnabled(Kind::Joined));
    filter.setKindEnabled(Kind::Error, true);
    QCOMPARE(filter.rowCount(), 3);
    filter.setKindEnabled(Kind::Message, false);
    QCOMPARE(filter.rowCount(), 1);
    QCOMPARE(filter.index(0, ActivityLogModel::KindColumn).data().toString(),
             QStringLiteral("error"));
    filter.enableAllKinds();
    QCOMPARE(filter.rowCount(), 5);
    QVERIFY(!filter.isFiltering());
    QCOMPARE(ActivityFilterModel::allKinds().size(), int(Kind::RoomLocked) + 1);
}

void tst_ActivityLogModel::filterFollowsAppends()
{
    // The proxy must keep up with the source's batch inserts and oldest-row removals.
    ActivityLogModel model;
    model.setMaxRows(100);
    ActivityFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::Fatal);
    filter.setRoomFilter(QStringLiteral("chat"));
    for (int batch = 0; batch < 10; ++batch) {
        ServerEventList events = messages(batch * 30, 30);
        for (int i = 0; i < events.size(); i += 3)
            std::get<ServerEvent::Message>(events[i].payload).room = QStringLiteral("chat");
        model.appendEvents(events);
    }
    QCOMPARE(model.rowCount(), 100);
    int expected = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        expected += model.index(row, 0).data(ActivityLogModel::RoomRole).toString()
            == QLatin1String("chat");
    QCOMPARE(filter.rowCount(), expected);
    QVERIFY(expected > 0);
}

void tst_ActivityLogModel::linksOfTheText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("links");
    QTest::newRow("none") << u"hello"_s << QStringList();
    QTest::newRow("https") << u"see https://example.com/a?b=1."_s
                           << QStringList {u"https://example.com/a?b=1"_s};
    QTest::newRow("two") << u"http://a.org and https://b.org"_s
                         << QStringList {u"http://a.org"_s, u"https://b.org"_s};
    QTest::newRow("javascript:") << u"javascript:alert(1)"_s << QStringList();
    QTest::newRow("data:") << u"data:text/html,<b>x</b>"_s << QStringList();
    QTest::newRow("file:") << u"file:///etc/passwd"_s << QStringList();
    QTest::newRow("a typed <a href>")
        << u"<a href=\"javascript:alert(1)\">x</a>"_s << QStringList();
}

void tst_ActivityLogModel::linksOfTheText()
{
    QFETCH(QString, text);
    QFETCH(QStringList, links);
    ActivityLogModel model;
    model.appendEvents({makeEvent(Kind::Message, u"lobby"_s, u"alice"_s, text)});
    const QModelIndex cell = model.index(0, ActivityLogModel::TextColumn);
    QCOMPARE(cell.data(ActivityLogModel::LinksRole).toStringList(), links);
    QCOMPARE(cell.data(Qt::DisplayRole).toString(), text);
    // Only the Text column has links.
    QVERIFY(
        model.index(0, ActivityLogModel::RoomColumn).data(ActivityLogModel::LinksRole).isNull());
}

QTEST_MAIN(tst_ActivityLogModel)
#include "tst_activitylogmodel.moc"
