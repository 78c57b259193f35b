// wsroom-bench: the load generator (see bench/README.md), and the chart of bench/compare.

#include "chart.h"
#include "loadgenerator.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

#include <cstdio>
#include <cstring>
#include <memory>
#include <unistd.h>

namespace {

bool wantsChart(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--chart") == 0)
            return true;
    }
    return false;
}

int fail(const QString &message)
{
    std::fprintf(stderr, "wsroom-bench: %s\n", qPrintable(message));
    return 2;
}

void printSummary(const QJsonObject &r)
{
    const QJsonObject connect = r.value(QStringLiteral("connect")).toObject();
    std::printf(
        "connect: %d open in %.2f s (%.0f/s), handshake p50 %.2f ms p99 %.2f ms, %d failed\n",
        connect.value(QStringLiteral("opened")).toInt(),
        connect.value(QStringLiteral("seconds")).toDouble(),
        connect.value(QStringLiteral("per_second")).toDouble(),
        connect.value(QStringLiteral("handshake_p50_ms")).toDouble(),
        connect.value(QStringLiteral("handshake_p99_ms")).toDouble(),
        connect.value(QStringLiteral("failed")).toInt());
    if (r.contains(QStringLiteral("idle"))) {
        const QJsonObject idle = r.value(QStringLiteral("idle")).toObject();
        std::printf("idle: %d connections held", idle.value(QStringLiteral("held")).toInt());
        if (idle.contains(QStringLiteral("bytes_per_connection"))) {
            std::printf(", server RSS %lld -> %lld kB, %.0f bytes per connection",
                        qint64(idle.value(QStringLiteral("server_rss_before_kb")).toDouble()),
                        qint64(idle.value(QStringLiteral("server_rss_after_kb")).toDouble()),
                        idle.value(QStringLiteral("bytes_per_connection")).toDouble());
        }
        std::printf("\n");
        return;
    }
    const QJsonObject latency = r.value(QStringLiteral("latency")).toObject();
    std::printf("deliveries: %lld of %lld in %.3f s: %.0f/s\n",
                qint64(r.value(QStringLiteral("deliveries")).toDouble()),
                qint64(r.value(QStringLiteral("expected")).toDouble()),
                r.value(QStringLiteral("seconds")).toDouble(),
                r.value(QStringLiteral("deliveries_per_s")).toDouble());
    std::printf("latency: p50 %.3f ms, p99 %.3f ms, max %.3f ms\n",
                latency.value(QStringLiteral("p50_ms")).toDouble(),
                latency.value(QStringLiteral("p99_ms")).toDouble(),
                latency.value(QStringLiteral("max_ms")).toDouble());
    std::printf("missing %lld, out of order %lld, errors %lld\n",
                qint64(r.value(QStringLiteral("missing")).toDouble()),
                qint64(r.value(QStringLiteral("out_of_order")).toDouble()),
                qint64(r.value(QStringLiteral("errors")).toDouble()));
    if (r.contains(QStringLiteral("server"))) {
        const QJsonObject server = r.value(QStringLiteral("server")).toObject();
        std::printf("server: %.3f s CPU, %.3f us per delivery, RSS %lld kB (peak %lld kB)\n",
                    server.value(QStringLiteral("cpu_s")).toDouble(),
                    server.value(QStringLiteral("cpu_us_per_delivery")).toDouble(),
                    qint64(server.value(QStringLiteral("rss_kb")).toDouble()),
                    qint64(server.value(QStringLiteral("peak_rss_kb")).toDouble()));
    }
    const QJsonObject wire = r.value(QStringLiteral("wire")).toObject();
    std::printf("wire%s: %lld bytes in, %lld out, %.1f per delivery; messages in: %lld "
                "compressed, %lld plain\n",
                wire.value(QStringLiteral("deflate")).toBool() ? " (permessage-deflate)" : "",
                qint64(wire.value(QStringLiteral("bytes_in")).toDouble()),
                qint64(wire.value(QStringLiteral("bytes_out")).toDouble()),
                wire.value(QStringLiteral("bytes_per_delivery")).toDouble(),
                qint64(wire.value(QStringLiteral("messages_in_compressed")).toDouble()),
                qint64(wire.value(QStringLiteral("messages_in_plain")).toDouble()));
    for (const QJsonValue &sample : r.value(QStringLiteral("error_samples")).toArray())
        std::printf("error: %s\n", qPrintable(sample.toString()));
}

} // namespace

