// The server's connection sockets and their SocketTapper over real sockets on loopback: an idle
// connection gives back its buffers' memory and goes on working, in both directions, with and
// without TLS.

#include "server/frametap.h"
#include "server/sockettapper.h"
#include "server/tappingsocket.h"
#include "server/tappingsslsocket.h"
#include "server/tcplistener.h"
#include "server/tlscredentials.h"

#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTest>

#include <memory>
#include <vector>

#ifdef __GLIBC__
#include <malloc.h>
#endif

using namespace Qt::StringLiterals;

namespace {

constexpr int Timeout = 10000;

QString dataFile(const char *name)
{
    return QStringLiteral(WSROOM_TEST_DATA "/tls/") + QLatin1String(name);
}

// One connection: the server's socket, made by a TcpListener as the room manager makes them,
// and a plain client.
struct Pair
{
    QTcpSocket *server = nullptr;
    std::unique_ptr<QTcpSocket> client;
};

// Reads exactly n bytes with read(char *, n), the way QWebSocket reads frames (readAll() would
// take the buffer's chunk away with the bytes).
QByteArray readExactly(QTcpSocket *socket, qint64 n)
{
    QByteArray bytes;
    if (!QTest::qWaitFor([&] { return socket->bytesAvailable() >= n; }, Timeout))
        return bytes;
    bytes.resize(n);
    bytes.resize(socket->read(bytes.data(), n));
    return bytes;
}

} // namespace

class tst_SocketTapper : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void releasesOnlyWhenUsedAndEmpty();
    void connectionWorksAfterRelease();
    void noReleaseWhileTapped();
    void tlsConnectionWorksAfterRelease();
    void releaseGivesTheMemoryBack();

private:
    bool listen(bool tls);
    bool connectPair(Pair *pair);
    static SocketTapper *tapperOf(const Pair &pair) { return SocketTapper::of(pair.server); }

    std::unique_ptr<TcpListener> m_listener;
    QSslConfiguration m_serverTls;
    bool m_tls = false;
};

void tst_SocketTapper::init()
{
    m_listener.reset();
    m_tls = false;
}

void tst_SocketTapper::cleanup()
{
    m_listener.reset();
}

bool tst_SocketTapper::listen(bool tls)
{
    m_tls = tls;
    if (tls) {
        QString error;
        if (!TlsCredentials::load(dataFile("server.crt"), dataFile("server.key"), &m_serverTls,
                                  &error)) {
            qWarning("%s", qPrintable(error));
            return false;
        }
    }
    m_listener = std::make_unique<TcpListener>([this](qintptr descriptor) -> QTcpSocket * {
        QTcpSocket *socket = nullptr;
        if (m_tls) {
            auto *ssl = new TappingSslSocket;
            ssl->setSslConfiguration(m_serverTls);
            socket = ssl;
        } else {
            socket = new TappingSocket;
        }
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return nullptr;
        }
        if (m_tls)
            static_cast<QSslSocket *>(socket)->startServerEncryption();
        return socket;
    });
    m_listener->setMaxPendingConnections(1024);
    return m_listener->listen(QHostAddress::LocalHost, 0);
}

bool tst_SocketTapper::connectPair(Pair *pair)
{
    if (m_tls) {
        auto *ssl = new QSslSocket;
        ssl->setPeerVerifyMode(QSslSocket::VerifyNone);
        pair->client.reset(ssl);
        ssl->connectToHostEncrypted(u"127.0.0.1"_s, m_listener->serverPort());
    } else {
        pair->client = std::make_unique<QTcpSocket>();
        pair->client->connectToHost(QHostAddress::LocalHost, m_listener->serverPort());
    }
    if (!QTest::qWaitFor([&] { return m_listener->hasPendingConnections(); }, Timeout))
        return false;
    pair->server = m_listener->nextPendingConnection();
    pair->server->setParent(m_listener.get());
    if (!m_tls)
        return pair->client->waitForConnected(Timeout);
    return QTest::qWaitFor(
        [&] {
            return static_cast<QSslSocket *>(pair->client.get())->isEncrypted()
                && static_cast<QSslSocket *>(pair->server)->isEncrypted();
        },
        Timeout);
}

// ---------------------------------------------------------------------------------------------

void tst_SocketTapper::releasesOnlyWhenUsedAndEmpty()
{
    QVERIFY(listen(false));
    Pair pair;
    QVERIFY(connectPair(&pair));
    SocketTapper *tapper = tapperOf(pair);
    QVERIFY(tapper);
    QVERIFY(!tapper->releaseIdleBuffers()); // nothing went through yet

    // Written and not sent yet: the bytes stay.
    pair.server->write("hello");
    QVERIFY(pair.server->bytesToWrite() > 0);
    QVERIFY(!tapper->releaseIdleBuffers());
    QCOMPARE(readExactly(pair.client.get(), 5), "hello"_ba);
    QTRY_COMPARE_WITH_TIMEOUT(pair.server->bytesToWrite(), 0, Timeout);
    QVERIFY(tapper->releaseIdleBuffers());
    QVERIFY(!tapper->releaseIdleBuffers()); // nothing used since

    // Received and not read yet: the bytes stay.
    pair.client->write("world!");
    QTRY_COMPARE_WITH_TIMEOUT(pair.server->bytesAvailable(), 6, Timeout);
    QVERIFY(!tapper->releaseIdleBuffers());
    QCOMPARE(pair.server->bytesAvailable(), 6);
    QCOMPARE(readExactly(pair.server, 6), "world!"_ba);
    QVERIFY(tapper->releaseIdleBuffers());
}

