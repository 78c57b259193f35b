#pragma once

#include "serverconfig.h"

#include <QHostAddress>
#include <QObject>

class QThread;
class RoomManager;

// Owns the server thread and the RoomManager that lives in it. Everything it does with the
// manager is a queued call, so it may be used from the GUI thread without ever blocking on the
// network. Connect to manager()'s signals for what happens; never call its functions directly.
class ServerHost final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerHost)

public:
    explicit ServerHost(QObject *parent = nullptr);
    // Stops the server at once (close frames 1000 to all) and joins the thread.
    ~ServerHost() override;

    RoomManager *manager() const { return m_manager; }

    void start(const ServerConfig &config);
    void stop();
    void kick(const QString &memberId, const QString &reason);
    // Moderation (see RoomManager::ban(), setMuted(), setRoomLocked(), liftBans()).
    void ban(const QString &memberId, const QString &reason);
    void setMuted(const QString &memberId, bool muted);
    void setRoomLocked(const QString &room, bool locked);
    void liftBans();
    void sendNotification(const QString &text);
    void postSystemMessage(const QString &room, const QString &text);
    void createRoom(const QString &room);
    void requestSnapshot();
    // Seconds between the notifications dialect's reminders, at once for every member; 0: off.
    void setNotificationInterval(double seconds);
    // The join code new connections need from now on; empty: none.
    void setJoinCode(const QString &code);
    // Moves the listening socket to address on the same port; connections stay.
    void rebind(const QHostAddress &address);
    // Tells the server the window's event-loop lag, for /api/status.
    void setGuiLag(double p99Ms);
    // The frame inspector (see RoomManager::inspect()).
    void inspect(const QString &memberId);
    void stopInspecting();

private:
    QThread *m_thread = nullptr;
    RoomManager *m_manager = nullptr;
};
