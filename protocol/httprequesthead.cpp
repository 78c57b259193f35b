#include "httprequesthead.h"

#include <algorithm>
#include <cstring>

#include <QUrl>
#include <QUrlQuery>

HttpRequestHead::Status HttpRequestHead::fail(const char *why)
{
    m_error = QString::fromLatin1(why);
    return Status::Invalid;
}

static bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || (c && strchr("!#$%&'*+-.^_`|~", c));
}

// A byte that may stand in a field value (RFC 9110, 5.5): visible ASCII, space, tab, and
// obs-text; no other control character.
static bool isFieldValueByte(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u == '\t' || (u >= 0x20 && u != 0x7F);
}

// A byte of a request target: visible ASCII, and raw non-ASCII bytes that some clients send
// unencoded (taken as UTF-8 when decoded); no space or control character.
static bool isTargetByte(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u > 0x20 && u != 0x7F;
}

HttpRequestHead::Status HttpRequestHead::parse(const QByteArray &data)
{
    *this = HttpRequestHead();
    const qsizetype end = data.indexOf("\r\n\r\n");
    // What has arrived so far must already look like a head: lines end in CRLF, and there is no
    // NUL, bare CR or bare LF (RFC 9112, 2.2), which readers disagree about. Refused at once, not
    // after 16 KiB or the handshake timeout.
    const qsizetype scanned = qMin<qsizetype>(end < 0 ? data.size() : end + 4, MaxHeadBytes + 1);
    for (qsizetype i = 0; i < scanned; ++i) {
        const char c = data.at(i);
        if (c == '\0')
            return fail("NUL byte in the request head");
        if (c == '\r' && i + 1 < data.size() && data.at(i + 1) != '\n')
            return fail("bare CR in the request head");
        if (c == '\n' && (i == 0 || data.at(i - 1) != '\r'))
            return fail("bare LF in the request head: lines end with CRLF");
    }
    if (end < 0) {
        if (data.size() > MaxHeadBytes) {
            m_error = QStringLiteral("request head larger than %1 bytes").arg(MaxHeadBytes);
            return Status::TooLarge;
        }
        // Anything that cannot begin a request line is rejected now, not after 16 KiB.
        for (const char c : data) {
            if (c == ' ')
                break;
            if (!isTokenChar(c))
                return fail("not an HTTP request");
        }
        return Status::Incomplete;
    }
    if (end + 4 > MaxHeadBytes) {
        m_error = QStringLiteral("request head larger than %1 bytes").arg(MaxHeadBytes);
        return Status::TooLarge;
    }
    m_headLength = int(end + 4);
    // No bare CR or LF is left, so every line ends with CRLF.
    const QList<QByteArray> lines = data.left(end).split('\n');
    QByteArray requestLine = lines.first();
    if (requestLine.endsWith('\r'))
        requestLine.chop(1);
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3)
        return fail("malformed request line");
    m_method = parts[0];
    m_target = parts[1];
    m_version = parts[2];
    if (m_method.isEmpty() || !std::all_of(m_method.begin(), m_method.end(), isTokenChar))
        return fail("malformed method");
    if (!m_target.startsWith('/'))
        return fail("request target must be an absolute path");
    if (!std::all_of(m_target.begin(), m_target.end(), isTargetByte))
        return fail("control character in the request target");
    if (m_version != "HTTP/1.1" && m_version != "HTTP/1.0")
        return fail("unsupported HTTP version");
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray line = lines[i];
        if (line.endsWith('\r'))
            line.chop(1);
        const int colon = line.indexOf(':');
        if (colon <= 0)
            return fail("malformed header line");
        const QByteArray name = line.left(colon);
        if (!std::all_of(name.begin(), name.end(), isTokenChar))
            return fail("malformed header name");
        if (m_headers.size() >= MaxHeaders)
            return fail("too many headers");
        QByteArray value = line.mid(colon + 1);
        if (!std::all_of(value.begin(), value.end(), isFieldValueByte))
            return fail("control character in a header value");
        // Optional whitespace around the value is spaces and tabs (RFC 9110, 5.6.3).
        qsizetype from = 0;
        qsizetype to = value.size();
        while (from < to && (value.at(from) == ' ' || value.at(from) == '\t'))
            ++from;
        while (to > from && (value.at(to - 1) == ' ' || value.at(to - 1) == '\t'))
            --to;
        m_headers.append({name, value.mid(from, to - from)});
    }
    return Status::Complete;
}

QByteArray HttpRequestHead::path() const
{
    const int q = m_target.indexOf('?');
    return q < 0 ? m_target : m_target.left(q);
}

QString HttpRequestHead::queryValue(const QString &key) const
{
    const int q = m_target.indexOf('?');
    if (q < 0)
        return QString();
    QByteArray query = m_target.mid(q + 1);
    query.replace('+', "%20");
    // Raw non-ASCII bytes are taken as UTF-8, like percent-encoded ones.
    return QUrlQuery(QString::fromUtf8(query)).queryItemValue(key, QUrl::FullyDecoded);
}

QByteArray HttpRequestHead::header(const QByteArray &name) const
{
    for (const auto &h : m_headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return QByteArray();
}

bool HttpRequestHead::hasHeader(const QByteArray &name) const
{
    for (const auto &h : m_headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool HttpRequestHead::isWebSocketUpgrade() const
{
    if (m_method != "GET")
        return false;
    const QList<QByteArray> tokens = header("Upgrade").split(',');
    for (const QByteArray &t : tokens) {
        if (t.trimmed().compare("websocket", Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}
