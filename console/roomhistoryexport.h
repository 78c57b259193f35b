#pragma once

#include "server/sessionexport.h"

#include <QByteArray>
#include <QList>
#include <QString>

// A room's history (the native `message` events the server keeps, oldest first) written for
// people: the events themselves as JSON Lines, and the session export's HTML transcript of them.
// Plain functions of values, so that a worker thread can run them.
class RoomHistoryExport final
{
public:
    RoomHistoryExport() = delete;

    // The events as SessionExport records: each line the event exactly as broadcast, each
    // object what SessionRecorder writes for a message (event, time, room, member, text), so
    // that SessionExport::html() shows them. Events that are not JSON objects are left out.
    static QList<SessionExport::Record> records(const QList<QByteArray> &events);
    // base without a .jsonl or .html suffix.
    static QString stem(const QString &base);
    // Writes stem(base) + ".jsonl" and + ".html" from the room's events, each readable by the
    // owner only (0600). False, with error set, when a file cannot be written.
    static bool write(const QString &room, const QList<QByteArray> &events, const QString &base,
                      QString *error);
};
