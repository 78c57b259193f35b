#pragma once

#include <QHostAddress>
#include <QSet>
#include <QString>
#include <QStringList>

// The names and addresses the host banned for this session (RoomManager::ban()): the front
// door refuses new connections that ask for a banned name (any letter case) or come from a
// banned address, with HTTP 403 "banned". Loopback addresses are never banned: the host's own
// chat windows connect from there.
class BanList
{
public:
    // Bans name (compared in lower case; empty: none) and address, unless it is loopback or null.
    void ban(const QString &name, const QHostAddress &address);
    // Whether a connection asking for name (empty: none asked) from address is refused.
    bool isBanned(const QString &name, const QHostAddress &address) const;
    // Forgets every ban.
    void clear();
    // The banned names, lower case, sorted.
    QStringList names() const;
    // The banned addresses as QHostAddress writes them (an IPv4-mapped one as plain IPv4), sorted.
    QStringList addresses() const;
    // The address as the list keeps it: an IPv4-mapped IPv6 address as its IPv4 address.
    static QString key(const QHostAddress &address);

private:
    QSet<QString> m_names;
    QSet<QString> m_addresses;
};
