#include "app/commandline.h"
#include "console/activityfiltermodel.h"
#include "console/roomsmodel.h"
#include "server/roommanager.h"
#include "server/serverhost.h"
#include "tests/common/testclient.h"
#include "tests/common/testserver.h"
#include "tests/common/testwindow.h"
#include "ui/mainwindow.h"
#include "ui/notificationdialog.h"
#include "ui/presenterview.h"
#include "ui/qrcodewidget.h"
#include "ui/sharepanel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr int Timeout = 10000;

template<typename T> T *child(QObject *parent, const char *name)
{
    return parent->findChild<T *>(QString::fromLatin1(name));
}

// What zbarimg reads from an image: the decoded text, or "ERROR: ..." to show in a failure.
QString decodeQr(const QImage &image)
{
    const QString zbarimg = QStandardPaths::findExecutable(QStringLiteral("zbarimg"));
    if (zbarimg.isEmpty())
        return QStringLiteral("ERROR: zbarimg not found (Debian package zbar-tools)");
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("qr.png"));
    if (!image.save(file))
        return QStringLiteral("ERROR: could not save %1").arg(file);
    QProcess process;
    process.start(zbarimg, {QStringLiteral("--raw"), QStringLiteral("-q"), file});
    if (!process.waitForFinished(Timeout))
        return QStringLiteral("ERROR: zbarimg did not finish");
    if (process.exitCode() != 0) {
        return QStringLiteral("ERROR: zbarimg exit %1: %2")
            .arg(process.exitCode())
            .arg(QString::fromUtf8(process.readAllStandardError()));
    }
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

// The QR code as the widget paints it on screen.
QString decodeWidget(QrCodeWidget *widget)
{
    return decodeQr(widget->grab().toImage());
}

QUrl chatUrl(quint16 port, const QString &query = QString())
{
    QUrl url(QStringLiteral("ws://127.0.0.1:%1/chat").arg(port));
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

int countFrames(const TestClient &client, const QString &needle)
{
    int n = 0;
    for (const QString &frame : client.frames)
        n += frame.contains(needle) ? 1 : 0;
    return n;
}

} // namespace

class tst_SharePanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void qrCodeDecodesToTheUrl();
    void generatedJoinCodes();
    void shareSwitchesToLocalNetwork();
    void rebindFailureKeepsListening();
    void joinCodeIsEnforced();
    void lanShowsThePanelAtOnce();
    void presenterView();
    void notificationsFromTheWindow();
    void intervalTakesEffect();

private:
    MainWindow *startedWindow(ServerConfig config = ServerConfig());
};

void tst_SharePanel::initTestCase()
{
    TestWindow::isolateSettings(QStringLiteral("tst_sharepanel"));
}

void tst_SharePanel::cleanup()
{
    TestWindow::clearSettings();
}

MainWindow *tst_SharePanel::startedWindow(ServerConfig config)
{
    config.port = 0;
    auto *window = new MainWindow(config);
    // The caller checks isListening(): a QVERIFY here could not stop the test.
    if (TestWindow::show(*window))
        (void)TestWindow::startServer(*window);
    return window;
}

