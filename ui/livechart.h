#pragma once

#include "server/statshistory.h"

#include <QColor>
#include <QWidget>

// Messages per second and connections over the last minutes, drawn with QPainter from the
// server's periodic counters: the rate as a filled area on the left scale, the connections as a
// line on the right one.
class LiveChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveChart)

public:
    explicit LiveChart(QWidget *parent = nullptr);

    // Feed it every ServerStats the server sends (RoomManager::statsUpdated).
    void addStats(const ServerStats &stats);
    // Forgets what it has drawn.
    void clear();
    const StatsHistory &history() const { return m_history; }

    // The series' colours.
    static QColor messagesColor() { return QColor(0x1e, 0x6f, 0xd9); }
    static QColor connectionsColor() { return QColor(0xe6, 0x7e, 0x22); }

    // The axis top for a value: 1, 2 or 5 times a power of ten, at least value (and at least 1).
    static double niceCeiling(double value);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    StatsHistory m_history;
};
