#include "sharepanel.h"

#include "qrcodewidget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRandomGenerator>
#include <QUrl>
#include <QVBoxLayout>

namespace {

// Point sizes chosen to be read from the back of a classroom on a projector.
// The panel is a strip above the rooms: the presenter view (F11) has the big type and QR code.
constexpr qreal UrlPointSize = 18;
constexpr qreal CodePointSize = 26;
constexpr qreal TitlePointSize = 12;
// The QR code's side in the strip, and when the host asks for it larger (Larger QR Code).
constexpr int SmallQrSide = 96;
constexpr int LargeQrSide = 240;

QFont sized(const QFont &base, qreal pointSize, bool bold)
{
    QFont font = base;
    font.setPointSizeF(pointSize);
    font.setBold(bold);
    return font;
}

} // namespace

SharePanel::SharePanel(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("sharePanel"));
    setFrameShape(QFrame::StyledPanel);

    m_title = new QLabel(tr("Join from a browser, on the same network:"));
    m_title->setObjectName(QStringLiteral("shareTitle"));
    m_title->setFont(sized(font(), TitlePointSize, true));

    m_urlList = new QListWidget;
    m_urlList->setObjectName(QStringLiteral("shareUrlList"));
    m_urlList->setFont(
        sized(QFontDatabase::systemFont(QFontDatabase::FixedFont), UrlPointSize, true));
    m_urlList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_urlList->setFrameShape(QFrame::NoFrame);
    m_urlList->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_urlList->viewport()->setAutoFillBackground(false); // on the panel, not in a white box
    m_urlList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the strip may be narrow
    m_urlList->setToolTip(tr("Pick the address the students' devices can reach: its QR code is "
                             "beside it"));
    connect(m_urlList, &QListWidget::currentRowChanged, this, [this] {
        updateQrCode();
        emit shareChanged();
    });

    m_codeCheck = new QCheckBox(tr("Require a &join code"));
    m_codeCheck->setObjectName(QStringLiteral("joinCodeCheck"));
    m_codeCheck->setToolTip(tr("Only those who know the code can chat; connections without it "
                               "are closed with 1008. Turning it on or off keeps who is in."));
    connect(m_codeCheck, &QCheckBox::toggled, this, [this](bool on) {
        if (on == !m_joinCode.isEmpty())
            return;
        emit joinCodeRequested(on ? generateJoinCode(codeKind()) : QString());
    });

    m_codeLabel = new QLabel;
    m_codeLabel->setObjectName(QStringLiteral("joinCodeLabel"));
    m_codeLabel->setFont(
        sized(QFontDatabase::systemFont(QFontDatabase::FixedFont), CodePointSize, true));
    m_codeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_newCodeButton = new QPushButton(tr("New Code"));
    m_newCodeButton->setObjectName(QStringLiteral("newJoinCodeButton"));
    m_newCodeButton->setToolTip(tr("Replace the join code; members already in stay"));
    connect(m_newCodeButton, &QPushButton::clicked, this,
            [this] { emit joinCodeRequested(generateJoinCode(codeKind())); });
    m_codeKind = new QComboBox;
    m_codeKind->setObjectName(QStringLiteral("joinCodeKind"));
    m_codeKind->addItem(tr("4 digits"), int(CodeKind::FourDigits));
    m_codeKind->addItem(tr("6 characters"), int(CodeKind::SixCharacters));
    m_codeKind->setToolTip(tr("4 digits are easy to type on a phone; 6 characters are much "
                              "harder to guess"));
    connect(m_codeKind, &QComboBox::activated, this, [this] {
        if (!m_joinCode.isEmpty())
            emit joinCodeRequested(generateJoinCode(codeKind()));
    });
    m_lockoutWarning = new QLabel;
    m_lockoutWarning->setObjectName(QStringLiteral("shareLockoutWarning"));
    m_lockoutWarning->setWordWrap(true);
    m_lockoutWarning->setMinimumWidth(160);
    m_lockoutWarning->setVisible(false);

    auto *stopButton = new QPushButton(tr("This Computer Only"));
    stopButton->setObjectName(QStringLiteral("stopSharingButton"));
    stopButton->setToolTip(tr("Listen on 127.0.0.1 again: nobody new joins from the network; "
                              "who is in stays"));
    connect(stopButton, &QPushButton::clicked, this, &SharePanel::stopSharingRequested);
    auto *hideButton = new QPushButton(tr("Hide"));
    hideButton->setObjectName(QStringLiteral("hideShareButton"));
    hideButton->setToolTip(tr("Hide this panel; Server > Share on Local Network shows it again"));
    connect(hideButton, &QPushButton::clicked, this, &SharePanel::hideRequested);

    m_qrCode = new QrCodeWidget;
    m_qrCode->setFixedSize(SmallQrSide, SmallQrSide);
    m_largeQrButton = new QPushButton(tr("Larger &QR Code"));
    m_largeQrButton->setObjectName(QStringLiteral("largeQrButton"));
    m_largeQrButton->setCheckable(true);
    m_largeQrButton->setToolTip(tr("Show the QR code larger here; the presenter view (F11) shows "
                                   "it full screen"));
    connect(m_largeQrButton, &QPushButton::toggled, this, [this](bool large) {
        const int side = large ? LargeQrSide : SmallQrSide;
        m_qrCode->setFixedSize(side, side);
    });

    auto *codeRow = new QHBoxLayout;
    codeRow->setSpacing(12);
    codeRow->addWidget(m_codeCheck);
    codeRow->addWidget(m_codeLabel);
    codeRow->addWidget(m_codeKind);
    codeRow->addWidget(m_newCodeButton);
    codeRow->addWidget(m_lockoutWarning, 1);
    codeRow->addWidget(m_largeQrButton);
    codeRow->addWidget(stopButton);
    codeRow->addWidget(hideButton);

    auto *left = new QVBoxLayout;
    left->setSpacing(4);
    left->addWidget(m_title);
    left->addWidget(m_urlList);
    left->addLayout(codeRow);
    left->addStretch(1);

    auto *qr = new QVBoxLayout;
    qr->setSpacing(0);
    qr->addWidget(m_qrCode, 0, Qt::AlignHCenter);
    qr->addStretch(1);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(12);
    layout->addLayout(qr);
    layout->addLayout(left, 1);

    updateJoinCodeUi();
    updateQrCode();
}

