#pragma once

#include <QString>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class ChatSearchModel;

// The chat window's search box (Ctrl+F): a line to type words in, a line that says how the
// search went (searching, how many matches, or why it failed, in words) and the matches of a
// ChatSearchModel under it (time, name, text). Enter searches; Escape closes; activating a
// match (Enter or a click) asks for it to be shown.
class ChatSearchPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatSearchPanel)

public:
    // A hidden panel listing model's matches (model not owned).
    explicit ChatSearchPanel(ChatSearchModel *model, QWidget *parent = nullptr);
    ~ChatSearchPanel() override;

    // Shows the panel with the search line focused and its text selected.
    void open();
    // Hides the panel and forgets the matches; emits closed().
    void close();
    // Says something under the search line (a match that cannot be shown, say).
    void setStatus(const QString &text);

signals:
    // Enter in the search line: the words to search for.
    void searchRequested(const QString &query);
    // A match was activated: show the message id of room.
    void matchActivated(const QString &room, qint64 id);
    // The panel was closed (Escape or its button).
    void closed();

protected:
    // Down in the search line moves to the matches.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // The status line for the model's state: searching, matches, nothing or its error.
    void updateStatus();

    ChatSearchModel *m_model;
    QLineEdit *m_edit = nullptr;
    QLabel *m_status = nullptr;
    QListView *m_results = nullptr;
};