void tst_SharePanel::qrCodeDecodesToTheUrl()
{
    // Documentation addresses (RFC 5737): shown and encoded, never connected to.
    SharePanel panel;
    panel.resize(900, 320);
    panel.setPort(8123);
    panel.setAddresses({QStringLiteral("192.0.2.10"), QStringLiteral("198.51.100.7")});
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));

    const QStringList expected
        = {QStringLiteral("http://192.0.2.10:8123/"), QStringLiteral("http://198.51.100.7:8123/")};
    QCOMPARE(panel.urls(), expected);
    auto *list = child<QListWidget>(&panel, "shareUrlList");
    QCOMPARE(list->count(), 2);
    QCOMPARE(list->item(0)->text(), expected.at(0));
    QCOMPARE(list->item(1)->text(), expected.at(1));
    QCOMPARE(panel.selectedUrl(), expected.at(0));
    QCOMPARE(decodeWidget(panel.qrCodeWidget()), expected.at(0));

    // The selection picks the QR code; a join code goes into it as ?code=.
    QSignalSpy changed(&panel, &SharePanel::shareChanged);
    list->setCurrentRow(1);
    QCOMPARE(changed.size(), 1);
    panel.setJoinCode(QStringLiteral("4821"));
    QCOMPARE(panel.qrUrl(), QStringLiteral("http://198.51.100.7:8123/?code=4821"));
    QCOMPARE(child<QLabel>(&panel, "joinCodeLabel")->text(), QStringLiteral("4821"));
    QVERIFY(child<QCheckBox>(&panel, "joinCodeCheck")->isChecked());
    QCOMPARE(decodeWidget(panel.qrCodeWidget()), panel.qrUrl());

    // The code is percent-encoded in the URL, and the QR code holds it exactly.
    panel.setJoinCode(QStringLiteral("a b&c"));
    QCOMPARE(panel.qrUrl(), QStringLiteral("http://198.51.100.7:8123/?code=a%20b%26c"));
    QCOMPARE(decodeWidget(panel.qrCodeWidget()), panel.qrUrl());

    // Also drawn into an image directly, with its quiet zone.
    const QrCode code = QrCode::encode(expected.at(0));
    QVERIFY(!code.isNull());
    const QImage image = code.toImage(4);
    QCOMPARE(image.width(), code.sizeWithQuietZone() * 4);
    QCOMPARE(image.pixelColor(2, 2), QColor(Qt::white)); // the quiet zone
    QCOMPARE(image.pixelColor(QrCode::QuietZone * 4 + 1, QrCode::QuietZone * 4 + 1),
             QColor(Qt::black)); // the top-left finder pattern
    QCOMPARE(decodeQr(image), expected.at(0));

    // IPv6 addresses get brackets.
    QCOMPARE(SharePanel::browserUrl(QStringLiteral("fd00::2"), 80),
             QStringLiteral("http://[fd00::2]:80/"));
}

void tst_SharePanel::generatedJoinCodes()
{
    const QRegularExpression four(QStringLiteral("^[1-9][0-9]{3}$"));
    const QRegularExpression six(
        QStringLiteral("^[%1]{6}$").arg(QLatin1String(SharePanel::SixCharacterAlphabet)));
    QSet<QString> seen;
    QSet<QChar> used;
    for (int i = 0; i < 200; ++i) {
        const QString code = SharePanel::generateJoinCode();
        QVERIFY2(four.match(code).hasMatch(), qPrintable(code));
        seen.insert(code);
        const QString characters
            = SharePanel::generateJoinCode(SharePanel::CodeKind::SixCharacters);
        QVERIFY2(six.match(characters).hasMatch(), qPrintable(characters));
        for (QChar c : characters)
            used.insert(c);
    }
    QVERIFY(seen.size() > 100); // random, not one code over and over
    QCOMPARE(used.size(), int(sizeof(SharePanel::SixCharacterAlphabet)) - 1); // all of them
    // No look-alikes: whoever reads the code off a projector cannot mistake one for another.
    for (char c : {'0', 'o', '1', 'l', 'i', '9', 'g', 'q'})
        QVERIFY(!used.contains(QLatin1Char(c)));

    // Ticking the box asks for a fresh code; unticking asks for none.
    SharePanel panel;
    QSignalSpy requested(&panel, &SharePanel::joinCodeRequested);
    child<QCheckBox>(&panel, "joinCodeCheck")->setChecked(true);
    QCOMPARE(requested.size(), 1);
    const QString code = requested.first().first().toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^[0-9]{4,6}$")).match(code).hasMatch(),
             qPrintable(code));
    panel.setJoinCode(code);
    child<QPushButton>(&panel, "newJoinCodeButton")->click();
    QCOMPARE(requested.size(), 2);
    // Six characters instead: picking the kind asks for a fresh code of that kind.
    QComboBox *kind = child<QComboBox>(&panel, "joinCodeKind");
    QVERIFY(kind->isVisibleTo(&panel));
    kind->setCurrentIndex(kind->findData(int(SharePanel::CodeKind::SixCharacters)));
    emit kind->activated(kind->currentIndex());
    QCOMPARE(requested.size(), 3);
    QCOMPARE(requested.last().first().toString().size(), 6);
    child<QPushButton>(&panel, "newJoinCodeButton")->click();
    QCOMPARE(requested.last().first().toString().size(), 6);
    child<QCheckBox>(&panel, "joinCodeCheck")->setChecked(false);
    QCOMPARE(requested.size(), 5);
    QCOMPARE(requested.last().first().toString(), QString());

    // While addresses are locked out for wrong codes, the panel says so.
    QLabel *warning = child<QLabel>(&panel, "shareLockoutWarning");
    QVERIFY(!warning->isVisibleTo(&panel));
    panel.setLockedOutAddresses(2);
    QVERIFY(warning->isVisibleTo(&panel));
    QVERIFY2(warning->text().contains(QStringLiteral("2 addresses")), qPrintable(warning->text()));
    panel.setLockedOutAddresses(0);
    QVERIFY(!warning->isVisibleTo(&panel));
}

