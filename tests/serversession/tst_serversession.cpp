#include "console/activitylogmodel.h"
#include "console/roomsmodel.h"
#include "console/serversession.h"
#include "server/roommanager.h"
#include "server/serverhost.h"
#include "tests/common/filemodes.h"
#include "tests/common/testclient.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int Timeout = TestClient::Timeout;

ServerConfig testConfig()
{
    ServerConfig config;
    config.port = 0;
    config.rateLimit = 0;
    config.notificationInterval = 0;
    return config;
}

// True if the activity log holds an event of kind about memberId.
bool logHas(const ActivityLogModel *log, ServerEvent::Kind kind, const QString &memberId)
{
    for (int row = 0; row < log->rowCount(); ++row) {
        const QModelIndex index = log->index(row, 0);
        if (index.data(ActivityLogModel::KindRole).toInt() == int(kind)
            && index.data(ActivityLogModel::MemberIdRole).toString() == memberId)
            return true;
    }
    return false;
}

} // namespace

// ServerSession with no widget: the state a window shows, the models following the server,
// the URLs, the join code, the rates and the recording.
class tst_ServerSession : public QObject
{
    Q_OBJECT

private slots:
    void startsStoppedAndRefusesCommands();
    void startConnectStop();
    void membersInNoRoomInTheTree();
    void moderationFollowsTheServer();
    void startFailureSetsError();
    void clientUrls_data();
    void clientUrls();
    void joinCodeInUrlsAndSignal();
    void ratesFollowTheServer();
    void recordsAndExports();
    void followsAHostItDoesNotOwn();
    void storeAndRoomHistory();
    void filesArePrivate_data();
    void filesArePrivate();

private:
    // Starts session on port 0 and waits until it listens; false if it did not.
    static bool startAndWait(ServerSession *session, const ServerConfig &config = testConfig());
};

bool tst_ServerSession::startAndWait(ServerSession *session, const ServerConfig &config)
{
    session->start(config);
    return QTest::qWaitFor([session] { return session->state() != ServerSession::State::Starting; },
                           Timeout)
        && session->isListening();
}

void tst_ServerSession::startsStoppedAndRefusesCommands()
{
    ServerSession session;
    QCOMPARE(session.state(), ServerSession::State::Stopped);
    QVERIFY(!session.isListening());
    QVERIFY(session.listeningHost().isEmpty());
    QCOMPARE(session.listeningPort(), quint16(0));
    QVERIFY(session.clientUrls().isEmpty());
    QVERIFY(session.shareAddresses().isEmpty());
    QVERIFY(!session.kick(QStringLiteral("m1"), QStringLiteral("bye")));
    QVERIFY(!session.createRoom(QStringLiteral("maths")));
    QVERIFY(!session.sendNotification(QStringLiteral("hello")));
    QVERIFY(!session.postSystemMessage(QStringLiteral("lobby"), QStringLiteral("hello")));
    QCOMPARE(session.roomsModel()->rowCount(), 0);
    QString error;
    QVERIFY(!session.exportSession(QStringLiteral("/tmp/nothing"), &error));
    QVERIFY(!error.isEmpty());
}

