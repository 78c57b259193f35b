#include "sessionrecorder.h"

#include "jsonwriter.h"
#include "timestamp.h"

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
    return true;
}

void SessionRecorder::close()
{
    if (m_file.isOpen())
        m_file.close();
}

QByteArray SessionRecorder::line(const ServerEvent &e)
{
    using Kind = ServerEvent::Kind;
    if (e.kind != Kind::Message && e.kind != Kind::Joined && e.kind != Kind::Left
        && e.kind != Kind::Renamed) {
        return QByteArray();
    }
    JsonWriter w;
    w.beginObject()
        .key("time")
        .value(Timestamp::format(e.time))
        .key("event")
        .value(ServerEvent::kindName(e.kind));
    if (!e.room.isEmpty())
        w.key("room").value(e.room);
    w.key("member")
        .beginObject()
        .key("id")
        .value(e.memberId)
        .key("name")
        .value(e.memberName)
        .endObject();
    if (e.kind == Kind::Message)
        w.key("id").value(e.messageId).key("text").value(e.text);
    if (e.kind == Kind::Renamed)
        w.key("previous").value(e.detail);
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
    m_file.write(text + '\n');
    m_file.flush();
}
