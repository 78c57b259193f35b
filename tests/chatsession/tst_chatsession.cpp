// ChatSession against a real server on loopback, without widgets: the reconnection state
// machine, the rooms it keeps and rejoins, and the logs it fills.
#include "client/chatclient.h"
#include "client/chathistorypager.h"
#include "client/chatlogmodel.h"
#include "client/chatsearchmodel.h"
#include "client/chatsession.h"
#include "server/roommanager.h"
#include "server/serverconfig.h"
#include "server/serverhost.h"
#include "tests/common/roomhistory.h"
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

// The ids of the room messages in a log, in its order.
QList<qint64> messageIds(const ChatLogModel *log)
{
    QList<qint64> ids;
    for (const ChatLogEntry &entry : log->entries()) {
        if (entry.kind == ChatLogEntry::Kind::Message)
            ids.append(entry.id);
    }
    return ids;
}

QList<qint64> idsFrom1To(int count)
{
    QList<qint64> ids;
    for (int id = 1; id <= count; ++id)
        ids.append(id);
    return ids;
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
    void pagesBackToTheBeginning();
    void revealPagesBackToAMessage();
    void searchListsMatches_data();
    void searchListsMatches();

private:
    // Restarts the server keeping enough history, posts count messages to lobby and connects
    // session as reader; false if any step failed.
    bool longHistory(ChatSession &session, int count);
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

bool tst_ChatSession::longHistory(ChatSession &session, int count)
{
    m_server.init();
    // Past the log's cap, so that the reader's log starts well after id 1.
    if (!m_server.start([count](ServerConfig &c) { c.history = count; }))
        return false;
    return RoomHistory::post(m_server, u"lobby"_s, count) && connectAs(session, u"reader"_s);
}

// More than a log holds: joining leaves the oldest out of the log, for paging to bring back.
constexpr int LongHistory = ChatLogModel::MaxEntries + 600;

void tst_ChatSession::pagesBackToTheBeginning()
{
    ChatSession session;
    QVERIFY(longHistory(session, LongHistory));
    ChatLogModel *log = session.roomLog(u"lobby"_s);
    ChatHistoryPager *history = session.history();
    QVERIFY(!log->isBeginningReached());
    const qint64 first = log->oldestMessageId();
    QVERIFY(first > ChatHistoryPager::PageSize);
    QSignalSpy pages(history, &ChatHistoryPager::pageLoaded);
    QSignalSpy reset(log, &QAbstractItemModel::modelReset);

    int requests = 0;
    while (!log->isBeginningReached()) {
        QVERIFY2(++requests <= LongHistory / ChatHistoryPager::PageSize + 2, "paging never ends");
        const qint64 before = log->oldestMessageId();
        QSignalSpy inserted(log, &QAbstractItemModel::rowsInserted);
        QVERIFY(history->loadOlder(u"lobby"_s));
        QVERIFY(log->isLoadingOlder());
        // One page at a time.
        QVERIFY(!history->loadOlder(u"lobby"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!log->isLoadingOlder(), Timeout);
        QCOMPARE(pages.count(), requests);
        const int added = pages.constLast().at(1).toInt();
        QCOMPARE(added, int(std::min<qint64>(before - 1, ChatHistoryPager::PageSize)));
        // Prepended at the top in one insertion, in order: the ids up to the old oldest.
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), added - 1);
        QCOMPARE(log->oldestMessageId(), before - added);
        QCOMPARE(log->entry(added - 1).id, before - 1);
        QVERIFY(log->entry(0).earlier);
    }
    // "more" was false with the page that reached id 1, not one request later.
    QCOMPARE(log->oldestMessageId(), 1);
    QCOMPARE(requests,
             int((first - 1 + ChatHistoryPager::PageSize - 1) / ChatHistoryPager::PageSize));
    // Every message once, in order, whatever joined gave and the pages overlapped.
    QCOMPARE(messageIds(log), idsFrom1To(LongHistory));
    QCOMPARE(log->entry(0).text, RoomHistory::textOf(1));
    QCOMPARE(reset.count(), 0);
    QVERIFY(!history->loadOlder(u"lobby"_s));
    QVERIFY(!history->loadOlder(u"no such room"_s));
}

