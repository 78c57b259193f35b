// The main window on the screens classes have: its minimum size with the share panel and the
// chart, a toolbar without overflow, windows placed wholly on screen, chat windows that follow
// the join code.
#include "client/chatsession.h"
#include "console/roomsmodel.h"
#include "console/serversession.h"
#include "tests/common/testwindow.h"
#include "ui/chatwindow.h"
#include "ui/frameinspector.h"
#include "ui/mainwindow.h"
#include "ui/qrcodewidget.h"
#include "ui/roomsview.h"
#include "ui/sharepanel.h"
#include "ui/windowcascade_p.h"

#include <QAction>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {

constexpr int Timeout = 10000;

template<typename T> T *child(QObject *parent, const char *name)
{
    return parent->findChild<T *>(QString::fromLatin1(name));
}

// The shared window (wsroom --lan) with the live chart showing.
bool showSharedWithChart(MainWindow &window)
{
    if (!TestWindow::show(window))
        return false;
    window.shareOnLocalNetwork();
    if (!QTest::qWaitFor([&window] { return window.sharePanel()->isVisible(); }, Timeout))
        return false;
    auto *dock = child<QDockWidget>(&window, "liveChartDock");
    dock->toggleViewAction()->trigger();
    return dock->isVisible();
}

} // namespace

class tst_MainWindowLayout : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void chartStartsHidden();
    void fitsASmallScreen();
    void namesReadable_data();
    void namesReadable();
    void toolbarFits_data();
    void toolbarFits();
    void noDuplicateButtons();
    void cascadeOnScreen_data();
    void cascadeOnScreen();
    void movedOntoScreen_data();
    void movedOntoScreen();
    void chatWindowDefaultSize();
    void inspectorOnScreen();
    void chatWindowFollowsJoinCode();
};

void tst_MainWindowLayout::initTestCase()
{
    TestWindow::isolateSettings(u"tst_mainwindowlayout"_s);
}

void tst_MainWindowLayout::cleanup()
{
    TestWindow::clearSettings();
}

void tst_MainWindowLayout::chartStartsHidden()
{
    MainWindow window(TestWindow::config());
    QVERIFY(TestWindow::show(window));
    auto *dock = child<QDockWidget>(&window, "liveChartDock");
    QVERIFY(!dock->isVisible());
    QVERIFY(!dock->toggleViewAction()->isChecked());
}

// With the share panel and the chart showing, the window fits 1024x700 (a 1366x768 laptop's
// free area, a 1024x768 projector) and the rooms keep room for more than a few rows.
void tst_MainWindowLayout::fitsASmallScreen()
{
    MainWindow window(TestWindow::config());
    QVERIFY(showSharedWithChart(window));
    const QSize hint = window.minimumSizeHint();
    const QSize minimum = window.minimumSize();
    QVERIFY2(hint.width() <= 1024 && hint.height() <= 700,
             qPrintable(u"minimumSizeHint %1x%2"_s.arg(hint.width()).arg(hint.height())));
    QVERIFY2(minimum.width() <= 1024 && minimum.height() <= 700,
             qPrintable(u"minimumSize %1x%2"_s.arg(minimum.width()).arg(minimum.height())));

    window.resize(1024, 700);
    QTRY_COMPARE(window.size(), QSize(1024, 700));
    auto *rooms = child<QWidget>(&window, "roomsView");
    QVERIFY2(rooms->height() >= 180, qPrintable(QString::number(rooms->height()))); // 8 rows
    QVERIFY(window.sharePanel()->qrCodeWidget()->isVisible());
}

void tst_MainWindowLayout::namesReadable_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<bool>("allDetails");
    QTest::newRow("1024: some details give way") << 1024 << false;
    QTest::newRow("1800: every column") << 1800 << true;
}

// The rooms tree keeps its names readable: detail columns give way (from the right) before the
// name is squeezed under RoomsView::MinimumNameWidth, and come back when there is room.
void tst_MainWindowLayout::namesReadable()
{
    QFETCH(int, width);
    QFETCH(bool, allDetails);
    MainWindow window(TestWindow::config());
    QVERIFY(showSharedWithChart(window));
    window.resize(width, 700);
    QTRY_COMPARE(window.width(), width);
    auto *rooms = child<RoomsView>(&window, "roomsView");
    QTRY_VERIFY(rooms->header()->sectionSize(RoomsModel::NameColumn)
                >= RoomsView::MinimumNameWidth);
    QCOMPARE(!rooms->isColumnHidden(RoomsModel::ConnectedColumn), allDetails);
    QVERIFY(!rooms->isColumnHidden(RoomsModel::MembersColumn));
    bool hidden = false; // once one is hidden, every column right of it is
    for (int column = RoomsModel::MembersColumn; column < RoomsModel::ColumnCount; ++column) {
        QVERIFY(!hidden || rooms->isColumnHidden(column));
        hidden = rooms->isColumnHidden(column);
    }
}

