#include "serverpanel.h"

#include "console/serversession.h"
#include "settingsdialog.h"
#include "themeicon_p.h"

#include <QClipboard>
#include <QComboBox>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

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
    m_portSpin = new QSpinBox;
    m_portSpin->setObjectName(QStringLiteral("portSpin"));
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

    connect(m_portSpin, &QSpinBox::valueChanged, this,
            [this](int value) { emit portEdited(quint16(value)); });
    connect(m_bindCombo, &QComboBox::activated, this,
            [this] { emit bindAddressEdited(bindAddress()); });

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

void ServerPanel::showState()
{
    using State = ServerSession::State;
    const State state = m_session->state();
    const QString error = m_session->error();
    const QString host = m_session->listeningHost();
    const quint16 port = m_session->listeningPort();
    QString text;
    QString color;
    switch (state) {
    case State::Stopped:
        text = error.isEmpty() ? tr("Stopped") : tr("Error: %1").arg(error);
        color = error.isEmpty() ? QStringLiteral("#8a8a8a") : QStringLiteral("#c62828");
        break;
    case State::Starting:
        text = tr("Starting…");
        color = QStringLiteral("#e0a000");
        break;
    case State::Listening:
        text = m_session->isShared() ? tr("Listening on %1:%2 (local network)").arg(host).arg(port)
                                     : tr("Listening on %1:%2").arg(host).arg(port);
        color = QStringLiteral("#2e7d32");
        break;
    case State::Stopping:
        text = tr("Stopping…");
        color = QStringLiteral("#e0a000");
        break;
    }
    m_stateLabel->setText(text);
    m_stateLabel->setToolTip(text);
    m_stateLabel->setStyleSheet(error.isEmpty() || state != State::Stopped
                                    ? QString()
                                    : QStringLiteral("color: %1;").arg(color));
    m_stateDot->setStyleSheet(QStringLiteral("color: %1;").arg(color));

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
