#pragma once

#include "protocol/inspectedframe.h"

#include <QPointer>
#include <QString>

#include <memory>

class FrameTap;
class MemberTransport;
struct Member;

// The frame inspector's tap on one member's connection at a time: attaches a FrameTap to the
// member's socket and hands out what it caught. The room manager turns it into signals.
class MemberInspector
{
public:
    MemberInspector();
    // Detaches the tap, if any.
    ~MemberInspector();
    Q_DISABLE_COPY_MOVE(MemberInspector)

    // Starts following member (the caller ends any other first); returns its opening handshake.
    InspectionHandshake follow(const Member *member);
    // The id of the member followed, empty when none.
    const QString &memberId() const { return m_memberId; }
    // The frames caught since the last take, and how many were dropped; false if none.
    bool take(InspectedFrameList *frames, int *dropped);
    // Stops following; returns the id of the member that was followed (empty if none).
    QString detach();

private:
    QString m_memberId;
    // The inspected member's; it is detached before the member's connection goes.
    MemberTransport *m_tapper = nullptr;
    std::unique_ptr<FrameTap> m_tap;
};
