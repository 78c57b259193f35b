#pragma once

#include "protocol/dialect.h"
#include "protocol/memberref.h"

#include <QString>

// Who a member is, as every report about it names it: the member itself (Member), the state's
// picture (ServerSnapshot::MemberInfo) and the events (ServerEvent's payloads).
struct MemberIdentity
{
    QString id;
    QString name;
    Dialect dialect = Dialect::Native;

    // The member as the protocol names it: its id and name.
    MemberRef ref() const { return {id, name}; }
};