void tst_ServerSession::moderationFollowsTheServer()
{
    ServerSession session;
    QVERIFY(!session.ban(u"m1"_s, QString())); // not listening
    QVERIFY(!session.setMuted(u"m1"_s, true));
    QVERIFY(!session.setRoomLocked(u"lobby"_s, true));
    QVERIFY(!session.liftBans());
    QVERIFY(startAndWait(&session));
    RoomsModel *rooms = session.roomsModel();

    TestClient alice;
    QUrl url = session.chatUrl();
    url.setQuery(u"name=alice&room=lobby"_s);
    QVERIFY(alice.openNative(url, true));
    TestClient bob;
    url.setQuery(u"name=bob&room=lobby"_s);
    QVERIFY(bob.openNative(url, true));
    QTRY_VERIFY_WITH_TIMEOUT(rooms->memberIndex(u"lobby"_s, bob.memberId).isValid(), Timeout);

    // Mute and lock: the tree shows them.
    QVERIFY(session.setMuted(bob.memberId, true));
    QVERIFY(session.setRoomLocked(u"lobby"_s, true));
    QTRY_VERIFY_WITH_TIMEOUT(
        rooms->memberIndex(u"lobby"_s, bob.memberId).data(RoomsModel::MutedRole).toBool(), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(rooms->roomIndex(u"lobby"_s).data(RoomsModel::LockedRole).toBool(),
                             Timeout);
    QCOMPARE(rooms->memberIndex(u"lobby"_s, bob.memberId).data().toString(), u"bob (muted)"_s);
    QCOMPARE(rooms->roomIndex(u"lobby"_s).data().toString(), u"lobby (locked)"_s);
    QTRY_VERIFY_WITH_TIMEOUT(
        logHas(session.activityModel(), ServerEvent::Kind::Muted, bob.memberId), Timeout);

    // A ban: kicked, its name kept as banned, lifted.
    QVERIFY(session.ban(alice.memberId, u"spam"_s));
    QTRY_VERIFY_WITH_TIMEOUT(alice.isDisconnected, Timeout);
    QCOMPARE(alice.closeCode, 4000);
    QTRY_COMPARE_WITH_TIMEOUT(session.bannedNames(), QStringList {u"alice"_s}, Timeout);
    QVERIFY(session.bannedAddresses().isEmpty()); // loopback: never
    QTRY_VERIFY_WITH_TIMEOUT(
        logHas(session.activityModel(), ServerEvent::Kind::Kicked, alice.memberId), Timeout);
    QVERIFY(session.liftBans());
    QTRY_VERIFY_WITH_TIMEOUT(session.bannedNames().isEmpty(), Timeout);

    // The bans are the session's: a stop forgets them.
    QVERIFY(session.ban(bob.memberId, QString()));
    QTRY_COMPARE_WITH_TIMEOUT(session.bannedNames(), QStringList {u"bob"_s}, Timeout);
    QSignalSpy stopped(&session, &ServerSession::stopped);
    session.stop();
    QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, Timeout);
    QVERIFY(session.bannedNames().isEmpty());
}

void tst_ServerSession::startConnectStop()
{
    ServerSession session;
    QSignalSpy states(&session, &ServerSession::stateChanged);
    QSignalSpy listening(&session, &ServerSession::listeningChanged);
    QSignalSpy stopped(&session, &ServerSession::stopped);
    QSignalSpy applied(&session, &ServerSession::eventsApplied);

    QVERIFY(startAndWait(&session));
    QCOMPARE(session.listeningHost(), QStringLiteral("127.0.0.1"));
    QVERIFY(session.listeningPort() != 0);
    QVERIFY(session.error().isEmpty());
    QCOMPARE(listening.size(), 1);
    QCOMPARE(listening.first().first().toBool(), true);
    QCOMPARE(states.first().first().value<ServerSession::State>(), ServerSession::State::Starting);
    QCOMPARE(states.last().first().value<ServerSession::State>(), ServerSession::State::Listening);

    // A client connects: the models show it, with no widget anywhere.
    TestClient alice;
    QUrl url = session.chatUrl();
    url.setQuery(QStringLiteral("name=alice&room=lobby"));
    QVERIFY(alice.openNative(url, true));
    RoomsModel *rooms = session.roomsModel();
    QTRY_VERIFY_WITH_TIMEOUT(rooms->memberIndex(QStringLiteral("lobby"), alice.memberId).isValid(),
                             Timeout);
    QCOMPARE(rooms->memberName(alice.memberId), QStringLiteral("alice"));
    QVERIFY(logHas(session.activityModel(), ServerEvent::Kind::Connected, alice.memberId));
    QVERIFY(!applied.isEmpty());

    // The host's commands reach the server.
    QVERIFY(session.createRoom(QStringLiteral("maths")));
    QTRY_VERIFY_WITH_TIMEOUT(rooms->roomIndex(QStringLiteral("maths")).isValid(), Timeout);
    QVERIFY(session.kick(alice.memberId, QStringLiteral("bye")));
    QTRY_VERIFY_WITH_TIMEOUT(alice.isDisconnected, Timeout);
    QCOMPARE(int(alice.closeCode), 4000);
    QTRY_VERIFY_WITH_TIMEOUT(rooms->memberName(alice.memberId).isEmpty(), Timeout);

    // Stop: the tree empties, the log stays, the signals say so in order.
    session.stop();
    QCOMPARE(session.state(), ServerSession::State::Stopping);
    QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, Timeout);
    QCOMPARE(session.state(), ServerSession::State::Stopped);
    QCOMPARE(listening.size(), 2);
    QCOMPARE(listening.last().first().toBool(), false);
    QCOMPARE(rooms->rowCount(), 0);
    QVERIFY(session.activityModel()->rowCount() > 0);
    QVERIFY(session.listeningHost().isEmpty());
    QCOMPARE(session.listeningPort(), quint16(0));
    QVERIFY(session.clientUrls().isEmpty());
}

