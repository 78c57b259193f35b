#pragma once

#include <QString>
#include <QStringList>

// A search's words, as the protocol's `search` request reads them: a text matches when it holds
// every word, case-insensitively, a word also matching as the start of a longer one ("sock"
// finds "socket"). Words are runs of letters and digits, the way SQLite's unicode61 tokenizer
// cuts them, so the store's full-text index and a search in memory agree.
class TextQuery
{
public:
    // The query's words; none when it has no letter or digit.
    explicit TextQuery(const QString &query);

    // True when the query has at least one word.
    bool isValid() const { return !m_words.isEmpty(); }
    // True when text holds every word of the query (as a word or the start of one).
    bool matches(const QString &text) const;
    // The query in SQLite FTS5 syntax: every word as a quoted prefix ("sock"* "room"*).
    QString ftsExpression() const;
    // The text's words, case-folded, as matches() compares them.
    static QStringList wordsOf(const QString &text);

private:
    QStringList m_words; // case-folded
};
