#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// One message as the store keeps it: the native `message` event exactly as it was broadcast,
// with the fields the store indexes it by.
struct StoredMessage
{
    QString room;
    qint64 id = 0;
    QString text; // for the full-text index
    QByteArray event;
};

// A room the store knows, as read when the store opens.
struct StoredRoom
{
    QString name;
    qint64 lastId = 0; // the id of its newest message ever: the next one gets lastId + 1
    qint64 messages = 0; // how many the store keeps
    QList<StoredMessage> recent; // the newest, oldest first (as many as --history asks)
};

// A page of a room's messages (oldest first), and whether older ones exist.
struct HistoryPage
{
    QList<QByteArray> events;
    bool more = false;
};
