// TLS on the server's one port: wss:// and https://, plain HTTP refused, stalled handshakes cut,
// certificates pinned or refused, bad files told in one line. Real sockets on loopback.

#include "client/chatclient.h"
#include "server/roommanager.h"
#include "server/serverhost.h"
#include "server/tlscredentials.h"
#include "tests/common/rawwebsocket.h"
#include "tests/common/testclient.h"
#include "tests/common/testserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QString dataFile(const char *name)
{
    return QStringLiteral(WSROOM_TEST_DATA "/tls/") + QLatin1String(name);
}

QSslCertificate serverCertificate()
{
    const QList<QSslCertificate> certs = QSslCertificate::fromPath(dataFile("server.crt"));
    return certs.isEmpty() ? QSslCertificate() : certs.first();
}

} // namespace

class tst_Tls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void wssChat();
    void httpsStatus();
    void plainHttpOnTlsPortRefused();
    void stalledTlsHandshakeCut();
    void untrustedCertificateRefused();
    void pinnedCertificateTrusted();
    void slowConsumerCountsEncryptedBytes();
    void badFiles_data();
    void badFiles();
    void commandLineBadFileExits2_data();
    void commandLineBadFileExits2();
    void commandLineListeningLine();

private:
    // One HTTPS request to port (0: the test server's); the whole answer, read until the server
    // closes.
    QByteArray https(const QByteArray &request, quint16 port = 0);

    TestServer m_server {TestServer::testDefaults([](ServerConfig &c) {
        c.tlsCertFile = dataFile("server.crt");
        c.tlsKeyFile = dataFile("server.key");
    })};
};

void tst_Tls::initTestCase()
{
    QVERIFY2(TlsCredentials::available(), "Qt has no TLS backend here");
    QVERIFY(!serverCertificate().isNull());
}

void tst_Tls::init()
{
    m_server.init();
}

void tst_Tls::cleanup()
{
    m_server.cleanup();
}

QByteArray tst_Tls::https(const QByteArray &request, quint16 port)
{
    RawWebSocket client(true);
    if (!client.connectTo(port ? port : m_server.port(), serverCertificate()))
        return QByteArray();
    client.sendRaw(request);
    client.waitDisconnected();
    return client.unparsed();
}

