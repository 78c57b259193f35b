// ChatSession against a real server on loopback, without widgets: the reconnection state
// machine, the rooms it keeps and rejoins, and the logs it fills.
#include "client/chatclient.h"
#include "client/chatlogmodel.h"
#include "client/chatsession.h"
#include "server/roommanager.h"
#include "server/serverconfig.h"
#include "server/serverhost.h"
#include "tests/common/testserver.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace Qt::StringLiterals;

namespace {

constexpr int Timeout = 10000;
// A restart waits out the reconnection backoff (1 s, 2 s, ...) on top of the server's stop.
constexpr int RestartTimeout = 20000;

using State = ChatSession::State;

// The states a spy on stateChanged saw, each once per run (the countdown repeats Waiting).
QList<State> statesSeen(const QSignalSpy &spy)
{
    QList<State> states;
    for (const QList<QVariant> &args : spy) {
        const State state = args.at(0).value<State>();
        if (states.isEmpty() || states.constLast() != state)
            states.append(state);
    }
    return states;
}

// The log's lines as text, for "does it say X" checks.
QString logText(const ChatLogModel *log)
{
    QStringList lines;
    for (int row = 0; row < log->rowCount(); ++row)
        lines.append(log->index(row).data().toString());
    return lines.join(u'\n');
}

bool reconnectScheduled(const ChatSession &session)
{
    return session.findChild<QTimer *>(u"reconnectTimer"_s)->isActive();
}

} // namespace

class tst_ChatSession final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void connectsAndJoinsLobby();
    void refusesWhatIsNotAServer_data();
    void refusesWhatIsNotAServer();
    void nobodyListeningIsRetried();
    void silentServerTimesOut();
    void serverRestartReconnectsAndRejoins();
    void userDisconnectStopsRetrying();
    void kickedStaysDown();
    void wrongJoinCodeIsRefused();
    void messagesFillTheRoomLog();
    void errorsAndRenamesGoToTheSharedLog();

private:
    QUrl chatUrl(const QString &name, const QString &query = QString()) const;
    // Connects session as name and waits until it is in lobby.
    bool connectAs(ChatSession &session, const QString &name);

    TestServer m_server;
};

void tst_ChatSession::init()
{
    m_server.init();
    QVERIFY(m_server.start());
}

void tst_ChatSession::cleanup()
{
    m_server.cleanup();
}

QUrl tst_ChatSession::chatUrl(const QString &name, const QString &query) const
{
    QUrl url = m_server.url(u"/chat"_s);
    QString q = "name="_L1 + QString::fromLatin1(QUrl::toPercentEncoding(name));
    if (!query.isEmpty())
        q += u'&' + query;
    url.setQuery(q);
    return url;
}

bool tst_ChatSession::connectAs(ChatSession &session, const QString &name)
{
    session.connectTo(chatUrl(name));
    return QTest::qWaitFor(
        [&] {
            return session.state() == State::Connected && session.isJoined(u"lobby"_s)
                && session.currentRoom() == "lobby"_L1;
        },
        Timeout);
}

void tst_ChatSession::connectsAndJoinsLobby()
{
    ChatSession session;
    QCOMPARE(session.state(), State::Disconnected);
    QVERIFY(!session.wantsConnection());
    QSignalSpy states(&session, &ChatSession::stateChanged);
    QSignalSpy added(&session, &ChatSession::roomAdded);

    QVERIFY(connectAs(session, u"alice"_s));
    QCOMPARE(statesSeen(states), (QList<State> {State::Connecting, State::Connected}));
    QCOMPARE(session.stateText(), u"Connected as alice"_s);
    QVERIFY(session.wantsConnection());
    QVERIFY(session.isWelcomed());
    QCOMPARE(session.self().name, u"alice"_s);
    QCOMPARE(session.name(), u"alice"_s);
    // The name is the session's, not the url's.
    QVERIFY(!session.url().hasQuery() || !session.url().query().contains("name="_L1));
    QCOMPARE(session.rooms(), QStringList {u"lobby"_s});
    QCOMPARE(added.count(), 1);
    QCOMPARE(session.members(u"lobby"_s).size(), 1);
    QVERIFY(logText(session.roomLog(u"lobby"_s)).contains("You joined lobby"_L1));
    QVERIFY(!session.roomLog(u"elsewhere"_s));
}

