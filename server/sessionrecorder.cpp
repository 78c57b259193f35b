#include "sessionrecorder.h"

#include "protocol/jsonwriter.h"
#include "protocol/timestamp.h"

#include <QDateTime>
#include <QDir>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

SessionRecorder::~SessionRecorder()
{
    close();
}

bool SessionRecorder::open(const QString &fileName, QString *error)
{
    close();
    m_file.setFileName(fileName);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(fileName, m_file.errorString());
        return false;
    }
    m_sinceSync.invalidate();
    m_unsynced = false;
    return true;
}

void SessionRecorder::close()
{
    if (!m_file.isOpen())
        return;
    if (m_unsynced)
        sync();
    m_file.close();
}

QByteArray SessionRecorder::line(const ServerEvent &e)
{
    using Kind = ServerEvent::Kind;
    const Kind kind = e.kind();
    if (kind != Kind::Message && kind != Kind::Joined && kind != Kind::Left
        && kind != Kind::Renamed) {
        return QByteArray();
    }
    const MemberIdentity *member = e.member();
    JsonWriter w;
    w.beginObject()
        .key("time")
        .value(Timestamp::format(e.time))
        .key("event")
        .value(ServerEvent::kindName(kind));
    const QString room = e.room();
    if (!room.isEmpty())
        w.key("room").value(room);
    w.key("member")
        .beginObject()
        .key("id")
        .value(member->id)
        .key("name")
        .value(member->name)
        .endObject();
    if (const auto *message = e.as<ServerEvent::Message>())
        w.key("id").value(message->id).key("text").value(message->text);
    if (const auto *renamed = e.as<ServerEvent::Renamed>())
        w.key("previous").value(renamed->previousName);
    w.endObject();
    return w.bytes();
}

void SessionRecorder::record(const ServerEvent &event)
{
    if (!m_file.isOpen())
        return;
    const QByteArray text = line(event);
    if (text.isEmpty())
        return;
    // Flushed at the end of the pass (flush()): a crash of wsroom loses nothing that the kernel
    // has.
    m_file.write(text + '\n');
    m_unflushed = true;
    m_unsynced = true;
    if (!m_sinceSync.isValid() || m_sinceSync.elapsed() >= SyncIntervalMs)
        sync();
}

void SessionRecorder::syncIfDue()
{
    if (m_unsynced && m_file.isOpen()
        && (!m_sinceSync.isValid() || m_sinceSync.elapsed() >= SyncIntervalMs)) {
        sync();
    }
}

void SessionRecorder::flush()
{
    if (m_unflushed && m_file.isOpen())
        m_file.flush();
    m_unflushed = false;
}

void SessionRecorder::sync()
{
    flush();
    // A power cut loses at most the last half second: a sync per line would cost a disk write
    // per chat message under load.
#ifdef Q_OS_UNIX
    ::fdatasync(m_file.handle());
#endif
    m_sinceSync.start();
    m_unsynced = false;
}

QString SessionRecorder::newSessionFile(const QString &dirPath, int keep)
{
    QDir dir(dirPath);
    if (dirPath.isEmpty() || !dir.mkpath(QStringLiteral(".")))
        return QString();
    const QStringList old = dir.entryList({QStringLiteral("session-*.jsonl")}, QDir::Files,
                                          QDir::Name); // the time in the name sorts them
    for (qsizetype i = 0; i + qMax(keep - 1, 0) < old.size(); ++i)
        dir.remove(old.at(i));
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString name = QStringLiteral("session-%1.jsonl").arg(stamp);
    for (int n = 2; dir.exists(name); ++n) // two windows started in the same second
        name = QStringLiteral("session-%1-%2.jsonl").arg(stamp).arg(n);
    return dir.filePath(name);
}
