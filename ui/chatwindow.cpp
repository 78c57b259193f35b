#include "chatwindow.h"

#include "chatlogrenderer.h"
#include "chatlogview.h"
#include "chatsearchpanel.h"
#include "client/chatclient.h"
#include "client/chathistorypager.h"
#include "client/chatsearchmodel.h"
#include "desktopnotifier.h"
#include "mentionnotifier.h"
#include "console/palettecolors.h"
#include "messageinput.h"
#include "messagesizemeter.h"
#include "protocol/validation.h"
#include "updatethrottle.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QFont>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>
#include <utility>

namespace {

// The view's own cap: a room's entries and the shared ones, as many as renderCurrentRoom()
// shows. Without it, a window that follows a busy room grows its document for ever, and every
// layout pass with it.
constexpr int MaxViewBlocks = 2 * (ChatLogModel::MaxEntries + ChatLogModel::TrimStep) + 1;
// A flood of lines or joins is shown in steps: past RenderBurst lines (MembersBurst updates of
// the member list) in RenderIntervalMs, the rest wait and go into the view together, in one
// layout pass, at the end of the interval.
constexpr int RenderBurst = 20;
constexpr int MembersBurst = 10;
constexpr int RenderIntervalMs = 100;

constexpr int IdRole = Qt::UserRole;
constexpr int NameRole = Qt::UserRole + 1;

// "[*]" in a window title is Qt's modified-marker placeholder; doubled, it shows as itself.
QString literalTitle(QString title)
{
    return title.replace(QStringLiteral("[*]"), QStringLiteral("[*][*]"));
}

} // namespace

