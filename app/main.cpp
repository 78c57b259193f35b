#include "commandline.h"
#include "console/serversettings.h"
#include "server/hosttext.h"
#include "server/roommanager.h"
#include "server/serverhost.h"
#include "signalwatcher.h"
#include "ui/applanguage.h"
#include "ui/apptheme.h"
#include "ui/contextmenukeys.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QIcon>

#include <cstdio>
#include <utility>

namespace {

bool displayAvailable()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY")
        || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

void printListening(const QString &hostName, quint16 port, bool tls)
{
    const char *ws = tls ? "wss" : "ws";
    const char *http = tls ? "https" : "http";
    std::printf("wsroom: listening on %s://%s:%d/ (%s://%s:%d/)\n", ws, qPrintable(hostName), port,
                http, qPrintable(hostName), port);
    std::fflush(stdout);
}

// The server alone: logs to stderr, one "listening" line on stdout, clean stop on SIGINT/SIGTERM.
int runHeadless(const CommandLine &options)
{
    ServerHost host;
    SignalWatcher watcher;
    int exitCode = 0;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &host, [&host](int number) {
        qInfo("wsroom: signal %d received, stopping", number);
        host.stop();
    });
    QObject::connect(host.manager(), &RoomManager::listening, &host,
                     [tls = options.config.tls()](const QString &hostName, quint16 port) {
                         printListening(hostName, port, tls);
                     });
    QObject::connect(host.manager(), &RoomManager::startFailed, &host,
                     [&exitCode](const QString &reason, int exitStatus) {
                         std::fprintf(stderr, "wsroom: %s\n",
                                      qPrintable(HostText::translated(reason)));
                         exitCode = exitStatus;
                         QCoreApplication::exit(exitStatus);
                     });
    QObject::connect(host.manager(), &RoomManager::stopped, &host,
                     [] { QCoreApplication::exit(0); });
    if (options.openChats > 0) {
        std::fprintf(stderr, "wsroom: %s\n",
                     qPrintable(QCoreApplication::translate(
                         "Main", "--open-chats needs the window; ignored when headless")));
    }
    host.start(options.config);
    const int code = QCoreApplication::exec();
    return exitCode ? exitCode : code;
}

// The desktop window: the server starts from its Start button, or at once with --start.
int runWindow(int &argc, char **argv, CommandLine &options)
{
    QApplication app(argc, argv);
    AppLanguage::install();
    // Checked before the window opens, so that a bad file is a usage error (status 2).
    if (!options.checkTls()) {
        std::fprintf(stderr, "wsroom: %s\n", qPrintable(options.error));
        return 2;
    }
    AppTheme::Theme theme = AppTheme::Theme::System;
    AppTheme::fromName(options.theme, &theme); // checked by the parser
    AppTheme::apply(theme);
    // Shift+F10 and the Menu key open context menus, in every window.
    ContextMenuKeys contextMenuKeys;
    app.installEventFilter(&contextMenuKeys);
    QIcon icon;
    for (int size : {32, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/wsroom-%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);
    QApplication::setDesktopFileName(
        QStringLiteral("io.github.wsroom.wsroom")); // resources/CMakeLists.txt

    // The window's Settings choose the store; an explicit --store (a file or none) wins.
    if (!options.storeGiven)
        options.config.storeFile = ServerSettings::storeFile(options.config.storeFile);
    MainWindow window(options.config);
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &window,
                     &MainWindow::closeWithoutAsking);
    QObject::connect(
        &window, &MainWindow::listeningChanged, &window,
        [&window, chats = options.openChats, tls = options.config.tls()](bool listening) mutable {
            if (!listening)
                return;
            printListening(window.listeningHost(), window.port(), tls);
            // --open-chats opens its windows once, on the first start.
            if (chats > 0)
                window.openChatWindows(std::exchange(chats, 0));
        });
    window.show();
    if (options.lan)
        window.shareOnLocalNetwork(); // starts it on 0.0.0.0 and shows the share panel
    else if (options.startNow || options.openChats > 0)
        window.startServer();
    return QApplication::exec();
}

// The command line parsed again in the user's language, for its help or its error: the
// translations need an application object, which the first parse comes before (it decides
// which kind to make).
CommandLine translatedParse(int &argc, char **argv, const QStringList &arguments)
{
    QCoreApplication app(argc, argv);
    AppLanguage::install();
    return CommandLine::parse(arguments);
}

} // namespace

int main(int argc, char *argv[])
{
    // Qt's own event dispatcher rather than GLib's: with thousands of sockets, GLib's list of
    // sources makes each write notifier turned on or off cost a walk (see docs/performance.md).
    // Set before any QCoreApplication; a user's own setting wins.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication::setApplicationName(QStringLiteral("wsroom"));
    QCoreApplication::setOrganizationName(QStringLiteral("wsroom"));
    QCoreApplication::setApplicationVersion(RoomManager::version());
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddTHH:mm:ss.zzz} %{if-category}%{category}: "
                                      "%{endif}%{message}"));

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    CommandLine options = CommandLine::parse(arguments);
    switch (options.outcome) {
    case CommandLine::Outcome::Error:
        std::fprintf(stderr, "wsroom: %s\n",
                     qPrintable(translatedParse(argc, argv, arguments).error));
        return 2;
    case CommandLine::Outcome::ShowHelp:
        std::printf("%s", qPrintable(translatedParse(argc, argv, arguments).helpText));
        return 0;
    case CommandLine::Outcome::ShowVersion:
        std::printf("wsroom %s\n", qPrintable(RoomManager::version()));
        return 0;
    case CommandLine::Outcome::Run:
        break;
    }

    const bool noDisplay = !options.headless && !options.platformGiven && !displayAvailable();
    if (!options.headless && !noDisplay)
        return runWindow(argc, argv, options);
    QCoreApplication app(argc, argv);
    AppLanguage::install();
    if (noDisplay) {
        std::fprintf(stderr, "wsroom: %s\n",
                     qPrintable(QCoreApplication::translate(
                         "Main",
                         "no display found (no DISPLAY or WAYLAND_DISPLAY), running "
                         "headless")));
        options.headless = true;
    }
    if (!options.checkTls()) {
        std::fprintf(stderr, "wsroom: %s\n", qPrintable(options.error));
        return 2;
    }
    return runHeadless(options);
}
