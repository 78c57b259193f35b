#pragma once

#include "permessagedeflate.h"

#include <QByteArray>

#include <optional>

class HttpRequestHead;

// The server's side of the WebSocket opening handshake (RFC 6455, 4.2): judges an upgrade
// request's head and writes the answer.
namespace WebSocketHandshake {

struct Answer
{
    // 101 when the upgrade is accepted; else the HTTP status to refuse it with: 400 for a
    // malformed request, 426 for a WebSocket version other than 13.
    int status = 400;
    QByteArray error; // the refusal in words
    QByteArray extraHeaders; // the refusal's extra header lines (426: Sec-WebSocket-Version)
    QByteArray response; // 101: the whole response head, blank line included
    std::optional<PerMessageDeflate::Agreement> deflate; // 101: permessage-deflate, if agreed
};

// The answer to head, a request with "Upgrade: websocket"; serverName goes in the Server header.
Answer answer(const HttpRequestHead &head, const QByteArray &serverName);

} // namespace WebSocketHandshake
