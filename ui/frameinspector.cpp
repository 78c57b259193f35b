#include "frameinspector.h"

#include "console/framelistmodel.h"
#include "console/palettecolors.h"
#include "console/roomsmodel.h"
#include "console/serversession.h"
#include "framesview.h"
#include "protocol/httprequesthead.h"
#include "protocol/websocketaccept.h"
#include "server/hosttext.h"
#include "server/roommanager.h"
#include "server/serverhost.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QLabel>
#include <QSet>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace {

QString esc(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes).toHtmlEscaped();
}

// A header's value from a response head, matched case-insensitively; empty if absent.
QByteArray responseHeader(const QByteArray &head, const QByteArray &name)
{
    const QList<QByteArray> lines = head.split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

} // namespace

FrameInspector::FrameInspector(ServerSession *session, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_session(session)
    , m_view(new FramesView(MaxFrames, this))
{
    setObjectName(QStringLiteral("frameInspector"));
    setWindowTitle(tr("Frame Inspector — wsroom"));

    // Member picker and actions.
    m_picker = new QComboBox;
    m_picker->setObjectName(QStringLiteral("memberPicker"));
    m_picker->setMinimumContentsLength(24);
    m_picker->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_picker->addItem(tr("(pick a member)"), QString());
    connect(m_picker, &QComboBox::currentIndexChanged, this, &FrameInspector::onPicked);

    m_pauseAction = new QAction(tr("&Pause"), this);
    m_pauseAction->setObjectName(QStringLiteral("actionPause"));
    m_pauseAction->setCheckable(true);
    m_pauseAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_pauseAction->setToolTip(tr("Hold new frames instead of showing them (Ctrl+P)"));
    connect(m_pauseAction, &QAction::toggled, this, &FrameInspector::setPaused);

    m_clearAction = new QAction(tr("&Clear"), this);
    m_clearAction->setObjectName(QStringLiteral("actionClear"));
    m_clearAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_clearAction->setToolTip(tr("Forget the frames shown (Ctrl+L)"));
    connect(m_clearAction, &QAction::triggered, this, &FrameInspector::clearFrames);

    m_stopAction = new QAction(tr("&Stop"), this);
    m_stopAction->setObjectName(QStringLiteral("actionStop"));
    m_stopAction->setToolTip(tr("Stop inspecting this member"));
    connect(m_stopAction, &QAction::triggered, this, &FrameInspector::stop);

    m_zoomInAction = new QAction(tr("Zoom &In"), this);
    m_zoomInAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence(Qt::CTRL | Qt::Key_Plus)});
    connect(m_zoomInAction, &QAction::triggered, this, &FrameInspector::zoomIn);
    m_zoomOutAction = new QAction(tr("Zoom &Out"), this);
    m_zoomOutAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Minus));
    connect(m_zoomOutAction, &QAction::triggered, this, &FrameInspector::zoomOut);
    for (QAction *action :
         {m_pauseAction, m_clearAction, m_stopAction, m_zoomInAction, m_zoomOutAction})
        action->setShortcutContext(Qt::WindowShortcut);

    auto *bar = new QToolBar;
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addWidget(new QLabel(tr("Member: ")));
    bar->addWidget(m_picker);
    bar->addAction(m_stopAction);
    bar->addSeparator();
    bar->addAction(m_pauseAction);
    bar->addAction(m_clearAction);
    bar->addSeparator();
    const QList<QWidget *> filters = m_view->filterWidgets();
    for (QWidget *filter : filters)
        bar->addWidget(filter);
    bar->addSeparator();
    bar->addAction(m_zoomOutAction);
    bar->addAction(m_zoomInAction);

    // Panes.
    m_handshakeView = new QTextBrowser;
    m_handshakeView->setObjectName(QStringLiteral("handshakeView"));
    m_handshakeView->setOpenLinks(false);
    m_handshakeView->setHtml(
        tr("<p>Pick a member to see its opening handshake and every frame it sends and "
           "receives.</p>"));

    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_handshakeView);
    split->addWidget(m_view);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("inspectorStatus"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(bar);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);
    addActions({m_pauseAction, m_clearAction, m_zoomInAction, m_zoomOutAction});

    m_baseFontSize = font().pointSize() > 0 ? font().pointSize() : 10;
    resize(1100, 760);

    // The members are the session's; the frames come from the server's inspection signals.
    connect(m_session, &ServerSession::snapshotLoaded, this, &FrameInspector::reloadMembers);
    connect(m_session, &ServerSession::stopped, this, &FrameInspector::reloadMembers);
    connect(m_session, &ServerSession::eventsApplied, this, &FrameInspector::followMembers);
    RoomManager *manager = m_session->host()->manager();
    connect(manager, &RoomManager::inspectionStarted, this, &FrameInspector::showHandshake);
    connect(manager, &RoomManager::framesInspected, this, &FrameInspector::onFrames);
    connect(manager, &RoomManager::inspectionEnded, this, &FrameInspector::onEnded);
    reloadMembers();
    updateStatus();
}