void tst_SocketTapper::connectionWorksAfterRelease()
{
    QVERIFY(listen(false));
    Pair pair;
    QVERIFY(connectPair(&pair));
    SocketTapper *tapper = tapperOf(pair);
    QSignalSpy readyRead(pair.server, &QIODevice::readyRead);
    QSignalSpy bytesWritten(pair.server, &QIODevice::bytesWritten);
    const QIODevice::OpenMode mode = pair.server->openMode();

    for (int round = 0; round < 3; ++round) {
        const QByteArray out = QByteArray(3000 + round, char('a' + round));
        const QByteArray in = QByteArray(40000 + round, char('A' + round)); // past one chunk
        pair.server->write(out);
        pair.client->write(in);
        QCOMPARE(readExactly(pair.client.get(), out.size()), out);
        QCOMPARE(readExactly(pair.server, in.size()), in);
        QTRY_COMPARE_WITH_TIMEOUT(pair.server->bytesToWrite(), 0, Timeout);
        QVERIFY(tapper->releaseIdleBuffers());
        QCOMPARE(pair.server->openMode(), mode);
        QCOMPARE(pair.server->state(), QAbstractSocket::ConnectedState);
    }
    QVERIFY(readyRead.size() >= 3); // the signals still come
    QVERIFY(bytesWritten.size() >= 3);

    // And the end of the connection is still seen.
    QSignalSpy disconnected(pair.server, &QAbstractSocket::disconnected);
    pair.client->disconnectFromHost();
    QVERIFY(disconnected.wait(Timeout));
}

void tst_SocketTapper::noReleaseWhileTapped()
{
    QVERIFY(listen(false));
    Pair pair;
    QVERIFY(connectPair(&pair));
    SocketTapper *tapper = tapperOf(pair);
    FrameTap tap;
    tapper->setTap(&tap);
    pair.server->write("x");
    QCOMPARE(readExactly(pair.client.get(), 1), "x"_ba);
    QTRY_COMPARE_WITH_TIMEOUT(pair.server->bytesToWrite(), 0, Timeout);
    // The tap counts on the read buffer as it is (see SocketTapper::setTap()).
    QVERIFY(!tapper->releaseIdleBuffers());
    tapper->setTap(nullptr);
    QVERIFY(tapper->releaseIdleBuffers());
}

void tst_SocketTapper::tlsConnectionWorksAfterRelease()
{
    if (!TlsCredentials::available())
        QSKIP("no TLS backend");
    QVERIFY(listen(true));
    Pair pair;
    QVERIFY(connectPair(&pair));
    SocketTapper *tapper = tapperOf(pair);
    for (int round = 0; round < 3; ++round) {
        const QByteArray out = QByteArray(2000 + round, char('a' + round));
        const QByteArray in = QByteArray(30000 + round, char('A' + round));
        pair.server->write(out);
        pair.client->write(in);
        QCOMPARE(readExactly(pair.client.get(), out.size()), out);
        QCOMPARE(readExactly(pair.server, in.size()), in);
        QTRY_COMPARE_WITH_TIMEOUT(pair.server->bytesToWrite(), 0, Timeout);
        QVERIFY(tapper->releaseIdleBuffers());
        QVERIFY(static_cast<QSslSocket *>(pair.server)->isEncrypted());
    }
}

void tst_SocketTapper::releaseGivesTheMemoryBack()
{
#ifndef __GLIBC__
    QSKIP("measured with glibc's mallinfo2()");
#else
    // ASan's allocator keeps its own books (./test.sh --asan).
    if (qEnvironmentVariableIsSet("WSROOM_SANITIZED"))
        QSKIP("sanitized build: the allocator is ASan's");
    constexpr int Connections = 100;
    QVERIFY(listen(false));
    std::vector<Pair> pairs(Connections);
    for (Pair &pair : pairs) {
        QVERIFY(connectPair(&pair));
        pair.server->write(QByteArray(200, 'o')); // like a handshake's answer
        pair.client->write(QByteArray(300, 'i')); // like its request
    }
    for (Pair &pair : pairs) {
        QCOMPARE(readExactly(pair.client.get(), 200).size(), 200);
        QCOMPARE(readExactly(pair.server, 300).size(), 300);
        QTRY_COMPARE_WITH_TIMEOUT(pair.server->bytesToWrite(), 0, Timeout);
    }

    const size_t before = mallinfo2().uordblks;
    for (Pair &pair : pairs)
        QVERIFY(tapperOf(pair)->releaseIdleBuffers());
    const size_t after = mallinfo2().uordblks;
    // Each kept at least one chunk of 16 KiB to read into and another to write from.
    const qint64 freedPerConnection = (qint64(before) - qint64(after)) / Connections;
    qInfo("freed %lld bytes per idle connection", freedPerConnection);
    QVERIFY2(freedPerConnection >= 32 * 1024,
             qPrintable(u"only %1 bytes freed per connection"_s.arg(freedPerConnection)));
#endif
}

QTEST_MAIN(tst_SocketTapper)
#include "tst_sockettapper.moc"
