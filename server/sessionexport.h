#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// What a SessionExport leaves out (outside the class: a default argument of it needs it whole).
struct SessionExportOptions
{
    // Leaves out every record of a simulated client (SessionExport::isSimulatedName()): its
    // joins, leaves, renames and messages.
    bool withoutSimulated = false;
};

// A session recording (SessionRecorder's JSON Lines) exported for people: the JSON Lines
// themselves, and a self-contained HTML transcript (no scripts, no outside files) of every
// message, join, leave, rename and kick, with times and rooms.
class SessionExport
{
public:
    // One line of a recording, as written and as parsed.
    struct Record
    {
        QByteArray line;
        QJsonObject object;
    };

    // What an export leaves out.
    using Options = SessionExportOptions;

    // True for the names Clients › Add Simulated Clients gives (sim-chatter, sim-visitor,
    // sim-slow, with the server's "-<n>" when taken). A person who picks such a name is taken
    // for one: the recording has no other mark of a simulated client.
    static bool isSimulatedName(const QString &name);
    // records without those options leave out, in order.
    static QList<Record> filtered(const QList<Record> &records, const Options &options);
    // Reads a recording. Lines that are not JSON objects (a line cut short when the machine
    // died) are left out and counted in skipped. False, with error set, when it cannot be read.
    static bool read(const QString &fileName, QList<Record> *records, QString *error,
                     int *skipped = nullptr);
    // The records as JSON Lines, each line as it was recorded.
    static QByteArray jsonLines(const QList<Record> &records);
    // The records as an HTML transcript, every text escaped.
    static QByteArray html(const QList<Record> &records, const QString &title);
    // Reads recording and writes jsonlFile and htmlFile from it (either may be empty: skipped),
    // each replaced at once and mode 0600 from its creation (PrivateFiles::write()), without
    // what options leave out.
    static bool exportFiles(const QString &recording, const QString &jsonlFile,
                            const QString &htmlFile, QString *error,
                            const Options &options = Options());
};
