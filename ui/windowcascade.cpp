#include "windowcascade_p.h"

#include <QGuiApplication>
#include <QScreen>
#include <QWidget>
#include <QtGlobal>

QPoint windowCascadePosition(const QRect &frame, const QSize &size, const QRect &available,
                             int step)
{
    step %= WindowCascadeLength;
    const int span = WindowCascadeStep * (WindowCascadeLength - 1);
    const QPoint diagonal(step * WindowCascadeStep, step * WindowCascadeStep);
    QPoint position;
    if (frame.right() + 12 + size.width() + span <= available.right()) {
        position = QPoint(frame.right() + 12, frame.top()) + diagonal; // beside it, on the right
    } else if (frame.left() - 12 - size.width() - span >= available.left()) {
        position = QPoint(frame.left() - 12 - size.width() - span, frame.top()) + diagonal;
    } else if (const int rightFree = available.x() + available.width() - (frame.right() + 12),
               leftFree = frame.left() - 12 - available.left();
               qMax(rightFree, leftFree) >= size.width()) {
        // One window fits beside it but not the whole cascade: the cascade steps down only, in
        // the wider side, so that the main window stays uncovered.
        const int x = rightFree >= leftFree ? frame.right() + 12 : frame.left() - 12 - size.width();
        position = QPoint(x, frame.top() + step * WindowCascadeStep);
    } else {
        // No room beside it: from the screen's right edge leftwards, over the activity log,
        // so that the server controls and the rooms tree stay in sight as long as possible.
        position = QPoint(available.x() + available.width() - size.width(),
                          qMax(available.top(), frame.top() + 48));
        position += QPoint(-step * WindowCascadeStep, step * WindowCascadeStep);
    }
    // QRect::right() is one short of left + width: these keep the window wholly on screen.
    const int maxX = qMax(available.left(), available.x() + available.width() - size.width());
    const int maxY = qMax(available.top(), available.y() + available.height() - size.height());
    position.setX(qBound(available.left(), position.x(), maxX));
    position.setY(qBound(available.top(), position.y(), maxY));
    return position;
}

QList<QRect> windowTileRects(int count, const QRect &available)
{
    QList<QRect> rects;
    if (count <= 0)
        return rects;
    int columns = 1;
    while (columns * columns < count)
        ++columns;
    const int rows = (count + columns - 1) / columns;
    for (int i = 0; i < count; ++i) {
        const int row = i / columns;
        const int column = i % columns;
        // Edges computed from the grid lines, so that the tiles meet without gaps or overlap.
        const int left = available.left() + available.width() * column / columns;
        const int right = available.left() + available.width() * (column + 1) / columns;
        const int top = available.top() + available.height() * row / rows;
        const int bottom = available.top() + available.height() * (row + 1) / rows;
        rects.append(QRect(QPoint(left, top), QPoint(right - 1, bottom - 1)));
    }
    return rects;
}

QRect rectOnScreens(const QRect &frame, const QList<QRect> &areas)
{
    if (areas.isEmpty())
        return frame;
    QRect best = areas.first();
    qint64 bestOverlap = -1;
    for (const QRect &area : areas) {
        if (area.contains(frame))
            return frame;
        const QRect overlap = area.intersected(frame);
        const qint64 pixels = overlap.isEmpty() ? 0 : qint64(overlap.width()) * overlap.height();
        if (pixels > bestOverlap) {
            bestOverlap = pixels;
            best = area;
        }
    }
    const QSize size = frame.size().boundedTo(best.size());
    // QRect::right() is one short of left + width: these keep the frame wholly inside.
    const int x = qBound(best.left(), frame.left(), best.x() + best.width() - size.width());
    const int y = qBound(best.top(), frame.top(), best.y() + best.height() - size.height());
    return QRect(QPoint(x, y), size);
}

void moveOntoScreen(QWidget *window)
{
    QList<QRect> areas;
    for (const QScreen *screen : QGuiApplication::screens())
        areas.append(screen->availableGeometry());
    const QRect frame = window->frameGeometry();
    const QRect fitted = rectOnScreens(frame, areas);
    if (fitted == frame)
        return;
    // The frame's borders and title bar are not part of the window's own size.
    window->resize(window->size() - (frame.size() - fitted.size()));
    window->move(fitted.topLeft());
}

void placeOnScreen(QWidget *window, const QWidget *anchor)
{
    const QScreen *screen = anchor ? anchor->screen() : window->screen();
    if (!screen)
        return;
    const QRect available = screen->availableGeometry();
    // The title bar and borders, once shown; nothing before.
    const QSize margins = window->frameGeometry().size() - window->size();
    const QSize size = window->size().boundedTo(available.size() - margins);
    window->resize(size);
    QRect frame(QPoint(), size + margins);
    frame.moveCenter(anchor ? anchor->frameGeometry().center() : available.center());
    window->move(rectOnScreens(frame, {available}).topLeft());
}
