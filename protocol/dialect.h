#pragma once

#include <QString>

// The five ways a connection can speak, chosen by its WebSocket path.
enum class Dialect {
    Broadcast, // "/": the first tutorial's JSON broadcast
    Chat, // "/ws/{client_id}" and "/ws/{room}/{client_id}": the second tutorial's chat
    Notifications, // "/ws/notifications/{client_id}": periodic notifications only
    Native, // "/chat": the native protocol v1
    Echo // "/echo": every message back to its sender, in no room (additions-2.md, 2)
};

// How many dialects there are (for tables indexed by Dialect).
inline constexpr int DialectCount = 5;

// The dialect's name as shown in logs, /api/status and the GUI.
QString dialectName(Dialect dialect);
