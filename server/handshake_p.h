#pragma once

#include "protocol/endpoint.h"

#include <QByteArray>
#include <QHostAddress>

// An upgrade request the front door has read and answered with 101, on its way to becoming a
// member.
struct Handshake
{
    Endpoint endpoint;
    bool codeAccepted = true;
    int lockedOutSeconds = 0; // refused because the address is locked out, for this long
    QHostAddress peerAddress; // the client's
    quint16 peerPort = 0;
    QByteArray requestHead; // as received, for the frame inspector
    int deflateWindowBits = 0; // permessage-deflate's window when agreed, else 0
};
