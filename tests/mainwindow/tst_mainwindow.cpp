#include "console/activitylogmodel.h"
#include "console/roomsmodel.h"
#include "console/serversession.h"
#include "console/serversettings.h"
#include "tests/common/testserver.h"
#include "tests/common/testwindow.h"
#include "ui/chatwindow.h"
#include "ui/mainwindow.h"
#include "ui/roomhistorydialog.h"
#include "ui/settingsdialog.h"
#include "ui/windowcascade_p.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace {

constexpr int Timeout = 10000;

template<typename T> T *child(QObject *parent, const char *name)
{
    return parent->findChild<T *>(QString::fromLatin1(name));
}

QString stateOf(ChatWindow *window)
{
    return child<QLabel>(window, "stateLabel")->text();
}

bool logHasMessage(const ActivityLogModel *model, const QString &text)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        const auto *message = model->eventAt(row).as<ServerEvent::Message>();
        if (message && message->text == text)
            return true;
    }
    return false;
}

} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void session();
    void controlsAreShown_data();
    void controlsAreShown();
    void startFailsOnBusyPort();
    void statusReportsGuiLag();
    void commandLineOverridesSettings();
    void settingsDialogValidates();
    void windowStateIsRemembered();
    void chatWindowsCascade_data();
    void chatWindowsCascade();
    void roomHistoryInTheStore();
    void echoMemberInTheTree();
    void storeFileSetting_data();
    void storeFileSetting();
};

void tst_MainWindow::initTestCase()
{
    TestWindow::isolateSettings(QStringLiteral("tst_mainwindow"));
}

void tst_MainWindow::cleanup()
{
    TestWindow::clearSettings();
}

