#include "serverpanel.h"

#include "console/palettecolors.h"
#include "console/serversession.h"
#include "settingsdialog.h"
#include "themeicon_p.h"

#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <functional>
#include <utility>

namespace {

// The port field: a number typed past 65535 stays as typed (a plain QSpinBox refuses the last
// digit, so 70000 silently became 7000) until Enter or leaving the field, when refused() says it
// and the field goes back to the last port.
class PortSpinBox final : public QSpinBox
{
    Q_DISABLE_COPY_MOVE(PortSpinBox)

public:
    // refused is called with the text of a number out of range.
    explicit PortSpinBox(std::function<void(const QString &)> refused)
        : m_refused(std::move(refused))
    { }

    // Digits past the maximum are Intermediate (kept while typing), not Invalid.
    QValidator::State validate(QString &input, int &pos) const override
    {
        const QValidator::State state = QSpinBox::validate(input, pos);
        if (state != QValidator::Invalid)
            return state;
        static const QRegularExpression digits(QStringLiteral("^[0-9]{1,9}$"));
        return digits.match(input.trimmed()).hasMatch() ? QValidator::Intermediate : state;
    }

    // Called when an Intermediate text is to be taken: a number out of range is refused.
    void fixup(QString &input) const override
    {
        bool isNumber = false;
        const qint64 value = input.trimmed().toLongLong(&isNumber);
        if (isNumber && (value > maximum() || value < minimum()))
            m_refused(input.trimmed());
        QSpinBox::fixup(input);
    }

private:
    std::function<void(const QString &)> m_refused;
};

} // namespace

ServerPanel::ServerPanel(ServerSession *session, QWidget *parent)
    : QFrame(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("serverPanel"));
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(8);
    layout->addLayout(createControls());
    layout->addLayout(createUrlRows());
    refresh();
}

QLayout *ServerPanel::createControls()
{
    const ServerConfig config = m_session->config();
    m_portSpin = new PortSpinBox([this](const QString &text) {
        m_portProblem = tr("Ports go from 1 to 65535 (0: any free), not %1").arg(text);
        showState();
    });
    m_portSpin->setObjectName(QStringLiteral("portSpin"));
    // The port is taken on Enter or on leaving the field, not digit by digit: typing 70000
    // would otherwise pass through 7000 (and save it) before being refused.
    m_portSpin->setKeyboardTracking(false);
    m_portSpin->setRange(0, 65535);
    m_portSpin->setSpecialValueText(tr("any free"));
    m_portSpin->setToolTip(tr("The TCP port for WebSocket and HTTP; 0 picks a free one"));
    m_portSpin->setValue(config.port);
    m_portSpin->setMinimumWidth(m_portSpin->fontMetrics().horizontalAdvance(QStringLiteral("65535"))
                                + 48);

    m_bindCombo = new QComboBox;
    m_bindCombo->setObjectName(QStringLiteral("bindCombo"));
    m_bindCombo->addItem(tr("This computer only"),
                         QHostAddress(QHostAddress::LocalHost).toString());
    m_bindCombo->addItem(tr("Local network"), QHostAddress(QHostAddress::AnyIPv4).toString());
    m_bindCombo->setItemData(0, tr("Listen on 127.0.0.1: only programs on this computer connect"),
                             Qt::ToolTipRole);
    m_bindCombo->setItemData(1, tr("Listen on 0.0.0.0: other machines on the network connect too"),
                             Qt::ToolTipRole);
    SettingsDialog::selectBindAddress(m_bindCombo, config.bindAddress);

    // Another port or address: an error about the last start no longer applies.
    connect(m_portSpin, &QSpinBox::valueChanged, this, [this](int value) {
        dismissError();
        emit portEdited(quint16(value));
    });
    connect(m_bindCombo, &QComboBox::activated, this, [this] {
        dismissError();
        emit bindAddressEdited(bindAddress());
    });
    connect(m_session, &ServerSession::stateChanged, this, [this](ServerSession::State state) {
        if (state != ServerSession::State::Stopped)
            m_dismissedError.clear(); // a new start: its error shows
    });

    m_stateDot = new QLabel(QStringLiteral("\u25CF"));
    m_stateDot->setObjectName(QStringLiteral("stateDot"));
    QFont dotFont = m_stateDot->font();
    dotFont.setPointSizeF(dotFont.pointSizeF() * 1.4);
    m_stateDot->setFont(dotFont);
    m_stateLabel = new QLabel;
    m_stateLabel->setObjectName(QStringLiteral("serverStateLabel"));
    m_stateLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Long states ("Error: …", "Listening on …") shrink with the window; the tool tip has it all.
    m_stateLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_stateLabel->setMinimumWidth(120);
    QFont stateFont = m_stateLabel->font();
    stateFont.setBold(true);
    m_stateLabel->setFont(stateFont);

    auto *controls = new QHBoxLayout;
    controls->setSpacing(8);
    auto *portLabel = new QLabel(tr("&Port:"));
    portLabel->setBuddy(m_portSpin);
    auto *bindLabel = new QLabel(tr("&Who can connect:"));
    bindLabel->setBuddy(m_bindCombo);
    controls->addWidget(portLabel);
    controls->addWidget(m_portSpin);
    controls->addSpacing(8);
    controls->addWidget(bindLabel);
    controls->addWidget(m_bindCombo);
    controls->addSpacing(12);
    controls->addWidget(m_stateDot);
    controls->addWidget(m_stateLabel, 1);

    m_addressLabel = new QLabel(tr("Address:"));
    m_addressCombo = new QComboBox;
    m_addressCombo->setObjectName(QStringLiteral("addressCombo"));
    m_addressCombo->setToolTip(tr("Which of this computer's addresses the URLs show"));
    m_addressCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_addressLabel->setBuddy(m_addressCombo);
    connect(m_addressCombo, &QComboBox::currentIndexChanged, this, [this] {
        showUrls();
        emit urlsChanged();
    });
    controls->addWidget(m_addressLabel);
    controls->addWidget(m_addressCombo);
    return controls;
}