void tst_SharePanel::shareSwitchesToLocalNetwork()
{
    QScopedPointer<MainWindow> window(startedWindow());
    QVERIFY(window->isListening());
    QCOMPARE(window->listeningHost(), QStringLiteral("127.0.0.1"));
    const quint16 port = window->port();
    SharePanel *panel = window->sharePanel();
    QVERIFY(!panel->isVisible());

    TestClient before;
    QVERIFY(before.openNative(chatUrl(port)));

    // The toolbar's action (the one Share button): the server moves to 0.0.0.0, same port.
    child<QAction>(window.data(), "actionShare")->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(window->listeningHost(), QStringLiteral("0.0.0.0"), Timeout);
    QCOMPARE(window->port(), port);
    QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible(), Timeout);
    QVERIFY(child<QLabel>(window.data(), "serverStateLabel")
                ->text()
                .contains(QStringLiteral("local network")));

    // Every network address, as a browser URL on the port.
    QStringList addresses = window->lanAddresses();
    if (addresses.isEmpty())
        addresses = {QStringLiteral("127.0.0.1")};
    QCOMPARE(panel->addresses(), addresses);
    auto *list = child<QListWidget>(panel, "shareUrlList");
    QCOMPARE(list->count(), addresses.size());
    for (int i = 0; i < addresses.size(); ++i) {
        QCOMPARE(list->item(i)->text(),
                 QStringLiteral("http://%1:%2/").arg(addresses.at(i)).arg(port));
    }
    QCOMPARE(decodeWidget(panel->qrCodeWidget()), panel->selectedUrl());

    // The member connected before the move is still there, and new ones get in.
    before.send(
        QJsonObject {{QStringLiteral("type"), QStringLiteral("ping")}, {QStringLiteral("ts"), 1}});
    QJsonObject pong;
    QVERIFY(before.nextOfType(QStringLiteral("pong"), &pong));
    TestClient after;
    QVERIFY(after.openNative(chatUrl(port)));

    // And back to this computer only; the panel goes, the members stay.
    child<QPushButton>(panel, "stopSharingButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(window->listeningHost(), QStringLiteral("127.0.0.1"), Timeout);
    QCOMPARE(window->port(), port);
    QVERIFY(!panel->isVisible());
    QVERIFY(!before.isDisconnected);
    QVERIFY(!after.isDisconnected);

    // Hide keeps sharing; the action shows the panel again.
    window->shareOnLocalNetwork();
    QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible(), Timeout);
    child<QPushButton>(panel, "hideShareButton")->click();
    QVERIFY(!panel->isVisible());
    QCOMPARE(window->listeningHost(), QStringLiteral("0.0.0.0"));
    child<QAction>(window.data(), "actionShare")->trigger();
    QVERIFY(panel->isVisible());
}

