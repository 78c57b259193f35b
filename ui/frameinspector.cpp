#include "frameinspector.h"

#include "console/framefiltermodel.h"
#include "console/framelistmodel.h"
#include "console/roomsmodel.h"
#include "console/serversession.h"
#include "protocol/httprequesthead.h"
#include "protocol/websocketaccept.h"
#include "server/roommanager.h"
#include "server/serverhost.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
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
    , m_frames(new FrameListModel(MaxFrames, this))
    , m_filter(new FrameFilterModel(this))
{
    setObjectName(QStringLiteral("frameInspector"));
    setWindowTitle(tr("Frame Inspector — wsroom"));
    m_filter->setSourceModel(m_frames);

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

    m_directionCombo = new QComboBox;
    m_directionCombo->setObjectName(QStringLiteral("directionFilter"));
    m_directionCombo->addItem(tr("In and out"), int(FrameFilterModel::Direction::Both));
    m_directionCombo->addItem(tr("\u2192 In only"), int(FrameFilterModel::Direction::In));
    m_directionCombo->addItem(tr("\u2190 Out only"), int(FrameFilterModel::Direction::Out));
    connect(m_directionCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setDirection(
            FrameFilterModel::Direction(m_directionCombo->currentData().toInt()));
    });

    m_opcodeCombo = new QComboBox;
    m_opcodeCombo->setObjectName(QStringLiteral("opcodeFilter"));
    m_opcodeCombo->addItem(tr("All opcodes"), FrameFilterModel::AnyOpcode);
    m_opcodeCombo->addItem(tr("Data frames"), FrameFilterModel::DataFrames);
    m_opcodeCombo->addItem(tr("Control frames"), FrameFilterModel::ControlFrames);
    for (const int op : {0x1, 0x2, 0x0, 0x8, 0x9, 0xa})
        m_opcodeCombo->addItem(WebSocketFrameParser::opcodeName(op), op);
    connect(m_opcodeCombo, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setOpcode(m_opcodeCombo->currentData().toInt()); });

    m_searchEdit = new QLineEdit;
    m_searchEdit->setObjectName(QStringLiteral("searchEdit"));
    m_searchEdit->setPlaceholderText(tr("Search payloads"));
    m_searchEdit->setClearButtonEnabled(true);
    connect(m_searchEdit, &QLineEdit::textChanged, m_filter, &FrameFilterModel::setSearchText);

    auto *bar = new QToolBar;
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addWidget(new QLabel(tr("Member: ")));
    bar->addWidget(m_picker);
    bar->addAction(m_stopAction);
    bar->addSeparator();
    bar->addAction(m_pauseAction);
    bar->addAction(m_clearAction);
    bar->addSeparator();
    bar->addWidget(m_directionCombo);
    bar->addWidget(m_opcodeCombo);
    bar->addWidget(m_searchEdit);
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

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("frameTable"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setColumnWidth(FrameListModel::TimeColumn, 100);
    m_table->setColumnWidth(FrameListModel::DirectionColumn, 60);
    m_table->setColumnWidth(FrameListModel::OpcodeColumn, 90);
    m_table->setColumnWidth(FrameListModel::FinColumn, 40);
    m_table->setColumnWidth(FrameListModel::LengthColumn, 60);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &FrameInspector::showCurrentFrame);

    m_detail = new QPlainTextEdit;
    m_detail->setObjectName(QStringLiteral("frameDetail"));
    m_detail->setReadOnly(true);
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_detail->setPlaceholderText(tr("Select a frame to see it in full."));

    auto *lower = new QSplitter(Qt::Horizontal);
    lower->addWidget(m_table);
    lower->addWidget(m_detail);
    lower->setStretchFactor(0, 3);
    lower->setStretchFactor(1, 2);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_handshakeView);
    split->addWidget(lower);
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

// ---------------------------------------------------------------------------------------------
// Members

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

// ---------------------------------------------------------------------------------------------
// Inspection

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
    // Follow the newest frame only when the view is at its bottom already.
    QScrollBar *scroll = m_table->verticalScrollBar();
    const bool follow = scroll->value() == scroll->maximum();
    m_frames->append(frames);
    if (follow)
        m_table->scrollToBottom();
    updateStatus();
}

void FrameInspector::onEnded(const QString &memberId, const QString &reason)
{
    if (memberId != m_inspectedId)
        return;
    m_ended = reason;
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
        m_frames->append(m_held);
        m_held.clear();
        m_table->scrollToBottom();
    }
    updateStatus();
}

void FrameInspector::clearFrames()
{
    m_frames->clear();
    m_held.clear();
    m_droppedTotal = 0;
    m_detail->clear();
    updateStatus();
}

// ---------------------------------------------------------------------------------------------
// Panes

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
            verdict = QStringLiteral("%1 &nbsp;<span style='color:#1a7f37'>\u2713 %2</span>")
                          .arg(esc(sent), tr("matches"));
        else
            verdict = QStringLiteral("%1 &nbsp;<span style='color:#c62828'>\u2717 %2</span>")
                          .arg(esc(sent), tr("does not match"));
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

QString FrameInspector::detailText() const
{
    return m_detail->toPlainText();
}

void FrameInspector::selectFrame(int row)
{
    m_table->setCurrentIndex(m_filter->index(row, 0));
    showCurrentFrame();
}

void FrameInspector::showCurrentFrame()
{
    const QModelIndex index = m_filter->mapToSource(m_table->currentIndex());
    if (!index.isValid()) {
        m_detail->clear();
        return;
    }
    m_detail->setPlainText(FrameListModel::describe(m_frames->frameAt(index.row())));
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
    const int size = m_baseFontSize + m_zoom * 2;
    for (QWidget *widget : {static_cast<QWidget *>(m_table), static_cast<QWidget *>(m_detail),
                            static_cast<QWidget *>(m_handshakeView)}) {
        QFont font = widget->font();
        font.setPointSize(size);
        widget->setFont(font);
    }
    m_table->verticalHeader()->setDefaultSectionSize(QFontMetrics(m_table->font()).height() + 6);
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
    const int shown = m_frames->rowCount();
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
