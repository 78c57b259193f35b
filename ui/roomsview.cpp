#include "roomsview.h"

#include "console/roomsmodel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QResizeEvent>

RoomsView::RoomsView(RoomsModel *rooms, QWidget *parent)
    : QTreeView(parent)
    , m_rooms(rooms)
{
    setObjectName(QStringLiteral("roomsView"));
    setModel(rooms);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setContextMenuPolicy(Qt::CustomContextMenu);
    setAllColumnsShowFocus(true);
    setMinimumSize(160, 96); // three rows and the header: the splitter may shrink it this far
    QHeaderView *header = this->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(RoomsModel::NameColumn, QHeaderView::Stretch);
    header->setMinimumSectionSize(48);
    // Wide enough for the header or a typical value, whichever is longer; the name takes the rest.
    const QFontMetrics metrics = header->fontMetrics();
    auto width = [&metrics](const QString &header, const QString &sample) {
        return qMax(metrics.horizontalAdvance(header), metrics.horizontalAdvance(sample)) + 18;
    };
    header->resizeSection(RoomsModel::MembersColumn, width(tr("Members"), QStringLiteral("00000")));
    header->resizeSection(RoomsModel::MessagesColumn,
                          width(tr("Messages"), QStringLiteral("00000")));
    header->resizeSection(RoomsModel::DialectColumn,
                          width(tr("Dialect"), QStringLiteral("broadcast")));
    header->resizeSection(RoomsModel::AddressColumn,
                          width(tr("Address"), QStringLiteral("192.168.1.100")));
    header->resizeSection(RoomsModel::ConnectedColumn, width(tr("Connected since"), QString()));

    // A room only in the store has no members nor live counts: its one line, "games (3 stored
    // messages)", spans the row.
    connect(rooms, &QAbstractItemModel::rowsInserted, this, &RoomsView::spanStoredRows);
    connect(rooms, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &from, const QModelIndex &to) {
                spanStoredRows(from.parent(), from.row(), to.row());
            });
    connect(rooms, &QAbstractItemModel::modelReset, this,
            [this] { spanStoredRows(QModelIndex(), 0, m_rooms->rowCount() - 1); });
    // Rooms open as they appear, so that members are seen without a click.
    connect(rooms, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &parent, int first, int last) {
                if (parent.isValid())
                    return;
                for (int row = first; row <= last; ++row)
                    expand(m_rooms->index(row, 0));
            });
    connect(rooms, &QAbstractItemModel::modelReset, this, &QTreeView::expandAll);
}

void RoomsView::resizeEvent(QResizeEvent *event)
{
    QTreeView::resizeEvent(event);
    fitColumns();
}

void RoomsView::fitColumns()
{
    // The detail columns, most useful first; the last ones go first when space runs out.
    static constexpr std::array<int, 5> details {
        RoomsModel::MembersColumn, RoomsModel::MessagesColumn, RoomsModel::DialectColumn,
        RoomsModel::AddressColumn, RoomsModel::ConnectedColumn};
    QHeaderView *header = this->header();
    int left = viewport()->width() - MinimumNameWidth - indentation();
    for (const int column : details) {
        if (!isColumnHidden(column))
            m_widths.at(column) = header->sectionSize(column); // the user may have resized it
        const int width = m_widths.at(column);
        const bool fits = left >= width;
        setColumnHidden(column, !fits);
        if (fits)
            left -= width;
        else
            left = -1; // keep the order: nothing after a hidden column shows
    }
}

QString RoomsView::selectedMemberId() const
{
    const QModelIndex index = selectionModel()->currentIndex();
    if (!selectionModel()->isSelected(index))
        return QString();
    return index.data(RoomsModel::MemberIdRole).toString();
}

QString RoomsView::selectedMemberName() const
{
    const QModelIndex index = selectionModel()->currentIndex();
    return index.siblingAtColumn(RoomsModel::NameColumn).data().toString();
}

QString RoomsView::selectedRoom() const
{
    const QModelIndex index = selectionModel()->currentIndex();
    if (!selectionModel()->isSelected(index))
        return QString();
    return index.data(RoomsModel::RoomNameRole).toString();
}

void RoomsView::selectRoom(const QString &room)
{
    for (int row = 0; row < m_rooms->rowCount(); ++row) {
        const QModelIndex index = m_rooms->index(row, 0);
        if (!room.isEmpty() && index.data(RoomsModel::KindRole).toInt() == RoomsModel::RoomKind
            && index.data(RoomsModel::RoomNameRole).toString() == room) {
            selectionModel()->setCurrentIndex(
                index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            return;
        }
    }
    selectionModel()->clearSelection();
    selectionModel()->setCurrentIndex(QModelIndex(), QItemSelectionModel::NoUpdate);
}

void RoomsView::spanStoredRows(const QModelIndex &parent, int first, int last)
{
    for (int row = first; !parent.isValid() && row <= last; ++row) {
        const bool stored = m_rooms->index(row, 0).data(RoomsModel::StoredRole).toBool();
        setFirstColumnSpanned(row, QModelIndex(), stored);
    }
}
