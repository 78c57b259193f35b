#pragma once

#include <QMetaType>
#include <QString>

// A member as the protocol names it: {"id":"m7","name":"alice"}.
struct MemberRef
{
    QString id;
    QString name;

    // The host's own messages come from {"id":"host","name":"host"}: no member has the id (ids
    // are m<N>), and no member may take the name (Validation::isReservedName()).
    static MemberRef host() { return {QStringLiteral("host"), QStringLiteral("host")}; }

    friend bool operator==(const MemberRef &a, const MemberRef &b)
    {
        return a.id == b.id && a.name == b.name;
    }
};
Q_DECLARE_METATYPE(MemberRef)
