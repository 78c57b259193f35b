#include "notificationdialog.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

NotificationDialog::NotificationDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("notificationDialog"));
    setWindowTitle(tr("Notifications"));

    auto *intro = new QLabel(
        tr("Every client of the notifications dialect (<code>/ws/notifications/{client_id}</code>) "
           "gets these, as <code>{\"type\":\"notification\",\"message\":…}</code>. A native "
           "client on this computer sends the same with <code>{\"type\":\"notify\"}</code>."));
    intro->setWordWrap(true);

    m_text = new QLineEdit;
    m_text->setObjectName(QStringLiteral("notificationText"));
    m_text->setPlaceholderText(tr("e.g. Five minutes left"));
    m_text->setClearButtonEnabled(true);
    m_sendButton = new QPushButton(tr("&Send Now"));
    m_sendButton->setObjectName(QStringLiteral("sendNotificationButton"));
    m_sendButton->setDefault(true);
    m_sendButton->setEnabled(false);
    connect(m_text, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_sendButton->setEnabled(!text.trimmed().isEmpty()); });
    auto send = [this] {
        const QString text = m_text->text().trimmed();
        if (text.isEmpty())
            return;
        emit sendRequested(text);
        m_text->clear();
    };
    connect(m_sendButton, &QPushButton::clicked, this, send);
    connect(m_text, &QLineEdit::returnPressed, this, send);
    auto *sendRow = new QHBoxLayout;
    sendRow->addWidget(m_text, 1);
    sendRow->addWidget(m_sendButton);

    m_interval = new QDoubleSpinBox;
    m_interval->setObjectName(QStringLiteral("notificationInterval"));
    m_interval->setRange(0, 86400);
    m_interval->setDecimals(1);
    m_interval->setSingleStep(1);
    m_interval->setSuffix(tr(" s"));
    m_interval->setSpecialValueText(tr("off"));
    m_interval->setKeyboardTracking(false); // one change when typing is done, not per digit
    m_interval->setToolTip(tr("Each notifications client gets \"New notification for NAME\" this "
                              "often; 0 turns it off. Applies at once."));
    connect(m_interval, &QDoubleSpinBox::valueChanged, this, &NotificationDialog::intervalChanged);

    auto *form = new QFormLayout;
    auto *textLabel = new QLabel(tr("&Text:"));
    textLabel->setBuddy(m_text); // a row of a layout gets no buddy by itself
    form->addRow(textLabel, sendRow);
    form->addRow(tr("&Reminder every:"), m_interval);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(qMax(sizeHint().width(), 520), sizeHint().height());
}

NotificationDialog::~NotificationDialog() = default;

void NotificationDialog::setInterval(double seconds)
{
    const QSignalBlocker blocker(m_interval);
    m_interval->setValue(seconds);
}

double NotificationDialog::interval() const
{
    return m_interval->value();
}
