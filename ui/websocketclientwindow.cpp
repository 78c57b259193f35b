#include "websocketclientwindow.h"

#include "client/snippets.h"
#include "console/clientinput.h"
#include "console/framelistmodel.h"
#include "console/palettecolors.h"
#include "framesview.h"
#include "messagecomposer.h"
#include "protocol/closecode.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QCryptographicHash>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace {

constexpr QLatin1String RecentUrlsKey("clientWindows/recentUrls");
constexpr int MaxRecentUrls = 20;

// The settings key of a slot's value.
QString slotKey(int slot, const char *name)
{
    return QStringLiteral("clientWindows/%1/%2").arg(slot).arg(QLatin1String(name));
}

// A label for problems, in the error colour.
QLabel *errorLabel(const char *objectName)
{
    auto *label = new QLabel;
    label->setObjectName(QString::fromLatin1(objectName));
    label->setWordWrap(true);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, PaletteColors::error(palette));
    label->setPalette(palette);
    label->hide();
    return label;
}

// Shows text in label, hiding it when empty.
void showError(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

} // namespace

WebSocketClientWindow::WebSocketClientWindow(const QStringList &offeredUrls, int slot,
                                             QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_client(new FrameClient(this))
    , m_offeredUrls(offeredUrls)
    , m_slot(slot)
{
    setObjectName(QStringLiteral("WebSocketClientWindow"));
    buildUi();
    wireClient();

    const QSettings settings;
    QString url = m_slot >= 0 ? settings.value(slotKey(m_slot, "url")).toString() : QString();
    if (url.isEmpty() && !m_offeredUrls.isEmpty())
        url = m_offeredUrls.first();
    fillUrls(url);
    if (m_slot >= 0)
        m_restoredGeometry
            = restoreGeometry(settings.value(slotKey(m_slot, "geometry")).toByteArray());
    if (!m_restoredGeometry)
        resize(980, 720);
    updateState();
    setStatus(tr("Not connected"));
}

WebSocketClientWindow::~WebSocketClientWindow()
{
    m_client->abort();
}

void WebSocketClientWindow::buildUi()
{
    m_composer = new MessageComposer;
    m_composer->setObjectName(QStringLiteral("composer"));
    connect(m_composer, &MessageComposer::sendRequested, this, &WebSocketClientWindow::sendMessage);

    m_frames = new FramesView;
    m_frames->setObjectName(QStringLiteral("framesView"));
    // Out is what this window sent, to the server (the inspector's out is the server's).
    m_frames->frameModel()->setSide(FrameListModel::Side::Client);
    auto *framesPage = new QWidget;
    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Show:")));
    const QList<QWidget *> filterWidgets = m_frames->filterWidgets();
    for (QWidget *widget : filterWidgets)
        filters->addWidget(widget);
    filters->addStretch();
    auto *clearButton = new QPushButton(tr("C&lear"));
    clearButton->setObjectName(QStringLiteral("clearFramesButton"));
    connect(clearButton, &QPushButton::clicked, m_frames, &FramesView::clear);
    filters->addWidget(clearButton);
    auto *framesLayout = new QVBoxLayout(framesPage);
    framesLayout->setContentsMargins(0, 0, 0, 0);
    framesLayout->addLayout(filters);
    framesLayout->addWidget(m_frames, 1);

    m_handshakeView = new QPlainTextEdit;
    m_handshakeView->setObjectName(QStringLiteral("handshakeView"));
    m_handshakeView->setReadOnly(true);
    m_handshakeView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_handshakeView->setPlaceholderText(tr("The opening handshake shows here once sent."));

    auto *tabs = new QTabWidget;
    tabs->setObjectName(QStringLiteral("viewTabs"));
    tabs->addTab(framesPage, tr("&Frames"));
    tabs->addTab(m_handshakeView, tr("&Handshake"));

    auto *sendArea = new QWidget;
    auto *sendLayout = new QVBoxLayout(sendArea);
    sendLayout->setContentsMargins(0, 0, 0, 0);
    sendLayout->addWidget(m_composer, 1);
    sendLayout->addWidget(createControlRow());

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setObjectName(QStringLiteral("clientSplitter"));
    splitter->addWidget(sendArea);
    splitter->addWidget(tabs);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    m_statusLabel = new QLabel;
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLabel->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createConnectionBar());
    layout->addWidget(splitter, 1);
    layout->addWidget(m_statusLabel);

    auto *focusUrl = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_L), this);
    connect(focusUrl, &QShortcut::activated, this, [this] {
        m_urlCombo->setFocus(Qt::ShortcutFocusReason);
        m_urlCombo->lineEdit()->selectAll();
    });
    auto *send = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(send, &QShortcut::activated, this, &WebSocketClientWindow::sendMessage);
    auto *sendEnter = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Enter), this);
    connect(sendEnter, &QShortcut::activated, this, &WebSocketClientWindow::sendMessage);
}

