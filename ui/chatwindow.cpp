#include "chatwindow.h"

#include <algorithm>
#include <utility>

#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QDateTime>
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
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTimer>
#include <QUrlQuery>
#include <QVBoxLayout>

#include "client/chatclient.h"
#include "messageinput.h"
#include "protocol/closecode.h"
#include "protocol/validation.h"
#include "updatethrottle.h"

namespace {

constexpr int FirstRetryMs = 1000;
constexpr int MaxRetryMs = 10000;
// A server that accepts the TCP connection but never welcomes us is as good as down.
constexpr int WelcomeTimeoutMs = 15000;
constexpr int TypingResendMs = 2000;
constexpr int TypingIdleMs = 3000;
// Another client's "typing" that is neither refreshed nor ended (it crashed, say) fades out.
constexpr int TypingExpiryMs = 8000;
// Enough scrollback for a conversation without letting a busy room eat memory for ever.
constexpr int MaxEntries = 2000;
constexpr int TrimStep = 200;
// The view's own cap: a room's entries and the shared ones, as many as renderCurrentRoom()
// shows. Without it, a window that follows a busy room grows its document for ever, and every
// layout pass with it.
constexpr int MaxViewBlocks = 2 * (MaxEntries + TrimStep) + 1;
// A flood of lines or joins is shown in steps: past RenderBurst lines (MembersBurst updates of
// the member list) in RenderIntervalMs, the rest wait and go into the view together, in one
// layout pass, at the end of the interval.
constexpr int RenderBurst = 20;
constexpr int MembersBurst = 10;
constexpr int RenderIntervalMs = 100;

constexpr int IdRole = Qt::UserRole;
constexpr int NameRole = Qt::UserRole + 1;

QString defaultRoom()
{
    return QStringLiteral("lobby");
}

QString hostId()
{
    return QStringLiteral("host");
}

QString localTime(const QString &timestamp)
{
    QDateTime time = QDateTime::fromString(timestamp, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::currentDateTime();
    return time.toLocalTime().toString(QStringLiteral("HH:mm"));
}

QString nowTime()
{
    return QDateTime::currentDateTime().toString(QStringLiteral("HH:mm"));
}

// A paragraph break would split an entry into blocks (and its background into stripes); line
// separators keep a multi-line message one block, and toPlainText() still gives '\n'.
QString asOneBlock(QString text)
{
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(u'\r', u'\n');
    text.replace(u'\n', QChar::LineSeparator);
    text.replace(QChar::ParagraphSeparator, QChar::LineSeparator);
    return text;
}

// What users type: "127.0.0.1:8000", "http://host:8000", "ws://host:8000/chat?code=x". An
// empty path means the server's native endpoint; a path that is given is kept, for servers
// that put the protocol elsewhere.
QUrl normalizedServerUrl(const QUrl &input)
{
    QUrl url = input;
    if (url.scheme() == QLatin1String("http"))
        url.setScheme(QStringLiteral("ws"));
    else if (url.scheme() == QLatin1String("https"))
        url.setScheme(QStringLiteral("wss"));
    if (url.path().isEmpty() || url.path() == QLatin1String("/"))
        url.setPath(QStringLiteral("/chat"));
    return url;
}

bool isServerUrl(const QUrl &url)
{
    return url.isValid() && !url.host().isEmpty()
        && (url.scheme() == QLatin1String("ws") || url.scheme() == QLatin1String("wss"));
}

// A query value as the server reads it, where "+" is a space as in HTML forms.
QString queryValue(const QUrlQuery &query, const QString &key)
{
    QString encoded = query.queryItemValue(key, QUrl::FullyEncoded);
    encoded.replace(u'+', QStringLiteral("%20"));
    return QUrl::fromPercentEncoding(encoded.toLatin1());
}

// Sets a query value so that the server reads back exactly this text: "+", "%" and "&" in a
// name are encoded here, since QUrlQuery would leave them to be misread.
void setQueryValue(QUrlQuery *query, const QString &key, const QString &value)
{
    query->removeAllQueryItems(key);
    query->addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
}

// Query items (room, code) choose how to enter, not which server it is.
bool sameServer(const QUrl &a, const QUrl &b)
{
    const auto options = QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash;
    return a.adjusted(options) == b.adjusted(options);
}

// "[*]" in a window title is Qt's modified-marker placeholder; doubled, it shows as itself.
QString literalTitle(QString title)
{
    return title.replace(QStringLiteral("[*]"), QStringLiteral("[*][*]"));
}

// ISO 8601 timestamps of one format compare as strings; the id breaks ties in a millisecond.
bool isAfter(const ChatMessage &message, const QString &timestamp, qint64 id)
{
    return message.timestamp > timestamp || (message.timestamp == timestamp && message.id > id);
}

} // namespace

ChatWindow::ChatWindow(const QUrl &url, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_client(new ChatClient(this))
    , m_reconnectTimer(new QTimer(this))
    , m_countdownTimer(new QTimer(this))
    , m_welcomeTimer(new QTimer(this))
    , m_typingIdleTimer(new QTimer(this))
    , m_typingPruneTimer(new QTimer(this))
{
    m_clock.start();
    m_renderThrottle = new UpdateThrottle(
        RenderBurst, RenderIntervalMs, [this] { renderQueued(); }, this);
    m_membersThrottle = new UpdateThrottle(
        MembersBurst, RenderIntervalMs, [this] { updateMembers(); }, this);

    m_reconnectTimer->setObjectName(QStringLiteral("reconnectTimer"));
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, [this] { startConnection(false); });
    m_countdownTimer->setInterval(250); // fine enough that the seconds tick down evenly
    connect(m_countdownTimer, &QTimer::timeout, this, &ChatWindow::updateCountdown);
    m_welcomeTimer->setSingleShot(true);
    m_welcomeTimer->setInterval(WelcomeTimeoutMs);
    connect(m_welcomeTimer, &QTimer::timeout, this, [this] {
        m_welcomeTimedOut = true;
        m_client->close();
    });
    m_typingIdleTimer->setSingleShot(true);
    m_typingIdleTimer->setInterval(TypingIdleMs);
    connect(m_typingIdleTimer, &QTimer::timeout, this, &ChatWindow::stopTyping);
    m_typingPruneTimer->setInterval(1000);
    connect(m_typingPruneTimer, &QTimer::timeout, this, &ChatWindow::pruneTyping);

    buildUi();
    wireClient();
    setCurrentRoom(QString());
    connectTo(url);
}

ChatWindow::~ChatWindow()
{
    // The client says goodbye as it is destroyed; nothing it reports on the way may reach a
    // window that is half gone.
    m_client->disconnect(this);
}

MemberRef ChatWindow::self() const
{
    return m_client->self();
}

// ---------------------------------------------------------------------------------------------
// Building

void ChatWindow::buildUi()
{
    setWindowTitle(tr("wsroom chat"));
    resize(1000, 640);

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
    m_messageView = new QTextBrowser(chatPanel);
    m_messageView->setObjectName(QStringLiteral("messageView"));
    m_messageView->setOpenLinks(false);
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
    auto *inputRow = new QHBoxLayout;
    inputRow->addWidget(m_input, 1);
    inputRow->addWidget(m_sendButton, 0, Qt::AlignBottom);
    chatLayout->addLayout(chatHeader);
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
    connect(m_leaveButton, &QPushButton::clicked, this, [this] { leaveRoom(m_currentRoom); });
    connect(m_roomsList, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item)
            setCurrentRoom(item->data(NameRole).toString());
    });
    connect(m_roomsList, &QWidget::customContextMenuRequested, this, &ChatWindow::showRoomsMenu);
    connect(m_showNotices, &QCheckBox::toggled, this, &ChatWindow::renderCurrentRoom);
    connect(m_input, &MessageInput::submitted, this, &ChatWindow::sendInput);
    connect(m_input, &QPlainTextEdit::textChanged, this, &ChatWindow::onInputEdited);
    connect(m_sendButton, &QPushButton::clicked, this,
            [this] { sendInput(m_input->toPlainText()); });
    connect(m_membersList, &QListWidget::itemDoubleClicked, this, &ChatWindow::promptDirect);

    auto *closeShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_W), this);
    connect(closeShortcut, &QShortcut::activated, this, &QWidget::close);

    updateColors();
    m_input->setFocus();
}

