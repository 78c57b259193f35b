#include "nativerouter_p.h"

#include "protocol/nativecodec.h"
#include "protocol/timestamp.h"
#include "roomactions_p.h"
#include "roomarchive_p.h"
#include "roomdirectory_p.h"
#include "tutorialrouter_p.h"

NativeRouter::NativeRouter(RoomDirectory &directory, RoomActions &actions, RoomArchive &archive,
                           TutorialRouter &tutorial)
    : m_directory(directory)
    , m_actions(actions)
    , m_archive(archive)
    , m_tutorial(tutorial)
{ }

void NativeRouter::handle(Member *member, const QByteArray &utf8)
{
    const Request request = NativeCodec::decode(utf8);
    if (!request.isValid()) {
        m_actions.sendError(member, request.error, request.errorMessage, request.ref);
        return;
    }
    handleRequest(member, request);
}

void NativeRouter::handleRequest(Member *member, const Request &r)
{
    using Type = Request::Type;
    auto notInRoom = [&] {
        m_actions.sendError(member, ErrorCode::NotInRoom,
                            QStringLiteral("you are not in the room \"%1\"").arg(r.room), r.ref,
                            r.room);
    };
    switch (r.type) {
    case Type::Invalid:
        break;
    case Type::Join:
        m_actions.join(member, r.room, r.ref);
        break;
    case Type::Leave: {
        Room *room = m_directory.roomOf(member, r.room);
        if (!room)
            return notInRoom();
        m_actions.leave(member, room, r.ref, true);
        break;
    }
    case Type::Message: {
        Room *room = m_directory.roomOf(member, r.room);
        if (!room)
            return notInRoom();
        if (!m_actions.mayPost(member, room, r.ref))
            return;
        ChatMessage message;
        message.text = r.text;
        message.data = r.data;
        const QString roomName = room->name;
        m_actions.post(member, room, message);
        if (r.hasRef()) {
            if (Room *after = m_directory.room(roomName))
                m_archive.acknowledge(member, r.ref, roomName, after->lastId);
        }
        break;
    }
    case Type::Direct:
        sendDirect(member, r);
        break;
    case Type::Rename:
        m_actions.rename(member, r.name, r.ref);
        break;
    case Type::Typing: {
        Room *room = m_directory.roomOf(member, r.room);
        if (!room)
            return notInRoom();
        m_actions.sendToNative(room, NativeCodec::typing(room->name, member->ref(), r.active),
                               member);
        break;
    }
    case Type::Rooms: {
        const QList<Room *> rooms = m_directory.orderedRooms();
        QList<QPair<QString, int>> list;
        list.reserve(rooms.size());
        for (const Room *room : rooms)
            list.append({room->name, int(room->members.size())});
        m_actions.send(member, NativeCodec::rooms(list, r.ref));
        break;
    }
    case Type::Members: {
        const Room *room = m_directory.room(r.room);
        m_actions.send(
            member,
            NativeCodec::members(
                r.room, room ? RoomDirectory::memberRefs(room) : QList<MemberRef>(), r.ref));
        break;
    }
    case Type::Notify:
        if (!member->loopback) {
            m_actions.sendError(
                member, ErrorCode::Forbidden,
                QStringLiteral("notify is accepted only from the host's own machine"), r.ref);
            return;
        }
        m_tutorial.sendNotification(r.text);
        m_actions.send(member, NativeCodec::ack(r.ref));
        break;
    case Type::History:
        m_archive.answerHistory(member, r);
        break;
    case Type::Search:
        m_archive.answerSearch(member, r);
        break;
    case Type::Ping:
        m_actions.send(member, NativeCodec::pong(r.ts, Timestamp::now(), r.ref));
        break;
    }
}

void NativeRouter::sendDirect(Member *member, const Request &r)
{
    if (!m_actions.mayDirect(member, r.ref))
        return;
    Member *to = m_directory.findMember(r.to);
    if (!to || to->closing) {
        m_actions.sendError(
            member, ErrorCode::NoSuchMember,
            QStringLiteral("no member named or with id \"%1\" is connected").arg(r.to), r.ref,
            r.to);
        return;
    }
    if (to->dialect != Dialect::Native) {
        m_actions.sendError(
            member, ErrorCode::NoSuchMember,
            QStringLiteral("\"%1\" speaks the %2 dialect, which has no direct messages")
                .arg(to->name, dialectName(to->dialect)),
            r.ref);
        return;
    }
    const QString now = Timestamp::now();
    // The sender's copy is the same event, with the request's ref.
    if (to != member)
        m_actions.send(to, NativeCodec::direct(member->ref(), to->ref(), r.text, now));
    m_actions.send(member, NativeCodec::direct(member->ref(), to->ref(), r.text, now, r.ref));
    m_actions.report(ServerEvent::Direct {*member, to->name, r.text});
}
