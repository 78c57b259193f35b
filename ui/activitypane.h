#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QMenu;
class QTableView;
class QToolButton;
class ActivityFilterModel;
class ActivityLogModel;
class RoomsModel;

// The main window's activity log: the events as a table, filtered by room, member and kind,
// following new rows while the view is at its bottom, and a Clear button.
class ActivityPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityPane)

public:
    // Shows log, filtered; rooms gives the room filter's choices. Owns neither.
    ActivityPane(ActivityLogModel *log, RoomsModel *rooms, QWidget *parent = nullptr);

    // The log as shown.
    ActivityFilterModel *filter() const { return m_filter; }
    // The table.
    QTableView *view() const { return m_view; }
    // Shows only the events of room (empty: every room).
    void showRoom(const QString &room);
    // Shows only the events of members whose name or id contains text (empty: every member).
    void showMember(const QString &text);

private:
    // The title, the room, member and kind filters and Clear, in a row.
    QLayout *createFilters(ActivityLogModel *log);
    // The table, with its columns sized and the scrolling that follows new rows.
    void createView();
    // The room filter's choices: the rooms now, keeping what was typed.
    void updateRoomChoices();
    // "Kinds: all" or "Kinds: n of m".
    void updateKindsButton();

    RoomsModel *m_rooms;
    ActivityFilterModel *m_filter = nullptr;
    QTableView *m_view = nullptr;
    QComboBox *m_roomFilter = nullptr;
    QLineEdit *m_memberFilter = nullptr;
    QToolButton *m_kindsButton = nullptr;
    QMenu *m_kindsMenu = nullptr;
    bool m_followLog = true; // the log was at its bottom before rows came in
};
