#include "frametap.h"

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
    lost.note = QStringLiteral("Incoming bytes may start inside a frame; they are skipped until "
                               "the next frame starts.");
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
        lost.note = QStringLiteral("The incoming stream could not be followed (%1); it is skipped "
                                   "until the next clean point.")
                        .arg(m_in.error());
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
        lost.note
            = QStringLiteral("The outgoing stream could not be followed (%1).").arg(m_out.error());
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
