#include "console/roomsmodel.h"
#include "tests/common/testclient.h"
#include "tests/common/testwindow.h"
#include "ui/contextmenukeys.h"
#include "ui/mainwindow.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSet>
#include <QTabBar>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int Timeout = 10000;

// The letter after text's mnemonic '&' (lower case), or a null QChar when it has none ("&&" is a
// literal ampersand).
QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) == u'&') {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return QChar();
}

// Where two texts of texts share a mnemonic: "Alt+A: &Add, R&ate"; empty when none do.
QString clashes(const QStringList &texts)
{
    QHash<QChar, QStringList> byLetter;
    for (const QString &text : texts) {
        const QChar letter = mnemonic(text);
        if (!letter.isNull())
            byLetter[letter].append(text);
    }
    QStringList found;
    for (auto it = byLetter.cbegin(); it != byLetter.cend(); ++it) {
        if (it.value().size() > 1)
            found.append(u"Alt+%1: %2"_s.arg(it.key().toUpper(), it.value().join(u", "_s)));
    }
    found.sort();
    return found.join(u"; "_s);
}

// The texts with a mnemonic that window's Alt+letter reaches: its visible buttons, labels with
// a buddy, checkable group boxes, tabs, and its menu bar's menus.
QStringList mnemonicTexts(QWidget *window)
{
    QStringList texts;
    const QList<QWidget *> widgets = window->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (!widget->isVisibleTo(window) || widget->window() != window)
            continue;
        if (auto *button = qobject_cast<QAbstractButton *>(widget))
            texts.append(button->text());
        else if (auto *label = qobject_cast<QLabel *>(widget); label && label->buddy())
            texts.append(label->text());
        else if (auto *box = qobject_cast<QGroupBox *>(widget); box && box->isCheckable())
            texts.append(box->title());
        else if (auto *tabs = qobject_cast<QTabBar *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i)
                texts.append(tabs->tabText(i));
        } else if (auto *bar = qobject_cast<QMenuBar *>(widget)) {
            for (const QAction *action : bar->actions())
                texts.append(action->text());
        }
    }
    return texts;
}

// The visible top-level widgets.
QSet<QWidget *> shownWindows()
{
    QSet<QWidget *> shown;
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (widget->isVisible() && !qobject_cast<QMenu *>(widget))
            shown.insert(widget);
    }
    return shown;
}

} // namespace

class tst_Keyboard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void windows_data();
    void windows();
    void menuBar();
    void contextMenuFromKeyboard_data();
    void contextMenuFromKeyboard();

private:
    ContextMenuKeys m_contextMenuKeys;
};

void tst_Keyboard::initTestCase()
{
    TestWindow::isolateSettings(u"tst_keyboard"_s);
    qApp->installEventFilter(&m_contextMenuKeys);
}

void tst_Keyboard::cleanup()
{
    TestWindow::clearSettings();
}

void tst_Keyboard::windows_data()
{
    QTest::addColumn<QString>("action"); // the main window's action that opens it
    QTest::addColumn<bool>("acceptsWithEnter"); // it has an OK-like button: one is the default
    QTest::newRow("settings") << u"actionSettings"_s << true;
    QTest::newRow("notifications") << u"actionNotify"_s << true;
    QTest::newRow("room history") << u"actionRoomHistory"_s << false;
    QTest::newRow("add simulated clients") << u"actionAddSimulated"_s << true;
    QTest::newRow("create room prompt") << u"actionCreateRoom"_s << true;
    QTest::newRow("system message prompt") << u"actionSystemMessage"_s << true;
    QTest::newRow("open several prompt") << u"actionOpenSeveral"_s << true;
    QTest::newRow("export session") << u"actionExportSession"_s << false;
    QTest::newRow("protocol reference") << u"actionProtocol"_s << false;
    QTest::newRow("chat window") << u"actionNewChat"_s << false;
    QTest::newRow("websocket client") << u"actionNewWebSocketClient"_s << false;
    QTest::newRow("frame inspector") << u"actionFrameInspector"_s << false;
}

void tst_Keyboard::windows()
{
    QFETCH(QString, action);
    QFETCH(bool, acceptsWithEnter);
    MainWindow window(TestWindow::config());
    QVERIFY(TestWindow::show(window));
    QVERIFY(TestWindow::startServer(window));
    const QSet<QWidget *> before = shownWindows();
    auto *trigger = window.findChild<QAction *>(action);
    QVERIFY(trigger);
    QVERIFY2(trigger->isEnabled(), qPrintable(action));
    trigger->trigger();
    QWidget *opened = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QSet<QWidget *> now = shownWindows() - before;
            opened = now.isEmpty() ? nullptr : *now.cbegin();
            return opened != nullptr;
        }(),
        Timeout);
    QVERIFY(QTest::qWaitForWindowExposed(opened));
    const QString problems = clashes(mnemonicTexts(opened));
    QVERIFY2(problems.isEmpty(),
             qPrintable(opened->windowTitle() + u": two share a mnemonic: "_s + problems));
    if (acceptsWithEnter) {
        bool hasDefault = false;
        for (const QPushButton *button : opened->findChildren<QPushButton *>())
            hasDefault = hasDefault || (button->isDefault() && button->isVisibleTo(opened));
        QVERIFY2(hasDefault, qPrintable(opened->windowTitle() + u" has no default button"_s));
    }
    // Its own windows (the export's file dialog is modal: rejected).
    if (auto *dialog = qobject_cast<QDialog *>(opened))
        dialog->reject();
    opened->close();
}

