#include "framefiltermodel.h"

#include "framelistmodel.h"

FrameFilterModel::FrameFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{ }

void FrameFilterModel::setDirection(Direction direction)
{
    if (direction == m_direction)
        return;
    m_direction = direction;
    invalidateFilter();
}

void FrameFilterModel::setOpcode(int opcode)
{
    if (opcode == m_opcode)
        return;
    m_opcode = opcode;
    invalidateFilter();
}

void FrameFilterModel::setSearchText(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    invalidateFilter();
}

bool FrameFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const bool outgoing = index.data(FrameListModel::OutgoingRole).toBool();
    if ((m_direction == Direction::In && outgoing) || (m_direction == Direction::Out && !outgoing))
        return false;
    const int opcode = index.data(FrameListModel::OpcodeRole).toInt();
    if (m_opcode != AnyOpcode && opcode >= 0) {
        if (m_opcode == DataFrames          ? opcode >= 0x8
                : m_opcode == ControlFrames ? opcode < 0x8
                                            : opcode != m_opcode)
            return false;
    }
    if (!m_search.isEmpty()
        && !index.data(FrameListModel::SearchTextRole)
                .toString()
                .contains(m_search, Qt::CaseInsensitive))
        return false;
    return true;
}
