// Moderation from the Server menu and the rooms tree: which actions apply to the selection, that
// each reaches the session, that Clear asks first, and that a kick does not move the selection
// to the next member.
#include "console/roomsmodel.h"
#include "console/serversession.h"
#include "tests/common/testwindow.h"
#include "ui/chatwindow.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace {

constexpr int Timeout = 10000;

QAction *action(MainWindow &window, const char *name)
{
    return window.findChild<QAction *>(QString::fromLatin1(name));
}

QTreeView *tree(MainWindow &window)
{
    return window.findChild<QTreeView *>(u"roomsView"_s);
}

void select(MainWindow &window, const QModelIndex &index)
{
    tree(window)->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

// window listening, with n chat windows in the lobby; the lobby's index.
QModelIndex startWithMembers(MainWindow &window, int n)
{
    if (!TestWindow::show(window) || !TestWindow::startServer(window))
        return {};
    window.openChatWindows(n);
    RoomsModel *rooms = window.roomsModel();
    if (!QTest::qWaitFor([&] { return rooms->memberIds().size() == n; }, Timeout))
        return {};
    const int row = rooms->roomNames().indexOf(u"lobby"_s);
    const QModelIndex lobby = rooms->index(row, 0);
    if (!QTest::qWaitFor([&] { return rooms->rowCount(lobby) == n; }, Timeout))
        return {};
    return lobby;
}

} // namespace

class tst_ModerationPrompts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void actionsFollowSelection_data();
    void actionsFollowSelection();
    void eachReachesTheSession_data();
    void eachReachesTheSession();
    void clearRoomAsksFirst();
    void kickKeepsSelectionOffTheNextMember();
    void inTheServerMenu();
};

void tst_ModerationPrompts::initTestCase()
{
    TestWindow::isolateSettings(u"tst_moderationprompts"_s);
}

void tst_ModerationPrompts::cleanup()
{
    TestWindow::clearSettings();
}

void tst_ModerationPrompts::actionsFollowSelection_data()
{
    QTest::addColumn<QString>("selection"); // none, room, member
    QTest::addColumn<QStringList>("enabled");
    QTest::addColumn<QStringList>("disabled");
    const QStringList memberActions {u"actionKick"_s, u"actionBan"_s, u"actionMute"_s};
    const QStringList roomActions {u"actionLockRoom"_s, u"actionClearRoom"_s};
    QTest::newRow("nothing") << u"none"_s << QStringList {u"actionLiftBans"_s}
                             << memberActions + roomActions;
    QTest::newRow("a room") << u"room"_s << roomActions + QStringList {u"actionLiftBans"_s}
                            << memberActions;
    QTest::newRow("a member") << u"member"_s
                              << memberActions + roomActions + QStringList {u"actionLiftBans"_s}
                              << QStringList();
}

void tst_ModerationPrompts::actionsFollowSelection()
{
    QFETCH(QString, selection);
    QFETCH(QStringList, enabled);
    QFETCH(QStringList, disabled);
    MainWindow window(TestWindow::config());
    const QModelIndex lobby = startWithMembers(window, 1);
    QVERIFY(lobby.isValid());
    if (selection == u"room")
        select(window, lobby);
    else if (selection == u"member")
        select(window, window.roomsModel()->index(0, 0, lobby));
    for (const QString &name : enabled)
        QVERIFY2(action(window, name.toLatin1())->isEnabled(), qPrintable(name));
    for (const QString &name : disabled)
        QVERIFY2(!action(window, name.toLatin1())->isEnabled(), qPrintable(name));
    QVERIFY(action(window, "actionMute")->isCheckable());
    QVERIFY(action(window, "actionLockRoom")->isCheckable());
    if (selection != u"none")
        QCOMPARE(action(window, "actionLockRoom")->text(), u"&Lock lobby"_s);

    // Stopped: none applies.
    window.stopServer();
    QTRY_COMPARE_WITH_TIMEOUT(window.session()->state(), ServerSession::State::Stopped, Timeout);
    for (const QString &name : enabled + disabled)
        QVERIFY2(!action(window, name.toLatin1())->isEnabled(), qPrintable(name));
}

