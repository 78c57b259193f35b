#include "chatlogrenderer.h"

#include "client/chattext.h"
#include "console/palettecolors.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QTextBlock>
#include <QTextBlockFormat>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QTextDocument>

#include <algorithm>
#include <climits>

ChatLogRenderer::ChatLogRenderer(QTextDocument *document, const QPalette &palette,
                                 const QFont &font)
    : m_document(document)
    , m_palette(palette)
    , m_font(font)
{ }

void ChatLogRenderer::setStyle(const QPalette &palette, const QFont &font)
{
    m_palette = palette;
    m_font = font;
}

void ChatLogRenderer::clear()
{
    m_document->clear();
    m_empty = true;
}

qint64 ChatLogRenderer::messageId(const QTextBlock &block)
{
    return std::max(0, block.userState());
}

QColor ChatLogRenderer::nameColor(const QString &key, const QPalette &palette)
{
    const bool dark = PaletteColors::isDark(palette);
    const int hue = int(qHash(key, 0) % 360);
    return QColor::fromHsl(hue, 170, dark ? 175 : 90);
}

// A paragraph break would split an entry into blocks (and its background into stripes); line
// separators keep a multi-line message one block, and toPlainText() still gives '\n'.
QString ChatLogRenderer::asOneBlock(QString text)
{
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(u'\r', u'\n');
    text.replace(u'\n', QChar::LineSeparator);
    text.replace(QChar::ParagraphSeparator, QChar::LineSeparator);
    return text;
}

void ChatLogRenderer::append(const ChatLogEntry &entry)
{
    using Kind = ChatLogEntry::Kind;
    const QPalette &pal = m_palette;
    const bool dark = PaletteColors::isDark(pal);
    const QColor textColor = pal.color(QPalette::Text);
    const QColor dimColor = pal.color(QPalette::PlaceholderText);
    const QColor errorColor = PaletteColors::error(pal);
    const QColor directColor = dark ? QColor(0xce, 0x93, 0xd8) : QColor(0x7b, 0x1f, 0xa2);
    QColor ownTint = pal.color(QPalette::Highlight);
    ownTint.setAlpha(dark ? 60 : 28);
    QColor directTint = directColor;
    directTint.setAlpha(dark ? 45 : 22);
    QColor errorTint = errorColor;
    errorTint.setAlpha(dark ? 40 : 18);
    // A line that names the reader stands out from every other tint.
    const QColor mentionTint = dark ? QColor(0x6d, 0x55, 0x10) : QColor(0xff, 0xf0, 0xb3);
    const bool mentionsReader
        = entry.kind == Kind::Message && !entry.own && ChatText::mentions(entry.text, m_reader);

    const QFontMetrics metrics(m_font);
    const int indent = metrics.horizontalAdvance(QStringLiteral("00:00")) + 12;

    QTextBlockFormat block;
    block.setTopMargin(2);
    block.setBottomMargin(2);
    block.setLeftMargin(4 + indent);
    block.setRightMargin(4);
    // A hanging indent: continuation lines line up after the time column.
    block.setTextIndent(-indent);
    switch (entry.kind) {
    case Kind::Message:
        if (entry.own)
            block.setBackground(ownTint);
        else if (mentionsReader)
            block.setBackground(mentionTint);
        break;
    case Kind::Direct:
        block.setBackground(directTint);
        break;
    case Kind::Error:
        block.setBackground(errorTint);
        break;
    case Kind::Divider:
        block.setAlignment(Qt::AlignHCenter);
        block.setLeftMargin(4);
        block.setTextIndent(0);
        block.setTopMargin(8);
        block.setBottomMargin(4);
        break;
    case Kind::Notice:
    case Kind::Status:
        break;
    }

    QTextCursor cursor(m_document);
    cursor.movePosition(QTextCursor::End);
    if (m_empty)
        cursor.setBlockFormat(block);
    else
        cursor.insertBlock(block, QTextCharFormat());
    m_empty = false;
    // Lets a window find a message's line again (a search match) without a table of blocks.
    const bool numbered = entry.kind == Kind::Message && entry.id > 0 && entry.id <= INT_MAX;
    cursor.block().setUserState(numbered ? int(entry.id) : -1);

    QTextCharFormat plain;
    plain.setForeground(entry.earlier ? dimColor : textColor);
    QTextCharFormat dim;
    dim.setForeground(dimColor);

    if (entry.kind == Kind::Divider) {
        QTextCharFormat divider = dim;
        divider.setFontPointSize(m_font.pointSizeF() * 0.9);
        cursor.insertText(QStringLiteral("──────  %1  ──────").arg(asOneBlock(entry.text)),
                          divider);
        return;
    }
    cursor.insertText(entry.time, dim);
    cursor.insertText(QStringLiteral("   "), dim);
    switch (entry.kind) {
    case Kind::Message:
    case Kind::Direct: {
        QTextCharFormat name;
        name.setFontWeight(QFont::Bold);
        QColor color = entry.kind == Kind::Direct ? directColor
            : entry.fromHost                      ? errorColor
                                                  : nameColor(entry.senderKey, pal);
        if (entry.earlier)
            color.setAlpha(150);
        name.setForeground(color);
        // Keyed on the sender's id (fromHost), not on a name anyone could take.
        if (entry.fromHost && entry.kind == Kind::Message)
            insertHostBadge(cursor);
        cursor.insertText(asOneBlock(entry.sender), name);
        cursor.insertText(QStringLiteral("  "), plain);
        insertMessageText(cursor, entry.text, plain);
        break;
    }
    case Kind::Notice: {
        QTextCharFormat notice = dim;
        notice.setFontItalic(true);
        cursor.insertText(asOneBlock(entry.text), notice);
        break;
    }
    case Kind::Status: {
        QTextCharFormat status = dim;
        status.setFontWeight(QFont::DemiBold);
        cursor.insertText(asOneBlock(entry.text), status);
        break;
    }
    case Kind::Error: {
        QTextCharFormat error;
        error.setForeground(errorColor);
        cursor.insertText(QStringLiteral("\u26A0 ") + asOneBlock(entry.text), error);
        break;
    }
    case Kind::Divider:
        break;
    }
}

