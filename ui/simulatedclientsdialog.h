#pragma once

#include "client/simulatedclient.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QSpinBox;
class SimulatedCrowd;

// Clients › Add Simulated Clients…: how many, which room, which kind, how fast; then a progress
// bar while they connect. Closes itself once they all have.
class SimulatedClientsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimulatedClientsDialog)

public:
    // rooms are offered in the room box; the crowd's progress is shown once Add is pressed.
    SimulatedClientsDialog(SimulatedCrowd *crowd, const QStringList &rooms,
                           QWidget *parent = nullptr);

    int count() const;
    QString room() const;
    SimulatedClient::Kind kind() const;
    double perMinute() const;
    int textLength() const;

    // Sets the fields (for tests and for the window's defaults).
    void setValues(int count, const QString &room, SimulatedClient::Kind kind, double perMinute,
                   int textLength = 40);
    // Presses Add.
    void add();

signals:
    // Add was pressed with valid values: the window adds them to its crowd.
    void addRequested(int count, const QString &room, SimulatedClient::Kind kind, double perMinute,
                      int textLength);

private:
    void updateFields();
    void updateProgress();

    SimulatedCrowd *m_crowd;
    QSpinBox *m_count = nullptr;
    QComboBox *m_room = nullptr;
    QComboBox *m_kind = nullptr;
    QDoubleSpinBox *m_rate = nullptr;
    QSpinBox *m_length = nullptr;
    QLabel *m_kindHelp = nullptr;
    QLabel *m_error = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_adding = false;
};
