#pragma once

#include "server/serverconfig.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// wsroom's command line (README.md, "Options"), parsed and checked.
struct CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    enum class Outcome { Run, ShowHelp, ShowVersion, Error };

    Outcome outcome = Outcome::Run;
    QString error; // one line, for Outcome::Error
    QString helpText;
    ServerConfig config;
    bool headless = false;
    bool startNow = false;
    bool lan = false; // --lan: in the window, start at once and show the share panel
    int openChats = 0;
    bool storeGiven = false; // --store was on the command line: it wins over the saved choice
    bool platformGiven = false; // Qt's -platform was given: a display is not needed
    QString theme = QStringLiteral("system"); // --theme: system, light or dark

    static CommandLine parse(const QStringList &arguments);
    // The store without --store: rooms.sqlite in the data folder (beside the session records).
    static QString defaultStoreFile();
    // Reads and checks the TLS files, if any (needs the application object, for Qt's TLS
    // backend); on failure sets outcome to Error and error to one line.
    bool checkTls();
};
