#include "activitylogmodel.h"

#include "client/chattext.h"
#include "palettecolors.h"
#include "protocol/errorcode.h"
#include "protocol/validation.h"
#include "server/hosttext.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace {

// One line per row however long the message: the tooltip has the rest.
constexpr int MaxShownChars = 300;
constexpr int MaxToolTipChars = 2000;

QString oneLine(const QString &text, int maxChars)
{
    QString line
        = text.size() > maxChars ? Validation::truncated(text, maxChars) + QChar(0x2026) : text;
    for (QChar &c : line) {
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t'))
            c = QLatin1Char(' ');
    }
    return line;
}

} // namespace

ActivityLogModel::ActivityLogModel(QObject *parent)
    : CappedTableModel(DefaultMaxRows, parent)
{ }

ActivityLogModel::~ActivityLogModel() = default;

void ActivityLogModel::appendEvents(const ServerEventList &events)
{
    appendRows(events);
}

QString ActivityLogModel::describe(const ServerEvent &event)
{
    using E = ServerEvent;
    return std::visit(
        Overloaded {
            [](const E::Connected &p) {
                return tr("connected from %1 (%2 dialect)")
                    .arg(p.peerAddress, dialectName(p.member.dialect));
            },
            [](const E::Disconnected &p) {
                const QString code = p.closeReason.isEmpty()
                    ? QString::number(p.closeCode)
                    : QString::number(p.closeCode) + QLatin1Char(' ') + p.closeReason;
                return tr("disconnected (close code %1)").arg(code);
            },
            [](const E::Joined &) { return tr("joined"); },
            [](const E::Left &) { return tr("left"); },
            [](const E::Renamed &p) { return tr("renamed from %1").arg(p.previousName); },
            [](const E::Message &p) { return p.text; },
            [](const E::Direct &p) { return tr("to %1: %2").arg(p.toName, p.text); },
            [](const E::Notification &p) {
                return p.recipients < 0
                    ? p.text
                    : tr("%1 (to %n notification member(s))", nullptr, p.recipients).arg(p.text);
            },
            [](const E::RoomCreated &) { return tr("room created"); },
            [](const E::RoomRemoved &p) {
                return p.storedMessages > 0
                    ? tr("room emptied; its %n message(s) stay in the store", nullptr,
                         int(qMin<qint64>(p.storedMessages, INT_MAX)))
                    : tr("room removed");
            },
            [](const E::Error &p) { return errorText(p.code, p.subject, p.message); },
            [](const E::Dropped &p) {
                return p.count == 1 ? tr("1 message not shown (flood)")
                                    : tr("%1 messages not shown (flood)").arg(p.count);
            },
            [](const E::Warning &p) { return HostText::translated(p.text); },
            [](const E::Refused &p) {
                const QString who = p.address.isEmpty() ? tr("other addresses") : p.address;
                const QString why = p.reason == QLatin1String("wrong_code") ? tr("wrong join code")
                    : p.reason == QLatin1String("locked_out")
                    ? tr("locked out after too many wrong codes")
                    : p.reason == QLatin1String("origin") ? tr("origin not allowed")
                    : p.reason == QLatin1String("banned") ? tr("banned by the host")
                                                          : tr("server full");
                return p.count == 1
                    ? tr("refused %1: %2").arg(who, why)
                    : tr("refused %1: %2 (%3 times in the last minute)").arg(who, why).arg(p.count);
            },
            [](const E::Kicked &p) {
                return p.banned ? tr("banned by the host: %1").arg(p.reason)
                                : tr("kicked by the host: %1").arg(p.reason);
            },
            [](const E::Muted &p) {
                return p.muted ? tr("muted by the host") : tr("may speak again (unmuted)");
            },
            [](const E::RoomLocked &p) {
                return p.locked ? tr("room locked: only the host posts") : tr("room opened again");
            },
        },
        event.payload);
}

QString ActivityLogModel::kindLabel(ServerEvent::Kind kind)
{
    using K = ServerEvent::Kind;
    switch (kind) {
    case K::Connected:
        return tr("connect", "activity kind");
    case K::Disconnected:
        return tr("disconnect", "activity kind");
    case K::Joined:
        return tr("join", "activity kind");
    case K::Left:
        return tr("leave", "activity kind");
    case K::Renamed:
        return tr("rename", "activity kind");
    case K::Message:
        return tr("message", "activity kind");
    case K::Direct:
        return tr("direct", "activity kind");
    case K::Notification:
        return tr("notification", "activity kind");
    case K::RoomCreated:
        return tr("room created", "activity kind");
    case K::RoomRemoved:
        return tr("room removed", "activity kind");
    case K::Error:
        return tr("error", "activity kind");
    case K::Dropped:
        return tr("dropped", "activity kind");
    case K::Warning:
        return tr("warning", "activity kind");
    case K::Refused:
        return tr("refused", "activity kind");
    case K::Kicked:
        return tr("kick", "activity kind");
    case K::Muted:
        return tr("mute", "activity kind");
    case K::RoomLocked:
        return tr("lock", "activity kind");
    }
    return ServerEvent::kindName(kind);
}

