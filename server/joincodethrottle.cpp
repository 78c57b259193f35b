#include "joincodethrottle_p.h"

#include <QtEndian>

JoinCodeThrottle::JoinCodeThrottle(const Limits &limits)
    : m_limits(limits)
{ }

QByteArray JoinCodeThrottle::keyOf(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4); // an IPv4-mapped IPv6 address too
    if (isV4) {
        QByteArray key(4, '\0');
        qToBigEndian(v4, key.data());
        return key;
    }
    const Q_IPV6ADDR v6 = address.toIPv6Address();
    return QByteArray(reinterpret_cast<const char *>(v6.c), 8);
}

bool JoinCodeThrottle::expired(const Entry &entry, qint64 nowMs) const
{
    return entry.lockedUntil <= nowMs
        && (entry.wrongAt.isEmpty() || entry.wrongAt.last() <= nowMs - m_limits.windowMs);
}

qint64 JoinCodeThrottle::lockedOutFor(const QHostAddress &address, qint64 nowMs) const
{
    const auto it = m_entries.constFind(keyOf(address));
    if (it == m_entries.constEnd() || it->lockedUntil <= nowMs)
        return 0;
    return it->lockedUntil - nowMs;
}

bool JoinCodeThrottle::recordWrong(const QHostAddress &address, qint64 nowMs)
{
    const QByteArray key = keyOf(address);
    auto it = m_entries.find(key);
    if (it == m_entries.end()) {
        if (m_entries.size() >= m_limits.maxAddresses)
            makeRoom(nowMs);
        it = m_entries.insert(key, Entry());
        it->firstSeen = nowMs;
    }
    Entry &entry = *it;
    if (entry.lockedUntil > nowMs)
        return false; // already locked out; the lockout is not extended
    while (!entry.wrongAt.isEmpty() && entry.wrongAt.first() <= nowMs - m_limits.windowMs)
        entry.wrongAt.removeFirst();
    entry.wrongAt.append(nowMs);
    if (entry.wrongAt.size() < m_limits.maxWrong)
        return false;
    entry.wrongAt.clear();
    entry.lockedUntil = nowMs + m_limits.lockoutMs;
    return true;
}

int JoinCodeThrottle::lockedOutCount(qint64 nowMs) const
{
    int count = 0;
    for (const Entry &entry : m_entries)
        count += entry.lockedUntil > nowMs ? 1 : 0;
    return count;
}

void JoinCodeThrottle::makeRoom(qint64 nowMs)
{
    m_entries.removeIf([&](const auto &it) { return expired(it.value(), nowMs); });
    if (m_entries.size() < m_limits.maxAddresses)
        return;
    // The oldest not locked out, so that a flood of addresses frees no locked-out one while
    // another can go; if all are, the oldest.
    auto oldest = m_entries.cend();
    auto oldestLocked = m_entries.cend();
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        auto &candidate = it->lockedUntil > nowMs ? oldestLocked : oldest;
        if (candidate == m_entries.cend() || it->firstSeen < candidate->firstSeen)
            candidate = it;
    }
    m_entries.erase(oldest != m_entries.cend() ? oldest : oldestLocked);
}
