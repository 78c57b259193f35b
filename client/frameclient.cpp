#include "frameclient.h"

#include "httpresponsehead_p.h"
#include "protocol/websocketaccept.h"

#include <QDateTime>
#include <QLocale>
#include <QRandomGenerator>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>
#include <QtEndian>

#include <algorithm>
#include <utility>

namespace {

constexpr int OpContinuation = 0x0;
constexpr int OpText = 0x1;
constexpr int OpBinary = 0x2;
constexpr int OpClose = 0x8;
constexpr int OpPing = 0x9;
constexpr int OpPong = 0xA;

// A close frame's payload: the code (none when 0) and the reason, cut to fit 125 bytes.
QByteArray closePayload(int code, const QString &reason)
{
    if (code == 0)
        return QByteArray();
    QByteArray payload(2, Qt::Uninitialized);
    qToBigEndian(quint16(code), payload.data());
    QByteArray utf8 = reason.toUtf8();
    if (utf8.size() > 123) {
        // Cut on a character boundary: never before a continuation byte.
        qsizetype at = 123;
        while (at > 0 && (uchar(utf8.at(at)) & 0xC0) == 0x80)
            --at;
        utf8.truncate(at);
    }
    return payload + utf8;
}

// Whether the comma-separated header value holds token, case-insensitively.
bool headerHasToken(const QByteArray &value, const QByteArray &token)
{
    for (const QByteArray &part : value.split(',')) {
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

FrameClient::FrameClient(QObject *parent)
    : QObject(parent)
    , m_timeout(new QTimer(this))
{
    qRegisterMetaType<InspectedFrameList>();
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, &FrameClient::onTimeout);
}

FrameClient::~FrameClient()
{
    drop();
}

QString FrameClient::checkUrl(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("ws") && scheme != QLatin1String("wss"))
        return tr("Use ws:// or wss://");
    if (!url.isValid())
        return tr("The address is not valid: %1").arg(url.errorString());
    if (url.host().isEmpty())
        return tr("The address has no host");
    return QString();
}

void FrameClient::open(const FrameClientOptions &options)
{
    drop();
    m_options = options;
    m_requestHead.clear();
    m_responseHead.clear();
    m_subprotocol.clear();
    m_closeCode = 1006;
    m_closeReason.clear();
    m_buffer.clear();
    m_refusalStatus.clear();
    m_refusalBodyLength = -1;
    m_incoming.reset();
    m_outgoing.reset();
    m_pending.clear();
    m_messageSent.invalidate();
    m_pingSent.invalidate();
    m_closeSent = false;
    m_closeReceived = false;
    m_phase = Phase::Connecting;

    const QString problem = checkUrl(options.url);
    if (!problem.isEmpty()) {
        emit failed(problem);
        return;
    }
    const bool secure = options.url.scheme().toLower() == QLatin1String("wss");
    QTcpSocket *socket = secure ? new QSslSocket(this) : new QTcpSocket(this);
    m_socket = socket;
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
        if (socket == m_socket)
            onReadyRead();
    });
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
        if (socket == m_socket)
            onDisconnected();
    });
    connect(socket, &QTcpSocket::errorOccurred, this, [this, socket] {
        if (socket == m_socket)
            onSocketError();
    });
    setState(State::Connecting);
    m_timeout->start(std::max(1, options.timeoutMs));
    if (secure) {
        auto *ssl = static_cast<QSslSocket *>(socket);
        connect(ssl, &QSslSocket::encrypted, this, [this, socket] {
            if (socket == m_socket)
                sendRequest();
        });
        // Direct: ignoreSslErrors() counts only inside the handler.
        connect(ssl, &QSslSocket::sslErrors, this, [this, socket](const QList<QSslError> &errors) {
            if (socket == m_socket)
                onSslErrors(errors);
        });
        ssl->connectToHostEncrypted(options.url.host(), quint16(options.url.port(443)));
    } else {
        connect(socket, &QTcpSocket::connected, this, [this, socket] {
            if (socket == m_socket)
                sendRequest();
        });
        socket->connectToHost(options.url.host(), quint16(options.url.port(80)));
    }
}

void FrameClient::sendText(const QByteArray &utf8, int frameSize)
{
    sendMessage(OpText, utf8, frameSize);
}

void FrameClient::sendBinary(const QByteArray &data, int frameSize)
{
    sendMessage(OpBinary, data, frameSize);
}

void FrameClient::ping(const QByteArray &payload)
{
    if (m_state != State::Open)
        return;
    m_pingSent.start();
    sendFrame(OpPing, true, payload.left(125));
    flushFrames();
}

