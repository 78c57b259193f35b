#include "linkdelegate.h"

#include "client/chattext.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QDesktopServices>
#include <QMouseEvent>
#include <QPainter>
#include <QTextCursor>
#include <QTextDocument>

LinkDelegate::LinkDelegate(int linksRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_linksRole(linksRole)
{ }

LinkDelegate::~LinkDelegate() = default;

bool LinkDelegate::layOut(QTextDocument &document, QStyleOptionViewItem &option,
                          const QModelIndex &index, QPointF *origin) const
{
    if (index.data(m_linksRole).toStringList().isEmpty())
        return false;
    initStyleOption(&option, index);
    document.setDefaultFont(option.font);
    document.setDocumentMargin(0);
    const bool selected = option.state & QStyle::State_Selected;
    QTextCharFormat plain;
    plain.setForeground(
        option.palette.brush(selected ? QPalette::HighlightedText : QPalette::Text));
    if (!selected && option.backgroundBrush.style() == Qt::NoBrush
        && index.data(Qt::ForegroundRole).canConvert<QBrush>())
        plain.setForeground(index.data(Qt::ForegroundRole).value<QBrush>());
    QTextCursor cursor(&document);
    const QString text = option.text;
    for (const ChatText::Span &span : ChatText::spans(text, QString())) {
        QTextCharFormat format = plain;
        if (span.kind == ChatText::Span::Kind::Link) {
            format.setAnchor(true);
            format.setAnchorHref(span.url.toString(QUrl::FullyEncoded));
            format.setFontUnderline(true);
            if (!selected)
                format.setForeground(option.palette.brush(QPalette::Link));
        }
        cursor.insertText(text.mid(span.start, span.length), format);
    }
    const QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    const QRect rect = style->subElementRect(QStyle::SE_ItemViewItemText, &option, option.widget);
    const qreal top = rect.top() + (rect.height() - document.size().height()) / 2;
    *origin = QPointF(rect.left() + 3, top); // the style's text margin
    return true;
}

void LinkDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    QTextDocument document;
    QPointF origin;
    if (!layOut(document, opt, index, &origin)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The cell's background and selection as usual, then the text with its links.
    opt.text.clear();
    const QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
    painter->save();
    painter->setClipRect(opt.rect);
    painter->translate(origin);
    document.drawContents(painter);
    painter->restore();
}

QUrl LinkDelegate::linkAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                          const QPoint &pos) const
{
    QStyleOptionViewItem opt = option;
    QTextDocument document;
    QPointF origin;
    if (!opt.rect.contains(pos) || !layOut(document, opt, index, &origin))
        return QUrl();
    const QUrl url(document.documentLayout()->anchorAt(QPointF(pos) - origin));
    return ChatText::isWebUrl(url) ? url : QUrl();
}

bool LinkDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
                               const QStyleOptionViewItem &option, const QModelIndex &index)
{
    const QEvent::Type type = event->type();
    if (type == QEvent::MouseMove || type == QEvent::MouseButtonRelease) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        const QUrl url = linkAt(option, index, mouse->position().toPoint());
        if (auto *view = qobject_cast<QAbstractItemView *>(parent()))
            view->viewport()->setCursor(url.isEmpty() ? Qt::ArrowCursor : Qt::PointingHandCursor);
        if (type == QEvent::MouseButtonRelease && mouse->button() == Qt::LeftButton
            && !url.isEmpty()) {
            QDesktopServices::openUrl(url);
            emit linkOpened(url);
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}
