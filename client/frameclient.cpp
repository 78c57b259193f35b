#include "frameclient.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QNetworkRequest>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>

// STUB: a throwaway FrameClient over QWebSocket, so that the client window's branch compiles
// and can be tried; the real one (its own frame layer) is written by another helper.

namespace {
QElapsedTimer &stubClock()
{
    static QElapsedTimer timer;
    if (!timer.isValid())
        timer.start();
    return timer;
}
qint64 g_lastSentUs = -1;

InspectedFrame makeFrame(bool fromServer, int opcode, const QByteArray &payload, bool fin)
{
    InspectedFrame f;
    f.timeMs = QDateTime::currentMSecsSinceEpoch();
    f.outgoing = fromServer;
    f.frame.fin = fin;
    f.frame.opcode = opcode;
    f.frame.masked = !fromServer;
    f.frame.length = quint64(payload.size());
    f.frame.payload = payload;
    if (fromServer && g_lastSentUs >= 0)
        f.roundTripUs = stubClock().nsecsElapsed() / 1000 - g_lastSentUs;
    return f;
}
} // namespace

FrameClient::FrameClient(QObject *parent)
    : QObject(parent)
{ }

FrameClient::~FrameClient() = default;

QString FrameClient::checkUrl(const QUrl &url)
{
    if (!url.isValid() || (url.scheme() != u"ws" && url.scheme() != u"wss"))
        return tr("Use ws:// or wss://");
    if (url.host().isEmpty())
        return tr("The address has no host");
    return QString();
}

void FrameClient::open(const FrameClientOptions &options)
{
    abort();
    m_options = options;
    auto *ws = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    ws->setObjectName(QStringLiteral("stubSocket"));
    connect(ws, &QWebSocket::connected, this, [this, ws] {
        m_state = State::Open;
        m_subprotocol = ws->subprotocol();
        m_requestHead = "GET " + m_options.url.path().toUtf8() + " HTTP/1.1\r\n";
        m_responseHead = "HTTP/1.1 101 Switching Protocols\r\n";
        emit stateChanged(m_state);
        emit opened();
    });
    connect(ws, &QWebSocket::textFrameReceived, this, [this](const QString &text, bool last) {
        emit framesSeen({makeFrame(true, 1, text.toUtf8(), last)});
    });
    connect(ws, &QWebSocket::binaryFrameReceived, this, [this](const QByteArray &data, bool last) {
        emit framesSeen({makeFrame(true, 2, data, last)});
    });
    connect(ws, &QWebSocket::pong, this, [this](quint64, const QByteArray &payload) {
        emit framesSeen({makeFrame(true, 10, payload, true)});
    });
    connect(ws, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this, [this, ws] {
        if (m_state == State::Connecting) {
            m_state = State::Closed;
            emit stateChanged(m_state);
            emit failed(ws->errorString());
        }
    });
    connect(ws, &QWebSocket::disconnected, this, [this, ws] {
        if (m_state == State::Closed)
            return;
        m_closeCode = int(ws->closeCode());
        m_closeReason = ws->closeReason();
        QByteArray payload;
        payload.append(char(m_closeCode >> 8)).append(char(m_closeCode & 0xff));
        payload.append(m_closeReason.toUtf8());
        emit framesSeen({makeFrame(true, 8, payload, true)});
        m_state = State::Closed;
        emit stateChanged(m_state);
        emit closed(m_closeCode, m_closeReason);
        ws->deleteLater();
    });
    m_state = State::Connecting;
    emit stateChanged(m_state);
    QNetworkRequest request(options.url);
    for (const auto &header : options.headers)
        request.setRawHeader(header.first, header.second);
    QWebSocketHandshakeOptions handshake;
    handshake.setSubprotocols(options.subprotocols);
    ws->open(request, handshake);
}

void FrameClient::sendText(const QByteArray &utf8, int frameSize)
{
    auto *ws = findChild<QWebSocket *>(QStringLiteral("stubSocket"));
    if (!ws || m_state != State::Open)
        return;
    InspectedFrameList frames;
    const int size = frameSize > 0 ? frameSize : int(qMax<qsizetype>(1, utf8.size()));
    for (int at = 0; at < utf8.size() || (at == 0 && utf8.isEmpty()); at += size) {
        frames.append(
            makeFrame(false, at == 0 ? 1 : 0, utf8.mid(at, size), at + size >= utf8.size()));
        if (utf8.isEmpty())
            break;
    }
    ws->setOutgoingFrameSize(quint64(size));
    g_lastSentUs = stubClock().nsecsElapsed() / 1000;
    emit framesSeen(frames);
    ws->sendTextMessage(QString::fromUtf8(utf8));
}

void FrameClient::sendBinary(const QByteArray &data, int frameSize)
{
    auto *ws = findChild<QWebSocket *>(QStringLiteral("stubSocket"));
    if (!ws || m_state != State::Open)
        return;
    InspectedFrameList frames;
    const int size = frameSize > 0 ? frameSize : int(qMax<qsizetype>(1, data.size()));
    for (int at = 0; at < data.size(); at += size)
        frames.append(
            makeFrame(false, at == 0 ? 2 : 0, data.mid(at, size), at + size >= data.size()));
    ws->setOutgoingFrameSize(quint64(size));
    g_lastSentUs = stubClock().nsecsElapsed() / 1000;
    emit framesSeen(frames);
    ws->sendBinaryMessage(data);
}

void FrameClient::ping(const QByteArray &payload)
{
    auto *ws = findChild<QWebSocket *>(QStringLiteral("stubSocket"));
    if (!ws || m_state != State::Open)
        return;
    g_lastSentUs = stubClock().nsecsElapsed() / 1000;
    emit framesSeen({makeFrame(false, 9, payload, true)});
    ws->ping(payload);
}

void FrameClient::close(int code, const QString &reason)
{
    auto *ws = findChild<QWebSocket *>(QStringLiteral("stubSocket"));
    if (!ws || m_state != State::Open)
        return;
    QByteArray payload;
    payload.append(char(code >> 8)).append(char(code & 0xff)).append(reason.toUtf8());
    emit framesSeen({makeFrame(false, 8, payload, true)});
    m_state = State::Closing;
    emit stateChanged(m_state);
    ws->close(QWebSocketProtocol::CloseCode(code), reason);
}

void FrameClient::abort()
{
    auto *ws = findChild<QWebSocket *>(QStringLiteral("stubSocket"));
    m_state = State::Closed;
    if (ws) {
        ws->disconnect(this);
        ws->abort();
        ws->deleteLater();
        ws->setObjectName(QString());
    }
}
