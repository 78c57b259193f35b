#include "httpresponsehead_p.h"

HttpResponseHead::Status HttpResponseHead::parse(const QByteArray &data)
{
    m_headers.clear();
    m_statusCode = 0;
    m_statusText.clear();
    m_headLength = 0;
    // A server may end lines with a bare LF; take both.
    qsizetype end = data.indexOf("\r\n\r\n");
    int blank = 4;
    const qsizetype lfEnd = data.indexOf("\n\n");
    if (lfEnd >= 0 && (end < 0 || lfEnd < end)) {
        end = lfEnd;
        blank = 2;
    }
    if (end < 0)
        return data.size() > MaxHeadBytes ? Status::TooLarge : Status::Incomplete;
    if (end + blank > MaxHeadBytes)
        return Status::TooLarge;

    const QList<QByteArray> lines = data.left(end).split('\n');
    const QByteArray statusLine = lines.first().trimmed();
    if (!statusLine.startsWith("HTTP/1."))
        return Status::Invalid;
    const qsizetype space = statusLine.indexOf(' ');
    if (space < 0)
        return Status::Invalid;
    m_statusText = statusLine.mid(space + 1).trimmed();
    bool ok = false;
    m_statusCode = m_statusText.left(3).toInt(&ok);
    if (!ok || m_statusCode < 100 || m_statusCode > 999)
        return Status::Invalid;
    if (lines.size() - 1 > MaxHeaders)
        return Status::TooLarge;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return Status::Invalid;
        m_headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    m_headLength = int(end + blank);
    return Status::Complete;
}

QByteArray HttpResponseHead::header(const QByteArray &name) const
{
    QByteArray value;
    for (const auto &header : m_headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            value += (value.isEmpty() ? "" : ", ") + header.second;
    }
    return value;
}

bool HttpResponseHead::hasHeader(const QByteArray &name) const
{
    for (const auto &header : m_headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}