ChatWindow::ChatWindow(const QUrl &url, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_session(new ChatSession(this))
{
    m_renderThrottle = new UpdateThrottle(
        RenderBurst, RenderIntervalMs, [this] { renderQueued(); }, this);
    m_membersThrottle = new UpdateThrottle(
        MembersBurst, RenderIntervalMs, [this] { updateMembers(); }, this);

    buildUi();
    m_renderer = std::make_unique<ChatLogRenderer>(m_messageView->document(), palette(),
                                                   m_messageView->font());
    wireSession();
    onCurrentRoomChanged(QString());
    connectTo(url);
}

ChatWindow::~ChatWindow()
{
    // The session says goodbye as it is destroyed; nothing it reports on the way may reach a
    // window that is half gone.
    m_session->disconnect(this);
}

void ChatWindow::buildUi()
{
    setWindowTitle(tr("wsroom chat"));
    resize(560, 520);

    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(8, 8, 8, 8);
    root->setSpacing(6);

    // Who and where.
    auto *top = new QHBoxLayout;
    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
    m_nameEdit->setMaxLength(Validation::MaxNameLength);
    m_nameEdit->setPlaceholderText(tr("a guest name"));
    m_nameEdit->setToolTip(tr("Your name in the chat: edit it and press Enter to rename"));
    m_nameEdit->setMinimumWidth(120);
    m_nameEdit->setMaximumWidth(200);
    auto *nameLabel = new QLabel(tr("&Name:"), this);
    nameLabel->setBuddy(m_nameEdit);
    m_urlEdit = new QLineEdit(this);
    m_urlEdit->setObjectName(QStringLiteral("urlEdit"));
    m_urlEdit->setPlaceholderText(QStringLiteral("ws://127.0.0.1:8000/chat"));
    m_urlEdit->setToolTip(tr("Any server that speaks the wsroom protocol; press Enter to connect"));
    auto *urlLabel = new QLabel(tr("&Server:"), this);
    urlLabel->setBuddy(m_urlEdit);
    m_connectButton = new QPushButton(tr("Connect"), this);
    m_connectButton->setObjectName(QStringLiteral("connectButton"));
    top->addWidget(nameLabel);
    top->addWidget(m_nameEdit);
    top->addSpacing(12);
    top->addWidget(urlLabel);
    top->addWidget(m_urlEdit, 1);
    top->addWidget(m_connectButton);
    root->addLayout(top);

    auto *stateRow = new QHBoxLayout;
    stateRow->setSpacing(4);
    m_stateIcon = new QLabel(QStringLiteral("\u25CF"), this);
    m_stateIcon->setObjectName(QStringLiteral("stateIcon"));
    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(QStringLiteral("stateLabel"));
    m_stateLabel->setTextFormat(Qt::PlainText);
    m_stateLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    stateRow->addWidget(m_stateIcon);
    stateRow->addWidget(m_stateLabel, 1);
    root->addLayout(stateRow);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    root->addWidget(splitter, 1);

    // Rooms.
    auto *roomsPanel = new QWidget(splitter);
    auto *roomsLayout = new QVBoxLayout(roomsPanel);
    roomsLayout->setContentsMargins(0, 0, 0, 0);
    auto *roomsTitle = new QLabel(tr("Rooms"), roomsPanel);
    QFont titleFont = roomsTitle->font();
    titleFont.setBold(true);
    roomsTitle->setFont(titleFont);
    m_roomsList = new QListWidget(roomsPanel);
    m_roomsList->setObjectName(QStringLiteral("roomsList"));
    m_roomsList->setContextMenuPolicy(Qt::CustomContextMenu);
    m_roomsList->setUniformItemSizes(true);
    m_joinEdit = new QLineEdit(roomsPanel);
    m_joinEdit->setObjectName(QStringLiteral("joinEdit"));
    m_joinEdit->setMaxLength(Validation::MaxRoomLength);
    m_joinEdit->setPlaceholderText(tr("room name"));
    m_joinEdit->setToolTip(tr("Join a room, or create it if there is none by that name"));
    m_joinEdit->setClearButtonEnabled(true);
    m_joinButton = new QPushButton(tr("Join"), roomsPanel);
    m_joinButton->setObjectName(QStringLiteral("joinButton"));
    m_leaveButton = new QPushButton(tr("Leave room"), roomsPanel);
    m_leaveButton->setObjectName(QStringLiteral("leaveButton"));
    auto *joinRow = new QHBoxLayout;
    joinRow->addWidget(m_joinEdit, 1);
    joinRow->addWidget(m_joinButton);
    roomsLayout->addWidget(roomsTitle);
    roomsLayout->addWidget(m_roomsList, 1);
    roomsLayout->addLayout(joinRow);
    roomsLayout->addWidget(m_leaveButton);

    // The conversation.
    auto *chatPanel = new QWidget(splitter);
    auto *chatLayout = new QVBoxLayout(chatPanel);
    chatLayout->setContentsMargins(0, 0, 0, 0);
    auto *chatHeader = new QHBoxLayout;
    m_roomTitle = new QLabel(chatPanel);
    m_roomTitle->setObjectName(QStringLiteral("roomTitle"));
    m_roomTitle->setTextFormat(Qt::PlainText);
    QFont roomFont = titleFont;
    roomFont.setPointSizeF(roomFont.pointSizeF() * 1.2);
    m_roomTitle->setFont(roomFont);
    m_showNotices = new QCheckBox(tr("Show joins, leaves and renames"), chatPanel);
    m_showNotices->setObjectName(QStringLiteral("showNotices"));
    m_showNotices->setChecked(true);
    chatHeader->addWidget(m_roomTitle, 1);
    chatHeader->addWidget(m_showNotices);
    m_messageView = new ChatLogView(chatPanel);
    m_messageView->setObjectName(QStringLiteral("messageView"));
    m_messageView->setUndoRedoEnabled(false);
    m_messageView->document()->setDocumentMargin(6);
    m_messageView->document()->setMaximumBlockCount(MaxViewBlocks);
    m_typingLabel = new QLabel(chatPanel);
    m_typingLabel->setObjectName(QStringLiteral("typingLabel"));
    m_typingLabel->setTextFormat(Qt::PlainText);
    QFont typingFont = m_typingLabel->font();
    typingFont.setItalic(true);
    m_typingLabel->setFont(typingFont);
    // Always one line tall, so that the input does not jump when someone starts typing.
    m_typingLabel->setMinimumHeight(m_typingLabel->fontMetrics().height());
    m_input = new MessageInput(chatPanel);
    m_input->setObjectName(QStringLiteral("input"));
    m_sendButton = new QPushButton(tr("Send"), chatPanel);
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sizeMeter = new MessageSizeMeter(m_session, m_input, chatPanel);
    auto *inputRow = new QHBoxLayout;
    inputRow->addWidget(m_input, 1);
    inputRow->addWidget(m_sizeMeter, 0, Qt::AlignBottom);
    inputRow->addWidget(m_sendButton, 0, Qt::AlignBottom);
    m_searchPanel = new ChatSearchPanel(m_session->searchResults(), chatPanel);
    m_searchPanel->setObjectName(QStringLiteral("searchPanel"));
    m_olderLabel = new QLabel(chatPanel);
    m_olderLabel->setObjectName(QStringLiteral("olderLabel"));
    m_olderLabel->setTextFormat(Qt::PlainText);
    m_olderLabel->setAlignment(Qt::AlignHCenter);
    m_olderLabel->setVisible(false);
    chatLayout->addLayout(chatHeader);
    chatLayout->addWidget(m_searchPanel);
    chatLayout->addWidget(m_olderLabel);
    chatLayout->addWidget(m_messageView, 1);
    chatLayout->addWidget(m_typingLabel);
    chatLayout->addLayout(inputRow);

    // Members.
    auto *membersPanel = new QWidget(splitter);
    auto *membersLayout = new QVBoxLayout(membersPanel);
    membersLayout->setContentsMargins(0, 0, 0, 0);
    m_membersTitle = new QLabel(tr("Members"), membersPanel);
    m_membersTitle->setObjectName(QStringLiteral("membersTitle"));
    m_membersTitle->setFont(titleFont);
    m_membersList = new QListWidget(membersPanel);
    m_membersList->setObjectName(QStringLiteral("membersList"));
    m_membersList->setToolTip(tr("Double-click a member to send a direct message"));
    membersLayout->addWidget(m_membersTitle);
    membersLayout->addWidget(m_membersList, 1);

    splitter->addWidget(roomsPanel);
    splitter->addWidget(chatPanel);
    splitter->addWidget(membersPanel);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 0);
    splitter->setSizes({190, 620, 190});

    connect(m_nameEdit, &QLineEdit::returnPressed, this, &ChatWindow::onNameEntered);
    connect(m_urlEdit, &QLineEdit::returnPressed, this, &ChatWindow::onUrlEntered);
    connect(m_connectButton, &QPushButton::clicked, this, &ChatWindow::onConnectButton);
    connect(m_joinEdit, &QLineEdit::returnPressed, this, &ChatWindow::onJoinEntered);
    connect(m_joinButton, &QPushButton::clicked, this, &ChatWindow::onJoinEntered);
    connect(m_leaveButton, &QPushButton::clicked, this, [this] { leaveRoom(currentRoom()); });
    connect(m_roomsList, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item)
            m_session->setCurrentRoom(item->data(NameRole).toString());
    });
    connect(m_roomsList, &QWidget::customContextMenuRequested, this, &ChatWindow::showRoomsMenu);
    connect(m_showNotices, &QCheckBox::toggled, this, &ChatWindow::renderCurrentRoom);
    connect(m_input, &MessageInput::submitted, this, &ChatWindow::sendInput);
    connect(m_input, &QPlainTextEdit::textChanged, this,
            [this] { m_session->inputEdited(m_input->toPlainText().trimmed().isEmpty()); });
    connect(m_sendButton, &QPushButton::clicked, this,
            [this] { sendInput(m_input->toPlainText()); });
    connect(m_membersList, &QListWidget::itemDoubleClicked, this, &ChatWindow::promptDirect);
    connect(m_sizeMeter, &MessageSizeMeter::fitsChanged, this, &ChatWindow::updateSendButton);

    connect(m_messageView->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &ChatWindow::onViewScrolled);
    m_messageView->viewport()->installEventFilter(this);
    connect(m_searchPanel, &ChatSearchPanel::searchRequested, this, [this](const QString &query) {
        m_session->searchResults()->search(currentRoom(), query);
    });
    connect(m_searchPanel, &ChatSearchPanel::matchActivated, this, &ChatWindow::showMessage);
    connect(m_searchPanel, &ChatSearchPanel::closed, this, [this] {
        m_jumpId = 0;
        m_input->setFocus();
    });

    auto *closeShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_W), this);
    connect(closeShortcut, &QShortcut::activated, this, &QWidget::close);
    auto *findShortcut = new QShortcut(QKeySequence::Find, this);
    connect(findShortcut, &QShortcut::activated, m_searchPanel, &ChatSearchPanel::open);

    updateColors();
    m_input->setFocus();
}

