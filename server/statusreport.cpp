#include "statusreport.h"

#include "protocol/jsonwriter.h"

#include <algorithm>
#include <utility>

namespace StatusReport {

QByteArray json(const ServerSnapshot &s)
{
    JsonWriter w;
    w.beginObject()
        .key("version")
        .value(s.version)
        .key("uptime_s")
        .rawValue(QByteArray::number(s.stats.uptimeMs / 1000.0, 'f', 3))
        .key("connections")
        .value(s.stats.connections)
        .key("rooms")
        .beginArray();
    for (const ServerSnapshot::RoomInfo &room : s.rooms) {
        w.beginObject().key("name").value(room.name).key("members").beginArray();
        for (const QString &name : room.memberNames)
            w.value(name);
        w.endArray().key("messages").value(room.messages).endObject();
    }
    w.endArray()
        .key("totals")
        .beginObject()
        .key("messages_in")
        .value(s.stats.messagesIn)
        .key("deliveries")
        .value(s.stats.deliveries)
        .key("bytes_in")
        .value(s.stats.bytesIn)
        .key("bytes_out")
        .value(s.stats.bytesOut)
        .key("slow_consumers")
        .value(s.stats.slowConsumers)
        .endObject()
        .key("refused")
        .beginObject()
        .key("wrong_code")
        .value(s.stats.refusedWrongCode)
        .key("locked_out")
        .value(s.stats.refusedLockedOut)
        .key("origin")
        .value(s.stats.refusedOrigin)
        .key("limit")
        .value(s.stats.refusedLimit)
        .key("banned")
        .value(s.stats.refusedBanned)
        .key("locked_out_addresses")
        .value(qint64(s.stats.lockedOutAddresses))
        .endObject();
    if (s.stats.guiLagMs >= 0) {
        w.key("gui_lag_ms").rawValue(QByteArray::number(s.stats.guiLagMs, 'f', 3));
    }
    w.key("store");
    if (s.store.enabled) {
        w.beginObject()
            .key("path")
            .value(s.store.path)
            .key("messages")
            .value(s.store.messages)
            .key("bytes")
            .value(s.store.bytes)
            .key("unindexed")
            .value(s.store.unindexed)
            .key("error");
        if (s.store.error.isEmpty())
            w.rawValue("null");
        else
            w.value(s.store.error);
        w.endObject();
    } else {
        w.rawValue("null");
    }
    w.endObject();
    return w.bytes();
}

static QByteArray labelValue(const QString &value)
{
    QByteArray out = value.toUtf8();
    out.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return out;
}

static void metric(QByteArray &out, const char *name, const char *type, const char *help,
                   const QByteArray &value)
{
    out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
    out += QByteArray(name) + ' ' + value + '\n';
}

QByteArray metrics(const ServerSnapshot &s)
{
    QByteArray out;
    metric(out, "wsroom_uptime_seconds", "gauge", "Seconds since the server started.",
           QByteArray::number(s.stats.uptimeMs / 1000.0, 'f', 3));
    metric(out, "wsroom_connections", "gauge", "Open WebSocket connections.",
           QByteArray::number(s.stats.connections));
    metric(out, "wsroom_rooms", "gauge", "Rooms that exist.", QByteArray::number(s.rooms.size()));
    metric(out, "wsroom_messages_in_total", "counter", "Frames received from members.",
           QByteArray::number(s.stats.messagesIn));
    metric(out, "wsroom_deliveries_total", "counter", "Room messages sent to members.",
           QByteArray::number(s.stats.deliveries));
    metric(out, "wsroom_bytes_in_total", "counter", "Payload bytes received.",
           QByteArray::number(s.stats.bytesIn));
    metric(out, "wsroom_bytes_out_total", "counter", "Payload bytes sent.",
           QByteArray::number(s.stats.bytesOut));
    metric(out, "wsroom_slow_consumers_total", "counter",
           "Members closed with 4008: too much waited to be sent to them.",
           QByteArray::number(s.stats.slowConsumers));
    out += "# HELP wsroom_refused_total Connections refused at the door, by reason.\n"
           "# TYPE wsroom_refused_total counter\n";
    const std::pair<const char *, qint64> refused[] = {
        {"wrong_code", s.stats.refusedWrongCode}, {"locked_out", s.stats.refusedLockedOut},
        {"origin", s.stats.refusedOrigin},        {"limit", s.stats.refusedLimit},
        {"banned", s.stats.refusedBanned},
    };
    for (const auto &[reason, count] : refused)
        out += "wsroom_refused_total{reason=\"" + QByteArray(reason) + "\"} "
            + QByteArray::number(count) + '\n';
    metric(out, "wsroom_locked_out_addresses", "gauge",
           "Addresses locked out now for too many wrong join codes.",
           QByteArray::number(s.stats.lockedOutAddresses));
    if (s.stats.guiLagMs >= 0) {
        metric(out, "wsroom_gui_lag_p99_seconds", "gauge",
               "The window's event-loop lag: p99 of a 10 ms timer's lateness.",
               QByteArray::number(s.stats.guiLagMs / 1000.0, 'f', 6));
    }
    if (s.store.enabled) {
        metric(out, "wsroom_store_messages", "gauge", "Messages kept in the room store.",
               QByteArray::number(s.store.messages));
        metric(out, "wsroom_store_bytes", "gauge",
               "Size of the room store's file and its write-ahead log.",
               QByteArray::number(s.store.bytes));
        metric(out, "wsroom_store_writable", "gauge",
               "1 when the room store takes writes, 0 while they fail.",
               s.store.error.isEmpty() ? "1" : "0");
    }
    // Room names are chosen by users: past maxRoomSeries rooms, the busiest keep their own
    // series and the rest are summed under room="other", so that a scrape stays small.
    QList<const ServerSnapshot::RoomInfo *> named;
    qint64 otherMembers = 0;
    qint64 otherMessages = 0;
    const bool capped = s.rooms.size() > maxRoomSeries;
    for (const ServerSnapshot::RoomInfo &room : s.rooms)
        named.append(&room);
    if (capped) {
        // The busiest by messages; equal counts keep the snapshot's order.
        std::stable_sort(named.begin(), named.end(),
                         [](const ServerSnapshot::RoomInfo *a, const ServerSnapshot::RoomInfo *b) {
                             return a->messages > b->messages;
                         });
        QList<const ServerSnapshot::RoomInfo *> kept;
        for (const ServerSnapshot::RoomInfo *room : std::as_const(named)) {
            // A room really called "other" is summed with the rest: one series per label.
            if (kept.size() < maxRoomSeries && room->name != QLatin1String("other")) {
                kept.append(room);
            } else {
                otherMembers += room->memberNames.size();
                otherMessages += room->messages;
            }
        }
        // Back in the snapshot's order, as without the cap.
        std::sort(kept.begin(), kept.end());
        named = kept;
    }
    out += "# HELP wsroom_room_members Members in a room.\n# TYPE wsroom_room_members gauge\n";
    for (const ServerSnapshot::RoomInfo *room : std::as_const(named)) {
        out += "wsroom_room_members{room=\"" + labelValue(room->name) + "\"} "
            + QByteArray::number(room->memberNames.size()) + '\n';
    }
    if (capped)
        out += "wsroom_room_members{room=\"other\"} " + QByteArray::number(otherMembers) + '\n';
    out += "# HELP wsroom_room_messages_total Messages sent to a room.\n"
           "# TYPE wsroom_room_messages_total counter\n";
    for (const ServerSnapshot::RoomInfo *room : std::as_const(named)) {
        out += "wsroom_room_messages_total{room=\"" + labelValue(room->name) + "\"} "
            + QByteArray::number(room->messages) + '\n';
    }
    if (capped) {
        out += "wsroom_room_messages_total{room=\"other\"} " + QByteArray::number(otherMessages)
            + '\n';
    }
    return out;
}

} // namespace StatusReport
