#include "simulatedclient.h"

#include "chatclient.h"
#include "protocol/nativeevent.h"

#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

namespace {

// A visitor stays in the room 3-8 s, then is away 2-5 s.
constexpr int VisitMinMs = 3000;
constexpr int VisitMaxMs = 8000;
constexpr int AwayMinMs = 2000;
constexpr int AwayMaxMs = 5000;
// The slow reader's ping: how soon it notices that the server gave up on it (it reads nothing,
// so only a write that meets a reset can tell).
constexpr int SlowReaderPingMs = 500;
// Its receive buffer: small, so that the server's backlog builds up quickly.
constexpr int SlowReaderReceiveBuffer = 4096;
// How long stop() waits for the close handshake.
constexpr int StopGraceMs = 2000;

const char *const Words[]
    = {"websocket", "frame",  "room",  "message", "server", "client", "hello",  "ping", "pong",
       "latency",   "socket", "event", "json",    "close",  "text",   "buffer", "the",  "a"};

int between(int low, int high)
{
    return QRandomGenerator::global()->bounded(low, high + 1);
}

// A client frame (masked, as RFC 6455 wants from clients) with no payload.
QByteArray emptyMaskedFrame(quint8 opcode)
{
    QByteArray frame;
    frame.append(char(0x80 | opcode));
    frame.append(char(0x80)); // masked, length 0
    const quint32 mask = QRandomGenerator::global()->generate();
    frame.append(reinterpret_cast<const char *>(&mask), 4);
    return frame;
}

// The first complete server frame in buffer (unmasked), removed from it; false until one is.
bool takeFrame(QByteArray *buffer, quint8 *opcode, QByteArray *payload)
{
    if (buffer->size() < 2)
        return false;
    const auto *b = reinterpret_cast<const quint8 *>(buffer->constData());
    qint64 length = b[1] & 0x7f;
    qsizetype header = 2;
    if (length == 126) {
        if (buffer->size() < 4)
            return false;
        length = (qint64(b[2]) << 8) | b[3];
        header = 4;
    } else if (length == 127) {
        if (buffer->size() < 10)
            return false;
        length = 0;
        for (int i = 2; i < 10; ++i)
            length = (length << 8) | b[i];
        header = 10;
    }
    if (buffer->size() < header + length)
        return false;
    *opcode = b[0] & 0x0f;
    *payload = buffer->mid(header, length);
    buffer->remove(0, header + length);
    return true;
}

} // namespace

QString SimulatedClient::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Chatter:
        return QStringLiteral("chatter");
    case Kind::Visitor:
        return QStringLiteral("visitor");
    case Kind::SlowReader:
        return QStringLiteral("slow reader");
    }
    return QString();
}

SimulatedClient::SimulatedClient(int serial, const Options &options, QObject *parent)
    : QObject(parent)
    , m_serial(serial)
    , m_options(options)
{ }

SimulatedClient::~SimulatedClient()
{
    if (m_raw)
        m_raw->abort();
}

void SimulatedClient::start()
{
    // cppcheck-suppress publicAllocationError ; because the timer's parent is this, which deletes
    // it
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &SimulatedClient::act);
    if (m_options.kind == Kind::SlowReader)
        startSlowReader();
    else
        startChat();
}

void SimulatedClient::stop()
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_finished = true; // the crowd has forgotten it: nothing more is reported
    if (m_timer)
        m_timer->stop();
    if (m_chat && m_chat->isConnected()) {
        connect(m_chat, &ChatClient::disconnected, this, &QObject::deleteLater);
        m_chat->close();
        QTimer::singleShot(StopGraceMs, this, &QObject::deleteLater);
        return;
    }
    if (m_raw && m_raw->state() == QAbstractSocket::ConnectedState) {
        m_raw->disconnectFromHost(); // it never reads the close frame, so no handshake
        QTimer::singleShot(StopGraceMs, this, &QObject::deleteLater);
        connect(m_raw, &QTcpSocket::disconnected, this, &QObject::deleteLater);
        return;
    }
    deleteLater();
}

