// Stop, Quit and closing the main window ask before they drop the class, only while members are
// connected, and not once the host ticked "Don't ask again"; closing closes every window; SIGTERM
// and SIGINT close without asking.
#include "app/signalwatcher.h"
#include "console/roomsmodel.h"
#include "console/serversession.h"
#include "tests/common/testwindow.h"
#include "ui/chatwindow.h"
#include "ui/clientwindows.h"
#include "ui/disconnectguard.h"
#include "ui/frameinspector.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

namespace {

constexpr int Timeout = 10000;

// The open question, or nullptr.
QMessageBox *question()
{
    auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
    return box && box->objectName() == u"disconnectQuestion"_s ? box : nullptr;
}

// Clicks the question's button called name ("stopServerButton", or the Cancel button).
void answer(QMessageBox *box, bool stop)
{
    QAbstractButton *button = stop ? box->findChild<QPushButton *>(u"stopServerButton"_s)
                                   : box->button(QMessageBox::Cancel);
    QVERIFY(button);
    button->click();
}

// window listening with n chat windows in (n members).
bool startWithMembers(MainWindow &window, int n)
{
    if (!TestWindow::show(window) || !TestWindow::startServer(window))
        return false;
    window.openChatWindows(n);
    return QTest::qWaitFor([&] { return window.roomsModel()->memberIds().size() == n; }, Timeout);
}

} // namespace

class tst_DisconnectGuard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void stopWithoutMembersAsksNothing();
    void stopAsksWithMembers();
    void dontAskAgainIsRemembered();
    void quitAsks();
    void closeClosesEveryWindow();
    void signalClosesWithoutAsking_data();
    void signalClosesWithoutAsking();
};

void tst_DisconnectGuard::initTestCase()
{
    TestWindow::isolateSettings(u"tst_disconnectguard"_s);
}

void tst_DisconnectGuard::cleanup()
{
    TestWindow::clearSettings();
}

void tst_DisconnectGuard::stopWithoutMembersAsksNothing()
{
    MainWindow window(TestWindow::config());
    QVERIFY(startWithMembers(window, 0));
    window.findChild<QAction *>(u"actionStartStop"_s)->trigger();
    QVERIFY(!question());
    QTRY_COMPARE_WITH_TIMEOUT(window.session()->state(), ServerSession::State::Stopped, Timeout);
}

void tst_DisconnectGuard::stopAsksWithMembers()
{
    MainWindow window(TestWindow::config());
    QVERIFY(startWithMembers(window, 2));
    auto *startStop = window.findChild<QAction *>(u"actionStartStop"_s);
    startStop->trigger();
    QTRY_VERIFY(question());
    QCOMPARE(question()->text(),
             u"2 members are connected. Stop the server and disconnect them?"_s);
    answer(question(), false); // Cancel: the class stays
    QTRY_VERIFY(!question());
    QVERIFY(window.isListening());
    QCOMPARE(window.roomsModel()->memberIds().size(), 2);

    startStop->trigger();
    QTRY_VERIFY(question());
    answer(question(), true);
    QTRY_COMPARE_WITH_TIMEOUT(window.session()->state(), ServerSession::State::Stopped, Timeout);
    QVERIFY(DisconnectGuard::asks()); // not ticked: it asks next time
}

