// RoomsModel's order of members: sorted by name, naturally (naturalorder_p.h).
#include "roomsmodel.h"

#include "naturalorder_p.h"

#include <algorithm>

bool RoomsModel::memberLessThan(const MemberNode *a, const MemberNode *b)
{
    const int c = naturalCompare(a->name, b->name);
    return c != 0 ? c < 0 : naturalCompare(a->id, b->id) < 0;
}

int RoomsModel::memberInsertionRow(const QList<MemberNode *> &members, const MemberNode *member)
{
    return int(std::lower_bound(members.cbegin(), members.cend(), member, memberLessThan)
               - members.cbegin());
}

void RoomsModel::insertSorted(const QModelIndex &parent, QList<MemberNode *> *members,
                              QList<MemberNode *> arriving)
{
    std::sort(arriving.begin(), arriving.end(), memberLessThan);
    // The usual case (sim-chatter-1, -2, ... joining in turn) goes after the last: one insertion.
    if (members->isEmpty() || !memberLessThan(arriving.constFirst(), members->constLast())) {
        const int first = int(members->size());
        beginInsertRows(parent, first, first + int(arriving.size()) - 1);
        members->append(arriving);
        endInsertRows();
        return;
    }
    for (MemberNode *member : std::as_const(arriving)) {
        const int row = memberInsertionRow(*members, member);
        beginInsertRows(parent, row, row);
        members->insert(row, member);
        endInsertRows();
    }
}

bool RoomsModel::keepSorted(const QModelIndex &parent, QList<MemberNode *> *members,
                            MemberNode *member)
{
    const int row = int(members->indexOf(member));
    if (row < 0)
        return false;
    const bool afterPrevious = row == 0 || !memberLessThan(member, members->at(row - 1));
    const bool beforeNext
        = row + 1 == members->size() || !memberLessThan(members->at(row + 1), member);
    if (afterPrevious && beforeNext)
        return false;
    members->removeAt(row);
    const int to = memberInsertionRow(*members, member);
    members->insert(row, member);
    // beginMoveRows names the row before which it goes, counted before the move.
    beginMoveRows(parent, row, row, parent, to > row ? to + 1 : to);
    members->move(row, to);
    endMoveRows();
    return true;
}