void tst_Keyboard::menuBar()
{
    MainWindow window(TestWindow::config());
    QVERIFY(TestWindow::show(window));
    QStringList titles;
    const QList<QAction *> menus = window.menuBar()->actions();
    QVERIFY(menus.size() >= 5);
    for (const QAction *menuAction : menus) {
        titles.append(menuAction->text());
        QVERIFY2(!mnemonic(menuAction->text()).isNull(), qPrintable(menuAction->text()));
        QMenu *menu = menuAction->menu();
        QVERIFY(menu);
        QStringList items;
        for (const QAction *item : menu->actions()) {
            if (item->isSeparator() || !item->isVisible())
                continue;
            items.append(item->text());
            if (item->menu()) { // a submenu's items share their own letters
                QStringList subItems;
                for (const QAction *subItem : item->menu()->actions()) {
                    if (!subItem->isSeparator() && subItem->isVisible())
                        subItems.append(subItem->text());
                }
                const QString problems = clashes(subItems);
                QVERIFY2(problems.isEmpty(), qPrintable(item->text() + u": "_s + problems));
            }
        }
        const QString problems = clashes(items);
        QVERIFY2(problems.isEmpty(), qPrintable(menuAction->text() + u": "_s + problems));
    }
    const QString problems = clashes(titles);
    QVERIFY2(problems.isEmpty(), qPrintable(u"the menu bar: "_s + problems));
}

void tst_Keyboard::contextMenuFromKeyboard_data()
{
    QTest::addColumn<QString>("view"); // which view has the focus
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("modifiers");
    for (const QString &view :
         {u"rooms"_s, u"activity log"_s, u"chat rooms"_s, u"frames"_s, u"line edit"_s}) {
        QTest::addRow("%s, Shift+F10", qPrintable(view))
            << view << int(Qt::Key_F10) << int(Qt::ShiftModifier);
        QTest::addRow("%s, Menu key", qPrintable(view))
            << view << int(Qt::Key_Menu) << int(Qt::NoModifier);
    }
}

void tst_Keyboard::contextMenuFromKeyboard()
{
    QFETCH(QString, view);
    QFETCH(int, key);
    QFETCH(int, modifiers);
    MainWindow window(TestWindow::config());
    QVERIFY(TestWindow::show(window));
    QVERIFY(TestWindow::startServer(window));
    TestClient ada;
    QVERIFY(ada.openNative(TestWindow::url(window, u"/chat?name=ada"_s)));
    QTRY_COMPARE_WITH_TIMEOUT(window.roomsModel()->memberIds().size(), 1, Timeout);

    QWidget *target = nullptr;
    if (view == "rooms"_L1) {
        auto *rooms = window.findChild<QTreeView *>(u"roomsView"_s);
        QVERIFY(rooms);
        const QModelIndex lobby = window.roomsModel()->roomIndex(u"lobby"_s);
        rooms->setCurrentIndex(lobby);
        target = rooms;
    } else if (view == "activity log"_L1) {
        auto *log = window.findChild<QTableView *>(u"activityView"_s);
        QVERIFY(log);
        QTRY_VERIFY_WITH_TIMEOUT(log->model()->rowCount() > 0, Timeout);
        log->setCurrentIndex(log->model()->index(0, 0));
        target = log;
    } else if (view == "frames"_L1) {
        window.findChild<QAction *>(u"actionFrameInspector"_s)->trigger();
        QTableView *frames = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (QWidget *w : QApplication::topLevelWidgets()) {
                    if (w != &window && w->isVisible()
                        && (frames = w->findChild<QTableView *>(u"frameTable"_s)))
                        return true;
                }
                return false;
            }(),
            Timeout);
        target = frames;
    } else if (view == "chat rooms"_L1) {
        window.findChild<QAction *>(u"actionNewChat"_s)->trigger();
        QListWidget *list = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (QWidget *w : QApplication::topLevelWidgets()) {
                    if (w != &window && w->isVisible()
                        && (list = w->findChild<QListWidget *>(u"roomsList"_s)))
                        return list->count() > 0;
                }
                return false;
            }(),
            Timeout);
        list->setCurrentRow(0);
        target = list;
    } else {
        target = window.findChild<QLineEdit *>();
        QVERIFY(target);
    }
    target->window()->activateWindow();
    target->setFocus(Qt::OtherFocusReason);
    QTRY_VERIFY_WITH_TIMEOUT(target->hasFocus(), Timeout);
    QVERIFY(!QApplication::activePopupWidget());
    // A menu may run its own loop (exec()): a timer sees it, notes it and closes it.
    QPoint menuPos;
    int menuActions = -1;
    QTimer watcher;
    watcher.setInterval(20);
    connect(&watcher, &QTimer::timeout, &watcher, [&] {
        if (auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())) {
            menuPos = menu->pos();
            menuActions = int(menu->actions().size());
            menu->close();
        }
    });
    watcher.start();
    QTest::keyClick(target, Qt::Key(key), Qt::KeyboardModifiers(modifiers));
    QTRY_VERIFY_WITH_TIMEOUT(menuActions >= 0, Timeout);
    QVERIFY(menuActions > 0);
    // It opens by the current item, inside the view, not at the mouse.
    const QRect area(target->mapToGlobal(QPoint(0, 0)), target->size());
    QVERIFY2(area.adjusted(-4, -4, 4, 4).contains(menuPos),
             qPrintable(u"menu at %1,%2"_s.arg(menuPos.x()).arg(menuPos.y())));
    if (target->window() != &window)
        target->window()->close();
}

QTEST_MAIN(tst_Keyboard)
#include "tst_keyboard.moc"
