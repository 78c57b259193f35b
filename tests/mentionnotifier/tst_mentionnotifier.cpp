// MentionNotifier: when a chat window notifies the desktop, and only once per message.
#include "client/chatlogmodel.h"
#include "ui/mentionnotifier.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_MentionNotifier final : public QObject
{
    Q_OBJECT

private slots:
    void decides_data();
    void decides();
    void oncePerMessage();
};

void tst_MentionNotifier::decides_data()
{
    using Kind = ChatLogEntry::Kind;
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("own");
    QTest::addColumn<bool>("earlier");
    QTest::addColumn<bool>("active");
    QTest::addColumn<bool>("notifies");
    QTest::newRow("mention, window inactive")
        << int(Kind::Message) << u"hi @alice"_s << false << false << false << true;
    QTest::newRow("mention in another case")
        << int(Kind::Message) << u"@ALICE look"_s << false << false << false << true;
    QTest::newRow("mention, window active")
        << int(Kind::Message) << u"hi @alice"_s << false << false << true << false;
    QTest::newRow("own message mentioning self")
        << int(Kind::Message) << u"@alice me"_s << true << false << false << false;
    QTest::newRow("mention from history")
        << int(Kind::Message) << u"hi @alice"_s << false << true << false << false;
    QTest::newRow("no mention") << int(Kind::Message) << u"hi all"_s << false << false << false
                                << false;
    QTest::newRow("name without @")
        << int(Kind::Message) << u"alice, hi"_s << false << false << false << false;
    QTest::newRow("someone else's mention")
        << int(Kind::Message) << u"@alicea hi"_s << false << false << false << false;
    QTest::newRow("direct, window inactive")
        << int(Kind::Direct) << u"psst"_s << false << false << false << true;
    QTest::newRow("direct, window active")
        << int(Kind::Direct) << u"psst"_s << false << false << true << false;
    QTest::newRow("own direct") << int(Kind::Direct) << u"psst"_s << true << false << false
                                << false;
    QTest::newRow("notice") << int(Kind::Notice) << u"@alice joined"_s << false << false << false
                            << false;
    QTest::newRow("error") << int(Kind::Error) << u"@alice"_s << false << false << false << false;
}

void tst_MentionNotifier::decides()
{
    QFETCH(int, kind);
    QFETCH(QString, text);
    QFETCH(bool, own);
    QFETCH(bool, earlier);
    QFETCH(bool, active);
    QFETCH(bool, notifies);
    ChatLogEntry entry;
    entry.kind = ChatLogEntry::Kind(kind);
    entry.seq = 1;
    entry.sender = u"bob"_s;
    entry.text = text;
    entry.own = own;
    entry.earlier = earlier;
    QCOMPARE(MentionNotifier::wants(entry, u"alice"_s, active), notifies);
    MentionNotifier notifier;
    QSignalSpy spy(&notifier, &MentionNotifier::notificationWanted);
    QCOMPARE(notifier.consider(u"lobby"_s, entry, u"alice"_s, active), notifies);
    QCOMPARE(spy.count(), notifies ? 1 : 0);
}

void tst_MentionNotifier::oncePerMessage()
{
    MentionNotifier notifier;
    QSignalSpy spy(&notifier, &MentionNotifier::notificationWanted);
    ChatLogEntry entry;
    entry.seq = 7;
    entry.sender = u"bob"_s;
    entry.text = u"@alice are you there?"_s;
    QVERIFY(notifier.consider(u"lobby"_s, entry, u"alice"_s, false));
    QVERIFY(!notifier.consider(u"lobby"_s, entry, u"alice"_s, false));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), u"bob in lobby"_s);
    QCOMPARE(spy.at(0).at(1).toString(), entry.text);
    entry.seq = 8;
    QVERIFY(notifier.consider(u"lobby"_s, entry, u"alice"_s, false));
    QCOMPARE(spy.count(), 2);
}

QTEST_MAIN(tst_MentionNotifier)
#include "tst_mentionnotifier.moc"
