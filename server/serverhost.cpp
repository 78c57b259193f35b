#include "serverhost.h"

#include "roommanager.h"

#include <QThread>

ServerHost::ServerHost(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_manager(new RoomManager) // no parent: it moves to its own thread
{
    m_thread->setObjectName(QStringLiteral("wsroom-server"));
    m_manager->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_manager, &QObject::deleteLater);
    m_thread->start();
}

ServerHost::~ServerHost()
{
    QMetaObject::invokeMethod(m_manager, &RoomManager::stopNow, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void ServerHost::start(const ServerConfig &config)
{
    QMetaObject::invokeMethod(m_manager, [m = m_manager, config] { m->start(config); });
}

void ServerHost::stop()
{
    QMetaObject::invokeMethod(m_manager, &RoomManager::stop);
}

void ServerHost::kick(const QString &memberId, const QString &reason)
{
    QMetaObject::invokeMethod(m_manager,
                              [m = m_manager, memberId, reason] { m->kick(memberId, reason); });
}

void ServerHost::sendNotification(const QString &text)
{
    QMetaObject::invokeMethod(m_manager, [m = m_manager, text] { m->sendNotification(text); });
}

void ServerHost::ban(const QString &memberId, const QString &reason)
{
    QMetaObject::invokeMethod(m_manager,
                              [m = m_manager, memberId, reason] { m->ban(memberId, reason); });
}

void ServerHost::setMuted(const QString &memberId, bool muted)
{
    QMetaObject::invokeMethod(m_manager,
                              [m = m_manager, memberId, muted] { m->setMuted(memberId, muted); });
}

void ServerHost::setRoomLocked(const QString &room, bool locked)
{
    QMetaObject::invokeMethod(m_manager,
                              [m = m_manager, room, locked] { m->setRoomLocked(room, locked); });
}

void ServerHost::liftBans()
{
    QMetaObject::invokeMethod(m_manager, [m = m_manager] { m->liftBans(); });
}

void ServerHost::postSystemMessage(const QString &room, const QString &text)
{
    QMetaObject::invokeMethod(m_manager,
                              [m = m_manager, room, text] { m->postSystemMessage(room, text); });
}

void ServerHost::createRoom(const QString &room)
{
    QMetaObject::invokeMethod(m_manager, [m = m_manager, room] { m->createRoom(room); });
}

void ServerHost::setGuiLag(double p99Ms)
{
    QMetaObject::invokeMethod(m_manager, [m = m_manager, p99Ms] { m->setGuiLag(p99Ms); });
}

void ServerHost::requestSnapshot()
{
    QMetaObject::invokeMethod(m_manager, &RoomManager::requestSnapshot);
}

void ServerHost::setNotificationInterval(double seconds)
{
    QMetaObject::invokeMethod(m_manager,
                              [m = m_manager, seconds] { m->setNotificationInterval(seconds); });
}

void ServerHost::setJoinCode(const QString &code)
{
    QMetaObject::invokeMethod(m_manager, [m = m_manager, code] { m->setJoinCode(code); });
}

void ServerHost::rebind(const QHostAddress &address)
{
    QMetaObject::invokeMethod(m_manager, [m = m_manager, address] { m->rebind(address); });
}

void ServerHost::inspect(const QString &memberId)
{
    QMetaObject::invokeMethod(m_manager, [m = m_manager, memberId] { m->inspect(memberId); });
}

void ServerHost::stopInspecting()
{
    QMetaObject::invokeMethod(m_manager, &RoomManager::stopInspecting);
}
