#pragma once

#include <QElapsedTimer>
#include <QObject>

#include <vector>

class QTimer;

// Measures how late the thread's event loop runs a 10 ms timer: a blocked GUI thread shows up
// as lateness. Every reportIntervalMs it emits the 99th percentile of the lateness over the
// last windowMs, in milliseconds.
class EventLoopLagMeter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLoopLagMeter)

public:
    static constexpr int TickMs = 10;

    explicit EventLoopLagMeter(QObject *parent = nullptr, int windowMs = 2000,
                               int reportIntervalMs = 500);

    void start();
    void stop();
    bool isActive() const;
    // The 99th percentile of the lateness in the window, in ms; 0 before any tick.
    double p99Ms() const;

signals:
    // The 99th percentile of the lateness over the last window, in milliseconds.
    void measured(double p99Ms);

private:
    void onTick();

    QTimer *m_timer = nullptr;
    QElapsedTimer m_clock;
    qint64 m_lastTickNs = 0;
    qint64 m_lastReportNs = 0;
    int m_windowTicks;
    int m_reportIntervalMs;
    std::vector<float> m_latenessMs; // a ring of the last m_windowTicks ticks
    size_t m_next = 0;
};
