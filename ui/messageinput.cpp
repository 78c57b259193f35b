#include "messageinput.h"

#include <QAbstractTextDocumentLayout>
#include <QKeyEvent>

MessageInput::MessageInput(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setTabChangesFocus(true); // a chat line has no use for tabs, keyboard users need to move on
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    // Wrapped lines count too, and they change with the width as well as with the text.
    connect(document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, this,
            [this] { updateGeometry(); });
}

MessageInput::~MessageInput() = default;

QSize MessageInput::sizeHint() const
{
    // QPlainTextDocumentLayout measures its height in lines, wrapped lines included.
    const int lines
        = qBound(1, int(document()->documentLayout()->documentSize().height()), MaxVisibleLines);
    return {QPlainTextEdit::sizeHint().width(), heightForLines(lines)};
}

QSize MessageInput::minimumSizeHint() const
{
    return {QPlainTextEdit::minimumSizeHint().width(), sizeHint().height()};
}

void MessageInput::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter) {
        const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
        if (modifiers == Qt::NoModifier) {
            emit submitted(toPlainText());
            event->accept();
            return;
        }
        if (modifiers == Qt::ShiftModifier) {
            // A real paragraph break rather than the U+2028 line separator Qt would insert, so
            // that toPlainText() gives the plain '\n' the protocol carries.
            textCursor().insertBlock();
            ensureCursorVisible();
            event->accept();
            return;
        }
    }
    QPlainTextEdit::keyPressEvent(event);
}

int MessageInput::heightForLines(int lines) const
{
    const QMargins margins = contentsMargins();
    return lines * fontMetrics().lineSpacing() + int(2 * document()->documentMargin())
        + margins.top() + margins.bottom() + 2;
}
