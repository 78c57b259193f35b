// ChatWindow against a real server on loopback: what people see and do in two or three windows.

#include "client/chatclient.h"
#include "client/chathistorypager.h"
#include "client/chatlogmodel.h"
#include "client/chatsession.h"
#include "protocol/nativerequest.h"
#include "server/roommanager.h"
#include "server/serverconfig.h"
#include "server/serverhost.h"
#include "tests/common/frametext.h"
#include "tests/common/roomhistory.h"
#include "tests/common/testclient.h"
#include "tests/common/testserver.h"
#include "ui/chatlogrenderer.h"
#include "ui/chatlogview.h"
#include "ui/chatwindow.h"
#include "ui/desktopnotifier.h"
#include "ui/messageinput.h"
#include "ui/messagesizemeter.h"

#include <memory>

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDesktopServices>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTimer>
#include <QWheelEvent>

using namespace Qt::StringLiterals;

namespace {

constexpr int Timeout = 10000;
// A restart waits out the reconnection backoff (1 s, 2 s, 4 s...) on top of the server's stop.
constexpr int RestartTimeout = 20000;

template<typename T> T *part(const ChatWindow *window, const char *name)
{
    T *widget = window->findChild<T *>(QLatin1String(name));
    if (!widget)
        qFatal("the chat window has no %s", name);
    return widget;
}

QString viewText(const ChatWindow *window)
{
    return part<QTextBrowser>(window, "messageView")->toPlainText();
}

QString stateText(const ChatWindow *window)
{
    return part<QLabel>(window, "stateLabel")->text();
}

QStringList itemTexts(const QListWidget *list)
{
    QStringList texts;
    for (int i = 0; i < list->count(); ++i)
        texts.append(list->item(i)->text());
    return texts;
}

QStringList members(const ChatWindow *window)
{
    return itemTexts(part<QListWidget>(window, "membersList"));
}

QStringList rooms(const ChatWindow *window)
{
    return itemTexts(part<QListWidget>(window, "roomsList"));
}

// Types a line into the window's input and presses Enter, as a person would.
void say(ChatWindow *window, const QString &text)
{
    auto *input = part<MessageInput>(window, "input");
    QTest::keyClicks(input, text);
    QTest::keyClick(input, Qt::Key_Return);
}

// Replaces a line edit's text by typing, then presses Enter.
void enter(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

// The line at the top of the message view, as the reader sees it.
QString topLine(const ChatWindow *window)
{
    auto *view = part<QTextBrowser>(window, "messageView");
    return view->cursorForPosition(QPoint(0, 0)).block().text();
}

// True when the line of the selected message is within the message view's viewport.
bool selectionInView(const ChatWindow *window)
{
    auto *view = part<QTextBrowser>(window, "messageView");
    const QRect line = view->cursorRect(view->textCursor());
    return view->viewport()->rect().intersects(line);
}

int messageFramesIn(const QSignalSpy &sent)
{
    int count = 0;
    for (const QList<QVariant> &args : sent) {
        const QJsonObject frame = QJsonDocument::fromJson(args.at(0).toString().toUtf8()).object();
        if (frame.value("type"_L1).toString() == "message"_L1)
            ++count;
    }
    return count;
}

using FrameText::frameBytes;
using FrameText::SmallLimit;
using FrameText::textOfFrame;

// The ref of the last frame the client sent.
qint64 lastRef(const QSignalSpy &sent)
{
    const QString frame = sent.last().at(0).toString();
    return QJsonDocument::fromJson(frame.toUtf8()).object().value("ref"_L1).toInteger();
}

// The frames of one type among those sent.
QStringList framesOfType(const QSignalSpy &sent, const QString &type)
{
    QStringList frames;
    for (const QList<QVariant> &args : sent) {
        const QString frame = args.at(0).toString();
        if (QJsonDocument::fromJson(frame.toUtf8()).object().value("type"_L1).toString() == type)
            frames.append(frame);
    }
    return frames;
}

} // namespace

class tst_ChatWindow final : public QObject
{
    Q_OBJECT

public slots:
    // QDesktopServices' handler for http and https in these tests: records instead of opening.
    void recordOpened(const QUrl &url) { m_opened.append(url); }

private slots:
    void init();
    void cleanup();

    void connectsAndShowsState();
    void enterSendsToBothWindows();
    void shiftEnterInsertsNewline();
    void htmlStaysText();
    void historyShownAsEarlier();
    void renameShowsNoticeAndMembers();
    void renameToTakenNameIsAnError();
    void joinAndLeaveRoom();
    void unreadBadge();
    void noticesCanBeHidden();
    void typingIndicator();
    void directMessage();
    void serverStopAndRestart();
    void userDisconnectStopsRetrying();
    void kickedDoesNotReconnect();
    void nameWithUrlCharacters();
    void ctrlWCloses();
    void badUrlIsExplained();
    void floodShowsEveryLineInOrder();
    void joinFloodShowsEveryMember();
    void scrollingToTheTopLoadsOlderPages();
    void searchListsAndShowsMatches();
    void searchRefusalIsShownInTheBox_data();
    void searchRefusalIsShownInTheBox();
    void messageAtTheLimit_data();
    void messageAtTheLimit();
    void linksOpenOnlyForTheWeb();
    void copyMessageAndSelection();
    void viewStaysAtTheBottomAsTheInputGrows();
    void sizeCounterWarnsAndDisablesSend();
    void hostMessagesCarryTheBadge();
    void mentionsHighlightAndNotify();

private:
    QUrl chatUrl(const QString &name = QString()) const;
    // Opens a window named `name` in lobby and waits until it is connected and has joined.
    std::unique_ptr<ChatWindow> openWindow(const QString &name);
    // Two windows, alice and bob, both in lobby and seeing each other.
    bool openPair();
    // Restarts the server keeping enough history, posts count messages to lobby, and opens a
    // window as reader; nullptr if a step failed.
    std::unique_ptr<ChatWindow> openOnLongHistory(int count);