void tst_Tls::wssChat()
{
    QVERIFY(m_server.start());
    ChatClient alice;
    ChatClient bob;
    for (ChatClient *c : {&alice, &bob})
        c->setTrustedCertificates({serverCertificate()});
    QSignalSpy aliceJoined(&alice, &ChatClient::joined);
    QSignalSpy bobJoined(&bob, &ChatClient::joined);
    alice.open(m_server.url(u"/chat?name=alice&room=lobby"_s));
    bob.open(m_server.url(u"/chat?name=bob&room=lobby"_s));
    QTRY_COMPARE_WITH_TIMEOUT(aliceJoined.size(), 1, TestClient::Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(bobJoined.size(), 1, TestClient::Timeout);

    QSignalSpy bobMessages(&bob, &ChatClient::messageReceived);
    alice.sendMessage(u"lobby"_s, u"over TLS"_s);
    QTRY_COMPARE_WITH_TIMEOUT(bobMessages.size(), 1, TestClient::Timeout);
    const auto message = bobMessages.first().first().value<ChatMessage>();
    QCOMPARE(message.text, u"over TLS"_s);
    QCOMPARE(message.from.name, u"alice"_s);

    // A hand-made client over TLS reaches the tutorial dialects too.
    RawWebSocket raw(true);
    QVERIFY(raw.connectTo(m_server.port(), serverCertificate()));
    QVERIFY2(raw.handshake("/ws/lobby/carol"), raw.responseHead.constData());
    raw.sendText("hello from carol");
    QTRY_COMPARE_WITH_TIMEOUT(bobMessages.size(), 2, TestClient::Timeout);
    QCOMPARE(bobMessages.at(1).first().value<ChatMessage>().text, u"hello from carol"_s);
}

void tst_Tls::httpsStatus()
{
    QVERIFY(m_server.start());
    const QByteArray response = https("GET /api/status HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY2(response.startsWith("HTTP/1.1 200 OK\r\n"), response.left(200).constData());
    const QJsonObject status
        = QJsonDocument::fromJson(response.mid(response.indexOf("\r\n\r\n") + 4)).object();
    QCOMPARE(status.value("version"_L1).toString(), RoomManager::version());

    // The browser client's page too.
    QVERIFY(https("GET / HTTP/1.1\r\nHost: x\r\n\r\n").startsWith("HTTP/1.1 200 OK\r\n"));
}

void tst_Tls::plainHttpOnTlsPortRefused()
{
    QVERIFY(m_server.start());
    for (const QByteArray &request :
         {QByteArray("GET /api/status HTTP/1.1\r\nHost: x\r\n\r\n"),
          QByteArray("GET /chat HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: "
                     "Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                     "Sec-WebSocket-Version: 13\r\n\r\n")}) {
        RawWebSocket plain;
        QVERIFY(plain.connectTo(m_server.port()));
        plain.sendRaw(request);
        QVERIFY(plain.waitDisconnected());
        const QByteArray response = plain.unparsed();
        QVERIFY2(response.startsWith("HTTP/1.1 400 Bad Request\r\n"), response.constData());
        QVERIFY2(response.endsWith("This port speaks TLS: use https:// / wss://\n"),
                 response.constData());
    }
}

void tst_Tls::stalledTlsHandshakeCut()
{
    QVERIFY(m_server.start([](ServerConfig &c) { c.handshakeTimeoutMs = 300; }));
    // The first bytes of a ClientHello, and then nothing.
    RawWebSocket stalled;
    QVERIFY(stalled.connectTo(m_server.port()));
    stalled.sendRaw(QByteArray::fromHex("160301"));
    QVERIFY2(stalled.waitDisconnected(), "a stalled TLS handshake was not cut");
    QVERIFY2(stalled.unparsed().isEmpty(), stalled.unparsed().constData());

    // A TLS connection whose request head never comes is cut the same way.
    RawWebSocket silent(true);
    QVERIFY(silent.connectTo(m_server.port(), serverCertificate()));
    QVERIFY2(silent.waitDisconnected(), "a silent TLS connection was not cut");

    // And the server still serves.
    QVERIFY(https("GET /api/status HTTP/1.1\r\nHost: x\r\n\r\n").startsWith("HTTP/1.1 200"));
}

void tst_Tls::untrustedCertificateRefused()
{
    QVERIFY(m_server.start());
    for (const QList<QSslCertificate> &trusted :
         {QList<QSslCertificate>(), QSslCertificate::fromPath(dataFile("other.crt"))}) {
        ChatClient client;
        client.setTrustedCertificates(trusted);
        QSignalSpy connected(&client, &ChatClient::connected);
        QSignalSpy disconnected(&client, &ChatClient::disconnected);
        client.open(m_server.url(u"/chat?name=eve"_s));
        QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, TestClient::Timeout);
        QCOMPARE(connected.size(), 0);
        QCOMPARE(disconnected.first().at(0).toInt(), ChatClient::AbnormalCloseCode);
        const QString reason = disconnected.first().at(1).toString();
        QVERIFY2(reason.contains(u"not trusted"_s), qPrintable(reason));
    }
}

void tst_Tls::pinnedCertificateTrusted()
{
    QVERIFY(m_server.start());
    ChatClient client;
    client.setTrustedCertificates({serverCertificate()});
    QSignalSpy welcomed(&client, &ChatClient::welcomed);
    // "localhost" is in the certificate; the pin holds whatever the name.
    client.open(QUrl(u"wss://localhost:%1/chat?name=pinned"_s.arg(m_server.port())));
    QTRY_COMPARE_WITH_TIMEOUT(welcomed.size(), 1, TestClient::Timeout);
    QCOMPARE(client.self().name, u"pinned"_s);
    QVERIFY(client.isConnected());
}

void tst_Tls::slowConsumerCountsEncryptedBytes()
{
    // A reader that stops reading: what waits for it is encrypted, past QSslSocket's own
    // buffer. The limit must count it, or the server's memory grows without bound.
    QVERIFY(m_server.start([](ServerConfig &c) {
        c.maxOutgoingBytes = 256 * 1024;
        c.maxMessageBytes = 1 << 20;
    }));
    RawWebSocket sloth(true);
    QVERIFY(sloth.connectTo(m_server.port(), serverCertificate()));
    QVERIFY(sloth.handshake("/ws/lobby/sloth"));
    sloth.socket()->setReadBufferSize(4096);
    sloth.socket()->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);

    ChatClient sender;
    sender.setTrustedCertificates({serverCertificate()});
    QSignalSpy joined(&sender, &ChatClient::joined);
    sender.open(m_server.url(u"/chat?name=sender&room=lobby"_s));
    QTRY_COMPARE_WITH_TIMEOUT(joined.size(), 1, TestClient::Timeout);
    auto status = [this] {
        const QByteArray response = https("GET /api/status HTTP/1.1\r\nHost: x\r\n\r\n");
        return QJsonDocument::fromJson(response.mid(response.indexOf("\r\n\r\n") + 4)).object();
    };
    auto connections = [&] {
        return status().value("connections"_L1).toInt();
    };
    QTRY_COMPARE_WITH_TIMEOUT(connections(), 2, TestClient::Timeout);
    // The sender reads its own messages back, in batches, so it keeps up: only the sloth may
    // be closed.
    const QString big(60000, 'z'_L1);
    QSignalSpy echoes(&sender, &ChatClient::messageReceived);
    QSignalSpy senderClosed(&sender, &ChatClient::disconnected);
    bool closed = false;
    auto sawSlowClose = [&] {
        return status().value("totals"_L1).toObject().value("slow_consumers"_L1).toInt() == 1;
    };
    for (int batch = 0; batch < 100 && !closed; ++batch) {
        for (int i = 0; i < 4; ++i)
            sender.sendMessage(u"lobby"_s, big);
        QTRY_COMPARE_WITH_TIMEOUT(echoes.size(), 4 * (batch + 1), TestClient::Timeout);
        closed = sawSlowClose();
    }
    if (!closed)
        closed = QTest::qWaitFor(sawSlowClose, TestClient::Timeout);
    QVERIFY2(closed, "the slow TLS consumer was not closed");
    QTRY_COMPARE_WITH_TIMEOUT(connections(), 1, 2 * TestClient::Timeout); // the sloth, cut
    QVERIFY(sender.isConnected());
    QCOMPARE(senderClosed.size(), 0);
}

void tst_Tls::badFiles_data()
{
    QTest::addColumn<QString>("cert");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("error");
    QTest::newRow("missing certificate")
        << u"/nonexistent/wsroom.crt"_s << dataFile("server.key") << u"cannot read"_s;
    QTest::newRow("key as certificate")
        << dataFile("server.key") << dataFile("server.key") << u"holds no PEM certificate"_s;
    QTest::newRow("certificate as key")
        << dataFile("server.crt") << dataFile("server.crt") << u"holds no PEM private key"_s;
    QTest::newRow("key of another certificate")
        << dataFile("server.crt") << dataFile("other.key") << u"does not belong"_s;
    QTest::newRow("encrypted key")
        << dataFile("server.crt") << dataFile("encrypted.key") << u"passphrase"_s;
    QTest::newRow("expired certificate")
        << dataFile("expired.crt") << dataFile("expired.key") << u"expired on 2001-01-01"_s;
}

void tst_Tls::badFiles()
{
    QFETCH(QString, cert);
    QFETCH(QString, key);
    QFETCH(QString, error);
    QSslConfiguration config;
    QString message;
    QVERIFY(!TlsCredentials::load(cert, key, &config, &message));
    QVERIFY2(message.contains(error), qPrintable(message));
    QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(message));

    // Started from the GUI, the same line comes as startFailed, and nothing listens.
    ServerConfig c;
    c.port = 0;
    c.tlsCertFile = cert;
    c.tlsKeyFile = key;
    QSignalSpy failed(m_server.manager(), &RoomManager::startFailed);
    QSignalSpy listening(m_server.manager(), &RoomManager::listening);
    m_server.host()->start(c);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, TestClient::Timeout);
    QCOMPARE(failed.first().first().toString(), message);
    QCOMPARE(listening.size(), 0);
}