void tst_MainWindowLayout::toolbarFits_data()
{
    QTest::addColumn<int>("width");
    QTest::newRow("1024") << 1024;
    QTest::newRow("960: 1920 at scale 2") << 960;
}

// Every toolbar action has its button: no overflow ("extension") button.
void tst_MainWindowLayout::toolbarFits()
{
    QFETCH(int, width);
    MainWindow window(TestWindow::config());
    QVERIFY(showSharedWithChart(window));
    window.resize(width, 700);
    QTRY_COMPARE(window.width(), width);
    auto *bar = child<QToolBar>(&window, "hostToolBar");
    auto *extension = bar->findChild<QToolButton *>(u"qt_toolbar_ext_button"_s);
    QVERIFY(!extension || !extension->isVisible());
    for (QAction *action : bar->actions()) {
        if (action->isSeparator())
            continue;
        QWidget *button = bar->widgetForAction(action);
        QVERIFY2(button && button->isVisible(), qPrintable(action->objectName()));
        QVERIFY(bar->rect().contains(button->geometry()));
    }
}

// Start and Share are the toolbar's: the server panel has no second pair of buttons.
void tst_MainWindowLayout::noDuplicateButtons()
{
    MainWindow window(TestWindow::config());
    QVERIFY(showSharedWithChart(window));
    const QList<QPushButton *> buttons = window.findChildren<QPushButton *>();
    for (const QPushButton *button : buttons) {
        if (!button->isVisible())
            continue;
        const QString text = button->text().remove(u'&');
        QVERIFY2(!text.startsWith(u"Start"_s) && !text.startsWith(u"Stop"_s)
                     && !text.startsWith(u"Share"_s),
                 qPrintable(text));
    }
}

void tst_MainWindowLayout::cascadeOnScreen_data()
{
    QTest::addColumn<QRect>("available");
    QTest::addColumn<QRect>("frame");
    QTest::addColumn<QSize>("window");
    // Screens with a panel (available geometry), the main window where a host may leave it,
    // and every step of a cascade.
    const QSize chat(560, 520);
    QTest::newRow("1024x700, main window filling it")
        << QRect(0, 0, 1024, 700) << QRect(0, 0, 1024, 700) << chat;
    QTest::newRow("1280x720, main at left")
        << QRect(0, 0, 1280, 696) << QRect(0, 0, 1024, 696) << chat;
    QTest::newRow("1366x768 laptop")
        << QRect(0, 27, 1366, 741) << QRect(100, 27, 1024, 700) << chat;
    QTest::newRow("1920x1080, main centred")
        << QRect(0, 0, 1920, 1040) << QRect(448, 170, 1024, 700) << chat;
    QTest::newRow("second screen to the right")
        << QRect(1920, 0, 1280, 800) << QRect(1920, 0, 1100, 800) << chat;
    QTest::newRow("window larger than the screen")
        << QRect(0, 0, 800, 600) << QRect(0, 0, 800, 600) << QSize(800, 600);
    QTest::newRow("main window off screen")
        << QRect(0, 0, 1280, 720) << QRect(-900, 900, 1024, 700) << chat;
}

// Every window of a cascade (two rounds) is wholly inside the screen's free area.
void tst_MainWindowLayout::cascadeOnScreen()
{
    QFETCH(QRect, available);
    QFETCH(QRect, frame);
    QFETCH(QSize, window);
    for (int step = 0; step < 2 * WindowCascadeLength; ++step) {
        const QRect placed(windowCascadePosition(frame, window, available, step), window);
        QVERIFY2(available.contains(placed),
                 qPrintable(u"step %1 at %2,%3"_s.arg(step).arg(placed.x()).arg(placed.y())));
    }
}