void ChatWindow::updateColors()
{
    QPalette typingPalette = m_typingLabel->palette();
    typingPalette.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    m_typingLabel->setPalette(typingPalette);
}

void ChatWindow::wireSession()
{
    connect(m_session, &ChatSession::stateChanged, this, &ChatWindow::onStateChanged);
    connect(m_session, &ChatSession::nameChanged, this, [this](const QString &name) {
        m_nameEdit->setText(name);
        updateTitle();
    });
    connect(m_session, &ChatSession::roomAdded, this, &ChatWindow::onRoomAdded);
    ChatHistoryPager *history = m_session->history();
    connect(history, &ChatHistoryPager::pageLoaded, this, [this](const QString &room, int added) {
        if (room == currentRoom() && added > 0)
            renderKeepingPlace(added);
    });
    connect(history, &ChatHistoryPager::messageAvailable, this,
            [this](const QString &room, qint64 id) {
                if (room == currentRoom() && id == m_jumpId)
                    selectMessage(std::exchange(m_jumpId, 0), true);
            });
    connect(
        history, &ChatHistoryPager::messageUnavailable, this, [this](const QString &, qint64 id) {
            if (id == std::exchange(m_jumpId, 0))
                m_searchPanel->setStatus(tr("That message is no longer in the room’s history."));
        });
    connect(m_session, &ChatSession::roomRemoved, this,
            [this](const QString &room) { delete roomItem(room); });
    connect(m_session, &ChatSession::roomsCleared, m_roomsList, &QListWidget::clear);
    connect(m_session, &ChatSession::roomChanged, this, &ChatWindow::updateRoomItem);
    connect(m_session, &ChatSession::currentRoomChanged, this, &ChatWindow::onCurrentRoomChanged);
    connect(m_session, &ChatSession::membersChanged, this, [this](const QString &room, bool burst) {
        if (room != currentRoom())
            return;
        if (burst)
            m_membersThrottle->request();
        else
            updateMembers();
    });
    connect(m_session, &ChatSession::typingChanged, this, [this](const QString &room) {
        if (room == currentRoom())
            updateTypingLabel();
    });
    connect(m_session, &ChatSession::entryAdded, this, &ChatWindow::onEntryAdded);
    auto *mentions = new MentionNotifier(this);
    auto *desktop = new DesktopNotifier(this, this);
    connect(m_session, &ChatSession::entryAdded, mentions,
            [this, mentions](const QString &room, const ChatLogEntry &entry) {
                mentions->consider(room, entry, self().name, isActiveWindow());
            });
    connect(mentions, &MentionNotifier::notificationWanted, desktop,
            [desktop](const QString &title, const QString &body) {
                desktop->notify(title, body, ChatLogView::soundEnabled());
            });
    connect(m_session, &ChatSession::attentionWanted, this, [this] {
        if (!isActiveWindow())
            QApplication::alert(this);
    });
}

