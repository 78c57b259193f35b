#pragma once

#include "server/serverconfig.h"
#include "server/serverevent.h"
#include "server/serversnapshot.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>

class QTimer;
class ActivityLogModel;
class EventCoalescer;
class EventLoopLagMeter;
class RoomsModel;
class ServerHost;

// The host's side of one server, without a widget: owns the ServerHost (the server in its own
// thread), the EventCoalescer and the models the views show (RoomsModel, ActivityLogModel), the
// resync loop that asks for a snapshot when the rooms model missed events, the rates for the
// status bar and the live chart, the lag meter, the session's recording file, and the state a
// window shows (listening, host, port, URLs, join code). Every view subscribes to it; it knows
// none of them.
class ServerSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerSession)

public:
    enum class State { Stopped, Starting, Listening, Stopping };
    Q_ENUM(State)
    // The addresses clientUrls() lists, in order.
    enum UrlKind { NativeUrl, TutorialChatUrl, BroadcastUrl, BrowserUrl, EchoUrl, UrlKindCount };

    // A session with a server host of its own, stopped.
    explicit ServerSession(QObject *parent = nullptr);
    // A session following host, which it does not own and which must outlive it; create it
    // before host starts, so that it sees the server listen.
    explicit ServerSession(ServerHost *host, QObject *parent = nullptr);
    // Stops the server at once if the session owns it (close frames 1000) and joins its thread.
    ~ServerSession() override;

    // The server's host, for queued commands and the manager's signals.
    ServerHost *host() const { return m_host; }
    // The rooms and their members, following the server while it listens; empty when stopped.
    RoomsModel *roomsModel() const { return m_roomsModel; }
    // Every event, up to the model's cap.
    ActivityLogModel *activityModel() const { return m_activityModel; }

    // Where the server is in its life.
    State state() const { return m_state; }
    // True between listening and stopped.
    bool isListening() const { return m_state == State::Listening; }
    // The host the server listens on ("127.0.0.1", "0.0.0.0"); empty when it does not.
    QString listeningHost() const { return m_listenHost; }
    // The port the server listens on; 0 when it does not.
    quint16 listeningPort() const { return m_listenPort; }
    // Why the last start failed; empty after a successful one.
    QString error() const { return m_error; }
    // True when the server listens on every interface (it is shared on the local network).
    bool isShared() const { return isListening() && isAnyAddress(m_listenHost); }
    // The configuration the server runs with, or the next start uses: as last set or started,
    // with the join code, the notification interval and a rebind's address as changed since.
    ServerConfig config() const { return m_config; }
    // The configuration the next start uses; while the server runs, only what applies at once
    // goes through the setters below.
    void setConfig(const ServerConfig &config) { m_config = config; }

    // Starts the server with config() (its recordFile, else a new file in the recording
    // directory if one is set); stateChanged(Starting), then Listening, or Stopped with error().
    void start();
    // setConfig(config), then start().
    void start(const ServerConfig &config);
    // Stops the server gently (close frames 1000, goodbyes awaited); stateChanged(Stopping),
    // then Stopped.
    void stop();
    // Moves the listening socket to address, same port, connections kept; rebound() or
    // rebindFailed() follows. Nothing unless listening.
    void rebind(const QHostAddress &address);

    // Closes a member's connection with 4000 and reason; false unless listening.
    bool kick(const QString &memberId, const QString &reason);
    // Kicks the member and bans its name and address for the rest of the session (until
    // liftBans() or the server stops); false unless listening.
    bool ban(const QString &memberId, const QString &reason);
    // Mutes the member (its messages are refused with `muted`) or lets it speak again; false
    // unless listening. The rooms model follows (RoomsModel::MutedRole).
    bool setMuted(const QString &memberId, bool muted);
    // Locks the room (only the host posts) or opens it again; false unless listening. The rooms
    // model follows (RoomsModel::LockedRole).
    bool setRoomLocked(const QString &room, bool locked);
    // Lifts every ban of this session; false unless listening.
    bool liftBans();
    // The names and addresses banned now (from the last snapshot).
    QStringList bannedNames() const { return m_bannedNames; }
    QStringList bannedAddresses() const { return m_bannedAddresses; }
    // Creates (or pins) a room that stays when empty; false unless listening and valid.
    bool createRoom(const QString &room);
    // Sends text to every member of the notifications dialect; false unless listening.
    bool sendNotification(const QString &text);
    // Posts text from "host" to room; false unless listening, valid and not empty.
    bool postSystemMessage(const QString &room, const QString &text);
    // The join code new connections need, at once if the server runs (empty: none); false when
    // it was already that. Emits joinCodeChanged.
    bool setJoinCode(const QString &code);
    // Seconds between the notifications dialect's reminders (0: off), at once if it runs.
    void setNotificationInterval(double seconds);

    // Where start() records when the config names no file: a new session-<time>.jsonl there,
    // keeping the newest 30. Empty (the default): no recording unless the config names a file.
    void setRecordingDirectory(const QString &dir) { m_recordingDirectory = dir; }
    // The file the session records to; empty before the first start that records.
    QString sessionFile() const { return m_sessionFile; }
    // Exports the recording as base + ".jsonl" and base + ".html" (a suffix on base is
    // dropped); false, with error set, when nothing was recorded or a file cannot be written.
    // withoutSimulated leaves out the simulated clients (SessionExport::isSimulatedName()).
    bool exportSession(const QString &base, QString *error, bool withoutSimulated = false) const;

    // The room store as the last snapshot described it (enabled false: none, or stopped).
    ServerSnapshot::StoreInfo store() const { return m_store; }
    // Deletes the room's messages, in memory and in the store; the rooms model and store()
    // follow the snapshot the server sends then. False unless listening.
    bool clearRoomHistory(const QString &room);
    // Asks for every message the server keeps of room and writes them, on a worker thread, as
    // base + ".jsonl" (the events as broadcast) and base + ".html" (a suffix on base is
    // dropped), 0600; roomHistoryExported follows. False unless listening.
    bool exportRoomHistory(const QString &room, const QString &base);

    // The addresses for clients, in UrlKind order, with host as the address shown (empty: the
    // listening host, or 127.0.0.1 when that is every interface); empty when not listening.
    QStringList clientUrls(const QString &host = QString()) const;
    // The native chat URL for a client on this machine (loopback when listening everywhere),
    // with the join code.
    QUrl chatUrl() const;
    // "wss" when the server speaks TLS, else "ws".
    QString wsScheme() const;
    // Where others reach the server: this computer's LAN addresses when it is shared, else the
    // listening host; never empty while listening.
    QStringList shareAddresses() const;

    // The last counters the server sent (zero when stopped).
    ServerStats stats() const { return m_stats; }
    // Frames received from clients per second, over the last two seconds.
    double messagesInPerSecond() const { return m_inRate; }
    // Room messages delivered to clients per second, over the last two seconds.
    double deliveriesPerSecond() const { return m_outRate; }

    // This computer's IPv4 addresses other than loopback.
    static QStringList lanAddresses();
    // True for "0.0.0.0" and "[::]".
    static bool isAnyAddress(const QString &host);