void tst_ChatSession::revealPagesBackToAMessage()
{
    ChatSession session;
    QVERIFY(longHistory(session, LongHistory));
    ChatLogModel *log = session.roomLog(u"lobby"_s);
    ChatHistoryPager *history = session.history();
    QSignalSpy available(history, &ChatHistoryPager::messageAvailable);
    QSignalSpy unavailable(history, &ChatHistoryPager::messageUnavailable);
    QSignalSpy pages(history, &ChatHistoryPager::pageLoaded);

    // A message the log holds: at once, without a request.
    const qint64 held = log->oldestMessageId() + 10;
    history->reveal(u"lobby"_s, held);
    QCOMPARE(available.count(), 1);
    QCOMPARE(available.at(0).at(1).toLongLong(), held);
    QCOMPARE(pages.count(), 0);

    // An old one: pages of PageSize until it is in.
    const qint64 first = log->oldestMessageId();
    const qint64 old = 50;
    history->reveal(u"lobby"_s, old);
    QTRY_COMPARE_WITH_TIMEOUT(available.count(), 2, Timeout);
    QCOMPARE(available.at(1).at(1).toLongLong(), old);
    QVERIFY(log->containsMessage(old));
    QCOMPARE(pages.count(),
             int((first - old + ChatHistoryPager::PageSize - 1) / ChatHistoryPager::PageSize));
    QCOMPARE(log->entry(log->rowOfMessage(old)).text, RoomHistory::textOf(int(old)));
    QCOMPARE(unavailable.count(), 0);

    // A message the room never had.
    history->reveal(u"lobby"_s, LongHistory + 5);
    QCOMPARE(unavailable.count(), 1);
}

void tst_ChatSession::searchListsMatches_data()
{
    QTest::addColumn<QString>("room");
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("matches"); // -1: refused
    QTest::addColumn<QString>("error"); // the start of the error in words

    const int posted = 450;
    QTest::newRow("a word") << u"lobby"_s << u"needle"_s << RoomHistory::needles(posted)
                            << QString();
    QTest::newRow("a prefix, another case")
        << u"lobby"_s << u"NEED"_s << RoomHistory::needles(posted) << QString();
    QTest::newRow("two words") << u"lobby"_s << u"haystack needle"_s << RoomHistory::needles(posted)
                               << QString();
    QTest::newRow("one message") << u"lobby"_s << u"message 450"_s << 1 << QString();
    // A word matches as a prefix: 7 and 70 to 79.
    QTest::newRow("numbers as prefixes") << u"lobby"_s << u"message 7"_s << 11 << QString();
    QTest::newRow("nothing") << u"lobby"_s << u"zebra"_s << 0 << QString();
    QTest::newRow("blank") << u"lobby"_s << u"   "_s << -1 << u"Type a word"_s;
    QTest::newRow("a room not joined")
        << u"elsewhere"_s << u"needle"_s << -1 << u"You are not in elsewhere"_s;
}

void tst_ChatSession::searchListsMatches()
{
    QFETCH(QString, room);
    QFETCH(QString, query);
    QFETCH(int, matches);
    QFETCH(QString, error);

    ChatSession session;
    QVERIFY(longHistory(session, 450));
    ChatSearchModel *search = session.searchResults();
    QSignalSpy finished(search, &ChatSearchModel::finished);
    QSignalSpy failed(search, &ChatSearchModel::failed);
    const int sharedLines = session.sharedLog()->rowCount();

    const bool sent = search->search(room, query);
    QCOMPARE(sent, query.trimmed().size() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count() + failed.count(), 1, Timeout);
    QVERIFY(!search->isSearching());
    if (matches < 0) {
        QCOMPARE(failed.count(), 1);
        QVERIFY2(search->errorText().startsWith(error), qPrintable(search->errorText()));
        QCOMPARE(search->rowCount(), 0);
        // Said where the search is, not in the log.
        QCOMPARE(session.sharedLog()->rowCount(), sharedLines);
        return;
    }
    QCOMPARE(search->rowCount(), matches);
    QVERIFY(search->errorText().isEmpty());
    // Newest first, each holding what was asked for.
    for (int row = 0; row < search->rowCount(); ++row) {
        const ChatMessage &m = search->message(row);
        QCOMPARE(m.room, u"lobby"_s);
        QCOMPARE(m.text, RoomHistory::textOf(int(m.id)));
        if (row > 0)
            QVERIFY(m.id < search->message(row - 1).id);
        const QString line = search->index(row).data().toString();
        QVERIFY2(line.endsWith("poster  "_L1 + m.text), qPrintable(line));
    }
}

QTEST_GUILESS_MAIN(tst_ChatSession)
#include "tst_chatsession.moc"
