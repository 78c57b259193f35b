// WebSocketClientWindow against a real wsroom on loopback (its /echo): what is sent and seen,
// the checks of what is typed, saved messages and slots across windows, and the main window's
// Clients › New WebSocket Client… and Windows › Tile Windows.

#include "client/snippets.h"
#include "console/framelistmodel.h"
#include "protocol/closecode.h"
#include "tests/common/testserver.h"
#include "tests/common/testwindow.h"
#include "tests/common/tutorialpeer.h"
#include "ui/chatwindow.h"
#include "ui/clientwindows.h"
#include "ui/disconnectguard.h"
#include "ui/framesview.h"
#include "ui/mainwindow.h"
#include "ui/messagecomposer.h"
#include "ui/websocketclientwindow.h"
#include "ui/windowcascade_p.h"

#include <memory>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr int Timeout = 10000;

template<typename T> T *part(const QWidget *window, const char *name)
{
    T *widget = window->findChild<T *>(QLatin1String(name));
    if (!widget)
        qFatal("the client window has no %s", name);
    return widget;
}

// The frames the window shows, oldest first; fromServer picks the server's or the client's. Told
// apart by their mask, which a client's frames have and a server's do not (RFC 6455, 5.1; /echo
// keeps to it), not by InspectedFrame::outgoing, whose direction is the side's that watches.
InspectedFrameList frames(const WebSocketClientWindow *window, bool fromServer)
{
    InspectedFrameList list;
    const FrameListModel *model = window->framesView()->frameModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        const InspectedFrame &frame = model->frameAt(row);
        if (frame.note.isEmpty() && frame.frame.masked != fromServer)
            list.append(frame);
    }
    return list;
}

// The frames of data (text, binary, continuation) among list.
InspectedFrameList dataFrames(const InspectedFrameList &list)
{
    InspectedFrameList data;
    for (const InspectedFrame &frame : list) {
        if (frame.frame.opcode <= 2)
            data.append(frame);
    }
    return data;
}

// The payload of a close frame with code and reason.
QByteArray closePayload(int code, const QString &reason)
{
    QByteArray payload;
    payload.append(char(code >> 8)).append(char(code & 0xff));
    return payload + reason.toUtf8();
}

using OpcodeFin = QList<QPair<int, bool>>;

} // namespace

class TestWebSocketClientWindow : public QObject
{
    Q_OBJECT

private:
    // A window (no settings slot) connected to the test server's path; null on failure.
    std::unique_ptr<WebSocketClientWindow> connectedWindow(const QString &path = u"/echo"_s)
    {
        auto window = std::make_unique<WebSocketClientWindow>(QStringList(), -1);
        window->show();
        QSignalSpy opened(window->client(), &FrameClient::opened);
        window->connectTo(m_server.url(path));
        if (!QTest::qWaitFor([&] { return !opened.isEmpty(); }, Timeout))
            return nullptr;
        return window;
    }

    TestServer m_server;

private slots:
    void initTestCase() { TestWindow::isolateSettings(u"tst_websocketclientwindow"_s); }
    void cleanupTestCase() { TestWindow::clearSettings(); }
    void init()
    {
        QSettings().clear();
        m_server.init();
        QVERIFY(m_server.start());
    }
    void cleanup() { m_server.cleanup(); }

