#pragma once

#include "frameclient.h"

#include <QByteArray>
#include <QString>

// STUB (issue #16, client window branch): the FrameClient helper writes the real one.
namespace Snippets {
// A websocat command that connects as options say and sends message.
QString websocat(const FrameClientOptions &options, const QByteArray &message);
// A Python websockets snippet that connects as options say and sends message.
QString python(const FrameClientOptions &options, const QByteArray &message, bool binary);
} // namespace Snippets
