#pragma once

#include <QObject>
#include <QPointer>

#include <functional>

class QMessageBox;
class QWidget;
class ServerSession;

// Asks the host before a command drops the class: Stop, Quit and closing the main window
// disconnect every member. The question comes only while members (any: students, simulated
// clients, the host's own chat windows) are connected, and not at all once the host ticked
// "Don't ask again" (kept in the settings; setAsks(true) brings it back).
class DisconnectGuard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DisconnectGuard)

public:
    // Guards session's members; the question is window-modal over window (which parents this).
    DisconnectGuard(ServerSession *session, QWidget *window);

    // False once the host ticked "Don't ask again".
    static bool asks();
    // Asks again (true) or never (false) from now on, in every window.
    static void setAsks(bool asks);
    // How many members a stop would disconnect now (0 while the server does not listen).
    int connectedMembers() const;
    // True when confirm() would ask rather than proceed at once.
    bool wouldAsk() const;
    // Calls proceed at once when nobody would be disconnected or the host said not to ask, and
    // returns true; otherwise opens the question (it does not wait) and returns false: proceed
    // runs when the host answers "Stop the Server", nothing happens on Cancel.
    bool confirm(const std::function<void()> &proceed);
    // Closes the open question, if any, as Cancel would: its proceed does not run.
    void withdraw();

signals:
    // The host ticked "Don't ask again" in this guard's question (asks() is false now).
    void asksChanged(bool asks);

private:
    ServerSession *m_session;
    QWidget *m_window;
    QPointer<QMessageBox> m_question; // open: a second Ctrl+Q does not open another
};