QLayout *ServerPanel::createUrlRows()
{
    constexpr int Count = ServerSession::UrlKindCount;
    const QString names[Count]
        = {tr("Native chat:"), tr("Tutorial chat:"), tr("Broadcast:"), tr("Browser:"), tr("Echo:")};
    const QString tips[Count]
        = {tr("The native protocol: chat windows, the browser client, your own clients"),
           tr("The second FastAPI tutorial's chat: replace {client_id} with a name"),
           tr("The first FastAPI tutorial's JSON broadcast, in the lobby"),
           tr("Open this in a browser for the built-in chat client"),
           tr("Every message back to its sender: the first thing to connect to")};
    const char *objectNames[Count]
        = {"nativeUrl", "chatUrl", "broadcastUrl", "browserUrl", "echoUrl"};
    auto *urls = new QGridLayout;
    urls->setHorizontalSpacing(6);
    urls->setVerticalSpacing(4);
    for (int i = 0; i < Count; ++i) {
        auto *label = new QLabel(names[i]);
        label->setToolTip(tips[i]);
        auto *edit = new QLineEdit;
        edit->setObjectName(QString::fromLatin1(objectNames[i]));
        edit->setReadOnly(true);
        edit->setToolTip(tips[i]);
        edit->setPlaceholderText(tr("shown while the server listens"));
        auto *copy = new QToolButton;
        copy->setText(tr("Copy"));
        copy->setToolTip(tr("Copy this address to the clipboard"));
        copy->setIcon(themeIcon("edit-copy", QStyle::SP_DialogSaveButton));
        copy->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        connect(copy, &QToolButton::clicked, this, [this, edit] {
            QGuiApplication::clipboard()->setText(edit->text());
            emit urlCopied(edit->text());
        });
        // Three a row: two rows, so that the rooms below keep the height.
        const int row = i / 3;
        const int column = (i % 3) * 4;
        urls->addWidget(label, row, column);
        urls->addWidget(edit, row, column + 1);
        urls->addWidget(copy, row, column + 2);
        if (column < 8)
            urls->setColumnMinimumWidth(column + 3, 12);
        m_urlEdits.append(edit);
        m_copyButtons.append(copy);
    }
    urls->setColumnStretch(1, 1);
    urls->setColumnStretch(5, 1);
    urls->setColumnStretch(9, 1);
    return urls;
}

quint16 ServerPanel::port() const
{
    return quint16(m_portSpin->value());
}

void ServerPanel::setPort(quint16 port)
{
    const QSignalBlocker blocker(m_portSpin);
    m_portSpin->setValue(port);
}