SharePanel::~SharePanel() = default;

void SharePanel::setAddresses(const QStringList &addresses)
{
    if (addresses == m_addresses)
        return;
    const QString selected
        = m_urlList->currentRow() >= 0 ? m_addresses.value(m_urlList->currentRow()) : QString();
    m_addresses = addresses;
    rebuildList();
    const int keep = m_addresses.indexOf(selected);
    selectAddress(keep >= 0 ? keep : 0);
    emit shareChanged();
}

void SharePanel::setSecure(bool secure)
{
    if (secure == m_secure)
        return;
    m_secure = secure;
    const int row = m_urlList->currentRow();
    rebuildList();
    selectAddress(qMax(0, row));
    emit shareChanged();
}

void SharePanel::setPort(quint16 port)
{
    if (port == m_port)
        return;
    m_port = port;
    const int row = m_urlList->currentRow();
    rebuildList();
    selectAddress(qMax(0, row));
    emit shareChanged();
}

void SharePanel::setJoinCode(const QString &code)
{
    if (code == m_joinCode)
        return;
    m_joinCode = code;
    updateJoinCodeUi();
    updateQrCode();
    emit shareChanged();
}

void SharePanel::selectAddress(int index)
{
    if (index >= 0 && index < m_urlList->count())
        m_urlList->setCurrentRow(index);
    updateQrCode();
}

