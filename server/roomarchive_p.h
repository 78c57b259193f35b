#pragma once

#include "protocol/chatmessage.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>

class RoomActions;
class RoomDirectory;
struct Member;
struct Request;
struct Room;

// The rooms' past messages: keeps each published message (in its room's memory, the last
// --history of them) and answers the native `history` and `search` requests from what is kept.
class RoomArchive
{
public:
    // Reads and writes rooms in directory; replies through actions.
    RoomArchive(RoomDirectory &directory, RoomActions &actions);
    Q_DISABLE_COPY_MOVE(RoomArchive)

    // Keeps the message just published to room; native is its native event if one was made.
    void record(Room *room, const ChatMessage &message, const QByteArray &native);
    // Tells the member its message got id in room (the `ack` of a request with ref).
    void acknowledge(Member *member, const QJsonValue &ref, const QString &room, qint64 id);
    // Answers `history`: a page of the room's messages before request.before, oldest first.
    void answerHistory(Member *member, const Request &request);
    // Answers `search`: the messages of the room (or of every room of the member) that match
    // the query, newest first.
    void answerSearch(Member *member, const Request &request);

private:
    // Sends not_in_room for the request's room.
    void refuseNotInRoom(Member *member, const Request &request);

    RoomDirectory &m_directory;
    RoomActions &m_actions;
};
