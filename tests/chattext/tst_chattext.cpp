// ChatText: which runs of a message are http(s) links and @mentions; everything else is text.
#include "client/chattext.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

// The runs of text as one string: links <L:…>, mentions <M:…>, the reader's own <O:…>.
QString described(const QString &text, const QString &self)
{
    QString out;
    for (const ChatText::Span &span : ChatText::spans(text, self)) {
        const QString run = text.mid(span.start, span.length);
        switch (span.kind) {
        case ChatText::Span::Kind::Text:
            out += run;
            break;
        case ChatText::Span::Kind::Link:
            out += "<L:"_L1 + run + u'>';
            break;
        case ChatText::Span::Kind::Mention:
            out += "<M:"_L1 + run + u'>';
            break;
        case ChatText::Span::Kind::OwnMention:
            out += "<O:"_L1 + run + u'>';
            break;
        }
    }
    return out;
}

} // namespace

class tst_ChatText final : public QObject
{
    Q_OBJECT

private slots:
    void spans_data();
    void spans();
    void linkTargets_data();
    void linkTargets();
    void onlyWebUrlsOpen_data();
    void onlyWebUrlsOpen();
};

void tst_ChatText::spans_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("self");
    QTest::addColumn<QString>("runs");
    const QString none;
    QTest::newRow("plain") << u"hello there"_s << none << u"hello there"_s;
    QTest::newRow("https, sentence's full stop")
        << u"see https://example.com/a?b=1."_s << none << u"see <L:https://example.com/a?b=1>."_s;
    QTest::newRow("http alone") << u"http://x.org"_s << none << u"<L:http://x.org>"_s;
    QTest::newRow("upper-case scheme")
        << u"HTTPS://EXAMPLE.COM"_s << none << u"<L:HTTPS://EXAMPLE.COM>"_s;
    QTest::newRow("brackets of the URL and of the sentence")
        << u"(see https://en.wikipedia.org/wiki/Foo_(bar))"_s << none
        << u"(see <L:https://en.wikipedia.org/wiki/Foo_(bar)>)"_s;
    QTest::newRow("two links") << u"http://a.org, https://b.org!"_s << none
                               << u"<L:http://a.org>, <L:https://b.org>!"_s;
    QTest::newRow("javascript: stays text")
        << u"javascript:alert(1)"_s << none << u"javascript:alert(1)"_s;
    QTest::newRow("data: stays text") << u"data:text/html,<script>alert(1)</script>"_s << none
                                      << u"data:text/html,<script>alert(1)</script>"_s;
    QTest::newRow("file: stays text") << u"file:///etc/passwd"_s << none << u"file:///etc/passwd"_s;
    QTest::newRow("ftp: stays text") << u"ftp://x.org/f"_s << none << u"ftp://x.org/f"_s;
    QTest::newRow("a typed <a href=javascript:>")
        << u"<a href=\"javascript:alert(1)\">x</a>"_s << none
        << u"<a href=\"javascript:alert(1)\">x</a>"_s;
    QTest::newRow("a typed <a href=http:>: only the URL is a link")
        << u"<a href=\"http://evil.example/\">x</a>"_s << none
        << u"<a href=\"<L:http://evil.example/>\">x</a>"_s;
    QTest::newRow("no host") << u"http:// nothing"_s << none << u"http:// nothing"_s;
    QTest::newRow("glued to a word") << u"xhttp://a.org"_s << none << u"xhttp://a.org"_s;
    QTest::newRow("own mention, any case") << u"hi @Alice!"_s << u"alice"_s << u"hi <O:@Alice>!"_s;
    QTest::newRow("a longer name is someone else")
        << u"hi @alicea"_s << u"alice"_s << u"hi <M:@alicea>"_s;
    QTest::newRow("an address is no mention")
        << u"mail bob@alice.org"_s << u"alice"_s << u"mail bob@alice.org"_s;
    QTest::newRow("others and own")
        << u"@bob and @alice"_s << u"alice"_s << u"<M:@bob> and <O:@alice>"_s;
    QTest::newRow("own name with a space")
        << u"thanks @ms smith."_s << u"Ms Smith"_s << u"thanks <O:@ms smith>."_s;
    QTest::newRow("no reader name") << u"@alice"_s << none << u"<M:@alice>"_s;
    QTest::newRow("a mention inside a URL is the URL's")
        << u"https://x.org/@alice"_s << u"alice"_s << u"<L:https://x.org/@alice>"_s;
}

void tst_ChatText::spans()
{
    QFETCH(QString, text);
    QFETCH(QString, self);
    QFETCH(QString, runs);
    QCOMPARE(described(text, self), runs);
    QCOMPARE(ChatText::mentions(text, self), runs.contains("<O:"_L1));
}

void tst_ChatText::linkTargets_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("target");
    QTest::newRow("as typed") << u"go to https://example.com/x?y=1#z"_s
                              << u"https://example.com/x?y=1#z"_s;
    QTest::newRow("non-ASCII path, encoded")
        << u"https://example.com/é"_s << u"https://example.com/%C3%A9"_s;
}

void tst_ChatText::linkTargets()
{
    QFETCH(QString, text);
    QFETCH(QString, target);
    const QList<QUrl> links = ChatText::links(text);
    QCOMPARE(links.size(), 1);
    QCOMPARE(links.at(0).toString(QUrl::FullyEncoded), target);
}

void tst_ChatText::onlyWebUrlsOpen_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("opens");
    QTest::newRow("http") << u"http://example.com/"_s << true;
    QTest::newRow("https") << u"https://example.com/"_s << true;
    QTest::newRow("javascript") << u"javascript:alert(1)"_s << false;
    QTest::newRow("data") << u"data:text/html,x"_s << false;
    QTest::newRow("file") << u"file:///etc/passwd"_s << false;
    QTest::newRow("relative") << u"/etc/passwd"_s << false;
}

void tst_ChatText::onlyWebUrlsOpen()
{
    QFETCH(QString, url);
    QFETCH(bool, opens);
    QCOMPARE(ChatText::isWebUrl(QUrl(url)), opens);
}

QTEST_MAIN(tst_ChatText)
#include "tst_chattext.moc"
