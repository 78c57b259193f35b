#pragma once

#include <QTreeView>

class RoomsModel;

// The main window's rooms-and-members tree: rooms open as they appear, a room only in the store
// spans its row, the columns are as wide as their headers or typical values, and the selected
// row names a member or a room for the host's actions.
class RoomsView final : public QTreeView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoomsView)

public:
    // Shows rooms (not owned); the context menu is the caller's (customContextMenuRequested).
    explicit RoomsView(RoomsModel *rooms, QWidget *parent = nullptr);

    // The selected member's id; empty when the selected row is no member or nothing is selected.
    QString selectedMemberId() const;
    // The selected member's name (the current row's name column).
    QString selectedMemberName() const;
    // The selected row's room (a room row or a member's room); empty when none is selected.
    QString selectedRoom() const;
    // Selects the room row of room (nothing when it is not shown): after a kick the selection
    // stays there instead of jumping to the next member.
    void selectRoom(const QString &room);

private:
    // Sets a room-only-in-the-store row's first column to span the row, for rows first to last.
    void spanStoredRows(const QModelIndex &parent, int first, int last);

    RoomsModel *m_rooms;
};
