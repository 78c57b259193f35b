#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QPushButton;
class ServerSession;

// Server › Room History…: picks a room (live, or only in the store, greyed in the tree) and
// clears its history (after a confirmation naming the room and the count) or exports it as JSON
// Lines and an HTML transcript. Follows the session's rooms model; its buttons work while the
// server runs.
class RoomHistoryDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoomHistoryDialog)

public:
    // A dialog over session's rooms, room chosen when it is one of them.
    explicit RoomHistoryDialog(ServerSession *session, const QString &room,
                               QWidget *parent = nullptr);
    ~RoomHistoryDialog() override;

    // The room chosen; empty when there is none.
    QString room() const;
    // Chooses room, if it is one of the rooms listed.
    void selectRoom(const QString &room);
    // Asks (a QMessageBox named "confirmClearHistory") whether to delete the chosen room's
    // messages, and clears them when accepted.
    void promptClear();
    // Asks for a file (a QFileDialog named "exportHistoryFileDialog"), then exportTo() it.
    void promptExport();
    // Exports the chosen room's history as base + ".jsonl" and ".html"; the status line says
    // when it is written. False when the server does not run or no room is chosen.
    bool exportTo(const QString &base);

private:
    // The combo's rooms from the model, the choice kept.
    void refreshRooms();
    // The count line and the buttons' state for the chosen room.
    void refreshCount();
    // A sentence for the chosen room's messages ("12 stored messages").
    QString countText() const;

    ServerSession *m_session;
    QComboBox *m_rooms = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_clear = nullptr;
    QPushButton *m_export = nullptr;
    QString m_exportBase; // the export in flight, until roomHistoryExported
};