void ChatWindow::updateColors()
{
    QPalette typingPalette = m_typingLabel->palette();
    typingPalette.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    m_typingLabel->setPalette(typingPalette);
}

void ChatWindow::wireClient()
{
    connect(m_client, &ChatClient::welcomed, this, &ChatWindow::onWelcomed);
    connect(m_client, &ChatClient::disconnected, this, &ChatWindow::onDisconnected);
    connect(m_client, &ChatClient::joined, this, &ChatWindow::onJoined);
    connect(m_client, &ChatClient::left, this, &ChatWindow::onLeft);
    connect(m_client, &ChatClient::messageReceived, this, &ChatWindow::onMessage);
    connect(m_client, &ChatClient::presence, this, &ChatWindow::onPresence);
    connect(m_client, &ChatClient::directReceived, this, &ChatWindow::onDirect);
    connect(m_client, &ChatClient::renamed, this, &ChatWindow::onRenamed);
    connect(m_client, &ChatClient::typing, this, &ChatWindow::onTyping);
    connect(m_client, &ChatClient::errorReceived, this, &ChatWindow::onError);
    connect(m_client, &ChatClient::replyReceived, this, &ChatWindow::onReply);
}

// ---------------------------------------------------------------------------------------------
// Connection

void ChatWindow::connectTo(const QUrl &url)
{
    QUrl given = normalizedServerUrl(url);
    // From here on the name field is the one place the name is chosen.
    QUrlQuery query(given);
    if (query.hasQueryItem(QStringLiteral("name"))) {
        const QString name = queryValue(query, QStringLiteral("name")).trimmed();
        if (!name.isEmpty()) {
            m_name = name;
            m_nameEdit->setText(name);
        }
        query.removeAllQueryItems(QStringLiteral("name"));
        given.setQuery(query);
    }

    if (!sameServer(given, m_url)) {
        // Another server's rooms are other rooms, whatever their names.
        stopTyping();
        m_roomStates.clear();
        m_roomOrder.clear();
        m_roomsList->clear();
        m_wasWelcomed = false;
        setCurrentRoom(QString());
    }
    m_url = given;
    m_urlEdit->setText(given.toString());
    m_reconnectTimer->stop();
    m_countdownTimer->stop();
    m_attempt = 0;
    m_outage = false;

    if (!isServerUrl(given)) {
        m_wantConnected = false;
        m_welcomeTimer->stop();
        m_reopening = true;
        m_client->close();
        m_reopening = false;
        endSession();
        setLink(Link::Refused,
                given.isEmpty() ? tr("Not connected — enter a server address above")
                                : tr("Not a WebSocket address: %1 (try ws://host:port/chat)")
                                      .arg(given.toDisplayString()));
        return;
    }
    m_wantConnected = true;
    startConnection(true);
}

