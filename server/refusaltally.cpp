#include "refusaltally_p.h"

RefusalTally::RefusalTally(int maxAddresses)
    : m_maxAddresses(maxAddresses)
{ }

QString RefusalTally::wireName(Reason reason)
{
    switch (reason) {
    case Reason::WrongCode:
        return QStringLiteral("wrong_code");
    case Reason::LockedOut:
        return QStringLiteral("locked_out");
    case Reason::Origin:
        return QStringLiteral("origin");
    case Reason::Limit:
        return QStringLiteral("limit");
    case Reason::Banned:
        return QStringLiteral("banned");
    }
    return QString();
}

std::optional<ServerEvent::Refused> RefusalTally::note(const QHostAddress &address, Reason reason,
                                                       qint64 nowMs)
{
    ++m_counts[int(reason)];
    Key key(address.toString(), int(reason));
    if (!m_pairs.contains(key) && m_pairs.size() >= m_maxAddresses) {
        m_pairs.removeIf([nowMs](const auto &it) {
            return it->untold == 0 && nowMs - it->toldAt >= TellEveryMs;
        });
        if (m_pairs.size() >= m_maxAddresses)
            key.first.clear();
    }
    auto it = m_pairs.find(key);
    if (it == m_pairs.end() || nowMs - it->toldAt >= TellEveryMs) {
        const int count = (it == m_pairs.end() ? 0 : it->untold) + 1;
        m_pairs.insert(key, Pair {nowMs, 0});
        return ServerEvent::Refused {key.first, wireName(reason), count};
    }
    ++it->untold;
    return std::nullopt;
}

QList<ServerEvent::Refused> RefusalTally::due(qint64 nowMs)
{
    QList<ServerEvent::Refused> events;
    for (auto it = m_pairs.begin(); it != m_pairs.end();) {
        if (nowMs - it->toldAt < TellEveryMs) {
            ++it;
            continue;
        }
        if (it->untold == 0) {
            // Qt 6's QHash::erase takes only a const_iterator, and the loop writes through `it`.
            it = m_pairs.erase(it); // clazy:exclude=strict-iterators because of the line above
            continue;
        }
        // Told now, so the next minute starts now: still at most one line a minute.
        events.append({it.key().first, wireName(Reason(it.key().second)), it->untold});
        *it = Pair {nowMs, 0};
        ++it;
    }
    return events;
}
