#include "commandline.h"

#include "console/serversettings.h"
#include "server/hosttext.h"
#include "server/tlscredentials.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QRegularExpression>

#include <limits>

namespace {

// True when text is written as a whole number: digits, after an optional minus (not " 80", "+80").
bool wholeNumberText(const QString &text)
{
    static const QRegularExpression digits(QStringLiteral("^-?[0-9]+$"));
    return digits.match(text).hasMatch();
}

// Reads an integer option in [min, max]; on failure sets error.
bool intOption(const QCommandLineParser &parser, const QCommandLineOption &option, qint64 min,
               qint64 max, qint64 *out, QString *error)
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const QString text = parser.value(option);
    const qint64 value = text.toLongLong(&ok);
    if (!ok || !wholeNumberText(text) || value < min || value > max) {
        *error = CommandLine::tr("--%1 wants a whole number from %2 to %3, not \"%4\"")
                     .arg(option.names().constFirst())
                     .arg(min)
                     .arg(max)
                     .arg(text);
        return false;
    }
    *out = value;
    return true;
}

// True when text is an origin as a browser sends it: "null" or scheme://host[:port], no path.
bool originText(const QString &text)
{
    static const QRegularExpression origin(
        QStringLiteral("^(null|[A-Za-z][A-Za-z0-9+.-]*://[^/?#\\s]+)$"));
    return origin.match(text).hasMatch();
}

// The address text of --bind: "localhost", an IPv6 address, or an IPv4 address in full dotted
// form (QHostAddress would also take "1" as 0.0.0.1 and "1.2.3" as 1.2.0.3). Returns false when
// it is none of these.
bool bindAddress(const QString &text, QHostAddress *address)
{
    if (text == QLatin1String("localhost")) {
        *address = QHostAddress(QHostAddress::LocalHost);
        return true;
    }
    QHostAddress parsed;
    if (!parsed.setAddress(text))
        return false;
    if (parsed.protocol() == QAbstractSocket::IPv4Protocol && parsed.toString() != text)
        return false;
    *address = parsed;
    return true;
}

// Qt's options that take a value, as "-name value" (QGuiApplication's and QApplication's;
// "--name" works too).
const QStringList &qtValueOptions()
{
    static const QStringList names {
        QStringLiteral("platform"),        QStringLiteral("platformpluginpath"),
        QStringLiteral("platformtheme"),   QStringLiteral("plugin"),
        QStringLiteral("qwindowgeometry"), QStringLiteral("geometry"),
        QStringLiteral("qwindowtitle"),    QStringLiteral("title"),
        QStringLiteral("qwindowicon"),     QStringLiteral("icon"),
        QStringLiteral("session"),         QStringLiteral("display"),
        QStringLiteral("style"),           QStringLiteral("stylesheet")};
    return names;
}

// Qt's options that also take their value as "-name=value" (Qt reads the others only apart).
const QStringList &qtInlineValueOptions()
{
    static const QStringList names {QStringLiteral("style"), QStringLiteral("stylesheet"),
                                    QStringLiteral("qmljsdebugger")};
    return names;
}

// Qt's options that take no value.
const QStringList &qtFlagOptions()
{
    static const QStringList names {QStringLiteral("reverse"), QStringLiteral("widgetcount"),
                                    QStringLiteral("testability"), QStringLiteral("nograb"),
                                    QStringLiteral("dograb")};
    return names;
}

// Takes Qt's own options out of arguments (the first, the program, stays), so that the parser
// sees only wsroom's. Sets *platform when -platform is among them; returns false, with *error,
// when one that wants a value ends the line.
bool removeQtOptions(QStringList *arguments, bool *platform, QString *error)
{
    QStringList kept;
    for (qsizetype i = 0; i < arguments->size(); ++i) {
        const QString &argument = arguments->at(i);
        if (argument == QLatin1String("--")) { // the rest are arguments, not options
            kept.append(arguments->mid(i));
            break;
        }
        if (i == 0 || !argument.startsWith(QLatin1Char('-'))) {
            kept.append(argument);
            continue;
        }
        QString name = argument.mid(argument.startsWith(QLatin1String("--")) ? 2 : 1);
        const qsizetype equals = name.indexOf(QLatin1Char('='));
        const bool inlineValue = equals >= 0;
        if (inlineValue)
            name.truncate(equals);
        if (inlineValue ? qtInlineValueOptions().contains(name) : qtFlagOptions().contains(name))
            continue;
        if (inlineValue || !qtValueOptions().contains(name)) {
            kept.append(argument); // wsroom's, or one the parser will refuse
            continue;
        }
        if (name == QLatin1String("platform"))
            *platform = true;
        if (i + 1 >= arguments->size()) {
            *error = CommandLine::tr("Qt's option -%1 wants a value").arg(name);
            return false;
        }
        ++i; // its value
    }
    *arguments = kept;
    return true;
}

} // namespace