QWidget *WebSocketClientWindow::createConnectionBar()
{
    m_urlCombo = new QComboBox;
    m_urlCombo->setObjectName(QStringLiteral("urlCombo"));
    m_urlCombo->setEditable(true);
    m_urlCombo->setInsertPolicy(QComboBox::NoInsert);
    m_urlCombo->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_urlCombo->setToolTip(tr("Any ws:// or wss:// address (Ctrl+L)"));
    m_urlCombo->lineEdit()->setPlaceholderText(QStringLiteral("ws://127.0.0.1:8000/echo"));
    connect(m_urlCombo->lineEdit(), &QLineEdit::returnPressed, this,
            &WebSocketClientWindow::connectToServer);
    connect(m_urlCombo, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        setWindowTitle(tr("WebSocket client — %1").arg(text));
        m_composer->setUrl(QUrl(text));
    });

    m_connectButton = new QPushButton;
    m_connectButton->setObjectName(QStringLiteral("connectButton"));
    connect(m_connectButton, &QPushButton::clicked, this, [this] {
        if (m_client->state() == FrameClient::State::Closed) {
            connectToServer();
            return;
        }
        m_client->abort();
        updateState();
        setStatus(tr("Disconnected"));
    });

    auto *copyButton = new QPushButton(tr("Copy &as"));
    copyButton->setObjectName(QStringLiteral("copyButton"));
    copyButton->setToolTip(tr("Copy a command or script that connects and sends this message"));
    auto *copyMenu = new QMenu(copyButton);
    QAction *websocat = copyMenu->addAction(tr("&websocat command"));
    websocat->setObjectName(QStringLiteral("actionCopyWebsocat"));
    connect(websocat, &QAction::triggered, this, [this] { copySnippet(false); });
    QAction *python = copyMenu->addAction(tr("&Python (websockets)"));
    python->setObjectName(QStringLiteral("actionCopyPython"));
    connect(python, &QAction::triggered, this, [this] { copySnippet(true); });
    copyButton->setMenu(copyMenu);

    auto *urlRow = new QHBoxLayout;
    urlRow->addWidget(m_urlCombo, 1);
    urlRow->addWidget(m_connectButton);
    urlRow->addWidget(copyButton);

    m_subprotocolsEdit = new QLineEdit;
    m_subprotocolsEdit->setObjectName(QStringLiteral("subprotocolsEdit"));
    m_subprotocolsEdit->setPlaceholderText(tr("none; e.g. chat, superchat"));
    m_headersEdit = new QPlainTextEdit;
    m_headersEdit->setObjectName(QStringLiteral("headersEdit"));
    m_headersEdit->setPlaceholderText(tr("Name: value, one a line; e.g. Origin: http://localhost"));
    m_headersEdit->setTabChangesFocus(true);
    m_headersEdit->setFixedHeight(m_headersEdit->fontMetrics().lineSpacing() * 3 + 12);
    m_headersError = errorLabel("headersError");
    connect(m_headersEdit, &QPlainTextEdit::textChanged, this, [this] {
        QList<QPair<QByteArray, QByteArray>> headers;
        showError(m_headersError,
                  ClientInput::parseHeaders(m_headersEdit->toPlainText(), &headers));
    });
    auto *headersRow = new QHBoxLayout;
    headersRow->addWidget(m_headersEdit, 2);
    headersRow->addWidget(m_headersError, 1);

    auto *bar = new QWidget;
    auto *form = new QFormLayout(bar);
    form->setContentsMargins(0, 0, 0, 0);
    // Labels made here for rows whose field is a layout: QFormLayout gives those no buddy, and
    // a label without one shows its '&' instead of underlining the shortcut's letter.
    auto *urlLabel = new QLabel(tr("&URL:"));
    urlLabel->setBuddy(m_urlCombo);
    auto *headersLabel = new QLabel(tr("Extra h&eaders:"));
    headersLabel->setBuddy(m_headersEdit);
    form->addRow(urlLabel, urlRow);
    form->addRow(tr("Su&bprotocols:"), m_subprotocolsEdit);
    form->addRow(headersLabel, headersRow);
    return bar;
}

