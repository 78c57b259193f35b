// The main window's prompts and dialogs: what the host is asked before a command runs, and the
// rooms tree's context menu. The rest of MainWindow is in mainwindow.cpp.
#include "mainwindow.h"

#include "activitypane.h"
#include "console/roomsmodel.h"
#include "console/serversession.h"
#include "console/serversettings.h"
#include "protocol/validation.h"
#include "roomhistorydialog.h"
#include "roomsview.h"
#include "server/roommanager.h"
#include "serverpanel.h"
#include "settingsdialog.h"
#include "simulatedclientsdialog.h"
#include "statuscounters.h"
#include "storeindicator.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

QString MainWindow::selectedMemberId() const
{
    return m_roomsView->selectedMemberId();
}

QString MainWindow::selectedMemberName() const
{
    return m_roomsView->selectedMemberName();
}

QString MainWindow::selectedRoom() const
{
    return m_roomsView->selectedRoom();
}

void MainWindow::askText(const QString &title, const QString &label, const QString &initial,
                         const std::function<void(const QString &)> &accepted)
{
    // open(), not exec(): no nested event loop that the window could be closed under.
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    dialog->setLabelText(label);
    dialog->setTextValue(initial);
    dialog->resize(qMax(dialog->sizeHint().width(), 420), dialog->sizeHint().height());
    connect(dialog, &QInputDialog::textValueSelected, this, accepted);
    dialog->open();
}

void MainWindow::promptCreateRoom()
{
    if (!isListening())
        return;
    askText(tr("Create or Pin a Room"),
            tr("Room name (1-%1 characters). The room stays even when it empties:")
                .arg(Validation::MaxRoomLength),
            selectedRoom(), [this](const QString &text) {
                QString error;
                if (!Validation::isValidRoom(text, &error)) {
                    QMessageBox::warning(this, tr("Create Room"), error);
                    return;
                }
                createRoom(text);
            });
}

void MainWindow::promptSystemMessage()
{
    if (!isListening())
        return;
    QString room = selectedRoom();
    if (room.isEmpty())
        room = QStringLiteral("lobby");
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Post System Message"));
    auto *roomBox = new QComboBox;
    roomBox->setEditable(true);
    roomBox->addItems(roomsModel()->roomNames());
    roomBox->setEditText(room);
    auto *text = new QLineEdit;
    text->setPlaceholderText(tr("shown as a message from \"host\""));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Post"));
    auto *roomLabel = new QLabel(tr("&Room:"));
    roomLabel->setBuddy(roomBox);
    auto *textLabel = new QLabel(tr("&Message:"));
    textLabel->setBuddy(text);
    auto *form = new QGridLayout(dialog);
    form->addWidget(roomLabel, 0, 0);
    form->addWidget(roomBox, 0, 1);
    form->addWidget(textLabel, 1, 0);
    form->addWidget(text, 1, 1);
    form->addWidget(buttons, 2, 0, 1, 2);
    form->setColumnMinimumWidth(1, 360);
    auto validate = [roomBox, text, buttons] {
        buttons->button(QDialogButtonBox::Ok)
            ->setEnabled(Validation::isValidRoom(roomBox->currentText())
                         && !text->text().trimmed().isEmpty());
    };
    connect(roomBox, &QComboBox::editTextChanged, dialog, validate);
    connect(text, &QLineEdit::textChanged, dialog, validate);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dialog, [this, dialog, roomBox, text] {
        postSystemMessage(roomBox->currentText(), text->text().trimmed());
        dialog->accept();
    });
    validate();
    text->setFocus();
    dialog->open();
}

void MainWindow::promptOpenSeveral()
{
    if (!isListening())
        return;
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Open Chat Windows"));
    dialog->setLabelText(tr("How many chat windows?"));
    dialog->setInputMode(QInputDialog::IntInput);
    dialog->setIntRange(1, 50);
    dialog->setIntValue(3);
    connect(dialog, &QInputDialog::intValueSelected, this, &MainWindow::openChatWindows);
    dialog->open();
}

void MainWindow::showSettings()
{
    auto *dialog = new SettingsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setConfig(config());
    dialog->setServerRunning(m_session->state() != ServerSession::State::Stopped);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const ServerConfig edited = dialog->config();
        ServerSettings::save(edited);
        // These two apply at once, without a restart.
        if (edited.notificationInterval != m_session->config().notificationInterval)
            setNotificationInterval(edited.notificationInterval);
        setJoinCode(edited.joinCode);
        // Only what the dialog edits: the command line's record file and TLS stay.
        m_session->setConfig(SettingsDialog::withEditedFields(m_session->config(), edited));
        m_counters->storeIndicator()->refresh(); // the store file the next start opens
        m_serverPanel->setPort(edited.port);
        m_serverPanel->selectBindAddress(edited.bindAddress);
        if (isListening()) {
            auto *box = new QMessageBox(
                QMessageBox::Question, tr("Restart the Server?"),
                tr("The new settings apply when the server starts again. Restart it now?\n\n"
                   "Every client is disconnected (close code 1000); chat windows reconnect."),
                QMessageBox::NoButton, this);
            box->setAttribute(Qt::WA_DeleteOnClose);
            QPushButton *restart = box->addButton(tr("Restart Now"), QMessageBox::AcceptRole);
            box->addButton(tr("Later"), QMessageBox::RejectRole);
            connect(restart, &QPushButton::clicked, this, [this] {
                if (!isListening())
                    return;
                stopServer();
                m_restartWhenStopped = true;
            });
            box->open();
        }
    });
    dialog->open();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About wsroom"),
        tr("<h3>wsroom %1</h3>"
           "<p>A WebSocket chat-room server on your own machine, with chat windows that are its "
           "clients.</p>"
           "<p>One port serves WebSocket (the native protocol on <code>/chat</code>, the FastAPI "
           "tutorials' <code>/</code> and <code>/ws/{client_id}</code>) and HTTP (a browser "
           "client, <code>/api/status</code>, <code>/metrics</code>).</p>"
           "<p>Built with Qt %2, running on Qt %3.</p>")
            .arg(RoomManager::version(), QStringLiteral(QT_VERSION_STR),
                 QString::fromLatin1(qVersion())));
}

