#include "windowcascade_p.h"

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
