#pragma once

#include <QString>

// WebSocket close codes the server uses (protocol.md, "Close codes").
namespace CloseCode {
enum : int {
    Normal = 1000,
    PolicyViolation = 1008,
    TooBig = 1009,
    InternalError = 1011, // also: no answer to the idle ping
    TryAgainLater = 1013,
    Kicked = 4000,
    SlowConsumer = 4008,
};

// The code in words, e.g. "Normal closure" for 1000, "Kicked by the host" for 4000; any code
// gets a name, if only its range's ("Private use 4123").
QString name(int code);
} // namespace CloseCode