    TestServer m_server;
    QList<QUrl> m_opened; // what QDesktopServices was asked to open
    std::unique_ptr<ChatWindow> m_alice;
    std::unique_ptr<ChatWindow> m_bob;
};

void tst_ChatWindow::init()
{
    m_opened.clear();
    QDesktopServices::setUrlHandler(u"http"_s, this, "recordOpened");
    QDesktopServices::setUrlHandler(u"https"_s, this, "recordOpened");
    m_server.init();
    QVERIFY(m_server.start());
}

void tst_ChatWindow::cleanup()
{
    QDesktopServices::unsetUrlHandler(u"http"_s);
    QDesktopServices::unsetUrlHandler(u"https"_s);
    m_alice.reset();
    m_bob.reset();
    m_server.cleanup();
}

QUrl tst_ChatWindow::chatUrl(const QString &name) const
{
    QUrl url;
    url.setScheme(u"ws"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_server.port());
    url.setPath(u"/chat"_s);
    // Encoded by hand: QUrlQuery leaves "+" alone, which the server reads as a space.
    if (!name.isEmpty())
        url.setQuery("name="_L1 + QString::fromLatin1(QUrl::toPercentEncoding(name)));
    return url;
}

std::unique_ptr<ChatWindow> tst_ChatWindow::openWindow(const QString &name)
{
    auto window = std::make_unique<ChatWindow>(chatUrl(name));
    window->show();
    const bool ok = QTest::qWaitFor(
        [&] {
            return stateText(window.get()) == "Connected as "_L1 + name
                && window->currentRoom() == "lobby"_L1;
        },
        Timeout);
    if (!ok)
        qWarning("%s did not get into lobby: %s", qPrintable(name),
                 qPrintable(stateText(window.get())));
    return window;
}

bool tst_ChatWindow::openPair()
{
    m_alice = openWindow(u"alice"_s);
    m_bob = openWindow(u"bob"_s);
    return QTest::qWaitFor(
        [this] { return members(m_alice.get()).size() == 2 && members(m_bob.get()).size() == 2; },
        Timeout);
}

void tst_ChatWindow::connectsAndShowsState()
{
    QVERIFY(openPair());
    QCOMPARE(stateText(m_alice.get()), u"Connected as alice"_s);
    QCOMPARE(stateText(m_bob.get()), u"Connected as bob"_s);
    QCOMPARE(m_alice->self().name, u"alice"_s);
    QVERIFY(!m_alice->self().id.isEmpty());
    QCOMPARE(m_alice->currentRoom(), u"lobby"_s);
    QCOMPARE(rooms(m_alice.get()), QStringList {u"lobby"_s});
    QCOMPARE(m_alice->windowTitle(), u"wsroom chat — alice in lobby"_s);
    QCOMPARE(part<QLineEdit>(m_alice.get(), "nameEdit")->text(), u"alice"_s);
    QCOMPARE(part<QPushButton>(m_alice.get(), "connectButton")->text(), u"Disconnect"_s);
    // The name moved from the url to the name field; the url field shows the server.
    QVERIFY(!part<QLineEdit>(m_alice.get(), "urlEdit")->text().contains("name="_L1));
    QCOMPARE(m_alice->url().port(), int(m_server.port()));
    QCOMPARE(members(m_alice.get()), (QStringList {u"alice (you)"_s, u"bob"_s}));
    QCOMPARE(members(m_bob.get()), (QStringList {u"alice"_s, u"bob (you)"_s}));
    // alice saw bob come in.
    QTRY_VERIFY_WITH_TIMEOUT(viewText(m_alice.get()).contains("bob joined"_L1), Timeout);
}

void tst_ChatWindow::enterSendsToBothWindows()
{
    QVERIFY(openPair());
    say(m_alice.get(), u"hello"_s);
    QTRY_VERIFY_WITH_TIMEOUT(viewText(m_bob.get()).contains("alice  hello"_L1), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(viewText(m_alice.get()).contains("alice  hello"_L1), Timeout);
    QVERIFY(part<MessageInput>(m_alice.get(), "input")->toPlainText().isEmpty());

    // The Send button does the same as Enter.
    QTest::keyClicks(part<MessageInput>(m_bob.get(), "input"), u"hi alice"_s);
    QTest::mouseClick(part<QPushButton>(m_bob.get(), "sendButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(viewText(m_alice.get()).contains("bob  hi alice"_L1), Timeout);
    // The time is local HH:mm.
    const QString line = viewText(m_alice.get()).split(u'\n').filter("bob  hi alice"_L1).value(0);
    QVERIFY2(QRegularExpression(u"^\\d\\d:\\d\\d"_s).match(line).hasMatch(), qPrintable(line));
}

void tst_ChatWindow::shiftEnterInsertsNewline()
{
    QVERIFY(openPair());
    auto *input = part<MessageInput>(m_alice.get(), "input");
    QSignalSpy sent(m_alice->client(), &ChatClient::frameSent);
    QTest::keyClicks(input, u"line one"_s);
    QTest::keyClick(input, Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClicks(input, u"line two"_s);
    QCOMPARE(input->toPlainText(), u"line one\nline two"_s);
    QCOMPARE(messageFramesIn(sent), 0);
    // The box grew to show both lines.
    QVERIFY(input->sizeHint().height() > input->fontMetrics().lineSpacing() * 2);

    QTest::keyClick(input, Qt::Key_Return);
    QCOMPARE(messageFramesIn(sent), 1);
    QVERIFY(input->toPlainText().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(viewText(m_bob.get()).contains("alice  line one\nline two"_L1),
                             Timeout);
}

void tst_ChatWindow::htmlStaysText()
{
    QVERIFY(openPair());
    const QString html = u"<b>x</b> <img src=x> &amp; <a href=\"http://e\">link</a>"_s;
    say(m_alice.get(), html);
    QTRY_VERIFY_WITH_TIMEOUT(viewText(m_bob.get()).contains(html), Timeout);
    QVERIFY(viewText(m_alice.get()).contains(html));
    const QString rendered = part<QTextBrowser>(m_bob.get(), "messageView")->toHtml();
    QVERIFY(!rendered.contains("<img"_L1));
    // The typed tag stays text; only the http URL in it is a link, to itself.
    QVERIFY(rendered.contains("&lt;a href=&quot;"_L1));
    QCOMPARE(rendered.count("<a href"_L1), 1);
    QVERIFY(rendered.contains("<a href=\"http://e\""_L1));
    QVERIFY(rendered.contains("&lt;b&gt;x&lt;/b&gt;"_L1));

    // Names are text too, in the view, the member list and the typing line.
    auto carol = openWindow(u"<i>carol</i>"_s);
    QTRY_VERIFY_WITH_TIMEOUT(viewText(m_bob.get()).contains("<i>carol</i> joined"_L1), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(members(m_bob.get()).contains("<i>carol</i>"_L1), Timeout);
    QTest::keyClicks(part<MessageInput>(carol.get(), "input"), u"typing"_s);
    QTRY_COMPARE_WITH_TIMEOUT(part<QLabel>(m_bob.get(), "typingLabel")->text(),
                              u"<i>carol</i> is typing…"_s, Timeout);
    QCOMPARE(part<QLabel>(m_bob.get(), "typingLabel")->textFormat(), Qt::PlainText);
}

void tst_ChatWindow::historyShownAsEarlier()
{
    QVERIFY(openPair());
    say(m_alice.get(), u"said before carol came"_s);
    QTRY_VERIFY_WITH_TIMEOUT(viewText(m_bob.get()).contains("said before carol came"_L1), Timeout);
    auto carol = openWindow(u"carol"_s);
    QTRY_VERIFY_WITH_TIMEOUT(viewText(carol.get()).contains("said before carol came"_L1), Timeout);
    const QString text = viewText(carol.get());
    const qsizetype marker = text.indexOf("Earlier messages"_L1);
    QVERIFY2(marker >= 0, qPrintable(text));
    QVERIFY(marker < text.indexOf("said before carol came"_L1));
    QVERIFY(text.indexOf("said before carol came"_L1) < text.indexOf("You joined lobby"_L1));
}

void tst_ChatWindow::renameShowsNoticeAndMembers()
{
    QVERIFY(openPair());
    enter(part<QLineEdit>(m_alice.get(), "nameEdit"), u"alicia"_s);
    QTRY_VERIFY_WITH_TIMEOUT(viewText(m_bob.get()).contains("alice is now known as alicia"_L1),
                             Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(members(m_bob.get()), (QStringList {u"alicia"_s, u"bob (you)"_s}),
                              Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(stateText(m_alice.get()), u"Connected as alicia"_s, Timeout);
    QCOMPARE(m_alice->self().name, u"alicia"_s);
    QCOMPARE(m_alice->windowTitle(), u"wsroom chat — alicia in lobby"_s);
    QVERIFY(viewText(m_alice.get()).contains("You are now known as alicia"_L1));
    QCOMPARE(members(m_alice.get()), (QStringList {u"alicia (you)"_s, u"bob"_s}));
}

void tst_ChatWindow::renameToTakenNameIsAnError()
{
    QVERIFY(openPair());
    auto *nameEdit = part<QLineEdit>(m_bob.get(), "nameEdit");
    enter(nameEdit, u"alice"_s);
    QTRY_VERIFY_WITH_TIMEOUT(
        viewText(m_bob.get()).contains(u"The name “alice” is already taken; you are still bob."_s),
        Timeout);
    QCOMPARE(nameEdit->text(), u"bob"_s);
    QCOMPARE(stateText(m_bob.get()), u"Connected as bob"_s);
    // Errors go in the view, not in a modal dialog.
    QVERIFY(!QApplication::activeModalWidget());

    // A name the protocol does not allow is refused before it is sent.
    enter(nameEdit, u"   "_s);
    QVERIFY(viewText(m_bob.get()).contains("That name cannot be used"_L1));
}

void tst_ChatWindow::joinAndLeaveRoom()
{
    QVERIFY(openPair());
    enter(part<QLineEdit>(m_alice.get(), "joinEdit"), u"side room"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_alice->currentRoom(), u"side room"_s, Timeout);
    QCOMPARE(rooms(m_alice.get()), (QStringList {u"lobby"_s, u"side room"_s}));
    QCOMPARE(members(m_alice.get()), QStringList {u"alice (you)"_s});
    QCOMPARE(m_alice->windowTitle(), u"wsroom chat — alice in side room"_s);
    QVERIFY(viewText(m_alice.get()).contains("You joined side room"_L1));

    // bob joins with the button, and they talk there.
    auto *bobJoin = part<QLineEdit>(m_bob.get(), "joinEdit");
    QTest::keyClicks(bobJoin, u"side room"_s);
    QTest::mouseClick(part<QPushButton>(m_bob.get(), "joinButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_bob->currentRoom(), u"side room"_s, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(members(m_alice.get()).size(), 2, Timeout);
    say(m_alice.get(), u"only here"_s);
    QTRY_VERIFY_WITH_TIMEOUT(viewText(m_bob.get()).contains("alice  only here"_L1), Timeout);

    // Back in lobby, the side room's message is not there.
    auto *bobRooms = part<QListWidget>(m_bob.get(), "roomsList");
    bobRooms->setCurrentRow(0);
    QCOMPARE(m_bob->currentRoom(), u"lobby"_s);
    QVERIFY(!viewText(m_bob.get()).contains("only here"_L1));
    QCOMPARE(members(m_bob.get()).size(), 2);

    // alice leaves with the button: she is back in lobby, and bob sees her go.
    bobRooms->setCurrentRow(1);
    QTest::mouseClick(part<QPushButton>(m_alice.get(), "leaveButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(rooms(m_alice.get()), QStringList {u"lobby"_s}, Timeout);
    QCOMPARE(m_alice->currentRoom(), u"lobby"_s);
    QTRY_VERIFY_WITH_TIMEOUT(viewText(m_bob.get()).contains("alice left"_L1), Timeout);
    QCOMPARE(members(m_bob.get()), QStringList {u"bob (you)"_s});

    // Sending there is now an error, shown in words (through the client, as the window no
    // longer offers the room).
    m_alice->client()->sendMessage(u"side room"_s, u"too late"_s);
    QTRY_VERIFY_WITH_TIMEOUT(viewText(m_alice.get()).contains("You are not in that room"_L1),
                             Timeout);
}

void tst_ChatWindow::unreadBadge()
{
    QVERIFY(openPair());
    m_alice->joinRoom(u"news"_s);
    m_bob->joinRoom(u"news"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_bob->currentRoom(), u"news"_s, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(members(m_alice.get()).size(), 2, Timeout);
    auto *bobRooms = part<QListWidget>(m_bob.get(), "roomsList");
    bobRooms->setCurrentRow(0); // bob looks at lobby
    say(m_alice.get(), u"one"_s);
    say(m_alice.get(), u"two"_s);
    QTRY_COMPARE_WITH_TIMEOUT(bobRooms->item(1)->text(), u"news  (2)"_s, Timeout);
    QVERIFY(bobRooms->item(1)->font().bold());
    QCOMPARE(bobRooms->item(0)->text(), u"lobby"_s);
    // alice's own messages do not count for her.
    QCOMPARE(part<QListWidget>(m_alice.get(), "roomsList")->item(1)->text(), u"news"_s);

    bobRooms->setCurrentRow(1);
    QCOMPARE(bobRooms->item(1)->text(), u"news"_s);
    QVERIFY(viewText(m_bob.get()).contains("alice  two"_L1));
}

void tst_ChatWindow::noticesCanBeHidden()
{
    QVERIFY(openPair());
    QTRY_VERIFY_WITH_TIMEOUT(viewText(m_alice.get()).contains("bob joined"_L1), Timeout);
    say(m_bob.get(), u"a real message"_s);
    QTRY_VERIFY_WITH_TIMEOUT(viewText(m_alice.get()).contains("a real message"_L1), Timeout);
    auto *show = part<QCheckBox>(m_alice.get(), "showNotices");
    QVERIFY(show->isChecked());
    show->click();
    QVERIFY(!viewText(m_alice.get()).contains("bob joined"_L1));
    QVERIFY(viewText(m_alice.get()).contains("a real message"_L1));
    show->click();
    QVERIFY(viewText(m_alice.get()).contains("bob joined"_L1));
}

void tst_ChatWindow::typingIndicator()
{
    QVERIFY(openPair());
    auto *typing = part<QLabel>(m_bob.get(), "typingLabel");
    QVERIFY(typing->text().isEmpty());
    auto *input = part<MessageInput>(m_alice.get(), "input");
    QTest::keyClicks(input, u"hel"_s);
    QTRY_COMPARE_WITH_TIMEOUT(typing->text(), u"alice is typing…"_s, Timeout);
    // The typer does not see herself typing.
    QVERIFY(part<QLabel>(m_alice.get(), "typingLabel")->text().isEmpty());
    QTest::keyClicks(input, u"lo"_s);
    QTest::keyClick(input, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(viewText(m_bob.get()).contains("alice  hello"_L1), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(typing->text().isEmpty(), Timeout);

    // Emptying the box ends it as well.
    QTest::keyClicks(input, u"x"_s);
    QTRY_COMPARE_WITH_TIMEOUT(typing->text(), u"alice is typing…"_s, Timeout);
    QTest::keyClick(input, Qt::Key_Backspace);
    QTRY_VERIFY_WITH_TIMEOUT(typing->text().isEmpty(), Timeout);
}

void tst_ChatWindow::directMessage()
{
    QVERIFY(openPair());
    auto *list = part<QListWidget>(m_alice.get(), "membersList");
    const QList<QListWidgetItem *> bobs = list->findItems(u"bob"_s, Qt::MatchExactly);
    QCOMPARE(bobs.size(), 1);

    // Double-clicking bob asks for the text; answer the dialog from inside its event loop.
    bool answered = false;
    QTimer::singleShot(0, this, [&answered] {
        const auto widgets = QApplication::topLevelWidgets();
        for (QWidget *widget : widgets) {
            if (auto *dialog = qobject_cast<QInputDialog *>(widget);
                dialog && dialog->isVisible()) {
                dialog->setTextValue(u"psst, <b>bob</b>"_s);
                dialog->accept();
                answered = true;
            }
        }
    });
    list->scrollToItem(bobs.at(0));
    const QPoint at = list->visualItemRect(bobs.at(0)).center();
    // An item view takes a double-click only on the item its first click pressed.
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, at);
    QVERIFY(answered);

    QTRY_VERIFY_WITH_TIMEOUT(
        viewText(m_bob.get()).contains(u"alice → you (direct)  psst, <b>bob</b>"_s), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(
        viewText(m_alice.get()).contains(u"→ bob (direct)  psst, <b>bob</b>"_s), Timeout);

    // Direct messages are not room messages: they stay visible whichever room is shown.
    m_bob->joinRoom(u"elsewhere"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_bob->currentRoom(), u"elsewhere"_s, Timeout);
    QVERIFY(viewText(m_bob.get()).contains(u"alice → you (direct)"_s));

    // To somebody who is not there: an error in words.
    m_alice->client()->sendDirect(u"nobody"_s, u"hello?"_s);
    QTRY_VERIFY_WITH_TIMEOUT(viewText(m_alice.get()).contains("Cannot send a direct message"_L1),
                             Timeout);
}

void tst_ChatWindow::serverStopAndRestart()
{
    QVERIFY(openPair());
    m_alice->joinRoom(u"side"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_alice->currentRoom(), u"side"_s, Timeout);
    enter(part<QLineEdit>(m_alice.get(), "nameEdit"), u"alicia"_s);
    QTRY_COMPARE_WITH_TIMEOUT(stateText(m_alice.get()), u"Connected as alicia"_s, Timeout);
    say(m_alice.get(), u"before the restart"_s);
    QTRY_VERIFY_WITH_TIMEOUT(viewText(m_alice.get()).contains("before the restart"_L1), Timeout);

    const quint16 port = m_server.port();
    {
        QSignalSpy stopped(m_server.manager(), &RoomManager::stopped);
        m_server.host()->stop();
        QTRY_VERIFY_WITH_TIMEOUT(stateText(m_alice.get()).startsWith("Disconnected ("_L1), Timeout);
        QTRY_VERIFY_WITH_TIMEOUT(stateText(m_bob.get()).startsWith("Disconnected ("_L1), Timeout);
        QVERIFY2(stateText(m_bob.get()).contains("reconnecting in"_L1),
                 qPrintable(stateText(m_bob.get())));
        QVERIFY(members(m_bob.get()).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(viewText(m_bob.get()).contains("Connection lost"_L1), Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, Timeout);
    }
    // A new server on the same port: the windows find it where they left it.
    m_server.init();
    QVERIFY(m_server.start([port](ServerConfig &c) { c.port = port; }));
    QCOMPARE(m_server.port(), port);

    // They come back by themselves, with their names and their rooms.
    QTRY_COMPARE_WITH_TIMEOUT(stateText(m_alice.get()), u"Connected as alicia"_s, RestartTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(stateText(m_bob.get()), u"Connected as bob"_s, RestartTimeout);
    QCOMPARE(m_alice->currentRoom(), u"side"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_alice->client()->rooms().size(), 2, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(members(m_bob.get()).size(), 2, Timeout);
    QVERIFY(viewText(m_bob.get()).contains("Reconnected as bob"_L1));
    // What was on screen stays there.
    QVERIFY(viewText(m_alice.get()).contains("before the restart"_L1));

    auto *aliceRooms = part<QListWidget>(m_alice.get(), "roomsList");
    aliceRooms->setCurrentRow(0);
    QCOMPARE(m_alice->currentRoom(), u"lobby"_s);
    say(m_alice.get(), u"after the restart"_s);
    QTRY_VERIFY_WITH_TIMEOUT(viewText(m_bob.get()).contains("alicia  after the restart"_L1),
                             Timeout);
}

void tst_ChatWindow::userDisconnectStopsRetrying()
{
    QVERIFY(openPair());
    auto *button = part<QPushButton>(m_alice.get(), "connectButton");
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(stateText(m_alice.get()), u"Disconnected"_s, Timeout);
    QCOMPARE(button->text(), u"Connect"_s);
    QTRY_COMPARE_WITH_TIMEOUT(members(m_bob.get()), QStringList {u"bob (you)"_s}, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(m_alice->client()->state(), QAbstractSocket::UnconnectedState,
                              Timeout);
    QVERIFY(!m_alice->findChild<QTimer *>(u"reconnectTimer"_s)->isActive());
    // The room list stays, to be rejoined.
    QCOMPARE(rooms(m_alice.get()), QStringList {u"lobby"_s});

    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(stateText(m_alice.get()), u"Connected as alice"_s, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(members(m_bob.get()).size(), 2, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(members(m_alice.get()).size(), 2, Timeout);
    QCOMPARE(button->text(), u"Disconnect"_s);
}

void tst_ChatWindow::kickedDoesNotReconnect()
{
    QVERIFY(openPair());
    m_server.host()->kick(m_alice->self().id, u"be nice"_s);
    QTRY_COMPARE_WITH_TIMEOUT(stateText(m_alice.get()), u"Kicked by the host: be nice"_s, Timeout);
    QVERIFY(viewText(m_alice.get()).contains("Kicked by the host: be nice"_L1));
    QCOMPARE(part<QPushButton>(m_alice.get(), "connectButton")->text(), u"Connect"_s);
    QVERIFY(!m_alice->findChild<QTimer *>(u"reconnectTimer"_s)->isActive());
    QCOMPARE(m_alice->client()->state(), QAbstractSocket::UnconnectedState);
    QTRY_COMPARE_WITH_TIMEOUT(members(m_bob.get()), QStringList {u"bob (you)"_s}, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(viewText(m_bob.get()).contains("alice left"_L1), Timeout);
    // Still nothing scheduled once the dust has settled.
    QCOMPARE(stateText(m_alice.get()), u"Kicked by the host: be nice"_s);
    QVERIFY(!m_alice->findChild<QTimer *>(u"reconnectTimer"_s)->isActive());
}

void tst_ChatWindow::nameWithUrlCharacters()
{
    const QString name = u"a+b & c%d=é"_s;
    auto window = openWindow(name);
    QCOMPARE(stateText(window.get()), "Connected as "_L1 + name);
    // It survives a reconnection, which puts the name in the url again.
    auto *button = part<QPushButton>(window.get(), "connectButton");
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(stateText(window.get()), u"Disconnected"_s, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(window->client()->state(), QAbstractSocket::UnconnectedState,
                              Timeout);
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(stateText(window.get()), "Connected as "_L1 + name, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(window->client()->rooms(), QStringList {u"lobby"_s}, Timeout);
}

void tst_ChatWindow::ctrlWCloses()
{
    QVERIFY(openPair());
    m_alice->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_alice.get()));
    QTest::keyClick(m_alice.get(), Qt::Key_W, Qt::ControlModifier);
    QVERIFY(!m_alice->isVisible());
    // A closed window leaves its rooms rather than haunting them.
    QTRY_COMPARE_WITH_TIMEOUT(members(m_bob.get()), QStringList {u"bob (you)"_s}, Timeout);
}

void tst_ChatWindow::badUrlIsExplained()
{
    ChatWindow window(QUrl(u"ftp://127.0.0.1/files"_s));
    QVERIFY(stateText(&window).startsWith("Not a WebSocket address"_L1));
    QCOMPARE(window.client()->state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(part<QPushButton>(&window, "connectButton")->text(), u"Connect"_s);

    // Typed the way people type addresses, it works.
    auto *urlEdit = part<QLineEdit>(&window, "urlEdit");
    enter(urlEdit, u"127.0.0.1:%1"_s.arg(m_server.port()));
    QTRY_VERIFY_WITH_TIMEOUT(stateText(&window).startsWith("Connected as guest-"_L1), Timeout);
    QCOMPARE(window.url().path(), u"/chat"_s);
    QTRY_COMPARE_WITH_TIMEOUT(window.currentRoom(), u"lobby"_s, Timeout);
}

void tst_ChatWindow::floodShowsEveryLineInOrder()
{
    // More lines than the view keeps, sent as fast as the socket takes them: the window shows
    // them in steps, and what it shows is the newest lines, every one of them, in order.
    m_bob = openWindow(u"bob"_s);
    TestClient flooder;
    QUrl url = chatUrl(u"flooder"_s);
    url.setQuery(url.query() + "&room=lobby"_L1);
    QVERIFY(flooder.openNative(url, true));
    constexpr int Lines = 5000;
    for (int i = 0; i < Lines; ++i) {
        flooder.send(QJsonObject {
            {"type"_L1, "message"_L1}, {"room"_L1, "lobby"_L1}, {"text"_L1, u"line %1"_s.arg(i)}});
    }
    // Generous: 5000 lines parsed and laid out take a while in the sanitizer build.
    QTRY_VERIFY_WITH_TIMEOUT(viewText(m_bob.get()).contains("flooder  line 4999"_L1), 3 * Timeout);
    // The view's document is capped (two rooms' worth of entries), not grown for ever.
    const auto *view = part<QTextBrowser>(m_bob.get(), "messageView");
    QVERIFY2(view->document()->blockCount() <= 2 * (2000 + 200) + 1,
             qPrintable(QString::number(view->document()->blockCount())));
    const QStringList lines = viewText(m_bob.get()).split(u'\n').filter("flooder  line "_L1);
    QVERIFY2(lines.size() > 2000, qPrintable(QString::number(lines.size())));
    const int first = Lines - int(lines.size());
    for (int i = 0; i < lines.size(); ++i) {
        QVERIFY2(lines.at(i).endsWith(u"flooder  line %1"_s.arg(first + i)),
                 qPrintable(lines.at(i)));
    }
}

void tst_ChatWindow::joinFloodShowsEveryMember()
{
    // Forty members joining at once: the member list follows in steps and ends complete and
    // sorted; when they all leave, it ends with bob alone.
    m_bob = openWindow(u"bob"_s);
    std::vector<std::unique_ptr<TestClient>> crowd;
    QStringList expected {u"bob (you)"_s};
    for (int i = 0; i < 40; ++i) {
        const QString name = u"guest%1"_s.arg(i, 2, 10, QLatin1Char('0'));
        expected.append(name);
        QUrl url = chatUrl(name);
        url.setQuery(url.query() + "&room=lobby"_L1);
        crowd.push_back(std::make_unique<TestClient>());
        crowd.back()->open(url);
    }
    QTRY_COMPARE_WITH_TIMEOUT(members(m_bob.get()).size(), 41, Timeout);
    QCOMPARE(members(m_bob.get()), expected);
    QTRY_VERIFY_WITH_TIMEOUT(viewText(m_bob.get()).contains("guest39 joined"_L1)
                                 && viewText(m_bob.get()).contains("guest00 joined"_L1),
                             Timeout);
    crowd.clear();
    QTRY_COMPARE_WITH_TIMEOUT(members(m_bob.get()), QStringList {u"bob (you)"_s}, Timeout);
}

// More than a log holds: joining leaves the oldest out of the window's log, for paging.
constexpr int LongHistory = ChatLogModel::MaxEntries + 600;

std::unique_ptr<ChatWindow> tst_ChatWindow::openOnLongHistory(int count)
{
    m_server.init();
    if (!m_server.start([count](ServerConfig &c) { c.history = count; })
        || !RoomHistory::post(m_server, u"lobby"_s, count))
        return nullptr;
    auto window = openWindow(u"reader"_s);
    const ChatLogModel *log = window->session()->roomLog(u"lobby"_s);
    if (!log || !QTest::qWaitFor([&] { return log->containsMessage(count); }, Timeout))
        return nullptr;
    return window;
}

void tst_ChatWindow::scrollingToTheTopLoadsOlderPages()
{
    auto window = openOnLongHistory(LongHistory);
    QVERIFY(window);
    const ChatLogModel *log = window->session()->roomLog(u"lobby"_s);
    auto *view = part<QTextBrowser>(window.get(), "messageView");
    auto *older = part<QLabel>(window.get(), "olderLabel");
    QScrollBar *bar = view->verticalScrollBar();
    QTRY_VERIFY_WITH_TIMEOUT(bar->maximum() > 0, Timeout);
    QVERIFY(!older->isVisible());
    QVERIFY(log->oldestMessageId() > 1);

    // The wheel turned up over a log already at its top asks for a page too (a log too short
    // to scroll never reaches the top by scrolling). Down does not.
    {
        const QSignalBlocker quiet(bar);
        bar->setValue(bar->minimum());
    }
    QWidget *viewport = view->viewport();
    const QPoint middle = viewport->rect().center();
    QWheelEvent down(middle, viewport->mapToGlobal(middle), {}, {0, -120}, Qt::NoButton,
                     Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(viewport, &down);
    QVERIFY(!log->isLoadingOlder());
    {
        const QSignalBlocker quiet(bar);
        bar->setValue(bar->minimum());
    }
    QVERIFY(!log->isLoadingOlder());
    QWheelEvent up(middle, viewport->mapToGlobal(middle), {}, {0, 120}, Qt::NoButton,
                   Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(viewport, &up);
    QVERIFY(log->isLoadingOlder());
    QTRY_VERIFY_WITH_TIMEOUT(!log->isLoadingOlder(), Timeout);

    int pages = 0;
    while (!log->isBeginningReached()) {
        QVERIFY2(++pages <= LongHistory / ChatHistoryPager::PageSize + 2, "paging never ends");
        const qint64 before = log->oldestMessageId();
        // The reader scrolls to the top; the page before the oldest message is asked for.
        bar->setValue(bar->minimum());
        QVERIFY(log->isLoadingOlder());
        QVERIFY(older->isVisible());
        QCOMPARE(older->text(), u"Loading older messages…"_s);
        const QString looking = topLine(window.get());
        QTRY_VERIFY_WITH_TIMEOUT(!log->isLoadingOlder(), Timeout);
        // The first row's id went down, and the reader still looks at the same line.
        QVERIFY(log->oldestMessageId() < before);
        QVERIFY(bar->value() > bar->minimum());
        QCOMPARE(topLine(window.get()), looking);
    }
    QCOMPARE(log->oldestMessageId(), 1);
    QVERIFY(older->isVisible());
    QCOMPARE(older->text(), u"Beginning of the room"_s);
    // Every message is in the view once, the first at the top.
    bar->setValue(bar->minimum());
    QVERIFY2(topLine(window.get()).endsWith("poster  "_L1 + RoomHistory::textOf(1)),
             qPrintable(topLine(window.get())));
    const QString text = viewText(window.get());
    QCOMPARE(text.count("poster  message 2\n"_L1), 1);
    QCOMPARE(text.count("  needle 100 in the haystack"_L1), 1);
    // Nothing more is asked for at the beginning.
    QSignalSpy sent(window->client(), &ChatClient::frameSent);
    bar->setValue(bar->maximum());
    bar->setValue(bar->minimum());
    QCOMPARE(sent.count(), 0);
}

void tst_ChatWindow::searchListsAndShowsMatches()
{
    auto window = openOnLongHistory(LongHistory);
    QVERIFY(window);
    const ChatLogModel *log = window->session()->roomLog(u"lobby"_s);
    auto *view = part<QTextBrowser>(window.get(), "messageView");
    auto *panel = part<QWidget>(window.get(), "searchPanel");
    auto *edit = part<QLineEdit>(window.get(), "searchEdit");
    auto *results = part<QListView>(window.get(), "searchResults");
    auto *status = part<QLabel>(window.get(), "searchStatus");
    QVERIFY(!panel->isVisible());

    // Ctrl+F opens the box, focused.
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QTest::keySequence(window.get(), QKeySequence::Find);
    QVERIFY(panel->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(edit->hasFocus(), Timeout);
    QTest::keyClicks(edit, u"needle"_s);
    QTest::keyClick(edit, Qt::Key_Return);
    const int needles = RoomHistory::needles(LongHistory);
    QTRY_COMPARE_WITH_TIMEOUT(results->model()->rowCount(), needles, Timeout);
    QVERIFY(results->isVisible());
    QCOMPARE(status->text(), u"%1 messages match — Enter or click one to show it"_s.arg(needles));
    // Newest first: time, name, text.
    const QString newest = results->model()->index(0, 0).data().toString();
    const QRegularExpression line(u"^\\d\\d:\\d\\d   poster  needle %1 in the haystack$"_s.arg(
        needles * RoomHistory::NeedleEvery));
    QVERIFY2(line.match(newest).hasMatch(), qPrintable(newest));

    // A recent match, already in the log, is selected at once on a click.
    const QModelIndex recent = results->model()->index(0, 0);
    QTest::mouseClick(results->viewport(), Qt::LeftButton, {},
                      results->visualRect(recent).center());
    QCOMPARE(window->selectedMessageId(), needles * RoomHistory::NeedleEvery);
    QVERIFY(selectionInView(window.get()));

    // The oldest is not in the log yet: pages are loaded until it is, then it is shown.
    const qint64 oldest = RoomHistory::NeedleEvery;
    QVERIFY(!log->containsMessage(oldest));
    results->setFocus();
    results->setCurrentIndex(results->model()->index(needles - 1, 0));
    QTest::keyClick(results, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(window->selectedMessageId(), oldest, Timeout);
    QVERIFY(log->containsMessage(oldest));
    QVERIFY(selectionInView(window.get()));
    const QTextCursor selection = view->textCursor();
    QCOMPARE(selection.selectedText(), selection.block().text());
    QVERIFY(selection.selectedText().endsWith("poster  "_L1 + RoomHistory::textOf(int(oldest))));

    // Escape closes the box.
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_Escape);
    QVERIFY(!panel->isVisible());
    QCOMPARE(results->model()->rowCount(), 0);
}

void tst_ChatWindow::searchRefusalIsShownInTheBox_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("words");
    QTest::newRow("blank") << u"   "_s << u"Type a word to search for."_s;
    QTest::newRow("nothing found") << u"zebra"_s << u"No messages match “zebra”."_s;
}

void tst_ChatWindow::searchRefusalIsShownInTheBox()
{
    QFETCH(QString, query);
    QFETCH(QString, words);
    m_alice = openWindow(u"alice"_s);
    const QString before = viewText(m_alice.get());
    QTest::keySequence(m_alice.get(), QKeySequence::Find);
    auto *edit = part<QLineEdit>(m_alice.get(), "searchEdit");
    QTest::keyClicks(edit, query);
    QTest::keyClick(edit, Qt::Key_Return);
    auto *status = part<QLabel>(m_alice.get(), "searchStatus");
    QTRY_COMPARE_WITH_TIMEOUT(status->text(), words, Timeout);
    QVERIFY(status->isVisible());
    QVERIFY(!part<QListView>(m_alice.get(), "searchResults")->isVisible());
    // In the box, not in the log.
    QCOMPARE(viewText(m_alice.get()), before);
}

void tst_ChatWindow::messageAtTheLimit_data()
{
    // One unit, repeated: what it costs in the frame differs from what it costs in the text.
    QTest::addColumn<QString>("unit");
    QTest::addColumn<bool>("direct");
    const QList<QPair<const char *, QString>> units {
        {"ascii", u"abc "_s},
        {"quote and backslash", u"\"\\"_s}, // 2 characters, 4 bytes
        {"control characters", u"\u0001\u001f\t"_s}, // 3 characters, 6 + 6 + 2 bytes
        {"e acute", u"\u00e9"_s}, // 1 character, 2 bytes
        {"emoji", u"\U0001F600"_s}, // 2 UTF-16 units, 4 bytes
    };
    for (const auto &[name, unit] : units) {
        QTest::addRow("message, %s", name) << unit << false;
        QTest::addRow("direct, %s", name) << unit << true;
    }
}

void tst_ChatWindow::messageAtTheLimit()
{
    // A text whose frame is one byte over the server's limit is refused in words and kept; the
    // server would have closed the connection with 1009. One exactly at the limit goes through.
    QFETCH(QString, unit);
    QFETCH(bool, direct);
    m_server.init();
    QVERIFY(m_server.start([](ServerConfig &c) { c.maxMessageBytes = SmallLimit; }));
    QVERIFY(openPair());
    ChatClient *alice = m_alice->client();
    auto *input = part<MessageInput>(m_alice.get(), "input");
    QSignalSpy sent(alice, &ChatClient::frameSent);
    QSignalSpy aliceGone(alice, &ChatClient::disconnected);
    QSignalSpy bobMessages(m_bob->client(), &ChatClient::messageReceived);
    QSignalSpy bobDirects(m_bob->client(), &ChatClient::directReceived);
    const QString bobId = m_bob->client()->self().id;
    const QString target = direct ? bobId : u"lobby"_s;

    qint64 ref = 0;
    if (direct) {
        QVERIFY(alice->ping() > 0);
        ref = lastRef(sent) + 1;
    } else {
        // The typing notice goes out with the first character; Enter stops it (one more ref)
        // before the message goes.
        input->setPlainText(u"x"_s);
        QCOMPARE(framesOfType(sent, u"typing"_s).size(), 1);
        ref = lastRef(sent) + 2;
    }
    const QString atLimit = textOfFrame(direct, ref, target, unit, SmallLimit);
    const QString overLimit = atLimit + u'x';
    QVERIFY2(atLimit.toUtf8().size() < SmallLimit, "the text alone must look small enough");

    // One byte over: an error in the view saying by how much, nothing sent, still connected.
    // The window refuses it itself: the client's last-ditch refusal (a warning) is not reached.
    QTest::failOnWarning(QRegularExpression(u"^not sending"_s));
    if (direct) {
        QVERIFY(!m_alice->session()->sendDirect(bobId, u"bob"_s, overLimit));
        QVERIFY(
            viewText(m_alice.get()).contains("The direct message to bob is too long by 1 byte"_L1));
    } else {
        input->setPlainText(overLimit);
        QTest::keyClick(input, Qt::Key_Return);
        QVERIFY(viewText(m_alice.get()).contains("That message is too long by 1 byte"_L1));
        QCOMPARE(input->toPlainText(), overLimit);
    }
    QVERIFY2(viewText(m_alice.get()).contains(u"frame of %1 bytes"_s.arg(SmallLimit + 1)),
             qPrintable(viewText(m_alice.get())));
    QCOMPARE(framesOfType(sent, direct ? u"direct"_s : u"message"_s).size(), 0);

    // Exactly at the limit: sent, a frame of exactly the limit, and delivered.
    if (direct) {
        QVERIFY(m_alice->session()->sendDirect(bobId, u"bob"_s, atLimit));
    } else {
        input->setPlainText(atLimit);
        QTest::keyClick(input, Qt::Key_Return);
        QVERIFY(input->toPlainText().isEmpty());
    }
    const QStringList frames = framesOfType(sent, direct ? u"direct"_s : u"message"_s);
    QCOMPARE(frames.size(), 1);
    QCOMPARE(frames.at(0).toUtf8().size(), SmallLimit);
    if (direct) {
        QTRY_COMPARE_WITH_TIMEOUT(bobDirects.count(), 1, Timeout);
        QCOMPARE(bobDirects.at(0).at(2).toString(), atLimit);
    } else {
        QTRY_COMPARE_WITH_TIMEOUT(bobMessages.count(), 1, Timeout);
        QCOMPARE(bobMessages.at(0).at(0).value<ChatMessage>().text, atLimit);
    }
    QVERIFY(alice->isConnected());
    QCOMPARE(aliceGone.count(), 0);
    QCOMPARE(stateText(m_alice.get()), u"Connected as alice"_s);
}

// The viewport point of the first character of text in the view; (-1,-1) when it is not there.
static QPoint pointOf(QTextBrowser *view, const QString &text)
{
    const QTextCursor found = view->document()->find(text);
    if (found.isNull())
        return {-1, -1};
    QTextCursor at(view->document());
    at.setPosition(found.selectionStart() + 1);
    return view->cursorRect(at).center();
}

void tst_ChatWindow::linksOpenOnlyForTheWeb()
{
    QVERIFY(openPair());
    say(m_alice.get(),
        u"read https://example.com/a?b=1 or javascript:alert(1) or file:///etc/passwd"_s);
    auto *view = part<ChatLogView>(m_bob.get(), "messageView");
    QTRY_VERIFY_WITH_TIMEOUT(viewText(m_bob.get()).contains("file:///etc/passwd"_L1), Timeout);
    QSignalSpy opened(view, &ChatLogView::linkOpened);
    // A click on the link opens it in the browser (here: the recording handler).
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, pointOf(view, u"example.com"_s));
    QTRY_COMPARE_WITH_TIMEOUT(m_opened.size(), 1, Timeout);
    QCOMPARE(m_opened.at(0), QUrl(u"https://example.com/a?b=1"_s));
    QCOMPARE(opened.count(), 1);
    // Clicks on the others open nothing: they are text.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, pointOf(view, u"alert"_s));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, pointOf(view, u"etc/passwd"_s));
    QTest::qWait(50); // nothing is awaited: a click that would open does so at once
    QCOMPARE(m_opened.size(), 1);
    QVERIFY(!view->toHtml().contains("href=\"javascript"_L1));
    QVERIFY(!view->toHtml().contains("href=\"file"_L1));
}

void tst_ChatWindow::copyMessageAndSelection()
{
    QVERIFY(openPair());
    say(m_alice.get(), u"first line"_s);
    say(m_alice.get(), u"copy me please"_s);
    auto *view = part<ChatLogView>(m_bob.get(), "messageView");
    QTRY_VERIFY_WITH_TIMEOUT(viewText(m_bob.get()).contains("copy me please"_L1), Timeout);
    QVERIFY(view->textInteractionFlags() & Qt::TextSelectableByMouse);

    // The context menu's Copy Message copies the whole line the mouse is on.
    QApplication::clipboard()->clear();
    const QPoint at = pointOf(view, u"copy me"_s);
    std::unique_ptr<QMenu> menu(view->createMenu(at));
    auto *copy = menu->findChild<QAction *>(u"copyMessage"_s);
    QVERIFY(copy);
    QVERIFY(copy->isEnabled());
    copy->trigger();
    QVERIFY(QApplication::clipboard()->text().endsWith("alice  copy me please"_L1));
    QVERIFY(!QApplication::clipboard()->text().contains("first line"_L1));

    // A selection made with the mouse, copied with Ctrl+C.
    QTest::mousePress(view->viewport(), Qt::LeftButton, {}, pointOf(view, u"copy me"_s));
    QTest::mouseMove(view->viewport(), pointOf(view, u"please"_s));
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, pointOf(view, u"please"_s));
    QVERIFY2(view->textCursor().hasSelection(), "the mouse selects text");
    const QString selected = view->textCursor().selectedText();
    QVERIFY2(selected.startsWith("opy me"_L1), qPrintable(selected));
    view->setFocus();
    QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QApplication::clipboard()->text(), selected);
}

void tst_ChatWindow::viewStaysAtTheBottomAsTheInputGrows()
{
    QVERIFY(openPair());
    m_bob->resize(900, 600);
    for (int i = 0; i < 60; ++i)
        m_alice->session()->sendMessage(u"line %1"_s.arg(i));
    auto *view = part<ChatLogView>(m_bob.get(), "messageView");
    QScrollBar *bar = view->verticalScrollBar();
    QTRY_VERIFY_WITH_TIMEOUT(viewText(m_bob.get()).contains("line 59"_L1), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(bar->maximum() > 0 && bar->value() == bar->maximum(), Timeout);
    const int viewHeight = view->height();

    // Four more lines in the input: it grows, the view shrinks, and the last line stays in sight.
    auto *input = part<MessageInput>(m_bob.get(), "input");
    input->setFocus();
    for (int i = 0; i < 4; ++i) {
        QTest::keyClicks(input, u"more"_s);
        QTest::keyClick(input, Qt::Key_Return, Qt::ShiftModifier);
    }
    QTRY_VERIFY_WITH_TIMEOUT(view->height() < viewHeight, Timeout);
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(view->viewport()->rect().contains(pointOf(view, u"line 59"_s)));

    // A reader who scrolled up stays where they were.
    input->clear();
    QTRY_COMPARE_WITH_TIMEOUT(view->height(), viewHeight, Timeout);
    bar->setValue(bar->maximum() / 2);
    const int reading = bar->value();
    QTest::keyClicks(input, u"a"_s);
    QTest::keyClick(input, Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClicks(input, u"b"_s);
    QTRY_VERIFY_WITH_TIMEOUT(view->height() < viewHeight, Timeout);
    QCOMPARE(bar->value(), reading);
}

void tst_ChatWindow::sizeCounterWarnsAndDisablesSend()
{
    m_server.init();
    QVERIFY(m_server.start([](ServerConfig &c) { c.maxMessageBytes = 2048; }));
    QVERIFY(openPair());
    auto *input = part<MessageInput>(m_alice.get(), "input");
    auto *meter = part<MessageSizeMeter>(m_alice.get(), "sizeMeter");
    auto *send = part<QPushButton>(m_alice.get(), "sendButton");
    const int envelope = int(m_alice->client()
                                 ->frameFit([] {
                                     Request r;
                                     r.type = Request::Type::Message;
                                     r.room = u"lobby"_s;
                                     r.text = u"x"_s;
                                     return r;
                                 }())
                                 .bytes)
        - 1;
    // Below 80 %: no counter.
    input->setPlainText(QString(1000, u'x'));
    QVERIFY(meter->isHidden());
    QVERIFY(send->isEnabled());
    // Past 80 %: the counter, in groups of three digits.
    input->setPlainText(QString(1980 - envelope, u'x'));
    QVERIFY(!meter->isHidden());
    QCOMPARE(meter->text(), u"1 980 / 2 048 bytes"_s);
    QVERIFY(send->isEnabled());
    // At the limit: still sendable.
    input->setPlainText(QString(2048 - envelope, u'x'));
    QCOMPARE(meter->text(), u"2 048 / 2 048 bytes"_s);
    QVERIFY(send->isEnabled());
    QVERIFY(meter->fits());
    // One byte over: red, Send disabled.
    input->setPlainText(QString(2049 - envelope, u'x'));
    QCOMPARE(meter->text(), u"2 049 / 2 048 bytes"_s);
    QVERIFY(!meter->fits());
    QVERIFY(!send->isEnabled());
    QVERIFY(meter->palette().color(QPalette::WindowText)
            != m_alice->palette().color(QPalette::PlaceholderText));
    // Back under: enabled again, the counter gone once short.
    input->setPlainText(u"short"_s);
    QVERIFY(send->isEnabled());
    QVERIFY(meter->isHidden());
    QCOMPARE(MessageSizeMeter::describe(1234567, 65536), u"1 234 567 / 65 536 bytes"_s);
}

void tst_ChatWindow::hostMessagesCarryTheBadge()
{
    QVERIFY(openPair());
    // A member named to look like the host gets no badge: the badge keys on the id (the name
    // `host` itself is reserved by the server).
    enter(part<QLineEdit>(m_bob.get(), "nameEdit"), u"host (teacher)"_s);
    QTRY_COMPARE_WITH_TIMEOUT(stateText(m_bob.get()), u"Connected as host (teacher)"_s, Timeout);
    say(m_bob.get(), u"I am the teacher"_s);
    m_server.host()->postSystemMessage(u"lobby"_s, u"Quiet please"_s);
    QTRY_VERIFY_WITH_TIMEOUT(viewText(m_alice.get()).contains("Quiet please"_L1), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(viewText(m_alice.get()).contains("I am the teacher"_L1), Timeout);
    auto *view = part<QTextBrowser>(m_alice.get(), "messageView");
    int badges = 0;
    QString badgedLine;
    for (QTextBlock block = view->document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().property(ChatLogRenderer::HostBadgeProperty).toBool()) {
                ++badges;
                badgedLine = block.text();
            }
        }
    }
    QCOMPARE(badges, 1);
    QVERIFY2(badgedLine.contains("Quiet please"_L1), qPrintable(badgedLine));
}

void tst_ChatWindow::mentionsHighlightAndNotify()
{
    QVERIFY(openPair());
    QWidget other; // the active window: the chat windows are not
    other.show();
    QApplication::setActiveWindow(&other);
    auto *notifier = m_bob->findChild<DesktopNotifier *>();
    QVERIFY(notifier);
    QSignalSpy shown(notifier, &DesktopNotifier::shown);
    say(m_alice.get(), u"hello all"_s);
    say(m_alice.get(), u"@Bob look at this"_s);
    QTRY_VERIFY_WITH_TIMEOUT(viewText(m_bob.get()).contains("look at this"_L1), Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, Timeout);
    QCOMPARE(shown.at(0).at(0).toString(), u"alice in lobby"_s);
    // Alice's own mention of herself, in her window, notifies no one there.
    auto *aliceNotifier = m_alice->findChild<DesktopNotifier *>();
    QSignalSpy aliceShown(aliceNotifier, &DesktopNotifier::shown);
    say(m_alice.get(), u"@alice talks to herself"_s);
    QTRY_VERIFY_WITH_TIMEOUT(viewText(m_bob.get()).contains("herself"_L1), Timeout);
    QCOMPARE(aliceShown.count(), 0);
    QCOMPARE(shown.count(), 1);
    // The mentioning line is tinted in Bob's view.
    auto *view = part<QTextBrowser>(m_bob.get(), "messageView");
    const QTextBlock line = view->document()->find(u"look at this"_s).block();
    QVERIFY(line.blockFormat().background().style() != Qt::NoBrush);
    const QTextBlock plain = view->document()->find(u"hello all"_s).block();
    QCOMPARE(plain.blockFormat().background().style(), Qt::NoBrush);
}

QTEST_MAIN(tst_ChatWindow)
#include "tst_chatwindow.moc"
