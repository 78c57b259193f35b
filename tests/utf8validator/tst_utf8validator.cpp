// Utf8Validator: RFC 3629's boundaries (shortest forms, surrogates, U+10FFFF), characters cut
// between feeds at every position, the eight-byte ASCII fast path at every offset, the first
// false exactly at the bad byte, and random bytes checked against Qt's own decoder.
#include "protocol/utf8validator.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

// The outcome of a feeding: the index of the byte whose feed() call first returned false
// (-1: none did), and complete() at the end.
struct Verdict
{
    qsizetype firstFalseAt = -1;
    bool complete = false;
    bool consistent = true; // false after false stayed false, and failed() agreed
};

// bytes fed in the pieces that cuts (ascending split positions) make, with the byte that made
// the first false feed() found by the piece it was in (exact when pieces are single bytes).
Verdict feedInPieces(const QByteArray &bytes, const QList<qsizetype> &cuts)
{
    Utf8Validator validator;
    Verdict verdict;
    qsizetype from = 0;
    QList<qsizetype> ends = cuts;
    ends.append(bytes.size());
    for (const qsizetype to : ends) {
        const bool ok = validator.feed(bytes.constData() + from, to - from);
        if (!ok && verdict.firstFalseAt < 0)
            verdict.firstFalseAt = from;
        if (verdict.firstFalseAt >= 0 && ok)
            verdict.consistent = false;
        from = to;
    }
    verdict.complete = validator.complete();
    if (validator.failed() != (verdict.firstFalseAt >= 0))
        verdict.consistent = false;
    return verdict;
}

// RFC 3629 by its table (section 4), written as plainly as possible: the reference for the
// random rows. The index of the first byte that cannot continue valid UTF-8, size when the
// bytes end inside a character (size + 1 means valid and complete).
qsizetype referenceBadAt(const QByteArray &bytes)
{
    const auto *b = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned c = b[i];
        int need = 0;
        unsigned low = 0x80, high = 0xBF;
        if (c < 0x80)
            need = 0;
        else if (c >= 0xC2 && c <= 0xDF)
            need = 1;
        else if (c == 0xE0)
            need = 2, low = 0xA0;
        else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF)
            need = 2;
        else if (c == 0xED)
            need = 2, high = 0x9F;
        else if (c == 0xF0)
            need = 3, low = 0x90;
        else if (c >= 0xF1 && c <= 0xF3)
            need = 3;
        else if (c == 0xF4)
            need = 3, high = 0x8F;
        else
            return i;
        ++i;
        for (int k = 0; k < need; ++k, ++i) {
            if (i == n)
                return n;
            if (b[i] < low || b[i] > high)
                return i;
            low = 0x80;
            high = 0xBF;
        }
    }
    return n + 1;
}

} // namespace

class TestUtf8Validator : public QObject
{
    Q_OBJECT

private slots:
    // Every row fed whole, one byte at a time and split in two at every position: the same
    // verdict, and the first false feed() is the one holding the bad byte.
    void verdict_data();
    void verdict();
    // Random byte strings (seeded): the validator agrees with RFC 3629's table and with Qt's
    // decoder (a round trip through QString), where Qt follows RFC 3629.
    void randomBytes();
    // reset() forgets a failure and a character cut in half.
    void resetForgets();
};

