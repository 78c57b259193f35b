// TypingRoster: who else is typing, per room, fading out when not refreshed.
#include "client/typingroster.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const MemberRef Bob {u"m2"_s, u"bob"_s};
const MemberRef Alice {u"m1"_s, u"Alice"_s};
const MemberRef Carol {u"m3"_s, u"carol"_s};

} // namespace

class tst_TypingRoster final : public QObject
{
    Q_OBJECT

private slots:
    void namesAreSortedPerRoom();
    void stopAndRemove();
    void renameFollows();
    void clearForgets();
    void unrefreshedTypersFadeOut();
};

void tst_TypingRoster::namesAreSortedPerRoom()
{
    TypingRoster roster;
    roster.set(u"lobby"_s, Carol, true);
    roster.set(u"lobby"_s, Bob, true);
    roster.set(u"lobby"_s, Alice, true);
    roster.set(u"side"_s, Bob, true);
    // Without regard to case.
    QCOMPARE(roster.names(u"lobby"_s), (QStringList {u"Alice"_s, u"bob"_s, u"carol"_s}));
    QCOMPARE(roster.names(u"side"_s), QStringList {u"bob"_s});
    QVERIFY(roster.names(u"nowhere"_s).isEmpty());
    // A refresh does not add the member twice.
    roster.set(u"side"_s, Bob, true);
    QCOMPARE(roster.names(u"side"_s), QStringList {u"bob"_s});
}

void tst_TypingRoster::stopAndRemove()
{
    TypingRoster roster;
    roster.set(u"lobby"_s, Bob, true);
    roster.set(u"lobby"_s, Alice, true);
    roster.set(u"lobby"_s, Bob, false);
    QCOMPARE(roster.names(u"lobby"_s), QStringList {u"Alice"_s});
    QVERIFY(roster.remove(u"lobby"_s, Alice.id));
    QVERIFY(!roster.remove(u"lobby"_s, Alice.id));
    QVERIFY(!roster.remove(u"nowhere"_s, Alice.id));
    QVERIFY(roster.names(u"lobby"_s).isEmpty());
}

void tst_TypingRoster::renameFollows()
{
    TypingRoster roster;
    roster.set(u"lobby"_s, Bob, true);
    roster.rename(u"lobby"_s, MemberRef {Bob.id, u"robert"_s});
    roster.rename(u"lobby"_s, MemberRef {u"m9"_s, u"ghost"_s}); // not typing: nothing happens
    roster.rename(u"side"_s, MemberRef {Bob.id, u"bobby"_s});
    QCOMPARE(roster.names(u"lobby"_s), QStringList {u"robert"_s});
    QVERIFY(roster.names(u"side"_s).isEmpty());
}

void tst_TypingRoster::clearForgets()
{
    TypingRoster roster;
    roster.set(u"lobby"_s, Bob, true);
    roster.set(u"side"_s, Bob, true);
    roster.clear(u"lobby"_s);
    QVERIFY(roster.names(u"lobby"_s).isEmpty());
    QCOMPARE(roster.names(u"side"_s), QStringList {u"bob"_s});
    roster.clearAll();
    QVERIFY(roster.names(u"side"_s).isEmpty());
}

void tst_TypingRoster::unrefreshedTypersFadeOut()
{
    TypingRoster roster;
    roster.set(u"lobby"_s, Alice, true); // the default expiry: stays
    roster.setExpiryMs(50);
    roster.set(u"lobby"_s, Bob, true);
    QSignalSpy expired(&roster, &TypingRoster::expired);
    QTRY_COMPARE_WITH_TIMEOUT(expired.count(), 1, 5000);
    QCOMPARE(expired.at(0).at(0).toString(), u"lobby"_s);
    QCOMPARE(roster.names(u"lobby"_s), QStringList {u"Alice"_s});
}

QTEST_GUILESS_MAIN(tst_TypingRoster)
#include "tst_typingroster.moc"