void MainWindow::showProtocolReference()
{
    const QString base = isListening()
        ? QStringLiteral("%1:%2").arg(m_serverPanel->shownHost()).arg(port())
        : QStringLiteral("HOST:PORT");
    QFile file(QStringLiteral(":/help/protocol-reference.html"));
    const QString html = file.open(QIODevice::ReadOnly)
        ? QString::fromUtf8(file.readAll()).arg(base.toHtmlEscaped())
        : QString();

    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Protocol Reference"));
    auto *browser = new QTextBrowser;
    browser->setOpenExternalLinks(true);
    browser->setHtml(html);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(browser);
    layout->addWidget(buttons);
    dialog->resize(720, 620);
    dialog->show();
}

void MainWindow::showRoomsContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_roomsView->indexAt(pos);
    if (index.isValid())
        m_roomsView->setCurrentIndex(index);
    else
        m_roomsView->clearSelection();
    updateActions();

    QMenu menu(this);
    const QString memberId = index.data(RoomsModel::MemberIdRole).toString();
    const QString room = index.data(RoomsModel::RoomNameRole).toString();
    if (!memberId.isEmpty()) {
        menu.addAction(m_actions.kick);
        menu.addAction(m_actions.ban);
        menu.addAction(m_actions.mute);
        const QString name = index.siblingAtColumn(RoomsModel::NameColumn).data().toString();
        menu.addAction(tr("Show %1's Activity").arg(name), this,
                       [this, name] { m_activityPane->showMember(name); });
        QAction *inspect = menu.addAction(tr("Inspect %1's Frames…").arg(name), this,
                                          [this, memberId] { openFrameInspector(memberId); });
        inspect->setObjectName(QStringLiteral("actionInspectMember"));
        menu.addSeparator();
    }
    if (!room.isEmpty()) {
        menu.addAction(m_actions.systemMessage);
        menu.addAction(m_actions.lockRoom);
        menu.addAction(m_actions.clearRoom);
        menu.addAction(m_actions.roomHistory);
        menu.addAction(tr("Show Activity in %1").arg(room), this,
                       [this, room] { m_activityPane->showRoom(room); });
        menu.addSeparator();
    }
    menu.addAction(m_actions.createRoom);
    menu.addAction(m_actions.notify);
    menu.addSeparator();
    menu.addAction(m_actions.newChat);
    menu.exec(m_roomsView->viewport()->mapToGlobal(pos));
}

RoomHistoryDialog *MainWindow::roomHistoryDialog() const
{
    return m_roomHistoryDialog;
}

void MainWindow::showRoomHistory()
{
    if (!m_roomHistoryDialog) {
        m_roomHistoryDialog = new RoomHistoryDialog(m_session, selectedRoom(), this);
        m_roomHistoryDialog->setAttribute(Qt::WA_DeleteOnClose);
    } else if (!selectedRoom().isEmpty()) {
        m_roomHistoryDialog->selectRoom(selectedRoom());
    }
    m_roomHistoryDialog->show();
    m_roomHistoryDialog->raise();
    m_roomHistoryDialog->activateWindow();
}

void MainWindow::promptExportSession(bool withoutSimulated)
{
    auto *dialog = new QFileDialog(this, tr("Export Session"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(tr("JSON Lines and HTML transcript (*.jsonl *.html)"));
    dialog->setDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    dialog->selectFile(
        QStringLiteral("wsroom-session-%1")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"))));
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, withoutSimulated](const QString &file) {
                QString error;
                if (!exportSession(file, &error, withoutSimulated)) {
                    QMessageBox::warning(this, tr("Export Session"), error);
                    return;
                }
                const QString stem = QFileInfo(file).completeBaseName();
                statusBar()->showMessage(tr("Exported %1.jsonl and %1.html").arg(stem), 6000);
            });
    dialog->open();
}

void MainWindow::promptAddSimulatedClients()
{
    auto *dialog = new SimulatedClientsDialog(m_crowd, roomsModel()->roomNames(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!selectedRoom().isEmpty())
        dialog->setValues(10, selectedRoom(), SimulatedClient::Kind::Chatter, 12);
    connect(dialog, &SimulatedClientsDialog::addRequested, this, &MainWindow::addSimulatedClients);
    dialog->open();
}
