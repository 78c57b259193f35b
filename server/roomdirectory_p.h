#pragma once

#include "member_p.h"
#include "room_p.h"
#include "serversnapshot.h"

#include <QHash>
#include <QList>
#include <QString>

#include <map>
#include <memory>
#include <unordered_map>

// The rooms and the members, their names and the rooms' histories, with the server's limits on
// them. Owns every Member and Room; knows no socket, sends nothing and reports nothing: the
// caller (RoomActions) turns what changed into frames and events.
class RoomDirectory
{
public:
    // What join() did: room is null when it refused (error says why), joined is false when
    // the member was in the room already.
    struct JoinOutcome
    {
        Room *room = nullptr;
        bool joined = false;
        bool roomCreated = false;
        QString error;
    };

    // Starts empty, without the permanent rooms (see reset()).
    RoomDirectory();
    ~RoomDirectory();
    Q_DISABLE_COPY_MOVE(RoomDirectory)

    // Sets the limits of the rooms; history is how many messages a room keeps (0: none).
    void setLimits(int maxRooms, int maxRoomsPerMember, int history);
    // Forgets every member and room and makes the permanent ones (lobby, chat, notifications).
    void reset();
    // Forgets every member and room, the permanent ones too.
    void clear();

    // The next member number (1, 2, ...): a new member's id is "m<number>".
    qint64 takeMemberNumber() { return m_nextMemberNumber++; }
    // Takes the member in, by its id and name (unique: see uniqueName()); returns it.
    Member *addMember(std::unique_ptr<Member> member);
    // Takes the member out of the indexes (not of its rooms: leave them first) and hands it
    // back to be destroyed; null if it is not known.
    std::unique_ptr<Member> takeMember(const Member *member);
    // The member with this id, or null.
    Member *member(const QString &id) const;
    // The member with this id, or else this name, or null.
    Member *findMember(const QString &nameOrId) const;
    // True if the member is this directory's (not one taken out since).
    bool contains(const Member *member) const;
    // The members, in no particular order: a copy, safe to iterate while members go.
    QList<Member *> members() const;
    int memberCount() const { return int(m_membersById.size()); }
    // wanted if no member has that name, else wanted-2, wanted-3, ... (cut to fit the limit).
    QString uniqueName(const QString &wanted) const;
    // Gives the member a name no other member has; false if another has it.
    bool rename(Member *member, const QString &name);

    // The room of that name, or null.
    Room *room(const QString &name) const;
    // The room of that name if member is in it, or null.
    Room *roomOf(const Member *member, const QString &name) const;
    // The room, made if it does not exist and the room limit allows; null with *error set if
    // not. *created tells whether it was made now.
    Room *roomFor(const QString &name, bool *created, QString *error);
    // Puts the member in the room, made if needed, within the limits of rooms per member and
    // rooms on the server.
    JoinOutcome join(Member *member, const QString &roomName);
    // Takes the member out of the room (the room stays, even empty: see removeIfEmpty()).
    void leave(Member *member, Room *room);
    // Destroys the room if it is empty and not kept; true if it did (room is dangling then).
    bool removeIfEmpty(Room *room);
    // Adds a message to the room's history, the oldest going past the limit; native is its
    // native encoding, if made.
    void remember(Room *room, const ChatMessage &message, const QByteArray &native);
    int roomCount() const { return int(m_rooms.size()); }
    // The permanent rooms first, in the protocol's order, then the others by name.
    QList<Room *> orderedRooms() const;
    // The room's members as the protocol names them, in the order they joined.
    static QList<MemberRef> memberRefs(const Room *room);

    // Fills the snapshot's rooms and members.
    void describe(ServerSnapshot *snapshot) const;

private:
    std::unordered_map<QString, std::unique_ptr<Member>> m_membersById;
    QHash<QString, Member *> m_membersByName;
    std::map<QString, std::unique_ptr<Room>> m_rooms;
    qint64 m_nextMemberNumber = 1;
    qint64 m_messageSequence = 0;
    int m_maxRooms = 0;
    int m_maxRoomsPerMember = 0;
    int m_history = 0;
};
