#include "ui/updatethrottle.h"

#include <QElapsedTimer>
#include <QTest>

class tst_UpdateThrottle : public QObject
{
    Q_OBJECT

private slots:
    void burstRunsAtOnce();
    void pastTheBurstOneRunAtTheEnd();
    void cancelForgetsTheWaitingRun();
    void quietAgainRunsAtOnce();
};

void tst_UpdateThrottle::burstRunsAtOnce()
{
    int runs = 0;
    UpdateThrottle throttle(3, 10000, [&runs] { ++runs; });
    throttle.request();
    QCOMPARE(runs, 1);
    throttle.request();
    throttle.request();
    QCOMPARE(runs, 3);
    QVERIFY(!throttle.isPending());
}

void tst_UpdateThrottle::pastTheBurstOneRunAtTheEnd()
{
    int runs = 0;
    UpdateThrottle throttle(2, 200, [&runs] { ++runs; });
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < 10; ++i)
        throttle.request();
    // Two at once, the other eight merged into one run at the end of the interval.
    QCOMPARE(runs, 2);
    QVERIFY(throttle.isPending());
    QTRY_COMPARE_WITH_TIMEOUT(runs, 3, 5000);
    QVERIFY(clock.elapsed() >= 150);
    QVERIFY(!throttle.isPending());
    // A request right after that run waits for the end of the next interval: still a flood.
    throttle.request();
    QCOMPARE(runs, 3);
    QVERIFY(throttle.isPending());
    QTRY_COMPARE_WITH_TIMEOUT(runs, 4, 5000);
    QTest::qWait(300);
    QCOMPARE(runs, 4);
}

void tst_UpdateThrottle::cancelForgetsTheWaitingRun()
{
    int runs = 0;
    UpdateThrottle throttle(1, 100, [&runs] { ++runs; });
    throttle.request();
    throttle.request();
    QCOMPARE(runs, 1);
    QVERIFY(throttle.isPending());
    throttle.cancel();
    QVERIFY(!throttle.isPending());
    QTest::qWait(250);
    QCOMPARE(runs, 1);
}

void tst_UpdateThrottle::quietAgainRunsAtOnce()
{
    int runs = 0;
    UpdateThrottle throttle(1, 50, [&runs] { ++runs; });
    throttle.request();
    throttle.request();
    QTRY_COMPARE_WITH_TIMEOUT(runs, 2, 5000);
    QTest::qWait(150); // more than an interval with no request
    throttle.request();
    QCOMPARE(runs, 3);
}

QTEST_MAIN(tst_UpdateThrottle)
#include "tst_updatethrottle.moc"
