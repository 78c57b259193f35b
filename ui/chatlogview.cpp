#include "chatlogview.h"

#include "client/chattext.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDesktopServices>
#include <QMenu>
#include <QResizeEvent>
#include <QScrollBar>
#include <QSettings>
#include <QTextBlock>

namespace {

QString soundKey()
{
    return QStringLiteral("chat/mentionSound");
}

} // namespace

ChatLogView::ChatLogView(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(this, &QTextBrowser::anchorClicked, this, &ChatLogView::openLink);
    QScrollBar *bar = verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this,
            [this, bar](int value) { m_atBottom = value >= bar->maximum() - 4; });
}

ChatLogView::~ChatLogView() = default;

QString ChatLogView::lineAt(const QPoint &pos) const
{
    const QTextBlock block = cursorForPosition(pos).block();
    if (!block.isValid())
        return QString();
    QString text = block.text();
    text.replace(QChar::LineSeparator, u'\n');
    return text.replace(QChar::Nbsp, u' ');
}

bool ChatLogView::copyLineAt(const QPoint &pos)
{
    const QString text = lineAt(pos);
    if (text.isEmpty())
        return false;
    QApplication::clipboard()->setText(text);
    return true;
}

QMenu *ChatLogView::createMenu(const QPoint &pos)
{
    QMenu *menu = createStandardContextMenu(pos);
    menu->setObjectName(QStringLiteral("logMenu"));
    auto *copyMessage = new QAction(tr("Copy &Message"), menu);
    copyMessage->setObjectName(QStringLiteral("copyMessage"));
    copyMessage->setEnabled(!lineAt(pos).isEmpty());
    connect(copyMessage, &QAction::triggered, this, [this, pos] { copyLineAt(pos); });
    const QList<QAction *> actions = menu->actions();
    menu->insertAction(actions.isEmpty() ? nullptr : actions.first(), copyMessage);
    menu->addSeparator();
    auto *sound = menu->addAction(tr("&Sound for Mentions and Direct Messages"));
    sound->setObjectName(QStringLiteral("mentionSound"));
    sound->setCheckable(true);
    sound->setChecked(soundEnabled());
    connect(sound, &QAction::toggled, this, &ChatLogView::setSoundEnabled);
    return menu;
}

bool ChatLogView::soundEnabled()
{
    return QSettings().value(soundKey(), false).toBool();
}

void ChatLogView::setSoundEnabled(bool enabled)
{
    QSettings().setValue(soundKey(), enabled);
}

void ChatLogView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu *menu = createMenu(event->pos());
    menu->setAttribute(Qt::WA_DeleteOnClose);
    // popup(), not exec(): no nested event loop in a chat window.
    menu->popup(event->globalPos());
    event->accept();
}

void ChatLogView::resizeEvent(QResizeEvent *event)
{
    const bool follow = m_atBottom;
    QTextBrowser::resizeEvent(event);
    if (follow) {
        QScrollBar *bar = verticalScrollBar();
        bar->setValue(bar->maximum());
        m_atBottom = true;
    }
}

void ChatLogView::openLink(const QUrl &url)
{
    // The renderer makes only http(s) anchors; this is the second lock on the door.
    if (!ChatText::isWebUrl(url))
        return;
    QDesktopServices::openUrl(url);
    emit linkOpened(url);
}
