#include "validation.h"

#include "memberref.h"

namespace Validation {

static bool hasControlCharacter(const QString &text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control)
            return true;
    }
    return false;
}

QString normalizeName(const QString &name, QString *error)
{
    const QString trimmed = name.trimmed();
    QString why;
    if (trimmed.isEmpty())
        why = QStringLiteral("a name must not be empty");
    else if (trimmed.size() > MaxNameLength)
        why = QStringLiteral("a name has at most %1 characters").arg(MaxNameLength);
    else if (hasControlCharacter(trimmed))
        why = QStringLiteral("a name must not contain control characters");
    else if (hasUnpairedSurrogate(trimmed))
        why = QStringLiteral("a name must not contain half of a surrogate pair");
    if (why.isEmpty())
        return trimmed;
    if (error)
        *error = why;
    return QString();
}

bool isReservedName(const QString &name)
{
    return name.compare(MemberRef::host().name, Qt::CaseInsensitive) == 0;
}

QString reservedNameError()
{
    return QStringLiteral("the name host is reserved");
}

bool isValidRoom(const QString &room, QString *error)
{
    QString why;
    if (room.isEmpty())
        why = QStringLiteral("a room name must not be empty");
    else if (room.size() > MaxRoomLength)
        why = QStringLiteral("a room name has at most %1 characters").arg(MaxRoomLength);
    else if (hasControlCharacter(room))
        why = QStringLiteral("a room name must not contain control characters");
    else if (hasUnpairedSurrogate(room))
        why = QStringLiteral("a room name must not contain half of a surrogate pair");
    if (why.isEmpty())
        return true;
    if (error)
        *error = why;
    return false;
}

QString truncated(const QString &text, int maxUnits)
{
    if (text.size() <= maxUnits)
        return text;
    if (maxUnits <= 0)
        return QString();
    int n = maxUnits;
    if (text.at(n - 1).isHighSurrogate() && text.at(n).isLowSurrogate())
        --n;
    return text.left(n);
}

bool hasUnpairedSurrogate(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        else if (c.isSurrogate())
            return true;
    }
    return false;
}

} // namespace Validation