void FrameClient::close(int code, const QString &reason)
{
    if (m_state == State::Connecting) {
        abort();
        return;
    }
    if (m_state != State::Open)
        return;
    m_closeSent = true;
    sendFrame(OpClose, true, closePayload(code, reason));
    setState(State::Closing);
    m_timeout->start(std::max(1, m_options.timeoutMs));
    flushFrames();
}

void FrameClient::abort()
{
    const State was = m_state;
    flushFrames();
    drop();
    if (was == State::Open || was == State::Closing) {
        m_closeCode = m_closeReceived ? m_closeCode : 1006;
        if (!m_closeReceived)
            m_closeReason = tr("The connection was aborted");
        emit closed(m_closeCode, m_closeReason);
    }
}

void FrameClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void FrameClient::drop()
{
    m_timeout->stop();
    if (m_socket) {
        QTcpSocket *socket = m_socket;
        m_socket = nullptr;
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
    setState(State::Closed);
}

void FrameClient::fail(const QString &why)
{
    flushFrames();
    drop();
    emit failed(why);
}

void FrameClient::finishClosed(int code, const QString &reason)
{
    m_closeCode = code;
    m_closeReason = reason;
    flushFrames();
    drop();
    emit closed(code, reason);
}

void FrameClient::sendRequest()
{
    const QUrl &url = m_options.url;
    QByteArray target = url.path(QUrl::FullyEncoded).toUtf8();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    QByteArray host = url.host(QUrl::FullyEncoded).toUtf8();
    if (host.contains(':'))
        host = '[' + host + ']';
    const bool secure = url.scheme().toLower() == QLatin1String("wss");
    const int defaultPort = secure ? 443 : 80;
    if (url.port(defaultPort) != defaultPort)
        host += ':' + QByteArray::number(url.port());

    QByteArray nonce(16, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(nonce.data()), 4);
    m_key = nonce.toBase64();

    QByteArray head = "GET " + target + " HTTP/1.1\r\n";
    head += "Host: " + host + "\r\n";
    head += "Upgrade: websocket\r\n";
    head += "Connection: Upgrade\r\n";
    head += "Sec-WebSocket-Key: " + m_key + "\r\n";
    head += "Sec-WebSocket-Version: 13\r\n";
    if (!m_options.subprotocols.isEmpty())
        head += "Sec-WebSocket-Protocol: " + m_options.subprotocols.join(u", ").toUtf8() + "\r\n";
    for (const auto &header : m_options.headers)
        head += header.first + ": " + header.second + "\r\n";
    head += "\r\n";
    m_requestHead = head;
    m_phase = Phase::Answer;
    m_socket->write(head);
}

void FrameClient::onReadyRead()
{
    m_buffer += m_socket->readAll();
    switch (m_phase) {
    case Phase::Connecting:
        // Bytes before the request was sent: kept, the answer cannot come first.
        return;
    case Phase::Answer:
        readAnswer();
        return;
    case Phase::RefusalBody:
        readRefusal(false);
        return;
    case Phase::Frames:
        readFrames();
        return;
    }
}

void FrameClient::readAnswer()
{
    HttpResponseHead head;
    switch (head.parse(m_buffer)) {
    case HttpResponseHead::Status::Incomplete:
        return;
    case HttpResponseHead::Status::TooLarge:
        fail(tr("The server's answer is not a WebSocket handshake: its head is too large"));
        return;
    case HttpResponseHead::Status::Invalid:
        fail(tr("The server's answer is not HTTP: %1")
                 .arg(QString::fromUtf8(m_buffer.left(m_buffer.indexOf('\n')).trimmed())));
        return;
    case HttpResponseHead::Status::Complete:
        break;
    }
    m_responseHead = m_buffer.left(head.headLength());
    m_buffer.remove(0, head.headLength());

    if (head.statusCode() != 101) {
        m_refusalStatus = head.statusText();
        bool ok = false;
        const qint64 length = head.header("Content-Length").toLongLong(&ok);
        m_refusalBodyLength = ok && length >= 0 ? length : -1;
        m_phase = Phase::RefusalBody;
        readRefusal(false);
        return;
    }
    const auto notWebSocket = [this](const QString &why) {
        fail(tr("The server's answer is not a WebSocket handshake: %1").arg(why));
    };
    if (!headerHasToken(head.header("Upgrade"), "websocket"))
        return notWebSocket(tr("no \"Upgrade: websocket\""));
    if (!headerHasToken(head.header("Connection"), "upgrade"))
        return notWebSocket(tr("no \"Connection: Upgrade\""));
    if (head.header("Sec-WebSocket-Accept") != WebSocketAccept::compute(m_key))
        return notWebSocket(tr("Sec-WebSocket-Accept is not the one for the key sent"));
    if (head.hasHeader("Sec-WebSocket-Extensions"))
        return notWebSocket(tr("it accepted an extension that was not offered (%1)")
                                .arg(QString::fromUtf8(head.header("Sec-WebSocket-Extensions"))));
    const QString chosen = QString::fromUtf8(head.header("Sec-WebSocket-Protocol"));
    if (!chosen.isEmpty() && !m_options.subprotocols.contains(chosen))
        return notWebSocket(
            tr("it chose the subprotocol \"%1\", which was not offered").arg(chosen));
    m_subprotocol = chosen;
    m_timeout->stop();
    m_phase = Phase::Frames;
    setState(State::Open);
    emit opened();
    // Frames may have come with the answer; a slot of opened() may have dropped the connection.
    if (m_phase == Phase::Frames && m_socket && !m_buffer.isEmpty())
        readFrames();
}

void FrameClient::readRefusal(bool ended)
{
    if (!ended && (m_refusalBodyLength < 0 || m_buffer.size() < m_refusalBodyLength))
        return;
    const QByteArray body = m_refusalBodyLength < 0 ? m_buffer : m_buffer.left(m_refusalBodyLength);
    // The body's first line; a line that only repeats the status ("404 Not Found") is skipped.
    QByteArray firstLine;
    for (const QByteArray &line : body.split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (!trimmed.isEmpty() && trimmed != m_refusalStatus) {
            firstLine = trimmed.left(300);
            break;
        }
    }
    QString why
        = tr("The server refused the handshake: %1").arg(QString::fromUtf8(m_refusalStatus));
    if (!firstLine.isEmpty())
        why += QStringLiteral(" \u2014 ") + QString::fromUtf8(firstLine);
    fail(why);
}

void FrameClient::readFrames()
{
    const QByteArray data = std::exchange(m_buffer, QByteArray());
    const bool ok = m_incoming.feed(data);
    for (const ParsedFrame &frame : m_incoming.takeFrames()) {
        handleIncoming(frame);
        if (!m_socket)
            return; // a slot dropped the connection
    }
    if (!ok) {
        InspectedFrame note;
        note.timeMs = QDateTime::currentMSecsSinceEpoch();
        note.note = tr("The server's frames could not be followed (%1).").arg(m_incoming.error());
        m_pending.append(note);
        fail(tr("The server sent a frame that breaks the protocol: %1").arg(m_incoming.error()));
        return;
    }
    flushFrames();
}

void FrameClient::handleIncoming(const ParsedFrame &frame)
{
    InspectedFrame inspected;
    inspected.timeMs = QDateTime::currentMSecsSinceEpoch();
    inspected.outgoing = false;
    inspected.frame = frame;
    const bool data
        = frame.opcode == OpText || frame.opcode == OpBinary || frame.opcode == OpContinuation;
    if (data && m_messageSent.isValid()) {
        inspected.roundTripUs = m_messageSent.nsecsElapsed() / 1000;
        m_messageSent.invalidate();
    } else if (frame.opcode == OpPong && m_pingSent.isValid()) {
        inspected.roundTripUs = m_pingSent.nsecsElapsed() / 1000;
        m_pingSent.invalidate();
    }
    m_pending.append(inspected);

    if (frame.opcode == OpPing && !m_closeSent) {
        sendFrame(OpPong, true, frame.payload);
    } else if (frame.opcode == OpClose && !m_closeReceived) {
        m_closeReceived = true;
        const int code = WebSocketFrameParser::closeCode(frame.payload);
        m_closeCode = code == 0 ? 1005 : code;
        m_closeReason = WebSocketFrameParser::closeReason(frame.payload);
        if (!m_closeSent) {
            // Echo the code, as RFC 6455 5.5.1 suggests; none if there was none.
            m_closeSent = true;
            sendFrame(OpClose, true, closePayload(code, QString()));
            setState(State::Closing);
            m_timeout->start(std::max(1, m_options.timeoutMs));
        }
        // The server ends TCP now; onDisconnected() or the timeout finishes.
    }
}

void FrameClient::onDisconnected()
{
    switch (m_phase) {
    case Phase::Connecting:
    case Phase::Answer:
        if (m_buffer.isEmpty())
            fail(tr("The server closed the connection before answering"));
        else
            fail(tr("The server closed the connection in the middle of its answer"));
        return;
    case Phase::RefusalBody:
        readRefusal(true);
        return;
    case Phase::Frames:
        if (m_closeReceived) {
            finishClosed(m_closeCode, m_closeReason);
        } else {
            finishClosed(1006, tr("The connection ended without a closing handshake"));
        }
        return;
    }
}

void FrameClient::onSocketError()
{
    const QAbstractSocket::SocketError error = m_socket->error();
    // The end of the connection is onDisconnected()'s, unless it never was connected.
    if (error == QAbstractSocket::RemoteHostClosedError
        && m_socket->state() != QAbstractSocket::UnconnectedState)
        return;
    if (error == QAbstractSocket::RemoteHostClosedError) {
        onDisconnected();
        return;
    }
    if (m_phase == Phase::Frames) {
        finishClosed(m_closeReceived ? m_closeCode : 1006,
                     m_closeReceived ? m_closeReason : m_socket->errorString());
        return;
    }
    fail(m_socket->errorString());
}

void FrameClient::onSslErrors(const QList<QSslError> &errors)
{
    auto *ssl = static_cast<QSslSocket *>(m_socket);
    const QSslCertificate peer = ssl->peerCertificate();
    const QSslCertificate &trusted = m_options.trustedCertificate;
    bool allTrusted = !trusted.isNull() && peer == trusted;
    for (const QSslError &error : errors) {
        if (!error.certificate().isNull() && error.certificate() != trusted)
            allTrusted = false;
    }
    if (allTrusted) {
        ssl->ignoreSslErrors(errors);
        return;
    }
    drop();
    emit untrustedCertificate(peer, errors);
}

void FrameClient::onTimeout()
{
    switch (m_state) {
    case State::Connecting:
        if (m_phase == Phase::RefusalBody)
            readRefusal(true);
        else
            fail(tr("No answer within %1").arg(timeoutText()));
        return;
    case State::Closing:
        finishClosed(m_closeReceived ? m_closeCode : 1006,
                     m_closeReceived ? m_closeReason
                                     : tr("The server did not finish the closing handshake "
                                          "within %1")
                                           .arg(timeoutText()));
        return;
    case State::Open:
    case State::Closed:
        return;
    }
}

void FrameClient::sendFrame(int opcode, bool fin, const QByteArray &payload)
{
    QByteArray frame;
    frame.reserve(14 + payload.size());
    frame += char((fin ? 0x80 : 0) | (opcode & 0x0F));
    const quint64 length = quint64(payload.size());
    if (length < 126) {
        frame += char(0x80 | length);
    } else if (length <= 0xFFFF) {
        frame += char(0x80 | 126);
        char extended[2];
        qToBigEndian(quint16(length), extended);
        frame.append(extended, 2);
    } else {
        frame += char(0x80 | 127);
        char extended[8];
        qToBigEndian(length, extended);
        frame.append(extended, 8);
    }
    const quint32 maskKey = QRandomGenerator::global()->generate();
    char key[4];
    qToBigEndian(maskKey, key);
    frame.append(key, 4);
    const qsizetype start = frame.size();
    frame += payload;
    char *out = frame.data() + start;
    for (qsizetype i = 0; i < payload.size(); ++i)
        out[i] = char(out[i] ^ key[i % 4]);
    m_socket->write(frame);

    // Read back as the server will read it, so that what is shown is what went out.
    m_outgoing.feed(frame);
    for (const ParsedFrame &parsed : m_outgoing.takeFrames()) {
        InspectedFrame inspected;
        inspected.timeMs = QDateTime::currentMSecsSinceEpoch();
        inspected.outgoing = true;
        inspected.frame = parsed;
        m_pending.append(inspected);
    }
}

void FrameClient::sendMessage(int opcode, const QByteArray &payload, int frameSize)
{
    if (m_state != State::Open)
        return;
    m_messageSent.start();
    if (frameSize <= 0 || payload.size() <= frameSize) {
        sendFrame(opcode, true, payload);
    } else {
        for (qsizetype at = 0; at < payload.size(); at += frameSize) {
            const bool last = at + frameSize >= payload.size();
            sendFrame(at == 0 ? opcode : OpContinuation, last, payload.mid(at, frameSize));
        }
    }
    flushFrames();
}

void FrameClient::flushFrames()
{
    if (m_pending.isEmpty())
        return;
    emit framesSeen(std::exchange(m_pending, InspectedFrameList()));
}

QString FrameClient::timeoutText() const
{
    const int ms = m_options.timeoutMs;
    if (ms % 1000 == 0)
        return tr("%1 s").arg(ms / 1000);
    return tr("%1 s").arg(QLocale::c().toString(ms / 1000.0, 'g', 3));
}