void tst_ChatSession::refusesWhatIsNotAServer_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QString>("text");
    QTest::newRow("ftp") << QUrl(u"ftp://127.0.0.1/files"_s) << u"Not a WebSocket address"_s;
    QTest::newRow("empty") << QUrl() << u"Not a WebSocket address: /chat"_s;
    QTest::newRow("no host") << QUrl(u"ws:///chat"_s) << u"Not a WebSocket address"_s;
}

void tst_ChatSession::refusesWhatIsNotAServer()
{
    QFETCH(QUrl, url);
    QFETCH(QString, text);

    ChatSession session;
    session.connectTo(url);
    QCOMPARE(session.state(), State::Refused);
    QVERIFY2(session.stateText().startsWith(text), qPrintable(session.stateText()));
    QVERIFY(!session.wantsConnection());
    QVERIFY(!reconnectScheduled(session));
    QCOMPARE(session.client()->state(), QAbstractSocket::UnconnectedState);
}

void tst_ChatSession::nobodyListeningIsRetried()
{
    // A port that was just free: nothing answers there.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();

    ChatSession session;
    QSignalSpy states(&session, &ChatSession::stateChanged);
    session.connectTo(QUrl(u"ws://127.0.0.1:%1/chat"_s.arg(port)));
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), State::Waiting, Timeout);
    QVERIFY(reconnectScheduled(session));
    QVERIFY(session.wantsConnection());
    QVERIFY2(session.stateText().startsWith("Could not connect ("_L1),
             qPrintable(session.stateText()));
    QVERIFY(session.stateText().contains("reconnecting in"_L1));
    QCOMPARE(statesSeen(states), (QList<State> {State::Connecting, State::Waiting}));
    QVERIFY(logText(session.sharedLog()).contains("Could not connect to"_L1));

    // The timer tries again, and fails again: one line in the log for the whole outage.
    QTRY_VERIFY_WITH_TIMEOUT(statesSeen(states).size() >= 4, Timeout);
    QCOMPARE(statesSeen(states).mid(0, 4),
             (QList<State> {State::Connecting, State::Waiting, State::Connecting, State::Waiting}));
    QCOMPARE(logText(session.sharedLog()).count("Could not connect to"_L1), 1);
}

void tst_ChatSession::silentServerTimesOut()
{
    // A server that completes the handshake and then says nothing is as good as down.
    QWebSocketServer silent(u"silent"_s, QWebSocketServer::NonSecureMode);
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    int accepted = 0;
    connect(&silent, &QWebSocketServer::newConnection, &silent, [&] {
        silent.nextPendingConnection()->setParent(&silent);
        ++accepted;
    });

    ChatSession session;
    session.setWelcomeTimeout(300);
    QSignalSpy states(&session, &ChatSession::stateChanged);
    session.connectTo(QUrl(u"ws://127.0.0.1:%1/chat"_s.arg(silent.serverPort())));
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), State::Waiting, Timeout);
    QCOMPARE(accepted, 1);
    QVERIFY2(session.stateText().contains("the server did not answer"_L1),
             qPrintable(session.stateText()));
    QVERIFY(reconnectScheduled(session));
    QCOMPARE(statesSeen(states), (QList<State> {State::Connecting, State::Waiting}));
    // It tries again after the backoff.
    QTRY_COMPARE_WITH_TIMEOUT(accepted, 2, Timeout);
}

