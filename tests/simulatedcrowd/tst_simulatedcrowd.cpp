// SimulatedCrowd: N clients appear as members of the room on the server and leave when removed;
// chatters chat, visitors come and go, a slow reader is closed with 4008 and leaves the crowd;
// and the window's Add Simulated Clients dialog, status bar indicator and Remove action.

#include "client/simulatedcrowd.h"
#include "console/roomsmodel.h"
#include "server/roommanager.h"
#include "server/serverhost.h"
#include "tests/common/testclient.h"
#include "tests/common/testserver.h"
#include "tests/common/testwindow.h"
#include "ui/crowdindicator.h"
#include "ui/mainwindow.h"
#include "ui/simulatedclientsdialog.h"

#include <QAction>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <memory>

using namespace Qt::StringLiterals;

class tst_SimulatedCrowd final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void chattersAppearAndLeave();
    void visitorsComeAndGo();
    void slowReaderClosedWith4008();
    void noServerLeavesNoCrowd();
    void windowDialogAndActions();
    void screenshots();

private:
    ServerSnapshot snapshot();
    QStringList membersOf(const QString &room);
    SimulatedClient::Options options(SimulatedClient::Kind kind, const QString &room,
                                     const QString &name) const;

    // The product's rate limit and reminders: the crowd must live with them as real clients do.
    TestServer m_server {TestServer::productDefaults()};
    ServerEventList m_events;
};

void tst_SimulatedCrowd::initTestCase()
{
    TestWindow::isolateSettings(u"tst_simulatedcrowd"_s);
}

void tst_SimulatedCrowd::init()
{
    m_server.init();
    m_events.clear();
    // In the host's context: a previous server's last events never arrive here.
    connect(m_server.manager(), &RoomManager::eventsReady, m_server.host(),
            [this](const ServerEventList &events) { m_events += events; });
}

void tst_SimulatedCrowd::cleanup()
{
    m_server.cleanup();
    TestWindow::clearSettings();
}

ServerSnapshot tst_SimulatedCrowd::snapshot()
{
    QSignalSpy spy(m_server.manager(), &RoomManager::snapshotReady);
    m_server.host()->requestSnapshot();
    // Polled, never spy.wait(): the server thread may answer before a wait() would begin.
    if (!QTest::qWaitFor([&spy] { return !spy.isEmpty(); }, TestClient::Timeout))
        return ServerSnapshot();
    return spy.first().first().value<ServerSnapshot>();
}

QStringList tst_SimulatedCrowd::membersOf(const QString &room)
{
    for (const ServerSnapshot::RoomInfo &info : snapshot().rooms) {
        if (info.name == room) {
            QStringList names = info.memberNames;
            names.sort();
            return names;
        }
    }
    return {};
}

SimulatedClient::Options tst_SimulatedCrowd::options(SimulatedClient::Kind kind,
                                                     const QString &room, const QString &name) const
{
    SimulatedClient::Options o;
    o.chatUrl = m_server.url(u"/chat"_s);
    o.room = room;
    o.kind = kind;
    o.name = name;
    return o;
}

