// The Frame Inspector: the Accept steps for RFC 6455's example key; a real client's handshake
// and frames in and out over loopback; pause, clear, filters, the bound; close codes in words;
// the main window's ways in.
#include "console/framefiltermodel.h"
#include "console/framelistmodel.h"
#include "console/serversession.h"
#include "server/roommanager.h"
#include "tests/common/testclient.h"
#include "tests/common/testserver.h"
#include "tests/common/testwindow.h"
#include "ui/frameinspector.h"
#include "ui/framesview.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTest>
#include <QToolBar>

namespace {

constexpr int Timeout = 10000;

// Rows of the model whose summary contains text, in a direction.
int countRows(const FrameListModel *model, const char *opcodeName, bool outgoing,
              const char *textUtf8 = "")
{
    const QString opcode = QString::fromUtf8(opcodeName);
    const QString text = QString::fromUtf8(textUtf8);
    int n = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, FrameListModel::OpcodeColumn);
        if (index.data().toString() == opcode
            && index.data(FrameListModel::OutgoingRole).toBool() == outgoing
            && model->index(row, FrameListModel::SummaryColumn).data().toString().contains(text))
            ++n;
    }
    return n;
}

int findRow(const FrameListModel *model, const char *opcodeName, bool outgoing,
            const char *textUtf8)
{
    const QString opcode = QString::fromUtf8(opcodeName);
    const QString text = QString::fromUtf8(textUtf8);
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, FrameListModel::OpcodeColumn);
        if (index.data().toString() == opcode
            && index.data(FrameListModel::OutgoingRole).toBool() == outgoing
            && model->index(row, FrameListModel::SummaryColumn).data().toString().contains(text))
            return row;
    }
    return -1;
}

InspectedFrame textFrame(int n, bool outgoing)
{
    InspectedFrame frame;
    frame.timeMs = 1000 + n;
    frame.outgoing = outgoing;
    frame.frame.fin = true;
    frame.frame.opcode = 1;
    frame.frame.payload = QByteArray::number(n);
    frame.frame.length = quint64(frame.frame.payload.size());
    return frame;
}

} // namespace

class tst_FrameInspector : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void acceptStepsForRfcKey();
    void acceptMismatchIsShown();
    void realClientHandshakeAndFrames();
    void pingAndPong();
    void tlsIsTappedInPlaintext();
    void pauseStopsUpdates();
    void clearForgetsFrames();
    void closeFrameInWords();
    void kickedMemberEndsInspection();
    void filters();
    void modelIsBounded();
    void detailIndentsJsonInOrder();
    void actionsAndShortcuts();
    void framesViewInTheWindow();
    void mainWindowOpensInspector();

private:
    // Connects a native client as name and inspects it; returns false if any step fails.
    bool connectAndInspect(TestClient *client, const QString &name);

    TestServer m_server {TestServer::productDefaults()};
    ServerSession *m_session = nullptr;
    FrameInspector *m_inspector = nullptr;
};

void tst_FrameInspector::init()
{
    m_server.init();
    // The session follows the test server's host from before it starts, so it sees it listen.
    m_session = new ServerSession(m_server.host());
    QVERIFY(m_server.start());
    m_inspector = new FrameInspector(m_session);
    m_inspector->show();
}

void tst_FrameInspector::cleanup()
{
    delete m_inspector;
    m_inspector = nullptr;
    delete m_session;
    m_session = nullptr;
    m_server.cleanup();
}

bool tst_FrameInspector::connectAndInspect(TestClient *client, const QString &name)
{
    if (!client->openNative(m_server.url(QStringLiteral("/chat?name=%1&room=lobby").arg(name)),
                            true))
        return false;
    // The picker follows the server's events.
    if (!QTest::qWaitFor(
            [&] { return m_inspector->memberPicker()->findData(client->memberId) > 0; }, Timeout))
        return false;
    m_inspector->inspect(client->memberId);
    return QTest::qWaitFor(
        [&] { return m_inspector->handshakeText().contains(QStringLiteral("Sec-WebSocket-Key")); },
        Timeout);
}

