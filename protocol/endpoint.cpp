#include "endpoint.h"

#include "validation.h"

#include <QUrl>
#include <QUrlQuery>

static QString decodeSegment(const QByteArray &segment)
{
    return QUrl::fromPercentEncoding(segment);
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
        if (!e.name.trimmed().isEmpty()) {
            const QString normalized = Validation::normalizeName(e.name, &e.error);
            if (normalized.isEmpty()) {
                e.status = Status::BadRequest;
                return e;
            }
            if (Validation::isReservedName(normalized)) {
                e.status = Status::BadRequest;
                e.error = Validation::reservedNameError();
                return e;
            }
            e.name = normalized;
        } else {
            e.name.clear();
        }
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
        const QString normalized = Validation::normalizeName(e.name, &e.error);
        if (normalized.isEmpty()) {
            e.status = Status::BadRequest;
            return e;
        }
        // The tutorial's client id is the member's name: "host" is the host's (additions-2 §3).
        if (Validation::isReservedName(normalized)) {
            e.status = Status::BadRequest;
            e.error = Validation::reservedNameError();
            return e;
        }
        e.name = normalized;
        if (!Validation::isValidRoom(e.room, &e.error))
            e.status = Status::BadRequest;
    }
    return e;
}
