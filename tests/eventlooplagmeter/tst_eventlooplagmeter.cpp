#include "console/eventlooplagmeter.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

class tst_EventLoopLagMeter : public QObject
{
    Q_OBJECT

private slots:
    void nothingBeforeTheFirstTick();
    void blockedLoopShowsAsLag();
    void stopStopsReporting();
};

void tst_EventLoopLagMeter::nothingBeforeTheFirstTick()
{
    EventLoopLagMeter meter;
    QCOMPARE(meter.p99Ms(), 0.0);
    QVERIFY(!meter.isActive());
}

void tst_EventLoopLagMeter::blockedLoopShowsAsLag()
{
    EventLoopLagMeter meter(nullptr, 1000, 50);
    QSignalSpy measured(&meter, &EventLoopLagMeter::measured);
    meter.start();
    QVERIFY(meter.isActive());
    QVERIFY(measured.wait(5000));
    // The event loop is blocked for 300 ms: the next tick is at least ~290 ms late, and the
    // window's p99 (out of at most 100 ticks, so its worst) says so.
    QThread::msleep(300);
    QTRY_VERIFY_WITH_TIMEOUT(!measured.isEmpty() && measured.last().at(0).toDouble() >= 250, 5000);
    QVERIFY(meter.p99Ms() >= 250);
}

void tst_EventLoopLagMeter::stopStopsReporting()
{
    EventLoopLagMeter meter(nullptr, 1000, 20);
    QSignalSpy measured(&meter, &EventLoopLagMeter::measured);
    meter.start();
    QVERIFY(measured.wait(5000));
    meter.stop();
    QVERIFY(!meter.isActive());
    measured.clear();
    QTest::qWait(200);
    QCOMPARE(measured.count(), 0);
}

QTEST_MAIN(tst_EventLoopLagMeter)
#include "tst_eventlooplagmeter.moc"
