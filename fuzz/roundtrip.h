#pragma once

#include "fuzzcheck.h"
#include "protocol/strictjson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

// An event the server writes must be strict JSON, an object that any client can read.
inline QJsonObject checkedEvent(const QByteArray &event)
{
    FUZZ_CHECK(StrictJson::check(event));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(event, &error);
    FUZZ_CHECK(error.error == QJsonParseError::NoError);
    FUZZ_CHECK(doc.isObject());
    return doc.object();
}
