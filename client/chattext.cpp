#include "chattext.h"

#include <QRegularExpression>

#include <algorithm>

namespace {

// A URL starts with http:// or https:// after a non-word character and runs to whitespace or a
// character that cannot be in one unescaped; trailing punctuation is the sentence's.
const QRegularExpression &linkPattern()
{
    static const QRegularExpression pattern(QStringLiteral(R"((?<![\w@])https?://[^\s<>"'`]+)"),
                                            QRegularExpression::CaseInsensitiveOption);
    return pattern;
}

// Another @name: letters, digits and . _ - after a non-word character.
const QRegularExpression &mentionPattern()
{
    static const QRegularExpression pattern(QStringLiteral(R"((?<![\w@])@[\w.\-]*\w)"));
    return pattern;
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c.isMark();
}

// The length of the URL at the start of candidate once the sentence's punctuation is off: a
// closing bracket stays only when the URL opened one.
qsizetype trimmedLinkLength(const QString &candidate)
{
    qsizetype length = candidate.size();
    while (length > 0) {
        const QChar last = candidate.at(length - 1);
        if (QStringLiteral(".,;:!?*").contains(last)) {
            --length;
            continue;
        }
        if (last == u')' || last == u']' || last == u'}') {
            const QChar open = last == u')' ? u'(' : last == u']' ? u'[' : u'{';
            const QStringView url = QStringView(candidate).first(length);
            if (url.count(open) < url.count(last)) {
                --length;
                continue;
            }
        }
        break;
    }
    return length;
}

// Where @name (case-insensitive, on word boundaries) occurs in text, as {start, length} pairs.
QList<std::pair<qsizetype, qsizetype>> ownMentions(const QString &text, const QString &name)
{
    QList<std::pair<qsizetype, qsizetype>> found;
    if (name.isEmpty())
        return found;
    const QString needle = u'@' + name;
    qsizetype from = 0;
    while ((from = text.indexOf(needle, from, Qt::CaseInsensitive)) >= 0) {
        const qsizetype end = from + needle.size();
        const bool startsWord
            = from == 0 || (!isWordChar(text.at(from - 1)) && text.at(from - 1) != u'@');
        const bool endsWord = end == text.size() || !isWordChar(text.at(end));
        if (startsWord && endsWord) {
            found.append({from, needle.size()});
            from = end;
        } else {
            ++from;
        }
    }
    return found;
}

} // namespace

namespace ChatText {

bool isWebUrl(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
        && !url.host().isEmpty();
}

QList<Span> spans(const QString &text, const QString &selfName)
{
    // The special runs first, links before mentions (an @ inside a URL is the URL's).
    QList<Span> special;
    auto overlaps = [&special](qsizetype start, qsizetype length) {
        return std::any_of(special.cbegin(), special.cend(), [&](const Span &s) {
            return start < s.start + s.length && s.start < start + length;
        });
    };
    for (auto it = linkPattern().globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const qsizetype length = trimmedLinkLength(match.captured());
        const QUrl url(match.captured().first(length), QUrl::StrictMode);
        if (length > 0 && isWebUrl(url))
            special.append({Span::Kind::Link, match.capturedStart(), length, url});
    }
    for (const auto &[start, length] : ownMentions(text, selfName.trimmed())) {
        if (!overlaps(start, length))
            special.append({Span::Kind::OwnMention, start, length, {}});
    }
    for (auto it = mentionPattern().globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        if (!overlaps(match.capturedStart(), match.capturedLength()))
            special.append(
                {Span::Kind::Mention, match.capturedStart(), match.capturedLength(), {}});
    }
    std::sort(special.begin(), special.end(),
              [](const Span &a, const Span &b) { return a.start < b.start; });

    QList<Span> all;
    qsizetype at = 0;
    for (const Span &span : std::as_const(special)) {
        if (span.start > at)
            all.append({Span::Kind::Text, at, span.start - at, {}});
        all.append(span);
        at = span.start + span.length;
    }
    if (at < text.size())
        all.append({Span::Kind::Text, at, text.size() - at, {}});
    return all;
}

bool mentions(const QString &text, const QString &name)
{
    const QList<Span> runs = spans(text, name);
    return std::any_of(runs.cbegin(), runs.cend(),
                       [](const Span &s) { return s.kind == Span::Kind::OwnMention; });
}

QList<QUrl> links(const QString &text)
{
    QList<QUrl> urls;
    for (const Span &span : spans(text, QString())) {
        if (span.kind == Span::Kind::Link)
            urls.append(span.url);
    }
    return urls;
}

} // namespace ChatText
