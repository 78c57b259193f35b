#pragma once

#include <QLabel>

class ServerSession;

// The status bar's word on the room store: its file name and size while the server runs
// ("Store: rooms.sqlite, 1.2 MB", the full path in the tool tip), in red with a warning sign and
// the reason when it cannot be written, "Store: none" without one; stopped, the file the next
// start uses.
class StoreIndicator final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreIndicator)

public:
    // An indicator following session's store and state.
    explicit StoreIndicator(ServerSession *session, QWidget *parent = nullptr);

    // Sets the text, tool tip and colour from the session; called on its changes.
    void refresh();

private:
    ServerSession *m_session;
};
