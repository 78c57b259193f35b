#pragma once

#include "errorcode.h"

#include <QJsonValue>
#include <QString>

// One native-dialect request, decoded and checked against protocol.md's table.
struct Request
{
    enum class Type {
        Invalid,
        Join,
        Leave,
        Message,
        Direct,
        Rename,
        Typing,
        Rooms,
        Members,
        Notify,
        Ping,
        History,
        Search
    };

    static constexpr int DefaultPageSize = 50; // history and search without a limit
    static constexpr int MaxPageSize = 200; // a larger limit is cut to it

    Type type = Type::Invalid;
    QJsonValue ref = QJsonValue::Undefined; // echoed in every reply and error; Undefined if absent

    QString room;
    QString text;
    QString name; // rename
    QString to; // direct: a name or an id
    QJsonValue data = QJsonValue::Undefined; // message: any JSON, Undefined if absent
    QJsonValue ts = QJsonValue::Undefined; // ping
    bool active = false; // typing
    qint64 before = 0; // history: messages with an id below it; 0: the newest
    int limit = DefaultPageSize; // history, search: at most this many messages
    QString query; // search: the words

    // Set when type is Invalid: what the sender is told.
    ErrorCode error = ErrorCode::BadRequest;
    QString errorMessage;

    bool isValid() const { return type != Type::Invalid; }
    bool hasRef() const { return !ref.isUndefined(); }
};
