#pragma once

#include <QObject>

class QLabel;
class QStatusBar;
class ServerSession;
class StoreIndicator;

// The main window's status bar counters: connections, rooms, the in and out rates, the store
// and, while someone guesses the join code, how many addresses are locked out. Follows the
// session's rates.
class StatusCounters final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusCounters)

public:
    // Adds the counters to bar (which parents this object) and shows session's numbers.
    StatusCounters(ServerSession *session, QStatusBar *bar);

    // The store's indicator (the store file the next start opens).
    StoreIndicator *storeIndicator() const { return m_storeIndicator; }
    // Shows the session's counts and rates now; emits lockedOutChanged().
    void refresh();

signals:
    // count addresses are locked out for wrong join codes (0: none, also while stopped).
    void lockedOutChanged(int count);

private:
    ServerSession *m_session;
    QLabel *m_connectionsLabel = nullptr;
    QLabel *m_roomsLabel = nullptr;
    QLabel *m_inRateLabel = nullptr;
    QLabel *m_outRateLabel = nullptr;
    QLabel *m_lockoutLabel = nullptr; // shown while an address is locked out
    StoreIndicator *m_storeIndicator = nullptr;
};
