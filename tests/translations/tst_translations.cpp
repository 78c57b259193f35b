#include "console/activityfiltermodel.h"
#include "server/serverevent.h"
#include "tests/common/testwindow.h"
#include "ui/applanguage.h"
#include "ui/chatwindow.h"
#include "ui/frameinspector.h"
#include "ui/mainwindow.h"
#include "ui/notificationdialog.h"
#include "ui/roomhistorydialog.h"
#include "ui/settingsdialog.h"
#include "ui/websocketclientwindow.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSet>
#include <QTabBar>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// One visible string: where it is (class, object name, property) and what it says.
struct Shown
{
    QString where;
    QString text;
};

// Adds text at where to list, unless it is empty.
void add(QList<Shown> *list, const QString &where, const QString &text)
{
    if (!text.trimmed().isEmpty())
        list->append({where, text});
}

// The header texts (and their tool tips) of view's model, both orientations' first sections.
void addHeaders(QList<Shown> *list, const QString &where, const QAbstractItemView *view)
{
    const QAbstractItemModel *model = view->model();
    if (!model)
        return;
    for (int column = 0; column < model->columnCount(); ++column) {
        for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)}) {
            add(list, where + u".header"_s + QString::number(column),
                model->headerData(column, Qt::Horizontal, role).toString());
        }
    }
}

// Every string window shows or tells: titles, labels, buttons, placeholders, tool tips, combo
// box items, tabs, menu titles, header data, and every action's text, icon text and tool tip.
QList<Shown> shownTexts(QWidget *window)
{
    QList<Shown> list;
    add(&list, u"window.title"_s, window->windowTitle());
    const QList<QWidget *> widgets = window->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        const QString where = QString::fromLatin1(widget->metaObject()->className())
            + QLatin1Char('/') + widget->objectName();
        add(&list, where + u".toolTip"_s, widget->toolTip());
        add(&list, where + u".windowTitle"_s,
            widget->isWindow() ? widget->windowTitle() : QString());
        if (auto *label = qobject_cast<QLabel *>(widget))
            add(&list, where + u".text"_s, label->text());
        if (auto *button = qobject_cast<QAbstractButton *>(widget))
            add(&list, where + u".text"_s, button->text());
        if (auto *edit = qobject_cast<QLineEdit *>(widget))
            add(&list, where + u".placeholder"_s, edit->placeholderText());
        if (auto *box = qobject_cast<QGroupBox *>(widget))
            add(&list, where + u".title"_s, box->title());
        if (auto *menu = qobject_cast<QMenu *>(widget))
            add(&list, where + u".title"_s, menu->title());
        if (auto *combo = qobject_cast<QComboBox *>(widget)) {
            for (int i = 0; i < combo->count(); ++i)
                add(&list, where + u".item"_s + QString::number(i), combo->itemText(i));
        }
        if (auto *tabs = qobject_cast<QTabBar *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i) {
                add(&list, where + u".tab"_s + QString::number(i), tabs->tabText(i));
                add(&list, where + u".tabToolTip"_s + QString::number(i), tabs->tabToolTip(i));
            }
        }
        if (auto *view = qobject_cast<QAbstractItemView *>(widget))
            addHeaders(&list, where, view);
    }
    const QList<QAction *> actions = window->findChildren<QAction *>();
    for (QAction *action : actions) {
        const QString where = u"QAction/"_s + action->objectName();
        add(&list, where + u".text"_s, action->text());
        add(&list, where + u".iconText"_s, action->iconText());
        add(&list, where + u".toolTip"_s, action->toolTip());
    }
    return list;
}

// True when text is an event kind ("message", "room_created"): the activity log's Kind column
// and its filter menu show the protocol's type names, as the record file writes them.
bool eventKind(const QString &text)
{
    for (ServerEvent::Kind kind : ActivityFilterModel::allKinds()) {
        if (ServerEvent::kindName(kind) == text)
            return true;
    }
    return false;
}

// True when text may read the same in English and German: no letters (numbers, "%1:%2"),
// a URL, an event kind, or a word of the allow-list (names, and words German borrowed from
// English).
bool sameInBothAllowed(const QString &text)
{
    static const QSet<QString> allowed {
        u"OK"_s,
        u"WebSocket"_s,
        u"wsroom"_s,
        u"Server"_s,
        u"Clients"_s,
        u"Moderation"_s,
        u"Port:"_s,
        u"Browser"_s,
        u"Browser:"_s,
        u"Echo:"_s,
        u"Name"_s,
        u"Text"_s,
        u"English"_s,
        u"Deutsch"_s,
        u"Español"_s,
        u"Text:"_s,
        u"URL:"_s,
        u"Frames"_s,
        u"Handshake"_s,
        u"Opcode"_s,
        u"FIN"_s,
        u"Name:"_s,
        u"Server:"_s,
        u"JSON"_s,
        u"Python (websockets)"_s,
        // The opcodes' names (RFC 6455), as the frame tables show them.
        u"text"_s,
        u"binary"_s,
        u"continuation"_s,
        u"close"_s,
        u"ping"_s,
        u"pong"_s,
        // The permanent rooms' names (the room filter lists them): data, not the interface's.
        u"lobby"_s,
        u"chat"_s,
        u"notifications"_s,
    };
    QString plain = text;
    plain.remove(QLatin1Char('&'));
    plain = plain.trimmed();
    static const QRegularExpression letter(u"\\p{L}"_s);
    // A close code and its name as the protocol library gives them ("1000 Normal closure").
    static const QRegularExpression closeCode(u"^[1-4][0-9]{3} "_s);
    return !letter.match(plain).hasMatch() || plain.contains(u"://"_s) || allowed.contains(plain)
        || eventKind(plain) || closeCode.match(plain).hasMatch();
}