void tst_MainWindow::session()
{
    auto *window = new MainWindow(TestWindow::config());
    QVERIFY(TestWindow::show(*window));
    QCOMPARE(child<QLabel>(window, "serverStateLabel")->text(), QStringLiteral("Stopped"));
    QVERIFY(!window->findChild<QAction *>(QStringLiteral("actionNewChat"))->isEnabled());
    QVERIFY(window->openChatWindow() == nullptr);

    // Start, as the toolbar's action does.
    QSignalSpy listening(window, &MainWindow::listeningChanged);
    auto *startStop = child<QAction>(window, "actionStartStop");
    QVERIFY(startStop);
    startStop->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window->isListening(), Timeout);
    QCOMPARE(listening.size(), 1);
    QCOMPARE(listening.first().first().toBool(), true);
    const quint16 port = window->port();
    QVERIFY(port != 0);
    QCOMPARE(window->listeningHost(), QStringLiteral("127.0.0.1"));
    const QString hostPort = QStringLiteral("127.0.0.1:%1").arg(port);
    QCOMPARE(child<QLabel>(window, "serverStateLabel")->text(),
             QStringLiteral("Listening on ") + hostPort);
    QCOMPARE(child<QLineEdit>(window, "nativeUrl")->text(),
             QStringLiteral("ws://%1/chat").arg(hostPort));
    QCOMPARE(child<QLineEdit>(window, "chatUrl")->text(),
             QStringLiteral("ws://%1/ws/{client_id}").arg(hostPort));
    QCOMPARE(child<QLineEdit>(window, "broadcastUrl")->text(),
             QStringLiteral("ws://%1/").arg(hostPort));
    QCOMPARE(child<QLineEdit>(window, "browserUrl")->text(),
             QStringLiteral("http://%1/").arg(hostPort));
    QCOMPARE(child<QLineEdit>(window, "echoUrl")->text(),
             QStringLiteral("ws://%1/echo").arg(hostPort));
    QCOMPARE(window->clientUrls().size(), 5);

    RoomsModel *rooms = window->roomsModel();
    QTRY_COMPARE_WITH_TIMEOUT(rooms->roomNames(),
                              QStringList({QStringLiteral("chat"), QStringLiteral("lobby"),
                                           QStringLiteral("notifications")}),
                              Timeout);

    // Two chat windows, as Ctrl+N opens them.
    auto *newChat = child<QAction>(window, "actionNewChat");
    QVERIFY(newChat->isEnabled());
    QCOMPARE(newChat->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_N));
    newChat->trigger();
    newChat->trigger();
    QCOMPARE(window->chatWindows().size(), 2);
    QPointer<ChatWindow> a = window->chatWindows().at(0);
    QPointer<ChatWindow> b = window->chatWindows().at(1);
    QVERIFY(a->isWindow() && b->isWindow());
    QVERIFY(a->pos() != b->pos()); // cascaded
    QCOMPARE(a->url().port(), int(port));
    QTRY_VERIFY_WITH_TIMEOUT(!a->self().id.isEmpty() && !b->self().id.isEmpty(), Timeout);
    const QString aId = a->self().id;
    const QString bId = b->self().id;
    const QString lobby = QStringLiteral("lobby");
    QTRY_VERIFY_WITH_TIMEOUT(rooms->memberIndex(lobby, aId).isValid()
                                 && rooms->memberIndex(lobby, bId).isValid(),
                             Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(child<QListWidget>(b, "membersList")->count(), 2, Timeout);

    // A line typed in one window reaches the other, the log and the counts.
    QWidget *input = child<QWidget>(a, "input");
    QVERIFY(input);
    a->activateWindow();
    input->setFocus();
    const QString line = QStringLiteral("hello from the first window");
    QTest::keyClicks(input, line);
    QTest::keyClick(input, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(child<QTextBrowser>(b, "messageView")->toPlainText().contains(line),
                             Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(logHasMessage(window->activityModel(), line), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(
        rooms->roomIndex(lobby, RoomsModel::MessagesColumn).data().toLongLong(), 1, Timeout);
    QCOMPARE(rooms->memberIndex(lobby, aId, RoomsModel::MessagesColumn).data().toLongLong(), 1);
    QCOMPARE(rooms->memberIndex(lobby, bId, RoomsModel::MessagesColumn).data().toLongLong(), 0);

    // A rename in a chat window shows in the tree.
    auto *nameEdit = child<QLineEdit>(a, "nameEdit");
    nameEdit->selectAll();
    QTest::keyClicks(nameEdit, QStringLiteral("alice"));
    QTest::keyClick(nameEdit, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(rooms->memberIndex(lobby, aId).data().toString(),
                              QStringLiteral("alice"), Timeout);
    QCOMPARE(rooms->memberName(aId), QStringLiteral("alice"));

    // Kick b: select it in the tree, trigger the action, give a reason.
    auto *tree = child<QTreeView>(window, "roomsView");
    auto *kick = child<QAction>(window, "actionKick");
    QVERIFY(!kick->isEnabled());
    tree->selectionModel()->setCurrentIndex(rooms->memberIndex(lobby, bId),
                                            QItemSelectionModel::ClearAndSelect
                                                | QItemSelectionModel::Rows);
    QVERIFY(kick->isEnabled());
    kick->trigger();
    auto *prompt = window->findChild<QInputDialog *>();
    QVERIFY(prompt);
    QVERIFY(prompt->isVisible());
    prompt->setTextValue(QStringLiteral("test over"));
    prompt->accept();
    QTRY_VERIFY_WITH_TIMEOUT(stateOf(b).contains(QStringLiteral("Kicked")), Timeout);
    QVERIFY(stateOf(b).contains(QStringLiteral("test over")));
    QTRY_VERIFY_WITH_TIMEOUT(!rooms->memberIndex(lobby, bId).isValid(), Timeout);
    QVERIFY(stateOf(a).contains(QStringLiteral("Connected")));

    // A third window, then Stop (asked first: members are in): every window still connected
    // is told.
    QPointer<ChatWindow> c = window->openChatWindow();
    QVERIFY(c);
    QTRY_VERIFY_WITH_TIMEOUT(!c->self().id.isEmpty(), Timeout);
    startStop->trigger();
    QTRY_VERIFY(qobject_cast<QMessageBox *>(QApplication::activeModalWidget()));
    QApplication::activeModalWidget()
        ->findChild<QPushButton *>(QStringLiteral("stopServerButton"))
        ->click();
    QTRY_VERIFY_WITH_TIMEOUT(!window->isListening(), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(listening.size(), 2, Timeout);
    QCOMPARE(listening.last().first().toBool(), false);
    QCOMPARE(child<QLabel>(window, "serverStateLabel")->text(), QStringLiteral("Stopped"));
    QVERIFY(child<QLineEdit>(window, "nativeUrl")->text().isEmpty());
    QCOMPARE(rooms->rowCount(), 0);
    for (ChatWindow *chat : {a.data(), c.data()})
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(chat).startsWith(QStringLiteral("Disconnected")), Timeout);
    QVERIFY(stateOf(b).contains(QStringLiteral("Kicked")));

    // Closing the main window closes the chat windows; deleting it stops cleanly.
    window->close();
    QTRY_VERIFY_WITH_TIMEOUT(a.isNull() && b.isNull() && c.isNull(), Timeout);
    delete window;
}

// Every control of the window is in it and shown (the split into panes once left the activity
// log's filters without a parent: never shown, and leaked).
void tst_MainWindow::controlsAreShown_data()
{
    QTest::addColumn<QString>("name");
    for (const char *name :
         {"serverPanel", "portSpin", "bindCombo", "serverStateLabel", "hostToolBar", "splitter",
          "roomsView", "roomFilter", "memberFilter", "kindsButton", "activityView"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void tst_MainWindow::controlsAreShown()
{
    QFETCH(QString, name);
    MainWindow window {TestWindow::config()};
    QVERIFY(TestWindow::show(window));
    auto *widget = window.findChild<QWidget *>(name);
    QVERIFY2(widget, qPrintable(name + QStringLiteral(" is not in the window")));
    QCOMPARE(widget->window(), &window);
    QVERIFY2(widget->isVisible(), qPrintable(name + QStringLiteral(" is not shown")));
    QVERIFY(widget->width() > 0 && widget->height() > 0);
}

void tst_MainWindow::statusReportsGuiLag()
{
    MainWindow window(TestWindow::config());
    window.show();
    QVERIFY(TestWindow::startServer(window));
    auto status = [&window] {
        return TestServer::status(window.port());
    };
    // The window's lag meter reports to the server (queued) twice a second.
    QTRY_VERIFY_WITH_TIMEOUT(status().contains(QStringLiteral("gui_lag_ms")), Timeout);
    QVERIFY(status().value(QStringLiteral("gui_lag_ms")).toDouble() >= 0);
}

void tst_MainWindow::startFailsOnBusyPort()
{
    QTcpServer busy;
    QVERIFY(busy.listen(QHostAddress::LocalHost, 0));
    ServerConfig config;
    config.port = busy.serverPort();
    MainWindow window(config);
    window.startServer();
    auto *state = child<QLabel>(&window, "serverStateLabel");
    QTRY_VERIFY_WITH_TIMEOUT(state->text().startsWith(QStringLiteral("Error: ")), Timeout);
    QVERIFY(state->text().contains(QString::number(busy.serverPort())));
    QVERIFY(state->text().contains(QStringLiteral("in use")));
    QVERIFY(!window.isListening());
    QVERIFY(child<QAction>(&window, "actionStartStop")->isEnabled());
}

void tst_MainWindow::commandLineOverridesSettings()
{
    ServerConfig saved;
    saved.port = 9123;
    saved.rateLimit = 7;
    saved.joinCode = QStringLiteral("secret");
    saved.allowedOrigins = {QStringLiteral("http://a.test"), QStringLiteral("https://b.test:8443")};
    saved.bindAddress = QHostAddress(QHostAddress::AnyIPv4);
    ServerSettings::save(saved);
    const ServerConfig loaded = ServerSettings::load();
    QCOMPARE(loaded.port, saved.port);
    QCOMPARE(loaded.rateLimit, 7);
    QCOMPARE(loaded.joinCode, saved.joinCode);
    QCOMPARE(loaded.allowedOrigins, saved.allowedOrigins);
    QCOMPARE(loaded.bindAddress, saved.bindAddress);
    QCOMPARE(loaded.history, ServerConfig().history);

    ServerConfig commandLine;
    commandLine.port = 0;
    commandLine.history = 5;
    MainWindow window(commandLine);
    const ServerConfig config = window.config();
    QCOMPARE(config.port, quint16(0)); // given: wins
    QCOMPARE(config.history, 5); // given: wins
    QCOMPARE(config.rateLimit, 7); // left at its default: the saved value
    QCOMPARE(config.joinCode, QStringLiteral("secret"));
    QCOMPARE(config.bindAddress, QHostAddress(QHostAddress::AnyIPv4));
}

void tst_MainWindow::settingsDialogValidates()
{
    SettingsDialog dialog;
    ServerConfig config;
    config.port = 8765;
    config.recordFile = QStringLiteral("/tmp/kept.jsonl");
    dialog.setConfig(config);
    QCOMPARE(dialog.config().port, quint16(8765));
    QCOMPARE(dialog.config().recordFile, config.recordFile); // not edited, kept
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());

    auto *origins = child<QLineEdit>(&dialog, "allowedOrigins");
    QVERIFY(origins);
    origins->setText(QStringLiteral("http://a.test, not an origin"));
    QVERIFY(!ok->isEnabled());
    QVERIFY(!dialog.validationError().isEmpty());
    origins->setText(QStringLiteral("http://a.test, https://b.test:8443"));
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog.config().allowedOrigins,
             QStringList({QStringLiteral("http://a.test"), QStringLiteral("https://b.test:8443")}));

    QStringList parsed;
    QString error;
    QVERIFY(!SettingsDialog::parseOrigins(QStringLiteral("http://a.test/path"), &parsed, &error));
    QVERIFY(SettingsDialog::parseOrigins(QStringLiteral(" , "), &parsed, &error));
    QVERIFY(parsed.isEmpty());

    child<QLineEdit>(&dialog, "joinCode")->setText(QStringLiteral("two words"));
    QVERIFY(!ok->isEnabled());
    // 4 to 32 characters, as on the command line.
    child<QLineEdit>(&dialog, "joinCode")->setText(QStringLiteral("123"));
    QVERIFY(!ok->isEnabled());
    QVERIFY(dialog.validationError().contains(QStringLiteral("4 characters")));
    child<QLineEdit>(&dialog, "joinCode")->setText(QStringLiteral("1234"));
    QVERIFY(ok->isEnabled());
    QCOMPARE(child<QLineEdit>(&dialog, "joinCode")->maxLength(), 32);
    child<QLineEdit>(&dialog, "joinCode")->setText(QStringLiteral("s3cret"));
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog.config().joinCode, QStringLiteral("s3cret"));
}

void tst_MainWindow::windowStateIsRemembered()
{
    QList<int> sizes;
    {
        MainWindow window {ServerConfig()};
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *splitter = child<QSplitter>(&window, "splitter");
        splitter->setSizes({300, 700});
        sizes = splitter->sizes();
        window.close();
    }
    QVERIFY(QSettings().contains(QStringLiteral("mainWindow/geometry")));
    MainWindow again {ServerConfig()};
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(child<QSplitter>(&again, "splitter")->sizes(), sizes);
}

void tst_MainWindow::chatWindowsCascade_data()
{
    QTest::addColumn<QRect>("frame");
    QTest::addColumn<int>("step");
    QTest::addColumn<QPoint>("expected");
    // A 1920x1080 screen and 400x500 chat windows; the cascade spans 7 x 36 = 252 pixels.
    // QRect::right() is left + width - 1: a frame at 0 wide 900 ends at 899.
    const QRect left(0, 0, 900, 700);
    const QRect right(1000, 100, 900, 700);
    const QRect wide(0, 0, 1800, 700);
    QTest::newRow("right of the window") << left << 0 << QPoint(899 + 12, 0);
    QTest::newRow("right, third step") << left << 2 << QPoint(911 + 72, 72);
    QTest::newRow("wraps after eight") << left << 8 << QPoint(911, 0);
    QTest::newRow("left of the window") << right << 0 << QPoint(1000 - 12 - 400 - 252, 100);
    QTest::newRow("no room: from the right edge") << wide << 1 << QPoint(1920 - 400 - 36, 48 + 36);
    QTest::newRow("kept on screen")
        << QRect(0, 700, 900, 300) << 7 << QPoint(911 + 252, 1080 - 500);
}

void tst_MainWindow::chatWindowsCascade()
{
    QFETCH(QRect, frame);
    QFETCH(int, step);
    QFETCH(QPoint, expected);
    const QRect screen(0, 0, 1920, 1080);
    QCOMPARE(windowCascadePosition(frame, QSize(400, 500), screen, step), expected);
}

// An /echo connection is in the rooms tree under "Not in a room", opened, and the member
// actions (kick here) act on it as on any member.
void tst_MainWindow::echoMemberInTheTree()
{
    MainWindow window(TestWindow::config());
    QVERIFY(TestWindow::show(window));
    QVERIFY(TestWindow::startServer(window));
    RoomsModel *rooms = window.roomsModel();
    TestClient echo;
    QVERIFY(echo.openAndWait(QUrl(window.session()->clientUrls().at(ServerSession::EchoUrl))));
    QTRY_VERIFY_WITH_TIMEOUT(rooms->noRoomIndex().isValid(), Timeout);
    const QModelIndex node = rooms->noRoomIndex();
    QCOMPARE(node.row(), rooms->roomNames(true).size()); // after the rooms
    auto *tree = child<QTreeView>(&window, "roomsView");
    QVERIFY(tree->isExpanded(node));
    const QModelIndex echoRow = rooms->index(0, 0, node);
    QCOMPARE(echoRow.siblingAtColumn(RoomsModel::DialectColumn).data().toString(), u"echo"_s);
    const QString name = echoRow.data().toString();

    // The node is no member and no room; its member is a member in no room.
    auto *kick = child<QAction>(&window, "actionKick");
    auto *post = child<QAction>(&window, "actionSystemMessage");
    const auto select = QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows;
    tree->selectionModel()->setCurrentIndex(node, select);
    QVERIFY(!kick->isEnabled());
    QCOMPARE(post->text(), u"&Post System Message…"_s);
    tree->selectionModel()->setCurrentIndex(echoRow, select);
    QVERIFY(kick->isEnabled());
    QCOMPARE(kick->text(), u"&Kick %1…"_s.arg(name));
    QCOMPARE(post->text(), u"&Post System Message…"_s);
    kick->trigger();
    auto *prompt = window.findChild<QInputDialog *>();
    QVERIFY(prompt);
    prompt->accept();
    QTRY_VERIFY_WITH_TIMEOUT(echo.isDisconnected, Timeout);
    QCOMPARE(int(echo.closeCode), 4000);
    QTRY_VERIFY_WITH_TIMEOUT(!rooms->noRoomIndex().isValid(), Timeout);
}

void tst_MainWindow::roomHistoryInTheStore()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ServerConfig config = TestWindow::config();
    config.storeFile = dir.filePath(QStringLiteral("rooms.sqlite"));
    MainWindow window(config);
    auto *storeLabel = child<QLabel>(&window, "storeLabel");
    QCOMPARE(storeLabel->text(), QStringLiteral("Store: rooms.sqlite")); // the next start's
    QVERIFY(TestWindow::show(window));
    QVERIFY(TestWindow::startServer(window));
    QTRY_VERIFY_WITH_TIMEOUT(storeLabel->text().startsWith(QStringLiteral("Store: rooms.sqlite, ")),
                             Timeout);
    QVERIFY(storeLabel->toolTip().contains(config.storeFile));
    QVERIFY(!storeLabel->text().contains(QStringLiteral("⚠")));

    // A member posts two messages (one with HTML's specials) to "games" and leaves: the room is
    // emptied but stays in the store, greyed, with its count.
    const QStringList texts {QStringLiteral("<b>bold</b> & \"quoted\""),
                             QStringLiteral("second line")};
    TestClient alice;
    QVERIFY(alice.openNative(window.session()->chatUrl()));
    alice.send(QJsonObject {{"type"_L1, "join"_L1}, {"room"_L1, "games"_L1}});
    QJsonObject reply;
    QVERIFY(alice.nextOfType(QStringLiteral("joined"), &reply));
    QStringList broadcast; // the message events exactly as alice received them
    for (const QString &text : texts) {
        alice.send(
            QJsonObject {{"type"_L1, "message"_L1}, {"room"_L1, "games"_L1}, {"text"_L1, text}});
        QString raw;
        do {
            QVERIFY(alice.nextRaw(&raw));
        } while (!raw.contains(QStringLiteral("\"type\":\"message\"")));
        broadcast.append(raw);
    }
    alice.send(QJsonObject {{"type"_L1, "leave"_L1}, {"room"_L1, "games"_L1}});
    QVERIFY(alice.nextOfType(QStringLiteral("left"), &reply));

    RoomsModel *rooms = window.roomsModel();
    const QString games = QStringLiteral("games");
    QTRY_VERIFY_WITH_TIMEOUT(rooms->isStored(games), Timeout);
    QCOMPARE(rooms->storedMessages(games), 2);
    const QModelIndex gamesRow = rooms->roomIndex(games);
    QCOMPARE(gamesRow.data().toString(), QStringLiteral("games (2 stored messages)"));
    QVERIFY(gamesRow.data(Qt::ForegroundRole).isValid()); // greyed
    QVERIFY(!rooms->roomNames().contains(games)); // not offered where a live room is wanted
    QVERIFY(rooms->roomNames(true).contains(games));

    // Server › Room History…, on the stored room.
    auto *action = child<QAction>(&window, "actionRoomHistory");
    QVERIFY(action->isEnabled());
    action->trigger();
    RoomHistoryDialog *dialog = window.roomHistoryDialog();
    QVERIFY(dialog);
    dialog->selectRoom(games);
    QCOMPARE(dialog->room(), games);
    QVERIFY(child<QLabel>(dialog, "historyCount")->text().contains(QStringLiteral("2 stored")));

    // Export: the events as broadcast, and the HTML transcript with the texts escaped.
    QSignalSpy exported(window.session(), &ServerSession::roomHistoryExported);
    const QString base = dir.filePath(QStringLiteral("games-history"));
    QVERIFY(dialog->exportTo(base + QStringLiteral(".html"))); // the suffix is dropped
    QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, Timeout);
    QCOMPARE(exported.first().at(3).toString(), QString());
    QCOMPARE(exported.first().at(2).toInt(), 2);
    QFile jsonl(base + QStringLiteral(".jsonl"));
    QVERIFY(jsonl.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(jsonl.readAll()), broadcast.join(QLatin1Char('\n')) + u'\n');
    const QFileDevice::Permissions others
        = QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther;
    QVERIFY(jsonl.permissions().testFlag(QFile::ReadOwner));
    QCOMPARE(jsonl.permissions() & others, QFileDevice::Permissions());
    QFile html(base + QStringLiteral(".html"));
    QVERIFY(html.open(QIODevice::ReadOnly));
    const QString page = QString::fromUtf8(html.readAll());
    QVERIFY(page.contains(QStringLiteral("&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;")));
    QVERIFY(!page.contains(QStringLiteral("<b>bold")));
    QVERIFY(page.contains(QStringLiteral("second line")));
    QVERIFY(page.contains(QStringLiteral("wsroom room games")));
    QVERIFY(html.permissions().testFlag(QFile::ReadOwner));
    QCOMPARE(html.permissions() & others, QFileDevice::Permissions());
    QVERIFY(child<QLabel>(dialog, "historyStatus")->text().contains(QStringLiteral("Exported 2")));

    // Clear History: a confirmation naming the room and the count, then the store forgets it.
    // The store's counts come with snapshots (every few seconds): ask for one now.
    window.session()->host()->requestSnapshot();
    QTRY_VERIFY_WITH_TIMEOUT(window.session()->store().messages >= 2, Timeout);
    const qint64 storedBefore = window.session()->store().messages;
    child<QPushButton>(dialog, "clearHistoryButton")->click();
    QMessageBox *confirm = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (confirm = dialog->findChild<QMessageBox *>(QStringLiteral("confirmClearHistory"))),
        Timeout);
    QVERIFY(confirm->text().contains(QStringLiteral("“games”")));
    QVERIFY(confirm->text().contains(QStringLiteral("2 stored messages")));
    confirm->accept();
    QTRY_COMPARE_WITH_TIMEOUT(rooms->storedMessages(games), 0, Timeout);
    // The store's own count follows (the window asks again a second after a clear).
    QTRY_COMPARE_WITH_TIMEOUT(window.session()->store().messages, storedBefore - 2, Timeout);
    QVERIFY(storeLabel->text().startsWith(QStringLiteral("Store: rooms.sqlite, ")));
}

void tst_MainWindow::storeFileSetting_data()
{
    QTest::addColumn<QString>("given");
    QTest::addColumn<bool>("givenOnCommandLine");
    QTest::addColumn<QString>("saved"); // "-": never saved
    QTest::addColumn<QString>("expected");

    const QString def = ServerSettings::defaultStoreFile();
    QTest::newRow("nothing saved: the default") << def << false << "-" << def;
    QTest::newRow("a saved file") << def << false << "/tmp/x/saved.sqlite"
                                  << "/tmp/x/saved.sqlite";
    QTest::newRow("saved none") << def << false << ""
                                << "";
    QTest::newRow("--store wins over a saved file")
        << "/tmp/x/given.sqlite" << true << "/tmp/x/saved.sqlite"
        << "/tmp/x/given.sqlite";
    QTest::newRow("--store none wins over a saved file") << "" << true << "/tmp/x/saved.sqlite"
                                                         << "";
    QTest::newRow("--store with the default's name wins over a saved file")
        << def << true << "/tmp/x/saved.sqlite" << def;
}

// What app/main.cpp does before it opens the window, then the window's config.
void tst_MainWindow::storeFileSetting()
{
    QFETCH(QString, given);
    QFETCH(bool, givenOnCommandLine);
    QFETCH(QString, saved);
    QFETCH(QString, expected);

    if (saved != QLatin1String("-")) {
        ServerConfig config;
        config.storeFile = saved;
        ServerSettings::save(config);
        QCOMPARE(ServerSettings::load().storeFile, saved);
    }
    ServerConfig commandLine = TestWindow::config();
    commandLine.storeFile = givenOnCommandLine ? given : ServerSettings::storeFile(given);
    MainWindow window(commandLine);
    QCOMPARE(window.config().storeFile, expected);

    // The settings dialog shows it, and what it edits is saved and used at the next start.
    SettingsDialog dialog;
    dialog.setConfig(window.config());
    auto *field = child<QLineEdit>(&dialog, "storeFile");
    QCOMPARE(QDir::fromNativeSeparators(field->text()), expected);
    child<QPushButton>(&dialog, "noStoreFile")->click();
    QCOMPARE(dialog.config().storeFile, QString());
    field->setText(QStringLiteral("/tmp/x/other.sqlite"));
    QCOMPARE(SettingsDialog::withEditedFields(window.config(), dialog.config()).storeFile,
             QStringLiteral("/tmp/x/other.sqlite"));
    ServerSettings::save(dialog.config());
    QCOMPARE(ServerSettings::storeFile(QStringLiteral("unused")),
             QStringLiteral("/tmp/x/other.sqlite"));
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
