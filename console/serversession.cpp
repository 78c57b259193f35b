#include "serversession.h"

#include "activitylogmodel.h"
#include "eventcoalescer.h"
#include "eventlooplagmeter.h"
#include "protocol/validation.h"
#include "roomhistoryexport.h"
#include "roomsmodel.h"
#include "server/hosttext.h"
#include "server/roommanager.h"
#include "server/serverhost.h"
#include "server/sessionexport.h"
#include "server/sessionrecorder.h"

#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QNetworkInterface>
#include <QTimer>
#include <QUrlQuery>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace {

// Under a flood the rooms model asks for a snapshot after every batch: one per second is plenty.
constexpr int ResyncDelayMs = 1000;
// The rates are averaged over this long: steadier to read than the jumps between two batches.
constexpr qint64 RateWindowMs = 2000;
// With a store, a snapshot this often keeps its size in the status bar current.
constexpr int StoreRefreshMs = 5000;
// Session recordings kept in the recording directory.
constexpr int KeptSessions = 30;

} // namespace

ServerSession::ServerSession(QObject *parent)
    : ServerSession(nullptr, parent)
{ }

ServerSession::ServerSession(ServerHost *host, QObject *parent)
    : QObject(parent)
    , m_host(host ? host : new ServerHost(this))
    , m_ownsHost(!host)
    , m_storeTimer(new QTimer(this))
    , m_resyncTimer(new QTimer(this))
    , m_lagMeter(new EventLoopLagMeter(this))
    , m_eventCoalescer(new EventCoalescer(this))
    , m_roomsModel(new RoomsModel(this))
    , m_activityModel(new ActivityLogModel(this))
{
    m_resyncTimer->setSingleShot(true);
    m_resyncTimer->setInterval(ResyncDelayMs);
    m_storeTimer->setInterval(StoreRefreshMs);
    connectHost();
}

ServerSession::~ServerSession()
{
    // The host's destructor stops the server at once and joins its thread, before the models go.
    if (m_ownsHost)
        delete std::exchange(m_host, nullptr);
}

void ServerSession::connectHost()
{
    RoomManager *manager = m_host->manager();
    // The server reports this thread's responsiveness in /api/status (gui_lag_ms).
    connect(m_lagMeter, &EventLoopLagMeter::measured, m_host, &ServerHost::setGuiLag);
    connect(manager, &RoomManager::listening, this, &ServerSession::onListening);
    connect(manager, &RoomManager::startFailed, this, &ServerSession::onStartFailed);
    connect(manager, &RoomManager::stopped, this, &ServerSession::onStopped);
    connect(manager, &RoomManager::rebound, this, &ServerSession::onRebound);
    connect(manager, &RoomManager::rebindFailed, this,
            [this](const QString &reason) { emit rebindFailed(HostText::translated(reason)); });
    connect(manager, &RoomManager::statsUpdated, this, &ServerSession::onStats);
    // During a flood the models and views follow at a few updates a second, not at every batch.
    connect(manager, &RoomManager::eventsReady, m_eventCoalescer, &EventCoalescer::add);
    connect(m_eventCoalescer, &EventCoalescer::ready, this, &ServerSession::onEvents);
    connect(manager, &RoomManager::snapshotReady, this, &ServerSession::onSnapshot);
    connect(manager, &RoomManager::roomHistoryReady, this, &ServerSession::onRoomHistory);
    connect(m_storeTimer, &QTimer::timeout, this, [this] {
        if (isListening() && m_store.enabled)
            m_host->requestSnapshot();
    });
    // The rooms model missed events (a flood): a snapshot sets it right, at most once a second.
    connect(m_roomsModel, &RoomsModel::resyncWanted, this, [this] {
        if (isListening() && !m_resyncTimer->isActive())
            m_resyncTimer->start();
    });
    connect(m_resyncTimer, &QTimer::timeout, this, [this] {
        if (isListening())
            m_host->requestSnapshot();
    });
}

void ServerSession::start(const ServerConfig &config)
{
    if (m_state != State::Stopped)
        return;
    m_config = config;
    start();
}

