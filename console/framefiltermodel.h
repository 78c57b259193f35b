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

    explicit FrameFilterModel(QObject *parent = nullptr);

    void setDirection(Direction direction);
    Direction direction() const { return m_direction; }
    void setOpcode(int opcode);
    int opcode() const { return m_opcode; }
    // Case-insensitive text the payload must contain; empty passes everything.
    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    Direction m_direction = Direction::Both;
    int m_opcode = AnyOpcode;
    QString m_search;
};
