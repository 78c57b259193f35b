#pragma once

#include "dialect.h"

#include <QString>

// What a WebSocket path asks for: a dialect, the room joined on connect and the name wanted
// (protocol.md, "Endpoints").
struct Endpoint
{
    enum class Status { Ok, NotFound, BadRequest };

    Status status = Status::NotFound;
    QString error; // why, for BadRequest
    Dialect dialect = Dialect::Native;
    QString room; // empty: no room on connect
    QString name; // empty: the server picks guest-<n>

    // Parses the path and query of a handshake's request target ("/ws/alice", "/chat?room=x").
    static Endpoint fromTarget(const QByteArray &target);
};
