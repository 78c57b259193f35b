#include "sessionrecorder.h"

#include "hosttext.h"
#include "logging.h"
#include "privatefiles.h"
#include "protocol/jsonwriter.h"
#include "protocol/timestamp.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

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
    const bool existed = QFileInfo::exists(fileName);
    // Created private (the permissions apply only to a file that open() creates): what people
    // wrote is not for the other accounts on a shared lab computer.
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text,
                     QFile::ReadOwner | QFile::WriteOwner)) {
        if (error)
            *error = HostText::english(HostText::CannotWrite).arg(fileName, m_file.errorString());
        return false;
    }
    if (!existed) {
        PrivateFiles::setCreatedFileMode(m_file.handle());
    } else if (const int mode = PrivateFiles::modeOf(m_file.handle());
               PrivateFiles::readableByOthers(mode)) {
        // Someone else's choice, perhaps on purpose: said once, not changed.
        qCWarning(lcServer, "%s", qPrintable(readableWarning(fileName, mode)));
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

namespace {

// Starts a record: its time, its kind, the room (for the kinds that have one) and the member.
JsonWriter &beginRecord(JsonWriter &w, const ServerEvent &e, const QString *room,
                        const MemberIdentity &member)
{
    w.beginObject()
        .key("time")
        .value(Timestamp::format(e.time))
        .key("event")
        .value(ServerEvent::kindName(e.kind()));
    if (room && !room->isEmpty())
        w.key("room").value(*room);
    return w.key("member")
        .beginObject()
        .key("id")
        .value(member.id)
        .key("name")
        .value(member.name)
        .endObject();
}

} // namespace

QByteArray SessionRecorder::line(const ServerEvent &e)
{
    JsonWriter w;
    const bool recorded = std::visit(
        Overloaded {
            [&](const ServerEvent::Joined &p) {
                beginRecord(w, e, &p.room, p.member).endObject();
                return true;
            },
            [&](const ServerEvent::Left &p) {
                beginRecord(w, e, &p.room, p.member).endObject();
                return true;
            },
            [&](const ServerEvent::Renamed &p) {
                beginRecord(w, e, nullptr, p.member)
                    .key("previous")
                    .value(p.previousName)
                    .endObject();
                return true;
            },
            [&](const ServerEvent::Message &p) {
                beginRecord(w, e, &p.room, p.from)
                    .key("id")
                    .value(p.id)
                    .key("text")
                    .value(p.text)
                    .endObject();
                return true;
            },
            // Before the member's leave records (additions-2 section 3, which names the kind in
            // "type": both keys, so that scripts of either form find it).
            [&](const ServerEvent::Kicked &p) {
                beginRecord(w, e, nullptr, p.member)
                    .key("type")
                    .value(QStringLiteral("kick"))
                    .key("reason")
                    .value(p.reason)
                    .key("banned")
                    .value(p.banned)
                    .endObject();
                return true;
            },
            // Who was kept out (additions-2 section 4); no member: they never were one.
            [&](const ServerEvent::Refused &p) {
                w.beginObject()
                    .key("time")
                    .value(Timestamp::format(e.time))
                    .key("event")
                    .value(ServerEvent::kindName(e.kind()))
                    .key("address")
                    .value(p.address)
                    .key("reason")
                    .value(p.reason)
                    .key("count")
                    .value(p.count)
                    .endObject();
                return true;
            },
            // A recording replays the chat: connections, rooms and errors are not in it.
            [](const auto &) { return false; },
        },
        e.payload);
    return recorded ? w.bytes() : QByteArray();
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

QString SessionRecorder::readableWarning(const QString &fileName, int mode)
{
    return QStringLiteral("the record file %1 can be read by other users (mode %2); wsroom leaves "
                          "its mode as it is")
        .arg(fileName)
        .arg(mode, 4, 8, QLatin1Char('0'));
}

QString SessionRecorder::newSessionFile(const QString &dirPath, int keep)
{
    // The data directory: made 0700 if it is not there yet, left as it is if it is.
    if (dirPath.isEmpty() || !PrivateFiles::makeFolder(dirPath))
        return QString();
    QDir dir(dirPath);
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
