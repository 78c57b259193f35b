#pragma once

#include <QLoggingCategory>

// Info and above by default; "QT_LOGGING_RULES=wsroom.*.debug=true" shows every frame.
Q_DECLARE_LOGGING_CATEGORY(lcServer)
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
