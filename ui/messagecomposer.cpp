#include "messagecomposer.h"

#include "console/clientinput.h"
#include "console/palettecolors.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {

// The largest file sent as one message: a test client, not a file transfer tool.
constexpr qint64 MaxFileBytes = 64 * 1024 * 1024;

} // namespace

MessageComposer::MessageComposer(QWidget *parent)
    : QWidget(parent)
{
    m_kindCombo = new QComboBox;
    m_kindCombo->setObjectName(QStringLiteral("kindCombo"));
    // In SavedMessage::Kind order.
    m_kindCombo->addItems({tr("Text"), tr("JSON"), tr("Binary (hex)"), tr("File")});
    m_kindCombo->setToolTip(tr("Text and JSON go as text frames; hex and files as binary ones"));

    m_frameSizeSpin = new QSpinBox;
    m_frameSizeSpin->setObjectName(QStringLiteral("frameSizeSpin"));
    m_frameSizeSpin->setRange(0, 16 * 1024 * 1024);
    m_frameSizeSpin->setSpecialValueText(tr("one frame"));
    m_frameSizeSpin->setSuffix(tr(" bytes"));
    m_frameSizeSpin->setToolTip(tr("Cut the message into frames of at most this many bytes, "
                                   "to see fragmentation (0: one frame)"));

    m_prettyButton = new QPushButton(tr("&Pretty-print"));
    m_prettyButton->setObjectName(QStringLiteral("prettyButton"));
    connect(m_prettyButton, &QPushButton::clicked, this, [this] { prettyPrint(); });

    m_sendButton = new QPushButton(tr("&Send"));
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setToolTip(tr("Send the message (Ctrl+Return)"));
    m_sendButton->setDefault(true);
    connect(m_sendButton, &QPushButton::clicked, this, &MessageComposer::sendRequested);

    auto *top = new QHBoxLayout;
    top->addWidget(m_kindCombo);
    top->addWidget(new QLabel(tr("Cut into frames of")));
    top->addWidget(m_frameSizeSpin);
    top->addStretch();
    top->addWidget(m_prettyButton);
    top->addWidget(m_sendButton);

    m_editor = new QPlainTextEdit;
    m_editor->setObjectName(QStringLiteral("messageEdit"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setPlaceholderText(tr("The message to send"));
    m_editor->setTabChangesFocus(true);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &MessageComposer::check);

    m_fileButton = new QPushButton(tr("Choose &File…"));
    m_fileButton->setObjectName(QStringLiteral("fileButton"));
    connect(m_fileButton, &QPushButton::clicked, this, &MessageComposer::chooseFile);
    m_fileLabel = new QLabel(tr("No file chosen"));
    m_fileLabel->setObjectName(QStringLiteral("fileLabel"));
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_fileButton);
    fileRow->addWidget(m_fileLabel, 1);

    m_errorLabel = new QLabel;
    m_errorLabel->setObjectName(QStringLiteral("messageError"));
    m_errorLabel->setWordWrap(true);
    QPalette palette = m_errorLabel->palette();
    palette.setColor(QPalette::WindowText, PaletteColors::error(palette));
    m_errorLabel->setPalette(palette);

    auto *editing = new QVBoxLayout;
    editing->setContentsMargins(0, 0, 0, 0);
    editing->addLayout(top);
    editing->addWidget(m_editor, 1);
    editing->addLayout(fileRow);
    editing->addWidget(m_errorLabel);

    m_savedList = new QListWidget;
    m_savedList->setObjectName(QStringLiteral("savedList"));
    m_savedList->setToolTip(tr("Messages saved for this address; double-click one to use it"));
    connect(m_savedList, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { loadSaved(item->text()); });
    auto *saveButton = new QPushButton(tr("Sa&ve…"));
    saveButton->setObjectName(QStringLiteral("saveButton"));
    saveButton->setToolTip(tr("Save this message under a name, for this address"));
    connect(saveButton, &QPushButton::clicked, this, &MessageComposer::promptSave);
    m_deleteButton = new QPushButton(tr("&Delete"));
    m_deleteButton->setObjectName(QStringLiteral("deleteSavedButton"));
    connect(m_deleteButton, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = m_savedList->currentItem())
            deleteSaved(item->text());
    });
    auto *savedButtons = new QHBoxLayout;
    savedButtons->addWidget(saveButton);
    savedButtons->addWidget(m_deleteButton);
    auto *saved = new QVBoxLayout;
    saved->setContentsMargins(0, 0, 0, 0);
    saved->addWidget(new QLabel(tr("Saved messages")));
    saved->addWidget(m_savedList, 1);
    saved->addLayout(savedButtons);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(editing, 3);
    layout->addLayout(saved, 1);

    connect(m_kindCombo, &QComboBox::currentIndexChanged, this, &MessageComposer::onKindChanged);
    onKindChanged();
}

MessageComposer::~MessageComposer() = default;

SavedMessage::Kind MessageComposer::kind() const
{
    return SavedMessage::Kind(m_kindCombo->currentIndex());
}

void MessageComposer::setKind(SavedMessage::Kind kind)
{
    m_kindCombo->setCurrentIndex(int(kind));
}

