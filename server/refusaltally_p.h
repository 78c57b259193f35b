#pragma once

#include "serverevent.h"

#include <QHash>
#include <QHostAddress>
#include <QList>

#include <array>
#include <optional>

// Connections refused at the door, counted by reason for /api/status, and told as events at
// most once per address and reason a minute: the first refusal at once, the ones after it
// counted and told together when the minute is over (due()), so that a flood of refusals is a
// line a minute in the activity log and the session record, not thousands.
//
// Bounded like JoinCodeThrottle: at most maxAddresses pairs of address and reason are tracked;
// past that, refusals from the others are told together, without an address.
class RefusalTally
{
public:
    enum class Reason { WrongCode, LockedOut, Origin, Limit, Banned };
    static constexpr int ReasonCount = 5;
    static constexpr qint64 TellEveryMs = 60000;

    // An empty tally tracking at most maxAddresses pairs.
    explicit RefusalTally(int maxAddresses = 4096);

    // The reason as the protocol writes it ("wrong_code", ...).
    static QString wireName(Reason reason);
    // Counts a refusal at nowMs (milliseconds of a monotonic clock); the event to tell now, if
    // this address and reason were not told in the last minute.
    std::optional<ServerEvent::Refused> note(const QHostAddress &address, Reason reason,
                                             qint64 nowMs);
    // The events whose minute is over with refusals not told yet (their next minute starts
    // now); forgets the pairs with nothing left to tell.
    QList<ServerEvent::Refused> due(qint64 nowMs);
    // Refusals for reason since the server started.
    qint64 count(Reason reason) const { return m_counts[int(reason)]; }

private:
    struct Pair
    {
        qint64 toldAt = 0;
        int untold = 0;
    };
    using Key = QPair<QString, int>; // the address (empty: the others) and the reason

    int m_maxAddresses;
    QHash<Key, Pair> m_pairs;
    std::array<qint64, ReasonCount> m_counts {};
};
