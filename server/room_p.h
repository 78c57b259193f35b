#pragma once

#include "protocol/chatmessage.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <deque>

struct Member;

// A room: its members in the order they joined, and the last messages.
struct Room
{
    struct HistoryEntry
    {
        ChatMessage message;
        QByteArray native; // the native event as broadcast, exactly
        qint64 sequence = 0; // the order of every room's messages together, oldest lowest
    };

    QString name;
    QList<Member *> members;
    std::deque<HistoryEntry> history;
    qint64 lastId = 0;
    qint64 storedMessages = 0; // with a store: how many of its messages it keeps
    bool permanent = false; // lobby, chat, notifications
    bool pinned = false; // created or pinned by the host
    bool locked = false; // only the host posts: members' messages are refused

    bool keepsWhenEmpty() const { return permanent || pinned; }
};