void tst_SharePanel::rebindFailureKeepsListening()
{
    TestServer server {TestServer::productDefaults()};
    server.init();
    QSignalSpy listening(server.manager(), &RoomManager::listening);
    QSignalSpy rebound(server.manager(), &RoomManager::rebound);
    QSignalSpy failed(server.manager(), &RoomManager::rebindFailed);
    QVERIFY(server.start());
    QCOMPARE(listening.size(), 1);
    const quint16 port = server.port();
    TestClient member;
    QVERIFY(member.openNative(chatUrl(port)));

    server.host()->rebind(QHostAddress(QHostAddress::AnyIPv4));
    QTRY_COMPARE_WITH_TIMEOUT(rebound.size(), 1, Timeout);
    QCOMPARE(rebound.first().at(0).toString(), QStringLiteral("0.0.0.0"));
    QCOMPARE(rebound.first().at(1).value<quint16>(), port);

    // An address this machine does not have (TEST-NET-3, never contacted): refused, and the
    // server listens where it did.
    server.host()->rebind(QHostAddress(QStringLiteral("203.0.113.5")));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, Timeout);
    QVERIFY2(failed.first().first().toString().contains(QStringLiteral("203.0.113.5")),
             qPrintable(failed.first().first().toString()));
    QCOMPARE(rebound.size(), 1);
    TestClient later;
    QVERIFY(later.openNative(chatUrl(port)));
    QVERIFY(!member.isDisconnected);
    QCOMPARE(listening.size(), 1); // no second "listening": scripts read that line once
}

void tst_SharePanel::joinCodeIsEnforced()
{
    QScopedPointer<MainWindow> window(startedWindow());
    QVERIFY(window->isListening());
    const quint16 port = window->port();
    window->shareOnLocalNetwork();
    SharePanel *panel = window->sharePanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible(), Timeout);

    TestClient inBefore;
    QVERIFY(inBefore.openNative(chatUrl(port)));

    // Turned on while running: a fresh 4-6 digit code, shown big, in the URLs and the QR code.
    child<QCheckBox>(panel, "joinCodeCheck")->setChecked(true);
    const QString code = window->config().joinCode;
    QVERIFY2(QRegularExpression(QStringLiteral("^[0-9]{4,6}$")).match(code).hasMatch(),
             qPrintable(code));
    QCOMPARE(panel->joinCode(), code);
    auto *codeLabel = child<QLabel>(panel, "joinCodeLabel");
    QCOMPARE(codeLabel->text(), code);
    QVERIFY(codeLabel->isVisible());
    QVERIFY(codeLabel->font().pointSizeF() >= 24);
    QCOMPARE(panel->qrUrl(), panel->selectedUrl() + QStringLiteral("?code=") + code);
    QCOMPARE(decodeWidget(panel->qrCodeWidget()), panel->qrUrl());
    QCOMPARE(child<QLineEdit>(window.data(), "nativeUrl")->text(),
             QStringLiteral("ws://%1:%2/chat?code=%3")
                 .arg(panel->addresses().first())
                 .arg(port)
                 .arg(code));

    // "Open in Browser" opens the same page, code included.
    QCOMPARE(child<QLineEdit>(window.data(), "browserUrl")->text(), panel->qrUrl());

    // Enforced by the real server: without it 1008, with a wrong one 1008, with it welcome.
    TestClient without;
    QVERIFY(without.openAndWait(chatUrl(port)));
    QVERIFY(without.waitDisconnected());
    QCOMPARE(without.closeCode, 1008);
    QCOMPARE(without.closeReason, QStringLiteral("join code missing or wrong"));
    QVERIFY(without.frames.isEmpty()); // no welcome
    TestClient wrong;
    QVERIFY(wrong.openAndWait(chatUrl(port, QStringLiteral("code=0000"))));
    QVERIFY(wrong.waitDisconnected());
    QCOMPARE(wrong.closeCode, 1008);
    TestClient with;
    QVERIFY(with.openNative(chatUrl(port, QStringLiteral("code=") + code)));
    // The members already in stay.
    QVERIFY(!inBefore.isDisconnected);

    // Turned off again: anyone gets in.
    child<QCheckBox>(panel, "joinCodeCheck")->setChecked(false);
    QCOMPARE(window->config().joinCode, QString());
    QVERIFY(!codeLabel->isVisible());
    QCOMPARE(decodeWidget(panel->qrCodeWidget()), panel->selectedUrl());
    TestClient anyone;
    QVERIFY(anyone.openNative(chatUrl(port)));
}