// An /echo connection and a native member that joined no room show in the rooms tree under
// "Not in a room", with their dialect, until they join a room or go.
void tst_ServerSession::membersInNoRoomInTheTree()
{
    ServerSession session;
    QVERIFY(startAndWait(&session));
    RoomsModel *rooms = session.roomsModel();
    QTRY_VERIFY_WITH_TIMEOUT(rooms->roomIndex(u"lobby"_s).isValid(), Timeout);
    QVERIFY(!rooms->noRoomIndex().isValid());

    TestClient echo;
    QVERIFY(echo.openAndWait(QUrl(session.clientUrls().at(ServerSession::EchoUrl))));
    QTRY_VERIFY_WITH_TIMEOUT(rooms->noRoomIndex().isValid(), Timeout);
    const QModelIndex node = rooms->noRoomIndex();
    QCOMPARE(node.data().toString(), u"Not in a room"_s);
    QCOMPARE(rooms->rowCount(node), 1);
    const QModelIndex echoRow = rooms->index(0, 0, node);
    const QString echoId = echoRow.data(RoomsModel::MemberIdRole).toString();
    QVERIFY(!echoId.isEmpty());
    QCOMPARE(rooms->memberIndex(QString(), echoId), echoRow);
    QCOMPARE(echoRow.siblingAtColumn(RoomsModel::DialectColumn).data().toString(), u"echo"_s);
    QCOMPARE(echoRow.siblingAtColumn(RoomsModel::AddressColumn).data().toString(), u"127.0.0.1"_s);
    QVERIFY(!echoRow.siblingAtColumn(RoomsModel::ConnectedColumn).data().toString().isEmpty());
    echo.send(u"ping"_s);
    QString back;
    QVERIFY(echo.nextRaw(&back));
    QCOMPARE(back, u"ping"_s);

    // A native member with no room is there too, until it joins one.
    TestClient bob;
    QUrl url = session.chatUrl();
    url.setQuery(u"name=bob"_s);
    QVERIFY(bob.openNative(url));
    QTRY_VERIFY_WITH_TIMEOUT(rooms->memberIndex(QString(), bob.memberId).isValid(), Timeout);
    QCOMPARE(
        rooms->memberIndex(QString(), bob.memberId, RoomsModel::DialectColumn).data().toString(),
        u"native"_s);
    QCOMPARE(rooms->noRoomIndex(RoomsModel::MembersColumn).data().toInt(), 2);
    bob.send(QJsonObject {{u"type"_s, u"join"_s}, {u"room"_s, u"lobby"_s}});
    QTRY_VERIFY_WITH_TIMEOUT(rooms->memberIndex(u"lobby"_s, bob.memberId).isValid(), Timeout);
    QVERIFY(!rooms->memberIndex(QString(), bob.memberId).isValid());
    QCOMPARE(rooms->rowCount(rooms->noRoomIndex()), 1);

    // Kicked by its id, as the tree's context menu does: gone, and the node with it.
    QVERIFY(session.kick(echoId, u"bye"_s));
    QTRY_VERIFY_WITH_TIMEOUT(echo.isDisconnected, Timeout);
    QCOMPARE(int(echo.closeCode), 4000);
    QTRY_VERIFY_WITH_TIMEOUT(!rooms->noRoomIndex().isValid(), Timeout);
    QVERIFY(rooms->memberName(echoId).isEmpty());
}