void TestUtf8Validator::verdict_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("badAt"); // index of the bad byte; -1: none
    QTest::addColumn<bool>("complete"); // with no bad byte: ends between characters

    const auto valid = [](const char *name, const QByteArray &bytes) {
        QTest::newRow(name) << bytes << -1 << true;
    };
    valid("empty", QByteArray());
    valid("ascii", "Hello, world!"_ba);
    valid("nul and U+007F", QByteArray("a\0b\x7f", 4));
    valid("U+0080", "\xC2\x80"_ba);
    valid("U+00E9 e acute", "caf\xC3\xA9"_ba);
    valid("U+07FF", "\xDF\xBF"_ba);
    valid("U+0800", "\xE0\xA0\x80"_ba);
    valid("U+20AC euro", "\xE2\x82\xAC"_ba);
    valid("U+D7FF", "\xED\x9F\xBF"_ba);
    valid("U+E000", "\xEE\x80\x80"_ba);
    valid("U+FEFF byte order mark", "\xEF\xBB\xBFx"_ba);
    valid("U+FFFD replacement", "\xEF\xBF\xBD"_ba);
    valid("U+FFFE noncharacter", "\xEF\xBF\xBE"_ba);
    valid("U+FFFF noncharacter", "\xEF\xBF\xBF"_ba);
    valid("U+FDD0 noncharacter", "\xEF\xB7\x90"_ba);
    valid("U+10000", "\xF0\x90\x80\x80"_ba);
    valid("U+1F600 emoji", "\xF0\x9F\x98\x80"_ba);
    valid("U+10FFFF", "\xF4\x8F\xBF\xBF"_ba);
    valid("mixed", "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80z"_ba);

    const auto invalid = [](const char *name, const QByteArray &bytes, int badAt) {
        QTest::newRow(name) << bytes << badAt << false;
    };
    invalid("overlong C0 80", "\xC0\x80"_ba, 0);
    invalid("overlong C1 BF", "\xC1\xBF"_ba, 0);
    invalid("overlong E0 80 80", "\xE0\x80\x80"_ba, 1);
    invalid("overlong E0 9F BF", "\xE0\x9F\xBF"_ba, 1);
    invalid("overlong F0 80 80 80", "\xF0\x80\x80\x80"_ba, 1);
    invalid("overlong F0 8F BF BF", "\xF0\x8F\xBF\xBF"_ba, 1);
    invalid("surrogate ED A0 80", "\xED\xA0\x80"_ba, 1);
    invalid("surrogate ED BF BF", "\xED\xBF\xBF"_ba, 1);
    invalid("surrogate pair", "\xED\xA0\xBD\xED\xB8\x80"_ba, 1);
    invalid("past U+10FFFF F4 90 80 80", "\xF4\x90\x80\x80"_ba, 1);
    for (int lead = 0xF5; lead <= 0xFF; ++lead) {
        const QByteArray bytes = "ab"_ba + char(lead) + "\x80\x80\x80"_ba;
        QTest::addRow("lead %X", lead) << bytes << 2 << false;
    }
    invalid("lone continuation 80", "a\x80"_ba, 1);
    invalid("lone continuation BF", "\xBF"_ba, 0);
    invalid("one continuation too many", "\xC3\xA9\xA9"_ba, 2);
    invalid("2-byte cut by ASCII", "\xC3\x41"_ba, 1);
    invalid("3-byte cut by ASCII", "\xE2\x82\x41"_ba, 2);
    invalid("4-byte cut by a lead", "\xF0\x9F\x98\xC3\xA9"_ba, 3);
    invalid("bad after valid", "\xE2\x82\xAC\xFF"_ba, 3);

    const auto truncated = [](const char *name, const QByteArray &bytes) {
        QTest::newRow(name) << bytes << -1 << false;
    };
    truncated("truncated C3", "caf\xC3"_ba);
    truncated("truncated E2", "\xE2"_ba);
    truncated("truncated E2 82", "\xE2\x82"_ba);
    truncated("truncated F0 9F 98", "\xF0\x9F\x98"_ba);
    truncated("truncated F4 8F", "\xF4\x8F"_ba);

    // The fast path reads eight ASCII bytes at a time: a character at every offset of runs
    // around one, two and three words.
    const QByteArray characters[] = {"\xC3\xA9"_ba, "\xE2\x82\xAC"_ba, "\xF0\x9F\x98\x80"_ba};
    for (const int run : {7, 8, 9, 17}) {
        for (const QByteArray &character : characters) {
            for (int at = 0; at <= run; ++at) {
                QByteArray bytes(run, 'x');
                bytes.insert(at, character);
                QTest::addRow("run %d, %d-byte char at %d", run, int(character.size()), at)
                    << bytes << -1 << true;
            }
        }
    }
    // And a bad byte after a long ASCII run, at every offset of the first two words and more.
    for (int at = 0; at <= 16; ++at) {
        QByteArray bytes(24, 'y');
        bytes[at] = char(0xFF);
        QTest::addRow("0xFF at %d of ASCII", at) << bytes << at << false;
        QByteArray cut(24, 'y');
        cut[at] = char(0xC3); // a lead whose continuation is ASCII
        QTest::addRow("C3 then ASCII at %d", at) << cut << at + 1 << false;
        QByteArray surrogate(24, 'y');
        surrogate.replace(at, 3, "\xED\xA0\x80"_ba);
        QTest::addRow("surrogate at %d of ASCII", at) << surrogate << at + 1 << false;
    }
}