signals:
    // The state changed (see state(), error()).
    void stateChanged(ServerSession::State state);
    // The server started (true) or stopped (false) listening; after stateChanged.
    void listeningChanged(bool listening);
    // The server stopped, after the models were cleared and listeningChanged(false).
    void stopped();
    // rebind() moved the listening socket.
    void rebound(const QString &host, quint16 port);
    // rebind() could not listen on the new address; the old one still serves.
    void rebindFailed(const QString &reason);
    // Every counter batch the server sends, after the rates followed it.
    void statsUpdated(const ServerStats &stats);
    // stats() or the rates changed (a batch, or zero at a stop).
    void ratesChanged();
    // The models followed a batch of events (merged by the coalescer).
    void eventsApplied(const ServerEventList &events);
    // The rooms model loaded a snapshot.
    void snapshotLoaded();
    // The join code changed.
    void joinCodeChanged(const QString &code);
    // store() changed (a snapshot, or the server stopped).
    void storeChanged();
    // exportRoomHistory() wrote its files (error empty) or could not (error says why); messages
    // is how many were written.
    void roomHistoryExported(const QString &room, const QString &base, int messages,
                             const QString &error);

private:
    // The manager's signals to the session, the coalescer to the models, the resync loop.
    void connectHost();
    // Takes state and emits stateChanged.
    void setState(State state);
    // The server listens on host:port: Listening, the lag meter runs, listeningChanged(true).
    void onListening(const QString &host, quint16 port);
    // The server could not start: Stopped, with error() set to reason.
    void onStartFailed(const QString &reason);
    // The server stopped: the last events shown, the rooms model cleared, the rates zero, then
    // stateChanged, listeningChanged(false) and stopped.
    void onStopped();
    // The listening socket moved: host, port and the config's bind address follow; rebound.
    void onRebound(const QString &host, quint16 port);
    // A counter batch of the server's: the rates follow, then statsUpdated.
    void onStats(const ServerStats &stats);
    // Takes stats as the latest counters and the rates over the last RateWindowMs from them.
    void updateRates(const ServerStats &stats);
    // A coalesced batch: the activity log takes it, the rooms model while the server runs;
    // eventsApplied.
    void onEvents(const ServerEventList &events);
    // The whole state: loaded into the rooms model while the server runs; snapshotLoaded.
    void onSnapshot(const ServerSnapshot &snapshot);
    // Takes store as store(); storeChanged when it differs.
    void setStore(const ServerSnapshot::StoreInfo &store);
    // A room's history arrived: written for each export that asked for it, on a worker thread.
    void onRoomHistory(const QString &room, const QList<QByteArray> &events);

    ServerHost *m_host = nullptr;
    bool m_ownsHost = false;
    QStringList m_bannedNames;
    QStringList m_bannedAddresses;
    ServerConfig m_config;
    State m_state = State::Stopped;
    QString m_listenHost;
    quint16 m_listenPort = 0;
    QString m_error;
    QString m_recordingDirectory;
    QString m_sessionFile;

    QList<ServerStats> m_recentStats; // the last few seconds' counters, oldest first
    ServerStats m_stats;
    double m_inRate = 0;
    double m_outRate = 0;

    ServerSnapshot::StoreInfo m_store;
    QMultiHash<QString, QString> m_pendingExports; // room -> base, until its history arrives
    QTimer *m_storeTimer = nullptr; // a snapshot now and then, for the store's size

    QTimer *m_resyncTimer = nullptr;
    EventLoopLagMeter *m_lagMeter = nullptr; // runs while the server listens
    EventCoalescer *m_eventCoalescer = nullptr; // the server's batches, at most 4 a second
    RoomsModel *m_roomsModel = nullptr;
    ActivityLogModel *m_activityModel = nullptr;
};
