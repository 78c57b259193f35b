#include "chatsearchpanel.h"

#include "client/chatsearchmodel.h"
#include "protocol/validation.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>

ChatSearchPanel::ChatSearchPanel(ChatSearchModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    auto *row = new QHBoxLayout;
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("searchEdit"));
    m_edit->setPlaceholderText(tr("Search this room — Enter to search, Esc to close"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setMaxLength(Validation::MaxQueryLength);
    auto *closeButton = new QToolButton(this);
    closeButton->setObjectName(QStringLiteral("searchCloseButton"));
    closeButton->setText(QStringLiteral("\u2715"));
    closeButton->setToolTip(tr("Close the search (Esc)"));
    closeButton->setAutoRaise(true);
    row->addWidget(m_edit, 1);
    row->addWidget(closeButton);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("searchStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_results = new QListView(this);
    m_results->setObjectName(QStringLiteral("searchResults"));
    m_results->setModel(m_model);
    m_results->setUniformItemSizes(true);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // A few matches in view; the log keeps most of the height.
    m_results->setMaximumHeight(m_results->fontMetrics().height() * 8);
    layout->addLayout(row);
    layout->addWidget(m_status);
    layout->addWidget(m_results);
    setVisible(false);

    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        emit searchRequested(m_edit->text());
        updateStatus(); // the search has been sent (or refused) by now
    });
    connect(closeButton, &QToolButton::clicked, this, &ChatSearchPanel::close);
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, this, &ChatSearchPanel::close);
    const auto activate = [this](const QModelIndex &index) {
        if (index.isValid())
            emit matchActivated(index.data(ChatSearchModel::RoomRole).toString(),
                                index.data(ChatSearchModel::IdRole).toLongLong());
    };
    connect(m_results, &QListView::activated, this, activate);
    connect(m_results, &QListView::clicked, this, activate);
    connect(m_model, &ChatSearchModel::modelReset, this, &ChatSearchPanel::updateStatus);
    connect(m_model, &ChatSearchModel::finished, this, &ChatSearchPanel::updateStatus);
    connect(m_model, &ChatSearchModel::failed, this, &ChatSearchPanel::updateStatus);
    // Down from the search line goes to the matches, as in a browser's address bar.
    m_edit->installEventFilter(this);
}

ChatSearchPanel::~ChatSearchPanel() = default;

void ChatSearchPanel::open()
{
    show();
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
    updateStatus();
}

void ChatSearchPanel::close()
{
    if (!isVisible())
        return;
    hide();
    m_model->clear();
    emit closed();
}

void ChatSearchPanel::setStatus(const QString &text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

bool ChatSearchPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Down && m_model->rowCount() > 0) {
        m_results->setFocus(Qt::TabFocusReason);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void ChatSearchPanel::updateStatus()
{
    const int count = m_model->rowCount();
    if (m_model->isSearching())
        setStatus(tr("Searching…"));
    else if (!m_model->errorText().isEmpty())
        setStatus(m_model->errorText());
    else if (m_model->query().isEmpty())
        setStatus(QString());
    else if (count == 0)
        setStatus(tr("No messages match “%1”.").arg(m_model->query()));
    else
        setStatus(count == 1 ? tr("1 message matches — Enter or click it to show it")
                             : tr("%1 messages match — Enter or click one to show it").arg(count));
    m_results->setVisible(count > 0);
    if (count > 0 && !m_results->currentIndex().isValid())
        m_results->setCurrentIndex(m_model->index(0, 0));
}
