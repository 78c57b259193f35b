#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

// The status line and headers of an HTTP/1.x response, parsed from untrusted bytes (a
// FrameClient's answer to its opening handshake).
class HttpResponseHead
{
public:
    enum class Status { Incomplete, Complete, Invalid, TooLarge };

    static constexpr int MaxHeadBytes = 16 * 1024;
    static constexpr int MaxHeaders = 100;

    // Parses the head at the start of data, the bytes received so far; Complete when the blank
    // line after the headers has come.
    Status parse(const QByteArray &data);

    // The status code (101, 404, ...), the status line without its version ("404 Not Found"),
    // and the head's length with its blank line; valid once parse() said Complete.
    int statusCode() const { return m_statusCode; }
    QByteArray statusText() const { return m_statusText; }
    int headLength() const { return m_headLength; }

    // The value of a header, matched case-insensitively (several joined with ", "); empty if
    // absent.
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;

private:
    int m_statusCode = 0;
    QByteArray m_statusText;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    int m_headLength = 0;
};