void ServerSession::start()
{
    if (m_state != State::Stopped)
        return;
    m_error.clear();
    setState(State::Starting);
    // One recording file per session, appended to on each start.
    if (m_sessionFile.isEmpty()) {
        if (!m_config.recordFile.isEmpty())
            m_sessionFile = m_config.recordFile;
        else if (!m_recordingDirectory.isEmpty())
            m_sessionFile = SessionRecorder::newSessionFile(m_recordingDirectory, KeptSessions);
    }
    ServerConfig started = m_config;
    started.recordFile = m_sessionFile;
    m_host->start(started);
}

void ServerSession::stop()
{
    if (m_state != State::Listening && m_state != State::Starting)
        return;
    setState(State::Stopping);
    m_host->stop();
}

void ServerSession::rebind(const QHostAddress &address)
{
    if (isListening())
        m_host->rebind(address);
}

bool ServerSession::kick(const QString &memberId, const QString &reason)
{
    if (!isListening() || memberId.isEmpty())
        return false;
    m_host->kick(memberId, reason);
    return true;
}

bool ServerSession::ban(const QString &memberId, const QString &reason)
{
    if (!isListening())
        return false;
    m_host->ban(memberId, reason);
    return true;
}

bool ServerSession::setMuted(const QString &memberId, bool muted)
{
    if (!isListening())
        return false;
    m_host->setMuted(memberId, muted);
    return true;
}

bool ServerSession::setRoomLocked(const QString &room, bool locked)
{
    if (!isListening())
        return false;
    m_host->setRoomLocked(room, locked);
    return true;
}

bool ServerSession::liftBans()
{
    if (!isListening())
        return false;
    m_host->liftBans();
    return true;
}

bool ServerSession::createRoom(const QString &room)
{
    if (!isListening() || !Validation::isValidRoom(room))
        return false;
    m_host->createRoom(room);
    return true;
}

bool ServerSession::sendNotification(const QString &text)
{
    if (!isListening() || text.isEmpty())
        return false;
    m_host->sendNotification(text);
    return true;
}

bool ServerSession::postSystemMessage(const QString &room, const QString &text)
{
    if (!isListening() || !Validation::isValidRoom(room) || text.isEmpty())
        return false;
    m_host->postSystemMessage(room, text);
    return true;
}

bool ServerSession::setJoinCode(const QString &code)
{
    if (code == m_config.joinCode)
        return false;
    m_config.joinCode = code;
    // While stopped, the next start takes it from m_config.
    if (m_state != State::Stopped)
        m_host->setJoinCode(code);
    emit joinCodeChanged(code);
    return true;
}

void ServerSession::setNotificationInterval(double seconds)
{
    m_config.notificationInterval = qMax(0.0, seconds);
    if (m_state != State::Stopped)
        m_host->setNotificationInterval(m_config.notificationInterval);
}

bool ServerSession::exportSession(const QString &base, QString *error, bool withoutSimulated) const
{
    if (m_sessionFile.isEmpty() || !QFile::exists(m_sessionFile)) {
        *error = tr("Nothing was recorded yet: start the server first.");
        return false;
    }
    QString stem = base;
    const QString suffix = QFileInfo(base).suffix();
    if (suffix == QLatin1String("jsonl") || suffix == QLatin1String("html"))
        stem.chop(suffix.size() + 1);
    SessionExport::Options options;
    options.withoutSimulated = withoutSimulated;
    if (SessionExport::exportFiles(m_sessionFile, stem + QStringLiteral(".jsonl"),
                                   stem + QStringLiteral(".html"), error, options))
        return true;
    *error = HostText::translated(*error);
    return false;
}

bool ServerSession::clearRoomHistory(const QString &room)
{
    if (!isListening() || room.isEmpty())
        return false;
    // The manager answers with a snapshot once the store has deleted them.
    QMetaObject::invokeMethod(m_host->manager(),
                              [m = m_host->manager(), room] { m->clearRoomHistory(room); });
    return true;
}

