#pragma once

#include <QString>

// The four ways a connection can speak, chosen by its WebSocket path.
enum class Dialect {
    Broadcast, // "/": the first tutorial's JSON broadcast
    Chat, // "/ws/{client_id}" and "/ws/{room}/{client_id}": the second tutorial's chat
    Notifications, // "/ws/notifications/{client_id}": periodic notifications only
    Native // "/chat": the native protocol v1
};

// The dialect's name as shown in logs, /api/status and the GUI.
QString dialectName(Dialect dialect);
