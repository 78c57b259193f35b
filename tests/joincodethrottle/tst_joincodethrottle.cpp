#include "server/joincodethrottle_p.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_JoinCodeThrottle : public QObject
{
    Q_OBJECT

private slots:
    void lockout_data();
    void lockout();
    void lockoutEndsAndIsNotExtended();
    void addressesCountApart_data();
    void addressesCountApart();
    void tableStaysBounded();
};

namespace {

const JoinCodeThrottle::Limits Standard {5, 60000, 60000, 4096};

} // namespace

void tst_JoinCodeThrottle::lockout_data()
{
    QTest::addColumn<QList<qint64>>("wrongAt"); // ms of each wrong code
    QTest::addColumn<int>("lockedBy"); // the index of the one that locks out; -1: none does
    QTest::newRow("5 at once") << QList<qint64> {0, 0, 0, 0, 0} << 4;
    QTest::newRow("4 only") << QList<qint64> {0, 1, 2, 3} << -1;
    QTest::newRow("5 within the minute") << QList<qint64> {0, 15000, 30000, 45000, 59999} << 4;
    QTest::newRow("5 over more than a minute")
        << QList<qint64> {0, 15000, 30000, 45000, 60000} << -1;
    QTest::newRow("the first falls out, the 6th locks")
        << QList<qint64> {0, 15000, 30000, 45000, 60000, 61000} << 5;
}

void tst_JoinCodeThrottle::lockout()
{
    QFETCH(QList<qint64>, wrongAt);
    QFETCH(int, lockedBy);
    JoinCodeThrottle throttle(Standard);
    const QHostAddress address(u"192.0.2.7"_s);
    for (int i = 0; i < wrongAt.size(); ++i) {
        QCOMPARE(throttle.lockedOutFor(address, wrongAt[i]), 0);
        QCOMPARE(throttle.recordWrong(address, wrongAt[i]), i == lockedBy);
    }
    const qint64 last = wrongAt.last();
    QCOMPARE(throttle.lockedOutFor(address, last), lockedBy >= 0 ? 60000 : 0);
    QCOMPARE(throttle.lockedOutCount(last), lockedBy >= 0 ? 1 : 0);
}

void tst_JoinCodeThrottle::lockoutEndsAndIsNotExtended()
{
    JoinCodeThrottle throttle(Standard);
    const QHostAddress address(u"192.0.2.7"_s);
    for (int i = 0; i < 5; ++i)
        throttle.recordWrong(address, 1000);
    QCOMPARE(throttle.lockedOutFor(address, 1000), 60000);
    // Wrong codes while locked out do not make it longer.
    QCOMPARE(throttle.recordWrong(address, 30000), false);
    QCOMPARE(throttle.lockedOutFor(address, 30000), 31000);
    QCOMPARE(throttle.lockedOutFor(address, 60999), 1);
    QCOMPARE(throttle.lockedOutFor(address, 61000), 0);
    // A fresh start after it: four more are not enough.
    for (int i = 0; i < 4; ++i)
        QCOMPARE(throttle.recordWrong(address, 61000 + i), false);
    QCOMPARE(throttle.recordWrong(address, 61010), true);
}

void tst_JoinCodeThrottle::addressesCountApart_data()
{
    QTest::addColumn<QString>("guesser");
    QTest::addColumn<QString>("other");
    QTest::addColumn<bool>("sameCount"); // other is locked out with guesser
    QTest::newRow("two IPv4 addresses") << u"192.0.2.7"_s << u"192.0.2.8"_s << false;
    QTest::newRow("IPv4 and its mapped IPv6 form")
        << u"192.0.2.7"_s << u"::ffff:192.0.2.7"_s << true;
    QTest::newRow("IPv6, same /64") << u"2001:db8:1:2::1"_s << u"2001:db8:1:2:ffff::9"_s << true;
    QTest::newRow("IPv6, next /64") << u"2001:db8:1:2::1"_s << u"2001:db8:1:3::1"_s << false;
    QTest::newRow("loopback is not spared") << u"127.0.0.1"_s << u"127.0.0.1"_s << true;
}

void tst_JoinCodeThrottle::addressesCountApart()
{
    QFETCH(QString, guesser);
    QFETCH(QString, other);
    QFETCH(bool, sameCount);
    JoinCodeThrottle throttle(Standard);
    for (int i = 0; i < 5; ++i)
        throttle.recordWrong(QHostAddress(guesser), 0);
    QVERIFY(throttle.lockedOutFor(QHostAddress(guesser), 0) > 0);
    QCOMPARE(throttle.lockedOutFor(QHostAddress(other), 0) > 0, sameCount);
}

void tst_JoinCodeThrottle::tableStaysBounded()
{
    JoinCodeThrottle throttle(JoinCodeThrottle::Limits {5, 60000, 60000, 1000});
    const QHostAddress guesser(u"198.51.100.1"_s);
    for (int i = 0; i < 5; ++i)
        throttle.recordWrong(guesser, 0);
    // 100 000 distinct addresses, one wrong code each, within the same minute.
    for (quint32 i = 0; i < 100000; ++i) {
        throttle.recordWrong(QHostAddress(quint32(0x0a000000) + i), 1 + i / 10);
        QVERIFY(throttle.size() <= 1000);
    }
    QCOMPARE(throttle.size(), 1000);
    // The flood did not free the locked-out address: the others went first.
    QVERIFY(throttle.lockedOutFor(guesser, 10000) > 0);
    // Long after, a new address finds the table emptied of what expired.
    throttle.recordWrong(QHostAddress(u"203.0.113.5"_s), 10 * 60000);
    QCOMPARE(throttle.size(), 1);
}

QTEST_GUILESS_MAIN(tst_JoinCodeThrottle)
#include "tst_joincodethrottle.moc"
