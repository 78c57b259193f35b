#pragma once

#include <QDialog>

class QDoubleSpinBox;
class QLineEdit;
class QPushButton;

// Notifications for the notifications dialect (/ws/notifications/{client_id}): a text sent now
// to every such client, and the interval of the reminders the server sends each of them. Not
// modal: the host sends several while watching the room.
class NotificationDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationDialog)

public:
    explicit NotificationDialog(QWidget *parent = nullptr);
    ~NotificationDialog() override;

    // The interval shown, in seconds; 0: off. Does not emit intervalChanged().
    void setInterval(double seconds);
    double interval() const;
    // The text field (for tests and focus).
    QLineEdit *textEdit() const { return m_text; }

signals:
    // "Send Now" with this (trimmed, non-empty) text.
    void sendRequested(const QString &text);
    // The host set a new interval, in seconds; 0: off.
    void intervalChanged(double seconds);

private:
    QLineEdit *m_text = nullptr;
    QPushButton *m_sendButton = nullptr;
    QDoubleSpinBox *m_interval = nullptr;
};