void tst_SimulatedCrowd::chattersAppearAndLeave()
{
    QVERIFY(m_server.start());
    TestClient watcher;
    QVERIFY(watcher.openNative(m_server.url(u"/chat?name=watcher&room=lab"_s), true));

    SimulatedCrowd crowd;
    QVERIFY(crowd.clientThread() != QThread::currentThread());
    SimulatedClient::Options o = options(SimulatedClient::Kind::Chatter, u"lab"_s, u"bot"_s);
    o.perMinute = 600;
    o.textLength = 30;
    crowd.add(o, 5);
    QCOMPARE(crowd.size(), 5);
    QCOMPARE(crowd.waveSize(), 5);
    QTRY_COMPARE_WITH_TIMEOUT(crowd.connectedCount(), 5, TestClient::Timeout);
    QCOMPARE(crowd.connectingCount(), 0);
    QCOMPARE(crowd.waveSettled(), 5);
    QCOMPARE(crowd.connectedCount(SimulatedClient::Kind::Chatter), 5);
    QCOMPARE(crowd.memberIds().size(), 5);

    // They are members of the room on the server.
    QCOMPARE(
        membersOf(u"lab"_s),
        QStringList({u"bot-1"_s, u"bot-2"_s, u"bot-3"_s, u"bot-4"_s, u"bot-5"_s, u"watcher"_s}));
    // And they chat: messages of the chosen length from each of them.
    QSet<QString> senders;
    QJsonObject frame;
    while (senders.size() < 5 && watcher.nextOfType(u"message"_s, &frame)) {
        const QString text = frame.value("text"_L1).toString();
        QCOMPARE(text.size(), 30);
        const QString from = frame.value("from"_L1).toObject().value("name"_L1).toString();
        QVERIFY2(text.startsWith(from + u" #"_s), qPrintable(text));
        senders.insert(from);
    }
    QCOMPARE(senders.size(), 5);

    // Removed in one call: gone from the crowd at once, and from the server soon after, each
    // with a proper goodbye.
    crowd.removeAll();
    QCOMPARE(crowd.size(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(membersOf(u"lab"_s), QStringList({u"watcher"_s}),
                              TestClient::Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(snapshot().stats.connections, 1, TestClient::Timeout);
    int goodbyes = 0;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            goodbyes = 0;
            for (const ServerEvent &e : std::as_const(m_events)) {
                const auto *gone = e.as<ServerEvent::Disconnected>();
                if (gone && gone->member.name.startsWith(u"bot-"_s))
                    goodbyes += gone->closeCode == 1000 ? 1 : 100;
            }
            return goodbyes == 5;
        }(),
        TestClient::Timeout);
}

void tst_SimulatedCrowd::visitorsComeAndGo()
{
    QVERIFY(m_server.start());
    TestClient watcher;
    QVERIFY(watcher.openNative(m_server.url(u"/chat?name=watcher&room=hall"_s), true));
    SimulatedCrowd crowd;
    crowd.add(options(SimulatedClient::Kind::Visitor, u"hall"_s, u"guest"_s), 3);
    QTRY_COMPARE_WITH_TIMEOUT(crowd.connectedCount(SimulatedClient::Kind::Visitor), 3,
                              TestClient::Timeout);
    // Each leaves the room and comes back while staying connected.
    QSet<QString> left;
    QSet<QString> back;
    QJsonObject frame;
    while ((left.size() < 3 || back.size() < 3)
           && watcher.nextOfType(u"presence"_s, &frame, 20000)) {
        const QString name = frame.value("member"_L1).toObject().value("name"_L1).toString();
        const QString event = frame.value("event"_L1).toString();
        if (event == u"leave"_s)
            left.insert(name);
        else if (event == u"join"_s && left.contains(name))
            back.insert(name);
    }
    QCOMPARE(left.size(), 3);
    QCOMPARE(back.size(), 3);
    QCOMPARE(crowd.connectedCount(), 3);
    QCOMPARE(snapshot().stats.connections, 4);
    crowd.removeAll();
    QTRY_COMPARE_WITH_TIMEOUT(snapshot().stats.connections, 1, TestClient::Timeout);
}

void tst_SimulatedCrowd::slowReaderClosedWith4008()
{
    QVERIFY(m_server.start([](ServerConfig &c) {
        c.maxOutgoingBytes = 256 * 1024;
        c.maxMessageBytes = 1 << 20;
        c.rateLimit = 0;
    }));
    SimulatedCrowd crowd;
    QSignalSpy lost(&crowd, &SimulatedCrowd::clientLost);
    crowd.add(options(SimulatedClient::Kind::SlowReader, u"lobby"_s, u"sloth"_s), 1);
    QTRY_COMPARE_WITH_TIMEOUT(crowd.connectedCount(SimulatedClient::Kind::SlowReader), 1,
                              TestClient::Timeout);
    const QString id = crowd.memberIds().value(0);
    QVERIFY(!id.isEmpty());
    QCOMPARE(membersOf(u"lobby"_s), QStringList({u"sloth-1"_s}));

    TestClient sender;
    QVERIFY(sender.openNative(m_server.url(u"/chat?name=sender&room=lobby"_s), true));
    auto closedWith = [this, &id]() -> QString {
        for (const ServerEvent &e : std::as_const(m_events)) {
            const auto *gone = e.as<ServerEvent::Disconnected>();
            if (gone && gone->member.id == id)
                return QString::number(gone->closeCode) + u' ' + gone->closeReason;
        }
        return QString();
    };
    const QString big(60000, u'z');
    // The kernel's buffers take a few MB on loopback; past them the server's own buffer grows
    // until the slow reader is closed. It is cut 5 s later, having never answered.
    for (int i = 0; i < 400 && closedWith().isEmpty(); ++i) {
        sender.send(
            QJsonObject {{"type"_L1, "message"_L1}, {"room"_L1, "lobby"_L1}, {"text"_L1, big}});
        if (i % 20 == 19) {
            QTest::qWait(100);
            sender.skipAll();
        }
    }
    QTRY_VERIFY_WITH_TIMEOUT(!closedWith().isEmpty(), 20000);
    QVERIFY2(closedWith().startsWith(u"4008"_s), qPrintable(closedWith()));
    // The crowd notices soon: it pings, and the ping meets the reset.
    QTRY_COMPARE_WITH_TIMEOUT(crowd.size(), 0, 5000);
    QCOMPARE(lost.size(), 1);
    QCOMPARE(lost.first().first().toString(), u"sloth-1"_s);
}

void tst_SimulatedCrowd::noServerLeavesNoCrowd()
{
    // A port where nothing listens: every client fails, and the wave still completes.
    QVERIFY(m_server.start());
    const quint16 port = m_server.port();
    m_server.cleanup();
    SimulatedCrowd crowd;
    SimulatedClient::Options o = options(SimulatedClient::Kind::Chatter, u"lobby"_s, u"x"_s);
    o.chatUrl = QUrl(u"ws://127.0.0.1:%1/chat"_s.arg(port));
    crowd.add(o, 3);
    o.kind = SimulatedClient::Kind::SlowReader;
    crowd.add(o, 2);
    QCOMPARE(crowd.waveSize(), 5);
    QTRY_COMPARE_WITH_TIMEOUT(crowd.size(), 0, TestClient::Timeout);
    QCOMPARE(crowd.waveSettled(), 5);
}

void tst_SimulatedCrowd::windowDialogAndActions()
{
    MainWindow window(TestWindow::config());
    QVERIFY(TestWindow::show(window));
    auto *add = window.findChild<QAction *>(u"actionAddSimulated"_s);
    auto *remove = window.findChild<QAction *>(u"actionRemoveSimulated"_s);
    auto *indicator = window.findChild<CrowdIndicator *>();
    QVERIFY(add && remove && indicator);
    QCOMPARE(add->shortcut(), QKeySequence(u"Ctrl+Shift+N"_s));
    QCOMPARE(remove->shortcut(), QKeySequence(u"Ctrl+Shift+X"_s));
    QVERIFY(!add->isEnabled()); // no server yet
    QVERIFY(!remove->isEnabled());
    QVERIFY(indicator->isHidden());

    QVERIFY(TestWindow::startServer(window));
    QVERIFY(add->isEnabled());
    add->trigger();
    QPointer<SimulatedClientsDialog> dialog = window.findChild<SimulatedClientsDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    dialog->setValues(6, u"physics"_s, SimulatedClient::Kind::Chatter, 30, 50);
    auto *progress = dialog->findChild<QProgressBar *>(u"progressBar"_s);
    QVERIFY(progress);
    dialog->add();
    // The progress bar follows, and the dialog closes once all six have connected.
    QTRY_COMPARE_WITH_TIMEOUT(window.crowd()->connectedCount(), 6, TestClient::Timeout);
    if (dialog) {
        QCOMPARE(progress->maximum(), 6);
        QCOMPARE(progress->value(), 6);
    }
    QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), TestClient::Timeout);
    QVERIFY(indicator->isVisible());
    QVERIFY2(indicator->text().contains(u"Simulated: 6"_s), qPrintable(indicator->text()));
    QVERIFY(remove->isEnabled());
    // The rooms tree shows them in their room.
    RoomsModel *rooms = window.roomsModel();
    QTRY_COMPARE_WITH_TIMEOUT(rooms->rowCount(rooms->roomIndex(u"physics"_s)), 6,
                              TestClient::Timeout);
    QVERIFY(rooms->memberName(window.crowd()->memberIds().first()).startsWith(u"sim-chatter-"_s));

    // One click removes them all.
    remove->trigger();
    QCOMPARE(window.crowd()->size(), 0);
    QVERIFY(indicator->isHidden());
    QVERIFY(!remove->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!rooms->roomIndex(u"physics"_s).isValid()
                                 || rooms->rowCount(rooms->roomIndex(u"physics"_s)) == 0,
                             TestClient::Timeout);

    // Stopping the server takes the crowd with it.
    window.addSimulatedClients(3, u"lobby"_s, SimulatedClient::Kind::Visitor, 12);
    QTRY_COMPARE_WITH_TIMEOUT(window.crowd()->connectedCount(), 3, TestClient::Timeout);
    window.stopServer();
    QTRY_VERIFY_WITH_TIMEOUT(!window.isListening(), TestClient::Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(window.crowd()->size(), 0, TestClient::Timeout);
    QVERIFY(indicator->isHidden());
}