void tst_Tls::commandLineBadFileExits2_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("error");
    QTest::newRow("missing key") << QStringList {u"--tls-cert"_s, dataFile("server.crt"),
                                                 u"--tls-key"_s, u"/nonexistent/wsroom.key"_s}
                                 << u"wsroom: cannot read /nonexistent/wsroom.key"_s;
    QTest::newRow("mismatched key")
        << QStringList {u"--tls-cert"_s, dataFile("server.crt"), u"--tls-key"_s,
                        dataFile("other.key")}
        << u"wsroom: the private key in %1 does not belong to the certificate in %2"_s.arg(
               dataFile("other.key"), dataFile("server.crt"));
    QTest::newRow("certificate alone") << QStringList {u"--tls-cert"_s, dataFile("server.crt")}
                                       << u"wsroom: --tls-cert and --tls-key go together"_s;
}

void tst_Tls::commandLineBadFileExits2()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, error);
    QProcess wsroom;
    wsroom.start(QStringLiteral(WSROOM_BINARY),
                 QStringList {u"--headless"_s, u"--store"_s, u"none"_s, u"--port"_s, u"0"_s}
                     + arguments);
    QVERIFY(wsroom.waitForFinished(TestClient::Timeout));
    QCOMPARE(wsroom.exitStatus(), QProcess::NormalExit);
    QCOMPARE(wsroom.exitCode(), 2);
    QCOMPARE(wsroom.readAllStandardOutput(), QByteArray());
    const QString stderrText = QString::fromUtf8(wsroom.readAllStandardError());
    QCOMPARE(stderrText, error + QLatin1Char('\n'));
}

