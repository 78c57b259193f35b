#pragma once

#include <QSortFilterProxyModel>

// The frame inspector's table as filtered: by direction, by opcode, and by text in the payload.
class FrameFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FrameFilterModel)

public:
    enum class Direction { Both, In, Out };
    // Which opcodes pass: AnyOpcode, DataFrames (text, binary, continuation), ControlFrames
    // (close, ping, pong), or one opcode (0x0-0xf).
    static constexpr int AnyOpcode = -1;
    static constexpr int DataFrames = -2;
    static constexpr int ControlFrames = -3;

    // A filter that passes every frame, until one of the setters narrows it.
    explicit FrameFilterModel(QObject *parent = nullptr);

    // Only frames going this way (In: from the client, Out: to it); Both passes all.
    void setDirection(Direction direction);
    // The direction filter.
    Direction direction() const { return m_direction; }
    // Only frames with this opcode, or of this group (AnyOpcode, DataFrames, ControlFrames);
    // notes pass any opcode filter.
    void setOpcode(int opcode);
    // The opcode filter.
    int opcode() const { return m_opcode; }
    // Case-insensitive text the payload must contain; empty passes everything.
    void setSearchText(const QString &text);
    // The search text; empty when off.
    QString searchText() const { return m_search; }

protected:
    // True when the source row passes the direction, opcode and search filters.
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    Direction m_direction = Direction::Both;
    int m_opcode = AnyOpcode;
    QString m_search;
};
