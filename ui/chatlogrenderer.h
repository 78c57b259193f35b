#pragma once

#include "client/chatlogmodel.h"

#include <QColor>
#include <QFont>
#include <QPalette>
#include <QString>

class QTextBlock;
class QTextDocument;

// Writes chat log entries into a QTextDocument as formatted blocks, one block per entry: a
// hanging indent after the time column, the sender's name in its colour, tints for own, direct
// and error lines. Text is inserted as text, never as HTML. The caller batches (edit blocks).
class ChatLogRenderer
{
public:
    // Renders into document (not owned), with the colours of palette and the metrics of font.
    ChatLogRenderer(QTextDocument *document, const QPalette &palette, const QFont &font);

    // Takes new colours and metrics (a theme change); entries already written keep theirs.
    void setStyle(const QPalette &palette, const QFont &font);
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

private:
    QTextDocument *m_document;
    QPalette m_palette;
    QFont m_font;
    bool m_empty = true; // the document holds only its first, empty block
};
