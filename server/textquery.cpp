#include "textquery_p.h"

TextQuery::TextQuery(const QString &query)
    : m_words(wordsOf(query))
{ }

QStringList TextQuery::wordsOf(const QString &text)
{
    QStringList words;
    QString word;
    const QString folded = text.toCaseFolded();
    for (const QChar c : folded) {
        if (c.isLetterOrNumber() || c.isMark() || c.isSurrogate()) {
            word.append(c);
        } else if (!word.isEmpty()) {
            words.append(word);
            word.clear();
        }
    }
    if (!word.isEmpty())
        words.append(word);
    return words;
}

bool TextQuery::matches(const QString &text) const
{
    if (m_words.isEmpty())
        return false;
    const QStringList words = wordsOf(text);
    for (const QString &wanted : m_words) {
        bool found = false;
        for (const QString &word : words) {
            if (word.startsWith(wanted)) {
                found = true;
                break;
            }
        }
        if (!found)
            return false;
    }
    return true;
}

QString TextQuery::ftsExpression() const
{
    QStringList terms;
    terms.reserve(m_words.size());
    for (const QString &word : m_words)
        terms.append(QLatin1Char('"') + word + QStringLiteral("\"*"));
    return terms.join(QLatin1Char(' '));
}