QWidget *WebSocketClientWindow::createControlRow()
{
    m_pingEdit = new QLineEdit;
    m_pingEdit->setObjectName(QStringLiteral("pingEdit"));
    m_pingEdit->setPlaceholderText(tr("ping payload"));
    m_pingEdit->setMaxLength(125);
    m_pingButton = new QPushButton(tr("P&ing"));
    m_pingButton->setObjectName(QStringLiteral("pingButton"));
    connect(m_pingButton, &QPushButton::clicked, this, &WebSocketClientWindow::sendPing);

    m_closeCodeCombo = new QComboBox;
    m_closeCodeCombo->setObjectName(QStringLiteral("closeCodeCombo"));
    m_closeCodeCombo->setEditable(true);
    m_closeCodeCombo->setInsertPolicy(QComboBox::NoInsert);
    for (const int code : {1000, 1001, 1003, 1008, 1011, 4000})
        m_closeCodeCombo->addItem(QStringLiteral("%1 %2").arg(code).arg(CloseCode::name(code)));
    m_closeReasonEdit = new QLineEdit;
    m_closeReasonEdit->setObjectName(QStringLiteral("closeReasonEdit"));
    m_closeReasonEdit->setPlaceholderText(tr("reason"));
    m_closeReasonEdit->setMaxLength(123);
    m_closeButton = new QPushButton(tr("Cl&ose"));
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    m_closeButton->setToolTip(tr("Start the closing handshake with this code and reason"));
    connect(m_closeButton, &QPushButton::clicked, this, &WebSocketClientWindow::closeConnection);
    m_closeError = errorLabel("closeError");
    connect(m_closeCodeCombo, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        int code = 0;
        showError(m_closeError, ClientInput::parseCloseCode(text, &code));
    });

    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pingEdit, 1);
    layout->addWidget(m_pingButton);
    layout->addSpacing(16);
    layout->addWidget(m_closeCodeCombo, 1);
    layout->addWidget(m_closeReasonEdit, 1);
    layout->addWidget(m_closeButton);
    layout->addWidget(m_closeError, 1);
    return row;
}

void WebSocketClientWindow::wireClient()
{
    connect(m_client, &FrameClient::framesSeen, m_frames, &FramesView::append);
    connect(m_client, &FrameClient::stateChanged, this, [this](FrameClient::State state) {
        updateState();
        if (state == FrameClient::State::Connecting)
            setStatus(tr("Connecting to %1…").arg(m_client->options().url.toDisplayString()));
        else if (state == FrameClient::State::Closing)
            setStatus(tr("Closing…"));
    });
    connect(m_client, &FrameClient::opened, this, [this] {
        updateHandshake();
        const QString subprotocol = m_client->subprotocol();
        setStatus(subprotocol.isEmpty() ? tr("Open — no subprotocol")
                                        : tr("Open — subprotocol %1").arg(subprotocol));
    });
    connect(m_client, &FrameClient::failed, this, [this](const QString &why) {
        updateHandshake();
        updateState();
        setStatus(tr("Failed: %1").arg(why));
    });
    connect(m_client, &FrameClient::closed, this, [this](int code, const QString &reason) {
        updateState();
        // A close this window started is told as sent: servers answer with the code alone.
        const bool ours = m_sentCloseCode != 0;
        const int shownCode = ours ? m_sentCloseCode : code;
        const QString shownReason = ours ? m_sentCloseReason : reason;
        QString text = tr("Closed: %1 %2").arg(shownCode).arg(CloseCode::name(shownCode));
        if (!shownReason.isEmpty())
            text += tr(" — %1").arg(shownReason);
        if (ours && code != m_sentCloseCode)
            text += tr(" (the server answered %1 %2)").arg(code).arg(CloseCode::name(code));
        setStatus(text);
    });
    connect(m_client, &FrameClient::untrustedCertificate, this, &WebSocketClientWindow::askTrust);
}

