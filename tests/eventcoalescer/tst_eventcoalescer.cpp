#include "console/activitylogmodel.h"
#include "console/eventcoalescer.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {

// n message events numbered from first: their text is "#<number>".
ServerEventList messages(int first, int n)
{
    ServerEventList list;
    for (int i = first; i < first + n; ++i) {
        const MemberIdentity alice {QStringLiteral("id-alice"), QStringLiteral("alice")};
        list.append(ServerEvent(ServerEvent::Message {alice, QStringLiteral("lobby"),
                                                      QStringLiteral("#%1").arg(i), i + 1},
                                QDateTime::currentDateTimeUtc()));
    }
    return list;
}

// "#first" to "#first+n-1": the texts of messages(first, n).
QStringList numbered(int first, int n)
{
    QStringList list;
    for (int i = first; i < first + n; ++i)
        list.append(QStringLiteral("#%1").arg(i));
    return list;
}

QStringList texts(const ServerEventList &events)
{
    QStringList list;
    for (const ServerEvent &e : events)
        list.append(e.as<ServerEvent::Message>()->text);
    return list;
}

ServerEventList eventsOf(const QSignalSpy &spy, int index)
{
    return spy.at(index).at(0).value<ServerEventList>();
}

} // namespace

class tst_EventCoalescer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void firstBatchGoesOutAtOnce();
    void emptyBatchIsIgnored();
    void closeBatchesAreMergedInOrder();
    void flushPassesOnWhatIsKept();
    void batchAfterAQuietSpellGoesOutAtOnce();
    void logGetsEveryRowInFewInsertions();
};

void tst_EventCoalescer::initTestCase()
{
    qRegisterMetaType<ServerEventList>();
}

void tst_EventCoalescer::firstBatchGoesOutAtOnce()
{
    EventCoalescer coalescer(nullptr, 10000);
    QSignalSpy ready(&coalescer, &EventCoalescer::ready);
    coalescer.add(messages(0, 3));
    QCOMPARE(ready.count(), 1);
    QCOMPARE(texts(eventsOf(ready, 0)), numbered(0, 3));
    QCOMPARE(coalescer.pendingCount(), 0);
}

void tst_EventCoalescer::emptyBatchIsIgnored()
{
    EventCoalescer coalescer(nullptr, 10000);
    QSignalSpy ready(&coalescer, &EventCoalescer::ready);
    coalescer.add(ServerEventList());
    QCOMPARE(ready.count(), 0);
    // An empty batch did not use up the interval: the next one still goes out at once.
    coalescer.add(messages(0, 1));
    QCOMPARE(ready.count(), 1);
}

void tst_EventCoalescer::closeBatchesAreMergedInOrder()
{
    EventCoalescer coalescer(nullptr, 200);
    QCOMPARE(coalescer.intervalMs(), 200);
    QSignalSpy ready(&coalescer, &EventCoalescer::ready);
    coalescer.add(messages(0, 2));
    coalescer.add(messages(2, 2));
    coalescer.add(messages(4, 3));
    QCOMPARE(ready.count(), 1);
    QCOMPARE(coalescer.pendingCount(), 5);
    // The kept batches go out together, once, when the interval ends.
    QVERIFY(ready.wait(5000));
    QCOMPARE(ready.count(), 2);
    QCOMPARE(texts(eventsOf(ready, 1)), numbered(2, 5));
    QCOMPARE(coalescer.pendingCount(), 0);
    QTest::qWait(400);
    QCOMPARE(ready.count(), 2);
}

void tst_EventCoalescer::flushPassesOnWhatIsKept()
{
    EventCoalescer coalescer(nullptr, 10000);
    QSignalSpy ready(&coalescer, &EventCoalescer::ready);
    coalescer.add(messages(0, 1));
    coalescer.add(messages(1, 2));
    QCOMPARE(ready.count(), 1);
    coalescer.flush();
    QCOMPARE(ready.count(), 2);
    QCOMPARE(texts(eventsOf(ready, 1)), numbered(1, 2));
    // Nothing kept: nothing to pass on.
    coalescer.flush();
    QCOMPARE(ready.count(), 2);
    // A flush starts a new interval: a batch right after it is kept.
    coalescer.add(messages(3, 1));
    QCOMPARE(ready.count(), 2);
    QCOMPARE(coalescer.pendingCount(), 1);
}

void tst_EventCoalescer::batchAfterAQuietSpellGoesOutAtOnce()
{
    EventCoalescer coalescer(nullptr, 50);
    QSignalSpy ready(&coalescer, &EventCoalescer::ready);
    coalescer.add(messages(0, 1));
    QCOMPARE(ready.count(), 1);
    QTest::qWait(150); // longer than the interval: nothing is kept, so nothing waits
    coalescer.add(messages(1, 1));
    QCOMPARE(ready.count(), 2);
    QCOMPARE(texts(eventsOf(ready, 1)), numbered(1, 1));
}

void tst_EventCoalescer::logGetsEveryRowInFewInsertions()
{
    // 20 batches of 100 in one interval: the activity log gets all 2000 rows, in order, in two
    // insertions (the first batch at once, the other 19 together).
    ActivityLogModel log;
    QAbstractItemModelTester tester(&log);
    EventCoalescer coalescer(nullptr, 10000);
    connect(&coalescer, &EventCoalescer::ready, &log, &ActivityLogModel::appendEvents);
    QSignalSpy inserted(&log, &QAbstractItemModel::rowsInserted);
    for (int batch = 0; batch < 20; ++batch)
        coalescer.add(messages(batch * 100, 100));
    QCOMPARE(log.rowCount(), 100);
    coalescer.flush();
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), 100);
    QCOMPARE(inserted.at(1).at(2).toInt(), 1999);
    QCOMPARE(log.rowCount(), 2000);
    for (int row = 0; row < 2000; ++row)
        QCOMPARE(log.eventAt(row).as<ServerEvent::Message>()->text, QStringLiteral("#%1").arg(row));
}

QTEST_MAIN(tst_EventCoalescer)
#include "tst_eventcoalescer.moc"