// The mnemonic letter of text ("Se&ttings…": 't'), or a null QChar.
QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) != QLatin1Char('&'))
            return text.at(i + 1).toLower();
        ++i; // "&&" is an ampersand
    }
    return {};
}

// shownTexts() of widget, each place prefixed with name.
QList<Shown> named(const QString &name, QWidget *widget)
{
    QList<Shown> list = shownTexts(widget);
    for (Shown &shown : list)
        shown.where.prepend(name + QLatin1Char(':'));
    return list;
}

// What window shows now and once its server listens, then what its dialogs and the windows it
// opens show: Settings, Notifications, Room History, the Frame Inspector, a chat window
// connected to it and a WebSocket client window.
QList<Shown> texts(MainWindow &window)
{
    QList<Shown> list = named(u"main"_s, &window);
    if (!TestWindow::startServer(window))
        return {};
    list += named(u"listening"_s, &window);
    SettingsDialog settings(&window);
    list += named(u"settings"_s, &settings);
    NotificationDialog notifications(&window);
    list += named(u"notifications"_s, &notifications);
    RoomHistoryDialog history(window.session(), u"lobby"_s, &window);
    list += named(u"history"_s, &history);
    FrameInspector inspector(window.session());
    list += named(u"inspector"_s, &inspector);
    WebSocketClientWindow client({TestWindow::url(window, u"/echo"_s).toString()});
    list += named(u"client"_s, &client);
    ChatWindow chat(TestWindow::url(window, u"/chat"_s));
    list += named(u"chat"_s, &chat);
    return list;
}

} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void languageMenuSaves();
    void windowsAreGerman();
    void germanMnemonicsAreUnique();
};

void tst_Translations::initTestCase()
{
    TestWindow::isolateSettings(u"tst_translations"_s);
}

void tst_Translations::cleanupTestCase()
{
    TestWindow::clearSettings();
}

void tst_Translations::languageMenuSaves()
{
    MainWindow window(TestWindow::config());
    auto *menu = window.findChild<QMenu *>(u"languageMenu"_s);
    QVERIFY(menu);
    QVERIFY2(menu->actions().constFirst()->text().contains(u"next start"_s),
             "the menu says when the choice applies");
    auto *german = window.findChild<QAction *>(u"language_de"_s);
    auto *system = window.findChild<QAction *>(u"language_system"_s);
    QVERIFY(german && system);
    QVERIFY(system->isChecked());
    german->trigger();
    QCOMPARE(AppLanguage::saved(), u"de"_s);
    QCOMPARE(AppLanguage::effective(), u"de"_s);
    system->trigger();
    QCOMPARE(AppLanguage::saved(), QString());
}

void tst_Translations::windowsAreGerman()
{
    QList<Shown> english;
    {
        MainWindow window(TestWindow::config());
        QVERIFY(TestWindow::show(window));
        english = texts(window);
    }
    QVERIFY(!english.isEmpty());

    AppLanguage::save(u"de"_s);
    QCOMPARE(AppLanguage::install(), u"de"_s);
    QList<Shown> german;
    {
        MainWindow window(TestWindow::config());
        QVERIFY(TestWindow::show(window));
        german = texts(window);
    }
    QCOMPARE(german.size(), english.size());
    QStringList untranslated;
    for (qsizetype i = 0; i < english.size(); ++i) {
        QCOMPARE(german.at(i).where, english.at(i).where);
        if (german.at(i).text == english.at(i).text && !sameInBothAllowed(english.at(i).text))
            untranslated.append(english.at(i).where + u": "_s + english.at(i).text);
    }
    untranslated.removeDuplicates();
    for (const QString &line : std::as_const(untranslated))
        qWarning("untranslated: %s", qPrintable(line));
    QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(u'\n')));
}

void tst_Translations::germanMnemonicsAreUnique()
{
    QCOMPARE(AppLanguage::effective(), u"de"_s); // installed by windowsAreGerman
    MainWindow window(TestWindow::config());
    QList<QAction *> bar = window.menuBar()->actions();
    QStringList clashes;
    // The menu bar's titles, then each menu's (and submenu's) items.
    QList<QList<QAction *>> groups {bar};
    for (QMenu *menu : window.menuBar()->findChildren<QMenu *>())
        groups.append(menu->actions());
    for (const QList<QAction *> &group : std::as_const(groups)) {
        QHash<QChar, QString> seen;
        for (const QAction *action : group) {
            if (action->isSeparator() || !action->isVisible())
                continue;
            const QChar key = mnemonic(action->text());
            if (key.isNull())
                continue;
            if (seen.contains(key))
                clashes.append(seen.value(key) + u" / "_s + action->text());
            seen.insert(key, action->text());
        }
    }
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u'\n')));
}

QTEST_MAIN(tst_Translations)
#include "tst_translations.moc"
