#include "settingsdialog.h"

#include "console/palettecolors.h"
#include "console/serversettings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

namespace {

QSpinBox *spinBox(int min, int max, const QString &suffix, const QString &zeroText = QString())
{
    auto *box = new QSpinBox;
    box->setRange(min, max);
    box->setSuffix(suffix);
    box->setGroupSeparatorShown(true);
    box->setSpecialValueText(zeroText);
    box->setAccelerated(true);
    return box;
}

} // namespace

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Server Settings"));

    m_port = spinBox(0, 65535, QString(), tr("any free port"));
    m_port->setGroupSeparatorShown(false); // "8,000" reads like a number, not a port
    m_port->setToolTip(tr("The TCP port for WebSocket and HTTP; 0 picks a free one"));

    m_bind = new QComboBox;
    m_bind->addItem(tr("This computer only (127.0.0.1)"),
                    QHostAddress(QHostAddress::LocalHost).toString());
    m_bind->addItem(tr("Local network (0.0.0.0)"), QHostAddress(QHostAddress::AnyIPv4).toString());
    m_bind->setToolTip(tr("Local network lets other machines, such as a classroom's, connect"));

    m_maxConnections = spinBox(1, 1000000, QString());
    m_maxConnections->setToolTip(tr("Past it, new connections are closed with 1013"));
    m_maxMessageBytes = spinBox(64, 1 << 30, tr(" bytes"));
    m_maxMessageBytes->setToolTip(tr("Larger frames close the connection with 1009"));
    m_rateLimit = spinBox(0, 1000000, tr(" per second"), tr("off"));
    m_rateLimit->setToolTip(tr("Messages per second per connection, bursts of twice that"));
    m_history = spinBox(0, 100000, tr(" messages"), tr("none"));
    m_history->setToolTip(tr("Messages kept per room and sent to whoever joins"));

    m_notificationInterval = new QDoubleSpinBox;
    m_notificationInterval->setRange(0, 86400);
    m_notificationInterval->setDecimals(1);
    m_notificationInterval->setSuffix(tr(" s"));
    m_notificationInterval->setSpecialValueText(tr("off"));
    m_notificationInterval->setToolTip(
        tr("Seconds between the notifications dialect's periodic messages"));

    m_joinCode = new QLineEdit;
    m_joinCode->setPlaceholderText(tr("none: anyone may join"));
    m_joinCode->setMaxLength(32);
    m_joinCode->setToolTip(tr("When set, clients must add ?code=... to connect"));
    m_joinCode->setClearButtonEnabled(true);

    m_allowedOrigins = new QLineEdit;
    m_allowedOrigins->setPlaceholderText(
        tr("any, or e.g. http://example.org, https://x.test:8443"));
    m_allowedOrigins->setToolTip(
        tr("Comma-separated Origin values allowed to connect; others are refused"));
    m_allowedOrigins->setClearButtonEnabled(true);

    m_storeFile = new QLineEdit;
    m_storeFile->setPlaceholderText(tr("none: rooms and messages in memory only"));
    m_storeFile->setToolTip(tr("The SQLite file that keeps rooms and their messages across "
                               "restarts; empty for none. Applies at the next start."));
    m_storeFile->setClearButtonEnabled(true);
    m_storeFile->setObjectName(QStringLiteral("storeFile"));
    auto *chooseStore = new QPushButton(tr("Choos&e…"));
    chooseStore->setObjectName(QStringLiteral("chooseStoreFile"));
    connect(chooseStore, &QPushButton::clicked, this, &SettingsDialog::chooseStoreFile);
    auto *noStore = new QPushButton(tr("None"));
    noStore->setObjectName(QStringLiteral("noStoreFile"));
    noStore->setToolTip(tr("Keep rooms in memory only (like --store none)"));
    connect(noStore, &QPushButton::clicked, m_storeFile, &QLineEdit::clear);
    auto *storeRow = new QHBoxLayout;
    storeRow->addWidget(m_storeFile, 1);
    storeRow->addWidget(chooseStore);
    storeRow->addWidget(noStore);

    m_port->setObjectName(QStringLiteral("port"));
    m_bind->setObjectName(QStringLiteral("bindAddress"));
    m_maxConnections->setObjectName(QStringLiteral("maxConnections"));
    m_maxMessageBytes->setObjectName(QStringLiteral("maxMessageBytes"));
    m_rateLimit->setObjectName(QStringLiteral("rateLimit"));
    m_history->setObjectName(QStringLiteral("history"));
    m_notificationInterval->setObjectName(QStringLiteral("notificationInterval"));
    m_joinCode->setObjectName(QStringLiteral("joinCode"));
    m_allowedOrigins->setObjectName(QStringLiteral("allowedOrigins"));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&Who can connect:"), m_bind);
    form->addRow(tr("Max &connections:"), m_maxConnections);
    form->addRow(tr("Max &message size:"), m_maxMessageBytes);
    form->addRow(tr("&Rate limit:"), m_rateLimit);
    form->addRow(tr("&History per room:"), m_history);
    form->addRow(tr("&Notification interval:"), m_notificationInterval);
    form->addRow(tr("&Join code:"), m_joinCode);
    form->addRow(tr("Allowed &origins:"), m_allowedOrigins);
    form->addRow(tr("Room &store:"), storeRow);

    m_runningNote = new QLabel(tr("The server is running: the changes apply the next time it "
                                  "starts."));
    m_runningNote->setWordWrap(true);
    m_runningNote->hide();

    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("validationError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(
        QStringLiteral("color: %1;").arg(PaletteColors::error(palette()).name()));
    m_error->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel
                                     | QDialogButtonBox::RestoreDefaults);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] {
                // Defaults for what the dialog edits; the rest (record file, TLS) stays.
                ServerConfig defaults;
                defaults.storeFile = ServerSettings::defaultStoreFile();
                setConfig(withEditedFields(m_config, defaults));
            });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_runningNote);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_joinCode, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_allowedOrigins, &QLineEdit::textChanged, this, &SettingsDialog::validate);

    setConfig(ServerConfig());
    resize(sizeHint().expandedTo(QSize(520, 0)));
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::selectBindAddress(QComboBox *combo, const QHostAddress &address)
{
    int index = combo->findData(address.toString());
    if (index < 0) {
        combo->addItem(tr("Only %1").arg(address.toString()), address.toString());
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(index);
}

void SettingsDialog::setConfig(const ServerConfig &config)
{
    m_config = config;
    m_port->setValue(config.port);
    selectBindAddress(m_bind, config.bindAddress);
    m_maxConnections->setValue(config.maxConnections);
    m_maxMessageBytes->setValue(int(qBound(qint64(64), config.maxMessageBytes, qint64(1) << 30)));
    m_rateLimit->setValue(config.rateLimit);
    m_history->setValue(config.history);
    m_notificationInterval->setValue(config.notificationInterval);
    m_joinCode->setText(config.joinCode);
    m_allowedOrigins->setText(config.allowedOrigins.join(QStringLiteral(", ")));
    m_storeFile->setText(QDir::toNativeSeparators(config.storeFile));
    validate();
}

ServerConfig SettingsDialog::config() const
{
    ServerConfig config = m_config;
    config.port = quint16(m_port->value());
    config.bindAddress = QHostAddress(m_bind->currentData().toString());
    config.maxConnections = m_maxConnections->value();
    config.maxMessageBytes = m_maxMessageBytes->value();
    config.rateLimit = m_rateLimit->value();
    config.history = m_history->value();
    config.notificationInterval = m_notificationInterval->value();
    config.joinCode = m_joinCode->text();
    QStringList origins;
    QString error;
    if (parseOrigins(m_allowedOrigins->text(), &origins, &error))
        config.allowedOrigins = origins;
    config.storeFile = QDir::fromNativeSeparators(m_storeFile->text().trimmed());
    return config;
}

void SettingsDialog::setServerRunning(bool running)
{
    m_runningNote->setVisible(running);
}

QString SettingsDialog::validationError() const
{
    const QString code = m_joinCode->text();
    if (!code.isEmpty() && code.size() < 4)
        return tr(
            "The join code needs at least 4 characters: a shorter one is guessed in minutes.");
    if (code != code.trimmed() || code.contains(QLatin1Char(' ')))
        return tr("The join code cannot contain spaces: clients type it into a URL.");
    for (const QChar c : code) {
        if (c.category() == QChar::Other_Control)
            return tr("The join code cannot contain control characters.");
    }
    QStringList origins;
    QString error;
    if (!parseOrigins(m_allowedOrigins->text(), &origins, &error))
        return error;
    return QString();
}

bool SettingsDialog::parseOrigins(const QString &text, QStringList *origins, QString *error)
{
    origins->clear();
    for (const QString &part : text.split(QLatin1Char(','))) {
        const QString origin = part.trimmed();
        if (origin.isEmpty())
            continue;
        // The server compares Origin headers as strings, and browsers send scheme://host[:port]
        // with no path: anything else would never match and only lock everyone out.
        const QUrl url(origin, QUrl::StrictMode);
        const bool webScheme
            = url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https");
        if (!url.isValid() || !webScheme || url.host().isEmpty() || !url.path().isEmpty()
            || url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty()) {
            *error = tr("\"%1\" is not an origin: write it as http://host or https://host:port, "
                        "with no path.")
                         .arg(origin);
            return false;
        }
        origins->append(origin);
    }
    return true;
}

void SettingsDialog::chooseStoreFile()
{
    auto *dialog = new QFileDialog(this, tr("Room Store"));
    dialog->setObjectName(QStringLiteral("storeFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // A new file is made at the next start; an existing one is opened, not replaced.
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setOption(QFileDialog::DontConfirmOverwrite);
    dialog->setNameFilter(tr("SQLite files (*.sqlite *.db);;All files (*)"));
    dialog->setDefaultSuffix(QStringLiteral("sqlite"));
    const QString current = m_storeFile->text().trimmed();
    const QString start = current.isEmpty() ? ServerSettings::defaultStoreFile() : current;
    dialog->setDirectory(QFileInfo(start).absolutePath());
    dialog->selectFile(QFileInfo(start).fileName());
    connect(dialog, &QFileDialog::fileSelected, m_storeFile,
            [this](const QString &file) { m_storeFile->setText(QDir::toNativeSeparators(file)); });
    dialog->open();
}

void SettingsDialog::validate()
{
    const QString error = validationError();
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(error.isEmpty());
}

ServerConfig SettingsDialog::withEditedFields(const ServerConfig &base, const ServerConfig &edited)
{
    ServerConfig config = base;
    config.port = edited.port;
    config.bindAddress = edited.bindAddress;
    config.maxConnections = edited.maxConnections;
    config.maxMessageBytes = edited.maxMessageBytes;
    config.rateLimit = edited.rateLimit;
    config.history = edited.history;
    config.notificationInterval = edited.notificationInterval;
    config.joinCode = edited.joinCode;
    config.allowedOrigins = edited.allowedOrigins;
    config.storeFile = edited.storeFile;
    return config;
}
