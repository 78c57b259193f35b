#include "presenterview.h"

#include "console/activityfiltermodel.h"
#include "console/activitylogmodel.h"
#include "console/roomsmodel.h"
#include "console/serversession.h"
#include "qrcodewidget.h"

#include <QCloseEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QScrollBar>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

// Font heights as fractions of the view's height: readable on any projector's resolution.
constexpr qreal TitleShare = 1.0 / 30;
constexpr qreal UrlShare = 1.0 / 22;
constexpr qreal CodeShare = 1.0 / 10;
constexpr qreal ListShare = 1.0 / 34;

void setPixelSize(QWidget *widget, int pixels, bool bold)
{
    QFont font = widget->font();
    font.setPixelSize(qMax(10, pixels));
    font.setBold(bold);
    widget->setFont(font);
}

} // namespace

PresenterView::PresenterView(ServerSession *session, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_messages(new ActivityFilterModel(this))
{
    RoomsModel *rooms = session->roomsModel();
    ActivityLogModel *activity = session->activityModel();
    setObjectName(QStringLiteral("presenterView"));
    setWindowTitle(tr("wsroom — Presenter"));
    setAutoFillBackground(true);
    QPalette palette = this->palette();
    palette.setColor(QPalette::Window, QColor(0x10, 0x1a, 0x2b));
    palette.setColor(QPalette::WindowText, Qt::white);
    palette.setColor(QPalette::Base, QColor(0x17, 0x24, 0x3a));
    palette.setColor(QPalette::AlternateBase, QColor(0x1c, 0x2c, 0x46));
    palette.setColor(QPalette::Text, Qt::white);
    palette.setColor(QPalette::Highlight, QColor(0x2e, 0x6d, 0xb4));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    setPalette(palette);

    m_messages->setSourceModel(activity);
    m_messages->setKinds({ServerEvent::Kind::Message, ServerEvent::Kind::Joined,
                          ServerEvent::Kind::Left, ServerEvent::Kind::Notification});

    m_joinTitle = new QLabel(tr("Join the chat"));
    m_urlLabel = new QLabel;
    m_urlLabel->setObjectName(QStringLiteral("presenterUrl"));
    m_urlLabel->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_urlLabel->setWordWrap(true);
    m_urlLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_qrCode = new QrCodeWidget;
    m_qrCode->setObjectName(QStringLiteral("presenterQrCode"));
    m_codeLabel = new QLabel;
    m_codeLabel->setObjectName(QStringLiteral("presenterJoinCode"));
    m_codeLabel->setAlignment(Qt::AlignCenter);
    m_hint = new QLabel(tr("Esc leaves the presenter view"));
    m_hint->setStyleSheet(QStringLiteral("color: #8da2c0;"));

    auto *left = new QVBoxLayout;
    left->setSpacing(12);
    left->addWidget(m_joinTitle);
    left->addWidget(m_urlLabel);
    left->addWidget(m_qrCode, 1);
    left->addWidget(m_codeLabel);
    left->addWidget(m_hint);

    m_roomsTitle = new QLabel(tr("In the room"));
    m_roomsView = new QTreeView;
    m_roomsView->setObjectName(QStringLiteral("presenterRooms"));
    m_roomsView->setModel(rooms);
    m_roomsView->setHeaderHidden(true);
    m_roomsView->setFocusPolicy(Qt::NoFocus);
    m_roomsView->setSelectionMode(QAbstractItemView::NoSelection);
    m_roomsView->setFrameShape(QFrame::NoFrame);
    m_roomsView->setUniformRowHeights(true);
    for (int column = 0; column < RoomsModel::ColumnCount; ++column) {
        if (column != RoomsModel::NameColumn && column != RoomsModel::MembersColumn)
            m_roomsView->setColumnHidden(column, true);
    }
    m_roomsView->header()->setStretchLastSection(false);
    m_roomsView->header()->setSectionResizeMode(RoomsModel::NameColumn, QHeaderView::Stretch);
    m_roomsView->header()->setSectionResizeMode(RoomsModel::MembersColumn,
                                                QHeaderView::ResizeToContents);
    m_roomsView->expandAll();
    connect(rooms, &QAbstractItemModel::modelReset, m_roomsView, &QTreeView::expandAll);
    connect(rooms, &QAbstractItemModel::rowsInserted, m_roomsView,
            [this, rooms](const QModelIndex &parent, int first, int last) {
                if (parent.isValid())
                    return;
                for (int row = first; row <= last; ++row)
                    m_roomsView->expand(rooms->index(row, 0));
            });

    m_messagesTitle = new QLabel(tr("Latest messages"));
    m_messagesView = new QTableView;
    m_messagesView->setObjectName(QStringLiteral("presenterMessages"));
    m_messagesView->setModel(m_messages);
    m_messagesView->setFocusPolicy(Qt::NoFocus);
    m_messagesView->setSelectionMode(QAbstractItemView::NoSelection);
    m_messagesView->setFrameShape(QFrame::NoFrame);
    m_messagesView->setShowGrid(false);
    m_messagesView->setWordWrap(false);
    m_messagesView->verticalHeader()->hide();
    m_messagesView->horizontalHeader()->hide();
    m_messagesView->setColumnHidden(ActivityLogModel::TimeColumn, true);
    m_messagesView->setColumnHidden(ActivityLogModel::KindColumn, true);
    m_messagesView->horizontalHeader()->setStretchLastSection(true);
    m_messagesView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(m_messages, &QAbstractItemModel::rowsInserted, this, &PresenterView::scrollToLatest);
    connect(m_messages, &QAbstractItemModel::modelReset, this, &PresenterView::scrollToLatest);

    auto *right = new QVBoxLayout;
    right->setSpacing(8);
    right->addWidget(m_roomsTitle);
    right->addWidget(m_roomsView, 2);
    right->addWidget(m_messagesTitle);
    right->addWidget(m_messagesView, 3);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(40);
    layout->addLayout(left, 2);
    layout->addLayout(right, 3);

    setShareInfo(QString(), QString(), QString());
    applyFontSizes();
}

PresenterView::~PresenterView() = default;

void PresenterView::setShareInfo(const QString &url, const QString &qrUrl, const QString &joinCode)
{
    m_url = url;
    m_joinCode = joinCode;
    m_urlLabel->setText(url.isEmpty() ? tr("The server is not running.") : url);
    m_qrCode->setText(qrUrl);
    m_qrCode->setVisible(!qrUrl.isEmpty());
    m_codeLabel->setText(joinCode.isEmpty() ? QString() : tr("Code: %1").arg(joinCode));
    m_codeLabel->setVisible(!joinCode.isEmpty());
}

void PresenterView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape || event->key() == Qt::Key_F11) {
        close();
        return;
    }
    QWidget::keyPressEvent(event);
}

