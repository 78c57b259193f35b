#pragma once

#include "member_p.h"
#include "membertransport_p.h"
#include "outgoingmessage_p.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>

class QTimer;

// The members' outgoing frames: written into each member's TCP socket as they come, sent once
// per pass of the event loop (one send per member per pass), and watched for members that do
// not read (the slow-consumer watch, see ServerConfig::maxOutgoingBytes).
class Outbox final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Outbox)

public:
    // Measures time with clock (the room manager's, started when it listens).
    explicit Outbox(const QElapsedTimer &clock, QObject *parent = nullptr);
    ~Outbox() override;

    // The slow-consumer limits: more than maxBytes waiting for graceMs, or more than
    // hardFactor times maxBytes at once, is slow.
    void setLimits(qint64 maxBytes, int hardFactor, int graceMs);
    // Zeroes bytesOut().
    void resetCounters();

    // Sends utf8 to one member as one text message (see the other send()).
    void send(Member *member, const QByteArray &utf8);
    // Writes message, framed as the member reads frames (plain, or compressed with its deflate
    // window, each made once per message), to a member that is not closing; it goes out at the
    // end of this pass (flush()).
    void send(Member *member, OutgoingMessage &message)
    {
        if (member->closing || !member->transport || !member->transport->isConnected())
            return;
        // Into the transport's buffer, which sends nothing before flush(): the frames of one
        // pass go out together, in one send per member at the pass's end.
        member->transport->write(message.frameFor(member->deflateWindowBits, m_compressor));
        m_bytesOut += message.payload().size();
        if (!member->queuedForFlush) {
            member->queuedForFlush = true;
            m_flushMembers.append(member);
            queueFlush();
        }
    }
    // Queues flush() for the end of this pass, once.
    void queueFlush();
    // Emits aboutToFlush(), then sends what this pass wrote to each member and checks what
    // waits for it against the limits; may emit slowConsumer().
    void flush();
    // A member that goes: out of the flush and the watched lists.
    void forget(Member *member);
    // Forgets every member (the server stops).
    void clear();

    // Payload bytes written since resetCounters().
    qint64 bytesOut() const { return m_bytesOut; }

signals:
    // At the start of each flush: for whatever else should reach the kernel once a pass (the
    // session recording).
    void aboutToFlush();
    // member has had more than the limit waiting too long, or far more at once: close it.
    void slowConsumer(Member *member, qint64 waiting);

private:
    // What waits for a member (Qt's buffer, and TLS's encrypted bytes) against the limits.
    void checkOutgoing(Member *member);
    // Every slow-consumer tick: closes the watched members still over the limit after the
    // grace period, stops watching those that caught up.
    void checkOverLimitMembers();
    // Logs and reports a slow consumer.
    void reportSlow(Member *member, qint64 waiting);

    const QElapsedTimer &m_clock;
    PerMessageDeflate::Compressor m_compressor; // the thread's, for every member's messages
    qint64 m_maxBytes = 0;
    qint64 m_hardLimit = 0;
    int m_graceMs = 0;
    qint64 m_bytesOut = 0;
    QList<Member *> m_flushMembers; // members written to in this pass, until flush()
    bool m_flushQueued = false;
    QList<Member *> m_overLimitMembers; // past the limit, watched until under or closed
    QTimer *m_slowConsumerTimer = nullptr;
};
