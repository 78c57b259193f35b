#pragma once

#include "protocol/inspectedframe.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QTableView;
class FrameFilterModel;
class FrameListModel;

// The frames of one connection, as the frame inspector and the client windows show them: the
// table of frames (FrameListModel through FrameFilterModel: time, direction, opcode, FIN, size,
// round trip, summary), which follows the newest frame while it is scrolled to the bottom, the
// selected frame in full beside it, and the filter controls (direction, opcode, payload search)
// for the window's toolbar. Pausing, zoom and what fills it are the window's.
class FramesView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FramesView)

public:
    // Keeps at most capacity frames (the oldest go).
    explicit FramesView(int capacity = 5000, QWidget *parent = nullptr);
    ~FramesView() override;

    // Appends frames; the table follows them if it was at its bottom.
    void append(const InspectedFrameList &frames);
    // Forgets every frame and the selection.
    void clear();

    FrameListModel *frameModel() const { return m_frames; }
    FrameFilterModel *filterModel() const { return m_filter; }
    QTableView *table() const { return m_table; }
    // The filter controls, in order: direction, opcode, search (object names directionFilter,
    // opcodeFilter, searchEdit), for the window to place (they are not in the view's layout).
    QList<QWidget *> filterWidgets() const;
    // The detail pane's text (the selected frame in full).
    QString detailText() const;
    // Selects a row of the table as filtered; the detail pane shows it.
    void selectFrame(int row);

protected:
    // On a font change (the window's zoom sets the view's font): the detail pane keeps its
    // fixed-width family at the view's size, and the table's rows fit the new height.
    void changeEvent(QEvent *event) override;

private:
    // The detail pane shows the table's current frame, or nothing.
    void showCurrentFrame();

    FrameListModel *m_frames;
    FrameFilterModel *m_filter;
    QTableView *m_table = nullptr; // object name frameTable
    QPlainTextEdit *m_detail = nullptr; // object name frameDetail
    QComboBox *m_directionCombo = nullptr;
    QComboBox *m_opcodeCombo = nullptr;
    QLineEdit *m_searchEdit = nullptr;
};
