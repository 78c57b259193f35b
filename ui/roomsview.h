#pragma once

#include "console/roomsmodel.h"

#include <QTreeView>

#include <array>

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

    // The name column's least width before the view hides the detail columns (in pixels).
    static constexpr int MinimumNameWidth = 170;

protected:
    // Hides the detail columns (connected since, then address, then dialect) that would squeeze
    // the names below MinimumNameWidth, and shows them again when there is room: on a projector
    // the teacher must read who came in.
    void resizeEvent(QResizeEvent *event) override;

private:
    // Shows as many detail columns as fit beside a name of MinimumNameWidth.
    void fitColumns();
    // Sets a room-only-in-the-store row's first column to span the row, for rows first to last.
    void spanStoredRows(const QModelIndex &parent, int first, int last);

    RoomsModel *m_rooms;
    // The detail columns' widths, kept while they are hidden (a hidden section's size is 0).
    std::array<int, RoomsModel::ColumnCount> m_widths {};
};