void SimulatedClient::finish(int closeCode, const QString &reason)
{
    if (m_timer)
        m_timer->stop();
    if (m_finished)
        return;
    m_finished = true;
    emit finished(m_serial, closeCode, reason);
}

QString SimulatedClient::nextText()
{
    QString text = QStringLiteral("%1 #%2:").arg(m_options.name).arg(++m_sent);
    const int length = qMax(1, m_options.textLength);
    while (text.size() < length) {
        text += QLatin1Char(' ');
        text += QLatin1String(Words[between(0, int(std::size(Words)) - 1)]);
    }
    text.truncate(length);
    return text;
}

QString SimulatedClient::fittingText(const QString &text) const
{
    Request request;
    request.type = Request::Type::Message;
    request.room = m_options.room;
    request.text = text;
    // Every character is at least one byte of the frame, so cutting `over` of them is never too
    // much by more than the escapes and multi-byte characters cut; a second round is rare.
    for (ChatClient::FrameFit fit = m_chat->frameFit(request); !fit.fits();
         fit = m_chat->frameFit(request)) {
        request.text.chop(qMin(fit.over(), qint64(request.text.size())));
        if (request.text.size() > 0 && request.text.back().isHighSurrogate())
            request.text.chop(1);
        if (request.text.isEmpty())
            break;
    }
    return request.text;
}

// ---------------------------------------------------------------------------------------------
// Chatters and visitors: ChatClient

void SimulatedClient::startChat()
{
    m_chat = new ChatClient(this);
    QUrl url = m_options.chatUrl;
    QUrlQuery query(url);
    query.removeAllQueryItems(QStringLiteral("name"));
    query.removeAllQueryItems(QStringLiteral("room"));
    query.addQueryItem(QStringLiteral("name"), m_options.name);
    query.addQueryItem(QStringLiteral("room"), m_options.room);
    url.setQuery(query);

    connect(m_chat, &ChatClient::joined, this, [this](const QString &room) {
        if (room != m_options.room)
            return;
        m_inRoom = true;
        if (m_memberId.isEmpty()) {
            m_memberId = m_chat->self().id;
            emit connected(m_serial, m_memberId, m_chat->self().name);
        }
        scheduleNext();
    });
    connect(m_chat, &ChatClient::left, this, [this](const QString &room) {
        if (room != m_options.room)
            return;
        m_inRoom = false;
        scheduleNext();
    });
    connect(m_chat, &ChatClient::disconnected, this,
            [this](int code, const QString &reason) { finish(code, reason); });
    m_chat->open(url);
}

void SimulatedClient::scheduleNext()
{
    if (m_stopping)
        return;
    int delay = 0;
    if (m_options.kind == Kind::Chatter) {
        // Around the chosen rate, not in lockstep: a crowd's messages spread out in time.
        const double mean = 60000.0 / qMax(0.1, m_options.perMinute);
        delay = int(mean * (0.5 + QRandomGenerator::global()->generateDouble()));
        if (m_sent == 0)
            delay = int(mean * QRandomGenerator::global()->generateDouble());
    } else if (m_options.kind == Kind::Visitor) {
        delay = m_inRoom ? between(VisitMinMs, VisitMaxMs) : between(AwayMinMs, AwayMaxMs);
    } else {
        delay = SlowReaderPingMs;
    }
    m_timer->start(delay);
}

void SimulatedClient::act()
{
    switch (m_options.kind) {
    case Kind::Chatter:
        if (m_chat->isConnected()) {
            const QString text = fittingText(nextText());
            if (!text.isEmpty())
                m_chat->sendMessage(m_options.room, text);
        }
        scheduleNext();
        break;
    case Kind::Visitor:
        if (!m_chat->isConnected())
            return;
        // The reply (joined or left) schedules the next step.
        if (m_inRoom)
            m_chat->leave(m_options.room);
        else
            m_chat->join(m_options.room);
        break;
    case Kind::SlowReader:
        // A ping it will never read the answer to; once the server has cut the connection, the
        // write meets a reset and the socket reports the end.
        if (m_raw && m_raw->state() == QAbstractSocket::ConnectedState)
            m_raw->write(emptyMaskedFrame(0x9));
        scheduleNext();
        break;
    }
}

