#pragma once

#include "hostactions.h"

#include <QObject>

#include <functional>

class QWidget;
class RoomsView;
class ServerSession;

// The host's moderation, from the Server menu and the rooms tree's context menu: kick and ban a
// member (each with a reason), mute it, lock a room (only the host posts), clear a room's
// history (asked first), lift every ban. Acts on the rooms tree's selection; after a kick or a
// ban the room stays selected, so that the selection does not jump to the next member.
class ModerationPrompts final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModerationPrompts)

public:
    // Connects actions' kick, ban, mute, lockRoom, clearRoom and liftBans to session's commands
    // on rooms' selection; its prompts are window-modal over window (which parents this).
    ModerationPrompts(ServerSession *session, RoomsView *rooms, const HostActions &actions,
                      QWidget *window);

    // Kicks a member with close code 4000 and reason, the room selected; emits statusMessage.
    void kick(const QString &memberId, const QString &reason);
    // Kicks and bans a member (name and address) for the session; emits statusMessage.
    void ban(const QString &memberId, const QString &reason);
    // The moderation actions' enabled and checked states and words, from the server's state
    // and the selection.
    void updateActions();

signals:
    // What the host should read in the status bar.
    void statusMessage(const QString &text);

private:
    // Asks for a reason in a window-modal dialog; accepted gets it, trimmed.
    void askReason(const QString &title, const QString &label,
                   const std::function<void(const QString &)> &accepted);
    // Asks for the reason, then kicks the selected member.
    void promptKick();
    // Asks for the reason, then bans the selected member.
    void promptBan();
    // Mutes the selected member, or lets it speak again.
    void setSelectedMuted(bool muted);
    // Locks the selected room, or opens it again.
    void setSelectedLocked(bool locked);
    // Asks, then deletes the selected room's messages.
    void promptClearRoom();
    // Lifts every ban.
    void liftBans();
    // Selects the kicked member's room instead of the row after it.
    void keepSelectionOffMember(const QString &memberId);

    ServerSession *m_session;
    RoomsView *m_rooms;
    HostActions m_actions;
    QWidget *m_window;
};
