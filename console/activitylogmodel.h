#pragma once

#include "cappedtablemodel.h"
#include "server/serverevent.h"

// The server's events, oldest first, as a table for the activity log. Grows by whole batches
// and forgets the oldest rows past a cap, so that a long session does not eat the memory.
class ActivityLogModel final : public CappedTableModel<ServerEvent>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityLogModel)

public:
    enum Column { TimeColumn, KindColumn, RoomColumn, MemberColumn, TextColumn, ColumnCount };
    enum Role {
        KindRole = Qt::UserRole + 1, // the ServerEvent::Kind, as an int
        RoomRole, // the event's room (may be empty)
        MemberNameRole, // the member's name (may be empty)
        MemberIdRole, // the member's id (may be empty)
        LinksRole, // the Text column's http(s) URLs, as a QStringList (others: none)
    };

    static constexpr int DefaultMaxRows = 10000;

    explicit ActivityLogModel(QObject *parent = nullptr);
    ~ActivityLogModel() override;

    // Appends a batch, with one insertion; drops the oldest rows first if the cap needs it.
    void appendEvents(const ServerEventList &events);
    // The event shown in row.
    const ServerEvent &eventAt(int row) const { return rowAt(row); }
    // The Text column's words for an event, e.g. "3 messages not shown (flood)".
    static QString describe(const ServerEvent &event);
    // The kind as the window shows it, in the host's language (records, exports and filters
    // keep ServerEvent::kindName()).
    static QString kindLabel(ServerEvent::Kind kind);
    // What an error code of protocol.md means, in the host's language, naming subject (the name
    // or room it is about) where it has one; message (the server's English) where no translation
    // is loaded, and for a code this build does not know.
    static QString errorText(const QString &code, const QString &subject, const QString &message);

    // QAbstractTableModel (rowCount is CappedTableModel's)
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
};