FrameInspector::~FrameInspector()
{
    if (!m_inspectedId.isEmpty())
        m_session->host()->stopInspecting();
}

void FrameInspector::closeEvent(QCloseEvent *event)
{
    stop();
    QWidget::closeEvent(event);
}

void FrameInspector::reloadMembers()
{
    const RoomsModel *rooms = m_session->roomsModel();
    m_picking = true;
    const QString current = m_picker->currentData().toString();
    while (m_picker->count() > 1)
        m_picker->removeItem(1);
    const QStringList ids = rooms->memberIds();
    for (const QString &id : ids)
        addMember(id, rooms->memberName(id));
    const int index = m_picker->findData(current.isEmpty() ? m_inspectedId : current);
    m_picker->setCurrentIndex(qMax(0, index));
    m_picking = false;
}

void FrameInspector::followMembers(const ServerEventList &events)
{
    // Only connections, disconnections and renames change the picker: a batch of messages
    // (a flood's every batch) must not cost a pass over every member on the GUI thread.
    const bool membersChanged
        = std::any_of(events.cbegin(), events.cend(), [](const ServerEvent &event) {
              const ServerEvent::Kind kind = event.kind();
              return kind == ServerEvent::Kind::Connected || kind == ServerEvent::Kind::Disconnected
                  || kind == ServerEvent::Kind::Renamed;
          });
    if (!membersChanged)
        return;
    const RoomsModel *rooms = m_session->roomsModel();
    const QStringList ids = rooms->memberIds();
    const QSet<QString> connected(ids.cbegin(), ids.cend());
    QSet<QString> listed;
    m_picking = true;
    for (int i = m_picker->count() - 1; i > 0; --i) {
        const QString id = m_picker->itemData(i).toString();
        if (!connected.contains(id)) {
            // The inspected member stays listed (its frames are still shown) until another pick.
            if (id != m_inspectedId)
                m_picker->removeItem(i);
            continue;
        }
        listed.insert(id);
        const QString name = rooms->memberName(id);
        const QString text = QStringLiteral("%1 (%2)").arg(name, id);
        if (m_picker->itemText(i) != text)
            m_picker->setItemText(i, text);
        if (id == m_inspectedId)
            m_inspectedName = name;
    }
    for (const QString &id : ids) {
        if (!listed.contains(id))
            m_picker->addItem(QStringLiteral("%1 (%2)").arg(rooms->memberName(id), id), id);
    }
    m_picking = false;
    updateStatus();
}

void FrameInspector::addMember(const QString &id, const QString &name)
{
    if (m_picker->findData(id) > 0)
        return;
    m_picker->addItem(QStringLiteral("%1 (%2)").arg(name, id), id);
}

void FrameInspector::onPicked(int index)
{
    if (m_picking)
        return;
    const QString id = m_picker->itemData(index).toString();
    if (id.isEmpty())
        stop();
    else if (id != m_inspectedId)
        inspect(id);
}