void WebSocketClientWindow::fillUrls(const QString &current)
{
    QStringList urls = m_offeredUrls;
    const QStringList recent = QSettings().value(RecentUrlsKey).toStringList();
    for (const QString &url : recent) {
        if (!urls.contains(url))
            urls.append(url);
    }
    const QSignalBlocker blocker(m_urlCombo);
    m_urlCombo->clear();
    m_urlCombo->addItems(urls);
    if (!m_offeredUrls.isEmpty() && m_offeredUrls.size() < urls.size())
        m_urlCombo->insertSeparator(int(m_offeredUrls.size()));
    m_urlCombo->setEditText(current);
    setWindowTitle(tr("WebSocket client — %1").arg(current));
    m_composer->setUrl(QUrl(current));
}

QUrl WebSocketClientWindow::url() const
{
    return QUrl::fromUserInput(m_urlCombo->currentText().trimmed());
}

bool WebSocketClientWindow::options(FrameClientOptions *options, QString *error) const
{
    const QString text = m_urlCombo->currentText().trimmed();
    const QUrl url(text, QUrl::StrictMode);
    if (text.isEmpty()) {
        *error = tr("Type a ws:// or wss:// address");
        return false;
    }
    *error = url.isValid() ? FrameClient::checkUrl(url) : tr("Not an address: %1").arg(text);
    if (!error->isEmpty())
        return false;
    FrameClientOptions result;
    result.url = url;
    result.subprotocols = ClientInput::parseSubprotocols(m_subprotocolsEdit->text());
    const QString headersError
        = ClientInput::parseHeaders(m_headersEdit->toPlainText(), &result.headers);
    if (!headersError.isEmpty()) {
        *error = tr("Extra headers: %1").arg(headersError);
        return false;
    }
    *options = result;
    return true;
}

void WebSocketClientWindow::connectTo(const QUrl &url)
{
    m_urlCombo->setEditText(url.toString());
    connectToServer();
}

void WebSocketClientWindow::connectToServer()
{
    FrameClientOptions options;
    QString error;
    if (!this->options(&options, &error)) {
        setStatus(tr("Cannot connect: %1").arg(error));
        return;
    }
    rememberUrl(options.url);
    m_handshakeView->clear();
    m_sentCloseCode = 0;
    m_sentCloseReason.clear();
    m_client->open(options);
}

bool WebSocketClientWindow::sendMessage()
{
    if (m_client->state() != FrameClient::State::Open) {
        setStatus(tr("Not open: connect first"));
        return false;
    }
    QByteArray bytes;
    bool binary = false;
    if (!m_composer->message(&bytes, &binary))
        return false;
    if (binary)
        m_client->sendBinary(bytes, m_composer->frameSize());
    else
        m_client->sendText(bytes, m_composer->frameSize());
    return true;
}

bool WebSocketClientWindow::sendPing()
{
    if (m_client->state() != FrameClient::State::Open) {
        setStatus(tr("Not open: connect first"));
        return false;
    }
    m_client->ping(m_pingEdit->text().toUtf8().left(125));
    return true;
}