QString MessageComposer::text() const
{
    return kind() == SavedMessage::File ? m_filePath : m_editor->toPlainText();
}

void MessageComposer::setText(const QString &text)
{
    if (kind() == SavedMessage::File) {
        m_filePath = text;
        m_fileLabel->setText(text.isEmpty() ? tr("No file chosen")
                                            : tr("%1  (%2)").arg(QFileInfo(text).fileName(), text));
        check();
    } else {
        m_editor->setPlainText(text);
    }
}

int MessageComposer::frameSize() const
{
    return m_frameSizeSpin->value();
}

void MessageComposer::setFrameSize(int bytes)
{
    m_frameSizeSpin->setValue(bytes);
}

QString MessageComposer::errorText() const
{
    return m_errorLabel->text();
}

QByteArray MessageComposer::messageBytes(bool *binary) const
{
    *binary = kind() == SavedMessage::BinaryHex || kind() == SavedMessage::File;
    switch (kind()) {
    case SavedMessage::BinaryHex: {
        QByteArray bytes;
        ClientInput::parseHex(m_editor->toPlainText(), &bytes);
        return bytes;
    }
    case SavedMessage::File: {
        QFile file(m_filePath);
        if (file.size() > MaxFileBytes || !file.open(QIODevice::ReadOnly))
            return QByteArray();
        return file.readAll();
    }
    case SavedMessage::Text:
    case SavedMessage::Json:
        break;
    }
    return m_editor->toPlainText().toUtf8();
}

bool MessageComposer::message(QByteArray *bytes, bool *binary)
{
    check();
    if (!m_errorLabel->text().isEmpty())
        return false;
    if (kind() == SavedMessage::File) {
        QFile file(m_filePath);
        if (file.size() > MaxFileBytes) {
            m_errorLabel->setText(tr("The file is over %1 MiB").arg(MaxFileBytes >> 20));
            return false;
        }
        if (!file.open(QIODevice::ReadOnly)) {
            m_errorLabel->setText(tr("Cannot read the file: %1").arg(file.errorString()));
            return false;
        }
    }
    *bytes = messageBytes(binary);
    return true;
}

void MessageComposer::check()
{
    const SavedMessage::Kind k = kind();
    QString error;
    if (k == SavedMessage::Json) {
        error = ClientInput::jsonError(m_editor->toPlainText().toUtf8());
        if (!error.isEmpty())
            error = tr("Not JSON: %1").arg(error);
    } else if (k == SavedMessage::BinaryHex) {
        QByteArray bytes;
        error = ClientInput::parseHex(m_editor->toPlainText(), &bytes);
    } else if (k == SavedMessage::File && m_filePath.isEmpty()) {
        error = tr("Choose a file to send");
    }
    m_errorLabel->setText(error);
    m_errorLabel->setVisible(!error.isEmpty());
    m_prettyButton->setEnabled(k == SavedMessage::Json && error.isEmpty());
}

bool MessageComposer::prettyPrint()
{
    const QByteArray utf8 = m_editor->toPlainText().toUtf8();
    if (kind() != SavedMessage::Json || !ClientInput::jsonError(utf8).isEmpty())
        return false;
    m_editor->setPlainText(QString::fromUtf8(ClientInput::prettyJson(utf8)));
    return true;
}

void MessageComposer::onKindChanged()
{
    const bool file = kind() == SavedMessage::File;
    m_editor->setVisible(!file);
    m_fileButton->setVisible(file);
    m_fileLabel->setVisible(file);
    m_prettyButton->setVisible(kind() == SavedMessage::Json);
    check();
}

void MessageComposer::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("File to Send"), m_filePath);
    if (!path.isEmpty())
        setText(path);
}

void MessageComposer::setUrl(const QUrl &url)
{
    if (SavedMessages::key(url) == m_url)
        return;
    m_url = SavedMessages::key(url);
    refreshSaved();
}

QStringList MessageComposer::savedNames() const
{
    QStringList names;
    for (int i = 0; i < m_savedList->count(); ++i)
        names.append(m_savedList->item(i)->text());
    return names;
}

void MessageComposer::refreshSaved()
{
    m_savedList->clear();
    if (!m_url.isValid() || m_url.isEmpty())
        return;
    const QList<SavedMessage> messages = SavedMessages(m_url).list();
    for (const SavedMessage &message : messages)
        m_savedList->addItem(message.name);
}

bool MessageComposer::saveAs(const QString &name)
{
    if (!m_url.isValid() || m_url.isEmpty())
        return false;
    if (!SavedMessages(m_url).save({name.trimmed(), kind(), text()}))
        return false;
    refreshSaved();
    return true;
}

bool MessageComposer::loadSaved(const QString &name)
{
    const SavedMessage message = SavedMessages(m_url).find(name);
    if (message.name.isEmpty())
        return false;
    setKind(message.kind);
    setText(message.body);
    return true;
}

bool MessageComposer::deleteSaved(const QString &name)
{
    if (!SavedMessages(m_url).remove(name))
        return false;
    refreshSaved();
    return true;
}

void MessageComposer::promptSave()
{
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Save Message"));
    dialog->setLabelText(tr("Name, for %1:").arg(m_url.toDisplayString()));
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this](const QString &name) { saveAs(name); });
    dialog->open();
}
