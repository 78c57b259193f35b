#pragma once

#include "cappedtablemodel.h"
#include "protocol/inspectedframe.h"

// The frames of one inspected connection, oldest first, at most capacity() of them: past it the
// oldest rows are removed as new ones come. Rows and columns for the frames views' table (the
// frame inspector's, a client window's).
class FrameListModel final : public CappedTableModel<InspectedFrame>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FrameListModel)

public:
    enum Column {
        TimeColumn,
        DirectionColumn,
        OpcodeColumn,
        FinColumn,
        LengthColumn,
        RoundTripColumn, // for a frame that answers: how long after what it answers
        SummaryColumn,
        ColumnCount
    };
    enum Role {
        OutgoingRole = Qt::UserRole + 1, // bool
        OpcodeRole, // int; -1 for a note
        SearchTextRole, // the payload as text, for the filter
    };

    explicit FrameListModel(int capacity = 5000, QObject *parent = nullptr);

    // Appends frames (one insertion), dropping the oldest past the capacity (one removal).
    void append(const InspectedFrameList &frames);
    // The most frames kept.
    int capacity() const { return maxRows(); }
    // The frame shown in row.
    const InspectedFrame &frameAt(int row) const { return rowAt(row); }

    // A frame's payload as a one-line summary: close code in words, JSON compact, or text.
    static QString summary(const InspectedFrame &frame);
    // A frame in full, for the detail pane: header fields (and the round trip, if it answers),
    // then the payload (JSON indented).
    // Which end the frames are watched from: the server's (the frame inspector: out is server to
    // client) or a client's (a client window: out is client to server).
    enum class Side { Server, Client };
    static QString describe(const InspectedFrame &frame, Side side = Side::Server);
    // The end the frames are watched from (Server unless set); the detail text words it so.
    void setSide(Side side) { m_side = side; }
    Side side() const { return m_side; }
    // A round trip in words: "830 µs" below a millisecond, "1.2 ms" below a second, "2.35 s"
    // from there; empty for a negative one (none).
    static QString roundTripText(qint64 roundTripUs);

    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Side m_side = Side::Server;
};