void tst_ServerSession::startFailureSetsError()
{
    ServerSession first;
    QVERIFY(startAndWait(&first));
    ServerSession second;
    ServerConfig config = testConfig();
    config.port = first.listeningPort(); // taken
    second.start(config);
    QTRY_COMPARE_WITH_TIMEOUT(second.state(), ServerSession::State::Stopped, Timeout);
    QVERIFY(!second.error().isEmpty());
    QVERIFY(!second.isListening());
}

void tst_ServerSession::clientUrls_data()
{
    QTest::addColumn<QString>("shownHost");
    QTest::addColumn<QString>("expectedHost");
    QTest::newRow("listening host") << QString() << QStringLiteral("127.0.0.1");
    QTest::newRow("chosen address")
        << QStringLiteral("192.168.1.20") << QStringLiteral("192.168.1.20");
}

void tst_ServerSession::clientUrls()
{
    QFETCH(QString, shownHost);
    QFETCH(QString, expectedHost);
    ServerSession session;
    QVERIFY(startAndWait(&session));
    const QString base = QStringLiteral("%1:%2").arg(expectedHost).arg(session.listeningPort());
    const QStringList urls = session.clientUrls(shownHost);
    QCOMPARE(urls.size(), int(ServerSession::UrlKindCount));
    QCOMPARE(urls.at(ServerSession::NativeUrl), QStringLiteral("ws://%1/chat").arg(base));
    QCOMPARE(urls.at(ServerSession::TutorialChatUrl),
             QStringLiteral("ws://%1/ws/{client_id}").arg(base));
    QCOMPARE(urls.at(ServerSession::BroadcastUrl), QStringLiteral("ws://%1/").arg(base));
    QCOMPARE(urls.at(ServerSession::EchoUrl), QStringLiteral("ws://%1/echo").arg(base));
    QCOMPARE(urls.at(ServerSession::BrowserUrl), QStringLiteral("http://%1/").arg(base));
    QCOMPARE(session.shareAddresses(), QStringList {QStringLiteral("127.0.0.1")});
    QVERIFY(!session.isShared());
}

void tst_ServerSession::joinCodeInUrlsAndSignal()
{
    ServerSession session;
    QSignalSpy changed(&session, &ServerSession::joinCodeChanged);
    QVERIFY(startAndWait(&session));
    QVERIFY(session.setJoinCode(QStringLiteral("a b")));
    QVERIFY(!session.setJoinCode(QStringLiteral("a b"))); // unchanged
    QCOMPARE(changed.size(), 1);
    QCOMPARE(session.config().joinCode, QStringLiteral("a b"));
    QVERIFY(session.clientUrls().first().endsWith(QStringLiteral("/chat?code=a%20b")));
    QCOMPARE(QUrlQuery(session.chatUrl()).queryItemValue(QStringLiteral("code")),
             QStringLiteral("a b"));

    // The server applies it at once: a client without the code is turned away.
    TestClient stranger;
    stranger.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/chat").arg(session.listeningPort())));
    QTRY_VERIFY_WITH_TIMEOUT(stranger.isDisconnected, Timeout);
    QCOMPARE(int(stranger.closeCode), 1008);
    TestClient member;
    QVERIFY(member.openNative(session.chatUrl()));
}

