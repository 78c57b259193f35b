#pragma once

#include <QAbstractTableModel>
#include <QList>

#include <deque>

// A table of rows kept oldest first, at most maxRows() of them: appending past the cap removes
// the oldest rows first, so that a long session does not eat the memory. The activity log and
// the frame inspector's list are both this; they add their columns and data().
template<typename Row> class CappedTableModel : public QAbstractTableModel
{
    Q_DISABLE_COPY_MOVE(CappedTableModel)

public:
    // The most rows kept (at least 1).
    int maxRows() const { return m_maxRows; }
    // Lowers or raises the cap (at least 1); lowering it removes the oldest rows at once.
    void setMaxRows(int maxRows)
    {
        m_maxRows = qMax(1, maxRows);
        dropOldest(int(m_rows.size()) - m_maxRows);
    }
    // The row at index row, oldest first.
    const Row &rowAt(int row) const { return m_rows.at(std::size_t(row)); }
    // Forgets every row, with a reset (none when already empty).
    void clear()
    {
        if (m_rows.empty())
            return;
        beginResetModel();
        m_rows.clear();
        endResetModel();
    }

    // The number of rows; 0 under any parent (a table).
    int rowCount(const QModelIndex &parent = QModelIndex()) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }

protected:
    // maxRows: the cap (at least 1).
    explicit CappedTableModel(int maxRows, QObject *parent)
        : QAbstractTableModel(parent)
        , m_maxRows(qMax(1, maxRows))
    { }

    // Appends a batch with one insertion, after removing the oldest rows the cap needs with one
    // removal. Of a batch larger than the cap only its newest maxRows() rows are kept.
    void appendRows(const QList<Row> &rows)
    {
        if (rows.isEmpty())
            return;
        const int skip = qMax(0, int(rows.size()) - m_maxRows);
        const int incoming = int(rows.size()) - skip;
        dropOldest(int(m_rows.size()) + incoming - m_maxRows);
        const int first = int(m_rows.size());
        beginInsertRows(QModelIndex(), first, first + incoming - 1);
        for (qsizetype i = skip; i < rows.size(); ++i)
            m_rows.push_back(rows.at(i));
        endInsertRows();
    }

private:
    // Removes the count oldest rows with one removal; nothing when count <= 0.
    void dropOldest(int count)
    {
        count = qMin(count, int(m_rows.size()));
        if (count <= 0)
            return;
        beginRemoveRows(QModelIndex(), 0, count - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + count);
        endRemoveRows();
    }

    std::deque<Row> m_rows;
    int m_maxRows;
};