void tst_DisconnectGuard::dontAskAgainIsRemembered()
{
    auto *window = new MainWindow(TestWindow::config());
    QVERIFY(startWithMembers(*window, 1));
    auto *ask = window->findChild<QAction *>(u"actionAskBeforeDisconnecting"_s);
    QVERIFY(ask->isChecked());
    window->findChild<QAction *>(u"actionStartStop"_s)->trigger();
    QTRY_VERIFY(question());
    question()->checkBox()->setChecked(true);
    answer(question(), true);
    QTRY_COMPARE_WITH_TIMEOUT(window->session()->state(), ServerSession::State::Stopped, Timeout);
    QVERIFY(!DisconnectGuard::asks());
    QVERIFY(!ask->isChecked());
    delete window;

    // Another window (the next run) stops at once, members or not.
    MainWindow again(TestWindow::config());
    QVERIFY(startWithMembers(again, 1));
    auto *askAgain = again.findChild<QAction *>(u"actionAskBeforeDisconnecting"_s);
    QVERIFY(!askAgain->isChecked());
    again.findChild<QAction *>(u"actionStartStop"_s)->trigger();
    QVERIFY(!question());
    QTRY_COMPARE_WITH_TIMEOUT(again.session()->state(), ServerSession::State::Stopped, Timeout);

    // Server › Ask Before Disconnecting Members brings the question back.
    askAgain->setChecked(true);
    QVERIFY(DisconnectGuard::asks());
}

void tst_DisconnectGuard::quitAsks()
{
    MainWindow window(TestWindow::config());
    QVERIFY(startWithMembers(window, 1));
    auto *quit = window.findChild<QAction *>(u"actionQuit"_s);
    QCOMPARE(quit->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->trigger();
    QTRY_VERIFY(question());
    QVERIFY(window.isVisible());
    answer(question(), false);
    QTRY_VERIFY(!question());
    QVERIFY(window.isVisible());
    QVERIFY(window.isListening());
}

void tst_DisconnectGuard::closeClosesEveryWindow()
{
    MainWindow window(TestWindow::config());
    QVERIFY(startWithMembers(window, 2));
    QPointer<FrameInspector> inspector = window.openFrameInspector();
    QVERIFY(window.clientWindows()->open());
    QCOMPARE(window.clientWindows()->windows().size(), 1);

    window.close();
    QTRY_VERIFY(question());
    QVERIFY(window.isVisible()); // nothing closed before the answer
    QCOMPARE(window.chatWindows().size(), 2);
    answer(question(), true);
    QTRY_VERIFY(!window.isVisible());
    QTRY_VERIFY(window.chatWindows().isEmpty());
    QTRY_VERIFY(!inspector || !inspector->isVisible());
    QTRY_VERIFY(window.clientWindows()->windows().isEmpty());
    // Nothing of the app is left on screen: the process ends with the last window.
    auto anyShown = [] {
        const QWidgetList windows = QApplication::topLevelWidgets();
        return std::any_of(windows.cbegin(), windows.cend(),
                           [](const QWidget *w) { return w->isVisible(); });
    };
    QTRY_VERIFY(!anyShown());
}

void tst_DisconnectGuard::signalClosesWithoutAsking_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::addColumn<bool>("questionOpen"); // the host had closed the window: it was asking
    QTest::newRow("SIGTERM") << int(SIGTERM) << false;
    QTest::newRow("SIGINT") << int(SIGINT) << false;
    QTest::newRow("SIGTERM while the question is open") << int(SIGTERM) << true;
}

void tst_DisconnectGuard::signalClosesWithoutAsking()
{
    // SIGTERM and SIGINT come from a logout, a kill or Ctrl+C: nobody is at the window to
    // answer, so it closes at once, members or not, and every window with it. Wired as
    // app/main.cpp wires them, the signal raised for real.
    QFETCH(int, signalNumber);
    QFETCH(bool, questionOpen);
    MainWindow window(TestWindow::config());
    QVERIFY(startWithMembers(window, 2));
    SignalWatcher watcher;
    connect(&watcher, &SignalWatcher::terminationRequested, &window,
            &MainWindow::closeWithoutAsking);
    if (questionOpen) {
        window.close();
        QTRY_VERIFY(question());
    }
    QCOMPARE(::raise(signalNumber), 0);
    QTRY_VERIFY(!window.isVisible());
    QVERIFY(!question());
    QTRY_VERIFY(window.chatWindows().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(window.session()->state(), ServerSession::State::Stopped, Timeout);
}

QTEST_MAIN(tst_DisconnectGuard)
#include "tst_disconnectguard.moc"