void PresenterView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    applyFontSizes();
}

void PresenterView::closeEvent(QCloseEvent *event)
{
    event->accept();
    emit closed();
}

void PresenterView::applyFontSizes()
{
    const int h = qMax(height(), 480);
    setPixelSize(m_joinTitle, int(h * TitleShare), true);
    setPixelSize(m_roomsTitle, int(h * TitleShare), true);
    setPixelSize(m_messagesTitle, int(h * TitleShare), true);
    setPixelSize(m_urlLabel, int(h * UrlShare), true);
    setPixelSize(m_codeLabel, int(h * CodeShare), true);
    setPixelSize(m_roomsView, int(h * ListShare), false);
    setPixelSize(m_messagesView, int(h * ListShare), false);
    setPixelSize(m_hint, int(h * ListShare * 0.6), false);
    const int row = m_messagesView->fontMetrics().height() + 8;
    m_messagesView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_messagesView->verticalHeader()->setDefaultSectionSize(row);
    const QFontMetrics metrics = m_messagesView->fontMetrics();
    m_messagesView->setColumnWidth(ActivityLogModel::RoomColumn,
                                   metrics.horizontalAdvance(QStringLiteral("notifications")) + 16);
    m_messagesView->setColumnWidth(ActivityLogModel::MemberColumn,
                                   metrics.horizontalAdvance(QStringLiteral("guest-100")) + 16);
    m_qrCode->setMinimumSize(h / 3, h / 3);
    scrollToLatest();
}

void PresenterView::scrollToLatest()
{
    m_messagesView->scrollToBottom();
}
