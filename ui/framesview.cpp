#include "framesview.h"

#include "console/framefiltermodel.h"
#include "console/framelistmodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTableView>

// STUB: a throwaway FramesView so that the client window's branch compiles; the real one is
// written by another helper.

FramesView::FramesView(int capacity, QWidget *parent)
    : QWidget(parent)
    , m_frames(new FrameListModel(capacity, this))
    , m_filter(new FrameFilterModel(this))
{
    m_filter->setSourceModel(m_frames);
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("frameTable"));
    m_table->setModel(m_filter);
    m_detail = new QPlainTextEdit;
    m_detail->setObjectName(QStringLiteral("frameDetail"));
    m_directionCombo = new QComboBox(this);
    m_directionCombo->setObjectName(QStringLiteral("directionFilter"));
    m_opcodeCombo = new QComboBox(this);
    m_opcodeCombo->setObjectName(QStringLiteral("opcodeFilter"));
    m_searchEdit = new QLineEdit(this);
    m_searchEdit->setObjectName(QStringLiteral("searchEdit"));
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(m_detail);
}

FramesView::~FramesView() = default;

void FramesView::append(const InspectedFrameList &frames)
{
    m_frames->append(frames);
}

void FramesView::clear()
{
    m_frames->clear();
}

QList<QWidget *> FramesView::filterWidgets() const
{
    return {m_directionCombo, m_opcodeCombo, m_searchEdit};
}

QString FramesView::detailText() const
{
    return m_detail->toPlainText();
}

void FramesView::selectFrame(int row)
{
    if (row >= 0 && row < m_filter->rowCount())
        m_detail->setPlainText(FrameListModel::describe(
            m_frames->frameAt(m_filter->mapToSource(m_filter->index(row, 0)).row())));
}