void tst_Tls::commandLineListeningLine()
{
    QProcess wsroom;
    wsroom.start(QStringLiteral(WSROOM_BINARY),
                 {u"--headless"_s, u"--store"_s, u"none"_s, u"--port"_s, u"0"_s, u"--tls-cert"_s,
                  dataFile("server.crt"), u"--tls-key"_s, dataFile("server.key")});
    QVERIFY(wsroom.waitForStarted(TestClient::Timeout));
    QTRY_VERIFY_WITH_TIMEOUT(wsroom.canReadLine(), TestClient::Timeout);
    const QString line = QString::fromUtf8(wsroom.readLine());
    const QRegularExpression pattern(
        uR"(^wsroom: listening on wss://127\.0\.0\.1:(\d+)/ \(https://127\.0\.0\.1:\1/\)\n$)"_s);
    const QRegularExpressionMatch match = pattern.match(line);
    QVERIFY2(match.hasMatch(), qPrintable(line));
    const quint16 port = quint16(match.captured(1).toUInt());
    QVERIFY(
        https("GET /api/status HTTP/1.1\r\nHost: x\r\n\r\n", port).startsWith("HTTP/1.1 200 OK"));
    wsroom.terminate();
    QVERIFY(wsroom.waitForFinished(TestClient::Timeout));
    QCOMPARE(wsroom.exitCode(), 0);
}

QTEST_MAIN(tst_Tls)
#include "tst_tls.moc"