QHostAddress ServerPanel::bindAddress() const
{
    return QHostAddress(m_bindCombo->currentData().toString());
}

void ServerPanel::selectBindAddress(const QHostAddress &address)
{
    SettingsDialog::selectBindAddress(m_bindCombo, address);
}

QStringList ServerPanel::urls() const
{
    QStringList urls;
    if (!m_session->isListening())
        return urls;
    for (const QLineEdit *edit : m_urlEdits)
        urls.append(edit->text());
    return urls;
}

QString ServerPanel::shownHost() const
{
    if (!m_session->isShared())
        return m_session->listeningHost();
    const QString chosen = m_addressCombo->currentData().toString();
    return chosen.isEmpty() ? QStringLiteral("127.0.0.1") : chosen;
}

void ServerPanel::refresh()
{
    showState();
    showUrls();
}

QString ServerPanel::shownError() const
{
    if (m_session->state() != ServerSession::State::Stopped)
        return QString();
    if (!m_portProblem.isEmpty())
        return m_portProblem;
    const QString error = m_session->error();
    return error == m_dismissedError ? QString() : error;
}

void ServerPanel::dismissError()
{
    m_portProblem.clear();
    m_dismissedError = m_session->error();
    showState();
}

void ServerPanel::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        showState(); // the state's colour for the new palette
}

void ServerPanel::showState()
{
    using State = ServerSession::State;
    const State state = m_session->state();
    const QString error = shownError();
    const QString host = m_session->listeningHost();
    const quint16 port = m_session->listeningPort();
    const QPalette &pal = palette();
    QString text;
    QColor color;
    switch (state) {
    case State::Stopped:
        text = error.isEmpty() ? tr("Stopped") : tr("Error: %1").arg(error);
        color = error.isEmpty() ? PaletteColors::muted(pal) : PaletteColors::error(pal);
        break;
    case State::Starting:
        text = tr("Starting…");
        color = PaletteColors::warning(pal);
        break;
    case State::Listening:
        text = m_session->isShared() ? tr("Listening on %1:%2 (local network)").arg(host).arg(port)
                                     : tr("Listening on %1:%2").arg(host).arg(port);
        color = PaletteColors::ok(pal);
        break;
    case State::Stopping:
        text = tr("Stopping…");
        color = PaletteColors::warning(pal);
        break;
    }
    m_stateLabel->setText(text);
    m_stateLabel->setToolTip(text);
    m_stateLabel->setStyleSheet(error.isEmpty() ? QString()
                                                : QStringLiteral("color: %1;").arg(color.name()));
    m_stateDot->setStyleSheet(QStringLiteral("color: %1;").arg(color.name()));

    // Port 0 while listening: the field shows the port the system picked.
    const bool listening = state == State::Listening;
    m_portSpin->setSpecialValueText(listening && port != 0 ? QString::number(port)
                                                           : tr("any free"));
    m_portSpin->setToolTip(listening && m_portSpin->value() == 0
                               ? tr("Port 0: the system picked %1").arg(port)
                               : tr("The TCP port for WebSocket and HTTP; 0 picks a free one"));

    const bool stopped = state == State::Stopped;
    m_portSpin->setEnabled(stopped);
    m_bindCombo->setEnabled(stopped);
}

void ServerPanel::showUrls()
{
    const bool listening = m_session->isListening();
    const bool any = m_session->isShared();
    if (any && m_addressCombo->count() == 0) {
        const QSignalBlocker blocker(m_addressCombo);
        for (const QString &address : ServerSession::lanAddresses())
            m_addressCombo->addItem(address, address);
        m_addressCombo->addItem(tr("127.0.0.1 (this computer)"), QStringLiteral("127.0.0.1"));
    } else if (!any && m_addressCombo->count() > 0) {
        const QSignalBlocker blocker(m_addressCombo);
        m_addressCombo->clear();
    }
    m_addressLabel->setVisible(any);
    m_addressCombo->setVisible(any);

    const QStringList urls = m_session->clientUrls(shownHost());
    for (int i = 0; i < m_urlEdits.size(); ++i) {
        QLineEdit *edit = m_urlEdits.at(i);
        if (listening)
            edit->setText(urls.value(i));
        else
            edit->clear();
        edit->setEnabled(listening);
        edit->setCursorPosition(0);
    }
    for (QToolButton *button : std::as_const(m_copyButtons))
        button->setEnabled(listening);
}
