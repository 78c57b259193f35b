#include "simulatedcrowd.h"

#include <QThread>

SimulatedCrowd::SimulatedCrowd(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_root(new QObject) // no parent: it moves to the crowd's thread
{
    m_thread->setObjectName(QStringLiteral("wsroom-crowd"));
    m_root->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_root, &QObject::deleteLater);
    m_thread->start();
}

SimulatedCrowd::~SimulatedCrowd()
{
    // In the crowd's thread, where their sockets live: deleting a chatter or visitor sends its
    // close frame (1000), as ChatClient's destructor does.
    QMetaObject::invokeMethod(
        m_root,
        [root = m_root] {
            qDeleteAll(root->findChildren<SimulatedClient *>(Qt::FindDirectChildrenOnly));
        },
        Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void SimulatedCrowd::add(const SimulatedClient::Options &options, int count)
{
    if (count <= 0)
        return;
    if (m_waiting.isEmpty() && m_handshaking == 0)
        m_waveSize = m_waveSettled = 0; // a new wave
    for (int i = 0; i < count; ++i) {
        const int serial = m_nextSerial++;
        SimulatedClient::Options o = options;
        o.name = QStringLiteral("%1-%2").arg(options.name).arg(serial);
        m_clients.insert(serial, Entry {options.kind, false, QString(), o.name});
        m_waiting.enqueue({serial, o});
    }
    m_waveSize += count;
    startWaiting();
    emit changed();
}

void SimulatedCrowd::removeAll()
{
    m_waiting.clear();
    m_clients.clear();
    m_handshaking = 0;
    m_waveSize = m_waveSettled = 0;
    QMetaObject::invokeMethod(m_root, [root = m_root] {
        const QList<SimulatedClient *> clients
            = root->findChildren<SimulatedClient *>(Qt::FindDirectChildrenOnly);
        for (SimulatedClient *client : clients)
            client->stop();
    });
    emit changed();
}

int SimulatedCrowd::connectedCount() const
{
    int n = 0;
    for (const Entry &entry : m_clients)
        n += entry.connected ? 1 : 0;
    return n;
}

int SimulatedCrowd::connectedCount(SimulatedClient::Kind kind) const
{
    int n = 0;
    for (const Entry &entry : m_clients)
        n += entry.connected && entry.kind == kind ? 1 : 0;
    return n;
}

int SimulatedCrowd::connectingCount() const
{
    return size() - connectedCount();
}

QStringList SimulatedCrowd::memberIds() const
{
    QStringList ids;
    for (const Entry &entry : m_clients) {
        if (entry.connected)
            ids.append(entry.memberId);
    }
    return ids;
}

void SimulatedCrowd::startWaiting()
{
    while (m_handshaking < MaxConnecting && !m_waiting.isEmpty()) {
        // Not a structured binding: a lambda may capture one only from C++20 (clang refuses it).
        const QPair<int, SimulatedClient::Options> next = m_waiting.dequeue();
        ++m_handshaking;
        // Made in the crowd's thread, so that its sockets live and die there; its signals come
        // back queued.
        QMetaObject::invokeMethod(
            m_root, [root = m_root, crowd = this, serial = next.first, options = next.second] {
                auto *client = new SimulatedClient(serial, options, root);
                connect(client, &SimulatedClient::connected, crowd, &SimulatedCrowd::onConnected);
                connect(client, &SimulatedClient::finished, crowd, &SimulatedCrowd::onFinished);
                connect(client, &SimulatedClient::finished, client, &QObject::deleteLater);
                client->start();
            });
    }
}

void SimulatedCrowd::onConnected(int serial, const QString &memberId, const QString &name)
{
    auto it = m_clients.find(serial);
    if (it == m_clients.end() || it->connected)
        return; // removed meanwhile
    it->connected = true;
    it->memberId = memberId;
    it->name = name;
    settle();
    emit changed();
}

void SimulatedCrowd::onFinished(int serial, int closeCode, const QString &reason)
{
    const auto it = m_clients.constFind(serial);
    if (it == m_clients.cend())
        return; // removed meanwhile
    const Entry entry = *it;
    m_clients.erase(it);
    if (entry.connected)
        emit clientLost(entry.name, closeCode, reason);
    else
        settle(); // it never connected
    emit changed();
}

void SimulatedCrowd::settle()
{
    ++m_waveSettled;
    m_handshaking = qMax(0, m_handshaking - 1);
    startWaiting();
}