void tst_ServerSession::ratesFollowTheServer()
{
    ServerSession session;
    QSignalSpy stats(&session, &ServerSession::statsUpdated);
    QSignalSpy rates(&session, &ServerSession::ratesChanged);
    QVERIFY(startAndWait(&session));
    TestClient alice;
    QUrl url = session.chatUrl();
    url.setQuery(QStringLiteral("name=alice&room=lobby"));
    QVERIFY(alice.openNative(url, true));
    for (int i = 0; i < 20; ++i)
        alice.send(QStringLiteral(R"({"type":"message","room":"lobby","text":"hi"})"));
    QTRY_VERIFY_WITH_TIMEOUT(session.messagesInPerSecond() > 0, Timeout);
    QVERIFY(session.deliveriesPerSecond() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(session.stats().connections, 1, Timeout);
    QVERIFY(!stats.isEmpty());

    // At a stop the rates fall to zero, without a counter batch of the server's.
    session.stop();
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ServerSession::State::Stopped, Timeout);
    const qsizetype batches = stats.size();
    QCOMPARE(session.messagesInPerSecond(), 0.0);
    QCOMPARE(session.deliveriesPerSecond(), 0.0);
    QCOMPARE(session.stats().connections, 0);
    QVERIFY(!rates.isEmpty());
    QCOMPARE(stats.size(), batches);
}

void tst_ServerSession::recordsAndExports()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ServerSession session;
    session.setRecordingDirectory(dir.path());
    QVERIFY(startAndWait(&session));
    QVERIFY(session.sessionFile().startsWith(dir.path()));
    TestClient alice;
    QUrl url = session.chatUrl();
    url.setQuery(QStringLiteral("name=alice&room=lobby"));
    QVERIFY(alice.openNative(url, true));
    alice.send(QStringLiteral(R"({"type":"message","room":"lobby","text":"recorded"})"));
    QTRY_VERIFY_WITH_TIMEOUT(
        logHas(session.activityModel(), ServerEvent::Kind::Message, alice.memberId), Timeout);
    session.stop();
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ServerSession::State::Stopped, Timeout);

    QString error;
    const QString base = dir.filePath(QStringLiteral("export.html")); // the suffix is dropped
    QVERIFY2(session.exportSession(base, &error), qPrintable(error));
    QFile jsonl(dir.filePath(QStringLiteral("export.jsonl")));
    QVERIFY(jsonl.open(QIODevice::ReadOnly));
    QVERIFY(jsonl.readAll().contains("recorded"));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("export.html"))));
}

void tst_ServerSession::followsAHostItDoesNotOwn()
{
    ServerHost host;
    {
        ServerSession session(&host);
        QCOMPARE(session.host(), &host);
        QVERIFY(startAndWait(&session));
        TestClient alice;
        QUrl url = session.chatUrl();
        url.setQuery(QStringLiteral("name=alice&room=lobby"));
        QVERIFY(alice.openNative(url, true));
        QTRY_VERIFY_WITH_TIMEOUT(
            session.roomsModel()->memberIndex(QStringLiteral("lobby"), alice.memberId).isValid(),
            Timeout);
    }
    // The session is gone, the host and its server are not.
    QSignalSpy stopped(host.manager(), &RoomManager::stopped);
    host.stop();
    QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, Timeout);
}

