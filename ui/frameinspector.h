#pragma once

#include "protocol/inspectedframe.h"
#include "server/serverevent.h"

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QTextBrowser;
class FrameFilterModel;
class FrameListModel;
class FramesView;
class ServerSession;

// The Frame Inspector window: pick a member and see its opening handshake (with how
// Sec-WebSocket-Accept follows from Sec-WebSocket-Key, step by step, checked against the header
// the server sent), then every frame in and out, bounded, pausable, clearable and filterable.
// Its member picker follows the session's rooms model; it only talks to the server through the
// host's queued calls and the manager's inspection signals.
class FrameInspector final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FrameInspector)

public:
    static constexpr int MaxFrames = 5000;

    // Inspects members of session's server; the picker lists the session's members.
    explicit FrameInspector(ServerSession *session, QWidget *parent = nullptr);
    // Stops the inspection, so the member's socket stops tapping.
    ~FrameInspector() override;

    // Starts inspecting memberId (selecting it in the picker); the handshake and frames follow.
    void inspect(const QString &memberId);
    // Stops inspecting; the frames shown stay.
    void stop();
    // The member being inspected, or empty.
    QString inspectedMemberId() const { return m_inspectedId; }

    // While paused, frames are held (up to MaxFrames) instead of shown; resuming shows them.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    // Frames that came while paused, not shown yet.
    int heldFrames() const { return int(m_held.size()); }
    // Forgets the frames shown and held.
    void clearFrames();
    // Font size steps above (or below) the default.
    void zoomIn();
    void zoomOut();
    int zoom() const { return m_zoom; }

    // The frames shown (the frames view's model), and as filtered.
    FrameListModel *frameModel() const;
    FrameFilterModel *filterModel() const;
    // The table, detail pane and filters of the frames.
    FramesView *framesView() const { return m_view; }
    QComboBox *memberPicker() const { return m_picker; }
    // The handshake pane as plain text.
    QString handshakeText() const;
    // The detail pane's text (the selected frame).
    QString detailText() const;
    // Selects a row of the table as filtered; the detail pane shows it.
    void selectFrame(int row);
    // The status line ("Inspecting …", "Paused …", "Ended: …").
    QString statusText() const;

    // Shows a handshake: the request, the Accept steps, the response. Called for
    // inspectionStarted(); public so that what it explains can be shown on its own.
    void showHandshake(const InspectionHandshake &handshake);
    // The handshake pane's HTML for a handshake.
    static QString handshakeHtml(const InspectionHandshake &handshake);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    // The picker from the rooms model anew (a snapshot, a stop), keeping the choice if listed.
    void reloadMembers();
    // The picker follows the rooms model after a batch that connected, disconnected or renamed
    // someone: new members added, names updated, gone ones removed, except the inspected member
    // (its frames are still shown).
    void followMembers(const ServerEventList &events);
    void onFrames(const QString &memberId, const InspectedFrameList &frames, int dropped);
    void onEnded(const QString &memberId, const QString &reason);
    void onPicked(int index);
    void addMember(const QString &id, const QString &name);
    void applyZoom();
    void updateStatus();

    ServerSession *m_session;
    QString m_inspectedId;
    QString m_inspectedName;
    QString m_ended; // why the last inspection ended
    bool m_paused = false;
    InspectedFrameList m_held;
    qint64 m_droppedTotal = 0;
    int m_zoom = 0;
    int m_baseFontSize = 0;
    bool m_picking = false; // the picker is being filled, not picked

    FramesView *m_view = nullptr;
    QComboBox *m_picker = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_clearAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_stopAction = nullptr;
    QTextBrowser *m_handshakeView = nullptr;
    QLabel *m_status = nullptr;
};
