#include "contextmenukeys.h"

#include <QAbstractItemView>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QMenu>
#include <QPlainTextEdit>
#include <QTextEdit>
#include <QWidget>

#include <algorithm>

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

QString ContextMenuKeys::rowsText(const QAbstractItemView *view)
{
    const QAbstractItemModel *model = view->model();
    if (!model)
        return QString();
    QModelIndexList rows
        = view->selectionModel() ? view->selectionModel()->selectedRows() : QModelIndexList();
    if (rows.isEmpty() && view->currentIndex().isValid())
        rows.append(view->currentIndex().siblingAtColumn(0));
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList lines;
    for (const QModelIndex &row : std::as_const(rows)) {
        QStringList cells;
        for (int column = 0; column < model->columnCount(row.parent()); ++column)
            cells.append(row.siblingAtColumn(column).data().toString());
        lines.append(cells.join(QLatin1Char('\t')));
    }
    return lines.join(QLatin1Char('\n'));
}

void ContextMenuKeys::addCopyMenu(QAbstractItemView *view)
{
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QWidget::customContextMenuRequested, view, [view](const QPoint &pos) {
        auto *menu = new QMenu(view);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        QAction *copy = menu->addAction(
            tr("&Copy"), view, [view] { QGuiApplication::clipboard()->setText(rowsText(view)); });
        copy->setEnabled(!rowsText(view).isEmpty());
        menu->addAction(tr("Select &All"), view, &QAbstractItemView::selectAll);
        menu->popup(view->viewport()->mapToGlobal(pos));
    });
}
