#pragma once

#include "client/chatlogmodel.h"

#include <QColor>
#include <QFont>
#include <QPalette>
#include <QString>
#include <QTextFormat>

class QTextBlock;
class QTextCharFormat;
class QTextCursor;
class QTextDocument;

// Writes chat log entries into a QTextDocument as formatted blocks, one block per entry: a
// hanging indent after the time column, the sender's name in its colour, tints for own, direct
// and error lines. Text is inserted as text, never as HTML: http(s) links become anchors by their
// char format, @mentions are styled (the reader's own tints the whole line), and the host's
// messages carry a "host" badge no member can get. The caller batches (edit blocks).
class ChatLogRenderer
{
public:
    // Renders into document (not owned), with the colours of palette and the metrics of font.
    ChatLogRenderer(QTextDocument *document, const QPalette &palette, const QFont &font);

    // Takes new colours and metrics (a theme change); entries already written keep theirs.
    void setStyle(const QPalette &palette, const QFont &font);
    // The reader's own name, whose @mentions highlight a line; entries already written keep theirs.
    void setReader(const QString &name) { m_reader = name; }
    // Empties the document.
    void clear();
    // Appends one entry as the document's last block; a room message's block carries its id as
    // its user state (messageId() reads it back), other lines -1.
    void append(const ChatLogEntry &entry);
    // The id of the room message a block shows; 0 for other lines.
    static qint64 messageId(const QTextBlock &block);

    // The colour a name is shown in: the same name the same colour in every window, lighter on
    // dark themes.
    static QColor nameColor(const QString &key, const QPalette &palette);
    // Text made one block: line breaks become line separators, which toPlainText() gives as '\n'.
    static QString asOneBlock(QString text);
    // The char format property that marks the host's badge (true on the badge's characters).
    static constexpr int HostBadgeProperty = QTextFormat::UserProperty + 1;

private:
    // Inserts a message's text at cursor in format plain: links as anchors, mentions styled.
    void insertMessageText(QTextCursor &cursor, const QString &text, const QTextCharFormat &plain);
    // Inserts the host's badge at cursor.
    void insertHostBadge(QTextCursor &cursor);

    QString m_reader;
    QTextDocument *m_document;
    QPalette m_palette;
    QFont m_font;
    bool m_empty = true; // the document holds only its first, empty block
};