void tst_MainWindowLayout::movedOntoScreen_data()
{
    QTest::addColumn<QList<QRect>>("screens");
    QTest::addColumn<QRect>("frame");
    QTest::addColumn<QRect>("expected");
    const QRect laptop(0, 0, 1366, 741);
    const QRect projector(1366, 0, 1024, 768);
    QTest::newRow("on screen stays")
        << QList<QRect> {laptop} << QRect(10, 10, 800, 600) << QRect(10, 10, 800, 600);
    QTest::newRow("projector gone")
        << QList<QRect> {laptop} << QRect(1400, 40, 1000, 700) << QRect(366, 40, 1000, 700);
    QTest::newRow("too large: shrunk")
        << QList<QRect> {laptop} << QRect(0, 0, 1600, 1000) << QRect(0, 0, 1366, 741);
    QTest::newRow("above the top")
        << QList<QRect> {laptop} << QRect(100, -50, 600, 400) << QRect(100, 0, 600, 400);
    QTest::newRow("mostly on the projector")
        << QList<QRect> {laptop, projector} << QRect(1300, 100, 800, 600)
        << QRect(1366, 100, 800, 600);
    QTest::newRow("on the projector stays")
        << QList<QRect> {laptop, projector} << QRect(1400, 100, 800, 600)
        << QRect(1400, 100, 800, 600);
    QTest::newRow("nowhere: the first screen")
        << QList<QRect> {laptop, projector} << QRect(5000, 5000, 400, 300)
        << QRect(966, 441, 400, 300);
}

void tst_MainWindowLayout::movedOntoScreen()
{
    QFETCH(QList<QRect>, screens);
    QFETCH(QRect, frame);
    QFETCH(QRect, expected);
    const QRect fitted = rectOnScreens(frame, screens);
    QCOMPARE(fitted, expected);
    QVERIFY(std::any_of(screens.begin(), screens.end(),
                        [&fitted](const QRect &s) { return s.contains(fitted); }));
}

// Chat windows open at a size that leaves room for the main window, on its screen.
void tst_MainWindowLayout::chatWindowDefaultSize()
{
    MainWindow window(TestWindow::config());
    QVERIFY(TestWindow::show(window));
    QVERIFY(TestWindow::startServer(window));
    window.openChatWindows(3);
    const QRect available = window.screen()->availableGeometry();
    for (ChatWindow *chat : window.chatWindows()) {
        QVERIFY(chat->width() <= 600 && chat->height() <= 560);
        QVERIFY2(available.contains(chat->frameGeometry()),
                 qPrintable(QDebug::toString(chat->frameGeometry())
                            + u"%1,%2 %3x%4 on %5,%6 %7x%8"_s.arg(chat->x())
                                  .arg(chat->y())
                                  .arg(chat->width())
                                  .arg(chat->height())
                                  .arg(available.x())
                                  .arg(available.y())
                                  .arg(available.width())
                                  .arg(available.height())));
    }
}

// The frame inspector (1100x760 by default) opens wholly on the main window's screen, however
// small (the offscreen screen is smaller than it).
void tst_MainWindowLayout::inspectorOnScreen()
{
    MainWindow window(TestWindow::config());
    QVERIFY(TestWindow::show(window));
    FrameInspector *inspector = window.openFrameInspector();
    QVERIFY(QTest::qWaitForWindowExposed(inspector));
    const QRect available = window.screen()->availableGeometry();
    QVERIFY2(available.contains(inspector->frameGeometry()),
             qPrintable(QDebug::toString(inspector->frameGeometry())));
}

// A chat window opened before the join code was set gets back in after a kick with the code
// set since (it was refused with 1008 until someone edited its URL).
void tst_MainWindowLayout::chatWindowFollowsJoinCode()
{
    MainWindow window(TestWindow::config());
    QVERIFY(TestWindow::show(window));
    QVERIFY(TestWindow::startServer(window));
    ChatWindow *chat = window.openChatWindow();
    QTRY_COMPARE_WITH_TIMEOUT(chat->session()->state(), ChatSession::State::Connected, Timeout);
    QVERIFY(!chat->url().query().contains(u"code="_s));

    window.setJoinCode(u"4821"_s);
    QVERIFY(chat->url().query().contains(u"code=4821"_s));
    QCOMPARE(chat->session()->state(), ChatSession::State::Connected); // not reconnected
    QVERIFY(child<QLineEdit>(chat, "urlEdit")->text().contains(u"code=4821"_s));

    const QString id = chat->self().id;
    QVERIFY(!id.isEmpty());
    window.kickMember(id, u"test"_s);
    QTRY_COMPARE_WITH_TIMEOUT(chat->session()->state(), ChatSession::State::Kicked, Timeout);
    child<QPushButton>(chat, "connectButton")->click(); // Connect again, as the student would
    QTRY_COMPARE_WITH_TIMEOUT(chat->session()->state(), ChatSession::State::Connected, Timeout);

    // A new code later: the window follows again.
    window.setJoinCode(u"7755"_s);
    QVERIFY(chat->url().query().contains(u"code=7755"_s));
}

QTEST_MAIN(tst_MainWindowLayout)
#include "tst_mainwindowlayout.moc"
