#pragma once

#include "protocol/chatmessage.h"
#include "protocol/errorcode.h"
#include "serverevent.h"

#include <QJsonValue>
#include <QString>

class BanList;
class EventBatcher;
class OutgoingMessage;
class Outbox;
class RoomArchive;
class RoomDirectory;
struct Member;
struct Room;
struct ServerStats;

// What members and the host do to rooms, with everything that follows: the directory changes,
// the replies and presence frames go out through the outbox, and the events are reported.
// Both dialect routers and the room manager act through it.
class RoomActions
{
public:
    // Acts on directory, writes to outbox, reports to events, counts in stats.
    RoomActions(RoomDirectory &directory, Outbox &outbox, EventBatcher &events, ServerStats &stats);
    Q_DISABLE_COPY_MOVE(RoomActions)

    // Where published messages are kept; set once, before the first publish().
    void setArchive(RoomArchive *archive) { m_archive = archive; }
    // The names and addresses the host banned, which a rename may not take; set once.
    void setBans(const BanList *bans) { m_bans = bans; }

    // Sends utf8 to the member as one text frame.
    void send(Member *member, const QByteArray &utf8);
    // Sends message, framed as the member reads frames (see Outbox::send()).
    void send(Member *member, OutgoingMessage &message);
    // Sends an error in the member's dialect and reports it, with subject (the name or room it is
    // about) for the window's own words.
    void sendError(Member *member, ErrorCode code, const QString &message,
                   const QJsonValue &ref = QJsonValue::Undefined,
                   const QString &subject = QString());
    // Sends utf8 to the room's native members but except.
    void sendToNative(Room *room, const QByteArray &utf8, const Member *except);

    // The room, made (and reported) if it does not exist and the limit allows; null with
    // *error set if not.
    Room *roomFor(const QString &name, QString *error);
    // Puts the member in the room (telling the room and reporting it), and answers a native
    // member with the room's members and history; false after telling it why not.
    bool join(Member *member, const QString &roomName, const QJsonValue &ref);
    // Takes the member out of the room, tells the room, reports it, answers the member if
    // reply, and removes the room if it is left empty and not kept.
    void leave(Member *member, Room *room, const QJsonValue &ref, bool reply);
    // Numbers the message, sends it to each member in its dialect (each dialect's frame encoded
    // once), keeps it in the history and reports it.
    void publish(Room *room, ChatMessage message);
    // Posts the member's message to the room (its room, sender and time filled in here),
    // counting it as the member's (see publish()).
    void post(Member *member, Room *room, ChatMessage message);
    // Whether the member may post to the room: false after sending it `muted` (the host muted
    // it) or `room_locked` (only the host posts there), with ref.
    bool mayPost(Member *member, const Room *room, const QJsonValue &ref = QJsonValue::Undefined);
    // Whether the member may send a direct message: false after sending it `muted`, with ref.
    bool mayDirect(Member *member, const QJsonValue &ref);
    // Renames the member if the name is free, answering it, telling its rooms and reporting it.
    void rename(Member *member, const QString &name, const QJsonValue &ref);
    // Sends a close frame; a peer that does not finish the closing handshake within graceMs
    // is cut (0: at once, for a peer that is not answering anyway; -1: the default 5 s).
    void closeMember(Member *member, int code, const QString &reason, int graceMs = -1);

    // Hands the event to the batch and the recording.
    void report(ServerEvent event);

private:
    RoomDirectory &m_directory;
    Outbox &m_outbox;
    EventBatcher &m_events;
    ServerStats &m_stats;
    RoomArchive *m_archive = nullptr;
    const BanList *m_bans = nullptr;
};
