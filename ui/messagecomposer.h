#pragma once

#include "console/savedmessages.h"

#include <QByteArray>
#include <QString>
#include <QUrl>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

// A client window's send area: the message's kind (text, JSON, binary as hex, a file), its
// editor, its check as typed (the JSON error's line and column, bad hex), the size of the frames
// to cut it into, and the messages saved for the window's URL (SavedMessages) to reuse or delete.
// It says what to send; the window sends it.
class MessageComposer final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageComposer)

public:
    explicit MessageComposer(QWidget *parent = nullptr);
    ~MessageComposer() override;

    // The message to send: its bytes, and whether it goes as binary (hex, file) or text (text,
    // JSON). False, with the reason shown beside the editor, when it is not valid (JSON that does
    // not parse, bad hex, no file or one that cannot be read).
    bool message(QByteArray *bytes, bool *binary);
    // The message's bytes as they would be sent, even if invalid (for Copy as); binary as above.
    QByteArray messageBytes(bool *binary) const;
    // The payload bytes per frame to cut a message into; 0: one frame.
    int frameSize() const;
    // Sets the frame size (0: one frame).
    void setFrameSize(int bytes);

    // The kind of message being composed.
    SavedMessage::Kind kind() const;
    // Switches the kind; the editor keeps its text.
    void setKind(SavedMessage::Kind kind);
    // The editor's text (for File: the chosen file's path).
    QString text() const;
    // Replaces the editor's text (for File: chooses that file).
    void setText(const QString &text);
    // Why the message is not valid, as shown beside the editor; empty when it is.
    QString errorText() const;
    // Re-indents the JSON in the editor; false (nothing changed) when it is not JSON.
    bool prettyPrint();

    // Lists the messages saved for url (its query does not count).
    void setUrl(const QUrl &url);
    // The names of the messages saved for the URL, as listed.
    QStringList savedNames() const;
    // Saves the message being composed as name for the URL; false when the name is blank.
    bool saveAs(const QString &name);
    // Puts the message saved as name into the editor, with its kind; false when there is none.
    bool loadSaved(const QString &name);
    // Deletes the message saved as name; false when there was none.
    bool deleteSaved(const QString &name);

signals:
    // The Send button was clicked.
    void sendRequested();

private:
    // Shows the editor's problem, if any, beside it; enables Pretty-print for JSON.
    void check();
    // Lists the saved messages again.
    void refreshSaved();
    // Asks for a name, then saves the message as it.
    void promptSave();
    // Asks for a file to send.
    void chooseFile();
    // Shows the editor or the file row, as the kind needs.
    void onKindChanged();

    QUrl m_url;
    QString m_filePath;
    QComboBox *m_kindCombo = nullptr;
    QPlainTextEdit *m_editor = nullptr;
    QPushButton *m_fileButton = nullptr;
    QLabel *m_fileLabel = nullptr;
    QPushButton *m_prettyButton = nullptr;
    QSpinBox *m_frameSizeSpin = nullptr;
    QLabel *m_errorLabel = nullptr;
    QPushButton *m_sendButton = nullptr;
    QListWidget *m_savedList = nullptr;
    QPushButton *m_deleteButton = nullptr;
};