void FrameInspector::inspect(const QString &memberId)
{
    if (memberId.isEmpty())
        return;
    if (m_picker->findData(memberId) < 0)
        addMember(memberId, memberId);
    m_picking = true;
    m_picker->setCurrentIndex(m_picker->findData(memberId));
    m_picking = false;
    m_inspectedId = memberId;
    m_inspectedName = m_picker->currentText().section(QLatin1String(" ("), 0, 0);
    m_ended.clear();
    clearFrames();
    m_handshakeView->setHtml(tr("<p>Waiting for the server…</p>"));
    m_session->host()->inspect(memberId);
    updateStatus();
}

void FrameInspector::stop()
{
    if (m_inspectedId.isEmpty())
        return;
    m_session->host()->stopInspecting();
    m_ended = tr("stopped");
    m_inspectedId.clear();
    updateStatus();
}

void FrameInspector::onFrames(const QString &memberId, const InspectedFrameList &frames,
                              int dropped)
{
    if (memberId != m_inspectedId)
        return; // a batch from before the last pick
    m_droppedTotal += dropped;
    if (m_paused) {
        m_held += frames;
        if (m_held.size() > MaxFrames) {
            m_droppedTotal += m_held.size() - MaxFrames;
            m_held.remove(0, m_held.size() - MaxFrames);
        }
        updateStatus();
        return;
    }
    m_view->append(frames);
    updateStatus();
}

void FrameInspector::onEnded(const QString &memberId, const QString &reason)
{
    if (memberId != m_inspectedId)
        return;
    m_ended = HostText::translated(reason);
    m_inspectedId.clear();
    updateStatus();
}

void FrameInspector::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    m_pauseAction->setChecked(paused);
    if (!paused && !m_held.isEmpty()) {
        m_view->append(m_held);
        m_held.clear();
        m_view->table()->scrollToBottom();
    }
    updateStatus();
}

void FrameInspector::clearFrames()
{
    m_view->clear();
    m_held.clear();
    m_droppedTotal = 0;
    updateStatus();
}

void FrameInspector::showHandshake(const InspectionHandshake &handshake)
{
    if (!m_inspectedId.isEmpty() && handshake.memberId != m_inspectedId)
        return;
    if (!handshake.memberName.isEmpty())
        m_inspectedName = handshake.memberName;
    m_handshakeView->setHtml(handshakeHtml(handshake));
    updateStatus();
}