void tst_FrameInspector::acceptStepsForRfcKey()
{
    InspectionHandshake handshake;
    handshake.memberId = QStringLiteral("m1");
    handshake.memberName = QStringLiteral("alice");
    handshake.peer = QStringLiteral("127.0.0.1:50000");
    handshake.request = "GET /chat HTTP/1.1\r\nHost: server.example.com\r\nUpgrade: websocket\r\n"
                        "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                        "Sec-WebSocket-Version: 13\r\n\r\n";
    handshake.response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                         "Connection: Upgrade\r\n"
                         "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n";
    m_inspector->showHandshake(handshake);
    const QString text = m_inspector->handshakeText();
    QVERIFY2(text.contains(QStringLiteral("GET /chat HTTP/1.1")), qPrintable(text));
    QVERIFY(text.contains(
        QStringLiteral("dGhlIHNhbXBsZSBub25jZQ==258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
    QVERIFY(text.contains(QStringLiteral("b37a4f2cc0624f1690f64606cf385945b2bec4ea")));
    QVERIFY(text.contains(QStringLiteral("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")));
    QVERIFY2(text.contains(QStringLiteral("\u2713 matches")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("HTTP/1.1 101 Switching Protocols")));
}

void tst_FrameInspector::acceptMismatchIsShown()
{
    InspectionHandshake handshake;
    handshake.memberId = QStringLiteral("m1");
    handshake.request = "GET /chat HTTP/1.1\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n";
    handshake.response = "HTTP/1.1 101 Switching Protocols\r\n"
                         "Sec-WebSocket-Accept: AAAAAAAAAAAAAAAAAAAAAAAAAAA=\r\n\r\n";
    m_inspector->showHandshake(handshake);
    QVERIFY(m_inspector->handshakeText().contains(QStringLiteral("\u2717 does not match")));
    QVERIFY(!m_inspector->handshakeText().contains(QStringLiteral("\u2713")));
}

void tst_FrameInspector::realClientHandshakeAndFrames()
{
    TestClient alice;
    QVERIFY(connectAndInspect(&alice, QStringLiteral("alice")));
    QCOMPARE(m_inspector->inspectedMemberId(), alice.memberId);

    // The real handshake: the request as sent, the Accept as derived and as sent, matching.
    const QString handshake = m_inspector->handshakeText();
    QVERIFY2(handshake.contains(QStringLiteral("GET /chat?name=alice&room=lobby HTTP/1.1")),
             qPrintable(handshake));
    QVERIFY(handshake.contains(QStringLiteral("258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
    QVERIFY2(handshake.contains(QStringLiteral("\u2713 matches")), qPrintable(handshake));
    QVERIFY(handshake.contains(QStringLiteral("101 Switching Protocols")));

    alice.send(QJsonObject {{QStringLiteral("type"), QStringLiteral("message")},
                            {QStringLiteral("room"), QStringLiteral("lobby")},
                            {QStringLiteral("text"), QStringLiteral("hello, room")},
                            {QStringLiteral("ref"), QStringLiteral("r1")}});

    FrameListModel *model = m_inspector->frameModel();
    // In: the client's masked text frame. Out: the message as everyone gets it, and the ack.
    QTRY_VERIFY_WITH_TIMEOUT(countRows(model, "text", false, "hello, room") == 1, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(countRows(model, "text", true, "\"ack\"") == 1, Timeout);
    QCOMPARE(countRows(model, "text", true, "hello, room"), 1);

    const int in = findRow(model, "text", false, "hello, room");
    const InspectedFrame &frame = model->frameAt(in);
    QVERIFY(frame.frame.masked);
    QVERIFY(frame.frame.fin);
    QCOMPARE(frame.frame.length, quint64(frame.frame.payload.size()));
    QCOMPARE(model->index(in, FrameListModel::FinColumn).data().toString(), QStringLiteral("1"));

    // The detail pane: header fields and the JSON pretty-printed.
    m_inspector->selectFrame(in);
    const QString detail = m_inspector->detailText();
    QVERIFY2(detail.contains(QStringLiteral("in (client")), qPrintable(detail));
    QVERIFY(detail.contains(QStringLiteral("0x1 text")));
    QVERIFY(detail.contains(QStringLiteral("MASK:       1, key")));
    QVERIFY2(detail.contains(QStringLiteral("    \"text\": \"hello, room\"")), qPrintable(detail));

    const int out = findRow(model, "text", true, "\"ack\"");
    m_inspector->selectFrame(out);
    // Pretty-printed with the keys in the order the server sent them.
    QVERIFY(m_inspector->detailText().indexOf(QStringLiteral("\"type\": \"ack\""))
            < m_inspector->detailText().indexOf(QStringLiteral("\"ref\": \"r1\"")));
    QVERIFY(m_inspector->detailText().contains(QStringLiteral("MASK:       0")));
    QVERIFY(m_inspector->detailText().contains(QStringLiteral("out (server")));
}

void tst_FrameInspector::pingAndPong()
{
    TestClient alice;
    QVERIFY(connectAndInspect(&alice, QStringLiteral("alice")));
    alice.socket().ping("are you there?");
    FrameListModel *model = m_inspector->frameModel();
    QTRY_VERIFY_WITH_TIMEOUT(countRows(model, "ping", false, "are you there?") == 1, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(countRows(model, "pong", true, "are you there?") == 1, Timeout);
}

void tst_FrameInspector::tlsIsTappedInPlaintext()
{
    // A second server, with TLS: the inspector sees the frames inside the encryption.
    TestServer tlsServer {TestServer::productDefaults()};
    tlsServer.init();
    ServerSession session(tlsServer.host());
    QVERIFY(tlsServer.start([](ServerConfig &c) {
        c.tlsCertFile = QStringLiteral(WSROOM_TEST_DATA "/tls/server.crt");
        c.tlsKeyFile = QStringLiteral(WSROOM_TEST_DATA "/tls/server.key");
    }));
    FrameInspector inspector(&session);

    TestClient alice;
    // The test certificate is self-signed: trust it for this client only.
    connect(&alice.socket(), &QWebSocket::sslErrors, &alice,
            [&alice](const QList<QSslError> &errors) { alice.socket().ignoreSslErrors(errors); });
    QVERIFY(alice.openNative(tlsServer.url(QStringLiteral("/chat?name=alice&room=lobby")), true));
    QTRY_VERIFY_WITH_TIMEOUT(inspector.memberPicker()->findData(alice.memberId) > 0, Timeout);
    inspector.inspect(alice.memberId);
    QTRY_VERIFY_WITH_TIMEOUT(inspector.handshakeText().contains(QStringLiteral("\u2713 matches")),
                             Timeout);
    QVERIFY(inspector.handshakeText().contains(QStringLiteral("GET /chat?name=alice&room=lobby")));

    alice.send(QStringLiteral(R"({"type":"message","room":"lobby","text":"secret"})"));
    FrameListModel *model = inspector.frameModel();
    QTRY_VERIFY_WITH_TIMEOUT(countRows(model, "text", false, "secret") == 1, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(countRows(model, "text", true, "secret") == 1, Timeout);
    QVERIFY(model->frameAt(findRow(model, "text", false, "secret")).frame.masked);
}

void tst_FrameInspector::pauseStopsUpdates()
{
    TestClient alice;
    QVERIFY(connectAndInspect(&alice, QStringLiteral("alice")));
    alice.send(QStringLiteral(R"({"type":"message","room":"lobby","text":"one"})"));
    FrameListModel *model = m_inspector->frameModel();
    QTRY_VERIFY_WITH_TIMEOUT(countRows(model, "text", true, "\"one\"") == 1, Timeout);

    m_inspector->setPaused(true);
    const int rows = model->rowCount();
    alice.send(QStringLiteral(R"({"type":"message","room":"lobby","text":"two"})"));
    // The frames arrive (in, and the message out) and are held, not shown.
    QTRY_COMPARE_WITH_TIMEOUT(m_inspector->heldFrames(), 2, Timeout);
    QVERIFY(m_inspector->statusText().contains(QStringLiteral("paused, 2 frames held")));
    QCOMPARE(model->rowCount(), rows);
    QCOMPARE(countRows(model, "text", true, "\"two\""), 0);

    m_inspector->setPaused(false);
    QCOMPARE(model->rowCount(), rows + 2);
    QCOMPARE(m_inspector->heldFrames(), 0);
    QCOMPARE(countRows(model, "text", true, "\"two\""), 1);
}

void tst_FrameInspector::clearForgetsFrames()
{
    TestClient alice;
    QVERIFY(connectAndInspect(&alice, QStringLiteral("alice")));
    alice.send(QStringLiteral(R"({"type":"message","room":"lobby","text":"one"})"));
    QTRY_VERIFY_WITH_TIMEOUT(m_inspector->frameModel()->rowCount() >= 2, Timeout);
    m_inspector->findChild<QAction *>(QStringLiteral("actionClear"))->trigger();
    QCOMPARE(m_inspector->frameModel()->rowCount(), 0);
    // Still inspecting: new frames come.
    alice.send(QStringLiteral(R"({"type":"message","room":"lobby","text":"two"})"));
    QTRY_VERIFY_WITH_TIMEOUT(m_inspector->frameModel()->rowCount() >= 2, Timeout);
}

void tst_FrameInspector::closeFrameInWords()
{
    TestClient alice;
    QVERIFY(connectAndInspect(&alice, QStringLiteral("alice")));
    alice.socket().close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("see you"));
    FrameListModel *model = m_inspector->frameModel();
    QTRY_VERIFY_WITH_TIMEOUT(
        countRows(model, "close", false, "1000 Normal closure: \u201csee you\u201d") == 1, Timeout);
    // The server answers with its own close frame, and the inspection ends with the member.
    QTRY_VERIFY_WITH_TIMEOUT(countRows(model, "close", true, "1000 Normal closure") == 1, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_inspector->statusText().contains(QStringLiteral("Inspection ended: disconnected: 1000")),
        Timeout);
    QVERIFY(m_inspector->inspectedMemberId().isEmpty());
    const int row = findRow(model, "close", false, "1000");
    m_inspector->selectFrame(row);
    QVERIFY2(m_inspector->detailText().contains(QStringLiteral("Close code: 1000 Normal closure")),
             qPrintable(m_inspector->detailText()));
}

void tst_FrameInspector::kickedMemberEndsInspection()
{
    TestClient alice;
    QVERIFY(connectAndInspect(&alice, QStringLiteral("alice")));
    m_server.host()->kick(alice.memberId, QStringLiteral("time out"));
    FrameListModel *model = m_inspector->frameModel();
    QTRY_VERIFY_WITH_TIMEOUT(
        countRows(model, "close", true, "4000 Kicked by the host: \u201ctime out") == 1, Timeout);
    // QWebSocket closes the TCP connection right after its close frame, so the client's answer
    // never reaches the server: the inspection ends with the member.
    QTRY_VERIFY_WITH_TIMEOUT(m_inspector->statusText().contains(QStringLiteral(
                                 "Inspection ended: disconnected: 4000 Kicked by the host")),
                             Timeout);
    QVERIFY(m_inspector->inspectedMemberId().isEmpty());
}

void tst_FrameInspector::filters()
{
    TestClient alice;
    QVERIFY(connectAndInspect(&alice, QStringLiteral("alice")));
    alice.send(QStringLiteral(R"({"type":"message","room":"lobby","text":"needle"})"));
    alice.socket().ping("p");
    FrameListModel *model = m_inspector->frameModel();
    QTRY_VERIFY_WITH_TIMEOUT(countRows(model, "pong", true) == 1, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(countRows(model, "text", true, "\"ack\"") == 0
                                 && countRows(model, "text", true, "needle") == 1,
                             Timeout);
    FrameFilterModel *filter = m_inspector->filterModel();
    auto *direction = m_inspector->findChild<QComboBox *>(QStringLiteral("directionFilter"));
    auto *opcode = m_inspector->findChild<QComboBox *>(QStringLiteral("opcodeFilter"));
    QVERIFY(direction && opcode);

    direction->setCurrentIndex(direction->findData(int(FrameFilterModel::Direction::In)));
    QVERIFY(filter->rowCount() > 0);
    for (int row = 0; row < filter->rowCount(); ++row)
        QVERIFY(!filter->index(row, 0).data(FrameListModel::OutgoingRole).toBool());

    direction->setCurrentIndex(0);
    opcode->setCurrentIndex(opcode->findData(FrameFilterModel::ControlFrames));
    QCOMPARE(filter->rowCount(), 2); // the ping in, the pong out
    opcode->setCurrentIndex(opcode->findData(0x9));
    QCOMPARE(filter->rowCount(), 1);

    opcode->setCurrentIndex(0);
    m_inspector->findChild<QLineEdit *>(QStringLiteral("searchEdit"))
        ->setText(QStringLiteral("NEEDLE"));
    QCOMPARE(filter->rowCount(), 2); // sent in, and fanned out
    for (int row = 0; row < filter->rowCount(); ++row)
        QVERIFY(filter->index(row, FrameListModel::SummaryColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("needle")));
}

void tst_FrameInspector::modelIsBounded()
{
    FrameListModel model(5000);
    InspectedFrameList batch;
    for (int i = 0; i < 3000; ++i)
        batch.append(textFrame(i, i % 2));
    model.append(batch);
    QCOMPARE(model.rowCount(), 3000);
    batch.clear();
    for (int i = 3000; i < 6000; ++i)
        batch.append(textFrame(i, i % 2));
    model.append(batch);
    QCOMPARE(model.rowCount(), 5000);
    QCOMPARE(model.frameAt(0).frame.payload, QByteArray("1000")); // the oldest went
    QCOMPARE(model.frameAt(4999).frame.payload, QByteArray("5999"));
    // One batch larger than the bound keeps its newest.
    batch.clear();
    for (int i = 0; i < 7000; ++i)
        batch.append(textFrame(10000 + i, false));
    model.append(batch);
    QCOMPARE(model.rowCount(), 5000);
    QCOMPARE(model.frameAt(0).frame.payload, QByteArray("12000"));
}

void tst_FrameInspector::detailIndentsJsonInOrder()
{
    InspectedFrame frame = textFrame(0, true);
    frame.frame.payload = R"({"type":"x","b":[1, {"q":"a\"},{"}],"e":{},"z":[]})";
    frame.frame.length = quint64(frame.frame.payload.size());
    const QString detail = FrameListModel::describe(frame);
    // Keys as sent (not sorted), strings untouched, empty containers on one line.
    const QString expected = QStringLiteral("{\n"
                                            "    \"type\": \"x\",\n"
                                            "    \"b\": [\n"
                                            "        1,\n"
                                            "        {\n"
                                            "            \"q\": \"a\\\"},{\"\n"
                                            "        }\n"
                                            "    ],\n"
                                            "    \"e\": {},\n"
                                            "    \"z\": []\n"
                                            "}");
    QVERIFY2(detail.contains(expected), qPrintable(detail));
    // The table's summary is the text as sent.
    QCOMPARE(FrameListModel::summary(frame), QString::fromUtf8(frame.frame.payload));
    // Not JSON: shown as is.
    frame.frame.payload = "{not json";
    QVERIFY(FrameListModel::describe(frame).endsWith(QStringLiteral("\n{not json\n")));
}

void tst_FrameInspector::actionsAndShortcuts()
{
    auto *pause = m_inspector->findChild<QAction *>(QStringLiteral("actionPause"));
    auto *clear = m_inspector->findChild<QAction *>(QStringLiteral("actionClear"));
    QVERIFY(pause && clear);
    QCOMPARE(pause->shortcut(), QKeySequence(QStringLiteral("Ctrl+P")));
    QCOMPARE(clear->shortcut(), QKeySequence(QStringLiteral("Ctrl+L")));
    pause->trigger();
    QVERIFY(m_inspector->isPaused());
    pause->trigger();
    QVERIFY(!m_inspector->isPaused());

    const int zoom = m_inspector->zoom();
    m_inspector->zoomIn();
    QCOMPARE(m_inspector->zoom(), zoom + 1);
    m_inspector->zoomOut();
    m_inspector->zoomOut();
    QCOMPARE(m_inspector->zoom(), zoom - 1);
    bool zoomInFound = false;
    for (QAction *action : m_inspector->findChildren<QAction *>())
        zoomInFound |= action->shortcuts().contains(QKeySequence(QStringLiteral("Ctrl+=")));
    QVERIFY(zoomInFound);
}

void tst_FrameInspector::framesViewInTheWindow()
{
    // The frames view's filters sit in the inspector's toolbar, shown.
    QVERIFY(QTest::qWaitForWindowExposed(m_inspector));
    for (const char *name : {"directionFilter", "opcodeFilter", "searchEdit"}) {
        auto *filter = m_inspector->findChild<QWidget *>(QString::fromLatin1(name));
        QVERIFY2(filter, name);
        QVERIFY2(qobject_cast<QToolBar *>(filter->parentWidget()), name);
        QVERIFY2(filter->isVisible(), name);
    }
    // The inspector's models are its frames view's.
    QCOMPARE(m_inspector->frameModel(), m_inspector->framesView()->frameModel());
    QCOMPARE(m_inspector->filterModel(), m_inspector->framesView()->filterModel());
    auto *table = m_inspector->findChild<QTableView *>(QStringLiteral("frameTable"));
    auto *detail = m_inspector->findChild<QPlainTextEdit *>(QStringLiteral("frameDetail"));
    QVERIFY(table && detail);
    QCOMPARE(table, m_inspector->framesView()->table());

    // Zoom reaches the table and the detail pane, which stays in its fixed-width family.
    const QString family = detail->font().family();
    const int size = table->font().pointSize();
    m_inspector->zoomIn();
    QCOMPARE(table->font().pointSize(), size + 2);
    QCOMPARE(detail->font().pointSize(), size + 2);
    QCOMPARE(detail->font().family(), family);
}

void tst_FrameInspector::mainWindowOpensInspector()
{
    MainWindow window(TestWindow::config());
    auto *action = window.findChild<QAction *>(QStringLiteral("actionFrameInspector"));
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+I")));
    bool inServerMenu = false;
    for (QAction *menu : window.menuBar()->actions()) {
        if (menu->menu() && menu->text().remove(QLatin1Char('&')) == QLatin1String("Server"))
            inServerMenu = menu->menu()->actions().contains(action);
    }
    QVERIFY(inServerMenu);
    action->trigger();
    QVERIFY(window.frameInspector());
    QVERIFY(window.frameInspector()->isVisible());
    QCOMPARE(window.openFrameInspector(), window.frameInspector()); // one window, raised
}

QTEST_MAIN(tst_FrameInspector)
#include "tst_frameinspector.moc"
