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

// A room message with its id.
ChatLogEntry message(qint64 id)
{
    ChatLogEntry e = line(int(id));
    e.id = id;
    return e;
}

QList<qint64> idsOf(const ChatLogModel &model)
{
    QList<qint64> ids;
    for (const ChatLogEntry &e : model.entries())
        ids.append(e.id);
    return ids;
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
    void prependsOlderPage_data();
    void prependsOlderPage();
    void loadingAndBeginning();
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

void tst_ChatLogModel::prependsOlderPage_data()
{
    QTest::addColumn<QList<qint64>>("held");
    QTest::addColumn<QList<qint64>>("page");
    QTest::addColumn<QList<qint64>>("after");

    using Ids = QList<qint64>;
    QTest::newRow("the page before") << Ids {5, 6, 7} << Ids {2, 3, 4} << Ids {2, 3, 4, 5, 6, 7};
    QTest::newRow("a page overlapping what is held")
        << Ids {5, 6, 7} << Ids {3, 4, 5, 6} << Ids {3, 4, 5, 6, 7};
    QTest::newRow("nothing new") << Ids {5, 6} << Ids {5, 6} << Ids {5, 6};
    QTest::newRow("an id twice in the page") << Ids {9} << Ids {7, 7, 8} << Ids {7, 8, 9};
    QTest::newRow("into an empty log") << Ids {} << Ids {1, 2} << Ids {1, 2};
    QTest::newRow("an empty page") << Ids {4} << Ids {} << Ids {4};
}

void tst_ChatLogModel::prependsOlderPage()
{
    QFETCH(QList<qint64>, held);
    QFETCH(QList<qint64>, page);
    QFETCH(QList<qint64>, after);

    ChatLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (qint64 id : std::as_const(held))
        model.append(message(id));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QList<ChatLogEntry> entries;
    for (qint64 id : std::as_const(page))
        entries.append(message(id));

    const int added = model.prepend(entries);
    const int expected = int(after.size() - held.size());
    QCOMPARE(added, expected);
    QCOMPARE(idsOf(model), after);
    QCOMPARE(reset.count(), 0);
    // One insertion at the top, or none at all.
    QCOMPARE(inserted.count(), expected > 0 ? 1 : 0);
    if (expected > 0) {
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), expected - 1);
    }
    QCOMPARE(model.oldestMessageId(), after.value(0));
    for (int row = 0; row < after.size(); ++row) {
        QVERIFY(model.containsMessage(after.at(row)));
        QCOMPARE(model.rowOfMessage(after.at(row)), row);
        QCOMPARE(model.index(row).data(ChatLogModel::IdRole).toLongLong(), after.at(row));
    }
    QCOMPARE(model.rowOfMessage(1000), -1);
}

void tst_ChatLogModel::loadingAndBeginning()
{
    ChatLogModel model;
    QSignalSpy changed(&model, &ChatLogModel::olderStateChanged);
    QVERIFY(!model.isLoadingOlder());
    QVERIFY(!model.isBeginningReached());
    model.setLoadingOlder(true);
    model.setLoadingOlder(true);
    QCOMPARE(changed.count(), 1); // a change, not a repeat
    QVERIFY(model.isLoadingOlder());
    model.setLoadingOlder(false);
    model.setBeginningReached(true);
    QCOMPARE(changed.count(), 3);
    QVERIFY(model.isBeginningReached());

    // Trimming the oldest rows loses the beginning: it can be paged back in.
    const int cap = ChatLogModel::MaxEntries + ChatLogModel::TrimStep;
    for (int i = 1; i <= cap; ++i)
        model.append(message(i));
    QVERIFY(model.isBeginningReached());
    model.append(message(cap + 1));
    QVERIFY(!model.isBeginningReached());
    QCOMPARE(model.oldestMessageId(), ChatLogModel::TrimStep + 1);
    QVERIFY(!model.containsMessage(1));
    // What was trimmed is new again to a page.
    QCOMPARE(model.prepend({message(ChatLogModel::TrimStep)}), 1);

    model.setBeginningReached(true);
    model.clear();
    QVERIFY(!model.isBeginningReached());
    QVERIFY(!model.containsMessage(cap));
    QCOMPARE(model.oldestMessageId(), 0);
}

QTEST_GUILESS_MAIN(tst_ChatLogModel)
#include "tst_chatlogmodel.moc"
