#pragma once

#include <QElapsedTimer>
#include <QObject>

#include <functional>

class QTimer;

// Runs an update at once while it is asked for rarely, and at most once more per interval when
// it is asked for more than `burst` times within one: the requests in between are merged into
// one run at the interval's end. A chat window flooded with messages or joins then lays out its
// view a few times a second instead of once per line, and a quiet one stays immediate.
class UpdateThrottle final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UpdateThrottle)

public:
    UpdateThrottle(int burst, int intervalMs, std::function<void()> update,
                   QObject *parent = nullptr);
    ~UpdateThrottle() override;

    // Runs the update now, or once at the end of the interval if this one had its burst.
    void request();
    // Forgets a run that is waiting (the caller brought everything up to date another way).
    void cancel();
    // Whether a run is waiting for the end of the interval.
    bool isPending() const;

private:
    void run();

    std::function<void()> m_update;
    QTimer *m_timer = nullptr;
    QElapsedTimer m_window; // since the start of the current interval; invalid before the first
    int m_burst;
    int m_intervalMs;
    int m_runs = 0; // runs in the current interval
};
