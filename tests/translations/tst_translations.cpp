#include "console/activityfiltermodel.h"
#include "console/activitylogmodel.h"
#include "server/hosttext.h"
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
#include <QTcpServer>

#include <QTest>
#include <algorithm>

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

// True when text may read the same in English and German: no letters (numbers, "%1:%2"),
// a URL, or a word of the allow-list (names, and words German borrowed from
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
        || closeCode.match(plain).hasMatch();
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
    void failedStartIsGerman();
    void activityIsGerman();
    void serverSentencesAreGerman();
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

void tst_Translations::failedStartIsGerman()
{
    AppLanguage::save(u"de"_s);
    QCOMPARE(AppLanguage::install(), u"de"_s);
    QTcpServer busy;
    QVERIFY(busy.listen(QHostAddress::LocalHost, 0));
    ServerConfig config = TestWindow::config();
    config.port = busy.serverPort();
    MainWindow window(config);
    QVERIFY(TestWindow::show(window));
    window.startServer();
    // server/ wrote "port N is already in use on 127.0.0.1"; the server panel says it in German.
    const QString expected = u"Port %1 auf 127.0.0.1 ist schon belegt"_s.arg(busy.serverPort());
    const auto shown = [&window, &expected] {
        const QList<QLabel *> labels = window.findChildren<QLabel *>();
        return std::any_of(labels.cbegin(), labels.cend(), [&expected](const QLabel *label) {
            return label->isVisible() && label->text().contains(expected);
        });
    };
    QVERIFY2(QTest::qWaitFor(shown, 10000), qPrintable(expected));
}

void tst_Translations::activityIsGerman()
{
    AppLanguage::save(u"de"_s);
    QCOMPARE(AppLanguage::install(), u"de"_s);
    using E = ServerEvent;
    const MemberIdentity bob {u"m1"_s, u"bob"_s, Dialect::Native};
    const ServerEventList events {
        E(E::Connected {bob, u"127.0.0.1"_s}),
        E(E::Disconnected {bob, 1000, QString()}),
        E(E::Joined {bob, u"lobby"_s}),
        E(E::Left {bob, u"lobby"_s}),
        E(E::Renamed {bob, u"rob"_s}),
        E(E::Message {bob, u"lobby"_s, u"hi"_s, 1}),
        E(E::Direct {bob, u"ann"_s, u"hi"_s}),
        E(E::Notification {u"hi"_s, 2}),
        E(E::RoomCreated {u"lobby"_s}),
        E(E::RoomRemoved {u"lobby"_s, 0}),
        E(E::Error {bob, u"name_taken"_s, u"the name \"ann\" is in use"_s, u"ann"_s}),
        E(E::Dropped {3}),
        E(E::Warning {u"the store /tmp/rooms.db is written again"_s}),
        E(E::Refused {u"127.0.0.1"_s, u"origin"_s, 1}),
        E(E::Kicked {bob, u"spam"_s, false}),
        E(E::Muted {bob, true}),
        E(E::RoomLocked {u"lobby"_s, true})};
    ActivityLogModel model;
    model.appendEvents(events);
    QCOMPARE(model.rowCount(), int(ActivityFilterModel::allKinds().size()));
    for (int row = 0; row < model.rowCount(); ++row) {
        // The English label is the record's name (room_created: "room created").
        const QString english = E::kindName(events.at(row).kind()).replace(u'_', u' ');
        const QString kind = model.index(row, ActivityLogModel::KindColumn).data().toString();
        QVERIFY2(!kind.isEmpty() && kind != english, qPrintable(english));
    }
    const auto text = [&model](E::Kind kind) {
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.eventAt(row).kind() == kind)
                return model.index(row, ActivityLogModel::TextColumn).data().toString();
        }
        return QString();
    };
    QCOMPARE(text(E::Kind::Error), u"der Name „ann“ ist schon vergeben"_s);
    // The tooltip keeps the server's sentence, as it was sent.
    const int errorRow = 10; // the rows are the events, in order
    QCOMPARE(model.eventAt(errorRow).kind(), E::Kind::Error);
    QCOMPARE(model.index(errorRow, ActivityLogModel::TextColumn).data(Qt::ToolTipRole).toString(),
             u"der Name „ann“ ist schon vergeben\n\nname_taken: the name \"ann\" is in use"_s);
    // Without a subject, the words alone; with one, each code that has a sentence for it names it.
    QCOMPARE(ActivityLogModel::errorText(u"name_taken"_s, QString(), u"x"_s),
             u"der Name ist schon vergeben"_s);
    QCOMPARE(ActivityLogModel::errorText(u"not_in_room"_s, u"den"_s, u"x"_s),
             u"das Mitglied ist nicht im Raum „den“"_s);
    QCOMPARE(ActivityLogModel::errorText(u"no_such_member"_s, u"zed"_s, u"x"_s),
             u"kein Mitglied „zed“ ist verbunden"_s);
    QCOMPARE(text(E::Kind::Warning), u"die Ablage /tmp/rooms.db wird wieder beschrieben"_s);
    // A code this build does not know: the server's own words.
    QCOMPARE(ActivityLogModel::errorText(u"new_code"_s, QString(), u"something new"_s),
             u"something new"_s);
    // The kinds menu of the activity pane, in German too.
    MainWindow window(TestWindow::config());
    QStringList menu;
    for (const QMenu *m : window.findChildren<QMenu *>()) {
        for (const QAction *action : m->actions())
            menu.append(action->text());
    }
    QVERIFY(menu.contains(u"Fehler"_s));
    QVERIFY(!menu.contains(u"error"_s));
}

void tst_Translations::serverSentencesAreGerman()
{
    AppLanguage::save(u"de"_s);
    QCOMPARE(AppLanguage::install(), u"de"_s);
    // Every sentence of server/ has its German.
    for (const char *sentence : HostText::all()) {
        QVERIFY2(QCoreApplication::translate("HostText", sentence) != HostText::english(sentence),
                 sentence);
    }
    // A sentence inside a sentence is translated too; what is not a sentence stays as it is.
    const QString why = HostText::english(HostText::NotAStore);
    const QString english = HostText::english(HostText::StoreMovedAside)
                                .arg(u"/tmp/a.db"_s, why, u"/tmp/a.db.damaged-1"_s);
    QCOMPARE(HostText::translated(english),
             u"die Ablage /tmp/a.db ist nicht brauchbar (sie ist keine wsroom-Ablage): nach "
             "/tmp/a.db.damaged-1 verschoben, eine neue Ablage beginnt"_s);
    QCOMPARE(HostText::translated(u"disk I/O error"_s), u"disk I/O error"_s);
}

QTEST_MAIN(tst_Translations)
#include "tst_translations.moc"
