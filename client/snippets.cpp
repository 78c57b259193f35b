#include "snippets.h"

// STUB: throwaway bodies so that the client window compiles; the real ones come with FrameClient.
QString Snippets::websocat(const FrameClientOptions &options, const QByteArray &message)
{
    return QStringLiteral("echo '%1' | websocat %2")
        .arg(QString::fromUtf8(message), options.url.toString());
}

QString Snippets::python(const FrameClientOptions &options, const QByteArray &message, bool binary)
{
    Q_UNUSED(binary);
    return QStringLiteral("import websockets\n# %1\n# %2")
        .arg(options.url.toString(), QString::fromUtf8(message));
}
