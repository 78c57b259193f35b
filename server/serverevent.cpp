#include "serverevent.h"

namespace {

// The kinds follow the payload's alternatives: kind() is the index.
static_assert(std::is_same_v<
              std::variant_alternative_t<int(ServerEvent::Kind::Connected), ServerEvent::Payload>,
              ServerEvent::Connected>);
static_assert(std::is_same_v<
              std::variant_alternative_t<int(ServerEvent::Kind::Message), ServerEvent::Payload>,
              ServerEvent::Message>);
static_assert(std::is_same_v<
              std::variant_alternative_t<int(ServerEvent::Kind::Dropped), ServerEvent::Payload>,
              ServerEvent::Dropped>);
static_assert(std::is_same_v<
              std::variant_alternative_t<int(ServerEvent::Kind::Warning), ServerEvent::Payload>,
              ServerEvent::Warning>);
static_assert(std::is_same_v<
              std::variant_alternative_t<int(ServerEvent::Kind::Refused), ServerEvent::Payload>,
              ServerEvent::Refused>);
static_assert(std::is_same_v<
              std::variant_alternative_t<int(ServerEvent::Kind::RoomLocked), ServerEvent::Payload>,
              ServerEvent::RoomLocked>);
static_assert(std::variant_size_v<ServerEvent::Payload> == int(ServerEvent::Kind::RoomLocked) + 1);

} // namespace

QString ServerEvent::room() const
{
    return std::visit(Overloaded {
                          [](const Joined &p) { return p.room; },
                          [](const Left &p) { return p.room; },
                          [](const Message &p) { return p.room; },
                          [](const RoomCreated &p) { return p.room; },
                          [](const RoomRemoved &p) { return p.room; },
                          [](const RoomLocked &p) { return p.room; },
                          [](const Notification &) { return QStringLiteral("notifications"); },
                          [](const auto &) { return QString(); },
                      },
                      payload);
}

const MemberIdentity *ServerEvent::member() const
{
    return std::visit(Overloaded {
                          [](const Connected &p) { return &p.member; },
                          [](const Disconnected &p) { return &p.member; },
                          [](const Joined &p) { return &p.member; },
                          [](const Left &p) { return &p.member; },
                          [](const Renamed &p) { return &p.member; },
                          [](const Message &p) { return &p.from; },
                          [](const Direct &p) { return &p.from; },
                          [](const Error &p) { return &p.member; },
                          [](const Kicked &p) { return &p.member; },
                          [](const Muted &p) { return &p.member; },
                          [](const auto &) -> const MemberIdentity * { return nullptr; },
                      },
                      payload);
}

QString ServerEvent::memberId() const
{
    const MemberIdentity *identity = member();
    return identity ? identity->id : QString();
}

QString ServerEvent::memberName() const
{
    const MemberIdentity *identity = member();
    return identity ? identity->name : QString();
}

QString ServerEvent::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Connected:
        return QStringLiteral("connect");
    case Kind::Disconnected:
        return QStringLiteral("disconnect");
    case Kind::Joined:
        return QStringLiteral("join");
    case Kind::Left:
        return QStringLiteral("leave");
    case Kind::Renamed:
        return QStringLiteral("rename");
    case Kind::Message:
        return QStringLiteral("message");
    case Kind::Direct:
        return QStringLiteral("direct");
    case Kind::Notification:
        return QStringLiteral("notification");
    case Kind::RoomCreated:
        return QStringLiteral("room_created");
    case Kind::RoomRemoved:
        return QStringLiteral("room_removed");
    case Kind::Error:
        return QStringLiteral("error");
    case Kind::Dropped:
        return QStringLiteral("dropped");
    case Kind::Warning:
        return QStringLiteral("warning");
    case Kind::Refused:
        return QStringLiteral("refused");
    case Kind::Kicked:
        return QStringLiteral("kick");
    case Kind::Muted:
        return QStringLiteral("mute");
    case Kind::RoomLocked:
        return QStringLiteral("lock");
    }
    return QString();
}
