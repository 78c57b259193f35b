#include "banlist_p.h"

#include <algorithm>

QString BanList::key(const QHostAddress &address)
{
    bool ipv4 = false;
    const quint32 v4 = address.toIPv4Address(&ipv4);
    return ipv4 ? QHostAddress(v4).toString() : address.toString();
}

void BanList::ban(const QString &name, const QHostAddress &address)
{
    if (!name.trimmed().isEmpty())
        m_names.insert(name.trimmed().toLower());
    if (address.isNull())
        return;
    bool ipv4 = false;
    const quint32 v4 = address.toIPv4Address(&ipv4);
    const QHostAddress plain = ipv4 ? QHostAddress(v4) : address;
    if (!plain.isLoopback())
        m_addresses.insert(key(plain));
}

bool BanList::isBanned(const QString &name, const QHostAddress &address) const
{
    if (!name.trimmed().isEmpty() && m_names.contains(name.trimmed().toLower()))
        return true;
    return !address.isNull() && m_addresses.contains(key(address));
}

void BanList::clear()
{
    m_names.clear();
    m_addresses.clear();
}

QStringList BanList::names() const
{
    QStringList list(m_names.cbegin(), m_names.cend());
    std::sort(list.begin(), list.end());
    return list;
}

QStringList BanList::addresses() const
{
    QStringList list(m_addresses.cbegin(), m_addresses.cend());
    std::sort(list.begin(), list.end());
    return list;
}
