#pragma once

#include <QList>
#include <QPoint>
#include <QRect>
#include <QSize>

class QWidget;

// Where the step-th of a cascade of windows of size goes, beside a main window whose frame is
// frame, on a screen whose free area is available: to its right when there is room for the
// whole cascade, else to its left, else from the screen's right edge leftwards over the main
// window's right part; always wholly on screen. step counts from 0 and wraps at
// WindowCascadeLength.
QPoint windowCascadePosition(const QRect &frame, const QSize &size, const QRect &available,
                             int step);

// Each window of a cascade steps this far right and down from the previous one.
constexpr int WindowCascadeStep = 36;
// A cascade starts over after this many windows.
constexpr int WindowCascadeLength = 8;

// The frames of count windows tiled over available in a grid as square as it can be (columns
// first), left to right then top to bottom; empty when count is not positive.
QList<QRect> windowTileRects(int count, const QRect &available);

// frame moved (and shrunk to fit) so that it lies wholly in the one of areas (screens' available
// geometries) it overlaps most, or in the first when it overlaps none; frame itself when it is
// inside one already or areas is empty.
QRect rectOnScreens(const QRect &frame, const QList<QRect> &areas);
// Moves (and shrinks) a top-level window so that its frame is wholly on one of the screens'
// available areas (e.g. after restoreGeometry() from another monitor setup).
void moveOntoScreen(QWidget *window);
// Resizes a top-level window so that its frame is at most its screen's available size, and
// centres it over anchor (or the screen when anchor is null), wholly on that screen. Best once
// the window is shown, when its frame is known.
void placeOnScreen(QWidget *window, const QWidget *anchor);
