#pragma once

#include "protocol/inspectedframe.h"
#include "protocol/websocketframeparser.h"

// The bytes of one connection in both directions, parsed into frames for the inspector and
// kept until taken (at most MaxPending; past that, frames are counted as dropped). Lives in the
// server thread; the socket feeds it only while it is attached, so other connections pay
// nothing.
class FrameTap
{
public:
    static constexpr int MaxPending = 5000;
    static constexpr int PayloadCap = 64 * 1024;

    FrameTap();

    // Bytes the client sent, in order. cleanPoint: the reader had consumed everything before
    // them, so after a loss the tap may start following the stream again here.
    void incoming(const char *data, qint64 size, bool cleanPoint);
    // The incoming stream's next bytes may start inside a frame: skip until a clean point.
    void loseIncoming();
    // Bytes the server wrote, in order; writes start at frame boundaries.
    void outgoing(const char *data, qint64 size);

    // The frames since the last take, oldest first, and how many were dropped meanwhile.
    InspectedFrameList take(int *dropped);
    bool hasPending() const { return !m_pending.isEmpty() || m_dropped > 0; }

private:
    void collect(WebSocketFrameParser &parser, bool outgoing);

    WebSocketFrameParser m_in;
    WebSocketFrameParser m_out;
    bool m_inLost = false; // the incoming stream is being skipped until a clean point
    bool m_outLost = false;
    InspectedFrameList m_pending;
    int m_dropped = 0;
};
