#pragma once

#include "serverevent.h"

class Outbox;
class SessionRecorder;

// The server's events on their way out: each one is recorded at once (when a recording is
// open) and kept for the next batch to the GUI, where message events past a cap are only
// counted, so that a flood of messages cannot flood the GUI.
class EventBatcher
{
public:
    // Message events past this many in one batch are counted, not kept.
    static constexpr int MaxMessageEventsPerBatch = 1000;

    // Records into recorder; the recording's lines reach the kernel at outbox's next flush.
    EventBatcher(SessionRecorder &recorder, Outbox &outbox);
    Q_DISABLE_COPY_MOVE(EventBatcher)

    // Stamps the event with the time, records it and keeps it for the batch (or counts it).
    void add(ServerEvent event);
    // The batch since the last take(), with a Dropped event at its end if any were left out.
    ServerEventList take();

private:
    SessionRecorder &m_recorder;
    Outbox &m_outbox;
    ServerEventList m_pending;
    int m_droppedMessages = 0;
};
