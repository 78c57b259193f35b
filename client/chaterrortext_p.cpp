#include "chaterrortext_p.h"

#include <QCoreApplication>

namespace ChatErrorText {

QString describe(const QString &code, const QString &message, const QString &pendingName,
                 const QString &pendingRoom, const QString &selfName)
{
    const QString detail = message.isEmpty() ? code : message;
    if (code == QLatin1String("name_taken")) {
        const QString &name = pendingName;
        return name.isEmpty()
            ? QCoreApplication::translate("ChatSession", "That name is already taken.")
            : QCoreApplication::translate("ChatSession",
                                          "The name “%1” is already taken; you are still %2.")
                  .arg(name, selfName);
    }
    if (code == QLatin1String("rate_limited"))
        return QCoreApplication::translate(
            "ChatSession", "Slow down: you are sending too fast, and that was not delivered.");
    if (code == QLatin1String("not_in_room"))
        return QCoreApplication::translate("ChatSession", "You are not in that room (%1).")
            .arg(detail);
    if (code == QLatin1String("too_many_rooms")) {
        const QString &room = pendingRoom;
        return room.isEmpty()
            ? QCoreApplication::translate("ChatSession", "Cannot join another room: %1.")
                  .arg(detail)
            : QCoreApplication::translate("ChatSession", "Cannot join “%1”: too many rooms (%2).")
                  .arg(room, detail);
    }
    if (code == QLatin1String("no_such_member"))
        return QCoreApplication::translate("ChatSession", "Cannot send a direct message: %1.")
            .arg(detail);
    if (code == QLatin1String("bad_request")) {
        const QString &room = pendingRoom;
        if (!room.isEmpty())
            return QCoreApplication::translate("ChatSession", "Cannot join “%1”: %2.")
                .arg(room, detail);
        return QCoreApplication::translate("ChatSession", "The server refused that: %1.")
            .arg(detail);
    }
    if (code == QLatin1String("forbidden"))
        return QCoreApplication::translate("ChatSession", "Not allowed: %1.").arg(detail);
    if (code == QLatin1String("bad_frame"))
        return QCoreApplication::translate("ChatSession",
                                           "The server sent something this window cannot read: %1.")
            .arg(detail);
    return QCoreApplication::translate("ChatSession", "The server reported an error (%1): %2")
        .arg(code, detail);
}

} // namespace ChatErrorText
