#include "websockethandshake.h"

#include "httprequesthead.h"
#include "websocketaccept.h"

namespace WebSocketHandshake {

namespace {

// True if the comma-separated header value lists token (case-insensitively).
bool listsToken(const QByteArray &value, const QByteArray &token)
{
    for (const QByteArray &part : value.split(',')) {
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// Every value of a header that may come on several lines, joined as one list.
QByteArray allValues(const HttpRequestHead &head, const QByteArray &name)
{
    QByteArray joined;
    for (const auto &[header, value] : head.headers()) {
        if (header.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        if (!joined.isEmpty())
            joined += ", ";
        joined += value;
    }
    return joined;
}

Answer refuse(int status, const char *error, const QByteArray &extraHeaders = QByteArray())
{
    Answer answer;
    answer.status = status;
    answer.error = error;
    answer.extraHeaders = extraHeaders;
    return answer;
}

} // namespace

Answer answer(const HttpRequestHead &head, const QByteArray &serverName)
{
    if (head.method() != "GET")
        return refuse(400, "A WebSocket upgrade must be a GET.");
    if (head.version() != "HTTP/1.1")
        return refuse(400, "A WebSocket upgrade needs HTTP/1.1.");
    if (head.header("Host").isEmpty())
        return refuse(400, "A WebSocket upgrade needs a Host header.");
    if (!listsToken(head.header("Upgrade"), "websocket"))
        return refuse(400, "A WebSocket upgrade needs \"Upgrade: websocket\".");
    if (!listsToken(allValues(head, "Connection"), "upgrade"))
        return refuse(400, "A WebSocket upgrade needs \"Connection: Upgrade\".");
    if (head.header("Sec-WebSocket-Version").trimmed() != "13") {
        return refuse(426, "This server speaks WebSocket version 13 (RFC 6455) only.",
                      "Sec-WebSocket-Version: 13\r\n");
    }
    const QByteArray key = head.header("Sec-WebSocket-Key").trimmed();
    const auto decoded
        = QByteArray::fromBase64Encoding(key, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != 16 || key.size() != 24)
        return refuse(400, "Sec-WebSocket-Key must be 16 bytes in base64.");

    Answer answer;
    answer.status = 101;
    answer.deflate = PerMessageDeflate::negotiate(allValues(head, "Sec-WebSocket-Extensions"));
    answer.response = "HTTP/1.1 101 Switching Protocols\r\n"
                      "Upgrade: websocket\r\n"
                      "Connection: Upgrade\r\n"
                      "Sec-WebSocket-Accept: "
        + WebSocketAccept::compute(key) + "\r\n";
    if (answer.deflate)
        answer.response += "Sec-WebSocket-Extensions: " + answer.deflate->responseHeader + "\r\n";
    if (!serverName.isEmpty())
        answer.response += "Server: " + serverName + "\r\n";
    answer.response += "\r\n";
    return answer;
}

} // namespace WebSocketHandshake
