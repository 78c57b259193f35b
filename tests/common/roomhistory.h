#pragma once

#include "testclient.h"
#include "testserver.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

// A room with a long history for the scrollback and search tests: a poster joins room, sends
// count messages ("message N", and every NeedleEvery-th "needle N in the haystack", N the id it
// gets) and leaves once every one is acknowledged. The server's history must hold them all
// (config.history >= count) for paging to reach id 1.
namespace RoomHistory {

constexpr int NeedleEvery = 100;

// The text of message id (ids start at 1 in an empty room).
inline QString textOf(int id)
{
    return id % NeedleEvery == 0 ? QStringLiteral("needle %1 in the haystack").arg(id)
                                 : QStringLiteral("message %1").arg(id);
}

// How many of the first count messages hold the word "needle".
inline int needles(int count)
{
    return count / NeedleEvery;
}

// Posts count messages to room (empty before) as "poster"; false when not all were acknowledged.
inline bool post(const TestServer &server, const QString &room, int count)
{
    TestClient poster;
    QUrl url = server.url(QStringLiteral("/chat"));
    url.setQuery(QStringLiteral("name=poster&room=")
                 + QString::fromLatin1(QUrl::toPercentEncoding(room)));
    if (!poster.openNative(url, true))
        return false;
    poster.skipAll();
    for (int id = 1; id <= count; ++id) {
        poster.send(QJsonObject {{QStringLiteral("type"), QStringLiteral("message")},
                                 {QStringLiteral("room"), room},
                                 {QStringLiteral("text"), textOf(id)},
                                 {QStringLiteral("ref"), id}});
    }
    // Each message comes back as itself and as an ack, the last ack last.
    int acks = 0;
    QJsonObject frame;
    while (acks < count && poster.nextOfType(QStringLiteral("ack"), &frame, 30000))
        ++acks;
    poster.socket().close();
    return acks == count;
}

} // namespace RoomHistory
