#include "snippets.h"

#include <QStringList>

namespace {

// bytes as a printf format that writes exactly them: printable ASCII as itself, the rest (and
// '%', '\\', '\'') as octal escapes, which every POSIX printf knows.
QString printfFormat(const QByteArray &bytes)
{
    QString format;
    for (const char c : bytes) {
        const uchar u = uchar(c);
        if (u >= 0x20 && u < 0x7F && c != '%' && c != '\\' && c != '\'')
            format += QLatin1Char(c);
        else
            format += QStringLiteral("\\%1").arg(u, 3, 8, QLatin1Char('0'));
    }
    return format;
}

// text as a Python string literal in double quotes (str, or bytes when asBytes: b"...").
QString pythonLiteral(const QByteArray &data, bool asBytes)
{
    QString out = asBytes ? QStringLiteral("b\"") : QStringLiteral("\"");
    const auto escape = [&out](uint u) {
        switch (u) {
        case '\\':
            out += QLatin1String("\\\\");
            return true;
        case '"':
            out += QLatin1String("\\\"");
            return true;
        case '\n':
            out += QLatin1String("\\n");
            return true;
        case '\r':
            out += QLatin1String("\\r");
            return true;
        case '\t':
            out += QLatin1String("\\t");
            return true;
        }
        return false;
    };
    if (asBytes) {
        for (const char c : data) {
            const uchar u = uchar(c);
            if (escape(u))
                continue;
            if (u >= 0x20 && u < 0x7F)
                out += QLatin1Char(c);
            else
                out += QStringLiteral("\\x%1").arg(u, 2, 16, QLatin1Char('0'));
        }
    } else {
        for (const char32_t u : QString::fromUtf8(data).toUcs4()) {
            if (escape(u))
                continue;
            if (u < 0x20 || u == 0x7F)
                out += QStringLiteral("\\x%1").arg(uint(u), 2, 16, QLatin1Char('0'));
            else if (u >= 0xD800 && u < 0xE000) // a lone surrogate: not UTF-8 in the source
                out += QStringLiteral("\\u%1").arg(uint(u), 4, 16, QLatin1Char('0'));
            else
                out += QString::fromUcs4(&u, 1);
        }
    }
    out += QLatin1Char('"');
    return out;
}

} // namespace

namespace Snippets {

QString shellQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString websocat(const FrameClientOptions &options, const QByteArray &message, bool binary)
{
    QStringList words;
    QStringList flags;
    if (binary) {
        words << QStringLiteral("printf") << shellQuote(printfFormat(message));
        flags << QStringLiteral("-b");
    } else if (message.contains('\n')) {
        // websocat reads a message per line; a NUL ends a record instead with -0.
        words << QStringLiteral("printf '%s\\0'") << shellQuote(QString::fromUtf8(message));
        flags << QStringLiteral("-0");
    } else {
        words << QStringLiteral("printf '%s\\n'") << shellQuote(QString::fromUtf8(message));
    }
    words << QStringLiteral("|") << QStringLiteral("websocat");
    words += flags;
    if (!options.trustedCertificate.isNull())
        words << QStringLiteral("-k");
    if (!options.subprotocols.isEmpty())
        words << QStringLiteral("--protocol")
              << shellQuote(options.subprotocols.join(QStringLiteral(", ")));
    // -H= keeps websocat from taking the words after it as more headers.
    for (const auto &header : options.headers)
        words << QStringLiteral("-H=")
                + shellQuote(QString::fromUtf8(header.first + ": " + header.second));
    words << shellQuote(options.url.toString(QUrl::FullyEncoded));
    return words.join(QLatin1Char(' '));
}

QString python(const FrameClientOptions &options, const QByteArray &message, bool binary)
{
    const bool trusted = !options.trustedCertificate.isNull();
    QStringList lines;
    lines << QStringLiteral("import asyncio");
    if (trusted)
        lines << QStringLiteral("import ssl");
    lines << QStringLiteral("import websockets") << QString() << QString();
    if (trusted) {
        lines << QStringLiteral("# The server's self-signed certificate, trusted for it alone.")
              << QStringLiteral("CERTIFICATE = \"\"\"\\")
              << QString::fromLatin1(options.trustedCertificate.toPem()).trimmed()
              << QStringLiteral("\"\"\"") << QString() << QString();
    }
    lines << QStringLiteral("async def main():");
    if (trusted) {
        lines << QStringLiteral("    context = ssl.create_default_context(cadata=CERTIFICATE)")
              << QStringLiteral("    context.check_hostname = False");
    }
    lines << QStringLiteral("    async with websockets.connect(")
          << QStringLiteral("        %1,")
                 .arg(pythonLiteral(options.url.toString(QUrl::FullyEncoded).toUtf8(), false));
    if (!options.subprotocols.isEmpty()) {
        QStringList names;
        for (const QString &name : options.subprotocols)
            names << pythonLiteral(name.toUtf8(), false);
        lines << QStringLiteral("        subprotocols=[%1],").arg(names.join(QLatin1String(", ")));
    }
    if (!options.headers.isEmpty()) {
        QStringList pairs;
        for (const auto &header : options.headers)
            pairs << QStringLiteral("(%1, %2)")
                         .arg(pythonLiteral(header.first, false),
                              pythonLiteral(header.second, false));
        lines << QStringLiteral("        extra_headers=[%1],").arg(pairs.join(QLatin1String(", ")));
    }
    if (trusted)
        lines << QStringLiteral("        ssl=context,");
    // Frames as they are sent, as the client window shows them.
    lines << QStringLiteral("        compression=None,") << QStringLiteral("    ) as websocket:")
          << QStringLiteral("        await websocket.send(%1)").arg(pythonLiteral(message, binary))
          << QStringLiteral("        print(await websocket.recv())")
          << QStringLiteral("        try:") << QStringLiteral("            while True:")
          << QStringLiteral("                print(await asyncio.wait_for(websocket.recv(), 1))")
          << QStringLiteral("        except asyncio.TimeoutError:")
          << QStringLiteral("            pass") << QString() << QString()
          << QStringLiteral("asyncio.run(main())") << QString();
    return lines.join(QLatin1Char('\n'));
}

} // namespace Snippets
