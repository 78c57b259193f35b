#include "activitypane.h"

#include "console/activityfiltermodel.h"
#include "console/activitylogmodel.h"
#include "console/roomsmodel.h"
#include "contextmenukeys.h"
#include "linkdelegate.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

ActivityPane::ActivityPane(ActivityLogModel *log, RoomsModel *rooms, QWidget *parent)
    : QWidget(parent)
    , m_rooms(rooms)
    , m_filter(new ActivityFilterModel(this))
{
    m_filter->setSourceModel(log);
    QLayout *filters = createFilters(log);
    createView();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);
}

void ActivityPane::showRoom(const QString &room)
{
    m_roomFilter->setEditText(room);
}

void ActivityPane::showMember(const QString &text)
{
    m_memberFilter->setText(text);
}

QLayout *ActivityPane::createFilters(ActivityLogModel *log)
{
    auto *title = new QLabel(tr("<b>Activity</b>"));

    m_roomFilter = new QComboBox;
    m_roomFilter->setObjectName(QStringLiteral("roomFilter"));
    m_roomFilter->setEditable(true);
    m_roomFilter->setInsertPolicy(QComboBox::NoInsert);
    m_roomFilter->lineEdit()->setPlaceholderText(tr("all rooms"));
    m_roomFilter->lineEdit()->setClearButtonEnabled(true);
    m_roomFilter->setMinimumContentsLength(12);
    m_roomFilter->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_roomFilter->setToolTip(tr("Show only this room's events"));
    connect(m_roomFilter, &QComboBox::editTextChanged, m_filter,
            &ActivityFilterModel::setRoomFilter);
    connect(m_rooms, &RoomsModel::roomNamesChanged, this, &ActivityPane::updateRoomChoices);

    m_memberFilter = new QLineEdit;
    m_memberFilter->setObjectName(QStringLiteral("memberFilter"));
    m_memberFilter->setPlaceholderText(tr("any member"));
    m_memberFilter->setClearButtonEnabled(true);
    m_memberFilter->setToolTip(tr("Show only events of members whose name or id contains this"));
    connect(m_memberFilter, &QLineEdit::textChanged, m_filter,
            &ActivityFilterModel::setMemberFilter);

    m_kindsMenu = new QMenu(this);
    QAction *all = m_kindsMenu->addAction(tr("Show All"));
    m_kindsMenu->addSeparator();
    QList<QAction *> kindActions;
    for (ServerEvent::Kind kind : ActivityFilterModel::allKinds()) {
        QAction *action = m_kindsMenu->addAction(ActivityLogModel::kindLabel(kind));
        action->setCheckable(true);
        action->setChecked(true);
        action->setData(int(kind));
        connect(action, &QAction::toggled, this, [this, kind](bool on) {
            m_filter->setKindEnabled(kind, on);
            updateKindsButton();
        });
        kindActions.append(action);
    }
    connect(all, &QAction::triggered, this, [kindActions] {
        for (QAction *action : kindActions)
            action->setChecked(true);
    });
    m_kindsButton = new QToolButton;
    m_kindsButton->setObjectName(QStringLiteral("kindsButton"));
    m_kindsButton->setMenu(m_kindsMenu);
    m_kindsButton->setPopupMode(QToolButton::InstantPopup);
    m_kindsButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_kindsButton->setToolTip(tr("Which kinds of event to show"));
    updateKindsButton();

    auto *clear = new QToolButton;
    clear->setText(tr("Clear"));
    clear->setToolTip(tr("Forget the events shown so far"));
    connect(clear, &QToolButton::clicked, log, &ActivityLogModel::clear);

    auto *filters = new QHBoxLayout;
    filters->setSpacing(6);
    filters->addWidget(title);
    filters->addStretch();
    auto *roomLabel = new QLabel(tr("R&oom:"));
    roomLabel->setBuddy(m_roomFilter);
    auto *memberLabel = new QLabel(tr("&Member:"));
    memberLabel->setBuddy(m_memberFilter);
    filters->addWidget(roomLabel);
    filters->addWidget(m_roomFilter);
    filters->addWidget(memberLabel);
    filters->addWidget(m_memberFilter);
    filters->addWidget(m_kindsButton);
    filters->addWidget(clear);
    return filters;
}

void ActivityPane::createView()
{
    m_view = new QTableView;
    m_view->setObjectName(QStringLiteral("activityView"));
    m_view->setModel(m_filter);
    // Links in the Text column open in the browser (http and https only).
    auto *links = new LinkDelegate(ActivityLogModel::LinksRole, m_view);
    m_view->setItemDelegateForColumn(ActivityLogModel::TextColumn, links);
    m_view->setMouseTracking(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    ContextMenuKeys::addCopyMenu(m_view); // Shift+F10 opens it too
    m_view->setWordWrap(false);
    m_view->setShowGrid(false);
    m_view->setAlternatingRowColors(true);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->verticalHeader()->hide();
    // Fixed row heights keep a 10,000-row log cheap to lay out.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->setMinimumSectionSize(40);
    const QFontMetrics metrics = m_view->fontMetrics();
    auto width = [&metrics](const QString &sample) {
        return metrics.horizontalAdvance(sample) + 20;
    };
    header->resizeSection(ActivityLogModel::TimeColumn, width(QStringLiteral("00:00:00.000")));
    header->resizeSection(ActivityLogModel::KindColumn, width(QStringLiteral("room_created")));
    header->resizeSection(ActivityLogModel::RoomColumn, width(QStringLiteral("notifications")));
    header->resizeSection(ActivityLogModel::MemberColumn, width(QStringLiteral("guest-1000")));

    // Follow new rows while the view is at its bottom; once the user scrolls up, stay put.
    QScrollBar *bar = m_view->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this,
            [this, bar](int value) { m_followLog = value >= bar->maximum(); });
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar](int, int maximum) {
        if (m_followLog)
            bar->setValue(maximum);
    });
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this,
            [this, bar](const QModelIndex &, int first, int last) {
                // The oldest rows went: keep the rows the user is reading where they are.
                if (!m_followLog && first == 0)
                    bar->setValue(bar->value() - (last - first + 1));
            });
}

void ActivityPane::updateRoomChoices()
{
    const QString text = m_roomFilter->currentText();
    const QSignalBlocker blocker(m_roomFilter);
    m_roomFilter->clear();
    m_roomFilter->addItems(m_rooms->roomNames());
    m_roomFilter->setEditText(text);
}

void ActivityPane::updateKindsButton()
{
    int shown = 0;
    const QList<ServerEvent::Kind> kinds = ActivityFilterModel::allKinds();
    for (ServerEvent::Kind kind : kinds)
        shown += m_filter->isKindEnabled(kind) ? 1 : 0;
    m_kindsButton->setText(shown == kinds.size()
                               ? tr("Kinds: all")
                               : tr("Kinds: %1 of %2").arg(shown).arg(kinds.size()));
}
