#include "httpresponse.h"

namespace HttpResponse {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 426:
        return "Upgrade Required";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    }
    return "Unknown";
}

QByteArray make(int status, const QByteArray &contentType, const QByteArray &body, bool headOnly,
                const QByteArray &extraHeaders)
{
    QByteArray out;
    out.reserve(200 + (headOnly ? 0 : body.size()));
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    out += "Content-Type: " + contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "Cache-Control: no-cache\r\n";
    out += "X-Content-Type-Options: nosniff\r\n";
    out += "Connection: close\r\n";
    out += extraHeaders;
    out += "\r\n";
    if (!headOnly)
        out += body;
    return out;
}

QByteArray plain(int status, const QByteArray &sentence, bool headOnly,
                 const QByteArray &extraHeaders)
{
    const QByteArray body
        = QByteArray::number(status) + ' ' + reasonPhrase(status) + "\n" + sentence + "\n";
    return make(status, "text/plain; charset=utf-8", body, headOnly, extraHeaders);
}

} // namespace HttpResponse
