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

// The anchors of a document as "text=href" pairs, in order.
QStringList anchors(const QTextDocument &document)
{
    QStringList found;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.charFormat().isAnchor())
                found.append(fragment.text() + u'=' + fragment.charFormat().anchorHref());
        }
    }
    return found;
}

// The text of the fragments that carry the host's badge.
QString badgeText(const QTextDocument &document)
{
    QString text;
    for (auto it = document.begin().begin(); !it.atEnd(); ++it) {
        if (it.fragment().charFormat().property(ChatLogRenderer::HostBadgeProperty).toBool())
            text += it.fragment().text();
    }
    return text;
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
    void linksAreAnchors_data();
    void linksAreAnchors();
    void hostBadgeKeysOnTheId_data();
    void hostBadgeKeysOnTheId();
    void ownMentionTintsTheLine_data();
    void ownMentionTintsTheLine();
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

void tst_ChatLogRenderer::linksAreAnchors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("anchors");
    QTest::addColumn<QString>("html");
    QTest::newRow("https")
        << u"see https://example.com/a?b=1&c=2."_s
        << QStringList {u"https://example.com/a?b=1&c=2=https://example.com/a?b=1&c=2"_s}
        << u"href=\"https://example.com/a?b=1&amp;c=2\""_s;
    QTest::newRow("http and https")
        << u"http://a.org or https://b.org"_s
        << QStringList {u"http://a.org=http://a.org"_s, u"https://b.org=https://b.org"_s}
        << u"href=\"http://a.org\""_s;
    QTest::newRow("javascript:") << u"javascript:alert(1)"_s << QStringList() << QString();
    QTest::newRow("data:") << u"data:text/html,<script>alert(1)</script>"_s << QStringList()
                           << u"&lt;script&gt;"_s;
    QTest::newRow("file:") << u"file:///etc/passwd"_s << QStringList() << QString();
    QTest::newRow("a typed <a href>")
        << u"<a href=\"javascript:alert(1)\">x</a>"_s << QStringList() << u"&lt;a href="_s;
    QTest::newRow("a quote cannot leave the href")
        << u"http://x.org/\"onclick=\"alert(1)"_s << QStringList {u"http://x.org/=http://x.org/"_s}
        << u"href=\"http://x.org/\""_s;
}

void tst_ChatLogRenderer::linksAreAnchors()
{
    QFETCH(QString, text);
    QFETCH(QStringList, anchors);
    QFETCH(QString, html);
    QTextDocument document;
    ChatLogRenderer renderer(&document, QApplication::palette(), QApplication::font());
    renderer.append(entry(ChatLogEntry::Kind::Message, u"bob"_s, text));
    // The text reads as typed, whatever became a link.
    QCOMPARE(document.toPlainText(), u"09:15   bob  "_s + text);
    QCOMPARE(::anchors(document), anchors);
    const QString rendered = document.toHtml();
    if (!html.isEmpty())
        QVERIFY2(rendered.contains(html), qPrintable(rendered));
    QVERIFY(!rendered.contains("href=\"javascript"_L1));
    QVERIFY(!rendered.contains("<script"_L1));
}

void tst_ChatLogRenderer::hostBadgeKeysOnTheId_data()
{
    QTest::addColumn<QString>("sender");
    QTest::addColumn<bool>("fromHost");
    QTest::addColumn<QString>("shown");
    QTest::newRow("the host")
        << u"host"_s << true
        << u"09:15    host  host  hi"_s; // toPlainText() gives the no-break spaces as spaces
    QTest::newRow("a member named host") << u"host"_s << false << u"09:15   host  hi"_s;
    QTest::newRow("a member named like a badge")
        << u"host host"_s << false << u"09:15   host host  hi"_s;
}

void tst_ChatLogRenderer::hostBadgeKeysOnTheId()
{
    QFETCH(QString, sender);
    QFETCH(bool, fromHost);
    QFETCH(QString, shown);
    QTextDocument document;
    ChatLogRenderer renderer(&document, QApplication::palette(), QApplication::font());
    ChatLogEntry e = entry(ChatLogEntry::Kind::Message, sender, u"hi"_s);
    e.fromHost = fromHost;
    renderer.append(e);
    QCOMPARE(document.toPlainText(), shown);
    QCOMPARE(badgeText(document), fromHost ? u"\u00A0host\u00A0"_s : QString());
}

void tst_ChatLogRenderer::ownMentionTintsTheLine_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("own");
    QTest::addColumn<bool>("tinted");
    QTest::newRow("@reader") << u"look @Alice"_s << false << true;
    QTest::newRow("@someone else") << u"look @bob"_s << false << false;
    QTest::newRow("the name without @") << u"alice look"_s << false << false;
}

void tst_ChatLogRenderer::ownMentionTintsTheLine()
{
    QFETCH(QString, text);
    QFETCH(bool, own);
    QFETCH(bool, tinted);
    QTextDocument document;
    ChatLogRenderer renderer(&document, QApplication::palette(), QApplication::font());
    renderer.setReader(u"alice"_s);
    ChatLogEntry e = entry(ChatLogEntry::Kind::Message, u"bob"_s, text);
    e.own = own;
    renderer.append(e);
    QCOMPARE(document.begin().blockFormat().background().style() != Qt::NoBrush, tinted);
}

QTEST_MAIN(tst_ChatLogRenderer)
#include "tst_chatlogrenderer.moc"