void ChatWindow::connectTo(const QUrl &url)
{
    m_session->connectTo(url);
    m_urlEdit->setText(m_session->url().toString());
}

bool ChatWindow::setServerUrl(const QUrl &url)
{
    if (!m_session->adoptUrl(url))
        return false;
    m_urlEdit->setText(m_session->url().toString());
    return true;
}

void ChatWindow::disconnectFromServer()
{
    m_session->disconnectFromServer();
}

void ChatWindow::onStateChanged(ChatSession::State state, const QString &text)
{
    m_stateLabel->setText(text);
    QColor color;
    switch (state) {
    case ChatSession::State::Connected:
        color = PaletteColors::ok(palette());
        break;
    case ChatSession::State::Connecting:
    case ChatSession::State::Waiting:
        color = PaletteColors::warning(palette());
        break;
    case ChatSession::State::Kicked:
    case ChatSession::State::Refused:
        color = PaletteColors::error(palette());
        break;
    case ChatSession::State::Disconnected:
        color = palette().color(QPalette::PlaceholderText);
        break;
    }
    QPalette iconPalette = m_stateIcon->palette();
    iconPalette.setColor(QPalette::WindowText, color);
    m_stateIcon->setPalette(iconPalette);
    m_connectButton->setText(m_session->wantsConnection() ? tr("Disconnect") : tr("Connect"));
    m_joinButton->setEnabled(state == ChatSession::State::Connected);
    updateSendButton();
    updateTitle();
}

