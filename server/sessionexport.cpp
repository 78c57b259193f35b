#include "sessionexport.h"

#include "hosttext.h"
#include "privatefiles.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString memberName(const QJsonObject &record)
{
    return record.value(QLatin1String("member")).toObject().value(QLatin1String("name")).toString();
}

// "14:03:27" in local time; the full UTC time is the cell's tooltip.
QString shortTime(const QString &iso)
{
    const QDateTime time = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("HH:mm:ss")) : iso;
}

QString longTime(const QString &iso)
{
    const QDateTime time = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                          : iso;
}

const char Style[] = R"(
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 60em; color: #1d1d1f;
       padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: .2em; }
.summary { color: #555; margin-bottom: 1.5em; }
table { border-collapse: collapse; width: 100%; }
th { text-align: left; border-bottom: 2px solid #ccc; padding: .3em .6em; }
td { border-bottom: 1px solid #eee; padding: .3em .6em; vertical-align: top; }
td.time { color: #777; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.room { white-space: nowrap; color: #2a5db0; }
td.who { white-space: nowrap; font-weight: 600; }
td.text { white-space: pre-wrap; overflow-wrap: anywhere; }
tr.presence td.text, tr.rename td.text { color: #777; font-style: italic; }
tr.presence td.who, tr.rename td.who { font-weight: normal; color: #777; }
tr.kick td.text { color: #a00; font-style: italic; }
)";

} // namespace

bool SessionExport::isSimulatedName(const QString &name)
{
    static const QRegularExpression simulated(
        QStringLiteral("^sim-(chatter|visitor|slow)(-[0-9]+)?$"));
    return simulated.match(name).hasMatch();
}

QList<SessionExport::Record> SessionExport::filtered(const QList<Record> &records,
                                                     const Options &options)
{
    if (!options.withoutSimulated)
        return records;
    QList<Record> kept;
    for (const Record &record : records) {
        // A rename names the member twice: a simulated client's is left out either way.
        if (isSimulatedName(memberName(record.object))
            || isSimulatedName(record.object.value(QLatin1String("previous")).toString())) {
            continue;
        }
        kept.append(record);
    }
    return kept;
}

bool SessionExport::read(const QString &fileName, QList<Record> *records, QString *error,
                         int *skipped)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = HostText::english(HostText::CannotRead).arg(fileName, file.errorString());
        return false;
    }
    int bad = 0;
    records->clear();
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            ++bad;
            continue;
        }
        records->append({line, document.object()});
    }
    if (skipped)
        *skipped = bad;
    return true;
}

QByteArray SessionExport::jsonLines(const QList<Record> &records)
{
    QByteArray bytes;
    for (const Record &record : records)
        bytes += record.line + '\n';
    return bytes;
}

QByteArray SessionExport::html(const QList<Record> &records, const QString &title)
{
    QSet<QString> rooms;
    QSet<QString> members;
    int messages = 0;
    QString rows;
    for (const Record &record : records) {
        const QJsonObject &o = record.object;
        const QString event = o.value(QLatin1String("event")).toString();
        const QString time = o.value(QLatin1String("time")).toString();
        const QString room = o.value(QLatin1String("room")).toString();
        const QString who = memberName(o);
        QString rowClass;
        QString text;
        if (event == QLatin1String("message")) {
            rowClass = QStringLiteral("message");
            text = esc(o.value(QLatin1String("text")).toString());
            ++messages;
        } else if (event == QLatin1String("join")) {
            rowClass = QStringLiteral("presence");
            text = QStringLiteral("joined %1").arg(esc(room));
        } else if (event == QLatin1String("leave")) {
            rowClass = QStringLiteral("presence");
            text = QStringLiteral("left %1").arg(esc(room));
        } else if (event == QLatin1String("rename")) {
            rowClass = QStringLiteral("rename");
            text = QStringLiteral("%1 is now %2")
                       .arg(esc(o.value(QLatin1String("previous")).toString()), esc(who));
        } else if (event == QLatin1String("kick")) {
            rowClass = QStringLiteral("kick");
            const QString reason = esc(o.value(QLatin1String("reason")).toString());
            text = o.value(QLatin1String("banned")).toBool()
                ? QStringLiteral("banned by the host: %1").arg(reason)
                : QStringLiteral("kicked by the host: %1").arg(reason);
        } else {
            continue; // a kind this version does not record
        }
        if (!room.isEmpty())
            rooms.insert(room);
        if (!who.isEmpty())
            members.insert(who);
        rows += QStringLiteral("<tr class=\"%1\"><td class=\"time\" title=\"%2\">%3</td>"
                               "<td class=\"room\">%4</td><td class=\"who\">%5</td>"
                               "<td class=\"text\">%6</td></tr>\n")
                    .arg(rowClass, esc(time), esc(shortTime(time)), esc(room), esc(who), text);
    }

    QString summary;
    if (records.isEmpty()) {
        summary = QStringLiteral("Nothing was recorded.");
    } else {
        summary
            = QStringLiteral("%1 to %2 · %3 messages · %4 members · %5 rooms")
                  .arg(
                      esc(longTime(records.first().object.value(QLatin1String("time")).toString())),
                      esc(longTime(records.last().object.value(QLatin1String("time")).toString())))
                  .arg(messages)
                  .arg(members.size())
                  .arg(rooms.size());
    }
    const QString page
        = QStringLiteral(
              "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
              "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
              "<title>%1</title>\n<style>%2</style>\n</head>\n<body>\n<h1>%1</h1>\n"
              "<p class=\"summary\">%3</p>\n<table>\n<thead><tr><th>Time</th>"
              "<th>Room</th><th>Who</th><th>What</th></tr></thead>\n<tbody>\n%4"
              "</tbody>\n</table>\n</body>\n</html>\n")
              .arg(esc(title), QString::fromLatin1(Style), summary, rows);
    return page.toUtf8();
}

bool SessionExport::exportFiles(const QString &recording, const QString &jsonlFile,
                                const QString &htmlFile, QString *error, const Options &options)
{
    QList<Record> records;
    if (!read(recording, &records, error))
        return false;
    records = filtered(records, options);
    if (!jsonlFile.isEmpty() && !PrivateFiles::write(jsonlFile, jsonLines(records), error))
        return false;
    if (!htmlFile.isEmpty()) {
        QString title = QStringLiteral("wsroom session");
        if (!records.isEmpty()) {
            title += QStringLiteral(", ")
                + longTime(records.first().object.value(QLatin1String("time")).toString()).left(10);
        }
        if (!PrivateFiles::write(htmlFile, html(records, title), error))
            return false;
    }
    return true;
}
