#include "messagesizemeter.h"

#include "client/chatclient.h"
#include "client/chatsession.h"
#include "console/palettecolors.h"
#include "messageinput.h"
#include "protocol/request.h"

#include <QEvent>

namespace {

// 2048 -> "2 048": groups of three digits, whatever the locale, as in the docs.
QString grouped(qint64 value)
{
    QString digits = QString::number(value);
    for (qsizetype at = digits.size() - 3; at > 0; at -= 3)
        digits.insert(at, u' ');
    return digits;
}

} // namespace

MessageSizeMeter::MessageSizeMeter(ChatSession *session, MessageInput *input, QWidget *parent)
    : QLabel(parent)
    , m_session(session)
    , m_input(input)
{
    setObjectName(QStringLiteral("sizeMeter"));
    setTextFormat(Qt::PlainText);
    setToolTip(tr("The size of the message as it would be sent, against the most the server "
                  "accepts"));
    setVisible(false);
    connect(input, &QPlainTextEdit::textChanged, this, &MessageSizeMeter::measure);
    connect(session, &ChatSession::currentRoomChanged, this, &MessageSizeMeter::measure);
    connect(session, &ChatSession::stateChanged, this, &MessageSizeMeter::measure);
}

MessageSizeMeter::~MessageSizeMeter() = default;

QString MessageSizeMeter::describe(qint64 bytes, qint64 limit)
{
    return tr("%1 / %2 bytes").arg(grouped(bytes), grouped(limit));
}

void MessageSizeMeter::measure()
{
    const QString text = m_input->toPlainText().trimmed();
    ChatClient::FrameFit fit;
    if (!text.isEmpty() && m_session->isWelcomed() && !m_session->currentRoom().isEmpty()) {
        Request request;
        request.type = Request::Type::Message;
        request.room = m_session->currentRoom();
        request.text = text;
        fit = m_session->client()->frameFit(request);
    }
    const bool show = fit.limit > 0 && fit.bytes * 100 > fit.limit * WarnPercent;
    m_over = !fit.fits();
    setText(show ? describe(fit.bytes, fit.limit) : QString());
    setVisible(show);
    QPalette pal = palette();
    pal.setColor(QPalette::WindowText,
                 m_over ? PaletteColors::error(pal) : QPalette().color(QPalette::PlaceholderText));
    setPalette(pal);
    if (fit.fits() != m_fits) {
        m_fits = fit.fits();
        emit fitsChanged(m_fits);
    }
}

void MessageSizeMeter::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange)
        measure();
}
