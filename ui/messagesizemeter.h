#pragma once

#include <QLabel>

class ChatSession;
class MessageInput;

// The input's size counter: how large the frame of the typed message would be against the
// server's max_message_bytes (from welcome), shown past WarnPercent of it ("1 980 / 2 048
// bytes"), in the error colour past the limit, hidden below. fits() tells the Send button.
class MessageSizeMeter final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageSizeMeter)

public:
    // The share of the limit from which the counter shows.
    static constexpr int WarnPercent = 80;

    // Measures what input holds, for the session's current room (neither owned).
    MessageSizeMeter(ChatSession *session, MessageInput *input, QWidget *parent = nullptr);
    ~MessageSizeMeter() override;

    // False when the typed message's frame is over the server's limit.
    bool fits() const { return m_fits; }
    // The counter's words: "1 980 / 2 048 bytes" (groups of three digits, spaces between).
    static QString describe(qint64 bytes, qint64 limit);

    // Measures again (the text, the room or the limit changed); emits fitsChanged() on a change.
    void measure();

signals:
    // fits() changed.
    void fitsChanged(bool fits);

protected:
    // Re-colours on a palette change.
    void changeEvent(QEvent *event) override;

private:
    ChatSession *m_session;
    MessageInput *m_input;
    bool m_fits = true;
    bool m_over = false; // shown in the error colour
};