bool ServerSession::exportRoomHistory(const QString &room, const QString &base)
{
    if (!isListening() || room.isEmpty() || base.isEmpty())
        return false;
    // One request answers every export of the room asked for before it arrives.
    const bool asked = m_pendingExports.contains(room);
    m_pendingExports.insert(room, base);
    if (!asked) {
        QMetaObject::invokeMethod(m_host->manager(),
                                  [m = m_host->manager(), room] { m->requestRoomHistory(room); });
    }
    return true;
}

void ServerSession::onRoomHistory(const QString &room, const QList<QByteArray> &events)
{
    const QList<QString> bases = m_pendingExports.values(room);
    m_pendingExports.remove(room);
    for (const QString &base : bases) {
        // Writing may wait on a slow disk: a worker does it; the watcher, a child of the session,
        // brings the result back (and is gone with the session if it goes first).
        auto *watcher = new QFutureWatcher<QString>(this);
        connect(watcher, &QFutureWatcher<QString>::finished, this,
                [this, watcher, room, base, count = int(events.size())] {
                    watcher->deleteLater();
                    emit roomHistoryExported(room, base, count, watcher->result());
                });
        watcher->setFuture(QtConcurrent::run([room, events, base] {
            QString error;
            return RoomHistoryExport::write(room, events, base, &error)
                ? QString()
                : HostText::translated(error);
        }));
    }
}

void ServerSession::setStore(const ServerSnapshot::StoreInfo &store)
{
    if (store.enabled == m_store.enabled && store.path == m_store.path
        && store.messages == m_store.messages && store.bytes == m_store.bytes
        && store.error == m_store.error) {
        return;
    }
    m_store = store;
    emit storeChanged();
}

QStringList ServerSession::clientUrls(const QString &host) const
{
    if (!isListening())
        return {};
    QString shown = host;
    if (shown.isEmpty())
        shown = isAnyAddress(m_listenHost) ? QStringLiteral("127.0.0.1") : m_listenHost;
    const QString base = QStringLiteral("%1:%2").arg(shown).arg(m_listenPort);
    QString query;
    if (!m_config.joinCode.isEmpty()) {
        query = QStringLiteral("?code=")
            + QString::fromUtf8(QUrl::toPercentEncoding(m_config.joinCode));
    }
    const QString ws = wsScheme();
    QStringList urls;
    urls.append(QStringLiteral("%1://%2/chat%3").arg(ws, base, query));
    urls.append(QStringLiteral("%1://%2/ws/{client_id}%3").arg(ws, base, query));
    urls.append(QStringLiteral("%1://%2/%3").arg(ws, base, query));
    // The page itself needs no code, but with ?code= it joins without asking for it.
    urls.append(
        QStringLiteral("%1://%2/%3")
            .arg(m_config.tls() ? QStringLiteral("https") : QStringLiteral("http"), base, query));
    urls.append(QStringLiteral("%1://%2/echo%3").arg(ws, base, query));
    return urls;
}

QUrl ServerSession::chatUrl() const
{
    // Local clients run on this machine: loopback reaches a server bound to every interface.
    QString host = m_listenHost;
    if (host == QLatin1String("0.0.0.0"))
        host = QStringLiteral("127.0.0.1");
    else if (host == QLatin1String("[::]"))
        host = QStringLiteral("[::1]");
    QUrl url(QStringLiteral("%1://%2:%3/chat").arg(wsScheme(), host).arg(m_listenPort));
    if (!m_config.joinCode.isEmpty()) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("code"), m_config.joinCode);
        url.setQuery(query);
    }
    return url;
}

QString ServerSession::wsScheme() const
{
    return m_config.tls() ? QStringLiteral("wss") : QStringLiteral("ws");
}

QStringList ServerSession::shareAddresses() const
{
    if (!isListening())
        return {};
    const bool lan = isAnyAddress(m_listenHost);
    QStringList addresses;
    if (lan)
        addresses = lanAddresses();
    if (addresses.isEmpty()) // loopback, or no network: this computer is all there is
        addresses.append(lan ? QStringLiteral("127.0.0.1") : m_listenHost);
    return addresses;
}

QStringList ServerSession::lanAddresses()
{
    QStringList addresses;
    const QList<QHostAddress> all = QNetworkInterface::allAddresses();
    for (const QHostAddress &address : all) {
        if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback())
            addresses.append(address.toString());
    }
    return addresses;
}

