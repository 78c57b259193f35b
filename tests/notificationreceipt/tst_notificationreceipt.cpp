#include "console/serversession.h"
#include "ui/notificationreceipt.h"

#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_NotificationReceipt : public QObject
{
    Q_OBJECT

private slots:
    void says_data();
    void says();
    void onlyWhatWasSent();
    void onePerStatusBar();
};

void tst_NotificationReceipt::says_data()
{
    QTest::addColumn<int>("recipients");
    QTest::addColumn<QString>("message");
    QTest::newRow("not counted") << -1 << u"Notification sent"_s;
    QTest::newRow("nobody")
        << 0 << u"Nobody received the notification: no member listens for notifications"_s;
    QTest::newRow("one") << 1 << u"Notification sent to 1 member"_s;
    QTest::newRow("three") << 3 << u"Notification sent to 3 members"_s;
    QTest::newRow("many") << 1200 << u"Notification sent to 1200 members"_s;
}

void tst_NotificationReceipt::says()
{
    QFETCH(int, recipients);
    QFETCH(QString, message);
    ServerSession session;
    QStatusBar bar;
    NotificationReceipt *receipt = NotificationReceipt::of(&session, &bar);
    QSignalSpy reports(receipt, &NotificationReceipt::report);
    receipt->expect(u"five minutes left"_s);
    // Nothing is said before the server's event.
    QCOMPARE(bar.currentMessage(), QString());
    emit session.eventsApplied(
        {ServerEvent(ServerEvent::Notification {u"five minutes left"_s, recipients})});
    QCOMPARE(reports.size(), 1);
    QCOMPARE(reports.at(0).at(0).toString(), message);
    QCOMPARE(bar.currentMessage(), message);
}

void tst_NotificationReceipt::onlyWhatWasSent()
{
    // A notification the host did not send from this window (a member's notify) says nothing;
    // two sent with the same text are two reports.
    ServerSession session;
    QStatusBar bar;
    NotificationReceipt *receipt = NotificationReceipt::of(&session, &bar);
    QSignalSpy reports(receipt, &NotificationReceipt::report);
    receipt->expect(u"a"_s);
    receipt->expect(u"a"_s);
    emit session.eventsApplied({ServerEvent(ServerEvent::Notification {u"from nina"_s, 2})});
    QCOMPARE(reports.size(), 0);
    emit session.eventsApplied({ServerEvent(ServerEvent::Notification {u"a"_s, 2}),
                                ServerEvent(ServerEvent::Notification {u"a"_s, 0})});
    QCOMPARE(reports.size(), 2);
    emit session.eventsApplied({ServerEvent(ServerEvent::Notification {u"a"_s, 2})});
    QCOMPARE(reports.size(), 2);
}

void tst_NotificationReceipt::onePerStatusBar()
{
    ServerSession session;
    QStatusBar bar;
    QCOMPARE(NotificationReceipt::of(&session, &bar), NotificationReceipt::of(&session, &bar));
}

QTEST_MAIN(tst_NotificationReceipt)
#include "tst_notificationreceipt.moc"
