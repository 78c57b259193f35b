#pragma once

#include "serverevent.h"

#include <QFile>
#include <QString>

// Appends events to a JSON Lines file as they happen, one flushed line each, so a recording
// survives a crash up to its last line.
class SessionRecorder
{
public:
    ~SessionRecorder();

    // Opens (creates or appends to) the file. False, with error set, when it cannot.
    bool open(const QString &fileName, QString *error);
    void close();
    bool isOpen() const { return m_file.isOpen(); }

    // Writes messages, joins, leaves and renames; other kinds are not part of a recording.
    void record(const ServerEvent &event);

    // One event as a JSON Lines record, without the newline; empty for kinds not recorded.
    static QByteArray line(const ServerEvent &event);

private:
    QFile m_file;
};
