#include "tutorialrouter_p.h"

#include "memberconnection_p.h"
#include "outgoingmessage_p.h"
#include "protocol/closecode.h"
#include "protocol/timestamp.h"
#include "protocol/tutorialcodec.h"
#include "roomactions_p.h"
#include "roomdirectory_p.h"
#include "serverconfig.h"

#include <QJsonValue>
#include <QTimer>

TutorialRouter::TutorialRouter(const ServerConfig &config, RoomDirectory &directory,
                               RoomActions &actions, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_directory(directory)
    , m_actions(actions)
{ }

void TutorialRouter::admit(Member *member, const QString &homeRoom)
{
    member->homeRoom = homeRoom;
    if (!m_actions.join(member, member->homeRoom, QJsonValue::Undefined)) {
        // A tutorial member is its one room: without it there is nothing it could do. It has
        // been told too_many_rooms; the close says to come back later.
        m_actions.closeMember(
            member, CloseCode::TryAgainLater,
            QStringLiteral("the server has no room for \"%1\"").arg(member->homeRoom));
        return;
    }
    if (member->dialect != Dialect::Notifications)
        return;
    member->notificationTimer = new QTimer(member->connection);
    connect(member->notificationTimer, &QTimer::timeout, this, [this, member] {
        m_actions.send(
            member,
            TutorialCodec::notification(QStringLiteral("New notification for ") + member->name,
                                        Timestamp::now()));
    });
    if (m_config.notificationInterval > 0)
        member->notificationTimer->start(int(m_config.notificationInterval * 1000));
}

void TutorialRouter::handle(Member *member, const QByteArray &utf8)
{
    switch (member->dialect) {
    case Dialect::Broadcast:
        handleBroadcast(member, utf8);
        break;
    case Dialect::Chat:
        handleChat(member, QString::fromUtf8(utf8));
        break;
    case Dialect::Notifications:
    case Dialect::Native:
    case Dialect::Echo:
        break; // "In: ignored"; the native protocol is NativeRouter's, echo RoomManager's
    }
}

Room *TutorialRouter::homeRoom(Member *member)
{
    Room *room = m_directory.roomOf(member, member->homeRoom);
    if (!room)
        m_actions.sendError(member, ErrorCode::NotInRoom, QStringLiteral("you are in no room"));
    return room;
}

void TutorialRouter::handleBroadcast(Member *member, const QByteArray &utf8)
{
    QJsonValue value;
    QString why;
    if (!TutorialCodec::decodeBroadcast(utf8, &value, &why)) {
        m_actions.sendError(member, ErrorCode::BadJson, why);
        return;
    }
    Room *room = homeRoom(member);
    if (!room || !m_actions.mayPost(member, room))
        return;
    const QString text = QString::fromUtf8(utf8);
    ChatMessage message;
    message.data = value;
    message.rawJson = text;
    message.text = TutorialCodec::textOfBroadcast(message.data, text);
    message.origin = Dialect::Broadcast;
    m_actions.post(member, room, message);
}

void TutorialRouter::handleChat(Member *member, const QString &text)
{
    Room *room = homeRoom(member);
    if (!room || !m_actions.mayPost(member, room))
        return;
    ChatMessage message;
    message.text = text;
    message.origin = Dialect::Chat;
    m_actions.post(member, room, message);
}

void TutorialRouter::sendNotification(const QString &text)
{
    const QByteArray utf8 = TutorialCodec::notification(text, Timestamp::now());
    OutgoingMessage message(utf8);
    int recipients = 0;
    for (Member *member : m_directory.members()) {
        if (member->dialect == Dialect::Notifications && !member->closing) {
            m_actions.send(member, message);
            ++recipients;
        }
    }
    m_actions.report(ServerEvent::Notification {text, recipients});
}

void TutorialRouter::applyNotificationInterval()
{
    const double seconds = m_config.notificationInterval;
    for (Member *member : m_directory.members()) {
        if (!member->notificationTimer)
            continue;
        if (seconds > 0)
            member->notificationTimer->start(int(seconds * 1000));
        else
            member->notificationTimer->stop();
    }
}
