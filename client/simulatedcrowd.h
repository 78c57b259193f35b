#pragma once

#include "simulatedclient.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QQueue>
#include <QStringList>

class QThread;

// Simulated clients on demand, for demos of load and of slow consumers: chatters, visitors and
// slow readers. They run in the crowd's own thread, never the GUI's; this object is the GUI
// thread's handle on them, and its counts follow what the clients report (a client the server
// closes, e.g. with 4008, leaves the crowd as soon as it notices).
class SimulatedCrowd final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimulatedCrowd)

public:
    // At most this many clients are in their handshake at once; the rest wait their turn.
    static constexpr int MaxConnecting = 16;

    explicit SimulatedCrowd(QObject *parent = nullptr);
    // Closes every client (1000) and joins the crowd's thread.
    ~SimulatedCrowd() override;

    // Adds count clients like options (its name is the prefix: "-<n>" is appended).
    void add(const SimulatedClient::Options &options, int count);
    // Closes every client (1000) and forgets them at once.
    void removeAll();

    // Clients in a room now.
    int connectedCount() const;
    // Clients in a room now, of one kind.
    int connectedCount(SimulatedClient::Kind kind) const;
    // Clients waiting for their turn or in their handshake.
    int connectingCount() const;
    // Connected and connecting.
    int size() const { return int(m_clients.size()); }
    // The current wave of additions: how many were asked for since the crowd last had none
    // connecting, and how many of those have connected or failed since.
    int waveSize() const { return m_waveSize; }
    int waveSettled() const { return m_waveSettled; }
    // The server's ids of the connected clients.
    QStringList memberIds() const;
    // The thread the clients live in.
    QThread *clientThread() const { return m_thread; }

signals:
    // Any count changed.
    void changed();
    // A connected client's connection ended without being removed (the server closed it).
    void clientLost(const QString &name, int closeCode, const QString &reason);

private:
    struct Entry
    {
        SimulatedClient::Kind kind = SimulatedClient::Kind::Chatter;
        bool connected = false;
        QString memberId;
        QString name;
    };

    void startWaiting();
    void onConnected(int serial, const QString &memberId, const QString &name);
    void onFinished(int serial, int closeCode, const QString &reason);
    void settle();

    QThread *m_thread = nullptr;
    QObject *m_root = nullptr; // in m_thread: every client's parent
    QHash<int, Entry> m_clients;
    QQueue<QPair<int, SimulatedClient::Options>> m_waiting;
    int m_handshaking = 0;
    int m_nextSerial = 1;
    int m_waveSize = 0;
    int m_waveSettled = 0;
};
