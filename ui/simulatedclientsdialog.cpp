#include "simulatedclientsdialog.h"

#include "client/simulatedcrowd.h"
#include "console/palettecolors.h"
#include "protocol/validation.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

SimulatedClientsDialog::SimulatedClientsDialog(SimulatedCrowd *crowd, const QStringList &rooms,
                                               QWidget *parent)
    : QDialog(parent)
    , m_crowd(crowd)
{
    setObjectName(QStringLiteral("simulatedClientsDialog"));
    setWindowTitle(tr("Add Simulated Clients"));

    m_count = new QSpinBox;
    m_count->setObjectName(QStringLiteral("countSpin"));
    m_count->setRange(1, 1000);
    m_count->setValue(10);

    m_room = new QComboBox;
    m_room->setObjectName(QStringLiteral("roomCombo"));
    m_room->setEditable(true);
    m_room->setInsertPolicy(QComboBox::NoInsert);
    m_room->addItems(rooms);
    m_room->setEditText(rooms.contains(QStringLiteral("lobby")) || rooms.isEmpty()
                            ? QStringLiteral("lobby")
                            : rooms.first());

    m_kind = new QComboBox;
    m_kind->setObjectName(QStringLiteral("kindCombo"));
    m_kind->addItem(tr("Chatters: send messages at a steady rate"),
                    int(SimulatedClient::Kind::Chatter));
    m_kind->addItem(tr("Visitors: join and leave the room again and again"),
                    int(SimulatedClient::Kind::Visitor));
    m_kind->addItem(tr("Slow readers: stop reading (closed with 4008)"),
                    int(SimulatedClient::Kind::SlowReader));

    m_rate = new QDoubleSpinBox;
    m_rate->setObjectName(QStringLiteral("rateSpin"));
    m_rate->setRange(0.5, 1200);
    m_rate->setDecimals(1);
    m_rate->setValue(12);
    m_rate->setSuffix(tr(" per minute"));
    m_rate->setToolTip(tr("Each chatter's messages per minute (the server allows %1 per second "
                          "by default)")
                           .arg(20));

    m_length = new QSpinBox;
    m_length->setObjectName(QStringLiteral("lengthSpin"));
    m_length->setRange(10, 60000);
    m_length->setValue(40);
    m_length->setSuffix(tr(" characters"));
    m_length->setToolTip(tr("Long messages fill a slow reader's buffers sooner"));

    m_kindHelp = new QLabel;
    m_kindHelp->setWordWrap(true);
    m_kindHelp->setObjectName(QStringLiteral("kindHelp"));
    QFont small = m_kindHelp->font();
    small.setPointSizeF(small.pointSizeF() * 0.92);
    m_kindHelp->setFont(small);

    m_error = new QLabel;
    m_error->setStyleSheet(
        QStringLiteral("color: %1;").arg(PaletteColors::error(palette()).name()));
    m_error->hide();

    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v of %m"));
    m_progress->hide(); // shown while they connect
    m_progressLabel = new QLabel(tr("They run in their own thread, off the window's."));
    m_progressLabel->setObjectName(QStringLiteral("progressLabel"));

    auto *form = new QFormLayout;
    form->addRow(tr("&How many:"), m_count);
    form->addRow(tr("&Room:"), m_room);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(QString(), m_kindHelp);
    form->addRow(tr("Ra&te:"), m_rate);
    form->addRow(tr("Message &length:"), m_length);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    QPushButton *addButton = m_buttons->addButton(tr("&Add"), QDialogButtonBox::AcceptRole);
    addButton->setObjectName(QStringLiteral("addButton"));
    addButton->setDefault(true);
    connect(addButton, &QPushButton::clicked, this, &SimulatedClientsDialog::add);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addSpacing(6);
    layout->addWidget(m_progressLabel);
    layout->addWidget(m_progress);
    layout->addWidget(m_buttons);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &SimulatedClientsDialog::updateFields);
    connect(m_crowd, &SimulatedCrowd::changed, this, &SimulatedClientsDialog::updateProgress);
    updateFields();
    resize(qMax(sizeHint().width(), 460), sizeHint().height());
}

int SimulatedClientsDialog::count() const
{
    return m_count->value();
}

QString SimulatedClientsDialog::room() const
{
    return m_room->currentText();
}

SimulatedClient::Kind SimulatedClientsDialog::kind() const
{
    return SimulatedClient::Kind(m_kind->currentData().toInt());
}

double SimulatedClientsDialog::perMinute() const
{
    return m_rate->value();
}

int SimulatedClientsDialog::textLength() const
{
    return m_length->value();
}

void SimulatedClientsDialog::setValues(int count, const QString &room, SimulatedClient::Kind kind,
                                       double perMinute, int textLength)
{
    m_count->setValue(count);
    m_room->setEditText(room);
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
    m_rate->setValue(perMinute);
    m_length->setValue(textLength);
}

void SimulatedClientsDialog::add()
{
    QString error;
    if (!Validation::isValidRoom(room(), &error)) {
        m_error->setText(error);
        m_error->show();
        return;
    }
    m_error->hide();
    m_adding = true;
    for (QWidget *w : {static_cast<QWidget *>(m_count), static_cast<QWidget *>(m_room),
                       static_cast<QWidget *>(m_kind), static_cast<QWidget *>(m_rate),
                       static_cast<QWidget *>(m_length)}) {
        w->setEnabled(false);
    }
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Hide"));
    for (QAbstractButton *b : m_buttons->buttons()) {
        if (m_buttons->buttonRole(b) == QDialogButtonBox::AcceptRole)
            b->setEnabled(false);
    }
    m_progress->show();
    resize(width(), qMax(height(), sizeHint().height())); // room for the bar
    emit addRequested(count(), room(), kind(), perMinute(), textLength());
    updateProgress();
}

void SimulatedClientsDialog::updateFields()
{
    const SimulatedClient::Kind k = kind();
    m_rate->setEnabled(!m_adding && k == SimulatedClient::Kind::Chatter);
    m_length->setEnabled(!m_adding && k == SimulatedClient::Kind::Chatter);
    switch (k) {
    case SimulatedClient::Kind::Chatter:
        m_kindHelp->setText(tr("Each joins the room and posts a message at about the rate "
                               "below, spread out in time."));
        break;
    case SimulatedClient::Kind::Visitor:
        m_kindHelp->setText(tr("Each stays connected and joins the room for a few seconds, "
                               "leaves, and comes back: watch the presence events."));
        break;
    case SimulatedClient::Kind::SlowReader:
        m_kindHelp->setText(tr("Each joins the room and stops reading. Once more than 4 MiB "
                               "waits for it, the server closes it with 4008. Add chatters with "
                               "long messages to the same room to see it happen."));
        break;
    }
}

void SimulatedClientsDialog::updateProgress()
{
    if (!m_adding)
        return;
    const int total = qMax(1, m_crowd->waveSize());
    const int done = qMin(m_crowd->waveSettled(), total);
    m_progress->setRange(0, total);
    m_progress->setValue(done);
    m_progressLabel->setText(
        done < total ? tr("Connecting %1 simulated clients…").arg(total)
                     : tr("%1 simulated clients connected.").arg(m_crowd->connectedCount()));
    if (done >= total || m_crowd->connectingCount() == 0) {
        m_adding = false;
        QTimer::singleShot(400, this, &QDialog::accept);
    }
}
