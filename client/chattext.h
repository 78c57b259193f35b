#pragma once

#include <QList>
#include <QString>
#include <QUrl>

// What a chat message's text holds besides words: web links and @mentions. The chat windows,
// the activity log and the notifications read it the same way; the browser client's
// resources/web/chatbasics.js follows the same rules. Only http and https become links.
namespace ChatText {

// A run of a message's text, by what it is.
struct Span
{
    enum class Kind {
        Text, // plain words
        Link, // an http(s) URL, clickable
        Mention, // @someone else
        OwnMention, // @the reader's own name
    };
    Kind kind = Kind::Text;
    qsizetype start = 0;
    qsizetype length = 0;
    QUrl url; // the link's target (Link only)
};

// Splits text into runs that cover it exactly, in order; selfName (may be empty) is the
// reader's name, whose @mention is an OwnMention (case-insensitive, on word boundaries).
QList<Span> spans(const QString &text, const QString &selfName);
// True when text holds an @mention of name (case-insensitive, on word boundaries); false for an
// empty name.
bool mentions(const QString &text, const QString &name);
// True when url is one a click may open: http or https with a host.
bool isWebUrl(const QUrl &url);
// The http(s) URLs in text, in order.
QList<QUrl> links(const QString &text);

} // namespace ChatText
