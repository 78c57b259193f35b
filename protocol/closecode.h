#pragma once

// WebSocket close codes the server uses (protocol.md, "Close codes").
namespace CloseCode {
enum : int {
    Normal = 1000,
    PolicyViolation = 1008,
    TooBig = 1009,
    TryAgainLater = 1013,
    Kicked = 4000,
    SlowConsumer = 4008,
};
} // namespace CloseCode
