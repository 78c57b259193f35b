#pragma once

#include <QObject>

class QAbstractItemView;
class QWidget;

// Shift+F10 and the Menu key open the focused widget's context menu, as the mouse's right
// button does: a keyboard QContextMenuEvent at the current item of an item view (its viewport,
// so that customContextMenuRequested gets viewport coordinates, as from the mouse), else at
// the widget's text cursor or top-left corner. Installed once on the application (app/main.cpp),
// it serves every view, with a custom context menu or Qt's own.
class ContextMenuKeys final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContextMenuKeys)

public:
    explicit ContextMenuKeys(QObject *parent = nullptr);
    ~ContextMenuKeys() override;

    // Sends widget a keyboard context-menu event where its menu belongs; returns whether the
    // widget took it.
    static bool openContextMenu(QWidget *widget);
    // Gives view a context menu of Copy (the selected rows, else the current one, as tab-separated
    // lines of their shown text) and Select All; for lists that have no menu of their own.
    static void addCopyMenu(QAbstractItemView *view);
    // The selected rows of view (else its current row), as tab-separated lines of their columns'
    // shown text, in view order.
    static QString rowsText(const QAbstractItemView *view);

protected:
    // Turns Shift+F10 and the Menu key, pressed in a widget, into openContextMenu(widget).
    bool eventFilter(QObject *watched, QEvent *event) override;
};
