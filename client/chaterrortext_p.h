#pragma once

#include <QString>

// The words a chat session puts in its log for an error frame.
namespace ChatErrorText {

// Describes the server's error code and message for a person; pendingName and pendingRoom are
// what the refused request asked for (a rename, a join), empty when it was neither.
QString describe(const QString &code, const QString &message, const QString &pendingName,
                 const QString &pendingRoom, const QString &selfName);

} // namespace ChatErrorText
