// ChatLogRenderer: one log entry becomes one block of text, never HTML.
#include "client/chatlogmodel.h"
#include "ui/chatlogrenderer.h"

#include <QApplication>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace {

ChatLogEntry entry(ChatLogEntry::Kind kind, const QString &sender, const QString &text)
{
    ChatLogEntry e;
    e.kind = kind;
    e.time = u"09:15"_s;
    e.sender = sender;
    e.senderKey = sender;
    e.text = text;
    return e;
}

} // namespace

class tst_ChatLogRenderer final : public QObject
{
    Q_OBJECT

private slots:
    void oneBlockPerEntry_data();
    void oneBlockPerEntry();
    void htmlStaysText();
    void tintsOwnDirectAndErrorLines();
    void clearEmpties();
    void nameColorIsStable();
};

void tst_ChatLogRenderer::oneBlockPerEntry_data()
{
    using Kind = ChatLogEntry::Kind;
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("sender");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");
    QTest::newRow("message") << int(Kind::Message) << u"alice"_s << u"hello"_s
                             << u"09:15   alice  hello"_s;
    QTest::newRow("multi-line message")
        << int(Kind::Message) << u"alice"_s << u"one\ntwo\r\nthree"_s
        << u"09:15   alice  one\ntwo\nthree"_s;
    QTest::newRow("direct") << int(Kind::Direct) << u"bob → you (direct)"_s << u"psst"_s
                            << u"09:15   bob → you (direct)  psst"_s;
    QTest::newRow("notice") << int(Kind::Notice) << QString() << u"bob joined"_s
                            << u"09:15   bob joined"_s;
    QTest::newRow("status") << int(Kind::Status) << QString() << u"Reconnected"_s
                            << u"09:15   Reconnected"_s;
    QTest::newRow("error") << int(Kind::Error) << QString() << u"no"_s << u"09:15   \u26A0 no"_s;
    QTest::newRow("divider") << int(Kind::Divider) << QString() << u"Earlier messages"_s
                             << u"──────  Earlier messages  ──────"_s;
}

void tst_ChatLogRenderer::oneBlockPerEntry()
{
    QFETCH(int, kind);
    QFETCH(QString, sender);
    QFETCH(QString, text);
    QFETCH(QString, shown);

    QTextDocument document;
    ChatLogRenderer renderer(&document, QApplication::palette(), QApplication::font());
    renderer.append(entry(ChatLogEntry::Kind(kind), sender, text));
    QCOMPARE(document.blockCount(), 1);
    QCOMPARE(document.toPlainText(), shown);
    renderer.append(entry(ChatLogEntry::Kind(kind), sender, text));
    QCOMPARE(document.blockCount(), 2);
    QCOMPARE(document.toPlainText(), shown + u'\n' + shown);
}

void tst_ChatLogRenderer::htmlStaysText()
{
    QTextDocument document;
    ChatLogRenderer renderer(&document, QApplication::palette(), QApplication::font());
    const QString html = u"<b>x</b> <img src=x> &amp;"_s;
    renderer.append(entry(ChatLogEntry::Kind::Message, u"<i>carol</i>"_s, html));
    QCOMPARE(document.toPlainText(), u"09:15   <i>carol</i>  "_s + html);
    QVERIFY(!document.toHtml().contains("<img"_L1));
}

void tst_ChatLogRenderer::tintsOwnDirectAndErrorLines()
{
    using Kind = ChatLogEntry::Kind;
    QTextDocument document;
    ChatLogRenderer renderer(&document, QApplication::palette(), QApplication::font());
    ChatLogEntry own = entry(Kind::Message, u"me"_s, u"mine"_s);
    own.own = true;
    renderer.append(entry(Kind::Message, u"you"_s, u"yours"_s));
    renderer.append(own);
    renderer.append(entry(Kind::Direct, u"→ x (direct)"_s, u"d"_s));
    renderer.append(entry(Kind::Error, QString(), u"e"_s));
    renderer.append(entry(Kind::Divider, QString(), u"-"_s));
    QTextBlock block = document.begin();
    QCOMPARE(block.blockFormat().background().style(), Qt::NoBrush);
    block = block.next();
    QVERIFY(block.blockFormat().background().style() != Qt::NoBrush);
    block = block.next();
    QVERIFY(block.blockFormat().background().style() != Qt::NoBrush);
    block = block.next();
    QVERIFY(block.blockFormat().background().style() != Qt::NoBrush);
    block = block.next();
    QCOMPARE(block.blockFormat().alignment() & Qt::AlignHorizontal_Mask, Qt::AlignHCenter);
}

void tst_ChatLogRenderer::clearEmpties()
{
    QTextDocument document;
    ChatLogRenderer renderer(&document, QApplication::palette(), QApplication::font());
    renderer.append(entry(ChatLogEntry::Kind::Notice, QString(), u"a"_s));
    renderer.clear();
    QVERIFY(document.isEmpty());
    // The first entry after a clear takes the empty first block, not a new one.
    renderer.append(entry(ChatLogEntry::Kind::Notice, QString(), u"b"_s));
    QCOMPARE(document.blockCount(), 1);
    QCOMPARE(document.toPlainText(), u"09:15   b"_s);
}

void tst_ChatLogRenderer::nameColorIsStable()
{
    const QPalette palette = QApplication::palette();
    QCOMPARE(ChatLogRenderer::nameColor(u"alice"_s, palette),
             ChatLogRenderer::nameColor(u"alice"_s, palette));
    QVERIFY(ChatLogRenderer::nameColor(u"alice"_s, palette).isValid());
}

QTEST_MAIN(tst_ChatLogRenderer)
#include "tst_chatlogrenderer.moc"