QString FrameInspector::handshakeHtml(const InspectionHandshake &handshake)
{
    HttpRequestHead head;
    head.parse(handshake.request);
    const QByteArray key = head.header("Sec-WebSocket-Key");
    const QByteArray sent = responseHeader(handshake.response, "Sec-WebSocket-Accept");
    const QByteArray accept = WebSocketAccept::compute(key);

    QString html;
    html += QStringLiteral("<h3>%1</h3>")
                .arg(tr("Opening handshake of %1 (%2) from %3")
                         .arg(handshake.memberName.toHtmlEscaped(),
                              handshake.memberId.toHtmlEscaped(), handshake.peer.toHtmlEscaped()));
    html += tr("<p><b>1. The client asks to upgrade</b> an HTTP request to a WebSocket:</p>");
    html += QStringLiteral("<pre>%1</pre>")
                .arg(handshake.request.isEmpty() ? tr("(not recorded)")
                                                 : esc(handshake.request.trimmed()));
    html += tr("<p><b>2. The server proves it understood</b> by deriving "
               "<code>Sec-WebSocket-Accept</code> from <code>Sec-WebSocket-Key</code> "
               "(RFC 6455, section 4.2.2):</p>");
    html += QStringLiteral("<table cellspacing='0' cellpadding='3' border='1' "
                           "style='border-collapse: collapse'>");
    auto row = [&html](const QString &step, const QString &what, const QString &value) {
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td><tt>%3</tt></td></tr>")
                    .arg(step, what, value);
    };
    if (key.isEmpty()) {
        row(QStringLiteral("a"), tr("Sec-WebSocket-Key"), tr("(missing)"));
    } else {
        row(QStringLiteral("a"), tr("Sec-WebSocket-Key from the client (16 random bytes, base64)"),
            esc(key));
        row(QStringLiteral("b"),
            tr("append the fixed GUID <tt>%1</tt>").arg(QLatin1String(WebSocketAccept::Guid)),
            esc(WebSocketAccept::concatenated(key)));
        row(QStringLiteral("c"), tr("SHA-1 of that (20 bytes, in hex)"),
            QString::fromLatin1(WebSocketAccept::sha1(key).toHex()));
        row(QStringLiteral("d"), tr("base64 of those 20 bytes = the expected Accept"),
            QString::fromLatin1(accept));
        QString verdict;
        if (sent.isEmpty())
            verdict = tr("(the response was not seen)");
        else if (sent == accept)
            verdict = QStringLiteral("%1 &nbsp;<span style='color:%3'>\u2713 %2</span>")
                          .arg(esc(sent), tr("matches"), PaletteColors::ok().name());
        else
            verdict = QStringLiteral("%1 &nbsp;<span style='color:%3'>\u2717 %2</span>")
                          .arg(esc(sent), tr("does not match"), PaletteColors::error().name());
        row(QStringLiteral("e"), tr("Sec-WebSocket-Accept the server sent"), verdict);
    }
    html += QStringLiteral("</table>");
    html += tr("<p><b>3. The server switches protocols;</b> from here on both sides send "
               "frames:</p>");
    html += QStringLiteral("<pre>%1</pre>")
                .arg(handshake.response.isEmpty() ? tr("(not seen)")
                                                  : esc(handshake.response.trimmed()));
    return html;
}

QString FrameInspector::handshakeText() const
{
    return m_handshakeView->toPlainText();
}

FrameListModel *FrameInspector::frameModel() const
{
    return m_view->frameModel();
}

FrameFilterModel *FrameInspector::filterModel() const
{
    return m_view->filterModel();
}

QString FrameInspector::detailText() const
{
    return m_view->detailText();
}

void FrameInspector::selectFrame(int row)
{
    m_view->selectFrame(row);
}

void FrameInspector::zoomIn()
{
    if (m_zoom >= 12)
        return;
    ++m_zoom;
    applyZoom();
}

void FrameInspector::zoomOut()
{
    if (m_baseFontSize + m_zoom * 2 <= 6)
        return;
    --m_zoom;
    applyZoom();
}

void FrameInspector::applyZoom()
{
    // The frames view keeps its detail pane fixed-width and its rows fitting by itself.
    const int size = m_baseFontSize + m_zoom * 2;
    for (QWidget *widget :
         {static_cast<QWidget *>(m_view), static_cast<QWidget *>(m_handshakeView)}) {
        QFont font = widget->font();
        font.setPointSize(size);
        widget->setFont(font);
    }
}

QString FrameInspector::statusText() const
{
    return m_status->text();
}

void FrameInspector::updateStatus()
{
    QString text;
    if (!m_inspectedId.isEmpty())
        text = tr("Inspecting %1 (%2).").arg(m_inspectedName, m_inspectedId);
    else if (!m_ended.isEmpty())
        text = tr("Inspection ended: %1.").arg(m_ended);
    else
        text = tr("Not inspecting.");
    const int shown = m_view->frameModel()->rowCount();
    text += QLatin1Char(' ') + (shown == 1 ? tr("1 frame shown") : tr("%1 frames shown").arg(shown))
        + tr(" (the last %1 are kept)").arg(MaxFrames);
    if (m_paused) {
        const int held = int(m_held.size());
        text += QLatin1Char(' ')
            + (held == 1 ? tr("— paused, 1 frame held") : tr("— paused, %1 frames held").arg(held));
    }
    if (m_droppedTotal > 0)
        text += QLatin1Char(' ') + tr("— %1 dropped in floods").arg(m_droppedTotal);
    m_status->setText(text);
    m_stopAction->setEnabled(!m_inspectedId.isEmpty());
}
