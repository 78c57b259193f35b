// ChatLogModel: a capped list of log entries whose rows come and go with begin/end rows.
#include "client/chatlogmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

ChatLogEntry line(int i)
{
    ChatLogEntry e;
    e.kind = ChatLogEntry::Kind::Message;
    e.seq = i;
    e.time = u"12:00"_s;
    e.sender = u"alice"_s;
    e.senderKey = u"alice"_s;
    e.text = u"line %1"_s.arg(i);
    return e;
}

} // namespace

class tst_ChatLogModel final : public QObject
{
    Q_OBJECT

private slots:
    void appendInsertsOneRow();
    void rolesAndDisplay_data();
    void rolesAndDisplay();
    void trimsInSteps();
    void clearResets();
};

void tst_ChatLogModel::appendInsertsOneRow()
{
    ChatLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.append(line(1));
    model.append(line(2));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), 1);
    QCOMPARE(inserted.at(1).at(2).toInt(), 1);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.entry(1).text, u"line 2"_s);
    QCOMPARE(model.rowCount(model.index(0)), 0);
}

void tst_ChatLogModel::rolesAndDisplay_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("sender");
    QTest::addColumn<QString>("display");
    QTest::newRow("message") << int(ChatLogEntry::Kind::Message) << u"bob"_s
                             << u"09:15   bob  hi"_s;
    QTest::newRow("status") << int(ChatLogEntry::Kind::Status) << QString() << u"09:15   hi"_s;
    QTest::newRow("divider") << int(ChatLogEntry::Kind::Divider) << QString() << u"hi"_s;
}

void tst_ChatLogModel::rolesAndDisplay()
{
    QFETCH(int, kind);
    QFETCH(QString, sender);
    QFETCH(QString, display);

    ChatLogModel model;
    ChatLogEntry e;
    e.kind = ChatLogEntry::Kind(kind);
    e.seq = 7;
    e.time = u"09:15"_s;
    e.sender = sender;
    e.text = u"hi"_s;
    e.own = true;
    model.append(e);
    const QModelIndex index = model.index(0);
    QCOMPARE(index.data().toString(), display);
    QCOMPARE(index.data(ChatLogModel::KindRole).toInt(), kind);
    QCOMPARE(index.data(ChatLogModel::SeqRole).toLongLong(), 7);
    QCOMPARE(index.data(ChatLogModel::TextRole).toString(), u"hi"_s);
    QCOMPARE(index.data(ChatLogModel::OwnRole).toBool(), true);
    QCOMPARE(index.data(ChatLogModel::EarlierRole).toBool(), false);
    QVERIFY(model.roleNames().value(ChatLogModel::SenderRole) == "sender");
}

void tst_ChatLogModel::trimsInSteps()
{
    ChatLogModel model;
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    const int cap = ChatLogModel::MaxEntries + ChatLogModel::TrimStep;
    for (int i = 0; i < cap; ++i)
        model.append(line(i));
    QCOMPARE(model.rowCount(), cap);
    QCOMPARE(removed.count(), 0);
    model.append(line(cap));
    // The oldest TrimStep went at once, in one removal of rows.
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 0);
    QCOMPARE(removed.at(0).at(2).toInt(), ChatLogModel::TrimStep - 1);
    QCOMPARE(model.rowCount(), cap + 1 - ChatLogModel::TrimStep);
    QCOMPARE(model.entry(0).seq, ChatLogModel::TrimStep);
    QCOMPARE(model.entries().constLast().seq, cap);
}

void tst_ChatLogModel::clearResets()
{
    ChatLogModel model;
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.clear();
    QCOMPARE(reset.count(), 0); // nothing to clear
    model.append(line(1));
    model.clear();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(tst_ChatLogModel)
#include "tst_chatlogmodel.moc"