void ChatWindow::disconnectFromServer()
{
    m_wantConnected = false;
    m_outage = false;
    m_reconnectTimer->stop();
    m_countdownTimer->stop();
    m_welcomeTimer->stop();
    stopTyping();
    if (m_client->state() != QAbstractSocket::UnconnectedState)
        m_client->close(); // disconnected() follows and says the rest
    setLink(Link::Disconnected, tr("Disconnected"));
}

void ChatWindow::startConnection(bool fresh)
{
    m_reconnectTimer->stop();
    m_countdownTimer->stop();
    m_welcomeTimedOut = false;
    endSession();

    QUrl url = m_url;
    QUrlQuery query(url);
    // Keep the name across reconnections: the server would otherwise hand out guest-<n>.
    const QString name = !m_name.isEmpty() ? m_name : m_nameEdit->text().trimmed();
    if (!name.isEmpty())
        setQueryValue(&query, QStringLiteral("name"), name);
    else
        query.removeAllQueryItems(QStringLiteral("name"));
    // The url's room (or lobby) is only where a window starts; after that it rejoins its own
    // rooms, which may no longer include that one.
    if (!fresh || !m_roomOrder.isEmpty())
        query.removeAllQueryItems(QStringLiteral("room"));
    else if (queryValue(query, QStringLiteral("room")).isEmpty())
        setQueryValue(&query, QStringLiteral("room"), defaultRoom());
    url.setQuery(query);

    setLink(Link::Connecting, tr("Connecting…"));
    m_welcomeTimer->start();
    // open() ends the previous session, if any, with a disconnected() that is not news.
    m_reopening = true;
    m_client->open(url);
    m_reopening = false;
}

void ChatWindow::onWelcomed(const MemberRef &self)
{
    m_welcomeTimer->stop();
    m_welcomed = true;
    m_wasWelcomed = true;
    m_attempt = 0;
    m_name = self.name;
    m_nameEdit->setText(self.name);
    setLink(Link::Connected, tr("Connected as %1").arg(self.name));
    if (m_outage) {
        addSharedEntry(Entry::Kind::Status, tr("Reconnected as %1").arg(self.name));
        m_outage = false;
    }
    for (const QString &room : std::as_const(m_roomOrder)) {
        const qint64 ref = m_client->join(room);
        m_pendingJoins.insert(ref, room);
    }
    updateTitle();
}

void ChatWindow::onDisconnected(int code, const QString &closeReason)
{
    if (m_reopening)
        return;
    m_welcomeTimer->stop();
    const bool hadSession = m_welcomed;
    endSession();

    QString reason = closeReason;
    if (m_welcomeTimedOut) {
        code = ChatClient::AbnormalCloseCode;
        reason = tr("the server did not answer");
        m_welcomeTimedOut = false;
    }

    if (code == CloseCode::Kicked) {
        m_wantConnected = false;
        m_outage = false;
        const QString text
            = tr("Kicked by the host: %1").arg(reason.isEmpty() ? tr("no reason given") : reason);
        setLink(Link::Kicked, text);
        addSharedEntry(Entry::Kind::Error, text);
        return;
    }
    if (!m_wantConnected) {
        setLink(Link::Disconnected, tr("Disconnected"));
        if (hadSession)
            addSharedEntry(Entry::Kind::Status, tr("Disconnected"));
        return;
    }
    const QString why
        = reason.isEmpty() ? tr("code %1").arg(code) : tr("%1, code %2").arg(reason).arg(code);
    if (code == CloseCode::PolicyViolation) {
        // A wrong join code or a refused origin will not get better by asking again.
        m_wantConnected = false;
        m_outage = false;
        const QString text = tr("Disconnected by the server (%1)").arg(why);
        setLink(Link::Refused, text);
        addSharedEntry(Entry::Kind::Error, text);
        return;
    }
    if (!m_outage) {
        m_outage = true;
        addSharedEntry(hadSession ? Entry::Kind::Status : Entry::Kind::Error,
                       hadSession
                           ? tr("Connection lost (%1); reconnecting…").arg(why)
                           : tr("Could not connect to %1 (%2)").arg(m_url.toDisplayString(), why));
    }
    scheduleReconnect(why);
}

void ChatWindow::endSession()
{
    // Members, typing and pending requests belong to a connection; the rooms and what was said
    // in them stay, to be rejoined.
    m_welcomed = false;
    m_typingActive = false;
    m_typingIdleTimer->stop();
    m_pendingRenames.clear();
    m_pendingJoins.clear();
    for (RoomState &state : m_roomStates) {
        state.joined = false;
        state.members.clear();
        state.typing.clear();
    }
    for (const QString &room : std::as_const(m_roomOrder))
        updateRoomItem(room);
    updateMembers();
    updateTypingLabel();
}