QString ActivityLogModel::errorText(const QString &code, const QString &subject,
                                    const QString &message)
{
    const char *words = nullptr;
    if (const std::optional<ErrorCode> known = errorCodeFromName(code)) {
        switch (*known) {
        case ErrorCode::BadJson:
            words = QT_TR_NOOP("the frame was not valid JSON");
            break;
        case ErrorCode::BadRequest:
            words = QT_TR_NOOP("the request was incomplete or invalid");
            break;
        case ErrorCode::UnknownType:
            words = QT_TR_NOOP("the request type is unknown");
            break;
        case ErrorCode::NotInRoom:
            words = subject.isEmpty() ? QT_TR_NOOP("the member is not in that room")
                                      : QT_TR_NOOP("the member is not in the room \"%1\"");
            break;
        case ErrorCode::NoSuchMember:
            words = subject.isEmpty() ? QT_TR_NOOP("no such member is connected")
                                      : QT_TR_NOOP("no member \"%1\" is connected");
            break;
        case ErrorCode::NameTaken:
            words = subject.isEmpty() ? QT_TR_NOOP("the name is already in use")
                                      : QT_TR_NOOP("the name \"%1\" is already in use");
            break;
        case ErrorCode::RateLimited:
            words = QT_TR_NOOP("too many messages per second; one was not delivered");
            break;
        case ErrorCode::Forbidden:
            words = QT_TR_NOOP("not allowed");
            break;
        case ErrorCode::TooManyRooms:
            words = QT_TR_NOOP("too many rooms");
            break;
        case ErrorCode::NameReserved:
            words = QT_TR_NOOP("the name is reserved for the host");
            break;
        case ErrorCode::Muted:
            words = QT_TR_NOOP("the host muted the member");
            break;
        case ErrorCode::RoomLocked:
            words = QT_TR_NOOP("the room is locked: only the host posts");
            break;
        }
    }
    // Untranslated (an English window), the server's own sentence says it best.
    const QString translated = words ? tr(words) : QString();
    if (translated.isEmpty() || translated == QLatin1String(words))
        return message;
    return subject.isEmpty() ? translated : translated.arg(subject);
}

int ActivityLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActivityLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const ServerEvent &e = rowAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return e.time.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
        case KindColumn:
            return kindLabel(e.kind());
        case RoomColumn:
            return e.room();
        case MemberColumn:
            return e.memberName();
        case TextColumn:
            return oneLine(describe(e), MaxShownChars);
        }
        return QVariant();
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TimeColumn:
            return e.time.toLocalTime().toString(Qt::ISODateWithMs);
        case MemberColumn:
            return e.memberId().isEmpty() ? QVariant()
                                          : tr("%1 (id %2)").arg(e.memberName(), e.memberId());
        case TextColumn:
            // An error's tooltip also has what the member was sent: code and message, in English.
            if (const auto *error = e.as<ServerEvent::Error>()) {
                const QString shown = describe(e);
                QString tip = shown + QStringLiteral("\n\n") + error->code;
                if (shown != error->message)
                    tip += QStringLiteral(": ") + error->message;
                return Validation::truncated(tip, MaxToolTipChars);
            }
            return Validation::truncated(describe(e), MaxToolTipChars);
        }
        return QVariant();
    case Qt::ForegroundRole:
        // The application's palette, light or dark (PaletteColors).
        if (e.kind() == ServerEvent::Kind::Error)
            return QBrush(PaletteColors::error());
        if (e.kind() == ServerEvent::Kind::Dropped)
            return QBrush(PaletteColors::warning());
        if (e.kind() != ServerEvent::Kind::Message && e.kind() != ServerEvent::Kind::Direct
            && index.column() == TextColumn)
            return QBrush(PaletteColors::muted());
        return QVariant();
    case Qt::FontRole:
        if (e.kind() == ServerEvent::Kind::Dropped) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return QVariant();
    case LinksRole: {
        if (index.column() != TextColumn)
            return QVariant();
        QStringList links;
        for (const QUrl &url : ChatText::links(oneLine(describe(e), MaxShownChars)))
            links.append(url.toString(QUrl::FullyEncoded));
        return links;
    }
    case KindRole:
        return int(e.kind());
    case RoomRole:
        return e.room();
    case MemberNameRole:
        return e.memberName();
    case MemberIdRole:
        return e.memberId();
    }
    return QVariant();
}

QVariant ActivityLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case KindColumn:
        return tr("Kind");
    case RoomColumn:
        return tr("Room");
    case MemberColumn:
        return tr("Member");
    case TextColumn:
        return tr("Text");
    }
    return QVariant();
}