void tst_SharePanel::lanShowsThePanelAtOnce()
{
    // What main() does with `wsroom --lan`.
    const CommandLine options = CommandLine::parse(
        {QStringLiteral("wsroom"), QStringLiteral("--lan"), QStringLiteral("--port"),
         QStringLiteral("0"), QStringLiteral("--join-code"), QStringLiteral("314159"),
         QStringLiteral("--store"), QStringLiteral("none")});
    QCOMPARE(options.outcome, CommandLine::Outcome::Run);
    QVERIFY(options.lan);
    QCOMPARE(options.config.bindAddress, QHostAddress(QHostAddress::AnyIPv4));

    MainWindow window(options.config);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.shareOnLocalNetwork();
    QTRY_VERIFY_WITH_TIMEOUT(window.isListening(), Timeout);
    QCOMPARE(window.listeningHost(), QStringLiteral("0.0.0.0"));
    SharePanel *panel = window.sharePanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible(), Timeout);
    QVERIFY(!panel->addresses().isEmpty());
    QCOMPARE(panel->joinCode(), QStringLiteral("314159"));
    QVERIFY(panel->qrCodeWidget()->isVisible());
    QVERIFY(!panel->qrCodeWidget()->code().isNull());
    QCOMPARE(decodeWidget(panel->qrCodeWidget()),
             QStringLiteral("http://%1:%2/?code=314159")
                 .arg(panel->addresses().first())
                 .arg(window.port()));

    // Without --lan the window waits for Start, and shows no panel.
    const CommandLine plain = CommandLine::parse({QStringLiteral("wsroom")});
    QVERIFY(!plain.lan);
    QCOMPARE(CommandLine::parse({QStringLiteral("wsroom"), QStringLiteral("--lan"),
                                 QStringLiteral("--bind"), QStringLiteral("127.0.0.1")})
                 .outcome,
             CommandLine::Outcome::Error);
}