    // A server wsroom did not write, the first tutorial's FastAPI app: what one client window
    // sends to its "/" reaches both windows, as its broadcast.
    void tutorialServerBroadcastsToTwoWindows()
    {
        if (!TutorialPeer::available())
            QSKIP("python3-fastapi and python3-uvicorn are not installed (scripts/setup.sh's "
                  "WSROOM_TEST_PACKAGES has them; ./test.sh installs them)");
        TutorialPeer peer;
        QVERIFY2(peer.start(), peer.output().constData());
        WebSocketClientWindow alice(QStringList(), -1), bob(QStringList(), -1);
        for (WebSocketClientWindow *window : {&alice, &bob}) {
            window->show();
            QSignalSpy opened(window->client(), &FrameClient::opened);
            window->connectTo(peer.url());
            QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty(), Timeout);
        }
        alice.composer()->setKind(SavedMessage::Json);
        alice.composer()->setText(u"{\"message\": \"hello from alice\"}"_s);
        QVERIFY(alice.sendMessage());
        for (WebSocketClientWindow *window : {&alice, &bob}) {
            QTRY_COMPARE_WITH_TIMEOUT(dataFrames(frames(window, true)).size(), 1, Timeout);
            const QJsonObject json
                = QJsonDocument::fromJson(dataFrames(frames(window, true)).first().frame.payload)
                      .object();
            QCOMPARE(json.value("message"_L1).toString(), u"hello from alice"_s);
        }
    }

    // Connecting shows the state, the handshake and the URL in the title.
    void opens()
    {
        auto window = connectedWindow();
        QVERIFY(window);
        QCOMPARE(window->statusText(), u"Open — no subprotocol"_s);
        QVERIFY(window->handshakeText().contains(u"GET /echo"_s));
        QVERIFY(window->handshakeText().contains(u"101"_s));
        QCOMPARE(window->windowTitle(),
                 u"WebSocket client — %1"_s.arg(m_server.url(u"/echo"_s).toString()));
        QCOMPARE(part<QPushButton>(window.get(), "connectButton")->text(), u"&Disconnect"_s);
    }

    void send_data()
    {
        QTest::addColumn<int>("kind"); // SavedMessage::Kind
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("frameSize");
        QTest::addColumn<OpcodeFin>("sent"); // the client's frames: opcode and FIN
        QTest::addColumn<QList<QByteArray>>("payloads"); // theirs
        QTest::addColumn<QByteArray>("message"); // what the echo brings back
        QTest::newRow("text") << int(SavedMessage::Text) << u"hello, echo"_s << 0
                              << OpcodeFin {{1, true}} << QList<QByteArray> {"hello, echo"_ba}
                              << "hello, echo"_ba;
        QTest::newRow("json") << int(SavedMessage::Json) << u"{\"a\": [1, 2]}"_s << 0
                              << OpcodeFin {{1, true}} << QList<QByteArray> {"{\"a\": [1, 2]}"_ba}
                              << "{\"a\": [1, 2]}"_ba;
        QTest::newRow("binary hex")
            << int(SavedMessage::BinaryHex) << u"de ad\nbe ef 00"_s << 0 << OpcodeFin {{2, true}}
            << QList<QByteArray> {"\xde\xad\xbe\xef\x00"_ba} << "\xde\xad\xbe\xef\x00"_ba;
        QTest::newRow("text in frames of 4")
            << int(SavedMessage::Text) << u"abcdefghij"_s << 4
            << OpcodeFin {{1, false}, {0, false}, {0, true}}
            << QList<QByteArray> {"abcd"_ba, "efgh"_ba, "ij"_ba} << "abcdefghij"_ba;
        QTest::newRow("hex in frames of 3")
            << int(SavedMessage::BinaryHex) << u"01020304"_s << 3
            << OpcodeFin {{2, false}, {0, true}} << QList<QByteArray> {"\x01\x02\x03"_ba, "\x04"_ba}
            << "\x01\x02\x03\x04"_ba;
    }
    // What is sent goes out as the frames asked for (masked, FIN on the last), and /echo's reply
    // comes back with its round trip.
    void send()
    {
        QFETCH(int, kind);
        QFETCH(QString, text);
        QFETCH(int, frameSize);
        QFETCH(OpcodeFin, sent);
        QFETCH(QList<QByteArray>, payloads);
        QFETCH(QByteArray, message);
        auto window = connectedWindow();
        QVERIFY(window);
        window->composer()->setKind(SavedMessage::Kind(kind));
        window->composer()->setText(text);
        window->composer()->setFrameSize(frameSize);
        QVERIFY(window->composer()->errorText().isEmpty());
        QVERIFY(window->sendMessage());

        QTRY_COMPARE_WITH_TIMEOUT(dataFrames(frames(window.get(), false)).size(), sent.size(),
                                  Timeout);
        const InspectedFrameList out = dataFrames(frames(window.get(), false));
        for (int i = 0; i < sent.size(); ++i) {
            QCOMPARE(out.at(i).frame.opcode, sent.at(i).first);
            QCOMPARE(out.at(i).frame.fin, sent.at(i).second);
            QCOMPARE(out.at(i).frame.payload, payloads.at(i));
        }
        // /echo answers with the whole message; its first frame carries the round trip.
        QTRY_VERIFY_WITH_TIMEOUT(!dataFrames(frames(window.get(), true)).isEmpty()
                                     && dataFrames(frames(window.get(), true)).last().frame.fin,
                                 Timeout);
        const InspectedFrameList in = dataFrames(frames(window.get(), true));
        QCOMPARE(in.first().frame.opcode, sent.first().first);
        // Each side's frames are shown in one direction.
        QVERIFY(in.first().outgoing != out.first().outgoing);
        QVERIFY(in.first().roundTripUs >= 0);
        QByteArray echoed;
        for (const InspectedFrame &frame : in)
            echoed += frame.frame.payload;
        QCOMPARE(echoed, message);
    }

    // Ctrl+Return sends, as the Send button does.
    void ctrlReturnSends()
    {
        auto window = connectedWindow();
        QVERIFY(window);
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        window->composer()->setText(u"by keyboard"_s);
        QTest::keyClick(window.get(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(dataFrames(frames(window.get(), true)).size(), 1, Timeout);
        QCOMPARE(dataFrames(frames(window.get(), true)).first().frame.payload, "by keyboard"_ba);
    }

    // JSON that does not parse is not sent; the error says where, in lines and columns.
    void jsonErrorPosition()
    {
        auto window = connectedWindow();
        QVERIFY(window);
        window->composer()->setKind(SavedMessage::Json);
        window->composer()->setText(u"{\n  \"a\": 1\n  \"b\": 2\n}"_s);
        QCOMPARE(window->composer()->errorText(), u"Not JSON: line 3, column 3: missing comma"_s);
        QVERIFY(part<QLabel>(window.get(), "messageError")->isVisibleTo(window.get()));
        QVERIFY(!part<QPushButton>(window.get(), "prettyButton")->isEnabled());
        QVERIFY(!window->sendMessage());
        QVERIFY(frames(window.get(), false).isEmpty());
        // Fixed and pretty-printed, it goes.
        window->composer()->setText(u"{\"a\": 1, \"b\": [2]}"_s);
        QVERIFY(window->composer()->errorText().isEmpty());
        QVERIFY(window->composer()->prettyPrint());
        QCOMPARE(window->composer()->text(),
                 u"{\n    \"a\": 1,\n    \"b\": [\n        2\n    ]\n}"_s);
        QVERIFY(window->sendMessage());
        QTRY_COMPARE_WITH_TIMEOUT(dataFrames(frames(window.get(), true)).size(), 1, Timeout);
    }

    void hexError_data()
    {
        QTest::addColumn<QString>("hex");
        QTest::addColumn<QString>("error");
        QTest::newRow("odd") << u"de ad b"_s
                             << u"An odd number of hex digits (5): each byte takes two"_s;
        QTest::newRow("not hex") << u"0x10"_s << u"Not a hex digit: 'x' (character 2)"_s;
    }
    // Hex that is not whole bytes is not sent; the error says why.
    void hexError()
    {
        QFETCH(QString, hex);
        QFETCH(QString, error);
        auto window = connectedWindow();
        QVERIFY(window);
        window->composer()->setKind(SavedMessage::BinaryHex);
        window->composer()->setText(hex);
        QCOMPARE(window->composer()->errorText(), error);
        QVERIFY(!window->sendMessage());
        QVERIFY(frames(window.get(), false).isEmpty());
    }

    // A ping with its payload; the pong that follows carries the same and its round trip.
    void pingPong()
    {
        auto window = connectedWindow();
        QVERIFY(window);
        part<QLineEdit>(window.get(), "pingEdit")->setText(u"are you there"_s);
        QTest::mouseClick(part<QPushButton>(window.get(), "pingButton"), Qt::LeftButton);
        const auto pongs = [&] {
            InspectedFrameList list;
            for (const InspectedFrame &frame : frames(window.get(), true)) {
                if (frame.frame.opcode == 0xA)
                    list.append(frame);
            }
            return list;
        };
        QTRY_COMPARE_WITH_TIMEOUT(pongs().size(), 1, Timeout);
        QCOMPARE(pongs().first().frame.payload, "are you there"_ba);
        QVERIFY(pongs().first().roundTripUs >= 0);
        InspectedFrameList pings;
        for (const InspectedFrame &frame : frames(window.get(), false)) {
            if (frame.frame.opcode == 0x9)
                pings.append(frame);
        }
        QCOMPARE(pings.size(), 1);
        QCOMPARE(pings.first().frame.payload, "are you there"_ba);
    }

    void closeWithCode_data()
    {
        QTest::addColumn<QString>("codeText");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("status");
        QTest::newRow("1000 bye") << u"1000 Normal closure"_s << u"bye"_s << 1000
                                  << u"Closed: 1000 Normal closure — bye"_s;
        QTest::newRow("4001, no reason")
            << u"4001"_s << QString() << 4001 << u"Closed: 4001 %1"_s.arg(CloseCode::name(4001));
    }
    // Close sends the code and reason chosen; the server's close answers with the code, and the
    // status line says how it ended.
    void closeWithCode()
    {
        QFETCH(QString, codeText);
        QFETCH(QString, reason);
        QFETCH(int, code);
        QFETCH(QString, status);
        auto window = connectedWindow();
        QVERIFY(window);
        part<QComboBox>(window.get(), "closeCodeCombo")->setEditText(codeText);
        part<QLineEdit>(window.get(), "closeReasonEdit")->setText(reason);
        QSignalSpy closed(window->client(), &FrameClient::closed);
        QVERIFY(window->closeConnection());
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, Timeout);
        QCOMPARE(closed.first().at(0).toInt(), code);
        QCOMPARE(window->statusText(), status);
        const InspectedFrameList out = frames(window.get(), false);
        QCOMPARE(out.last().frame.opcode, 0x8);
        QCOMPARE(out.last().frame.payload, closePayload(code, reason));
        const InspectedFrameList in = frames(window.get(), true);
        QCOMPARE(in.last().frame.opcode, 0x8);
        QCOMPARE(in.last().frame.payload.left(2), closePayload(code, QString()));
        QCOMPARE(part<QPushButton>(window.get(), "connectButton")->text(), u"&Connect"_s);
    }

    void closeCodeRefused_data()
    {
        QTest::addColumn<QString>("codeText");
        QTest::newRow("999") << u"999"_s;
        QTest::newRow("1005") << u"1005"_s;
        QTest::newRow("1006") << u"1006"_s;
        QTest::newRow("1015") << u"1015"_s;
        QTest::newRow("5000") << u"5000"_s;
        QTest::newRow("words") << u"bye"_s;
    }
    // A code that may not be sent is refused beside the field; the connection stays open.
    void closeCodeRefused()
    {
        QFETCH(QString, codeText);
        auto window = connectedWindow();
        QVERIFY(window);
        part<QComboBox>(window.get(), "closeCodeCombo")->setEditText(codeText);
        QVERIFY(!window->closeConnection());
        QVERIFY(!part<QLabel>(window.get(), "closeError")->text().isEmpty());
        QVERIFY(part<QLabel>(window.get(), "closeError")->isVisibleTo(window.get()));
        QCOMPARE(window->client()->state(), FrameClient::State::Open);
        QVERIFY(frames(window.get(), false).isEmpty());
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("headers");
        QTest::addColumn<QString>("status");
        // FrameClient::checkUrl's words ("Use ws:// or wss://", "The address has no host").
        QTest::newRow("http") << u"http://127.0.0.1:1/"_s << QString()
                              << u"Cannot connect: "_s
                + FrameClient::checkUrl(QUrl(u"http://127.0.0.1:1/"_s));
        QTest::newRow("no host") << u"ws:///echo"_s << QString()
                                 << u"Cannot connect: "_s
                + FrameClient::checkUrl(QUrl(u"ws:///echo"_s));
        QTest::newRow("empty") << QString() << QString()
                               << u"Cannot connect: Type a ws:// or wss:// address"_s;
        QTest::newRow("header without colon")
            << u"ws://127.0.0.1:1/echo"_s << u"X-Ok: 1\nBroken"_s
            << u"Cannot connect: Extra headers: Line 2: no ':' (write Name: value)"_s;
    }
    // A bad URL or header line is told in the status line, and nothing is opened.
    void badInput()
    {
        QFETCH(QString, url);
        QFETCH(QString, headers);
        QFETCH(QString, status);
        QVERIFY(status != u"Cannot connect: "_s); // checkUrl refused the bad ones
        WebSocketClientWindow window({}, -1);
        window.show();
        part<QPlainTextEdit>(&window, "headersEdit")->setPlainText(headers);
        QSignalSpy state(window.client(), &FrameClient::stateChanged);
        window.connectTo(QUrl(url));
        QCOMPARE(window.statusText(), status);
        QCOMPARE(window.client()->state(), FrameClient::State::Closed);
        QVERIFY(state.isEmpty());
        QCOMPARE(part<QLabel>(&window, "headersError")->isVisibleTo(&window), !headers.isEmpty());
    }

    // A self-signed wss:// server: the window asks plainly, with the certificate's fingerprint,
    // and Yes connects again trusting it for this connection.
    void untrustedCertificateAsked()
    {
        m_server.init(); // a server of its own, over TLS
        QVERIFY(m_server.start([](ServerConfig &c) {
            c.tlsCertFile = QStringLiteral(WSROOM_TEST_DATA "/tls/server.crt");
            c.tlsKeyFile = QStringLiteral(WSROOM_TEST_DATA "/tls/server.key");
        }));
        const QSslCertificate certificate
            = QSslCertificate::fromPath(QStringLiteral(WSROOM_TEST_DATA "/tls/server.crt"))
                  .value(0);
        QVERIFY(!certificate.isNull());
        WebSocketClientWindow window({}, -1);
        window.show();
        QSignalSpy opened(window.client(), &FrameClient::opened);
        window.connectTo(m_server.url(u"/echo"_s));
        QCOMPARE(window.url().scheme(), u"wss"_s);
        QMessageBox *question = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (question = window.findChild<QMessageBox *>(u"trustQuestion"_s)) != nullptr, Timeout);
        QVERIFY(question->text().startsWith(u"The server's certificate is not trusted: "_s));
        QVERIFY(question->text().contains(QString::fromLatin1(
            certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper())));
        QVERIFY(question->text().endsWith(u"Trust it for this connection?"_s));
        QVERIFY(opened.isEmpty());
        QTest::mouseClick(question->button(QMessageBox::Yes), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, Timeout);
        QCOMPARE(window.client()->options().trustedCertificate, certificate);
        QCOMPARE(window.statusText(), u"Open — no subprotocol"_s);
    }

    // Copy as gives Snippets' websocat command or Python script for the connection and message
    // shown (binary for hex), on the clipboard.
    void copyAs()
    {
        WebSocketClientWindow window({}, -1);
        window.show();
        part<QComboBox>(&window, "urlCombo")->setEditText(u"ws://127.0.0.1:8000/echo"_s);
        part<QLineEdit>(&window, "subprotocolsEdit")->setText(u"chat, v2"_s);
        part<QPlainTextEdit>(&window, "headersEdit")->setPlainText(u"Origin: http://x"_s);
        window.composer()->setKind(SavedMessage::BinaryHex);
        window.composer()->setText(u"01 02"_s);
        FrameClientOptions options;
        QString error;
        QVERIFY(window.options(&options, &error));
        QCOMPARE(options.subprotocols, QStringList({u"chat"_s, u"v2"_s}));
        QCOMPARE(options.headers.size(), 1);
        QCOMPARE(window.snippet(false), Snippets::websocat(options, "\x01\x02"_ba));
        QCOMPARE(window.snippet(true), Snippets::python(options, "\x01\x02"_ba, true));
        part<QAction>(&window, "actionCopyPython")->trigger();
        QCOMPARE(QApplication::clipboard()->text(), window.snippet(true));
        part<QAction>(&window, "actionCopyWebsocat")->trigger();
        QCOMPARE(QApplication::clipboard()->text(), window.snippet(false));
    }

    // A message saved for a URL is there in a new window for the same URL (its query aside), and
    // a window of the same slot gets back its URL and geometry.
    void savedAcrossWindows()
    {
        const QUrl url = m_server.url(u"/echo"_s);
        {
            WebSocketClientWindow window({}, 3);
            window.show();
            window.connectTo(url);
            window.composer()->setKind(SavedMessage::Json);
            window.composer()->setText(u"{\"type\": \"hello\"}"_s);
            QVERIFY(window.composer()->saveAs(u"greeting"_s));
            QCOMPARE(window.composer()->savedNames(), QStringList {u"greeting"_s});
            window.resize(1010, 770);
            window.close();
        }
        WebSocketClientWindow again({}, 3);
        QVERIFY(again.restoredGeometry());
        QCOMPARE(again.size(), QSize(1010, 770));
        QCOMPARE(again.url(), url);
        QCOMPARE(again.composer()->savedNames(), QStringList {u"greeting"_s});

        WebSocketClientWindow other({}, 4);
        QVERIFY(!other.restoredGeometry());
        part<QComboBox>(&other, "urlCombo")->setEditText(url.toString() + u"?code=x"_s);
        QCOMPARE(other.composer()->savedNames(), QStringList {u"greeting"_s});
        QVERIFY(other.composer()->loadSaved(u"greeting"_s));
        QCOMPARE(other.composer()->kind(), SavedMessage::Json);
        QCOMPARE(other.composer()->text(), u"{\"type\": \"hello\"}"_s);
        QVERIFY(other.composer()->deleteSaved(u"greeting"_s));
        QVERIFY(other.composer()->savedNames().isEmpty());
        part<QComboBox>(&other, "urlCombo")->setEditText(m_server.url(u"/chat"_s).toString());
        QVERIFY(other.composer()->savedNames().isEmpty());
    }

    void tileRects_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<QList<QRect>>("rects");
        const QRect screen(0, 20, 1200, 800);
        QTest::newRow("none") << 0 << QList<QRect>();
        QTest::newRow("one") << 1 << QList<QRect> {screen};
        QTest::newRow("two side by side")
            << 2 << QList<QRect> {QRect(0, 20, 600, 800), QRect(600, 20, 600, 800)};
        QTest::newRow("three: two rows of two")
            << 3
            << QList<QRect> {QRect(0, 20, 600, 400), QRect(600, 20, 600, 400),
                             QRect(0, 420, 600, 400)};
        QTest::newRow("five: two rows of three")
            << 5
            << QList<QRect> {QRect(0, 20, 400, 400), QRect(400, 20, 400, 400),
                             QRect(800, 20, 400, 400), QRect(0, 420, 400, 400),
                             QRect(400, 420, 400, 400)};
    }
    // Tiles fill the screen in a grid as square as can be, meeting without gaps or overlap.
    void tileRects()
    {
        QFETCH(int, count);
        QFETCH(QList<QRect>, rects);
        QCOMPARE(windowTileRects(count, QRect(0, 20, 1200, 800)), rects);
    }

    // Clients › New WebSocket Client… (Ctrl+Shift+O) opens a window offering the host's
    // endpoints, /echo first; Windows › Tile Windows (Ctrl+Shift+T) tiles the windows; closing
    // the main window closes them.
    void mainWindowOpensClients()
    {
        MainWindow main(TestWindow::config());
        QVERIFY(TestWindow::show(main));
        QVERIFY(TestWindow::startServer(main));
        auto *action = main.findChild<QAction *>(u"actionNewWebSocketClient"_s);
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
        auto *tile = main.findChild<QAction *>(u"actionTileWindows"_s);
        QVERIFY(tile);
        QCOMPARE(tile->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));

        action->trigger();
        action->trigger();
        const QList<WebSocketClientWindow *> windows = main.clientWindows()->windows();
        QCOMPARE(windows.size(), 2);
        QCOMPARE(windows.at(0)->slot(), 0);
        QCOMPARE(windows.at(1)->slot(), 1);
        const auto *urls = part<QComboBox>(windows.first(), "urlCombo");
        QVERIFY(urls->count() >= 4);
        QCOMPARE(urls->itemText(0), TestWindow::url(main, u"/echo"_s).toString());
        QCOMPARE(urls->itemText(1), TestWindow::url(main, u"/chat"_s).toString());
        QCOMPARE(urls->itemText(2), TestWindow::url(main, u"/"_s).toString());
        QVERIFY(urls->itemText(3).startsWith(TestWindow::url(main, u"/ws/"_s).toString()));
        QCOMPARE(windows.first()->url(), TestWindow::url(main, u"/echo"_s));
        QVERIFY(windows.first()->isVisible());

        // A chat window first, then the client windows, each to its tile's corner (the
        // offscreen screen is smaller than their minimum sizes).
        ChatWindow *chat = main.openChatWindow();
        QVERIFY(chat);
        tile->trigger();
        const QList<QRect> tiles = windowTileRects(3, main.screen()->availableGeometry());
        QCOMPARE(chat->frameGeometry().topLeft(), tiles.at(0).topLeft());
        QCOMPARE(windows.at(0)->frameGeometry().topLeft(), tiles.at(1).topLeft());
        QCOMPARE(windows.at(1)->frameGeometry().topLeft(), tiles.at(2).topLeft());

        QSignalSpy opened(windows.first()->client(), &FrameClient::opened);
        windows.first()->connectToServer();
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, Timeout);

        DisconnectGuard::setAsks(false); // the question before closing: tst_disconnectguard
        main.close();
        QTRY_VERIFY_WITH_TIMEOUT(main.clientWindows()->windows().isEmpty(), Timeout);
        DisconnectGuard::setAsks(true);
    }
};

QTEST_MAIN(TestWebSocketClientWindow)
#include "tst_websocketclientwindow.moc"
