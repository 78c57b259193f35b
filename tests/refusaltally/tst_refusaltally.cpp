#include "server/refusaltally_p.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_RefusalTally : public QObject
{
    Q_OBJECT

private slots:
    void firstIsToldThenOncePerMinute();
    void reasonsAndAddressesApart();
    void boundedTable();
};

void tst_RefusalTally::firstIsToldThenOncePerMinute()
{
    RefusalTally tally;
    const QHostAddress a(u"192.0.2.1"_s);
    const auto first = tally.note(a, RefusalTally::Reason::WrongCode, 0);
    QVERIFY(first);
    QCOMPARE(first->address, u"192.0.2.1"_s);
    QCOMPARE(first->reason, u"wrong_code"_s);
    QCOMPARE(first->count, 1);
    for (int i = 1; i <= 40; ++i)
        QVERIFY(!tally.note(a, RefusalTally::Reason::WrongCode, i * 1000));
    QVERIFY(tally.due(59999).isEmpty());
    const QList<ServerEvent::Refused> due = tally.due(60000);
    QCOMPARE(due.size(), 1);
    QCOMPARE(due.first().count, 40);
    // Told at 60 s: the next minute starts there, so one at 90 s waits for the next due().
    QVERIFY(!tally.note(a, RefusalTally::Reason::WrongCode, 90000));
    QCOMPARE(tally.due(120000).value(0).count, 1);
    QVERIFY(tally.due(180000).isEmpty()); // nothing left: forgotten
    QVERIFY(tally.note(a, RefusalTally::Reason::WrongCode, 180001)); // told at once again
    QCOMPARE(tally.count(RefusalTally::Reason::WrongCode), 43);
}

void tst_RefusalTally::reasonsAndAddressesApart()
{
    RefusalTally tally;
    QVERIFY(tally.note(QHostAddress(u"192.0.2.1"_s), RefusalTally::Reason::WrongCode, 0));
    QVERIFY(tally.note(QHostAddress(u"192.0.2.1"_s), RefusalTally::Reason::LockedOut, 0));
    QVERIFY(tally.note(QHostAddress(u"192.0.2.2"_s), RefusalTally::Reason::WrongCode, 0));
    QCOMPARE(tally.note(QHostAddress(u"192.0.2.3"_s), RefusalTally::Reason::Origin, 0)->reason,
             u"origin"_s);
    QCOMPARE(tally.note(QHostAddress(u"192.0.2.3"_s), RefusalTally::Reason::Limit, 0)->reason,
             u"limit"_s);
    QCOMPARE(tally.count(RefusalTally::Reason::WrongCode), 2);
    QCOMPARE(tally.count(RefusalTally::Reason::LockedOut), 1);
}

void tst_RefusalTally::boundedTable()
{
    RefusalTally tally(100);
    int told = 0;
    for (quint32 i = 0; i < 100000; ++i)
        told
            += tally.note(QHostAddress(0x0a000000 + i), RefusalTally::Reason::WrongCode, 1) ? 1 : 0;
    // 100 told one by one, then the others together: one event, then counted.
    QCOMPARE(told, 101);
    const QList<ServerEvent::Refused> due = tally.due(60001);
    QCOMPARE(due.size(), 1);
    QVERIFY(due.first().address.isEmpty());
    QCOMPARE(due.first().count, 100000 - 101);
    QCOMPARE(tally.count(RefusalTally::Reason::WrongCode), 100000);
}

QTEST_GUILESS_MAIN(tst_RefusalTally)
#include "tst_refusaltally.moc"