void tst_ChatSession::serverRestartReconnectsAndRejoins()
{
    ChatSession session;
    QVERIFY(connectAs(session, u"alice"_s));
    session.joinRoom(u"side"_s);
    QTRY_COMPARE_WITH_TIMEOUT(session.currentRoom(), u"side"_s, Timeout);
    QCOMPARE(session.rooms(), (QStringList {u"lobby"_s, u"side"_s}));

    QSignalSpy states(&session, &ChatSession::stateChanged);
    const quint16 port = m_server.port();
    m_server.host()->stop();
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), State::Waiting, Timeout);
    QVERIFY(reconnectScheduled(session));
    QVERIFY2(session.stateText().startsWith("Disconnected ("_L1), qPrintable(session.stateText()));
    // The rooms stay, waiting to be rejoined; their members went with the connection.
    QCOMPARE(session.rooms(), (QStringList {u"lobby"_s, u"side"_s}));
    QVERIFY(!session.isJoined(u"lobby"_s));
    QVERIFY(session.members(u"lobby"_s).isEmpty());
    QVERIFY(!session.isWelcomed());
    QVERIFY(logText(session.sharedLog()).contains("Connection lost"_L1));

    m_server.init();
    QVERIFY(m_server.start([port](ServerConfig &c) { c.port = port; }));
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), State::Connected, RestartTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(session.isJoined(u"lobby"_s) && session.isJoined(u"side"_s), Timeout);
    QCOMPARE(session.self().name, u"alice"_s);
    QCOMPARE(session.currentRoom(), u"side"_s);
    QVERIFY(!reconnectScheduled(session));
    QVERIFY(logText(session.sharedLog()).contains("Reconnected as alice"_L1));
    const QList<State> seen = statesSeen(states);
    QCOMPARE(seen.constFirst(), State::Waiting);
    QCOMPARE(seen.constLast(), State::Connected);
    QVERIFY(seen.contains(State::Connecting));
}

void tst_ChatSession::userDisconnectStopsRetrying()
{
    ChatSession session;
    QVERIFY(connectAs(session, u"alice"_s));
    session.disconnectFromServer();
    QCOMPARE(session.state(), State::Disconnected);
    QCOMPARE(session.stateText(), u"Disconnected"_s);
    QVERIFY(!session.wantsConnection());
    QTRY_COMPARE_WITH_TIMEOUT(session.client()->state(), QAbstractSocket::UnconnectedState,
                              Timeout);
    QCOMPARE(session.state(), State::Disconnected);
    QVERIFY(!reconnectScheduled(session));
    QCOMPARE(session.rooms(), QStringList {u"lobby"_s});

    // Connecting again rejoins the rooms it kept.
    session.connectTo(session.url());
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), State::Connected, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(session.isJoined(u"lobby"_s), Timeout);
    QCOMPARE(session.self().name, u"alice"_s);
}

void tst_ChatSession::kickedStaysDown()
{
    ChatSession session;
    QVERIFY(connectAs(session, u"alice"_s));
    m_server.host()->kick(session.self().id, u"be nice"_s);
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), State::Kicked, Timeout);
    QCOMPARE(session.stateText(), u"Kicked by the host: be nice"_s);
    QVERIFY(!session.wantsConnection());
    QVERIFY(!reconnectScheduled(session));
    QVERIFY(logText(session.sharedLog()).contains("Kicked by the host: be nice"_L1));
}

void tst_ChatSession::wrongJoinCodeIsRefused()
{
    m_server.init();
    QVERIFY(m_server.start([](ServerConfig &c) { c.joinCode = u"sesame"_s; }));
    ChatSession session;
    session.connectTo(chatUrl(u"alice"_s, u"code=wrong"_s));
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), State::Refused, Timeout);
    QVERIFY2(session.stateText().startsWith("Disconnected by the server"_L1),
             qPrintable(session.stateText()));
    QVERIFY(!reconnectScheduled(session));

    // With the right code it gets in.
    session.connectTo(chatUrl(u"alice"_s, u"code=sesame"_s));
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), State::Connected, Timeout);
}

