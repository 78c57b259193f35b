#pragma once

#include "serverevent.h"

#include <QElapsedTimer>
#include <QFile>
#include <QString>

// Appends events to a JSON Lines file as they happen, flushed to the kernel at the end of each
// pass of the room manager's event loop (flush()), so a recording survives a crash of wsroom up
// to its last pass; fdatasync() at most twice a second (see syncIfDue()) so that it also
// survives the machine going down, without a disk write per line.
class SessionRecorder
{
public:
    // The shortest time between two fdatasync() calls.
    static constexpr int SyncIntervalMs = 500;

    ~SessionRecorder();

    // Opens (creates or appends to) the file; a file it creates is mode 0600 from the start, and
    // an existing one readable by other users keeps its mode, with one warning (lcServer,
    // readableWarning()). False, with error set, when it cannot.
    bool open(const QString &fileName, QString *error);
    // Syncs what is still unsynced, then closes.
    void close();
    bool isOpen() const { return m_file.isOpen(); }
    QString fileName() const { return m_file.fileName(); }

    // Writes messages, joins, leaves and renames; other kinds are not part of a recording.
    void record(const ServerEvent &event);
    // Hands the lines written since the last flush to the kernel: one write for a whole pass
    // of the event loop, not one per line (under load, a chat message is a line).
    void flush();
    // Syncs lines written since the last sync once SyncIntervalMs have passed; call it often
    // (the room manager does, every 100 ms), so that no line stays unsynced for long.
    void syncIfDue();
    // True while lines are written but not yet synced to the disk.
    bool hasUnsyncedLines() const { return m_unsynced; }

    // One event as a JSON Lines record, without the newline; empty for kinds not recorded.
    static QByteArray line(const ServerEvent &event);

    // The warning open() gives for an existing record file whose mode lets others read it:
    // "the record file F can be read by other users (mode 0644); wsroom leaves its mode as it is".
    static QString readableWarning(const QString &fileName, int mode);

    // A new file name "session-<yyyyMMdd-HHmmss>.jsonl" in dir (created 0700 if needed) for a
    // recording about to start, after deleting the oldest such files so that at most keep
    // remain with it. Empty when dir cannot be created.
    static QString newSessionFile(const QString &dir, int keep);

private:
    void sync();

    QFile m_file;
    QElapsedTimer m_sinceSync;
    bool m_unsynced = false;
    bool m_unflushed = false;
};
