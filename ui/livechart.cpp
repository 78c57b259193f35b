#include "livechart.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace {

// The chart's span: long enough to see a demo's waves, short enough to see seconds.
constexpr qint64 SpanMs = 3 * 60 * 1000;
constexpr int GridLines = 5; // 1, 2 and 5 times a power of ten divide into fifths evenly

QString number(double value)
{
    return QLocale().toString(value, 'f', value < 10 && value != std::floor(value) ? 1 : 0);
}

} // namespace

LiveChart::LiveChart(QWidget *parent)
    : QWidget(parent)
    , m_history(SpanMs)
{
    setObjectName(QStringLiteral("liveChart"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    setToolTip(tr("Room messages per second (blue, left scale) and open connections (orange, "
                  "right scale) over the last %1 minutes")
                   .arg(SpanMs / 60000));
}

void LiveChart::addStats(const ServerStats &stats)
{
    m_history.add(stats);
    update();
}

void LiveChart::clear()
{
    m_history.clear();
    update();
}

double LiveChart::niceCeiling(double value)
{
    if (value <= 1)
        return 1;
    const double power = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : {1.0, 2.0, 5.0, 10.0}) {
        if (step * power >= value)
            return step * power;
    }
    return 10 * power;
}

QSize LiveChart::sizeHint() const
{
    return QSize(480, 150); // a strip under the rooms: people come first
}

QSize LiveChart::minimumSizeHint() const
{
    return QSize(240, 120);
}

void LiveChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.base());

    const QFontMetrics fm = fontMetrics();
    const int line = fm.height();
    const int axisWidth = fm.horizontalAdvance(QStringLiteral("00000")) + 8;
    const QRect plot = rect().adjusted(axisWidth, line * 2, -axisWidth, -line - 6);
    if (plot.width() < 20 || plot.height() < 20)
        return;

    const QList<StatsHistory::Point> &points = m_history.points();
    const double rateTop = niceCeiling(m_history.maxMessagesPerSecond());
    const double connTop = niceCeiling(m_history.maxConnections());

    // Grid and scales.
    QColor grid = pal.color(QPalette::Text);
    grid.setAlpha(40);
    QColor muted = pal.color(QPalette::Text);
    muted.setAlpha(150);
    for (int i = 0; i <= GridLines; ++i) {
        const int y = plot.bottom() - plot.height() * i / GridLines;
        p.setPen(grid);
        p.drawLine(plot.left(), y, plot.right(), y);
        p.setPen(messagesColor());
        p.drawText(QRect(0, y - line / 2, axisWidth - 6, line), Qt::AlignRight | Qt::AlignVCenter,
                   number(rateTop * i / GridLines));
        p.setPen(connectionsColor());
        p.drawText(QRect(plot.right() + 6, y - line / 2, axisWidth - 6, line),
                   Qt::AlignLeft | Qt::AlignVCenter, number(connTop * i / GridLines));
    }
    p.setPen(muted);
    const int minutes = int(SpanMs / 60000);
    for (int m = 0; m <= minutes; ++m) {
        const int x = plot.left() + plot.width() * m / minutes;
        const QString label = m == minutes ? tr("now") : tr("−%1 min").arg(minutes - m);
        const int w = fm.horizontalAdvance(label);
        p.drawText(QRect(qBound(0, x - w / 2, width() - w), plot.bottom() + 4, w, line),
                   Qt::AlignCenter, label);
    }

    // Legend, with the latest values.
    const StatsHistory::Point last = points.isEmpty() ? StatsHistory::Point() : points.last();
    int x = plot.left();
    const int legendY = 4;
    auto legend = [&](const QColor &color, const QString &text) {
        p.fillRect(QRect(x, legendY + line / 4, line / 2 + 2, line / 2 + 2), color);
        x += line;
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QPoint(x, legendY + fm.ascent()), text);
        x += fm.horizontalAdvance(text) + line;
    };
    legend(messagesColor(), tr("Messages/s: %1").arg(number(last.messagesPerSecond)));
    legend(connectionsColor(), tr("Connections: %1").arg(last.connections));

    if (points.isEmpty()) {
        p.setPen(muted);
        p.drawText(plot, Qt::AlignCenter, tr("Waiting for the server's counters…"));
        return;
    }

    // Time runs right to left from the latest point, which is "now".
    const qint64 end = points.last().uptimeMs;
    auto xAt = [&](qint64 uptime) {
        return plot.left() + plot.width() * double(uptime - (end - SpanMs)) / double(SpanMs);
    };
    p.save();
    p.setClipRect(plot.adjusted(0, -2, 1, 1));

    QPainterPath rate;
    rate.moveTo(xAt(points.first().uptimeMs), plot.bottom());
    for (const StatsHistory::Point &point : points)
        rate.lineTo(xAt(point.uptimeMs),
                    plot.bottom() - plot.height() * point.messagesPerSecond / rateTop);
    QPainterPath area = rate;
    area.lineTo(xAt(end), plot.bottom());
    area.closeSubpath();
    QColor fill = messagesColor();
    fill.setAlpha(70);
    p.fillPath(area, fill);
    QPainterPath rateLine;
    for (qsizetype i = 0; i < points.size(); ++i) {
        const QPointF at(xAt(points.at(i).uptimeMs),
                         plot.bottom() - plot.height() * points.at(i).messagesPerSecond / rateTop);
        if (i == 0)
            rateLine.moveTo(at);
        else
            rateLine.lineTo(at);
    }
    p.strokePath(rateLine, QPen(messagesColor(), 1.5));

    // Connections change in steps: drawn as steps.
    QPainterPath connections;
    for (qsizetype i = 0; i < points.size(); ++i) {
        const double y = plot.bottom() - plot.height() * double(points.at(i).connections) / connTop;
        const double px = xAt(points.at(i).uptimeMs);
        if (i == 0) {
            connections.moveTo(px, y);
        } else {
            connections.lineTo(px, connections.currentPosition().y());
            connections.lineTo(px, y);
        }
    }
    p.strokePath(connections, QPen(connectionsColor(), 2));
    p.restore();
}