void ChatWindow::updateSendButton()
{
    m_sendButton->setEnabled(m_session->state() == ChatSession::State::Connected
                             && !currentRoom().isEmpty() && m_sizeMeter->fits());
}

void ChatWindow::onConnectButton()
{
    if (m_session->wantsConnection())
        disconnectFromServer();
    else
        onUrlEntered();
}

void ChatWindow::onUrlEntered()
{
    // A name typed but not entered is the name to connect with.
    const QString typedName = m_nameEdit->text().trimmed();
    if (m_session->name().isEmpty() && !typedName.isEmpty())
        m_session->requestName(typedName);
    const QString text = m_urlEdit->text().trimmed();
    connectTo(text.isEmpty() ? QUrl() : QUrl::fromUserInput(text));
}

void ChatWindow::onNameEntered()
{
    m_session->requestName(m_nameEdit->text());
}

void ChatWindow::updateTitle()
{
    const QString name = m_session->isWelcomed() ? self().name : m_session->name();
    const QString room = currentRoom();
    QString title = tr("wsroom chat");
    if (!name.isEmpty() && !room.isEmpty())
        title = tr("wsroom chat — %1 in %2").arg(name, room);
    else if (!name.isEmpty())
        title = tr("wsroom chat — %1").arg(name);
    setWindowTitle(literalTitle(title));
}

void ChatWindow::joinRoom(const QString &room)
{
    m_session->joinRoom(room);
}

void ChatWindow::leaveRoom(const QString &room)
{
    m_session->leaveRoom(room);
}

void ChatWindow::onJoinEntered()
{
    const QString room = m_joinEdit->text().trimmed();
    if (room.isEmpty())
        return;
    joinRoom(room);
    m_joinEdit->clear();
}

void ChatWindow::onRoomAdded(const QString &room)
{
    auto *item = new QListWidgetItem(m_roomsList);
    item->setData(NameRole, room);
    updateRoomItem(room);
    connect(m_session->roomLog(room), &ChatLogModel::olderStateChanged, this, [this, room] {
        if (room == currentRoom())
            updateOlderLabel();
    });
}