CommandLine CommandLine::parse(const QStringList &arguments)
{
    CommandLine result;
    const ServerConfig defaults;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("wsroom hosts a WebSocket chat-room server on this machine and opens chat "
           "windows that are its clients.\n\nQt's own options work too, such as "
           "-style Fusion, -platform offscreen, -reverse, -stylesheet FILE."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  tr("Show this help."));
    const QCommandLineOption version(QStringLiteral("version"), tr("Show the version."));
    const QCommandLineOption headless(QStringLiteral("headless"),
                                      tr("Run the server alone, with no window."));
    const QCommandLineOption port(
        QStringLiteral("port"),
        tr("Port to listen on (default %1; 0 picks a free one).").arg(defaults.port),
        QStringLiteral("N"), QStringLiteral("8000"));
    const QCommandLineOption bind(
        QStringLiteral("bind"),
        tr("Address to listen on (default %1; 0.0.0.0: the local network).")
            .arg(defaults.bindAddress.toString()),
        QStringLiteral("ADDR"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption lan(
        QStringLiteral("lan"),
        tr("Same as --bind 0.0.0.0; the window also starts at once and shows the "
           "share panel (addresses, QR code)."));
    const QCommandLineOption start(QStringLiteral("start"),
                                   tr("Start the server at once (always with --headless)."));
    const QCommandLineOption maxConnections(
        QStringLiteral("max-connections"),
        tr("Past N, new connections are closed with 1013 (default %1).")
            .arg(defaults.maxConnections),
        QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption maxMessageBytes(
        QStringLiteral("max-message-bytes"),
        tr("Larger messages close the connection with 1009 (default %1).")
            .arg(defaults.maxMessageBytes),
        QStringLiteral("N"), QStringLiteral("65536"));
    const QCommandLineOption rateLimit(
        QStringLiteral("rate-limit"),
        tr("Messages per second per connection, burst twice that; 0: off "
           "(default %1).")
            .arg(defaults.rateLimit),
        QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption history(QStringLiteral("history"),
                                     tr("Messages kept per room and sent on join "
                                        "(default %1).")
                                         .arg(defaults.history),
                                     QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption notificationInterval(
        QStringLiteral("notification-interval"),
        tr("Seconds between the notifications dialect's messages; 0: off "
           "(default %1).")
            .arg(defaults.notificationInterval),
        QStringLiteral("S"), QStringLiteral("5"));
    const QCommandLineOption joinCode(QStringLiteral("join-code"),
                                      tr("Require ?code=CODE to connect."), QStringLiteral("CODE"));
    const QCommandLineOption allowedOrigins(QStringLiteral("allowed-origins"),
                                            tr("Comma-separated Origin values allowed to connect."),
                                            QStringLiteral("LIST"));
    const QCommandLineOption theme(
        QStringLiteral("theme"),
        tr("Window only: the colours, system (the desktop's, default), light or dark "
           "(Qt's Fusion style)."),
        QStringLiteral("NAME"), QStringLiteral("system"));
    const QCommandLineOption openChats(QStringLiteral("open-chats"),
                                       tr("Window only: open N chat windows."), QStringLiteral("N"),
                                       QStringLiteral("0"));
    const QCommandLineOption record(
        QStringLiteral("record"),
        tr("Append every message, join, leave and rename to FILE as JSON Lines."),
        QStringLiteral("FILE"));
    const QCommandLineOption store(
        QStringLiteral("store"),
        tr("Keep rooms and their messages across restarts in the SQLite FILE "
           "(default: rooms.sqlite in the data folder); none: in memory only."),
        QStringLiteral("FILE"));
    const QCommandLineOption retention(
        QStringLiteral("retention"),
        tr("Messages the store keeps per room, older ones deleted; 0: all "
           "(default %1).")
            .arg(defaults.retention),
        QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"),
                                     tr("Certificate (PEM) to serve wss:// and https://."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption tlsKey(
        QStringLiteral("tls-key"), tr("Private key (PEM) for --tls-cert."), QStringLiteral("FILE"));
    // For tests: shorter than anyone would want in real use, so not in --help.
    QCommandLineOption idlePingMs(QStringLiteral("idle-ping-ms"),
                                  tr("Milliseconds between idle pings; 0: off."),
                                  QStringLiteral("MS"));
    idlePingMs.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption handshakeTimeoutMs(
        QStringLiteral("handshake-timeout-ms"),
        tr("Milliseconds for the TLS handshake and the request head."), QStringLiteral("MS"));
    handshakeTimeoutMs.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({help,
                       version,
                       headless,
                       port,
                       bind,
                       lan,
                       start,
                       maxConnections,
                       maxMessageBytes,
                       rateLimit,
                       history,
                       notificationInterval,
                       joinCode,
                       allowedOrigins,
                       openChats,
                       theme,
                       record,
                       store,
                       retention,
                       tlsCert,
                       tlsKey,
                       idlePingMs,
                       handshakeTimeoutMs});
    // Qt names the program by its first argument ("build/app/wsroom"), or "<executable_name>"
    // without an application object: the help says "wsroom", however it was started.
    const QString program = QCoreApplication::instance() ? QCoreApplication::arguments().value(0)
                                                         : QStringLiteral("<executable_name>");
    result.helpText = parser.helpText();
    const qsizetype usageEnd = result.helpText.indexOf(QLatin1Char('\n'));
    const qsizetype programAt = program.isEmpty() ? -1 : result.helpText.indexOf(program);
    if (programAt >= 0 && programAt < usageEnd)
        result.helpText.replace(programAt, program.size(), QStringLiteral("wsroom"));

    auto fail = [&result](const QString &why) {
        result.outcome = Outcome::Error;
        result.error = why;
        return result;
    };

    // Qt's own options are QApplication's (it takes them out of argv); wsroom's parser skips them.
    QStringList ours = arguments;
    QString qtError;
    if (!removeQtOptions(&ours, &result.platformGiven, &qtError))
        return fail(qtError + tr(" (see wsroom --help)"));
    if (!parser.parse(ours)) {
        QString why = parser.errorText(); // "Unknown option 'x'.": the period goes before "(see"
        if (why.endsWith(QLatin1Char('.')))
            why.chop(1);
        return fail(why + tr(" (see wsroom --help)"));
    }
    if (!parser.positionalArguments().isEmpty()) {
        return fail(tr("unexpected argument \"%1\" (see wsroom --help)")
                        .arg(parser.positionalArguments().constFirst()));
    }
    if (parser.isSet(help)) {
        result.outcome = Outcome::ShowHelp;
        return result;
    }
    if (parser.isSet(version)) {
        result.outcome = Outcome::ShowVersion;
        return result;
    }

    ServerConfig &c = result.config;
    QString error;
    qint64 value = 0;
    if (!intOption(parser, port, 0, 65535, &value, &error))
        return fail(error);
    c.port = quint16(parser.isSet(port) ? value : c.port);
    value = c.maxConnections;
    if (!intOption(parser, maxConnections, 1, 1000000, &value, &error))
        return fail(error);
    c.maxConnections = int(value);
    value = c.maxMessageBytes;
    if (!intOption(parser, maxMessageBytes, 64, 1LL << 30, &value, &error))
        return fail(error);
    c.maxMessageBytes = value;
    value = c.rateLimit;
    if (!intOption(parser, rateLimit, 0, 1000000, &value, &error))
        return fail(error);
    c.rateLimit = int(value);
    value = c.history;
    if (!intOption(parser, history, 0, 100000, &value, &error))
        return fail(error);
    c.history = int(value);
    value = 0;
    if (!intOption(parser, openChats, 0, 50, &value, &error))
        return fail(error);
    result.openChats = int(value);
    value = c.idlePingMs;
    if (!intOption(parser, idlePingMs, 0, 3600000, &value, &error))
        return fail(error);
    c.idlePingMs = int(value);
    value = c.handshakeTimeoutMs;
    if (!intOption(parser, handshakeTimeoutMs, 1, 3600000, &value, &error))
        return fail(error);
    c.handshakeTimeoutMs = int(value);

    if (parser.isSet(notificationInterval)) {
        bool ok = false;
        const double seconds = parser.value(notificationInterval).toDouble(&ok);
        // Not NaN (every comparison false), and not a sliver of a second that would round to a
        // 0 ms timer and send notifications without pause.
        if (!ok || !(seconds == 0 || (seconds >= 0.01 && seconds <= 86400))) {
            return fail(tr("--notification-interval wants 0 (off) or seconds from "
                           "0.01 to 86400, not \"%1\"")
                            .arg(parser.value(notificationInterval)));
        }
        c.notificationInterval = seconds;
    }

    if (parser.isSet(theme)) {
        result.theme = parser.value(theme);
        if (result.theme != QLatin1String("system") && result.theme != QLatin1String("light")
            && result.theme != QLatin1String("dark")) {
            return fail(tr("--theme wants system, light or dark, not \"%1\"").arg(result.theme));
        }
    }

    if (parser.isSet(bind) && parser.isSet(lan))
        return fail(tr("--lan and --bind cannot be used together"));
    if (parser.isSet(lan)) {
        c.bindAddress = QHostAddress(QHostAddress::AnyIPv4);
        result.lan = true;
    } else if (parser.isSet(bind)) {
        const QString text = parser.value(bind);
        if (!bindAddress(text, &c.bindAddress)) {
            return fail(tr("--bind wants an IP address such as 127.0.0.1 or 0.0.0.0, "
                           "not \"%1\"")
                            .arg(text));
        }
    }

    if (parser.isSet(joinCode)) {
        c.joinCode = parser.value(joinCode);
        // At least 4: fewer is guessed within the throttle's first lockouts (docs/reliability.md).
        if (c.joinCode.size() < 4 || c.joinCode.size() > 32)
            return fail(tr("--join-code wants 4 to 32 characters"));
    }
    if (parser.isSet(allowedOrigins)) {
        for (const QString &item : parser.value(allowedOrigins).split(QLatin1Char(','))) {
            const QString origin = item.trimmed();
            if (origin.isEmpty())
                continue;
            // The server compares the Origin header as sent; "example.org" or a trailing slash
            // would never match, and would quietly refuse everyone.
            if (!originText(origin)) {
                return fail(tr("--allowed-origins wants origins such as "
                               "https://example.org or http://localhost:8000 "
                               "(scheme://host[:port], no path), not \"%1\"")
                                .arg(origin));
            }
            c.allowedOrigins.append(origin);
        }
        if (c.allowedOrigins.isEmpty())
            return fail(tr("--allowed-origins wants a comma-separated list of origins"));
    }
    if (parser.isSet(record)) {
        c.recordFile = parser.value(record);
        if (c.recordFile.isEmpty())
            return fail(tr("--record wants a file name"));
    }
    c.storeFile = defaultStoreFile();
    if (parser.isSet(store)) {
        const QString file = parser.value(store);
        if (file.isEmpty())
            return fail(tr("--store wants a file name, or none"));
        c.storeFile = file == QLatin1String("none") ? QString() : file;
        result.storeGiven = true;
    }
    value = c.retention;
    if (!intOption(parser, retention, 0, std::numeric_limits<int>::max(), &value, &error))
        return fail(error);
    c.retention = int(value);
    if (parser.isSet(tlsCert) != parser.isSet(tlsKey))
        return fail(tr("--tls-cert and --tls-key go together"));
    if (parser.isSet(tlsCert)) {
        c.tlsCertFile = parser.value(tlsCert);
        c.tlsKeyFile = parser.value(tlsKey);
        for (const QString &file : {c.tlsCertFile, c.tlsKeyFile}) {
            if (!QFileInfo(file).isReadable())
                return fail(tr("cannot read %1").arg(file));
        }
    }

    result.headless = parser.isSet(headless);
    result.startNow = parser.isSet(start) || result.headless;
    return result;
}

QString CommandLine::defaultStoreFile()
{
    return ServerSettings::defaultStoreFile();
}

bool CommandLine::checkTls()
{
    if (!config.tls())
        return true;
    QSslConfiguration unused;
    if (TlsCredentials::load(config.tlsCertFile, config.tlsKeyFile, &unused, &error))
        return true;
    error = HostText::translated(error);
    outcome = Outcome::Error;
    return false;
}
