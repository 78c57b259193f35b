// ClientInput: what a client window's user types, checked and converted, without a widget.

#include "console/clientinput.h"

#include <QTest>

using namespace Qt::StringLiterals;

using Headers = QList<QPair<QByteArray, QByteArray>>;

class TestClientInput : public QObject
{
    Q_OBJECT

private slots:
    void jsonError_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("object") << "{\"a\": 1}"_ba << QString();
        QTest::newRow("array") << "[1, 2]"_ba << QString();
        QTest::newRow("missing comma, line 2")
            << "{\n  \"a\": 1\n  \"b\": 2\n}"_ba << u"line 3, column 3: missing comma"_s;
        QTest::newRow("unterminated")
            << "{\"a\": [1]"_ba << u"line 1, column 9: unterminated object (missing '}')"_s;
        QTest::newRow("missing colon") << "{\"a\" 1}"_ba << u"line 1, column 6: missing colon"_s;
        QTest::newRow("columns count characters")
            << "[\"é\",\n \"ü\" 1]"_ba << u"line 2, column 6: missing comma"_s;
    }
    // Valid JSON has no error; an error tells its line and column (characters, from 1).
    void jsonError()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        QCOMPARE(ClientInput::jsonError(json), error);
    }

    // Pretty-printing indents valid JSON and leaves anything else as it was.
    void prettyJson()
    {
        QCOMPARE(ClientInput::prettyJson("{\"a\":[1,2]}"_ba),
                 "{\n    \"a\": [\n        1,\n        2\n    ]\n}"_ba);
        QCOMPARE(ClientInput::prettyJson("{oops"_ba), "{oops"_ba);
    }

    void parseHex_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("error");
        QTest::newRow("plain") << u"deadBEEF"_s << "\xde\xad\xbe\xef"_ba << QString();
        QTest::newRow("spaced") << u"de ad\n be\tef "_s << "\xde\xad\xbe\xef"_ba << QString();
        QTest::newRow("empty") << u""_s << QByteArray() << QString();
        QTest::newRow("odd") << u"abc"_s << QByteArray()
                             << u"An odd number of hex digits (3): each byte takes two"_s;
        QTest::newRow("not hex") << u"00 0g"_s << QByteArray()
                                 << u"Not a hex digit: 'g' (character 5)"_s;
    }
    // Hex digits become bytes; odd or non-hex input is refused with the reason.
    void parseHex()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, error);
        QByteArray parsed;
        QCOMPARE(ClientInput::parseHex(text, &parsed), error);
        QCOMPARE(parsed, bytes);
    }

    void parseHeaders_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Headers>("headers");
        QTest::addColumn<QString>("error");
        QTest::newRow("two") << u"Origin: http://x\n\nX-Token:  a:b \n"_s
                             << Headers {{"Origin"_ba, "http://x"_ba}, {"X-Token"_ba, "a:b"_ba}}
                             << QString();
        QTest::newRow("no colon") << u"A: 1\nBroken line"_s << Headers()
                                  << u"Line 2: no ':' (write Name: value)"_s;
        QTest::newRow("no name") << u": 1"_s << Headers()
                                 << u"Line 1: the header's name is missing or has a space"_s;
    }
    // "Name: value" lines become headers; a line that is not one is named.
    void parseHeaders()
    {
        QFETCH(QString, text);
        QFETCH(Headers, headers);
        QFETCH(QString, error);
        Headers parsed;
        QCOMPARE(ClientInput::parseHeaders(text, &parsed), error);
        QCOMPARE(parsed, headers);
    }

    // Subprotocols are comma-separated, trimmed, empty ones dropped.
    void parseSubprotocols()
    {
        QCOMPARE(ClientInput::parseSubprotocols(u" chat, superchat ,,"_s),
                 QStringList({u"chat"_s, u"superchat"_s}));
        QVERIFY(ClientInput::parseSubprotocols(u"  "_s).isEmpty());
    }

    void parseCloseCode_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("code"); // 0: refused
        QTest::newRow("1000 with words") << u"1000 Normal closure"_s << 1000;
        QTest::newRow("4999") << u"4999"_s << 4999;
        QTest::newRow("3000") << u" 3000 registered"_s << 3000;
        QTest::newRow("999") << u"999"_s << 0;
        QTest::newRow("5000") << u"5000"_s << 0;
        QTest::newRow("1004") << u"1004"_s << 0;
        QTest::newRow("1005") << u"1005"_s << 0;
        QTest::newRow("1006") << u"1006"_s << 0;
        QTest::newRow("1015") << u"1015"_s << 0;
        QTest::newRow("words only") << u"Normal closure"_s << 0;
    }
    // Codes 1000-4999 may be sent but for 1004-1006 and 1015; a refusal says why.
    void parseCloseCode()
    {
        QFETCH(QString, text);
        QFETCH(int, code);
        int parsed = 0;
        const QString error = ClientInput::parseCloseCode(text, &parsed);
        QCOMPARE(error.isEmpty(), code != 0);
        QCOMPARE(parsed, code);
    }
};

QTEST_GUILESS_MAIN(TestClientInput)
#include "tst_clientinput.moc"
