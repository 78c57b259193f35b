#include "timestamp.h"

#include <QTimeZone>

namespace Timestamp {

QString now()
{
    // Called for every message: formatted once per millisecond per thread.
    thread_local qint64 lastMs = -1;
    thread_local QString last;
    const qint64 ms = QDateTime::currentMSecsSinceEpoch();
    if (ms != lastMs) {
        last = formatMSecs(ms);
        lastMs = ms;
    }
    return last;
}

QString formatMSecs(qint64 msSinceEpoch)
{
    // By hand: QDateTime::toString() costs thousands of instructions (issue #21).
    constexpr qint64 MsPerDay = 24 * 60 * 60 * 1000;
    constexpr qint64 UnixEpochJulianDay = 2440588;
    const qint64 ms = msSinceEpoch;
    const qint64 day = ms >= 0 ? ms / MsPerDay : (ms - MsPerDay + 1) / MsPerDay;
    const qint64 inDay = ms - day * MsPerDay;
    const QDate date = QDate::fromJulianDay(UnixEpochJulianDay + day);
    if (date.year() < 1 || date.year() > 9999)
        return format(QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()));
    char text[24];
    const auto put = [&text](int at, int digits, qint64 value) {
        for (int i = at + digits - 1; i >= at; --i, value /= 10)
            text[i] = char('0' + value % 10);
    };
    put(0, 4, date.year());
    text[4] = '-';
    put(5, 2, date.month());
    text[7] = '-';
    put(8, 2, date.day());
    text[10] = 'T';
    put(11, 2, inDay / 3600000);
    text[13] = ':';
    put(14, 2, inDay / 60000 % 60);
    text[16] = ':';
    put(17, 2, inDay / 1000 % 60);
    text[19] = '.';
    put(20, 3, inDay % 1000);
    text[23] = 'Z';
    return QString::fromLatin1(text, sizeof text);
}

QString format(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QString formatPython(const QDateTime &time)
{
    // Python omits the fraction when it is zero; six digits always are just as valid and keep
    // every timestamp the same length. The server counts milliseconds, hence the three zeros.
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'000+00:00'"));
}

QString toPython(const QString &timestamp)
{
    // Only the exact native form, "YYYY-MM-DDTHH:MM:SS.mmmZ", with a real date and time. Checked
    // and rewritten by hand: parsing it as a QDateTime and formatting it again cost about
    // 15 000 instructions, a fifth of the server's work per chat message (issue #21).
    static constexpr char Shape[] = "dddd-dd-ddTdd:dd:dd.dddZ";
    if (timestamp.size() != qsizetype(sizeof Shape - 1))
        return timestamp;
    const QChar *c = timestamp.constData();
    for (qsizetype i = 0; i < timestamp.size(); ++i) {
        const bool ok
            = Shape[i] == 'd' ? (c[i] >= u'0' && c[i] <= u'9') : c[i] == QLatin1Char(Shape[i]);
        if (!ok)
            return timestamp;
    }
    const auto number = [c](int at, int digits) {
        int value = 0;
        for (int i = at; i < at + digits; ++i)
            value = value * 10 + (c[i].unicode() - u'0');
        return value;
    };
    if (!QDate::isValid(number(0, 4), number(5, 2), number(8, 2)) || number(11, 2) > 23
        || number(14, 2) > 59 || number(17, 2) > 59)
        return timestamp;
    QString python;
    python.reserve(32);
    python.append(QStringView(timestamp).first(23));
    python.append(QLatin1String("000+00:00"));
    return python;
}

} // namespace Timestamp
