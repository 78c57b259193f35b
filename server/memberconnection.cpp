#include "memberconnection_p.h"

#include "logging.h"

#include <QTimer>
#include <QtEndian>

namespace {

constexpr int CloseGraceMs = 5000; // a peer that does not finish closing is cut after this

// reason's UTF-8, cut to at most max bytes at the end of a character.
QByteArray cutUtf8(const QString &reason, qsizetype max)
{
    QByteArray utf8 = reason.toUtf8();
    if (utf8.size() <= max)
        return utf8;
    qsizetype end = max;
    while (end > 0 && (quint8(utf8.at(end)) & 0xC0) == 0x80)
        --end; // utf8[end] continues a character: cut before that character
    utf8.truncate(end);
    return utf8;
}

} // namespace

MemberConnection::MemberConnection(std::unique_ptr<MemberTransport> transport,
                                   qint64 maxMessageBytes, int deflateWindowBits, QObject *parent)
    : QObject(parent)
    , m_transport(std::move(transport))
    , m_deflateWindowBits(deflateWindowBits)
    , m_reader(maxMessageBytes, deflateWindowBits > 0)
{
    m_transport->setReceiver(this);
    if (!m_transport->isConnected()) {
        // Gone between its request and now: told like any other end, once it has a listener.
        QMetaObject::invokeMethod(
            this, [this] { transportClosed(); }, Qt::QueuedConnection);
    } else if (m_transport->hasBuffered()) {
        // Frames sent right behind the request, already read.
        QMetaObject::invokeMethod(
            this, [this] { m_transport->readBuffered(); }, Qt::QueuedConnection);
    }
}

MemberConnection::~MemberConnection()
{
    m_transport->setReceiver(nullptr);
}

bool MemberConnection::isOpen() const
{
    return !m_closeSent && !m_closeReceived && !m_gone && m_transport->isConnected();
}

void MemberConnection::transportClosed()
{
    if (m_gone)
        return;
    m_gone = true;
    if (m_graceTimer)
        m_graceTimer->stop();
    if (m_listener)
        m_listener->memberDisconnected(m_member);
    else
        emit disconnected();
}

void MemberConnection::transportRead(const char *data, qint64 size)
{
    if (m_finishing || m_closeReceived)
        return; // closing: read only so that the kernel has nothing unread at the end
    const char *at = data;
    const char *const end = data + size;
    while (at < end && !m_finishing && !m_closeReceived) {
        WebSocketReader::Message message;
        const WebSocketReader::Result result = m_reader.read(&at, end, &message);
        if (result == WebSocketReader::Result::NeedMore)
            break;
        if (result == WebSocketReader::Result::Failed) {
            qCInfo(lcServer, "failing a connection from %s with %d: %s",
                   qPrintable(m_transport->peerName()), m_reader.failureCode(),
                   qPrintable(m_reader.failureReason()));
            sendClose(m_reader.failureCode(), m_reader.failureReason());
            finish(Finish::Linger, CloseGraceMs);
            break;
        }
        handle(message);
    }
    m_transport->setReaderAtFrameBoundary(m_reader.atFrameBoundary());
}

void MemberConnection::handle(WebSocketReader::Message &message)
{
    switch (message.kind) {
    case WebSocketReader::Kind::Text:
        if (!m_closeSent && m_listener)
            m_listener->memberText(m_member, message.payload);
        break;
    case WebSocketReader::Kind::Binary:
        if (!m_closeSent && m_listener)
            m_listener->memberBinary(m_member, message.payload);
        break;
    case WebSocketReader::Kind::Ping:
        if (!m_closeSent) {
            writeControl(WebSocketFrame::Pong, message.payload);
        }
        break;
    case WebSocketReader::Kind::Pong:
        if (m_listener)
            m_listener->memberPong(m_member);
        break;
    case WebSocketReader::Kind::Close:
        m_closeReceived = true;
        if (!m_closeSent) {
            // The peer began: its code is the one that ended the connection, and goes back.
            m_closeCode = message.closeCode;
            m_closeReason = message.closeReason;
            sendClose(message.closeCode, QString());
        }
        // Both closes are out: the peer sends nothing more, so the connection ends now (and
        // the member leaves before a client that reconnects at once can arrive).
        finish(Finish::Now, CloseGraceMs);
        break;
    }
}

void MemberConnection::close(int code, const QString &reason, int graceMs)
{
    if (m_closeSent || m_gone)
        return;
    sendClose(code, reason);
    m_transport->flush();
    if (graceMs <= 0) {
        abort();
        return;
    }
    // The peer's close ends it (handle()); a peer that never answers is cut.
    cutAfter(graceMs);
}

void MemberConnection::ping(const QByteArray &payload)
{
    if (isOpen())
        writeControl(WebSocketFrame::Ping, payload.left(125));
}

void MemberConnection::abort()
{
    m_finishing = true;
    m_transport->abort();
}

void MemberConnection::sendClose(int code, const QString &reason)
{
    if (m_closeSent)
        return;
    m_closeSent = true;
    if (!m_closeReceived) {
        m_closeCode = code;
        m_closeReason = reason;
    }
    QByteArray payload;
    if (code != 1005) { // 1005 stands for "no code": the close frame is then empty
        payload.resize(2);
        qToBigEndian(quint16(code), payload.data());
        payload += cutUtf8(reason, 123);
    }
    writeControl(WebSocketFrame::Close, payload);
}

void MemberConnection::finish(Finish how, int graceMs)
{
    if (m_finishing)
        return;
    m_finishing = true;
    if (!m_graceTimer || !m_graceTimer->isActive())
        cutAfter(graceMs);
    if (how == Finish::Now || m_transport->isTls()) {
        // Flushed first, so that with nothing left to send the connection ends (and
        // disconnected() is emitted) before the peer has even read the close. TLS ends with
        // its own close_notify.
        m_transport->disconnectFromHost();
        return;
    }
    // Half-closed: the FIN goes out once the close is sent, the peer's last bytes are still
    // read (and dropped), and the peer's own FIN ends the connection.
    m_transport->shutdownWriting();
}

void MemberConnection::cutAfter(int ms)
{
    if (!m_graceTimer) {
        m_graceTimer = new QTimer(this);
        m_graceTimer->setSingleShot(true);
        connect(m_graceTimer, &QTimer::timeout, this, &MemberConnection::abort);
    }
    m_graceTimer->start(ms);
}

void MemberConnection::writeControl(WebSocketFrame::Opcode opcode, const QByteArray &payload)
{
    // Sent at once: a control frame does not wait for the fan-out's flush.
    if (m_transport->isConnected()) {
        m_transport->write(WebSocketFrame::make(opcode, payload));
        m_transport->flush();
    }
}
