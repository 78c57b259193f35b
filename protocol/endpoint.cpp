#include "endpoint.h"

#include "validation.h"

#include <QUrl>
#include <QUrlQuery>

static QString decodeSegment(const QByteArray &segment)
{
    return QUrl::fromPercentEncoding(segment);
}

// Takes e.name as the member's name: normalized, or refused (BadRequest with e.error) when it is
// not a valid name or is the host's (additions-2 §3: a tutorial client id is a name too).
static bool takeName(Endpoint &e)
{
    const QString normalized = Validation::normalizeName(e.name, &e.error);
    if (normalized.isEmpty() || Validation::isReservedName(normalized)) {
        if (!normalized.isEmpty())
            e.error = Validation::reservedNameError();
        e.status = Endpoint::Status::BadRequest;
        return false;
    }
    e.name = normalized;
    return true;
}

Endpoint Endpoint::fromTarget(const QByteArray &target)
{
    Endpoint e;
    const int q = target.indexOf('?');
    const QByteArray path = q < 0 ? target : target.left(q);
    const QByteArray query = q < 0 ? QByteArray() : target.mid(q + 1);

    if (path == "/") {
        e.status = Status::Ok;
        e.dialect = Dialect::Broadcast;
        e.room = QStringLiteral("lobby");
    } else if (path == "/echo") {
        e.status = Status::Ok;
        e.dialect = Dialect::Echo;
    } else if (path == "/chat") {
        e.status = Status::Ok;
        e.dialect = Dialect::Native;
        // "+" means a space in a query string, which QUrlQuery leaves alone. Raw (unencoded)
        // non-ASCII bytes are taken as UTF-8, as in the path segments below.
        QByteArray plusDecoded = query;
        plusDecoded.replace('+', "%20");
        const QUrlQuery params(QString::fromUtf8(plusDecoded));
        e.room = params.queryItemValue(QStringLiteral("room"), QUrl::FullyDecoded);
        e.name = params.queryItemValue(QStringLiteral("name"), QUrl::FullyDecoded);
        // An empty parameter is taken as absent, as a form with an empty field sends it.
        if (e.name.trimmed().isEmpty())
            e.name.clear();
        else if (!takeName(e))
            return e;
        if (!e.room.isEmpty() && !Validation::isValidRoom(e.room, &e.error)) {
            e.status = Status::BadRequest;
        }
        return e;
    } else if (path.startsWith("/ws/")) {
        const QList<QByteArray> parts = path.mid(4).split('/');
        if (parts.size() == 1 && !parts[0].isEmpty()) {
            e.status = Status::Ok;
            e.dialect = Dialect::Chat;
            e.room = QStringLiteral("chat");
            e.name = decodeSegment(parts[0]);
        } else if (parts.size() == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()) {
            e.status = Status::Ok;
            e.room = decodeSegment(parts[0]);
            e.name = decodeSegment(parts[1]);
            e.dialect
                = e.room == QLatin1String("notifications") ? Dialect::Notifications : Dialect::Chat;
        } else {
            return e;
        }
        if (!takeName(e))
            return e;
        if (!Validation::isValidRoom(e.room, &e.error))
            e.status = Status::BadRequest;
    }
    return e;
}