int main(int argc, char *argv[])
{
    // The chart needs fonts and a painter, hence a QGuiApplication; the load needs neither.
    std::unique_ptr<QCoreApplication> app;
    if (wantsChart(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("wsroom-bench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Load generator for WebSocket chat servers: N clients, S of them sending M numbered "
        "lines each; reports deliveries per second, latency, and missing or out-of-order "
        "lines. --idle holds N idle connections instead, for memory per connection."));
    parser.addHelpOption();
    const QCommandLineOption url(QStringLiteral("url"),
                                 QStringLiteral("Server: ws://HOST:PORT, optionally with a path in "
                                                "which {id} is the client's name."),
                                 QStringLiteral("URL"), QStringLiteral("ws://127.0.0.1:8000"));
    const QCommandLineOption dialect(
        QStringLiteral("dialect"),
        QStringLiteral("chat (/ws/{id}) or native (/chat?name={id}&room=bench)."),
        QStringLiteral("NAME"), QStringLiteral("chat"));
    const QCommandLineOption room(
        QStringLiteral("room"),
        QStringLiteral("Native dialect: the room the clients join and send to (letters, digits, "
                       "- and _), e.g. lobby to flood the room a chat window is in."),
        QStringLiteral("NAME"), QStringLiteral("bench"));
    const QCommandLineOption clients({QStringLiteral("n"), QStringLiteral("clients")},
                                     QStringLiteral("Clients (connections), up to 10000 or more."),
                                     QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption senders({QStringLiteral("s"), QStringLiteral("senders")},
                                     QStringLiteral("How many of the clients send."),
                                     QStringLiteral("S"), QStringLiteral("4"));
    const QCommandLineOption messages({QStringLiteral("m"), QStringLiteral("messages")},
                                      QStringLiteral("Messages per sender."), QStringLiteral("M"),
                                      QStringLiteral("1000"));
    const QCommandLineOption window({QStringLiteral("w"), QStringLiteral("window")},
                                    QStringLiteral("Messages in flight per sender: the next is "
                                                   "sent when the sender hears its own."),
                                    QStringLiteral("W"), QStringLiteral("8"));
    const QCommandLineOption size(QStringLiteral("size"),
                                  QStringLiteral("Bytes of text per message (at least ~30 are "
                                                 "used for the sequence and time)."),
                                  QStringLiteral("BYTES"), QStringLiteral("64"));
    const QCommandLineOption payload(
        QStringLiteral("payload"),
        QStringLiteral("What a message's text is after its marker: filler (x up to --size), "
                       "text (English words up to --size) or json (a JSON object of about "
                       "--size bytes: an order with keys, words and numbers)."),
        QStringLiteral("KIND"), QStringLiteral("filler"));
    const QCommandLineOption deflate(
        QStringLiteral("deflate"),
        QStringLiteral("Offer permessage-deflate (an error when the server does not agree), "
                       "compress what is sent and inflate what comes compressed."));
    const QCommandLineOption idle(QStringLiteral("idle"),
                                  QStringLiteral("Hold the N connections idle and report the "
                                                 "server's memory per connection."));
    const QCommandLineOption hold(QStringLiteral("hold"),
                                  QStringLiteral("Idle mode: seconds to hold before measuring."),
                                  QStringLiteral("SECONDS"), QStringLiteral("2"));
    const QCommandLineOption concurrency(QStringLiteral("connect-concurrency"),
                                         QStringLiteral("Handshakes in progress at once."),
                                         QStringLiteral("N"), QStringLiteral("256"));
    const QCommandLineOption stall(QStringLiteral("stall"),
                                   QStringLiteral("End the run after this many seconds without a "
                                                  "delivery, counting what is missing."),
                                   QStringLiteral("SECONDS"), QStringLiteral("10"));
    const QCommandLineOption serverPid(QStringLiteral("server-pid"),
                                       QStringLiteral("The server's process id, for its CPU time "
                                                      "per delivery and its memory."),
                                       QStringLiteral("PID"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print the results as one JSON object."));
    const QCommandLineOption progress(QStringLiteral("progress"),
                                      QStringLiteral("Progress bar on stderr: auto, on or off."),
                                      QStringLiteral("WHEN"), QStringLiteral("auto"));
    const QCommandLineOption chart(QStringLiteral("chart"),
                                   QStringLiteral("Draw the comparison chart from --results "
                                                  "into this PNG, then exit."),
                                   QStringLiteral("FILE.png"));
    const QCommandLineOption results(QStringLiteral("results"),
                                     QStringLiteral("The chart's data (JSON, as bench/compare "
                                                    "writes it)."),
                                     QStringLiteral("FILE.json"));
    parser.addOptions({url, dialect, room, clients, senders, messages, window, size, payload,
                       deflate, idle, hold, concurrency, stall, serverPid, json, progress, chart,
                       results});
    parser.process(*app);
    if (!parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("unexpected argument %1").arg(parser.positionalArguments()[0]));

    if (parser.isSet(chart)) {
        if (!parser.isSet(results))
            return fail(QStringLiteral("--chart needs --results FILE.json"));
        QString error;
        if (!Chart::draw(parser.value(results), parser.value(chart), &error))
            return fail(error);
        return 0;
    }

    auto integer = [&](const QCommandLineOption &option, int min, int *out) {
        bool ok = false;
        *out = parser.value(option).toInt(&ok);
        if (!ok || *out < min) {
            fail(QStringLiteral("--%1 must be a number of at least %2, not \"%3\"")
                     .arg(option.names().constLast())
                     .arg(min)
                     .arg(parser.value(option)));
            return false;
        }
        return true;
    };
    auto decimal = [&](const QCommandLineOption &option, double *out) {
        bool ok = false;
        *out = parser.value(option).toDouble(&ok);
        if (!ok || *out < 0) {
            fail(QStringLiteral("--%1 must be a number of seconds, not \"%2\"")
                     .arg(option.names().constLast(), parser.value(option)));
            return false;
        }
        return true;
    };

    LoadOptions options;
    options.mode = parser.isSet(idle) ? LoadOptions::Mode::Idle : LoadOptions::Mode::Broadcast;
    if (parser.value(dialect) == QLatin1String("chat"))
        options.dialect = LoadOptions::Dialect::Chat;
    else if (parser.value(dialect) == QLatin1String("native"))
        options.dialect = LoadOptions::Dialect::Native;
    else
        return fail(
            QStringLiteral("--dialect is chat or native, not \"%1\"").arg(parser.value(dialect)));
    // Put as is into the path and the JSON lines: only characters that need no escaping.
    static const QRegularExpression roomName(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    if (!roomName.match(parser.value(room)).hasMatch())
        return fail(QStringLiteral("--room is 1 to 64 letters, digits, - or _, not \"%1\"")
                        .arg(parser.value(room)));
    if (parser.isSet(room) && options.dialect != LoadOptions::Dialect::Native)
        return fail(QStringLiteral("--room is for the native dialect (the chat dialect's room is "
                                   "the server's)"));
    options.room = parser.value(room).toStdString();
    const QUrl target(parser.value(url));
    if (!target.isValid() || target.scheme() != QLatin1String("ws") || target.host().isEmpty())
        return fail(QStringLiteral("--url must look like ws://127.0.0.1:8000, not \"%1\"")
                        .arg(parser.value(url)));
    options.host = target.host().toStdString();
    options.port = quint16(target.port(80));
    if (!target.path().isEmpty() && target.path() != QLatin1String("/")) {
        options.pathTemplate = target.toString(QUrl::RemoveScheme | QUrl::RemoveAuthority)
                                   .replace(QLatin1String("%7Bid%7D"), QLatin1String("{id}"))
                                   .toStdString();
    }
    if (!integer(clients, 1, &options.clients) || !integer(senders, 1, &options.senders)
        || !integer(messages, 1, &options.messages) || !integer(window, 1, &options.window)
        || !integer(size, 1, &options.size) || !integer(concurrency, 1, &options.connectConcurrency)
        || !decimal(hold, &options.holdSeconds) || !decimal(stall, &options.stallSeconds))
        return 2;
    if (options.size > 65536)
        return fail(QStringLiteral("--size is at most 65536"));
    if (parser.value(payload) == QLatin1String("filler"))
        options.payload = Payload::Kind::Filler;
    else if (parser.value(payload) == QLatin1String("text"))
        options.payload = Payload::Kind::Text;
    else if (parser.value(payload) == QLatin1String("json"))
        options.payload = Payload::Kind::Json;
    else
        return fail(QStringLiteral("--payload is filler, text or json, not \"%1\"")
                        .arg(parser.value(payload)));
    options.deflate = parser.isSet(deflate);
    if (parser.isSet(serverPid) && !integer(serverPid, 1, &options.serverPid))
        return 2;
    if (options.mode == LoadOptions::Mode::Broadcast && options.senders > options.clients)
        return fail(QStringLiteral("--senders must not exceed --clients"));
    const QString when = parser.value(progress);
    if (when == QLatin1String("auto"))
        options.progress = isatty(STDERR_FILENO);
    else if (when == QLatin1String("on") || when == QLatin1String("off"))
        options.progress = when == QLatin1String("on");
    else
        return fail(QStringLiteral("--progress is auto, on or off"));

    LoadGenerator generator(options);
    const bool ran = generator.run();
    if (!ran)
        return fail(generator.error());
    const QJsonObject r = generator.results();
    if (parser.isSet(json))
        std::printf("%s\n", QJsonDocument(r).toJson(QJsonDocument::Compact).constData());
    else
        printSummary(r);
    const bool clean = r.value(QStringLiteral("missing")).toDouble() == 0
        && r.value(QStringLiteral("out_of_order")).toDouble() == 0;
    return clean ? 0 : 1;
}
