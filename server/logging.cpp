#include "logging.h"

Q_LOGGING_CATEGORY(lcServer, "wsroom.server", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHttp, "wsroom.http", QtInfoMsg)