// WSROOM_SCREENSHOTS=<dir> writes docs/images' simulated-clients.png and
// simulated-clients-dialog.png there (run under xvfb-run with QT_QPA_PLATFORM=xcb).
void tst_SimulatedCrowd::screenshots()
{
    const QString dir = qEnvironmentVariable("WSROOM_SCREENSHOTS");
    if (dir.isEmpty())
        QSKIP("set WSROOM_SCREENSHOTS=<dir> to write the screenshots");
    MainWindow window(TestWindow::config());
    window.resize(1320, 860);
    QVERIFY(TestWindow::show(window));
    QVERIFY(TestWindow::startServer(window));
    // A lesson: chatter in the lobby, visitors coming and going, and in "lab" slow readers that
    // chatters with long messages overwhelm (4008 in the activity log).
    window.addSimulatedClients(12, u"lobby"_s, SimulatedClient::Kind::Chatter, 40);
    window.addSimulatedClients(6, u"lobby"_s, SimulatedClient::Kind::Visitor, 12);
    QTest::qWait(15000);
    window.addSimulatedClients(2, u"lab"_s, SimulatedClient::Kind::SlowReader, 12);
    window.addSimulatedClients(8, u"lab"_s, SimulatedClient::Kind::Chatter, 300, 20000);
    QTest::qWait(15000);
    window.crowd()->removeAll();
    window.addSimulatedClients(24, u"lobby"_s, SimulatedClient::Kind::Chatter, 90);
    QTest::qWait(12000);
    QVERIFY(window.grab().save(dir + u"/simulated-clients.png"_s));

    window.findChild<QAction *>(u"actionAddSimulated"_s)->trigger();
    auto *dialog = window.findChild<SimulatedClientsDialog *>();
    QVERIFY(dialog);
    dialog->setValues(30, u"lobby"_s, SimulatedClient::Kind::Chatter, 20, 40);
    dialog->add();
    QVERIFY(QTest::qWaitFor([&window] { return window.crowd()->waveSettled() > 0; }));
    QVERIFY(dialog->grab().save(dir + u"/simulated-clients-dialog.png"_s));
}

QTEST_MAIN(tst_SimulatedCrowd)
#include "tst_simulatedcrowd.moc"
