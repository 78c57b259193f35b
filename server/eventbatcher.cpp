#include "eventbatcher_p.h"

#include "outbox_p.h"
#include "sessionrecorder.h"

EventBatcher::EventBatcher(SessionRecorder &recorder, Outbox &outbox)
    : m_recorder(recorder)
    , m_outbox(outbox)
{ }

void EventBatcher::add(ServerEvent event)
{
    event.time = QDateTime::currentDateTimeUtc();
    if (m_recorder.isOpen()) {
        m_recorder.record(event);
        m_outbox.queueFlush(); // the recording's lines of this pass, in one write at its end
    }
    if (event.kind() == ServerEvent::Kind::Message) {
        if (m_droppedMessages > 0 || m_pending.size() >= MaxMessageEventsPerBatch) {
            ++m_droppedMessages;
            return;
        }
    }
    m_pending.append(std::move(event));
}

ServerEventList EventBatcher::take()
{
    if (m_droppedMessages > 0) {
        m_pending.append(
            ServerEvent(ServerEvent::Dropped {m_droppedMessages}, QDateTime::currentDateTimeUtc()));
        m_droppedMessages = 0;
    }
    return std::exchange(m_pending, {});
}