void TestUtf8Validator::verdict()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, badAt);
    QFETCH(bool, complete);

    // Whole.
    Utf8Validator whole;
    QCOMPARE(whole.feed(bytes.constData(), bytes.size()), badAt < 0);
    QCOMPARE(whole.complete(), badAt < 0 && complete);
    QCOMPARE(whole.failed(), badAt >= 0);
    // Once false, false on every call, even for good bytes.
    if (badAt >= 0)
        QVERIFY(!whole.feed("a", 1));

    // One byte at a time: the call with the bad byte is the first false one.
    QList<qsizetype> everyByte;
    for (qsizetype i = 1; i < bytes.size(); ++i)
        everyByte.append(i);
    const Verdict single = feedInPieces(bytes, everyByte);
    QVERIFY(single.consistent);
    QCOMPARE(single.firstFalseAt, qsizetype(badAt));
    QCOMPARE(single.complete, badAt < 0 && complete);

    // Split in two at every position: the first feed false exactly when it holds the bad byte.
    for (qsizetype cut = 0; cut <= bytes.size(); ++cut) {
        const Verdict two = feedInPieces(bytes, {cut});
        QVERIFY2(two.consistent, qPrintable(u"cut at %1"_s.arg(cut)));
        const qsizetype expected = badAt < 0 ? -1 : badAt < cut ? 0 : cut;
        QVERIFY2(two.firstFalseAt == expected, qPrintable(u"cut at %1"_s.arg(cut)));
        QVERIFY2(two.complete == (badAt < 0 && complete), qPrintable(u"cut at %1"_s.arg(cut)));
    }
}

void TestUtf8Validator::randomBytes()
{
    // Bytes drawn mostly from around the boundaries, so that most strings get past their
    // first byte: ASCII, every continuation range edge, every interesting lead.
    static const unsigned char pool[]
        = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2,
           0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF3, 0xF4, 0xF5, 0xFF};
    // Code points at the edges of each encoded length, and of the surrogates.
    static const char32_t edges[] = {0x0,    0x7F,   0x80,   0x7FF,  0x800,   0xD7FF,
                                     0xE000, 0xFFFD, 0xFFFE, 0xFFFF, 0x10000, 0x10FFFF};
    QRandomGenerator random(15);
    int validCount = 0;
    for (int round = 0; round < 5000; ++round) {
        // Mostly whole characters, now and then a byte from the pool: about half the strings
        // are valid, the rest break somewhere in the middle.
        QByteArray bytes;
        const int pieces = int(random.bounded(1, 9));
        for (int i = 0; i < pieces; ++i) {
            if (random.bounded(8) == 0) {
                bytes.append(char(pool[random.bounded(int(sizeof pool))]));
                continue;
            }
            char32_t c = random.bounded(2) ? edges[random.bounded(int(sizeof edges / 4))]
                                           : char32_t(random.bounded(0x110000));
            if (c >= 0xD800 && c <= 0xDFFF)
                c = u'?';
            bytes.append(QString::fromUcs4(&c, 1).toUtf8());
        }
        const int size = int(bytes.size());
        const qsizetype reference = referenceBadAt(bytes);
        const bool referenceValid = reference == size + 1;
        validCount += referenceValid;

        // Against the table, whole and byte by byte.
        Utf8Validator whole;
        const bool fed = whole.feed(bytes.constData(), size);
        QVERIFY2(fed == (reference >= size), bytes.toHex(' ').constData());
        QVERIFY2(whole.complete() == referenceValid, bytes.toHex(' ').constData());
        Utf8Validator single;
        qsizetype firstFalse = -1;
        for (qsizetype i = 0; i < size && firstFalse < 0; ++i) {
            if (!single.feed(bytes.constData() + i, 1))
                firstFalse = i;
        }
        QVERIFY2(firstFalse == (reference < size ? reference : -1), bytes.toHex(' ').constData());

        // Against Qt: its decoder replaces what is not UTF-8 (overlongs, surrogates, past
        // U+10FFFF, cut characters) with U+FFFD, so only valid bytes come back unchanged. Qt
        // agrees with RFC 3629 on every byte string here (noncharacters are valid to both).
        const bool qtRoundTrip = QString::fromUtf8(bytes).toUtf8() == bytes;
        QVERIFY2(qtRoundTrip == referenceValid, bytes.toHex(' ').constData());
        QVERIFY2(QUtf8StringView(bytes).isValidUtf8() == referenceValid,
                 bytes.toHex(' ').constData());
    }
    // Both verdicts a fair share, not a handful.
    QVERIFY2(validCount > 1000 && validCount < 4000, qPrintable(QString::number(validCount)));
}

void TestUtf8Validator::resetForgets()
{
    Utf8Validator validator;
    QVERIFY(validator.feed("\xE2\x82", 2));
    QVERIFY(!validator.complete());
    validator.reset();
    QVERIFY(validator.complete());
    QVERIFY(validator.feed("\xAC", 1) == false); // a continuation with nothing begun
    QVERIFY(validator.failed());
    validator.reset();
    QVERIFY(!validator.failed());
    QVERIFY(validator.feed("ok \xE2\x82\xAC", 6));
    QVERIFY(validator.complete());
}

QTEST_APPLESS_MAIN(TestUtf8Validator)
#include "tst_utf8validator.moc"