void tst_ServerSession::storeAndRoomHistory()
{
    ServerSession session;
    QVERIFY(!session.store().enabled);
    QVERIFY(!session.clearRoomHistory(QStringLiteral("lobby")));
    QVERIFY(!session.exportRoomHistory(QStringLiteral("lobby"), QStringLiteral("/tmp/x")));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ServerConfig config = testConfig();
    config.storeFile = dir.filePath(QStringLiteral("rooms.sqlite"));
    QSignalSpy storeChanged(&session, &ServerSession::storeChanged);
    QVERIFY(startAndWait(&session, config));
    QTRY_VERIFY_WITH_TIMEOUT(session.store().enabled, Timeout);
    QCOMPARE(session.store().path, config.storeFile);
    QVERIFY(session.store().error.isEmpty());
    QVERIFY(storeChanged.size() >= 1);

    // Two exports of one room before its history arrives: one request, both written.
    QSignalSpy exported(&session, &ServerSession::roomHistoryExported);
    const QString first = dir.filePath(QStringLiteral("a"));
    const QString second = dir.filePath(QStringLiteral("b.jsonl"));
    QVERIFY(session.exportRoomHistory(QStringLiteral("lobby"), first));
    QVERIFY(session.exportRoomHistory(QStringLiteral("lobby"), second));
    QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 2, Timeout);
    for (const QList<QVariant> &args : std::as_const(exported)) {
        QCOMPARE(args.at(0).toString(), QStringLiteral("lobby"));
        QCOMPARE(args.at(2).toInt(), 0); // nothing posted
        QCOMPARE(args.at(3).toString(), QString());
    }
    for (const char *name : {"a.jsonl", "a.html", "b.jsonl", "b.html"})
        QVERIFY2(QFile::exists(dir.filePath(QString::fromLatin1(name))), name);

    session.stop();
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ServerSession::State::Stopped, Timeout);
    QVERIFY(!session.store().enabled);
}

void tst_ServerSession::filesArePrivate_data()
{
    FileModes::addUmaskRows();
}

void tst_ServerSession::filesArePrivate()
{
    QFETCH(int, umask);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // The whole test under the umask: the server thread creates the record and the store too.
    const FileModes::ScopedUmask mask(umask);
    // The window's data directory (AppLocalDataLocation) with the folder above it, both missing:
    // the default record and the default store go there.
    const QString share = dir.filePath(QStringLiteral("share"));
    const QString data = share + QStringLiteral("/wsroom");
    ServerSession session;
    session.setRecordingDirectory(data);
    ServerConfig config = testConfig();
    config.storeFile = data + QStringLiteral("/rooms.sqlite");
    QVERIFY(startAndWait(&session, config));
    QTRY_VERIFY_WITH_TIMEOUT(session.store().enabled, Timeout);
    QCOMPARE(FileModes::modeOf(share), 0700);
    QCOMPARE(FileModes::modeOf(data), 0700);
    QVERIFY(session.sessionFile().startsWith(data));
    QCOMPARE(FileModes::modeOf(session.sessionFile()), 0600);
    QCOMPARE(FileModes::modeOf(config.storeFile), 0600);

    TestClient alice;
    QUrl url = session.chatUrl();
    url.setQuery(QStringLiteral("name=alice&room=lobby"));
    QVERIFY(alice.openNative(url, true));
    alice.send(QStringLiteral(R"({"type":"message","room":"lobby","text":"private"})"));
    QTRY_VERIFY_WITH_TIMEOUT(
        logHas(session.activityModel(), ServerEvent::Kind::Message, alice.memberId), Timeout);

    // The room's history exported (RoomHistoryExport, on a worker thread).
    QSignalSpy exported(&session, &ServerSession::roomHistoryExported);
    QVERIFY(
        session.exportRoomHistory(QStringLiteral("lobby"), dir.filePath(QStringLiteral("room"))));
    QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, Timeout);
    QCOMPARE(exported.first().at(3).toString(), QString());
    QCOMPARE(exported.first().at(2).toInt(), 1);
    QCOMPARE(FileModes::modeOf(dir.filePath(QStringLiteral("room.jsonl"))), 0600);
    QCOMPARE(FileModes::modeOf(dir.filePath(QStringLiteral("room.html"))), 0600);

    session.stop();
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ServerSession::State::Stopped, Timeout);
    // The session exported (SessionExport).
    QString error;
    QVERIFY2(session.exportSession(dir.filePath(QStringLiteral("lesson")), &error),
             qPrintable(error));
    QCOMPARE(FileModes::modeOf(dir.filePath(QStringLiteral("lesson.jsonl"))), 0600);
    QCOMPARE(FileModes::modeOf(dir.filePath(QStringLiteral("lesson.html"))), 0600);
    QCOMPARE(FileModes::modeOf(session.sessionFile()), 0600);
}

QTEST_MAIN(tst_ServerSession)
#include "tst_serversession.moc"