void ChatWindow::onCurrentRoomChanged(const QString &room)
{
    if (QListWidgetItem *item = roomItem(room)) {
        updateRoomItem(room);
        m_roomsList->setCurrentItem(item);
    }
    m_roomTitle->setText(room.isEmpty() ? tr("No room") : room);
    m_input->setPlaceholderText(
        room.isEmpty() ? tr("Join a room to chat")
                       : tr("Message %1 — Enter to send, Shift+Enter for a new line").arg(room));
    // Qt 6.4 repaints a placeholder only when it appears or goes, not when its text changes.
    m_input->viewport()->update();
    m_leaveButton->setEnabled(!room.isEmpty());
    updateSendButton();
    renderCurrentRoom();
    updateMembers();
    updateTypingLabel();
    updateTitle();
    updateOlderLabel();
}

void ChatWindow::updateRoomItem(const QString &room)
{
    QListWidgetItem *item = roomItem(room);
    if (!item)
        return;
    const int unreadCount = m_session->unreadCount(room);
    const bool unread = unreadCount > 0 && room != currentRoom();
    item->setText(unread ? tr("%1  (%2)").arg(room).arg(unreadCount) : room);
    QFont font = m_roomsList->font();
    font.setBold(unread);
    item->setFont(font);
    // Rooms waiting to be rejoined look it.
    item->setForeground(m_session->isJoined(room) ? palette().brush(QPalette::Text)
                                                  : palette().brush(QPalette::PlaceholderText));
    item->setToolTip(unread ? tr("%n unread message(s)", nullptr, unreadCount) : QString());
}

QListWidgetItem *ChatWindow::roomItem(const QString &room) const
{
    if (room.isEmpty())
        return nullptr;
    for (int i = 0; i < m_roomsList->count(); ++i) {
        QListWidgetItem *item = m_roomsList->item(i);
        if (item->data(NameRole).toString() == room)
            return item;
    }
    return nullptr;
}

void ChatWindow::showRoomsMenu(const QPoint &pos)
{
    QListWidgetItem *item = m_roomsList->itemAt(pos);
    if (!item)
        return;
    const QString room = item->data(NameRole).toString();
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(tr("Show"), this, [this, room] { m_session->setCurrentRoom(room); });
    menu->addAction(tr("Leave room"), this, [this, room] { leaveRoom(room); });
    // popup(), not exec(): no nested event loop in a chat window.
    menu->popup(m_roomsList->viewport()->mapToGlobal(pos));
}

void ChatWindow::sendInput(const QString &typed)
{
    if (m_session->sendMessage(typed))
        m_input->clear();
}

void ChatWindow::promptDirect(QListWidgetItem *item)
{
    if (!item)
        return;
    const QString id = item->data(IdRole).toString();
    const QString name = item->data(NameRole).toString();
    // The one nested event loop a chat window allows itself: the window may be gone after it.
    QPointer<ChatWindow> guard(this);
    bool ok = false;
    const QString text
        = QInputDialog::getText(this, tr("Direct message"),
                                tr("<p>Direct message to <b>%1</b>:</p>").arg(name.toHtmlEscaped()),
                                QLineEdit::Normal, QString(), &ok);
    if (!guard || !ok || text.trimmed().isEmpty())
        return;
    m_session->sendDirect(id, name, text.trimmed());
}

void ChatWindow::updateTypingLabel()
{
    const QStringList names = m_session->typingNames(currentRoom());
    QString text;
    if (names.size() == 1)
        text = tr("%1 is typing…").arg(names.at(0));
    else if (names.size() == 2)
        text = tr("%1 and %2 are typing…").arg(names.at(0), names.at(1));
    else if (names.size() > 2)
        text = tr("%1, %2 and %n other(s) are typing…", nullptr, int(names.size()) - 2)
                   .arg(names.at(0), names.at(1));
    m_typingLabel->setText(text);
}

void ChatWindow::onEntryAdded(const QString &room, const ChatLogEntry &entry)
{
    if (room.isEmpty() || room == currentRoom()) {
        m_renderQueue.append(entry);
        m_renderThrottle->request();
    }
}

