#include "framesview.h"

#include "console/framefiltermodel.h"
#include "console/framelistmodel.h"
#include "contextmenukeys.h"

#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>

FramesView::FramesView(int capacity, QWidget *parent)
    : QWidget(parent)
    , m_frames(new FrameListModel(capacity, this))
    , m_filter(new FrameFilterModel(this))
{
    setObjectName(QStringLiteral("framesView"));
    m_filter->setSourceModel(m_frames);

    // The filter controls belong to the view until the window places them (a toolbar takes
    // them over); until then they wait in a hidden holder, so they never float over the table.
    auto *filterHolder = new QWidget(this);
    filterHolder->hide();

    m_directionCombo = new QComboBox(filterHolder);
    m_directionCombo->setObjectName(QStringLiteral("directionFilter"));
    m_directionCombo->addItem(tr("In and out"), int(FrameFilterModel::Direction::Both));
    m_directionCombo->addItem(tr("\u2192 In only"), int(FrameFilterModel::Direction::In));
    m_directionCombo->addItem(tr("\u2190 Out only"), int(FrameFilterModel::Direction::Out));
    connect(m_directionCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setDirection(
            FrameFilterModel::Direction(m_directionCombo->currentData().toInt()));
    });

    m_opcodeCombo = new QComboBox(filterHolder);
    m_opcodeCombo->setObjectName(QStringLiteral("opcodeFilter"));
    m_opcodeCombo->addItem(tr("All opcodes"), FrameFilterModel::AnyOpcode);
    m_opcodeCombo->addItem(tr("Data frames"), FrameFilterModel::DataFrames);
    m_opcodeCombo->addItem(tr("Control frames"), FrameFilterModel::ControlFrames);
    for (const int op : {0x1, 0x2, 0x0, 0x8, 0x9, 0xa})
        m_opcodeCombo->addItem(WebSocketFrameParser::opcodeName(op), op);
    connect(m_opcodeCombo, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setOpcode(m_opcodeCombo->currentData().toInt()); });

    m_searchEdit = new QLineEdit(filterHolder);
    m_searchEdit->setObjectName(QStringLiteral("searchEdit"));
    m_searchEdit->setPlaceholderText(tr("Search payloads"));
    m_searchEdit->setClearButtonEnabled(true);
    connect(m_searchEdit, &QLineEdit::textChanged, m_filter, &FrameFilterModel::setSearchText);

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("frameTable"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    ContextMenuKeys::addCopyMenu(m_table); // Shift+F10 opens it too
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setColumnWidth(FrameListModel::TimeColumn, 100);
    m_table->setColumnWidth(FrameListModel::DirectionColumn, 60);
    m_table->setColumnWidth(FrameListModel::OpcodeColumn, 90);
    m_table->setColumnWidth(FrameListModel::FinColumn, 40);
    m_table->setColumnWidth(FrameListModel::LengthColumn, 60);
    m_table->setColumnWidth(FrameListModel::RoundTripColumn, 80);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &FramesView::showCurrentFrame);

    m_detail = new QPlainTextEdit;
    m_detail->setObjectName(QStringLiteral("frameDetail"));
    m_detail->setReadOnly(true);
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_detail->setPlaceholderText(tr("Select a frame to see it in full."));

    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(m_table);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
}

FramesView::~FramesView() = default;

void FramesView::append(const InspectedFrameList &frames)
{
    // Follow the newest frame only when the table is at its bottom already.
    QScrollBar *scroll = m_table->verticalScrollBar();
    const bool follow = scroll->value() == scroll->maximum();
    m_frames->append(frames);
    if (follow)
        m_table->scrollToBottom();
}

void FramesView::clear()
{
    m_frames->clear();
    m_detail->clear();
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
    m_table->setCurrentIndex(m_filter->index(row, 0));
    showCurrentFrame();
}

void FramesView::showCurrentFrame()
{
    const QModelIndex index = m_filter->mapToSource(m_table->currentIndex());
    if (!index.isValid()) {
        m_detail->clear();
        return;
    }
    m_detail->setPlainText(
        FrameListModel::describe(m_frames->frameAt(index.row()), m_frames->side()));
}

void FramesView::changeEvent(QEvent *event)
{
    // The table takes the view's font by itself (it has none of its own).
    if (event->type() == QEvent::FontChange && m_detail && m_table) {
        QFont fixed = m_detail->font();
        if (font().pointSize() > 0)
            fixed.setPointSize(font().pointSize());
        else if (font().pixelSize() > 0)
            fixed.setPixelSize(font().pixelSize());
        m_detail->setFont(fixed);
        m_table->verticalHeader()->setDefaultSectionSize(QFontMetrics(m_table->font()).height()
                                                         + 6);
    }
    QWidget::changeEvent(event);
}
