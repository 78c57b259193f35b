#include "roomhistorydialog.h"

#include "console/roomhistoryexport.h"
#include "console/roomsmodel.h"
#include "console/serversession.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace {

// "1 message", "12 stored messages": English plurals, as the rest of the window writes them.
// "1 message", "5 messages": two source texts, so that English reads right without a
// translation loaded; each has its translations' numerus forms.
QString messageCount(qint64 count)
{
    return count == 1 ? RoomHistoryDialog::tr("%n message", nullptr, 1)
                      : RoomHistoryDialog::tr("%n messages", nullptr, int(count));
}

// "1 stored message", "5 stored messages", as messageCount().
QString storedMessageCount(qint64 count)
{
    return count == 1 ? RoomHistoryDialog::tr("%n stored message", nullptr, 1)
                      : RoomHistoryDialog::tr("%n stored messages", nullptr, int(count));
}

} // namespace

RoomHistoryDialog::RoomHistoryDialog(ServerSession *session, const QString &room, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("roomHistoryDialog"));
    setWindowTitle(tr("Room History"));

    m_rooms = new QComboBox;
    m_rooms->setObjectName(QStringLiteral("historyRoom"));
    m_rooms->setMinimumContentsLength(20);
    m_count = new QLabel;
    m_count->setObjectName(QStringLiteral("historyCount"));
    m_count->setWordWrap(true);
    setMinimumWidth(440);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("historyStatus"));
    m_status->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_clear = buttons->addButton(tr("C&lear History…"), QDialogButtonBox::ActionRole);
    m_clear->setObjectName(QStringLiteral("clearHistoryButton"));
    m_clear->setToolTip(tr("Delete the room's messages, in memory and in the store"));
    m_export = buttons->addButton(tr("&Export…"), QDialogButtonBox::ActionRole);
    m_export->setObjectName(QStringLiteral("exportHistoryButton"));
    m_export->setToolTip(tr("Save the room's messages as JSON Lines and an HTML transcript"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_clear, &QPushButton::clicked, this, &RoomHistoryDialog::promptClear);
    connect(m_export, &QPushButton::clicked, this, &RoomHistoryDialog::promptExport);

    auto *form = new QFormLayout;
    form->addRow(tr("&Room:"), m_rooms);
    form->addRow(QString(), m_count);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addStretch();
    layout->addWidget(buttons);

    RoomsModel *model = session->roomsModel();
    connect(model, &RoomsModel::roomNamesChanged, this, &RoomHistoryDialog::refreshRooms);
    connect(model, &QAbstractItemModel::dataChanged, this, &RoomHistoryDialog::refreshCount);
    connect(model, &QAbstractItemModel::rowsInserted, this, &RoomHistoryDialog::refreshRooms);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &RoomHistoryDialog::refreshRooms);
    connect(model, &QAbstractItemModel::modelReset, this, &RoomHistoryDialog::refreshRooms);
    connect(m_rooms, &QComboBox::currentIndexChanged, this, &RoomHistoryDialog::refreshCount);
    connect(session, &ServerSession::stateChanged, this, &RoomHistoryDialog::refreshCount);
    connect(session, &ServerSession::roomHistoryExported, this,
            [this](const QString &exportedRoom, const QString &base, int messages,
                   const QString &error) {
                if (base != m_exportBase)
                    return;
                m_exportBase.clear();
                if (!error.isEmpty()) {
                    m_status->setText(tr("Could not export %1: %2").arg(exportedRoom, error));
                    return;
                }
                const QString stem = QFileInfo(RoomHistoryExport::stem(base)).fileName();
                m_status->setText(tr("Exported %1 of %2 to %3.jsonl and %3.html")
                                      .arg(messageCount(messages), exportedRoom, stem));
            });

    refreshRooms();
    selectRoom(room);
}

RoomHistoryDialog::~RoomHistoryDialog() = default;

QString RoomHistoryDialog::room() const
{
    return m_rooms->currentText();
}

