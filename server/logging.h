#pragma once

#include <QLoggingCategory>

// Info and above by default; "QT_LOGGING_RULES=wsroom.*.debug=true" adds the HTTP requests and
// the refused or timed-out handshakes (the frames themselves: the frame inspector).
Q_DECLARE_LOGGING_CATEGORY(lcServer)
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
