#pragma once

#include <QPlainTextEdit>

class QKeyEvent;

// The chat window's message box: Enter sends, Shift+Enter starts a new line, and the box grows
// with its text up to a few lines, then scrolls.
class MessageInput final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageInput)

public:
    // The most lines the box grows to before it scrolls.
    static constexpr int MaxVisibleLines = 5;

    // An empty box, one line tall, that wraps long lines rather than scrolling sideways.
    explicit MessageInput(QWidget *parent = nullptr);
    ~MessageInput() override;

    // The height of the text's lines (at least one, at most MaxVisibleLines).
    QSize sizeHint() const override;
    // The same as sizeHint(): the box is never squeezed below its text.
    QSize minimumSizeHint() const override;

signals:
    // Enter was pressed: the text as it is (the box is not cleared; the receiver decides).
    void submitted(const QString &text);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    int heightForLines(int lines) const;
};