void RoomHistoryDialog::selectRoom(const QString &room)
{
    const int row = m_rooms->findText(room);
    if (row >= 0)
        m_rooms->setCurrentIndex(row);
}

void RoomHistoryDialog::promptClear()
{
    const QString chosen = room();
    if (chosen.isEmpty() || !m_session->isListening())
        return;
    const RoomsModel *model = m_session->roomsModel();
    const QString question = model->hasStore()
        ? tr("Delete the %1 of “%2”?")
              .arg(storedMessageCount(model->storedMessages(chosen)), chosen)
        : tr("Delete the messages of “%1” kept in memory?").arg(chosen);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Clear History"), question,
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmClearHistory"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("They are gone for good, for everyone: members who join see no "
                               "earlier messages. Export them first to keep a copy."));
    box->addButton(tr("Clear History"), QMessageBox::DestructiveRole)
        ->setObjectName(QStringLiteral("confirmClearButton"));
    box->setDefaultButton(box->addButton(QMessageBox::Cancel));
    // The Clear button (DestructiveRole) or accept() clears; Cancel and Escape do not. A
    // message box's result is a button code, so the clicked button decides when there is one.
    connect(box, &QDialog::finished, this, [this, box, chosen](int result) {
        QAbstractButton *clicked = box->clickedButton();
        const bool confirmed = clicked ? box->buttonRole(clicked) == QMessageBox::DestructiveRole
                                       : result == QDialog::Accepted;
        if (confirmed && m_session->clearRoomHistory(chosen))
            m_status->setText(tr("Cleared the history of %1.").arg(chosen));
    });
    box->open();
}

void RoomHistoryDialog::promptExport()
{
    const QString chosen = room();
    if (chosen.isEmpty() || !m_session->isListening())
        return;
    auto *dialog = new QFileDialog(this, tr("Export History of %1").arg(chosen));
    dialog->setObjectName(QStringLiteral("exportHistoryFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(tr("JSON Lines and HTML transcript (*.jsonl *.html)"));
    dialog->setDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    QString safeName = chosen;
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9_.-]"));
    safeName.replace(unsafe, QStringLiteral("_"));
    dialog->selectFile(
        QStringLiteral("wsroom-%1-%2")
            .arg(safeName, QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"))));
    connect(dialog, &QFileDialog::fileSelected, this, [this, chosen](const QString &file) {
        selectRoom(chosen);
        exportTo(file);
    });
    dialog->open();
}

bool RoomHistoryDialog::exportTo(const QString &base)
{
    const QString chosen = room();
    if (chosen.isEmpty() || !m_session->exportRoomHistory(chosen, base))
        return false;
    m_exportBase = base;
    m_status->setText(tr("Exporting %1…").arg(chosen));
    return true;
}

void RoomHistoryDialog::refreshRooms()
{
    const QString chosen = room();
    const QStringList names = m_session->roomsModel()->roomNames(true);
    QStringList shown;
    for (int i = 0; i < m_rooms->count(); ++i)
        shown.append(m_rooms->itemText(i));
    if (shown != names) {
        const QSignalBlocker blocker(m_rooms);
        m_rooms->clear();
        m_rooms->addItems(names);
        const int row = m_rooms->findText(chosen);
        m_rooms->setCurrentIndex(row >= 0 ? row : 0);
    }
    refreshCount();
}

void RoomHistoryDialog::refreshCount()
{
    const bool running = m_session->isListening();
    const bool any = !room().isEmpty();
    m_count->setText(running ? (any ? countText() : tr("No rooms."))
                             : tr("Start the server to clear or export a room's history."));
    m_clear->setEnabled(running && any);
    m_export->setEnabled(running && any);
}

QString RoomHistoryDialog::countText() const
{
    const RoomsModel *model = m_session->roomsModel();
    const QString chosen = room();
    if (!model->hasStore())
        return tr("The messages kept in memory (no store)");
    const QString count = storedMessageCount(model->storedMessages(chosen));
    if (model->isStored(chosen))
        return tr("%1; no one is in the room.").arg(count);
    return tr("%1; the room is open.").arg(count);
}
