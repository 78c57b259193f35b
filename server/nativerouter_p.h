#pragma once

#include "protocol/request.h"

#include <QString>

class RoomActions;
class RoomArchive;
class RoomDirectory;
class TutorialRouter;
struct Member;

// The native protocol's requests (path /chat): decodes each text frame and acts on it, through
// RoomActions, answering the member in the native protocol.
class NativeRouter
{
public:
    // Acts through actions on directory; a notify request goes to tutorial's notification
    // members.
    NativeRouter(RoomDirectory &directory, RoomActions &actions, RoomArchive &archive,
                 TutorialRouter &tutorial);
    Q_DISABLE_COPY_MOVE(NativeRouter)

    // Handles one text message (valid UTF-8) from a native member: a request, or an error back
    // if it is none.
    void handle(Member *member, const QByteArray &utf8);

private:
    // Carries out a valid request and answers it.
    void handleRequest(Member *member, const Request &request);
    // The member's direct message to another native member, a copy back to the sender.
    void sendDirect(Member *member, const Request &request);

    RoomDirectory &m_directory;
    RoomActions &m_actions;
    RoomArchive &m_archive;
    TutorialRouter &m_tutorial;
};
