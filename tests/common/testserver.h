#pragma once

#include "server/roommanager.h"
#include "server/serverhost.h"
#include "testclient.h"

#include <QByteArray>
#include <QDebug>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>

#include <functional>
#include <memory>

// A wsroom server for a test suite: a ServerHost (its RoomManager in its own thread) listening on
// loopback, port 0, and the helpers to reach it. A suite holds one as a member, calls init() and
// cleanup() from its own, and start() in each test with only the config fields that test needs.
class TestServer
{
    Q_DISABLE_COPY_MOVE(TestServer)

public:
    using Configure = std::function<void(ServerConfig &)>;

    // What start() begins from unless a suite says otherwise: port 0; no rate limit, since tests
    // send bursts; no notification reminders, which would come between the frames a test counts.
    // change: what a suite sets for all its tests.
    static ServerConfig testDefaults(const Configure &change = {})
    {
        ServerConfig config;
        config.port = 0;
        config.rateLimit = 0;
        config.notificationInterval = 0;
        if (change)
            change(config);
        return config;
    }
    // The product's own defaults (rate limit, reminders) on port 0: for suites whose clients must
    // live with them, as a user's would.
    static ServerConfig productDefaults()
    {
        ServerConfig config;
        config.port = 0;
        return config;
    }

    // base: the config every start() of this suite begins from.
    explicit TestServer(const ServerConfig &base = testDefaults())
        : m_base(base)
    { }

    // A new host, not started (the previous one, if any, is stopped first). From the suite's
    // init(), or before a test restarts on other terms.
    void init()
    {
        cleanup();
        m_host = std::make_unique<ServerHost>();
    }
    // Stops the server at once (close frames 1000) and joins its thread.
    void cleanup()
    {
        m_host.reset();
        m_port = 0;
        m_hostName.clear();
    }

    // Starts the server with the base config, changed by configure, and waits until it listens;
    // false if it failed to start (the reason is logged) or did not listen in time.
    bool start(const Configure &configure = {})
    {
        if (!m_host)
            init();
        m_config = m_base;
        if (configure)
            configure(m_config);
        QSignalSpy listening(m_host->manager(), &RoomManager::listening);
        QSignalSpy failed(m_host->manager(), &RoomManager::startFailed);
        m_host->start(m_config);
        // Polled, never listening.wait(): the server thread may emit before a wait() would begin.
        if (!QTest::qWaitFor([&] { return !listening.isEmpty() || !failed.isEmpty(); },
                             TestClient::Timeout)
            || listening.isEmpty()) {
            if (!failed.isEmpty())
                qWarning() << "the test server failed to start:" << failed.first().first();
            return false;
        }
        m_hostName = listening.first().at(0).toString();
        m_port = listening.first().at(1).value<quint16>();
        return m_port != 0;
    }

    ServerHost *host() const { return m_host.get(); }
    RoomManager *manager() const { return m_host ? m_host->manager() : nullptr; }
    // The config of the last start().
    const ServerConfig &config() const { return m_config; }
    // The port it listens on; 0 before start().
    quint16 port() const { return m_port; }
    // The host part of its address, as the server said in listening().
    QString hostName() const { return m_hostName; }

    // ws://127.0.0.1:<port><pathAndQuery>, or wss:// when the server speaks TLS.
    QUrl url(const QString &pathAndQuery) const
    {
        return QUrl(QStringLiteral("%1://127.0.0.1:%2%3")
                        .arg(m_config.tls() ? QLatin1String("wss") : QLatin1String("ws"))
                        .arg(m_port)
                        .arg(pathAndQuery));
    }

    // Sends request on a new plain TCP connection; the whole answer, read until the server closes
    // (it does after each HTTP answer). Empty if no connection could be made.
    static QByteArray http(quint16 port, const QByteArray &request)
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (!socket.waitForConnected(TestClient::Timeout))
            return QByteArray();
        socket.write(request);
        QByteArray response;
        (void)QTest::qWaitFor(
            [&] {
                response += socket.readAll();
                return socket.state() == QAbstractSocket::UnconnectedState;
            },
            TestClient::Timeout);
        response += socket.readAll();
        return response;
    }
    QByteArray http(const QByteArray &request) const { return http(m_port, request); }

    // GET /api/status<query>, parsed; empty if there was no JSON answer.
    static QJsonObject status(quint16 port, const QByteArray &query = QByteArray())
    {
        const QByteArray response
            = http(port, "GET /api/status" + query + " HTTP/1.1\r\nHost: x\r\n\r\n");
        return QJsonDocument::fromJson(response.mid(response.indexOf("\r\n\r\n") + 4)).object();
    }
    QJsonObject status(const QByteArray &query = QByteArray()) const
    {
        return status(m_port, query);
    }

private:
    ServerConfig m_base;
    ServerConfig m_config;
    std::unique_ptr<ServerHost> m_host;
    quint16 m_port = 0;
    QString m_hostName;
};
