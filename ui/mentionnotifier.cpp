#include "mentionnotifier.h"

#include "client/chattext.h"

MentionNotifier::MentionNotifier(QObject *parent)
    : QObject(parent)
{ }

MentionNotifier::~MentionNotifier() = default;

bool MentionNotifier::wants(const ChatLogEntry &entry, const QString &selfName, bool windowActive)
{
    if (windowActive || entry.own || entry.earlier)
        return false;
    if (entry.kind == ChatLogEntry::Kind::Direct)
        return true;
    return entry.kind == ChatLogEntry::Kind::Message && ChatText::mentions(entry.text, selfName);
}

bool MentionNotifier::consider(const QString &room, const ChatLogEntry &entry,
                               const QString &selfName, bool windowActive)
{
    if (entry.seq <= m_lastSeq || !wants(entry, selfName, windowActive))
        return false;
    m_lastSeq = entry.seq;
    const QString title = entry.kind == ChatLogEntry::Kind::Direct
        ? entry.sender
        : tr("%1 in %2").arg(entry.sender, room);
    emit notificationWanted(title, entry.text);
    return true;
}