void ChatWindow::scheduleReconnect(const QString &why)
{
    const int delay = std::min(MaxRetryMs, FirstRetryMs << std::min(m_attempt, 4));
    ++m_attempt;
    m_waitReason = why;
    m_reconnectTimer->start(delay);
    m_countdownTimer->start();
    updateCountdown();
}

void ChatWindow::updateCountdown()
{
    if (!m_reconnectTimer->isActive()) {
        m_countdownTimer->stop();
        return;
    }
    const int seconds = std::max(1, (m_reconnectTimer->remainingTime() + 999) / 1000);
    const QString what = m_wasWelcomed ? tr("Disconnected") : tr("Could not connect");
    setLink(Link::Waiting,
            tr("%1 (%2) — reconnecting in %3 s…").arg(what, m_waitReason).arg(seconds));
}

void ChatWindow::setLink(Link link, const QString &text)
{
    m_stateLabel->setText(text);
    QColor color;
    switch (link) {
    case Link::Connected:
        color = QColor(0x2e, 0xa0, 0x43);
        break;
    case Link::Connecting:
    case Link::Waiting:
        color = QColor(0xd9, 0x8e, 0x04);
        break;
    case Link::Kicked:
    case Link::Refused:
        color = QColor(0xd0, 0x30, 0x30);
        break;
    case Link::Disconnected:
        color = palette().color(QPalette::PlaceholderText);
        break;
    }
    QPalette iconPalette = m_stateIcon->palette();
    iconPalette.setColor(QPalette::WindowText, color);
    m_stateIcon->setPalette(iconPalette);
    m_connectButton->setText(m_wantConnected ? tr("Disconnect") : tr("Connect"));
    const bool online = link == Link::Connected;
    m_sendButton->setEnabled(online && !m_currentRoom.isEmpty());
    m_joinButton->setEnabled(online);
    updateTitle();
}

void ChatWindow::onConnectButton()
{
    if (m_wantConnected)
        disconnectFromServer();
    else
        onUrlEntered();
}

void ChatWindow::onUrlEntered()
{
    const QString text = m_urlEdit->text().trimmed();
    connectTo(text.isEmpty() ? QUrl() : QUrl::fromUserInput(text));
}

void ChatWindow::onNameEntered()
{
    QString error;
    const QString name = Validation::normalizeName(m_nameEdit->text(), &error);
    if (name.isEmpty()) {
        addSharedEntry(Entry::Kind::Error, tr("That name cannot be used: %1").arg(error));
        return;
    }
    m_nameEdit->setText(name);
    if (!m_welcomed) {
        // Taken up on the next connection.
        m_name = name;
        updateTitle();
        return;
    }
    if (name == self().name)
        return;
    const qint64 ref = m_client->rename(name);
    m_pendingRenames.insert(ref, name);
}

void ChatWindow::updateTitle()
{
    const QString name = m_welcomed ? self().name : m_name;
    QString title = tr("wsroom chat");
    if (!name.isEmpty() && !m_currentRoom.isEmpty())
        title = tr("wsroom chat — %1 in %2").arg(name, m_currentRoom);
    else if (!name.isEmpty())
        title = tr("wsroom chat — %1").arg(name);
    setWindowTitle(literalTitle(title));
}

// ---------------------------------------------------------------------------------------------
// Rooms

void ChatWindow::joinRoom(const QString &room)
{
    QString error;
    if (!Validation::isValidRoom(room, &error)) {
        addSharedEntry(Entry::Kind::Error, tr("Cannot join “%1”: %2").arg(room, error));
        return;
    }
    const auto it = m_roomStates.constFind(room);
    if (it != m_roomStates.cend() && it->joined) {
        setCurrentRoom(room);
        return;
    }
    if (!m_welcomed) {
        addSharedEntry(Entry::Kind::Error, tr("Not connected: cannot join “%1” now.").arg(room));
        return;
    }
    m_showOnJoin = room;
    const qint64 ref = m_client->join(room);
    m_pendingJoins.insert(ref, room);
}

void ChatWindow::leaveRoom(const QString &room)
{
    const auto it = m_roomStates.constFind(room);
    if (it == m_roomStates.cend())
        return;
    if (m_typingRoom == room)
        stopTyping();
    if (m_welcomed && it->joined)
        m_client->leave(room); // left() removes it
    else
        removeRoom(room); // nothing to tell the server; just do not rejoin it
}

void ChatWindow::onJoined(const QString &room, const QList<MemberRef> &members,
                          const QList<ChatMessage> &history)
{
    const bool isNew = !m_roomStates.contains(room);
    RoomState &state = m_roomStates[room];
    state.joined = true;
    state.members = members;
    state.typing.clear();
    if (isNew) {
        m_roomOrder.append(room);
        auto *item = new QListWidgetItem(m_roomsList);
        item->setData(NameRole, room);
    }

    // After a reconnection the history repeats what is already on screen; show only the rest.
    QList<ChatMessage> unseen;
    for (const ChatMessage &message : history) {
        if (isAfter(message, state.lastTimestamp, state.lastId))
            unseen.append(message);
    }
    if (!unseen.isEmpty()) {
        Entry divider;
        divider.kind = Entry::Kind::Divider;
        divider.text = isNew ? tr("Earlier messages") : tr("Messages while you were away");
        addEntry(room, divider);
        for (const ChatMessage &message : std::as_const(unseen))
            addEntry(room, messageEntry(message, true));
        state.lastTimestamp = unseen.constLast().timestamp;
        state.lastId = unseen.constLast().id;
    }
    if (isNew) {
        Entry notice;
        notice.kind = Entry::Kind::Notice;
        notice.time = nowTime();
        notice.text = tr("You joined %1").arg(room);
        addEntry(room, notice);
    }

    updateRoomItem(room);
    if (isNew || m_showOnJoin == room || m_currentRoom.isEmpty()) {
        m_showOnJoin.clear();
        setCurrentRoom(room);
    } else if (room == m_currentRoom) {
        updateMembers();
        updateTypingLabel();
    }
}

