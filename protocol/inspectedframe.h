#pragma once

#include "websocketframeparser.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

// One frame of a connection being watched (a member in the frame inspector, or a client window's
// own connection), as plain values.
struct InspectedFrame
{
    qint64 timeMs = 0; // milliseconds since the epoch, UTC
    bool outgoing = false; // sent by the side that watches: the server (inspector), the client
                           // (client window)
    ParsedFrame frame;
    // For a frame that answers (a client window's connection): microseconds since the message
    // or ping it follows was sent (a reply to a message, a pong to a ping); -1 when none.
    qint64 roundTripUs = -1;
    // Set instead of a frame when the stream could not be followed: why, and that the tap
    // waits for the next clean point.
    QString note;
};
Q_DECLARE_METATYPE(InspectedFrame)
using InspectedFrameList = QList<InspectedFrame>;
Q_DECLARE_METATYPE(InspectedFrameList)

// The opening handshake of an inspected member, as received and as answered.
struct InspectionHandshake
{
    QString memberId;
    QString memberName;
    QString peer; // address:port
    QByteArray request; // the request line and headers, as received
    QByteArray response; // the status line and headers the server sent; empty if not seen
};
Q_DECLARE_METATYPE(InspectionHandshake)