bool ChatWindow::isShown(const ChatLogEntry &entry) const
{
    return entry.kind != ChatLogEntry::Kind::Notice || m_showNotices->isChecked();
}

void ChatWindow::renderCurrentRoom()
{
    renderLog();
    QScrollBar *bar = m_messageView->verticalScrollBar();
    bar->setValue(bar->maximum());
}

void ChatWindow::renderLog()
{
    const qint64 selected = selectedMessageId();
    m_rendering = true;
    // Everything queued is in the entries rendered below.
    m_renderQueue.clear();
    m_renderThrottle->cancel();
    m_renderer->setStyle(palette(), m_messageView->font());
    m_renderer->setReader(self().name);
    m_renderer->clear();
    // One layout pass for the whole room instead of one per line.
    QTextCursor batch(m_messageView->document());
    batch.beginEditBlock();
    const ChatLogModel *log = m_session->roomLog(currentRoom());
    const QList<ChatLogEntry> empty;
    const QList<ChatLogEntry> &own = log ? log->entries() : empty;
    const QList<ChatLogEntry> &shared = m_session->sharedLog()->entries();
    // Pages of older messages can take a room's log past the view's usual cap.
    m_messageView->document()->setMaximumBlockCount(
        std::max(MaxViewBlocks, int(own.size() + shared.size()) + 1));
    // The room's entries and the shared ones, interleaved in the order they happened.
    auto a = own.cbegin();
    auto b = shared.cbegin();
    while (a != own.cend() || b != shared.cend()) {
        const ChatLogEntry &entry
            = (b == shared.cend() || (a != own.cend() && a->seq < b->seq)) ? *a++ : *b++;
        if (isShown(entry))
            m_renderer->append(entry);
    }
    if (currentRoom().isEmpty()) {
        ChatLogEntry hint;
        hint.kind = ChatLogEntry::Kind::Divider;
        hint.text = rooms().isEmpty() ? tr("You are in no room: join one on the left")
                                      : tr("Choose a room on the left");
        m_renderer->append(hint);
    }
    batch.endEditBlock();
    if (selected > 0)
        selectMessage(selected, false);
    m_rendering = false;
}

void ChatWindow::renderKeepingPlace(int added)
{
    QScrollBar *bar = m_messageView->verticalScrollBar();
    QAbstractTextDocumentLayout *layout = m_messageView->document()->documentLayout();
    const QTextBlock top = m_messageView->cursorForPosition(QPoint(0, 0)).block();
    const int topNumber = top.blockNumber();
    // At the very top the view also shows the document's margin: the reader looks at the line.
    const qreal offset = std::max<qreal>(0, bar->value() - layout->blockBoundingRect(top).top());
    renderLog();
    // The lines below the new ones are the same as before, added blocks further down.
    const QTextBlock again = m_messageView->document()->findBlockByNumber(topNumber + added);
    m_rendering = true;
    bar->setValue(qRound(layout->blockBoundingRect(again).top() + offset));
    m_rendering = false;
}

void ChatWindow::onViewScrolled(int value)
{
    QScrollBar *bar = m_messageView->verticalScrollBar();
    if (m_rendering || value != bar->minimum() || bar->maximum() == bar->minimum())
        return;
    m_session->history()->loadOlder(currentRoom());
}

bool ChatWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_messageView->viewport() && event->type() == QEvent::Wheel
        && static_cast<QWheelEvent *>(event)->angleDelta().y() > 0) {
        const QScrollBar *bar = m_messageView->verticalScrollBar();
        if (bar->value() == bar->minimum())
            m_session->history()->loadOlder(currentRoom());
    }
    return QWidget::eventFilter(watched, event);
}

void ChatWindow::updateOlderLabel()
{
    const ChatLogModel *log = m_session->roomLog(currentRoom());
    QString text;
    if (log && log->isLoadingOlder())
        text = tr("Loading older messages…");
    else if (log && log->isBeginningReached())
        text = tr("Beginning of the room");
    m_olderLabel->setText(text);
    m_olderLabel->setVisible(!text.isEmpty());
}

