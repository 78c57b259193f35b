#include "typingroster.h"

#include <QTimer>

TypingRoster::TypingRoster(QObject *parent)
    : QObject(parent)
    , m_pruneTimer(new QTimer(this))
{
    m_clock.start();
    m_pruneTimer->setInterval(1000);
    connect(m_pruneTimer, &QTimer::timeout, this, &TypingRoster::prune);
}

TypingRoster::~TypingRoster() = default;

void TypingRoster::set(const QString &room, const MemberRef &member, bool active)
{
    if (active) {
        m_rooms[room].insert(member.id, {member.name, m_clock.elapsed() + m_expiryMs});
        m_pruneTimer->start();
    } else {
        remove(room, member.id);
    }
}

bool TypingRoster::remove(const QString &room, const QString &memberId)
{
    const auto it = m_rooms.find(room);
    return it != m_rooms.end() && it->remove(memberId) > 0;
}

void TypingRoster::rename(const QString &room, const MemberRef &member)
{
    const auto it = m_rooms.find(room);
    if (it == m_rooms.end())
        return;
    const auto typer = it->find(member.id);
    if (typer != it->end())
        typer->name = member.name;
}

void TypingRoster::clear(const QString &room)
{
    m_rooms.remove(room);
}

void TypingRoster::clearAll()
{
    m_rooms.clear();
}

QStringList TypingRoster::names(const QString &room) const
{
    QStringList names;
    const auto typers = m_rooms.value(room);
    for (const Typer &typer : typers)
        names.append(typer.name);
    names.sort(Qt::CaseInsensitive);
    return names;
}

void TypingRoster::prune()
{
    const qint64 now = m_clock.elapsed();
    bool any = false;
    QStringList changed;
    for (auto it = m_rooms.begin(); it != m_rooms.end(); ++it) {
        const qsizetype before = it->size();
        it->removeIf([now](const auto &entry) { return entry.value().expiresAt <= now; });
        any = any || !it->isEmpty();
        if (it->size() != before)
            changed.append(it.key());
    }
    if (!any)
        m_pruneTimer->stop();
    for (const QString &room : std::as_const(changed))
        emit expired(room);
}