void ChatWindow::onLeft(const QString &room)
{
    removeRoom(room);
}

void ChatWindow::removeRoom(const QString &room)
{
    const int index = int(m_roomOrder.indexOf(room));
    if (index < 0)
        return;
    m_roomOrder.removeAt(index);
    m_roomStates.remove(room);
    delete roomItem(room);
    if (room == m_currentRoom) {
        m_currentRoom.clear(); // so that setCurrentRoom() does not stop at "no change"
        const QString next = m_roomOrder.isEmpty()
            ? QString()
            : m_roomOrder.at(std::min(index, int(m_roomOrder.size()) - 1));
        setCurrentRoom(next);
    }
}

void ChatWindow::onJoinEntered()
{
    const QString room = m_joinEdit->text().trimmed();
    if (room.isEmpty())
        return;
    joinRoom(room);
    m_joinEdit->clear();
}

void ChatWindow::setCurrentRoom(const QString &room)
{
    if (room == m_currentRoom && !room.isEmpty())
        return;
    stopTyping();
    m_currentRoom = room;
    if (QListWidgetItem *item = roomItem(room)) {
        m_roomStates[room].unread = 0;
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
    m_sendButton->setEnabled(m_welcomed && !room.isEmpty());
    renderCurrentRoom();
    updateMembers();
    updateTypingLabel();
    updateTitle();
}

void ChatWindow::updateRoomItem(const QString &room)
{
    QListWidgetItem *item = roomItem(room);
    const auto it = m_roomStates.constFind(room);
    if (!item || it == m_roomStates.cend())
        return;
    const bool unread = it->unread > 0 && room != m_currentRoom;
    item->setText(unread ? tr("%1  (%2)").arg(room).arg(it->unread) : room);
    QFont font = m_roomsList->font();
    font.setBold(unread);
    item->setFont(font);
    // Rooms waiting to be rejoined look it.
    item->setForeground(it->joined ? palette().brush(QPalette::Text)
                                   : palette().brush(QPalette::PlaceholderText));
    item->setToolTip(unread ? tr("%n unread message(s)", nullptr, it->unread) : QString());
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
    menu->addAction(tr("Show"), this, [this, room] { setCurrentRoom(room); });
    menu->addAction(tr("Leave room"), this, [this, room] { leaveRoom(room); });
    // popup(), not exec(): no nested event loop in a chat window.
    menu->popup(m_roomsList->viewport()->mapToGlobal(pos));
}

// ---------------------------------------------------------------------------------------------
// Messages and events

void ChatWindow::onMessage(const ChatMessage &message)
{
    const auto it = m_roomStates.find(message.room);
    if (it == m_roomStates.end())
        return;
    it->lastTimestamp = message.timestamp;
    it->lastId = message.id;
    // Whoever sent a message has stopped typing it.
    if (it->typing.remove(message.from.id) > 0 && message.room == m_currentRoom)
        updateTypingLabel();
    addEntry(message.room, messageEntry(message, false));
    if (message.from.id == self().id)
        return;
    if (message.room != m_currentRoom) {
        ++it->unread;
        updateRoomItem(message.room);
    }
    if (!isActiveWindow())
        QApplication::alert(this);
}

void ChatWindow::onPresence(const QString &room, const QString &event, const MemberRef &member,
                            const QString &previous)
{
    const auto it = m_roomStates.find(room);
    if (it == m_roomStates.end())
        return;
    Entry notice;
    notice.kind = Entry::Kind::Notice;
    notice.time = nowTime();
    auto sameId = [&member](const MemberRef &m) {
        return m.id == member.id;
    };
    if (event == QLatin1String("join")) {
        if (std::none_of(it->members.cbegin(), it->members.cend(), sameId))
            it->members.append(member);
        notice.text = tr("%1 joined").arg(member.name);
    } else if (event == QLatin1String("leave")) {
        it->members.removeIf(sameId);
        it->typing.remove(member.id);
        notice.text = tr("%1 left").arg(member.name);
    } else if (event == QLatin1String("rename")) {
        for (MemberRef &m : it->members) {
            if (m.id == member.id)
                m.name = member.name;
        }
        if (it->typing.contains(member.id))
            it->typing[member.id].name = member.name;
        notice.text = tr("%1 is now known as %2").arg(previous, member.name);
    } else {
        return; // an event of a newer protocol
    }
    addEntry(room, notice);
    if (room == m_currentRoom) {
        m_membersThrottle->request();
        updateTypingLabel();
    }
}

void ChatWindow::onDirect(const MemberRef &from, const MemberRef &to, const QString &text,
                          const QString &timestamp)
{
    const MemberRef me = self();
    Entry entry;
    entry.kind = Entry::Kind::Direct;
    entry.time = localTime(timestamp);
    entry.text = text;
    entry.own = from.id == me.id;
    if (entry.own && to.id == me.id)
        entry.sender = tr("→ you (direct)");
    else if (entry.own)
        entry.sender = tr("→ %1 (direct)").arg(to.name);
    else
        entry.sender = tr("%1 → you (direct)").arg(from.name);
    entry.senderKey = entry.own ? to.name : from.name;
    addEntry(QString(), entry);
    if (!entry.own && !isActiveWindow())
        QApplication::alert(this);
}

void ChatWindow::onRenamed(const MemberRef &self)
{
    m_name = self.name;
    m_nameEdit->setText(self.name);
    for (RoomState &state : m_roomStates) {
        for (MemberRef &m : state.members) {
            if (m.id == self.id)
                m.name = self.name;
        }
    }
    addSharedEntry(Entry::Kind::Status, tr("You are now known as %1").arg(self.name));
    setLink(Link::Connected, tr("Connected as %1").arg(self.name));
    updateMembers();
}

void ChatWindow::onError(const QString &code, const QString &message, const QJsonValue &ref)
{
    addSharedEntry(Entry::Kind::Error, describeError(code, message, ref));
    if (code == QLatin1String("name_taken") || code == QLatin1String("bad_request")) {
        // The field shows the name we have, not the one refused; the refusal is in the view.
        if (m_pendingRenames.contains(ref.toInteger()))
            m_nameEdit->setText(self().name);
    }
    const QString room = m_pendingJoins.value(ref.toInteger());
    if (!room.isEmpty() && m_showOnJoin == room)
        m_showOnJoin.clear();
}

void ChatWindow::onReply(const QJsonValue &ref)
{
    const qint64 key = ref.toInteger();
    m_pendingRenames.remove(key);
    m_pendingJoins.remove(key);
}

QString ChatWindow::describeError(const QString &code, const QString &message,
                                  const QJsonValue &ref) const
{
    const qint64 key = ref.toInteger();
    const QString detail = message.isEmpty() ? code : message;
    if (code == QLatin1String("name_taken")) {
        const QString name = m_pendingRenames.value(key);
        return name.isEmpty()
            ? tr("That name is already taken.")
            : tr("The name “%1” is already taken; you are still %2.").arg(name, self().name);
    }
    if (code == QLatin1String("rate_limited"))
        return tr("Slow down: you are sending too fast, and that was not delivered.");
    if (code == QLatin1String("not_in_room"))
        return tr("You are not in that room (%1).").arg(detail);
    if (code == QLatin1String("too_many_rooms")) {
        const QString room = m_pendingJoins.value(key);
        return room.isEmpty() ? tr("Cannot join another room: %1.").arg(detail)
                              : tr("Cannot join “%1”: too many rooms (%2).").arg(room, detail);
    }
    if (code == QLatin1String("no_such_member"))
        return tr("Cannot send a direct message: %1.").arg(detail);
    if (code == QLatin1String("bad_request")) {
        const QString room = m_pendingJoins.value(key);
        if (!room.isEmpty())
            return tr("Cannot join “%1”: %2.").arg(room, detail);
        return tr("The server refused that: %1.").arg(detail);
    }
    if (code == QLatin1String("forbidden"))
        return tr("Not allowed: %1.").arg(detail);
    if (code == QLatin1String("bad_frame"))
        return tr("The server sent something this window cannot read: %1.").arg(detail);
    return tr("The server reported an error (%1): %2").arg(code, detail);
}

void ChatWindow::sendInput(const QString &typed)
{
    const QString text = typed.trimmed();
    if (text.isEmpty())
        return;
    if (m_currentRoom.isEmpty()) {
        addSharedEntry(Entry::Kind::Error, tr("Join a room first: there is nowhere to send to."));
        return;
    }
    if (!m_welcomed) {
        addSharedEntry(Entry::Kind::Error,
                       tr("Not connected: the message was not sent (it is still in the box)."));
        return;
    }
    const qint64 limit = m_client->maxMessageBytes();
    const qint64 bytes = text.toUtf8().size();
    if (limit > 0 && bytes > limit) {
        addSharedEntry(Entry::Kind::Error,
                       tr("That message is too long: %1 bytes, and the server takes at most %2.")
                           .arg(bytes)
                           .arg(limit));
        return;
    }
    stopTyping();
    m_client->sendMessage(m_currentRoom, text);
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
    if (!m_welcomed) {
        addSharedEntry(Entry::Kind::Error,
                       tr("Not connected: the direct message to %1 was not sent.").arg(name));
        return;
    }
    m_client->sendDirect(id, text.trimmed());
}

// ---------------------------------------------------------------------------------------------
// Typing

void ChatWindow::onInputEdited()
{
    if (!m_welcomed || m_currentRoom.isEmpty())
        return;
    if (m_input->toPlainText().trimmed().isEmpty()) {
        stopTyping();
        return;
    }
    const qint64 now = m_clock.elapsed();
    // Refreshed every couple of seconds while typing goes on, so that others' indicators, which
    // fade out on their own, stay up; more often would only spend the rate limit.
    if (!m_typingActive || m_typingRoom != m_currentRoom
        || now - m_typingSentAt >= TypingResendMs) {
        m_client->setTyping(m_currentRoom, true);
        m_typingActive = true;
        m_typingRoom = m_currentRoom;
        m_typingSentAt = now;
    }
    m_typingIdleTimer->start();
}

void ChatWindow::stopTyping()
{
    m_typingIdleTimer->stop();
    if (!m_typingActive)
        return;
    m_typingActive = false;
    if (m_welcomed && m_roomStates.value(m_typingRoom).joined)
        m_client->setTyping(m_typingRoom, false);
}

void ChatWindow::onTyping(const QString &room, const MemberRef &member, bool active)
{
    const auto it = m_roomStates.find(room);
    if (it == m_roomStates.end() || member.id == self().id)
        return;
    if (active) {
        it->typing.insert(member.id, {member.name, m_clock.elapsed() + TypingExpiryMs});
        m_typingPruneTimer->start();
    } else {
        it->typing.remove(member.id);
    }
    if (room == m_currentRoom)
        updateTypingLabel();
}

void ChatWindow::pruneTyping()
{
    const qint64 now = m_clock.elapsed();
    bool any = false;
    for (RoomState &state : m_roomStates) {
        state.typing.removeIf([now](const auto &entry) { return entry.value().expiresAt <= now; });
        any = any || !state.typing.isEmpty();
    }
    if (!any)
        m_typingPruneTimer->stop();
    updateTypingLabel();
}

void ChatWindow::updateTypingLabel()
{
    QStringList names;
    const auto it = m_roomStates.constFind(m_currentRoom);
    if (it != m_roomStates.cend()) {
        for (const TypingMember &member : it->typing)
            names.append(member.name);
    }
    names.sort(Qt::CaseInsensitive);
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

// ---------------------------------------------------------------------------------------------
// The message view

ChatWindow::Entry ChatWindow::messageEntry(const ChatMessage &message, bool earlier) const
{
    Entry entry;
    entry.kind = Entry::Kind::Message;
    entry.time = localTime(message.timestamp);
    entry.sender = message.from.name;
    entry.senderKey = message.from.name;
    entry.text = message.text;
    entry.own = !message.from.id.isEmpty() && message.from.id == self().id;
    entry.earlier = earlier;
    entry.fromHost = message.from.id == hostId();
    return entry;
}

void ChatWindow::addEntry(const QString &room, Entry entry)
{
    entry.seq = m_nextSeq++;
    QList<Entry> *entries = &m_shared;
    if (!room.isEmpty()) {
        const auto it = m_roomStates.find(room);
        if (it == m_roomStates.end())
            return;
        entries = &it->entries;
    }
    entries->append(entry);
    trim(entries);
    if (room.isEmpty() || room == m_currentRoom) {
        m_renderQueue.append(entry);
        m_renderThrottle->request();
    }
}

void ChatWindow::addSharedEntry(Entry::Kind kind, const QString &text)
{
    Entry entry;
    entry.kind = kind;
    entry.time = nowTime();
    entry.text = text;
    addEntry(QString(), entry);
}

void ChatWindow::trim(QList<Entry> *entries)
{
    // In steps, not one by one: the view is rebuilt only when the room is shown again.
    if (entries->size() > MaxEntries + TrimStep)
        entries->remove(0, TrimStep);
}

bool ChatWindow::isShown(const Entry &entry) const
{
    return entry.kind != Entry::Kind::Notice || m_showNotices->isChecked();
}

void ChatWindow::renderCurrentRoom()
{
    // Everything queued is in the entries rendered below.
    m_renderQueue.clear();
    m_renderThrottle->cancel();
    m_messageView->clear();
    m_viewEmpty = true;
    // One layout pass for the whole room instead of one per line.
    QTextCursor batch(m_messageView->document());
    batch.beginEditBlock();
    const auto it = m_roomStates.constFind(m_currentRoom);
    const QList<Entry> empty;
    const QList<Entry> &own = it != m_roomStates.cend() ? it->entries : empty;
    // The room's entries and the shared ones, interleaved in the order they happened.
    auto a = own.cbegin();
    auto b = m_shared.cbegin();
    while (a != own.cend() || b != m_shared.cend()) {
        if (b == m_shared.cend() || (a != own.cend() && a->seq < b->seq))
            renderEntry(*a++);
        else
            renderEntry(*b++);
    }
    if (m_currentRoom.isEmpty()) {
        Entry hint;
        hint.kind = Entry::Kind::Divider;
        hint.text = m_roomOrder.isEmpty() ? tr("You are in no room: join one on the left")
                                          : tr("Choose a room on the left");
        renderEntry(hint);
    }
    batch.endEditBlock();
    QScrollBar *bar = m_messageView->verticalScrollBar();
    bar->setValue(bar->maximum());
}

void ChatWindow::renderQueued()
{
    if (m_renderQueue.isEmpty())
        return;
    const QList<Entry> entries = std::exchange(m_renderQueue, {});
    QScrollBar *bar = m_messageView->verticalScrollBar();
    // Follow the conversation only if the reader is following it, not reading further up.
    const bool atBottom = bar->value() >= bar->maximum() - 4;
    // One layout pass for the lot, however many lines.
    QTextCursor batch(m_messageView->document());
    batch.beginEditBlock();
    for (const Entry &entry : entries)
        renderEntry(entry);
    batch.endEditBlock();
    if (atBottom)
        bar->setValue(bar->maximum());
}

void ChatWindow::renderEntry(const Entry &entry)
{
    if (!isShown(entry))
        return;

    const QPalette pal = palette();
    const bool dark = pal.color(QPalette::Base).lightness() < 128;
    const QColor textColor = pal.color(QPalette::Text);
    const QColor dimColor = pal.color(QPalette::PlaceholderText);
    const QColor errorColor = dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28);
    const QColor directColor = dark ? QColor(0xce, 0x93, 0xd8) : QColor(0x7b, 0x1f, 0xa2);
    QColor ownTint = pal.color(QPalette::Highlight);
    ownTint.setAlpha(dark ? 60 : 28);
    QColor directTint = directColor;
    directTint.setAlpha(dark ? 45 : 22);
    QColor errorTint = errorColor;
    errorTint.setAlpha(dark ? 40 : 18);

    const QFontMetrics metrics(m_messageView->font());
    const int indent = metrics.horizontalAdvance(QStringLiteral("00:00")) + 12;

    QTextBlockFormat block;
    block.setTopMargin(2);
    block.setBottomMargin(2);
    block.setLeftMargin(4 + indent);
    block.setRightMargin(4);
    // A hanging indent: continuation lines line up after the time column.
    block.setTextIndent(-indent);
    switch (entry.kind) {
    case Entry::Kind::Message:
        if (entry.own)
            block.setBackground(ownTint);
        break;
    case Entry::Kind::Direct:
        block.setBackground(directTint);
        break;
    case Entry::Kind::Error:
        block.setBackground(errorTint);
        break;
    case Entry::Kind::Divider:
        block.setAlignment(Qt::AlignHCenter);
        block.setLeftMargin(4);
        block.setTextIndent(0);
        block.setTopMargin(8);
        block.setBottomMargin(4);
        break;
    case Entry::Kind::Notice:
    case Entry::Kind::Status:
        break;
    }

    QTextCursor cursor(m_messageView->document());
    cursor.movePosition(QTextCursor::End);
    if (m_viewEmpty)
        cursor.setBlockFormat(block);
    else
        cursor.insertBlock(block, QTextCharFormat());
    m_viewEmpty = false;

    QTextCharFormat plain;
    plain.setForeground(entry.earlier ? dimColor : textColor);
    QTextCharFormat time;
    time.setForeground(dimColor);
    QTextCharFormat dim;
    dim.setForeground(dimColor);

    if (entry.kind == Entry::Kind::Divider) {
        QTextCharFormat divider = dim;
        divider.setFontPointSize(m_messageView->font().pointSizeF() * 0.9);
        cursor.insertText(QStringLiteral("──────  %1  ──────").arg(asOneBlock(entry.text)),
                          divider);
    } else {
        cursor.insertText(entry.time, time);
        cursor.insertText(QStringLiteral("   "), time);
        switch (entry.kind) {
        case Entry::Kind::Message:
        case Entry::Kind::Direct: {
            QTextCharFormat name;
            name.setFontWeight(QFont::Bold);
            QColor color = entry.kind == Entry::Kind::Direct ? directColor
                : entry.fromHost                             ? errorColor
                                                             : nameColor(entry.senderKey);
            if (entry.earlier)
                color.setAlpha(150);
            name.setForeground(color);
            cursor.insertText(asOneBlock(entry.sender), name);
            cursor.insertText(QStringLiteral("  "), plain);
            cursor.insertText(asOneBlock(entry.text), plain);
            break;
        }
        case Entry::Kind::Notice: {
            QTextCharFormat notice = dim;
            notice.setFontItalic(true);
            cursor.insertText(asOneBlock(entry.text), notice);
            break;
        }
        case Entry::Kind::Status: {
            QTextCharFormat status = dim;
            status.setFontWeight(QFont::DemiBold);
            cursor.insertText(asOneBlock(entry.text), status);
            break;
        }
        case Entry::Kind::Error: {
            QTextCharFormat error;
            error.setForeground(errorColor);
            cursor.insertText(QStringLiteral("\u26A0 ") + asOneBlock(entry.text), error);
            break;
        }
        case Entry::Kind::Divider:
            break;
        }
    }
}

QColor ChatWindow::nameColor(const QString &key) const
{
    // The same name gets the same colour in every window, and dark themes get lighter ones.
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    const int hue = int(qHash(key, 0) % 360);
    return QColor::fromHsl(hue, 170, dark ? 175 : 90);
}

void ChatWindow::updateMembers()
{
    m_membersThrottle->cancel(); // this is the update a waiting one would have been
    m_membersList->clear();
    const auto it = m_roomStates.constFind(m_currentRoom);
    if (it == m_roomStates.cend() || !it->joined) {
        m_membersTitle->setText(tr("Members"));
        return;
    }
    QList<MemberRef> members = it->members;
    std::sort(members.begin(), members.end(), [](const MemberRef &a, const MemberRef &b) {
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
    const QString me = self().id;
    for (const MemberRef &member : std::as_const(members)) {
        auto *item = new QListWidgetItem(m_membersList);
        item->setText(member.id == me ? tr("%1 (you)").arg(member.name) : member.name);
        item->setData(IdRole, member.id);
        item->setData(NameRole, member.name);
        item->setForeground(nameColor(member.name));
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

// ---------------------------------------------------------------------------------------------
// Events

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
    if (event->type() == QEvent::PaletteChange && m_messageView) {
        updateColors();
        for (const QString &room : std::as_const(m_roomOrder))
            updateRoomItem(room);
        updateMembers();
        renderCurrentRoom();
    }
}
