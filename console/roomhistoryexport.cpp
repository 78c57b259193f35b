#include "roomhistoryexport.h"

#include "server/privatefiles.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

// The event's time as the recorder writes it (ISO 8601 UTC with milliseconds): from "ts" or
// "timestamp", an ISO string or milliseconds since the epoch.
QString isoTime(const QJsonObject &event)
{
    QJsonValue value = event.value(QLatin1String("ts"));
    if (value.isUndefined() || value.isNull())
        value = event.value(QLatin1String("timestamp"));
    if (value.isString())
        return value.toString();
    if (value.isDouble()) {
        return QDateTime::fromMSecsSinceEpoch(qint64(value.toDouble()), Qt::UTC)
            .toString(Qt::ISODateWithMs);
    }
    return QString();
}

} // namespace

QList<SessionExport::Record> RoomHistoryExport::records(const QList<QByteArray> &events)
{
    QList<SessionExport::Record> records;
    records.reserve(events.size());
    for (const QByteArray &line : events) {
        const QJsonDocument document = QJsonDocument::fromJson(line);
        if (!document.isObject())
            continue;
        const QJsonObject event = document.object();
        const QJsonObject from = event.value(QLatin1String("from")).toObject();
        QJsonObject object;
        object.insert(QLatin1String("event"), QStringLiteral("message"));
        object.insert(QLatin1String("time"), isoTime(event));
        object.insert(QLatin1String("room"), event.value(QLatin1String("room")));
        object.insert(QLatin1String("member"),
                      QJsonObject {{QLatin1String("id"), from.value(QLatin1String("id"))},
                                   {QLatin1String("name"), from.value(QLatin1String("name"))}});
        object.insert(QLatin1String("text"), event.value(QLatin1String("text")));
        records.append({line.trimmed(), object});
    }
    return records;
}

QString RoomHistoryExport::stem(const QString &base)
{
    QString stem = base;
    const QString suffix = QFileInfo(base).suffix();
    if (suffix == QLatin1String("jsonl") || suffix == QLatin1String("html"))
        stem.chop(suffix.size() + 1);
    return stem;
}

bool RoomHistoryExport::write(const QString &room, const QList<QByteArray> &events,
                              const QString &base, QString *error)
{
    const QList<SessionExport::Record> list = records(events);
    const QString s = stem(base);
    // A room's messages are the members' words: not for other accounts on the machine, not even
    // for the moment between creating a file and making it private (PrivateFiles::write()).
    return PrivateFiles::write(s + QStringLiteral(".jsonl"), SessionExport::jsonLines(list), error)
        && PrivateFiles::write(
               s + QStringLiteral(".html"),
               SessionExport::html(list, QStringLiteral("wsroom room %1").arg(room)), error);
}