void tst_ChatSession::messagesFillTheRoomLog()
{
    ChatSession alice;
    ChatSession bob;
    QVERIFY(connectAs(alice, u"alice"_s));
    QVERIFY(connectAs(bob, u"bob"_s));
    QTRY_COMPARE_WITH_TIMEOUT(alice.members(u"lobby"_s).size(), 2, Timeout);

    ChatLogModel *log = bob.roomLog(u"lobby"_s);
    QSignalSpy inserted(log, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(log, &QAbstractItemModel::modelReset);
    QVERIFY(alice.sendMessage(u"  hello bob  "_s));
    QTRY_VERIFY_WITH_TIMEOUT(logText(log).contains("alice  hello bob"_L1), Timeout);
    QCOMPARE(reset.count(), 0);
    QVERIFY(inserted.count() >= 1);
    const ChatLogEntry &last = log->entry(log->rowCount() - 1);
    QCOMPARE(last.kind, ChatLogEntry::Kind::Message);
    QCOMPARE(last.sender, u"alice"_s);
    QCOMPARE(last.text, u"hello bob"_s);
    QVERIFY(!last.own);
    QTRY_VERIFY_WITH_TIMEOUT(
        alice.roomLog(u"lobby"_s)->rowCount() > 0
            && alice.roomLog(u"lobby"_s)->entry(alice.roomLog(u"lobby"_s)->rowCount() - 1).own,
        Timeout);

    // A message to another room counts as unread until that room is current.
    alice.joinRoom(u"news"_s);
    bob.joinRoom(u"news"_s);
    QTRY_COMPARE_WITH_TIMEOUT(bob.currentRoom(), u"news"_s, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(alice.members(u"news"_s).size(), 2, Timeout);
    bob.setCurrentRoom(u"lobby"_s);
    QVERIFY(alice.sendMessage(u"one"_s));
    QTRY_COMPARE_WITH_TIMEOUT(bob.unreadCount(u"news"_s), 1, Timeout);
    bob.setCurrentRoom(u"news"_s);
    QCOMPARE(bob.unreadCount(u"news"_s), 0);

    // Nothing is sent while disconnected; the text stays with the caller.
    alice.disconnectFromServer();
    QTRY_VERIFY_WITH_TIMEOUT(!alice.isWelcomed(), Timeout);
    QVERIFY(!alice.sendMessage(u"lost?"_s));
    QVERIFY(logText(alice.sharedLog()).contains("Not connected: the message was not sent"_L1));
}

void tst_ChatSession::errorsAndRenamesGoToTheSharedLog()
{
    ChatSession alice;
    ChatSession bob;
    QVERIFY(connectAs(alice, u"alice"_s));
    QVERIFY(connectAs(bob, u"bob"_s));
    QSignalSpy names(&bob, &ChatSession::nameChanged);

    bob.requestName(u"alice"_s);
    QTRY_VERIFY_WITH_TIMEOUT(
        logText(bob.sharedLog())
            .contains(u"The name “alice” is already taken; you are still bob."_s),
        Timeout);
    // The name shown went to the one asked for and back.
    QCOMPARE(names.constLast().at(0).toString(), u"bob"_s);

    bob.requestName(u"robert"_s);
    QTRY_COMPARE_WITH_TIMEOUT(bob.self().name, u"robert"_s, Timeout);
    QCOMPARE(bob.stateText(), u"Connected as robert"_s);
    QVERIFY(logText(bob.sharedLog()).contains("You are now known as robert"_L1));
    QTRY_VERIFY_WITH_TIMEOUT(
        logText(alice.roomLog(u"lobby"_s)).contains("bob is now known as robert"_L1), Timeout);

    bob.requestName(u"   "_s);
    QVERIFY(logText(bob.sharedLog()).contains("That name cannot be used"_L1));
    bob.joinRoom(u""_s);
    QVERIFY(logText(bob.sharedLog()).contains("Cannot join"_L1));
}

QTEST_GUILESS_MAIN(tst_ChatSession)
#include "tst_chatsession.moc"
