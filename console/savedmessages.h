#pragma once

#include <QList>
#include <QString>
#include <QUrl>

// A message a client window keeps under a name: what its send area held.
struct SavedMessage
{
    enum Kind { Text, Json, BinaryHex, File };

    QString name;
    Kind kind = Text;
    QString body; // the editor's text; for File, the file's path
};

// The messages saved for one URL (its scheme, host, port and path: the query, which carries join
// codes and names, and the fragment do not count), kept in the application's QSettings under
// "savedMessages/<the URL, percent-encoded>" so that they last across runs. Widget-free; a
// client window lists them.
class SavedMessages final
{
public:
    // The messages saved for url.
    explicit SavedMessages(const QUrl &url);

    // The URL the messages are kept under: url without its query, fragment and user info.
    static QUrl key(const QUrl &url);
    // The URL (as key()) these messages belong to.
    QUrl url() const { return m_url; }

    // The saved messages, sorted by name (case-insensitively).
    QList<SavedMessage> list() const;
    // The message saved as name; a message with an empty name when there is none.
    SavedMessage find(const QString &name) const;
    // Saves message under its name, replacing one of the same name; false (nothing saved) when
    // the name is empty or blank.
    bool save(const SavedMessage &message);
    // Deletes the message saved as name; false when there was none.
    bool remove(const QString &name);

private:
    // Writes messages as the whole list for this URL.
    void write(const QList<SavedMessage> &messages) const;
    // The QSettings group of this URL.
    QString group() const;

    QUrl m_url;
};