void tst_ModerationPrompts::eachReachesTheSession_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<bool>("onMember");
    QTest::addColumn<QString>("status"); // the start of what the status bar says
    QTest::newRow("mute") << "actionMute"_ba << true << u"Muted "_s;
    QTest::newRow("lock") << "actionLockRoom"_ba << false << u"Locked lobby"_s;
    QTest::newRow("lift bans") << "actionLiftBans"_ba << false << u"Every ban"_s;
    QTest::newRow("ban") << "actionBan"_ba << true << u"Banned "_s;
}

// The session took the command (it returned true: the status bar says so).
void tst_ModerationPrompts::eachReachesTheSession()
{
    QFETCH(QByteArray, name);
    QFETCH(bool, onMember);
    QFETCH(QString, status);
    MainWindow window(TestWindow::config());
    const QModelIndex lobby = startWithMembers(window, 1);
    QVERIFY(lobby.isValid());
    select(window, onMember ? window.roomsModel()->index(0, 0, lobby) : lobby);
    action(window, name)->trigger();
    if (name == "actionBan") { // asks for a reason first
        auto *prompt = window.findChild<QInputDialog *>(u"reasonPrompt"_s);
        QVERIFY(prompt);
        QCOMPARE(prompt->windowTitle(), u"Ban %1"_s.arg(window.chatWindows().first()->self().name));
        prompt->setTextValue(u"spam"_s);
        prompt->accept();
    }
    QVERIFY2(window.statusBar()->currentMessage().startsWith(status),
             qPrintable(window.statusBar()->currentMessage()));
}

void tst_ModerationPrompts::clearRoomAsksFirst()
{
    MainWindow window(TestWindow::config());
    const QModelIndex lobby = startWithMembers(window, 1);
    QVERIFY(lobby.isValid());
    select(window, lobby);
    action(window, "actionClearRoom")->trigger();
    QTRY_VERIFY(qobject_cast<QMessageBox *>(QApplication::activeModalWidget()));
    auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
    QCOMPARE(box->objectName(), u"clearRoomQuestion"_s);
    QVERIFY(box->text().contains(u"lobby"_s));
    QVERIFY(window.statusBar()->currentMessage().isEmpty()); // nothing cleared yet
    box->findChild<QPushButton *>(u"clearRoomButton"_s)->click();
    QCOMPARE(window.statusBar()->currentMessage(), u"Cleared the history of lobby"_s);
}

// Kicking the first of two members leaves the room selected, not the second member (the next
// Kick would hit someone else).
void tst_ModerationPrompts::kickKeepsSelectionOffTheNextMember()
{
    MainWindow window(TestWindow::config());
    const QModelIndex lobby = startWithMembers(window, 2);
    QVERIFY(lobby.isValid());
    RoomsModel *rooms = window.roomsModel();
    const QModelIndex first = rooms->index(0, 0, lobby);
    const QString id = first.data(RoomsModel::MemberIdRole).toString();
    select(window, first);
    action(window, "actionKick")->trigger();
    auto *prompt = window.findChild<QInputDialog *>(u"reasonPrompt"_s);
    QVERIFY(prompt);
    prompt->setTextValue(u"test over"_s);
    prompt->accept();
    QTRY_COMPARE_WITH_TIMEOUT(rooms->rowCount(lobby), 1, Timeout);
    QVERIFY(!rooms->memberIds().contains(id));
    const QModelIndex current = tree(window)->selectionModel()->currentIndex();
    QCOMPARE(current.data(RoomsModel::KindRole).toInt(), int(RoomsModel::RoomKind));
    QCOMPARE(current.data(RoomsModel::RoomNameRole).toString(), u"lobby"_s);
    QVERIFY(!action(window, "actionKick")->isEnabled());
}

void tst_ModerationPrompts::inTheServerMenu()
{
    MainWindow window(TestWindow::config());
    auto *menu = window.findChild<QMenu *>(u"moderationMenu"_s);
    QVERIFY(menu);
    QStringList names;
    for (const QAction *a : menu->actions()) {
        if (!a->isSeparator())
            names.append(a->objectName());
    }
    QCOMPARE(names,
             (QStringList {u"actionKick"_s, u"actionBan"_s, u"actionMute"_s, u"actionLockRoom"_s,
                           u"actionClearRoom"_s, u"actionLiftBans"_s}));
}

QTEST_MAIN(tst_ModerationPrompts)
#include "tst_moderationprompts.moc"
