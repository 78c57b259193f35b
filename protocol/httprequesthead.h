#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

// The request line and headers of an HTTP/1.x request, parsed from untrusted bytes.
class HttpRequestHead
{
public:
    enum class Status { Incomplete, Complete, Invalid, TooLarge };

    static constexpr int MaxHeadBytes = 16 * 1024;
    static constexpr int MaxHeaders = 100;

    // Parses the head at the start of data, the bytes received so far.
    Status parse(const QByteArray &data);

    QByteArray method() const { return m_method; }
    QByteArray target() const { return m_target; }
    QByteArray version() const { return m_version; }
    QByteArray path() const; // the target without its query
    QString queryValue(const QString &key) const; // a percent-decoded query parameter
    int headLength() const { return m_headLength; }
    QString error() const { return m_error; }

    // The value of a header, matched case-insensitively; empty if absent.
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
    const QList<QPair<QByteArray, QByteArray>> &headers() const { return m_headers; }

    // True for a GET with "Upgrade: websocket" (RFC 6455, 4.2.1).
    bool isWebSocketUpgrade() const;

private:
    Status fail(const char *why);

    QByteArray m_method;
    QByteArray m_target;
    QByteArray m_version;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    int m_headLength = 0;
    QString m_error;
};