void ChatWindow::showMessage(const QString &room, qint64 id)
{
    m_jumpId = id;
    if (room != currentRoom())
        m_session->setCurrentRoom(room);
    // Answered by messageAvailable(), at once when the message is already in the log.
    m_session->history()->reveal(room, id);
}

bool ChatWindow::selectMessage(qint64 id, bool scroll)
{
    QTextDocument *document = m_messageView->document();
    for (QTextBlock block = document->lastBlock(); block.isValid(); block = block.previous()) {
        if (ChatLogRenderer::messageId(block) != id)
            continue;
        QTextCursor cursor(block);
        cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        m_messageView->setTextCursor(cursor);
        if (scroll) {
            const QRectF rect = document->documentLayout()->blockBoundingRect(block);
            const int middle = qRound(rect.center().y()) - m_messageView->viewport()->height() / 2;
            m_messageView->verticalScrollBar()->setValue(middle);
        }
        return true;
    }
    return false;
}

qint64 ChatWindow::selectedMessageId() const
{
    const QTextCursor cursor = m_messageView->textCursor();
    return cursor.hasSelection() ? ChatLogRenderer::messageId(cursor.block()) : 0;
}

void ChatWindow::renderQueued()
{
    if (m_renderQueue.isEmpty())
        return;
    const QList<ChatLogEntry> entries = std::exchange(m_renderQueue, {});
    QScrollBar *bar = m_messageView->verticalScrollBar();
    // Follow the conversation only if the reader is following it, not reading further up.
    const bool atBottom = bar->value() >= bar->maximum() - 4;
    m_renderer->setStyle(palette(), m_messageView->font());
    m_renderer->setReader(self().name);
    // One layout pass for the lot, however many lines.
    QTextCursor batch(m_messageView->document());
    batch.beginEditBlock();
    for (const ChatLogEntry &entry : entries) {
        if (isShown(entry))
            m_renderer->append(entry);
    }
    batch.endEditBlock();
    if (atBottom)
        bar->setValue(bar->maximum());
}

void ChatWindow::updateMembers()
{
    m_membersThrottle->cancel(); // this is the update a waiting one would have been
    m_membersList->clear();
    const QString room = currentRoom();
    if (!m_session->isJoined(room)) {
        m_membersTitle->setText(tr("Members"));
        return;
    }
    QList<MemberRef> members = m_session->members(room);
    std::sort(members.begin(), members.end(), [](const MemberRef &a, const MemberRef &b) {
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
    const QString me = self().id;
    for (const MemberRef &member : std::as_const(members)) {
        auto *item = new QListWidgetItem(m_membersList);
        item->setText(member.id == me ? tr("%1 (you)").arg(member.name) : member.name);
        item->setData(IdRole, member.id);
        item->setData(NameRole, member.name);
        item->setForeground(ChatLogRenderer::nameColor(member.name, palette()));
        if (member.id == me) {
            QFont font = m_membersList->font();
            font.setBold(true);
            item->setFont(font);
        }
        item->setToolTip(tr("<p>%1 (id %2)<br>Double-click to send a direct message</p>")
                             .arg(member.name.toHtmlEscaped(), member.id.toHtmlEscaped()));
    }
    m_membersTitle->setText(tr("Members (%1)").arg(members.size()));
}

void ChatWindow::closeEvent(QCloseEvent *event)
{
    // A closed window is gone for the user: it must not linger in the rooms as a ghost member
    // or keep reconnecting behind their back.
    disconnectFromServer();
    QWidget::closeEvent(event);
}

void ChatWindow::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The colours are chosen from the palette, which a theme change replaces.
    if (event->type() == QEvent::PaletteChange && m_renderer) {
        updateColors();
        for (const QString &room : rooms())
            updateRoomItem(room);
        updateMembers();
        renderCurrentRoom();
    }
}
