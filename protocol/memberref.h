#pragma once

#include <QMetaType>
#include <QString>

// A member as the protocol names it: {"id":"m7","name":"alice"}.
struct MemberRef
{
    QString id;
    QString name;

    friend bool operator==(const MemberRef &a, const MemberRef &b)
    {
        return a.id == b.id && a.name == b.name;
    }
};
Q_DECLARE_METATYPE(MemberRef)
