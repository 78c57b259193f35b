// FramesView on its own, offscreen: frames appended become rows; the table follows the newest
// frame only while it is at its bottom; the filters narrow it; a selected frame is shown in full;
// clear() forgets frames and selection; past the capacity the oldest go; the filter controls wait
// for the window to place them; a font change keeps the detail pane fixed-width.
#include "console/framefiltermodel.h"
#include "console/framelistmodel.h"
#include "ui/framesview.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTableView>
#include <QTest>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

InspectedFrame frameOf(int opcode, const QByteArray &payload, bool outgoing,
                       qint64 roundTripUs = -1)
{
    InspectedFrame frame;
    frame.timeMs = 1'700'000'000'000;
    frame.outgoing = outgoing;
    frame.frame.fin = true;
    frame.frame.opcode = opcode;
    frame.frame.payload = payload;
    frame.frame.length = quint64(payload.size());
    frame.roundTripUs = roundTripUs;
    return frame;
}

InspectedFrameList numberedFrames(int from, int count)
{
    InspectedFrameList frames;
    for (int i = from; i < from + count; ++i)
        frames.append(frameOf(0x1, QByteArray::number(i), i % 2 == 1));
    return frames;
}

// A conversation with an echo server: text and JSON out and back, a ping and its pong, binary.
InspectedFrameList conversation()
{
    return {
        frameOf(0x1, "hello needle", false),
        frameOf(0x1, "hello needle", true, 1200),
        frameOf(0x1, R"({"type":"message","text":"hay"})", false),
        frameOf(0x1, R"({"type":"message","text":"hay"})", true, 830),
        frameOf(0x9, "are you there?", false),
        frameOf(0xa, "are you there?", true, 410),
        frameOf(0x2, QByteArray("\x00\x01\x02", 3), false),
    };
}

} // namespace

class tst_FramesView : public QObject
{
    Q_OBJECT

private slots:
    void appendedFramesAreRows();
    void followsTheBottomOnlyAtTheBottom();
    void filtersNarrowTheTable_data();
    void filtersNarrowTheTable();
    void selectingShowsTheFrameInFull();
    void clearForgetsFramesAndSelection();
    void capacityDropsTheOldest();
    void filterWidgetsAreTheWindowsToPlace();
    void fontChangeKeepsDetailFixedWidth();
};

void tst_FramesView::appendedFramesAreRows()
{
    FramesView view;
    QCOMPARE(view.table()->model(), view.filterModel());
    QCOMPARE(view.filterModel()->sourceModel(), view.frameModel());
    QCOMPARE(view.table()->objectName(), u"frameTable"_s);
    view.append(conversation());
    QCOMPARE(view.frameModel()->rowCount(), 7);
    QCOMPARE(view.table()->model()->rowCount(), 7);
    view.append(numberedFrames(0, 3));
    QCOMPARE(view.frameModel()->rowCount(), 10);
    QCOMPARE(view.frameModel()->frameAt(9).frame.payload, QByteArray("2"));
    // The round trip column is shown, before the payload.
    QCOMPARE(view.table()->model()->headerData(FrameListModel::RoundTripColumn, Qt::Horizontal),
             QVariant(u"Round trip"_s));
    QCOMPARE(view.table()->model()->index(1, FrameListModel::RoundTripColumn).data().toString(),
             u"1.2 ms"_s);
    QVERIFY(!view.table()->isColumnHidden(FrameListModel::RoundTripColumn));
}

