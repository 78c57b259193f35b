#pragma once

#include "server/serverevent.h"

#include <QElapsedTimer>
#include <QObject>

class QTimer;

// Passes the server's event batches on to the window's models at most once per interval: a
// batch after a quiet spell goes out at once, batches that follow it closely are merged, in
// order, and go out together when the interval ends. The server sends a batch every 100 ms
// during a flood; every batch applied costs the activity log, the rooms tree and their
// repaints, which would take the GUI thread's time from the server thread on a busy machine.
class EventCoalescer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventCoalescer)

public:
    static constexpr int DefaultIntervalMs = 250;

    explicit EventCoalescer(QObject *parent = nullptr, int intervalMs = DefaultIntervalMs);
    ~EventCoalescer() override;

    // Takes a batch: passes it on now if nothing went out within the interval, else keeps it.
    void add(const ServerEventList &events);
    // Passes on what is kept now, if anything (before a snapshot or a stop, to keep the order).
    void flush();
    // How many events are kept, waiting for the interval to end.
    int pendingCount() const { return int(m_pending.size()); }
    // The shortest time between two batches passed on, in milliseconds.
    int intervalMs() const { return m_intervalMs; }

signals:
    // The events of one or more batches, oldest first.
    void ready(const ServerEventList &events);

private:
    void emitNow(const ServerEventList &events);

    QTimer *m_timer = nullptr;
    QElapsedTimer m_sinceLast; // since the last batch went out; invalid before the first
    ServerEventList m_pending;
    int m_intervalMs;
};
