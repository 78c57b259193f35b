#include "frametap.h"

#include "hosttext.h"

#include <QDateTime>

FrameTap::FrameTap()
    : m_in(PayloadCap)
    , m_out(PayloadCap)
{ }

void FrameTap::loseIncoming()
{
    if (m_inLost)
        return;
    m_in.reset();
    m_inLost = true;
    InspectedFrame lost;
    lost.timeMs = QDateTime::currentMSecsSinceEpoch();
    lost.note = HostText::english(HostText::IncomingSkipped);
    m_pending.append(lost);
}

void FrameTap::incoming(const char *data, qint64 size, bool cleanPoint)
{
    if (m_inLost) {
        if (!cleanPoint)
            return;
        m_in.reset();
        m_inLost = false;
    }
    if (!m_in.feed(data, size)) {
        collect(m_in, false);
        InspectedFrame lost;
        lost.timeMs = QDateTime::currentMSecsSinceEpoch();
        lost.note = HostText::english(HostText::IncomingLost).arg(m_in.error());
        m_pending.append(lost);
        m_inLost = true;
        return;
    }
    collect(m_in, false);
}

void FrameTap::outgoing(const char *data, qint64 size)
{
    if (m_outLost) {
        // The server writes whole frames, so a write is a clean point.
        m_out.reset();
        m_outLost = false;
    }
    if (!m_out.feed(data, size)) {
        collect(m_out, true);
        InspectedFrame lost;
        lost.timeMs = QDateTime::currentMSecsSinceEpoch();
        lost.outgoing = true;
        lost.note = HostText::english(HostText::OutgoingLost).arg(m_out.error());
        m_pending.append(lost);
        m_outLost = true;
        return;
    }
    collect(m_out, true);
}

void FrameTap::collect(WebSocketFrameParser &parser, bool outgoing)
{
    if (parser.frames().isEmpty())
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (ParsedFrame &frame : parser.takeFrames()) {
        if (m_pending.size() >= MaxPending) {
            ++m_dropped;
            continue;
        }
        InspectedFrame inspected;
        inspected.timeMs = now;
        inspected.outgoing = outgoing;
        inspected.frame = std::move(frame);
        m_pending.append(std::move(inspected));
    }
}

InspectedFrameList FrameTap::take(int *dropped)
{
    InspectedFrameList frames;
    frames.swap(m_pending);
    if (dropped)
        *dropped = m_dropped;
    m_dropped = 0;
    return frames;
}
