#include "memberinspector_p.h"

#include "frametap.h"
#include "member_p.h"
#include "membertransport_p.h"

MemberInspector::MemberInspector() = default;

MemberInspector::~MemberInspector()
{
    detach();
}

InspectionHandshake MemberInspector::follow(const Member *member)
{
    InspectionHandshake handshake;
    handshake.memberId = member->id;
    handshake.memberName = member->name;
    handshake.peer = member->address.toString() + QLatin1Char(':') + QString::number(member->port);
    handshake.request = member->requestHead;
    MemberTransport *transport = member->transport;
    if (transport)
        handshake.response = transport->responseHead();
    m_memberId = member->id;
    m_tap = std::make_unique<FrameTap>();
    m_tapper = transport;
    if (transport)
        transport->setTap(m_tap.get());
    return handshake;
}

bool MemberInspector::take(InspectedFrameList *frames, int *dropped)
{
    if (!m_tap || !m_tap->hasPending())
        return false;
    *frames = m_tap->take(dropped);
    return true;
}

QString MemberInspector::detach()
{
    if (m_tapper)
        m_tapper->setTap(nullptr);
    m_tapper = nullptr;
    m_tap.reset();
    return std::exchange(m_memberId, QString());
}
