#pragma once

#include <QTextBrowser>

class QContextMenuEvent;
class QResizeEvent;

// The chat window's message view: text selectable with the mouse and copied with Ctrl+C, a
// context menu that copies a whole message, http(s) links that open in the browser (nothing
// else opens), and a view that stays at the bottom while it is resized (the input under it
// grows) if it was at the bottom before.
class ChatLogView final : public QTextBrowser
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatLogView)

public:
    // An empty, read-only view that opens no link by itself.
    explicit ChatLogView(QWidget *parent = nullptr);
    ~ChatLogView() override;

    // The text of the line at pos (viewport coordinates) as it reads, "HH:mm   name  text",
    // with its line breaks; empty where there is no line.
    QString lineAt(const QPoint &pos) const;
    // Puts the line at pos on the clipboard; false when there is none.
    bool copyLineAt(const QPoint &pos);
    // Builds the context menu for pos: the standard one (Copy, Select All), Copy Message, and
    // the sound option. The caller owns it.
    QMenu *createMenu(const QPoint &pos);

    // Whether a mention or a direct message also beeps (a setting, off by default).
    static bool soundEnabled();
    // Stores the sound setting.
    static void setSoundEnabled(bool enabled);

signals:
    // An http(s) link was clicked and handed to the desktop.
    void linkOpened(const QUrl &url);

protected:
    // Opens the menu of createMenu() without a nested event loop.
    void contextMenuEvent(QContextMenuEvent *event) override;
    // Keeps the bottom in view when the view was at the bottom before it shrank or grew.
    void resizeEvent(QResizeEvent *event) override;

private:
    // Opens url if it is http(s); anything else is ignored.
    void openLink(const QUrl &url);

    bool m_atBottom = true; // the reader was following the end when last scrolled
};