bool ServerSession::isAnyAddress(const QString &host)
{
    return host == QLatin1String("0.0.0.0") || host == QLatin1String("[::]");
}

void ServerSession::setState(State state)
{
    m_state = state;
    emit stateChanged(state);
}

void ServerSession::onListening(const QString &host, quint16 port)
{
    m_listenHost = host;
    m_listenPort = port;
    m_error.clear();
    m_recentStats = {ServerStats()}; // the counters start from zero with the server
    setState(State::Listening);
    m_lagMeter->start();
    m_storeTimer->start();
    emit listeningChanged(true);
}

void ServerSession::onStartFailed(const QString &reason)
{
    m_error = HostText::translated(reason);
    setState(State::Stopped);
}

void ServerSession::onStopped()
{
    // The last events (the members leaving) came before the stop: show them first.
    m_eventCoalescer->flush();
    const bool wasListening = m_state == State::Listening || m_state == State::Stopping;
    m_listenHost.clear();
    m_listenPort = 0;
    m_resyncTimer->stop();
    m_storeTimer->stop();
    const auto pending = std::exchange(m_pendingExports, {});
    for (auto it = pending.cbegin(); it != pending.cend(); ++it)
        emit roomHistoryExported(it.key(), it.value(), 0, tr("The server stopped first."));
    m_lagMeter->stop();
    m_roomsModel->clear();
    m_bannedNames.clear(); // bans end with the session
    m_bannedAddresses.clear();
    setState(State::Stopped);
    updateRates(ServerStats()); // zero, but not the server's: no statsUpdated
    setStore(ServerSnapshot::StoreInfo());
    if (wasListening)
        emit listeningChanged(false);
    emit stopped();
}

void ServerSession::onRebound(const QString &host, quint16 port)
{
    if (m_state != State::Listening)
        return;
    m_listenHost = host;
    m_listenPort = port;
    QString address = host;
    if (address.startsWith(QLatin1Char('[')))
        address = address.mid(1, address.size() - 2);
    m_config.bindAddress = QHostAddress(address);
    emit rebound(host, port);
}

void ServerSession::onStats(const ServerStats &stats)
{
    updateRates(stats);
    emit statsUpdated(stats);
}

void ServerSession::updateRates(const ServerStats &stats)
{
    double in = 0;
    double out = 0;
    if (m_state == State::Listening) {
        if (!m_recentStats.isEmpty() && stats.uptimeMs < m_recentStats.last().uptimeMs)
            m_recentStats.clear(); // the server restarted
        m_recentStats.append(stats);
        while (m_recentStats.size() > 2
               && stats.uptimeMs - m_recentStats.at(1).uptimeMs >= RateWindowMs) {
            m_recentStats.removeFirst();
        }
        const ServerStats &first = m_recentStats.first();
        if (stats.uptimeMs > first.uptimeMs) {
            const double seconds = (stats.uptimeMs - first.uptimeMs) / 1000.0;
            in = qMax<qint64>(0, stats.messagesIn - first.messagesIn) / seconds;
            out = qMax<qint64>(0, stats.deliveries - first.deliveries) / seconds;
        }
    } else {
        m_recentStats.clear();
    }
    m_stats = stats;
    m_inRate = in;
    m_outRate = out;
    emit ratesChanged();
}

void ServerSession::onEvents(const ServerEventList &events)
{
    m_activityModel->appendEvents(events);
    if (m_state == State::Listening || m_state == State::Stopping)
        m_roomsModel->applyEvents(events);
    emit eventsApplied(events);
}

void ServerSession::onSnapshot(const ServerSnapshot &snapshot)
{
    // The events kept back came before the snapshot: applied after it, they would undo it.
    m_eventCoalescer->flush();
    // A snapshot asked for before a stop may arrive after it: the tree stays empty then.
    if (m_state == State::Listening || m_state == State::Starting) {
        m_roomsModel->loadSnapshot(snapshot);
        m_bannedNames = snapshot.bannedNames;
        m_bannedAddresses = snapshot.bannedAddresses;
        setStore(snapshot.store);
        emit snapshotLoaded();
    }
}