// ---------------------------------------------------------------------------------------------
// The slow reader: a raw socket, so that it can stop reading

void SimulatedClient::startSlowReader()
{
    m_raw = new QTcpSocket(this);
    const QUrl url = m_options.chatUrl;
    // Bound first, so that the small receive buffer is set before the connection is made.
    m_raw->bind(QHostAddress(QHostAddress::Any), 0);
    m_raw->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, SlowReaderReceiveBuffer);
    connect(m_raw, &QTcpSocket::connected, this, [this, url] {
        QUrlQuery query(url);
        query.removeAllQueryItems(QStringLiteral("name"));
        query.removeAllQueryItems(QStringLiteral("room"));
        query.addQueryItem(QStringLiteral("name"), m_options.name);
        query.addQueryItem(QStringLiteral("room"), m_options.room);
        QByteArray key(16, Qt::Uninitialized);
        for (char &c : key)
            c = char(QRandomGenerator::global()->bounded(256));
        const QByteArray target = (url.path().isEmpty() ? QByteArray("/") : url.path().toUtf8())
            + '?' + query.toString(QUrl::FullyEncoded).toUtf8();
        m_raw->write("GET " + target + " HTTP/1.1\r\nHost: " + url.host().toUtf8() + ':'
                     + QByteArray::number(url.port(80))
                     + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                     + key.toBase64() + "\r\nSec-WebSocket-Version: 13\r\n\r\n");
    });
    connect(m_raw, &QTcpSocket::readyRead, this, &SimulatedClient::onSlowReaderData);
    connect(m_raw, &QTcpSocket::disconnected, this, [this] {
        finish(1006,
               m_memberId.isEmpty() ? QStringLiteral("could not join")
                                    : QStringLiteral("the server cut the connection"));
    });
    connect(m_raw, &QTcpSocket::errorOccurred, this, [this] {
        finish(1006, m_raw->errorString());
        m_raw->abort();
    });
    m_raw->connectToHost(url.host(), quint16(url.port(80)));
}

void SimulatedClient::onSlowReaderData()
{
    if (!m_memberId.isEmpty())
        return; // it has stopped reading (and will not be asked again: see below)
    m_rawIn += m_raw->readAll();
    if (!m_upgraded) {
        const qsizetype end = m_rawIn.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        if (!m_rawIn.startsWith("HTTP/1.1 101")) {
            finish(1006, QString::fromUtf8(m_rawIn.left(m_rawIn.indexOf('\r'))));
            m_raw->abort();
            return;
        }
        m_upgraded = true;
        m_rawIn.remove(0, end + 4);
    }
    quint8 opcode = 0;
    QByteArray payload;
    while (takeFrame(&m_rawIn, &opcode, &payload)) {
        if (opcode == 0x8) { // close, e.g. a wrong join code
            const int code
                = payload.size() >= 2 ? (quint8(payload.at(0)) << 8) | quint8(payload.at(1)) : 1005;
            finish(code, QString::fromUtf8(payload.mid(2)));
            m_raw->abort();
            return;
        }
        if (opcode != 0x1)
            continue;
        const NativeEvent event = NativeEvent::decode(payload);
        if (const auto *welcome = event.get<NativeEvents::Welcome>()) {
            m_welcomeId = welcome->member.id;
            m_welcomeName = welcome->member.name;
        } else if (event.get<NativeEvents::Joined>()) {
            // In the room: from now on it reads nothing. Qt stops taking bytes off the socket
            // once its small buffer is full, so the kernel's fills, then the server's backlog.
            m_memberId = m_welcomeId;
            m_raw->setReadBufferSize(1);
            emit connected(m_serial, m_memberId, m_welcomeName);
            scheduleNext();
            return;
        }
    }
}
