#pragma once

#include "protocol/chatmessage.h"
#include "roomstore_p.h"
#include "serversnapshot.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <deque>
#include <functional>
#include <memory>

class RoomActions;
class RoomDirectory;
struct ServerConfig;
struct Member;
struct Request;
struct Room;

// The rooms' past messages: keeps each published message (in its room's memory, the last
// --history of them, and with --store in the room store) and answers the native `history` and
// `search` requests from what is kept. With a store, a message's ack waits for its commit.
class RoomArchive
{
public:
    // Reads and writes rooms in directory; replies through actions.
    RoomArchive(RoomDirectory &directory, RoomActions &actions);
    ~RoomArchive();
    Q_DISABLE_COPY_MOVE(RoomArchive)

    // Opens the store of config (none when its storeFile is empty) and gives the directory the
    // rooms it holds; warn is told what the host should know (a file moved aside, a store that
    // cannot be written). False, with *error and *exitStatus set, when the server must not start.
    bool open(const ServerConfig &config, const std::function<void(const QString &)> &warn,
              QString *error, int *exitStatus);
    // Commits what is waiting and closes the store, if open.
    void close();
    // Fills the snapshot's store status.
    void describe(ServerSnapshot *snapshot) const;
    // Forgets the room's history, in memory and in the store (its ids go on), then calls done.
    void clearHistory(const QString &room, std::function<void()> done);
    // Calls done with every message of the room kept (the store's, else memory's), oldest first.
    void allMessages(const QString &room, std::function<void(const QList<QByteArray> &)> done);

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
    // An ack that waits for its message's commit.
    struct PendingAck
    {
        qint64 ticket = 0;
        QString memberId;
        QByteArray frame;
    };

    // Sends not_in_room for the request's room.
    void refuseNotInRoom(Member *member, const Request &request);
    // Sends utf8 to the member with this id, if it is still there (an answer from the store).
    void sendLater(const QString &memberId, const QByteArray &utf8);
    // Sends the acks of the messages committed up to ticket.
    void onCommitted(qint64 ticket);
    // Drops the acks of messages let go unsaved up to ticket.
    void onDiscarded(qint64 ticket);

    RoomDirectory &m_directory;
    RoomActions &m_actions;
    std::unique_ptr<RoomStore> m_store; // null with --store none
    qint64 m_lastTicket = 0; // the store's ticket of the message recorded last
    std::deque<PendingAck> m_pendingAcks; // by ticket
};
