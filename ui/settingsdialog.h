#pragma once

#include "server/serverconfig.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

// Edits the server's configuration: port, who may connect, limits, history, notifications,
// join code, allowed origins and the room store's file. OK is offered only while every field is
// valid.
class QComboBox;
class QHostAddress;

class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    explicit SettingsDialog(QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // Shows config in the fields; fields the dialog does not edit are kept as they are.
    void setConfig(const ServerConfig &config);
    // The configuration as edited.
    ServerConfig config() const;
    // Shows a line saying the changes apply the next time the server starts.
    void setServerRunning(bool running);

    // Empty when every field is valid, else a sentence about the first one that is not.
    QString validationError() const;
    // Splits a comma-separated list of origins; false (and why) for one that is not an origin.
    // Selects address in combo, adding an "Only <address>" item when it is not one of the choices
    // (an address given with --bind stays choosable).
    static void selectBindAddress(QComboBox *combo, const QHostAddress &address);
    // base with the fields this dialog edits (port, bind address, limits, history, reminders,
    // join code, origins) taken from edited; the rest (record file, TLS) stays base's.
    static ServerConfig withEditedFields(const ServerConfig &base, const ServerConfig &edited);
    static bool parseOrigins(const QString &text, QStringList *origins, QString *error);

private:
    void validate();
    // Asks for the store's file (a new or existing one), then shows it in the field.
    void chooseStoreFile();

    ServerConfig m_config;
    QSpinBox *m_port = nullptr;
    QComboBox *m_bind = nullptr;
    QSpinBox *m_maxConnections = nullptr;
    QSpinBox *m_maxMessageBytes = nullptr;
    QSpinBox *m_rateLimit = nullptr;
    QSpinBox *m_history = nullptr;
    QDoubleSpinBox *m_notificationInterval = nullptr;
    QLineEdit *m_joinCode = nullptr;
    QLineEdit *m_allowedOrigins = nullptr;
    QLineEdit *m_storeFile = nullptr; // empty: no store
    QLabel *m_runningNote = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
