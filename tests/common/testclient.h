#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QObject>
#include <QStringList>
#include <QTest>
#include <QUrl>
#include <QWebSocket>

// A raw WebSocket client for tests: keeps every text frame it receives, so a test can check
// exactly what the server sent, in order. Waiting helpers return false on timeout; use them
// inside QVERIFY.
class TestClient final : public QObject
{
    Q_DISABLE_COPY_MOVE(TestClient)

public:
    static constexpr int Timeout = 10000;

    explicit TestClient(const QString &origin = QString(), QObject *parent = nullptr)
        : QObject(parent)
        , m_socket(origin)
    {
        connect(&m_socket, &QWebSocket::textMessageReceived, this,
                [this](const QString &frame) { frames.append(frame); });
        connect(&m_socket, &QWebSocket::connected, this, [this] { wasConnected = true; });
        connect(&m_socket, &QWebSocket::disconnected, this, [this] {
            closeCode = m_socket.closeCode();
            closeReason = m_socket.closeReason();
            isDisconnected = true;
        });
    }

    QWebSocket &socket() { return m_socket; }

    void open(const QUrl &url) { m_socket.open(url); }
    bool openAndWait(const QUrl &url)
    {
        open(url);
        return QTest::qWaitFor([this] { return wasConnected || isDisconnected; }, Timeout)
            && wasConnected;
    }
    // Opens a native connection and consumes its welcome (and joined, if a room is given).
    bool openNative(const QUrl &url, bool withRoom = false)
    {
        if (!openAndWait(url))
            return false;
        QJsonObject welcome;
        if (!next(&welcome)
            || welcome.value(QLatin1String("type")).toString() != QLatin1String("welcome"))
            return false;
        memberId = welcome.value(QLatin1String("member"))
                       .toObject()
                       .value(QLatin1String("id"))
                       .toString();
        memberName = welcome.value(QLatin1String("member"))
                         .toObject()
                         .value(QLatin1String("name"))
                         .toString();
        if (withRoom) {
            QJsonObject joined;
            return next(&joined)
                && joined.value(QLatin1String("type")).toString() == QLatin1String("joined");
        }
        return true;
    }

    void send(const QString &frame) { m_socket.sendTextMessage(frame); }
    void sendBinary(const QByteArray &frame) { m_socket.sendBinaryMessage(frame); }
    void send(const QJsonObject &request)
    {
        m_socket.sendTextMessage(
            QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact)));
    }

    bool waitFrames(int count, int timeout = Timeout)
    {
        return QTest::qWaitFor([this, count] { return frames.size() >= count; }, timeout);
    }
    // The next unread frame, as raw text.
    bool nextRaw(QString *out, int timeout = Timeout)
    {
        if (!waitFrames(m_read + 1, timeout))
            return false;
        *out = frames.at(m_read++);
        return true;
    }
    // The next unread frame, parsed.
    bool next(QJsonObject *out, int timeout = Timeout)
    {
        QString raw;
        if (!nextRaw(&raw, timeout))
            return false;
        *out = QJsonDocument::fromJson(raw.toUtf8()).object();
        return true;
    }
    // Skips unread frames until one of the given type; false if none comes.
    bool nextOfType(const QString &type, QJsonObject *out, int timeout = Timeout)
    {
        while (next(out, timeout)) {
            if (out->value(QLatin1String("type")).toString() == type)
                return true;
        }
        return false;
    }
    int unread() const { return int(frames.size()) - m_read; }
    // Marks every frame received so far as read.
    void skipAll() { m_read = int(frames.size()); }

    bool waitDisconnected(int timeout = Timeout)
    {
        return QTest::qWaitFor([this] { return isDisconnected; }, timeout);
    }

    QStringList frames;
    bool wasConnected = false;
    bool isDisconnected = false;
    int closeCode = -1;
    QString closeReason;
    QString memberId;
    QString memberName;

private:
    QWebSocket m_socket;
    int m_read = 0;
};
