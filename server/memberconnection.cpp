#include "memberconnection_p.h"

#include "logging.h"
#include "sockettapper.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>
#include <QtEndian>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace {

constexpr int CloseGraceMs = 5000; // a peer that does not finish closing is cut after this
constexpr int ReadChunk = 16 * 1024;

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

MemberConnection::MemberConnection(QTcpSocket *transport, qint64 maxMessageBytes,
                                   int deflateWindowBits, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_deflateWindowBits(deflateWindowBits)
    , m_reader(maxMessageBytes, deflateWindowBits > 0)
    // Looked up once: a child search on every read of every member would be the hot path's.
    , m_tapper(SocketTapper::of(transport))
{
    transport->setParent(this);
    connect(transport, &QIODevice::readyRead, this, &MemberConnection::onReadyRead);
    connect(transport, &QAbstractSocket::disconnected, this, [this] {
        if (m_gone)
            return;
        m_gone = true;
        if (m_graceTimer)
            m_graceTimer->stop();
        emit disconnected();
    });
    if (transport->state() != QAbstractSocket::ConnectedState) {
        // Gone between its request and now: told like any other end.
        m_gone = true;
        QMetaObject::invokeMethod(this, &MemberConnection::disconnected, Qt::QueuedConnection);
    } else if (transport->bytesAvailable() > 0) {
        // Frames sent right behind the request, already in the buffer.
        QMetaObject::invokeMethod(this, &MemberConnection::onReadyRead, Qt::QueuedConnection);
    }
}

MemberConnection::~MemberConnection() = default;

bool MemberConnection::isOpen() const
{
    return !m_closeSent && !m_closeReceived && !m_gone
        && m_transport->state() == QAbstractSocket::ConnectedState;
}

void MemberConnection::onReadyRead()
{
    char buffer[ReadChunk];
    for (;;) {
        const qint64 size = m_transport->read(buffer, sizeof buffer);
        if (size <= 0)
            return;
        if (m_finishing || m_closeReceived)
            continue; // closing: read only so that the kernel has nothing unread at the end
        const char *at = buffer;
        const char *const end = buffer + size;
        while (at < end && !m_finishing && !m_closeReceived) {
            WebSocketReader::Message message;
            const WebSocketReader::Result result = m_reader.read(&at, end, &message);
            if (result == WebSocketReader::Result::NeedMore)
                break;
            if (result == WebSocketReader::Result::Failed) {
                qCInfo(lcServer, "failing a connection from %s with %d: %s",
                       qPrintable(m_transport->peerAddress().toString()), m_reader.failureCode(),
                       qPrintable(m_reader.failureReason()));
                sendClose(m_reader.failureCode(), m_reader.failureReason());
                finish(Finish::Linger, CloseGraceMs);
                break;
            }
            handle(message);
        }
        if (m_tapper)
            m_tapper->setReaderAtFrameBoundary(m_reader.atFrameBoundary());
    }
}

void MemberConnection::handle(WebSocketReader::Message &message)
{
    switch (message.kind) {
    case WebSocketReader::Kind::Text:
        if (!m_closeSent)
            emit textMessageReceived(message.payload);
        break;
    case WebSocketReader::Kind::Binary:
        if (!m_closeSent)
            emit binaryMessageReceived(message.payload);
        break;
    case WebSocketReader::Kind::Ping:
        if (!m_closeSent) {
            writeControl(WebSocketFrame::Pong, message.payload);
            m_transport->flush();
        }
        break;
    case WebSocketReader::Kind::Pong:
        emit pong(message.payload);
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
    if (how == Finish::Now || qobject_cast<QSslSocket *>(m_transport)) {
        // Flushed first, so that with nothing left to send the connection ends (and
        // disconnected() is emitted) before the peer has even read the close. TLS ends with
        // its own close_notify.
        m_transport->flush();
        m_transport->disconnectFromHost();
        return;
    }
    m_transport->flush();
    if (m_transport->bytesToWrite() == 0) {
        shutDownWriting();
        return;
    }
    connect(m_transport, &QIODevice::bytesWritten, this, [this] {
        if (m_transport->bytesToWrite() == 0)
            shutDownWriting();
    });
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

void MemberConnection::shutDownWriting()
{
#ifdef Q_OS_UNIX
    // Half-closed: the FIN goes out, the peer's last bytes are still read (and dropped), and
    // the peer's own FIN ends the connection (disconnected()).
    if (m_transport->state() == QAbstractSocket::ConnectedState)
        ::shutdown(int(m_transport->socketDescriptor()), SHUT_WR);
#else
    m_transport->disconnectFromHost();
#endif
}

void MemberConnection::writeControl(WebSocketFrame::Opcode opcode, const QByteArray &payload)
{
    if (m_transport->state() == QAbstractSocket::ConnectedState)
        m_transport->write(WebSocketFrame::make(opcode, payload));
}
