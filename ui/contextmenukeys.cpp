#include "contextmenukeys.h"

#include <QAbstractItemView>
#include <QContextMenuEvent>
#include <QCoreApplication>
#include <QKeyEvent>
#include <QPlainTextEdit>
#include <QTextEdit>
#include <QWidget>

ContextMenuKeys::ContextMenuKeys(QObject *parent)
    : QObject(parent)
{ }

ContextMenuKeys::~ContextMenuKeys() = default;

bool ContextMenuKeys::openContextMenu(QWidget *widget)
{
    if (!widget || widget->contextMenuPolicy() == Qt::NoContextMenu)
        return false;
    QWidget *target = widget;
    QPoint pos(4, 4);
    if (auto *view = qobject_cast<QAbstractItemView *>(widget)) {
        target = view->viewport();
        const QRect item = view->visualRect(view->currentIndex());
        if (item.isValid() && target->rect().intersects(item))
            pos = QPoint(item.left() + qMin(item.width() / 2, 24), item.center().y());
    } else if (auto *text = qobject_cast<QTextEdit *>(widget)) {
        target = text->viewport();
        pos = text->cursorRect().center();
    } else if (auto *plain = qobject_cast<QPlainTextEdit *>(widget)) {
        target = plain->viewport();
        pos = plain->cursorRect().center();
    }
    QContextMenuEvent event(QContextMenuEvent::Keyboard, pos, target->mapToGlobal(pos));
    QCoreApplication::sendEvent(target, &event);
    return event.isAccepted();
}

bool ContextMenuKeys::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress || !watched->isWidgetType())
        return false;
    const auto *key = static_cast<QKeyEvent *>(event);
    const Qt::KeyboardModifiers modifiers = key->modifiers() & ~Qt::KeypadModifier;
    const bool menuKey = key->key() == Qt::Key_Menu && modifiers == Qt::NoModifier;
    const bool shiftF10 = key->key() == Qt::Key_F10 && modifiers == Qt::ShiftModifier;
    if (!menuKey && !shiftF10)
        return false;
    // A key press goes to the focus widget first, then to its parents: act once, on the first.
    auto *widget = static_cast<QWidget *>(watched);
    if (widget != widget->window() && !widget->hasFocus())
        return false;
    openContextMenu(widget);
    return true;
}
