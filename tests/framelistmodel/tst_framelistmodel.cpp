// FrameListModel on its own: its columns and headers, the round trip column in words (and empty
// when a frame answers nothing), the detail text's round trip line.
#include "console/framelistmodel.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

InspectedFrame frameOf(int opcode, const QByteArray &payload, bool outgoing, qint64 roundTripUs)
{
    InspectedFrame frame;
    frame.timeMs = 1000;
    frame.outgoing = outgoing;
    frame.frame.fin = true;
    frame.frame.opcode = opcode;
    frame.frame.payload = payload;
    frame.frame.length = quint64(payload.size());
    frame.roundTripUs = roundTripUs;
    return frame;
}

} // namespace

class tst_FrameListModel : public QObject
{
    Q_OBJECT

private slots:
    void columnsAndHeaders();
    void roundTripText_data();
    void roundTripText();
    void roundTripColumn_data();
    void roundTripColumn();
    void describeSaysWhatItAnswers_data();
    void describeSaysWhatItAnswers();
    void describeWordsTheSide_data();
    void describeWordsTheSide();
};

void tst_FrameListModel::columnsAndHeaders()
{
    FrameListModel model;
    QCOMPARE(model.columnCount(), int(FrameListModel::ColumnCount));
    QCOMPARE(model.columnCount(), 7);
    QCOMPARE(int(FrameListModel::RoundTripColumn), int(FrameListModel::SummaryColumn) - 1);
    QCOMPARE(model.headerData(FrameListModel::RoundTripColumn, Qt::Horizontal).toString(),
             u"Round trip"_s);
    QCOMPARE(model.headerData(FrameListModel::SummaryColumn, Qt::Horizontal).toString(),
             u"Payload"_s);
    QCOMPARE(model.headerData(FrameListModel::LengthColumn, Qt::Horizontal).toString(),
             u"Length"_s);
}

void tst_FrameListModel::roundTripText_data()
{
    QTest::addColumn<qint64>("us");
    QTest::addColumn<QString>("text");
    QTest::newRow("none") << qint64(-1) << QString();
    QTest::newRow("zero") << qint64(0) << u"0 µs"_s;
    QTest::newRow("830 us") << qint64(830) << u"830 µs"_s;
    QTest::newRow("999 us") << qint64(999) << u"999 µs"_s;
    QTest::newRow("1 ms") << qint64(1000) << u"1.0 ms"_s;
    QTest::newRow("1.2 ms") << qint64(1200) << u"1.2 ms"_s;
    QTest::newRow("1.25 ms rounds") << qint64(1260) << u"1.3 ms"_s;
    QTest::newRow("830 ms") << qint64(830'000) << u"830.0 ms"_s;
    QTest::newRow("999.9 ms") << qint64(999'940) << u"999.9 ms"_s;
    QTest::newRow("999.96 ms is a second") << qint64(999'960) << u"1.00 s"_s;
    QTest::newRow("2.35 s") << qint64(2'350'000) << u"2.35 s"_s;
}

void tst_FrameListModel::roundTripText()
{
    QFETCH(qint64, us);
    QFETCH(QString, text);
    QCOMPARE(FrameListModel::roundTripText(us), text);
}

void tst_FrameListModel::roundTripColumn_data()
{
    QTest::addColumn<qint64>("us");
    QTest::addColumn<bool>("note");
    QTest::addColumn<QString>("cell");
    QTest::newRow("a reply") << qint64(1200) << false << u"1.2 ms"_s;
    QTest::newRow("a quick pong") << qint64(830) << false << u"830 µs"_s;
    QTest::newRow("answers nothing") << qint64(-1) << false << QString();
    QTest::newRow("a note") << qint64(1200) << true << QString();
}

void tst_FrameListModel::roundTripColumn()
{
    QFETCH(qint64, us);
    QFETCH(bool, note);
    QFETCH(QString, cell);
    FrameListModel model;
    InspectedFrame frame = frameOf(0x1, "hello", true, us);
    if (note)
        frame.note = u"lost the stream"_s;
    model.append({frame});
    const QModelIndex index = model.index(0, FrameListModel::RoundTripColumn);
    QCOMPARE(index.data().toString(), cell);
    QCOMPARE(index.data(Qt::TextAlignmentRole).toInt(), int(Qt::AlignRight | Qt::AlignVCenter));
    // The summary stays the last column, and still the payload.
    QCOMPARE(model.index(0, FrameListModel::SummaryColumn).data().toString(),
             note ? u"lost the stream"_s : u"hello"_s);
}

void tst_FrameListModel::describeSaysWhatItAnswers_data()
{
    QTest::addColumn<int>("opcode");
    QTest::addColumn<qint64>("us");
    QTest::addColumn<QString>("line"); // empty: no round trip line at all
    QTest::newRow("reply") << 0x1 << qint64(1200)
                           << u"Round trip: 1.2 ms after the message it answers\n"_s;
    QTest::newRow("binary reply") << 0x2 << qint64(830)
                                  << u"Round trip: 830 µs after the message it answers\n"_s;
    QTest::newRow("pong") << 0xa << qint64(410)
                          << u"Round trip: 410 µs after the ping it answers\n"_s;
    QTest::newRow("answers nothing") << 0x1 << qint64(-1) << QString();
}

void tst_FrameListModel::describeSaysWhatItAnswers()
{
    QFETCH(int, opcode);
    QFETCH(qint64, us);
    QFETCH(QString, line);
    const QString detail = FrameListModel::describe(frameOf(opcode, "ab", true, us));
    if (line.isEmpty()) {
        QVERIFY2(!detail.contains(u"Round trip"_s), qPrintable(detail));
        return;
    }
    QVERIFY2(detail.contains(line), qPrintable(detail));
    // With the header fields: after the length, before the blank line above the payload.
    QVERIFY(detail.indexOf(u"Length:"_s) < detail.indexOf(line));
    QVERIFY(detail.indexOf(line) < detail.indexOf(u"\n\n"_s));
}

QTEST_MAIN(tst_FrameListModel)
void tst_FrameListModel::describeWordsTheSide_data()
{
    QTest::addColumn<bool>("outgoing");
    QTest::addColumn<int>("side");
    QTest::addColumn<QString>("direction");
    using Side = FrameListModel::Side;
    QTest::newRow("inspector, out") << true << int(Side::Server) << u"out (server \u2192 client)"_s;
    QTest::newRow("inspector, in") << false << int(Side::Server) << u"in (client \u2192 server)"_s;
    QTest::newRow("client window, out")
        << true << int(Side::Client) << u"out (client \u2192 server)"_s;
    QTest::newRow("client window, in")
        << false << int(Side::Client) << u"in (server \u2192 client)"_s;
}

// "out" is what the watching side sent: the server in the inspector, the client in a client
// window; the detail pane says which way that is.
void tst_FrameListModel::describeWordsTheSide()
{
    QFETCH(bool, outgoing);
    QFETCH(int, side);
    QFETCH(QString, direction);
    const QString detail
        = FrameListModel::describe(frameOf(0x1, "hi", outgoing, -1), FrameListModel::Side(side));
    QVERIFY2(detail.contains(u"Direction:  "_s + direction + u'\n'), qPrintable(detail));
}

#include "tst_framelistmodel.moc"
