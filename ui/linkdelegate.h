#pragma once

#include <QStyledItemDelegate>
#include <QUrl>

class QTextDocument;

// Draws a cell's text with its http(s) links underlined in the link colour and opens a link
// clicked in the browser; cells without a link (the model's linksRole gives none) are drawn as
// usual. The text stays text: links are char formats, never parsed HTML.
class LinkDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LinkDelegate)

public:
    // linksRole: the model's role giving a cell's links as a QStringList.
    explicit LinkDelegate(int linksRole, QObject *parent = nullptr);
    ~LinkDelegate() override;

    // Draws the cell, its links as links.
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    // A click on a link opens it (emitting linkOpened()); the pointer is a hand over a link.
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;
    // The link under pos (viewport coordinates) in the cell drawn with option; empty if none.
    QUrl linkAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                const QPoint &pos) const;

signals:
    // An http(s) link was clicked and handed to the desktop.
    void linkOpened(const QUrl &url);

private:
    // The cell's text laid out in document, links formatted; returns where it is drawn (the
    // text's top left, in viewport coordinates). False when the cell has no link.
    bool layOut(QTextDocument &document, QStyleOptionViewItem &option, const QModelIndex &index,
                QPointF *origin) const;

    int m_linksRole;
};
