#pragma once

#include <QObject>

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

protected:
    // Turns Shift+F10 and the Menu key, pressed in a widget, into openContextMenu(widget).
    bool eventFilter(QObject *watched, QEvent *event) override;
};
