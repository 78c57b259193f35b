#pragma once

#include "protocol/nativerequest.h"

#include <QJsonValue>
#include <QString>

// Texts whose native frame has an exact size, for the tests of max_message_bytes (the limit is
// on the frame: envelope, ref and escaped text). Computed from the encoder, not the client.
namespace FrameText {

// A small limit keeps the frames of the size tests short.
constexpr qint64 SmallLimit = 300;

// The UTF-8 size of what the client sends for a room message or a direct message with this ref.
inline qint64 frameBytes(bool direct, qint64 ref, const QString &target, const QString &text)
{
    return direct ? NativeRequest::direct(QJsonValue(ref), target, text).size()
                  : NativeRequest::message(QJsonValue(ref), target, text).size();
}

// "x", then unit as many times as fits, then "x"s up to exactly limit bytes of frame: an "x" at
// both ends, so that trimming changes nothing.
inline QString textOfFrame(bool direct, qint64 ref, const QString &target, const QString &unit,
                           qint64 limit)
{
    QString text = QStringLiteral("x");
    while (frameBytes(direct, ref, target, text + unit + QLatin1Char('x')) <= limit)
        text += unit;
    text += QLatin1Char('x');
    while (frameBytes(direct, ref, target, text) < limit)
        text += QLatin1Char('x');
    return text;
}

} // namespace FrameText
