#pragma once

#include "dialect.h"
#include "memberref.h"

#include <QJsonValue>
#include <QString>

// One accepted room message, whatever dialect sent it; each dialect encodes it its own way.
struct ChatMessage
{
    QString room;
    qint64 id = 0; // per-room sequence number, from 1
    MemberRef from; // the sender as it was when the message was sent
    QString text;
    QJsonValue data = QJsonValue::Undefined; // native "data", or the broadcast dialect's value
    QString timestamp;
    Dialect origin = Dialect::Native;
    QString rawJson; // the broadcast dialect's frame exactly as received
};
Q_DECLARE_METATYPE(ChatMessage)
