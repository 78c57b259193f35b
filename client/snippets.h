#pragma once

#include "frameclient.h"

#include <QByteArray>
#include <QString>

// What a client window's connection does, as something to paste elsewhere: a websocat command or
// a Python script (the websockets package) that connects the same way (URL, subprotocols,
// headers, the trusted certificate), sends the message and prints what comes back.
namespace Snippets {

// A POSIX shell command line: the message piped into websocat (text: a line, or a NUL-ended
// record with -0 when it holds a newline; binary: -b, every byte written by printf), with -H for
// each header, --protocol for the subprotocols and -k when a certificate is trusted.
QString websocat(const FrameClientOptions &options, const QByteArray &message, bool binary = false);

// A Python 3 script (asyncio, websockets.connect with subprotocols= and extra_headers=, the
// trusted certificate as its only CA) that sends the message as text (UTF-8) or binary and
// prints every message that comes back until none has for a second.
QString python(const FrameClientOptions &options, const QByteArray &message, bool binary);

// text in single quotes for a POSIX shell: 'it'\''s'.
QString shellQuote(const QString &text);

} // namespace Snippets
