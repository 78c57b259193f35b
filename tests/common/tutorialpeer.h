#pragma once

#include <QHostAddress>
#include <QProcess>
#include <QString>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>

// A WebSocket server wsroom did not write: the first FastAPI tutorial's own app
// (tests/data/tutorial-peer/seed1_main.py, from ../shared/peers), run by Debian's uvicorn
// (python3-fastapi, python3-uvicorn: scripts/setup.sh's WSROOM_TEST_PACKAGES) on a free
// loopback port. Stopped when it goes.
class TutorialPeer
{
    Q_DISABLE_COPY_MOVE(TutorialPeer)

public:
    static constexpr int StartTimeout = 30000;

    TutorialPeer() = default;
    ~TutorialPeer()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
    }

    // Whether Debian's python3 can import fastapi and uvicorn (else the test says why it skips).
    static bool available()
    {
        QProcess check;
        check.start(QStringLiteral("/usr/bin/python3"),
                    {QStringLiteral("-c"), QStringLiteral("import fastapi, uvicorn")});
        return check.waitForFinished(StartTimeout) && check.exitCode() == 0;
    }

    // Starts the app and waits until it accepts connections; false if it did not (output()
    // says why).
    bool start()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        m_port = probe.serverPort();
        probe.close();
        m_process.setWorkingDirectory(QStringLiteral(WSROOM_TEST_DATA "/tutorial-peer"));
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStringLiteral("/usr/bin/python3"),
                        {QStringLiteral("-m"), QStringLiteral("uvicorn"),
                         QStringLiteral("seed1_main:app"), QStringLiteral("--host"),
                         QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                         QString::number(m_port)});
        if (!m_process.waitForStarted())
            return false;
        const bool up = QTest::qWaitFor(
            [this] {
                if (m_process.state() != QProcess::Running)
                    return true;
                QTcpSocket socket;
                socket.connectToHost(QHostAddress::LocalHost, m_port);
                return socket.waitForConnected(200);
            },
            StartTimeout);
        return up && m_process.state() == QProcess::Running;
    }

    // ws://127.0.0.1:<port><path>
    QUrl url(const QString &path = QStringLiteral("/")) const
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1%2").arg(m_port).arg(path));
    }
    // What uvicorn printed so far.
    QByteArray output() { return m_process.readAll(); }

private:
    QProcess m_process;
    quint16 m_port = 0;
};