void tst_FramesView::followsTheBottomOnlyAtTheBottom()
{
    FramesView view;
    view.resize(700, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QScrollBar *scroll = view.table()->verticalScrollBar();

    // At the bottom (empty): it follows.
    view.append(numberedFrames(0, 200));
    QTRY_VERIFY(scroll->maximum() > 0);
    QTRY_COMPARE(scroll->value(), scroll->maximum());

    // Scrolled up: new frames do not move it.
    view.table()->scrollToTop();
    QCOMPARE(scroll->value(), 0);
    const int before = scroll->maximum();
    view.append(numberedFrames(200, 100));
    QTRY_VERIFY(scroll->maximum() > before);
    QCOMPARE(scroll->value(), 0);

    // Back at the bottom: it follows again.
    view.table()->scrollToBottom();
    const int bottom = scroll->maximum();
    QCOMPARE(scroll->value(), bottom);
    view.append(numberedFrames(300, 100));
    QTRY_VERIFY(scroll->maximum() > bottom);
    QCOMPARE(scroll->value(), scroll->maximum());
    // The last row is the newest frame, and it is in view.
    const QModelIndex last = view.filterModel()->index(view.filterModel()->rowCount() - 1, 0);
    QCOMPARE(last.data().isValid(), true);
    QVERIFY(view.table()->viewport()->rect().intersects(view.table()->visualRect(last)));
}

void tst_FramesView::filtersNarrowTheTable_data()
{
    QTest::addColumn<int>("direction"); // FrameFilterModel::Direction
    QTest::addColumn<int>("opcode");
    QTest::addColumn<QString>("search");
    QTest::addColumn<int>("rows");
    const int both = int(FrameFilterModel::Direction::Both);
    const int in = int(FrameFilterModel::Direction::In);
    const int out = int(FrameFilterModel::Direction::Out);
    QTest::newRow("everything") << both << FrameFilterModel::AnyOpcode << QString() << 7;
    QTest::newRow("in only") << in << FrameFilterModel::AnyOpcode << QString() << 4;
    QTest::newRow("out only") << out << FrameFilterModel::AnyOpcode << QString() << 3;
    QTest::newRow("control frames") << both << FrameFilterModel::ControlFrames << QString() << 2;
    QTest::newRow("data frames") << both << FrameFilterModel::DataFrames << QString() << 5;
    QTest::newRow("pong") << both << 0xa << QString() << 1;
    QTest::newRow("binary") << both << 0x2 << QString() << 1;
    QTest::newRow("search, any case") << both << FrameFilterModel::AnyOpcode << u"NEEDLE"_s << 2;
    QTest::newRow("search, out only") << out << FrameFilterModel::AnyOpcode << u"needle"_s << 1;
    QTest::newRow("search, pings") << both << 0x9 << u"there"_s << 1;
    QTest::newRow("search, nothing") << both << FrameFilterModel::AnyOpcode << u"absent"_s << 0;
}

void tst_FramesView::filtersNarrowTheTable()
{
    QFETCH(int, direction);
    QFETCH(int, opcode);
    QFETCH(QString, search);
    QFETCH(int, rows);
    FramesView view;
    view.append(conversation());
    const QList<QWidget *> filters = view.filterWidgets();
    QCOMPARE(filters.size(), 3);
    auto *directionCombo = qobject_cast<QComboBox *>(filters.at(0));
    auto *opcodeCombo = qobject_cast<QComboBox *>(filters.at(1));
    auto *searchEdit = qobject_cast<QLineEdit *>(filters.at(2));
    QVERIFY(directionCombo && opcodeCombo && searchEdit);

    // Through the controls, as a person would.
    directionCombo->setCurrentIndex(directionCombo->findData(direction));
    opcodeCombo->setCurrentIndex(opcodeCombo->findData(opcode));
    searchEdit->setText(search);
    QCOMPARE(int(view.filterModel()->direction()), direction);
    QCOMPARE(view.filterModel()->opcode(), opcode);
    QCOMPARE(view.table()->model()->rowCount(), rows);
    for (int row = 0; row < rows; ++row) {
        const QModelIndex index = view.table()->model()->index(row, 0);
        if (direction != int(FrameFilterModel::Direction::Both))
            QCOMPARE(index.data(FrameListModel::OutgoingRole).toBool(),
                     direction == int(FrameFilterModel::Direction::Out));
        if (opcode >= 0)
            QCOMPARE(index.data(FrameListModel::OpcodeRole).toInt(), opcode);
        if (!search.isEmpty())
            QVERIFY(index.data(FrameListModel::SearchTextRole)
                        .toString()
                        .contains(search, Qt::CaseInsensitive));
    }
    // The source keeps every frame.
    QCOMPARE(view.frameModel()->rowCount(), 7);
}

void tst_FramesView::selectingShowsTheFrameInFull()
{
    FramesView view;
    view.show();
    view.append(conversation());
    QVERIFY(view.detailText().isEmpty());

    view.selectFrame(3); // the JSON echoed back, 830 µs after it was sent
    QCOMPARE(view.detailText(), FrameListModel::describe(view.frameModel()->frameAt(3)));
    QVERIFY2(view.detailText().contains(u"Round trip: 830 µs after the message it answers"_s),
             qPrintable(view.detailText()));
    QVERIFY(view.detailText().contains(u"    \"text\": \"hay\""_s));
    QCOMPARE(view.table()->currentIndex().row(), 3);

    // As filtered: row 0 of the pongs is the source's row 5.
    view.filterModel()->setOpcode(0xa);
    view.selectFrame(0);
    QVERIFY2(view.detailText().contains(u"Round trip: 410 µs after the ping it answers"_s),
             qPrintable(view.detailText()));
    QVERIFY(view.detailText().contains(u"Pong payload: are you there?"_s));
    view.filterModel()->setOpcode(FrameFilterModel::AnyOpcode);

    // Moving the table's current row (the keyboard, a click) shows that frame.
    view.table()->setCurrentIndex(view.filterModel()->index(0, 0));
    QCOMPARE(view.detailText(), FrameListModel::describe(view.frameModel()->frameAt(0)));
    QVERIFY(!view.detailText().contains(u"Round trip"_s)); // a sent frame answers nothing
    QCOMPARE(view.findChild<QPlainTextEdit *>(u"frameDetail"_s)->toPlainText(), view.detailText());
}

void tst_FramesView::clearForgetsFramesAndSelection()
{
    FramesView view;
    view.show();
    view.append(conversation());
    view.selectFrame(1);
    QVERIFY(!view.detailText().isEmpty());
    view.clear();
    QCOMPARE(view.frameModel()->rowCount(), 0);
    QCOMPARE(view.table()->model()->rowCount(), 0);
    QVERIFY(view.detailText().isEmpty());
    QVERIFY(!view.table()->currentIndex().isValid());
    QVERIFY(!view.table()->selectionModel()->hasSelection());
    // Still usable: new frames come.
    view.append(numberedFrames(0, 2));
    QCOMPARE(view.table()->model()->rowCount(), 2);
}

void tst_FramesView::capacityDropsTheOldest()
{
    FramesView view(10);
    QCOMPARE(view.frameModel()->capacity(), 10);
    view.append(numberedFrames(0, 8));
    QCOMPARE(view.frameModel()->rowCount(), 8);
    view.append(numberedFrames(8, 7));
    QCOMPARE(view.frameModel()->rowCount(), 10);
    QCOMPARE(view.frameModel()->frameAt(0).frame.payload, QByteArray("5")); // 0-4 went
    QCOMPARE(view.frameModel()->frameAt(9).frame.payload, QByteArray("14"));
    // One batch larger than the capacity keeps its newest.
    view.append(numberedFrames(100, 25));
    QCOMPARE(view.frameModel()->rowCount(), 10);
    QCOMPARE(view.frameModel()->frameAt(0).frame.payload, QByteArray("115"));
    QCOMPARE(view.table()->model()->rowCount(), 10);
}

void tst_FramesView::filterWidgetsAreTheWindowsToPlace()
{
    QWidget window;
    auto *bar = new QToolBar;
    auto *view = new FramesView(5000);
    auto *layout = new QVBoxLayout(&window);
    layout->addWidget(bar);
    layout->addWidget(view);
    window.resize(1000, 500);
    const QList<QWidget *> filters = view->filterWidgets();
    QCOMPARE(filters.size(), 3);
    QCOMPARE(filters.at(0)->objectName(), u"directionFilter"_s);
    QCOMPARE(filters.at(1)->objectName(), u"opcodeFilter"_s);
    QCOMPARE(filters.at(2)->objectName(), u"searchEdit"_s);

    // Not placed: they do not show over the table.
    window.show();
    for (QWidget *filter : filters)
        QVERIFY(!filter->isVisible());

    // Placed in the window's toolbar: they show there.
    for (QWidget *filter : filters)
        bar->addWidget(filter);
    QTRY_VERIFY(filters.at(0)->isVisible());
    for (QWidget *filter : filters) {
        QVERIFY(filter->isVisible());
        QCOMPARE(filter->parentWidget(), bar);
        QCOMPARE(window.findChild<QWidget *>(filter->objectName()), filter);
    }
}

void tst_FramesView::fontChangeKeepsDetailFixedWidth()
{
    FramesView view;
    view.append(conversation());
    auto *detail = view.findChild<QPlainTextEdit *>(u"frameDetail"_s);
    QVERIFY(detail);
    // The system's fixed-width font (whatever the offscreen platform's font database makes of it).
    const QString fixedFamily = QFontDatabase::systemFont(QFontDatabase::FixedFont).family();
    QCOMPARE(detail->font().family(), fixedFamily);
    const int rowHeight = view.table()->verticalHeader()->defaultSectionSize();

    QFont bigger = view.font();
    bigger.setPointSize(24);
    view.setFont(bigger);
    QCOMPARE(view.table()->font().pointSize(), 24);
    QCOMPARE(detail->font().pointSize(), 24);
    QCOMPARE(detail->font().family(), fixedFamily);
    QVERIFY(view.table()->verticalHeader()->defaultSectionSize() > rowHeight);
    QCOMPARE(view.table()->verticalHeader()->defaultSectionSize(),
             QFontMetrics(view.table()->font()).height() + 6);
}

QTEST_MAIN(tst_FramesView)
#include "tst_framesview.moc"