bool WebSocketClientWindow::closeConnection()
{
    int code = 0;
    const QString error = ClientInput::parseCloseCode(m_closeCodeCombo->currentText(), &code);
    showError(m_closeError, error);
    if (!error.isEmpty())
        return false;
    if (m_client->state() != FrameClient::State::Open) {
        setStatus(tr("Not open: nothing to close"));
        return false;
    }
    m_sentCloseCode = code;
    m_sentCloseReason = m_closeReasonEdit->text();
    m_client->close(code, m_sentCloseReason);
    return true;
}

QString WebSocketClientWindow::statusText() const
{
    return m_statusLabel->text();
}

QString WebSocketClientWindow::handshakeText() const
{
    return m_handshakeView->toPlainText();
}

QString WebSocketClientWindow::snippet(bool python) const
{
    FrameClientOptions options;
    QString error;
    if (!this->options(&options, &error))
        options.url = url();
    bool binary = false;
    const QByteArray message = m_composer->messageBytes(&binary);
    return python ? Snippets::python(options, message, binary)
                  : Snippets::websocat(options, message);
}

void WebSocketClientWindow::copySnippet(bool python)
{
    QApplication::clipboard()->setText(snippet(python));
    setStatus(python ? tr("Copied the Python snippet") : tr("Copied the websocat command"));
}

void WebSocketClientWindow::updateState()
{
    const FrameClient::State state = m_client->state();
    const bool closed = state == FrameClient::State::Closed;
    const bool open = state == FrameClient::State::Open;
    m_connectButton->setText(closed ? tr("&Connect") : tr("&Disconnect"));
    m_connectButton->setToolTip(closed ? tr("Connect (Return in the address)")
                                       : tr("Drop the connection at once, without a close frame"));
    m_pingButton->setEnabled(open);
    m_closeButton->setEnabled(open);
}

void WebSocketClientWindow::setStatus(const QString &text)
{
    m_statusLabel->setText(text);
}

void WebSocketClientWindow::updateHandshake()
{
    QString text;
    if (!m_client->requestHead().isEmpty())
        text += tr("Request:\n") + QString::fromUtf8(m_client->requestHead()).trimmed();
    if (!m_client->responseHead().isEmpty())
        text += tr("\n\nResponse:\n") + QString::fromUtf8(m_client->responseHead()).trimmed();
    m_handshakeView->setPlainText(text);
}

void WebSocketClientWindow::askTrust(const QSslCertificate &certificate,
                                     const QList<QSslError> &errors)
{
    updateState();
    QStringList reasons;
    for (const QSslError &error : errors)
        reasons.append(error.errorString());
    const QString issuer = certificate.issuerInfo(QSslCertificate::CommonName).join(u", ");
    const QString fingerprint
        = QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
    setStatus(tr("Failed: the server's certificate is not trusted"));
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Untrusted Certificate"),
        tr("The server's certificate is not trusted: issued by %1, "
           "fingerprint SHA-256 %2, %3. Trust it for this connection?")
            .arg(issuer.isEmpty() ? tr("(no name)") : issuer, fingerprint, reasons.join(u"; ")),
        QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("trustQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::No);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::finished, this, [this, certificate](int result) {
        if (result != QMessageBox::Yes)
            return;
        FrameClientOptions options = m_client->options();
        options.trustedCertificate = certificate;
        m_client->open(options);
    });
    box->open();
}

void WebSocketClientWindow::rememberUrl(const QUrl &url)
{
    QSettings settings;
    const QString text = url.toString();
    QStringList recent = settings.value(RecentUrlsKey).toStringList();
    recent.removeAll(text);
    recent.prepend(text);
    settings.setValue(RecentUrlsKey, recent.mid(0, MaxRecentUrls));
    if (m_slot >= 0)
        settings.setValue(slotKey(m_slot, "url"), text);
}

void WebSocketClientWindow::closeEvent(QCloseEvent *event)
{
    if (m_slot >= 0) {
        QSettings settings;
        settings.setValue(slotKey(m_slot, "geometry"), saveGeometry());
        if (!m_urlCombo->currentText().trimmed().isEmpty())
            settings.setValue(slotKey(m_slot, "url"), m_urlCombo->currentText().trimmed());
    }
    m_client->abort();
    updateState();
    event->accept();
}
