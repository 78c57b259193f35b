// FdTransport over a real loopback connection whose server side was a QTcpSocket: taken over
// without ending the connection, bytes read before the takeover come first, writes wait for
// flush(), a backlog the kernel does not take goes out once the peer reads, the FIN follows
// what waits, and the peer's FIN is told once.

#include "server/fdtransport_p.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <fcntl.h>
#include <memory>

namespace {

constexpr int Timeout = 10000;

// Records what the transport tells.
struct Recorder final : MemberTransport::Receiver
{
    QByteArray read;
    int closed = 0;
    void transportRead(const char *data, qint64 size) override { read.append(data, size); }
    void transportClosed() override { ++closed; }
};

} // namespace

class tst_FdTransport : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void takenOverConnectionGoesOn();
    void bytesReadBeforeComeFirst();
    void writesWaitForFlush();
    void backlogGoesOutWhenThePeerReads();
    void finFollowsWhatWaits();
    void abortTellsOnce();

private:
    // Connects a client, lets the server's QTcpSocket go after dup()ing its descriptor, and
    // makes the transport on the copy with buffered as bytes read before.
    void connectPair(const QByteArray &buffered = QByteArray());

    std::shared_ptr<FdPoller> m_poller;
    std::unique_ptr<QTcpServer> m_server;
    std::unique_ptr<QTcpSocket> m_client;
    std::unique_ptr<FdTransport> m_transport;
    Recorder m_recorder;
};

void tst_FdTransport::init()
{
    m_poller = std::make_shared<FdPoller>();
    QVERIFY(m_poller->isValid());
    m_server = std::make_unique<QTcpServer>();
    QVERIFY(m_server->listen(QHostAddress::LocalHost));
    m_recorder = Recorder();
}

void tst_FdTransport::cleanup()
{
    m_transport.reset();
    m_client.reset();
    m_server.reset();
    m_poller.reset();
}

void tst_FdTransport::connectPair(const QByteArray &buffered)
{
    m_client = std::make_unique<QTcpSocket>();
    m_client->connectToHost(QHostAddress::LocalHost, m_server->serverPort());
    QVERIFY(m_client->waitForConnected(Timeout));
    QTRY_VERIFY_WITH_TIMEOUT(m_server->hasPendingConnections(), Timeout);
    QTcpSocket *socket = m_server->nextPendingConnection();
    const int fd = ::fcntl(int(socket->socketDescriptor()), F_DUPFD_CLOEXEC, 0);
    QVERIFY(fd >= 0);
    socket->abort(); // closes Qt's descriptor only
    delete socket;
    m_transport = std::make_unique<FdTransport>(m_poller, fd, buffered, QByteArray("HTTP/1.1 101"));
    m_transport->setReceiver(&m_recorder);
    QVERIFY(m_transport->isConnected());
}

void tst_FdTransport::takenOverConnectionGoesOn()
{
    connectPair();
    // Both ways still work, and the client saw no end.
    m_client->write("ping");
    QTRY_COMPARE_WITH_TIMEOUT(m_recorder.read, QByteArray("ping"), Timeout);
    m_transport->write(QByteArray("pong"));
    m_transport->flush();
    QTRY_COMPARE_WITH_TIMEOUT(m_client->bytesAvailable(), qint64(4), Timeout);
    QCOMPARE(m_client->readAll(), QByteArray("pong"));
    QCOMPARE(m_client->state(), QAbstractSocket::ConnectedState);
    QCOMPARE(m_recorder.closed, 0);
    QCOMPARE(m_transport->responseHead(), QByteArray("HTTP/1.1 101"));
}

void tst_FdTransport::bytesReadBeforeComeFirst()
{
    connectPair("first ");
    QVERIFY(m_transport->hasBuffered());
    m_client->write("second");
    QTRY_COMPARE_WITH_TIMEOUT(m_recorder.read, QByteArray("first second"), Timeout);
    QVERIFY(!m_transport->hasBuffered());
}

void tst_FdTransport::writesWaitForFlush()
{
    connectPair();
    m_transport->write(QByteArray("one "));
    m_transport->write(QByteArray("two"));
    QCOMPARE(m_transport->pendingBytes(), qint64(7));
    m_transport->flush();
    QCOMPARE(m_transport->pendingBytes(), qint64(0));
    QTRY_COMPARE_WITH_TIMEOUT(m_client->bytesAvailable(), qint64(7), Timeout);
    QCOMPARE(m_client->readAll(), QByteArray("one two"));
    // A buffer that grew is kept for the next pass, until the idle release frees it.
    const QByteArray line(1024, 'y');
    m_transport->write(line);
    m_transport->flush();
    QTRY_COMPARE_WITH_TIMEOUT(m_client->bytesAvailable(), qint64(line.size()), Timeout);
    QVERIFY(m_transport->releaseIdleBuffers());
    QVERIFY(!m_transport->releaseIdleBuffers()); // nothing left to free
}

void tst_FdTransport::backlogGoesOutWhenThePeerReads()
{
    connectPair();
    m_client->setReadBufferSize(1); // Qt reads (almost) nothing until told: the kernel fills
    const QByteArray chunk(64 * 1024, 'x');
    constexpr int Chunks = 256; // 16 MiB, more than loopback's buffers hold
    for (int i = 0; i < Chunks; ++i)
        m_transport->write(chunk);
    m_transport->flush();
    QVERIFY(m_transport->pendingBytes() > 0);
    m_client->setReadBufferSize(0);
    qint64 received = 0;
    QTRY_VERIFY_WITH_TIMEOUT((received += m_client->readAll().size()) == chunk.size() * Chunks,
                             Timeout);
    QCOMPARE(m_transport->pendingBytes(), qint64(0));
}

void tst_FdTransport::finFollowsWhatWaits()
{
    connectPair();
    m_transport->write(QByteArray("bye"));
    m_transport->shutdownWriting();
    QTRY_COMPARE_WITH_TIMEOUT(m_client->state(), QAbstractSocket::UnconnectedState, Timeout);
    QCOMPARE(m_client->readAll(), QByteArray("bye"));
    // The peer's own FIN (its close) ends the connection, told once.
    QTRY_COMPARE_WITH_TIMEOUT(m_recorder.closed, 1, Timeout);
    QVERIFY(!m_transport->isConnected());
}

void tst_FdTransport::abortTellsOnce()
{
    connectPair();
    m_transport->abort();
    m_transport->abort();
    QCOMPARE(m_recorder.closed, 1);
    QVERIFY(!m_transport->isConnected());
    m_transport->write(QByteArray("late")); // ignored
    QCOMPARE(m_transport->pendingBytes(), qint64(0));
}

QTEST_GUILESS_MAIN(tst_FdTransport)
#include "tst_fdtransport.moc"
