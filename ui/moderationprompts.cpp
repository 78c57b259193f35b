#include "moderationprompts.h"

#include "console/roomsmodel.h"
#include "console/serversession.h"
#include "roomsview.h"

#include <QAction>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QMessageBox>
#include <QPushButton>

ModerationPrompts::ModerationPrompts(ServerSession *session, RoomsView *rooms,
                                     const HostActions &actions, QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_rooms(rooms)
    , m_actions(actions)
    , m_window(window)
{
    connect(actions.kick, &QAction::triggered, this, &ModerationPrompts::promptKick);
    connect(actions.ban, &QAction::triggered, this, &ModerationPrompts::promptBan);
    connect(actions.mute, &QAction::triggered, this, &ModerationPrompts::setSelectedMuted);
    connect(actions.lockRoom, &QAction::triggered, this, &ModerationPrompts::setSelectedLocked);
    connect(actions.clearRoom, &QAction::triggered, this, &ModerationPrompts::promptClearRoom);
    connect(actions.liftBans, &QAction::triggered, this, &ModerationPrompts::liftBans);
}

void ModerationPrompts::updateActions()
{
    const bool listening = m_session->isListening();
    const QString memberId = m_rooms->selectedMemberId();
    const QString name = m_rooms->selectedMemberName();
    const QString room = m_rooms->selectedRoom();
    const bool member = !memberId.isEmpty();
    const QModelIndex current = m_rooms->selectionModel()->currentIndex();
    const HostActions &a = m_actions;
    a.kick->setEnabled(listening && member);
    a.kick->setText(member ? tr("&Kick %1…").arg(name) : tr("&Kick Member…"));
    a.ban->setEnabled(listening && member);
    a.ban->setText(member ? tr("&Ban %1…").arg(name) : tr("&Ban Member…"));
    a.mute->setEnabled(listening && member);
    a.mute->setChecked(member && current.data(RoomsModel::MutedRole).toBool());
    a.mute->setText(member ? tr("&Mute %1").arg(name) : tr("&Mute Member"));
    // A room row, or a member's room: lock and clear act on the room.
    QModelIndex roomIndex = current;
    if (member)
        roomIndex = current.parent();
    const bool inRoom = !room.isEmpty();
    a.lockRoom->setEnabled(listening && inRoom);
    a.lockRoom->setChecked(inRoom && roomIndex.data(RoomsModel::LockedRole).toBool());
    a.lockRoom->setText(inRoom ? tr("&Lock %1").arg(room) : tr("&Lock Room"));
    a.clearRoom->setEnabled(listening && inRoom);
    a.clearRoom->setText(inRoom ? tr("&Clear %1's History…").arg(room)
                                : tr("&Clear Room History…"));
    a.liftBans->setEnabled(listening);
}

void ModerationPrompts::askReason(const QString &title, const QString &label,
                                  const std::function<void(const QString &)> &accepted)
{
    // open(), not exec(): no nested event loop that the window could be closed under.
    auto *dialog = new QInputDialog(m_window);
    dialog->setObjectName(QStringLiteral("reasonPrompt"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    dialog->setLabelText(label);
    dialog->setTextValue(tr("kicked by the host"));
    dialog->resize(qMax(dialog->sizeHint().width(), 420), dialog->sizeHint().height());
    connect(dialog, &QInputDialog::textValueSelected, this,
            [accepted](const QString &reason) { accepted(reason.trimmed()); });
    dialog->open();
}

void ModerationPrompts::promptKick()
{
    const QString id = m_rooms->selectedMemberId();
    if (id.isEmpty() || !m_session->isListening())
        return;
    const QString name = m_rooms->selectedMemberName();
    askReason(tr("Kick %1").arg(name),
              tr("Disconnect %1 (%2) with close code 4000.\nReason shown to them:").arg(name, id),
              [this, id](const QString &reason) { kick(id, reason); });
}

void ModerationPrompts::promptBan()
{
    const QString id = m_rooms->selectedMemberId();
    if (id.isEmpty() || !m_session->isListening())
        return;
    const QString name = m_rooms->selectedMemberName();
    askReason(tr("Ban %1").arg(name),
              tr("Disconnect %1 (%2) and refuse its name and address until the server stops or "
                 "Lift All Bans.\nReason shown to them:")
                  .arg(name, id),
              [this, id](const QString &reason) { ban(id, reason); });
}

void ModerationPrompts::keepSelectionOffMember(const QString &memberId)
{
    // The member's row goes when the server reports it; the view would then select the next
    // member, and the next Kick would hit someone else.
    if (m_rooms->selectedMemberId() == memberId)
        m_rooms->selectRoom(m_rooms->selectedRoom());
}

void ModerationPrompts::kick(const QString &memberId, const QString &reason)
{
    keepSelectionOffMember(memberId);
    const QString name = m_session->roomsModel()->memberName(memberId);
    if (m_session->kick(memberId, reason))
        emit statusMessage(tr("Kicked %1").arg(name.isEmpty() ? memberId : name));
}

void ModerationPrompts::ban(const QString &memberId, const QString &reason)
{
    keepSelectionOffMember(memberId);
    const QString name = m_session->roomsModel()->memberName(memberId);
    if (m_session->ban(memberId, reason))
        emit statusMessage(tr("Banned %1 for this session").arg(name.isEmpty() ? memberId : name));
}

void ModerationPrompts::setSelectedMuted(bool muted)
{
    const QString id = m_rooms->selectedMemberId();
    const QString name = m_rooms->selectedMemberName();
    if (id.isEmpty() || !m_session->setMuted(id, muted))
        return;
    emit statusMessage(muted ? tr("Muted %1: its messages are refused").arg(name)
                             : tr("%1 may speak again").arg(name));
}

void ModerationPrompts::setSelectedLocked(bool locked)
{
    const QString room = m_rooms->selectedRoom();
    if (room.isEmpty() || !m_session->setRoomLocked(room, locked))
        return;
    emit statusMessage(locked ? tr("Locked %1: only the host posts there").arg(room)
                              : tr("Opened %1 again").arg(room));
}

void ModerationPrompts::promptClearRoom()
{
    const QString room = m_rooms->selectedRoom();
    if (room.isEmpty() || !m_session->isListening())
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Clear Room History"),
                                tr("Delete every message of \"%1\", in memory and in the store? "
                                   "Its members stay.")
                                    .arg(room),
                                QMessageBox::NoButton, m_window);
    box->setObjectName(QStringLiteral("clearRoomQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *clear = box->addButton(tr("&Delete Messages"), QMessageBox::DestructiveRole);
    clear->setObjectName(QStringLiteral("clearRoomButton"));
    box->setDefaultButton(box->addButton(QMessageBox::Cancel));
    connect(clear, &QPushButton::clicked, this, [this, room] {
        if (m_session->clearRoomHistory(room))
            emit statusMessage(tr("Cleared the history of %1").arg(room));
    });
    box->open();
}

void ModerationPrompts::liftBans()
{
    if (m_session->liftBans())
        emit statusMessage(tr("Every ban of this session is lifted"));
}