void tst_SharePanel::presenterView()
{
    QScopedPointer<MainWindow> window(startedWindow());
    QVERIFY(window->isListening());
    const quint16 port = window->port();
    window->shareOnLocalNetwork();
    QTRY_VERIFY_WITH_TIMEOUT(window->sharePanel()->isVisible(), Timeout);
    window->setJoinCode(QStringLiteral("2718"));

    auto *action = child<QAction>(window.data(), "actionPresenter");
    QVERIFY(action->shortcuts().contains(QKeySequence(Qt::Key_F11)));
    QVERIFY(action->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)));
    action->trigger();
    PresenterView *view = window->presenterView();
    QVERIFY(view);
    QVERIFY(QTest::qWaitForWindowExposed(view));
    QVERIFY(view->windowState() & Qt::WindowFullScreen);
    QCOMPARE(view->url(), window->sharePanel()->selectedUrl());
    QCOMPARE(view->joinCode(), QStringLiteral("2718"));
    QCOMPARE(child<QLabel>(view, "presenterJoinCode")->text(), QStringLiteral("Code: 2718"));
    QCOMPARE(decodeWidget(view->qrCodeWidget()), window->sharePanel()->qrUrl());

    // The live room: members and their messages.
    TestClient alice;
    QVERIFY(
        alice.openNative(chatUrl(port, QStringLiteral("name=alice&room=lobby&code=2718")), true));
    alice.send(QJsonObject {{QStringLiteral("type"), QStringLiteral("message")},
                            {QStringLiteral("room"), QStringLiteral("lobby")},
                            {QStringLiteral("text"), QStringLiteral("hello class")}});
    auto shows = [view](const QString &text) {
        const QAbstractItemModel *model = view->messagesModel();
        for (int row = 0; row < model->rowCount(); ++row) {
            for (int column = 0; column < model->columnCount(); ++column) {
                if (model->index(row, column).data().toString().contains(text))
                    return true;
            }
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(shows(QStringLiteral("hello class")), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(
        window->roomsModel()->memberIndex(QStringLiteral("lobby"), alice.memberId).isValid(),
        Timeout);

    // Esc leaves, and the action follows.
    QTest::keyClick(view, Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(!window->presenterView(), Timeout);
    QVERIFY(!action->isChecked());
}

void tst_SharePanel::notificationsFromTheWindow()
{
    QScopedPointer<MainWindow> window(startedWindow());
    QVERIFY(window->isListening());
    const quint16 port = window->port();
    window->setNotificationInterval(0); // no reminders in between

    TestClient nora;
    QVERIFY(nora.openAndWait(
        QUrl(QStringLiteral("ws://127.0.0.1:%1/ws/notifications/nora").arg(port))));
    TestClient nina; // native, on this machine: may notify too
    QVERIFY(nina.openNative(chatUrl(port, QStringLiteral("name=nina"))));
    QTRY_VERIFY_WITH_TIMEOUT(
        window->roomsModel()
            ->memberIndex(QStringLiteral("notifications"), QStringLiteral("m1"))
            .isValid(),
        Timeout);

    // From the window's dialog: typed, Send Now.
    child<QAction>(window.data(), "actionNotify")->trigger();
    NotificationDialog *dialog = window->notificationDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->interval(), 0.0);
    auto *send = child<QPushButton>(dialog, "sendNotificationButton");
    QVERIFY(!send->isEnabled());
    dialog->textEdit()->setText(QStringLiteral("  five minutes left  "));
    send->click();
    QJsonObject frame;
    QVERIFY(nora.next(&frame));
    QCOMPARE(frame.value(QLatin1String("type")).toString(), QStringLiteral("notification"));
    QCOMPARE(frame.value(QLatin1String("message")).toString(), QStringLiteral("five minutes left"));
    QVERIFY(frame.contains(QLatin1String("timestamp")));
    QVERIFY(dialog->textEdit()->text().isEmpty());

    // A native notify reaches the same clients, as the protocol says.
    nina.send(QJsonObject {{QStringLiteral("type"), QStringLiteral("notify")},
                           {QStringLiteral("text"), QStringLiteral("from nina")},
                           {QStringLiteral("ref"), 7}});
    QJsonObject ack;
    QVERIFY(nina.nextOfType(QStringLiteral("ack"), &ack));
    QVERIFY(nora.next(&frame));
    QCOMPARE(frame.value(QLatin1String("message")).toString(), QStringLiteral("from nina"));
    // The native member gets no notification itself.
    QVERIFY(countFrames(nina, QStringLiteral("\"notification\"")) == 0);
}

void tst_SharePanel::intervalTakesEffect()
{
    QScopedPointer<MainWindow> window(startedWindow());
    QVERIFY(window->isListening());
    const quint16 port = window->port();
    window->showNotificationDialog();
    NotificationDialog *dialog = window->notificationDialog();
    auto *spin = child<QDoubleSpinBox>(dialog, "notificationInterval");
    QCOMPARE(spin->value(), 5.0); // --notification-interval's default
    spin->setValue(0);
    QCOMPARE(window->config().notificationInterval, 0.0);

    TestClient nora;
    QVERIFY(nora.openAndWait(
        QUrl(QStringLiteral("ws://127.0.0.1:%1/ws/notifications/nora").arg(port))));
    const QString reminder = QStringLiteral("New notification for nora");

    // Faster, for a client already connected: reminders come.
    spin->setValue(0.2);
    QCOMPARE(window->config().notificationInterval, 0.2);
    QTRY_VERIFY_WITH_TIMEOUT(countFrames(nora, reminder) >= 3, Timeout);

    // Off: after the marker (sent after the change, so it arrives after any reminder already
    // under way) no reminder comes in five intervals.
    spin->setValue(0);
    window->sendNotification(QStringLiteral("marker"));
    QTRY_VERIFY_WITH_TIMEOUT(countFrames(nora, QStringLiteral("marker")) == 1, Timeout);
    const int atMarker = countFrames(nora, reminder);
    QTest::qWait(1000);
    QCOMPARE(countFrames(nora, reminder), atMarker);
}

QTEST_MAIN(tst_SharePanel)
#include "tst_sharepanel.moc"
