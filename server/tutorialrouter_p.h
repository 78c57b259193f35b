#pragma once

#include <QObject>
#include <QString>

class RoomActions;
class RoomDirectory;
struct Member;
struct Room;
struct ServerConfig;

// The tutorial dialects: broadcast ("/") and chat ("/ws/..."), each member in its one home
// room, and the notification members ("/ws/notifications/..."), which only listen.
class TutorialRouter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TutorialRouter)

public:
    // Acts through actions on directory; reads the notification interval from config.
    TutorialRouter(const ServerConfig &config, RoomDirectory &directory, RoomActions &actions,
                   QObject *parent = nullptr);

    // Puts a new tutorial member in its home room and starts a notification member's timer;
    // closes it with 1013 if there is no room for it.
    void admit(Member *member, const QString &homeRoom);
    // Handles one text message (valid UTF-8) from a tutorial member, in its dialect.
    void handle(Member *member, const QByteArray &utf8);
    // Sends text to every notification member and reports it with how many got it.
    void sendNotification(const QString &text);
    // Restarts each notification member's timer at the config's interval (0: stopped).
    void applyNotificationInterval();

private:
    // A broadcast member's JSON value, to its room.
    void handleBroadcast(Member *member, const QByteArray &utf8);
    // A chat member's line, to its room.
    void handleChat(Member *member, const QString &text);
    // The member's home room, or null after telling it that it is in none.
    Room *homeRoom(Member *member);

    const ServerConfig &m_config;
    RoomDirectory &m_directory;
    RoomActions &m_actions;
};
