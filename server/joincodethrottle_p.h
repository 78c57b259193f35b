#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>

// Wrong join codes per client address: after maxWrong wrong codes within windowMs, the address
// is locked out for lockoutMs (every connection refused, right code or not). An IPv6 address
// counts by its /64, the block one host is usually given, so that a host cannot get a fresh
// count by taking the next address of its own block; an IPv4 address counts by itself.
//
// Bounded: at most maxAddresses are tracked (about 100 bytes each). When the table is full,
// addresses with nothing left to remember are forgotten first, then the one tracked longest
// that is not locked out (a locked-out one only when all are). Times are milliseconds of a
// monotonic clock, passed in so that tests need not wait.
class JoinCodeThrottle
{
public:
    struct Limits
    {
        int maxWrong = 5;
        qint64 windowMs = 60000;
        qint64 lockoutMs = 60000;
        int maxAddresses = 4096;
    };

    // An empty table with these limits.
    explicit JoinCodeThrottle(const Limits &limits);

    // How long address stays locked out at nowMs; 0 if it is not.
    qint64 lockedOutFor(const QHostAddress &address, qint64 nowMs) const;
    // Counts a wrong code from address at nowMs; true if that locks the address out.
    bool recordWrong(const QHostAddress &address, qint64 nowMs);
    // Addresses locked out at nowMs.
    int lockedOutCount(qint64 nowMs) const;
    // Addresses tracked now (at most maxAddresses).
    int size() const { return int(m_entries.size()); }
    // Forgets every address (a new join code: the old guesses no longer matter).
    void clear() { m_entries.clear(); }
    const Limits &limits() const { return m_limits; }

private:
    struct Entry
    {
        QList<qint64> wrongAt; // the wrong codes within the window, oldest first
        qint64 lockedUntil = 0;
        qint64 firstSeen = 0;
    };

    // The table's key for address: its IPv4 address, or its IPv6 /64.
    static QByteArray keyOf(const QHostAddress &address);
    // True when the entry has nothing left to remember at nowMs.
    bool expired(const Entry &entry, qint64 nowMs) const;
    // Makes room for one more entry.
    void makeRoom(qint64 nowMs);

    Limits m_limits;
    QHash<QByteArray, Entry> m_entries;
};