void ChatLogRenderer::insertHostBadge(QTextCursor &cursor)
{
    const bool dark = PaletteColors::isDark(m_palette);
    QTextCharFormat badge;
    badge.setBackground(PaletteColors::error(m_palette));
    badge.setForeground(dark ? QColor(0x20, 0x10, 0x10) : QColor(Qt::white));
    badge.setFontWeight(QFont::Bold);
    badge.setFontPointSize(m_font.pointSizeF() * 0.85);
    badge.setProperty(HostBadgeProperty, true);
    badge.setToolTip(QCoreApplication::translate("ChatLogRenderer",
                                                 "Sent by the host's console: no member can "
                                                 "send with this badge"));
    cursor.insertText(QStringLiteral("\u00A0%1\u00A0")
                          .arg(QCoreApplication::translate("ChatLogRenderer", "host")),
                      badge);
    cursor.insertText(QStringLiteral(" "), QTextCharFormat());
}

void ChatLogRenderer::insertMessageText(QTextCursor &cursor, const QString &text,
                                        const QTextCharFormat &plain)
{
    const QColor linkColor = m_palette.color(QPalette::Link);
    for (const ChatText::Span &span : ChatText::spans(text, m_reader)) {
        const QString run = asOneBlock(text.mid(span.start, span.length));
        QTextCharFormat format = plain;
        switch (span.kind) {
        case ChatText::Span::Kind::Text:
            break;
        case ChatText::Span::Kind::Link:
            // An anchor by its format: the text is still inserted as text, never parsed.
            format.setAnchor(true);
            format.setAnchorHref(span.url.toString(QUrl::FullyEncoded));
            format.setForeground(linkColor);
            format.setFontUnderline(true);
            format.setToolTip(span.url.toDisplayString());
            break;
        case ChatText::Span::Kind::Mention:
            format.setFontWeight(QFont::DemiBold);
            break;
        case ChatText::Span::Kind::OwnMention:
            format.setFontWeight(QFont::Bold);
            format.setForeground(linkColor);
            break;
        }
        cursor.insertText(run, format);
    }
}
