#include "naturalorder_p.h"

namespace {

// The run of digits or of non-digits in text from i on; moves i past it.
QStringView run(QStringView text, qsizetype *i)
{
    const qsizetype start = *i;
    const bool digits = text.at(start).isDigit();
    while (*i < text.size() && text.at(*i).isDigit() == digits)
        ++*i;
    return text.mid(start, *i - start);
}

} // namespace

int naturalCompare(const QString &a, const QString &b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        const bool digitsA = a.at(i).isDigit();
        const bool digitsB = b.at(j).isDigit();
        QStringView x = run(a, &i);
        QStringView y = run(b, &j);
        int c = 0;
        if (digitsA && digitsB) {
            // By value: without leading zeros, the longer is larger, else digit by digit.
            while (x.size() > 1 && x.front() == u'0')
                x = x.mid(1);
            while (y.size() > 1 && y.front() == u'0')
                y = y.mid(1);
            c = x.size() != y.size() ? (x.size() < y.size() ? -1 : 1) : x.compare(y);
        } else {
            c = x.compare(y, Qt::CaseInsensitive);
        }
        if (c != 0)
            return c;
    }
    if (i < a.size() || j < b.size())
        return i < a.size() ? 1 : -1;
    return QString::compare(a, b);
}