QStringList SharePanel::urls() const
{
    QStringList list;
    for (const QString &address : m_addresses)
        list.append(browserUrl(address, m_port, m_secure));
    return list;
}

QString SharePanel::selectedUrl() const
{
    const int row = m_urlList->currentRow();
    if (row < 0 || row >= m_addresses.size())
        return QString();
    return browserUrl(m_addresses.at(row), m_port, m_secure);
}

QString SharePanel::qrUrl() const
{
    const QString url = selectedUrl();
    if (url.isEmpty() || m_joinCode.isEmpty())
        return url;
    // The browser client reads ?code= from its page's address and sends it on connect.
    return url + QStringLiteral("?code=") + QString::fromUtf8(QUrl::toPercentEncoding(m_joinCode));
}

QString SharePanel::generateJoinCode(CodeKind kind)
{
    QRandomGenerator *random = QRandomGenerator::system();
    if (kind == CodeKind::FourDigits)
        return QString::number(random->bounded(1000, 10000));
    const int size = int(sizeof(SixCharacterAlphabet)) - 1;
    QString code;
    for (int i = 0; i < 6; ++i)
        code += QLatin1Char(SixCharacterAlphabet[random->bounded(size)]);
    return code;
}

void SharePanel::setLockedOutAddresses(int count)
{
    m_lockoutWarning->setText(
        count == 1 ? tr("⚠ An address gave 5 wrong join codes and is refused for a minute. "
                        "Someone may be guessing the code: the activity log names it.")
                   : tr("⚠ %1 addresses gave 5 wrong join codes and are refused for a minute. "
                        "Someone may be guessing the code: the activity log names them.")
                         .arg(count));
    m_lockoutWarning->setVisible(count > 0);
}

SharePanel::CodeKind SharePanel::codeKind() const
{
    return CodeKind(m_codeKind->currentData().toInt());
}

QString SharePanel::browserUrl(const QString &address, quint16 port, bool secure)
{
    const QHostAddress parsed(address);
    const QString host = parsed.protocol() == QAbstractSocket::IPv6Protocol
        ? QLatin1Char('[') + address + QLatin1Char(']')
        : address;
    return QStringLiteral("%1://%2:%3/")
        .arg(secure ? QStringLiteral("https") : QStringLiteral("http"), host)
        .arg(port);
}

void SharePanel::rebuildList()
{
    const QSignalBlocker blocker(m_urlList);
    m_urlList->clear();
    for (const QString &url : urls())
        m_urlList->addItem(url);
    // Tall enough for every address without scrolling, up to four.
    const int rows = qBound(1, int(m_addresses.size()), 4);
    m_urlList->setFixedHeight(rows * (m_urlList->fontMetrics().height() + 8) + 4);
}

void SharePanel::updateQrCode()
{
    const QString url = qrUrl();
    m_qrCode->setText(url);
    m_qrCode->setToolTip(url.isEmpty() ? tr("No network address")
                                       : tr("Scan to join: %1").arg(url));
}

void SharePanel::updateJoinCodeUi()
{
    const bool on = !m_joinCode.isEmpty();
    {
        const QSignalBlocker blocker(m_codeCheck);
        m_codeCheck->setChecked(on);
    }
    m_codeLabel->setText(on ? m_joinCode : QString());
    // The how-to is a tool tip: the strip stays short, the presenter view says it in large type.
    const QString hint = on ? tr("Open the address in a browser on a phone or laptop, or scan the "
                                 "QR code. Asked for a join code? Type the code shown here.")
                            : tr("Open the address in a browser on a phone or laptop, or scan the "
                                 "QR code. Anyone who can reach this computer can join: tick "
                                 "\"Require a join code\" to keep others out.");
    m_title->setToolTip(hint);
    m_codeLabel->setVisible(on);
    m_codeLabel->setToolTip(on ? tr("Join code: %1").arg(m_joinCode) : QString());
    m_newCodeButton->setVisible(on);
    m_codeKind->setVisible(on);
}
