#include "server/serverevent.h"

#include <QTest>

// The typed events: each payload gives its kind, and the room and member it is about.
class tst_ServerEvent : public QObject
{
    Q_OBJECT

private slots:
    void readsItsPayload_data();
    void readsItsPayload();
    void travelsInAQVariant();
};

void tst_ServerEvent::readsItsPayload_data()
{
    QTest::addColumn<ServerEvent>("event");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("kindName");
    QTest::addColumn<QString>("room");
    QTest::addColumn<QString>("memberId");
    QTest::addColumn<QString>("memberName");

    using E = ServerEvent;
    const MemberIdentity alice {QStringLiteral("m1"), QStringLiteral("alice"), Dialect::Chat};
    const QString lobby = QStringLiteral("lobby");
    const QString none;
    auto row = [&](const char *name, const ServerEvent &event, E::Kind kind, const char *kindName,
                   const QString &room, bool aboutAlice) {
        QTest::newRow(name) << event << int(kind) << QString::fromLatin1(kindName) << room
                            << (aboutAlice ? alice.id : none) << (aboutAlice ? alice.name : none);
    };
    row("connected", E::Connected {alice, QStringLiteral("::1")}, E::Kind::Connected, "connect",
        none, true);
    row("disconnected", E::Disconnected {alice, 1000, QString()}, E::Kind::Disconnected,
        "disconnect", none, true);
    row("joined", E::Joined {alice, lobby}, E::Kind::Joined, "join", lobby, true);
    row("left", E::Left {alice, lobby}, E::Kind::Left, "leave", lobby, true);
    row("renamed", E::Renamed {alice, QStringLiteral("al")}, E::Kind::Renamed, "rename", none,
        true);
    row("message", E::Message {alice, lobby, QStringLiteral("hi"), 3}, E::Kind::Message, "message",
        lobby, true);
    row("direct", E::Direct {alice, QStringLiteral("bob"), QStringLiteral("hi")}, E::Kind::Direct,
        "direct", none, true);
    row("notification", E::Notification {QStringLiteral("hi")}, E::Kind::Notification,
        "notification", QStringLiteral("notifications"), false);
    row("room created", E::RoomCreated {lobby}, E::Kind::RoomCreated, "room_created", lobby, false);
    row("room removed", E::RoomRemoved {lobby}, E::Kind::RoomRemoved, "room_removed", lobby, false);
    row("error", E::Error {alice, QStringLiteral("bad_json"), QStringLiteral("no"), QString()},
        E::Kind::Error, "error", none, true);
    row("dropped", E::Dropped {12}, E::Kind::Dropped, "dropped", none, false);
    row("kicked", E::Kicked {alice, QStringLiteral("bye"), false}, E::Kind::Kicked, "kick", none,
        true);
    row("banned", E::Kicked {alice, QStringLiteral("spam"), true}, E::Kind::Kicked, "kick", none,
        true);
    row("muted", E::Muted {alice, true}, E::Kind::Muted, "mute", none, true);
    row("room locked", E::RoomLocked {lobby, true}, E::Kind::RoomLocked, "lock", lobby, false);
}

void tst_ServerEvent::readsItsPayload()
{
    QFETCH(ServerEvent, event);
    QFETCH(int, kind);
    QFETCH(QString, kindName);
    QFETCH(QString, room);
    QFETCH(QString, memberId);
    QFETCH(QString, memberName);

    QCOMPARE(int(event.kind()), kind);
    QCOMPARE(ServerEvent::kindName(event.kind()), kindName);
    QCOMPARE(event.room(), room);
    QCOMPARE(event.memberId(), memberId);
    QCOMPARE(event.memberName(), memberName);
    QCOMPARE(event.member() != nullptr, !memberId.isEmpty());
    if (event.member())
        QCOMPARE(event.member()->dialect, Dialect::Chat);
}

void tst_ServerEvent::travelsInAQVariant()
{
    // Events cross from the server's thread to the GUI's in queued signals, as QVariants.
    const QDateTime time = QDateTime::currentDateTimeUtc();
    const ServerEventList events {
        ServerEvent(ServerEvent::Message {{QStringLiteral("m1"), QStringLiteral("alice")},
                                          QStringLiteral("lobby"),
                                          QStringLiteral("hi"),
                                          7},
                    time),
        ServerEvent(ServerEvent::Dropped {3}, time)};
    const ServerEventList back = QVariant::fromValue(events).value<ServerEventList>();
    QCOMPARE(back.size(), 2);
    QCOMPARE(back.at(0).time, time);
    QCOMPARE(back.at(0).as<ServerEvent::Message>()->id, 7);
    QCOMPARE(back.at(0).as<ServerEvent::Message>()->text, QStringLiteral("hi"));
    QCOMPARE(back.at(1).as<ServerEvent::Dropped>()->count, 3);
    QVERIFY(!back.at(1).as<ServerEvent::Message>());
}

QTEST_GUILESS_MAIN(tst_ServerEvent)
#include "tst_serverevent.moc"
