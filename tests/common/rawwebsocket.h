#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslError>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>
#include <QtEndian>

#include <memory>

// A WebSocket client made by hand, for tests that must send what no WebSocket library sends:
// reserved opcodes, RSV bits, unmasked frames, lengths of 2^62. It speaks over a QTcpSocket (or
// a QSslSocket for wss://), writes frames built byte by byte, and parses the server's frames.
// Waiting helpers return false on timeout; use them inside QVERIFY.
class RawWebSocket
{
    Q_DISABLE_COPY_MOVE(RawWebSocket)

public:
    static constexpr int Timeout = 10000;

    enum Opcode : quint8 {
        Continuation = 0x0,
        Text = 0x1,
        Binary = 0x2,
        Close = 0x8,
        Ping = 0x9,
        Pong = 0xA,
    };

    struct Frame
    {
        bool fin = true;
        quint8 rsv = 0;
        quint8 opcode = 0;
        QByteArray payload;

        int closeCode() const
        {
            return payload.size() >= 2 ? qFromBigEndian<quint16>(payload.constData()) : 1005;
        }
        QByteArray closeReason() const { return payload.mid(2); }
    };

    // A plain socket, or one that speaks TLS when tls is true.
    explicit RawWebSocket(bool tls = false)
        : m_socket(tls ? new QSslSocket : new QTcpSocket)
    { }

    QTcpSocket *socket() const { return m_socket.get(); }
    QSslSocket *sslSocket() const { return qobject_cast<QSslSocket *>(m_socket.get()); }

    // Connects over TCP (and TLS, accepting exactly the certificate pinned, if given).
    bool connectTo(quint16 port, const QSslCertificate &pinned = QSslCertificate())
    {
        if (QSslSocket *ssl = sslSocket()) {
            if (!pinned.isNull()) {
                ssl->ignoreSslErrors({QSslError(QSslError::SelfSignedCertificate, pinned),
                                      QSslError(QSslError::HostNameMismatch, pinned)});
            }
            ssl->connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
            return ssl->waitForEncrypted(Timeout);
        }
        m_socket->connectToHost(QHostAddress::LocalHost, port);
        return m_socket->waitForConnected(Timeout);
    }

    // Sends an upgrade request for path (with extraHeaders, each line ending in \r\n, e.g. a
    // Sec-WebSocket-Extensions offer) and waits for the server's answer; true on 101.
    // Bytes after the answer's head stay buffered for nextFrame().
    // key: the Sec-WebSocket-Key sent (by default RFC 6455's example, 1.3).
    bool handshake(const QByteArray &path, const QByteArray &extraHeaders = QByteArray(),
                   const QByteArray &key = "dGhlIHNhbXBsZSBub25jZQ==")
    {
        sendRaw("GET " + path
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: "
                  "Upgrade\r\nSec-WebSocket-Key: "
                + key + "\r\nSec-WebSocket-Version: 13\r\n" + extraHeaders + "\r\n");
        if (!QTest::qWaitFor(
                [this] {
                    read();
                    return m_buffer.contains("\r\n\r\n") || isClosed();
                },
                Timeout))
            return false;
        const int end = int(m_buffer.indexOf("\r\n\r\n"));
        if (end < 0)
            return false;
        responseHead = m_buffer.left(end + 4);
        m_buffer.remove(0, end + 4);
        return responseHead.startsWith("HTTP/1.1 101");
    }

    // The value of the handshake answer's header name (case-insensitive, trimmed); null when
    // the answer has no such header.
    QByteArray responseHeader(const QByteArray &name) const
    {
        const QList<QByteArray> lines = responseHead.split('\n');
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0 && lines[i].left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return lines[i].mid(colon + 1).trimmed();
        }
        return QByteArray();
    }

    void sendRaw(const QByteArray &bytes)
    {
        m_socket->write(bytes);
        m_socket->flush();
    }
    void send(const Frame &frame, bool masked = true) { sendRaw(encode(frame, masked)); }
    void sendText(const QByteArray &utf8) { send({true, 0, Text, utf8}); }

    // The bytes of one client frame. Masked as RFC 6455 5.3 demands unless masked is false.
    static QByteArray encode(const Frame &frame, bool masked = true)
    {
        QByteArray out
            = header(frame.fin, frame.rsv, frame.opcode, quint64(frame.payload.size()), masked);
        if (!masked)
            return out + frame.payload;
        const quint32 key = QRandomGenerator::global()->generate();
        char mask[4];
        qToBigEndian(key, mask);
        out.append(mask, 4);
        QByteArray payload = frame.payload;
        for (qsizetype i = 0; i < payload.size(); ++i)
            payload[i] = char(payload[i] ^ mask[i % 4]);
        return out + payload;
    }

    // The payload of a close frame: code (big-endian) and reason.
    static QByteArray closePayload(quint16 code, const QByteArray &reason = QByteArray())
    {
        char bytes[2];
        qToBigEndian(code, bytes);
        return QByteArray(bytes, 2) + reason;
    }

    // The bytes of one masked client frame whose length is written in the 16-bit (lengthField
    // 126) or 64-bit (127) form whatever its size: a length not in its shortest form.
    static QByteArray encodeWithLengthField(const Frame &frame, quint8 lengthField)
    {
        const QByteArray shortest = encode(frame);
        const qsizetype oldHead = shortest.size() - frame.payload.size() - 4;
        return header(frame.fin, frame.rsv, frame.opcode, quint64(frame.payload.size()), true,
                      lengthField)
            + shortest.mid(oldHead);
    }

    // A frame head announcing length bytes, without the mask key: for lengths that will not
    // be sent (2^62), append the key yourself when masked. lengthField forces the 7-bit (0),
    // 16-bit (126) or 64-bit (127) form; by default the shortest form that holds length.
    static QByteArray header(bool fin, quint8 rsv, quint8 opcode, quint64 length, bool masked,
                             int lengthField = -1)
    {
        QByteArray out;
        out.append(char((fin ? 0x80 : 0) | ((rsv & 7) << 4) | (opcode & 0x0F)));
        const char maskBit = masked ? char(0x80) : char(0);
        if (lengthField < 0)
            lengthField = length < 126 ? 0 : length <= 0xFFFF ? 126 : 127;
        if (lengthField == 0) {
            out.append(char(maskBit | char(length)));
        } else if (lengthField == 126) {
            out.append(char(maskBit | 126));
            char len[2];
            qToBigEndian(quint16(length), len);
            out.append(len, 2);
        } else {
            out.append(char(maskBit | 127));
            char len[8];
            qToBigEndian(length, len);
            out.append(len, 8);
        }
        return out;
    }

    // The next frame from the server (servers never mask); false on timeout or a closed
    // connection with no whole frame left.
    bool nextFrame(Frame *frame, int timeout = Timeout)
    {
        bool got = false;
        (void)QTest::qWaitFor(
            [&] {
                read();
                got = takeFrame(frame);
                return got || isClosed();
            },
            timeout);
        if (!got)
            got = takeFrame(frame);
        return got;
    }

    // Reads frames until a close frame, answering pings if answerPings; texts are kept in
    // texts. False if the connection ended (or the time ran out) without one.
    bool waitClose(Frame *close, int timeout = Timeout)
    {
        QElapsedTimer clock;
        clock.start();
        Frame f;
        while (clock.elapsed() < timeout) {
            if (!nextFrame(&f, int(timeout - clock.elapsed())))
                return false;
            if (f.opcode == Text)
                texts.append(f.payload);
            else if (f.opcode == Ping)
                onPing(f);
            else if (f.opcode == Close) {
                *close = f;
                return true;
            }
        }
        return false;
    }

    // Reads frames until a text frame arrives (answering pings if answerPings).
    bool nextText(QByteArray *text, int timeout = Timeout)
    {
        Frame f;
        while (nextFrame(&f, timeout)) {
            if (f.opcode == Ping)
                onPing(f);
            else if (f.opcode == Text) {
                *text = f.payload;
                return true;
            } else if (f.opcode == Close) {
                return false;
            }
        }
        return false;
    }

    // Reads frames for ms milliseconds (answering pings if answerPings, keeping texts); stops
    // early and returns true at a close frame, kept in closeFrame.
    bool pump(int ms)
    {
        QElapsedTimer clock;
        clock.start();
        Frame f;
        while (clock.elapsed() < ms) {
            if (!nextFrame(&f, int(qMax<qint64>(1, ms - clock.elapsed()))))
                continue;
            if (f.opcode == Text)
                texts.append(f.payload);
            else if (f.opcode == Ping)
                onPing(f);
            else if (f.opcode == Close) {
                closeFrame = f;
                return true;
            }
        }
        return false;
    }

    // Waits until the server has closed the TCP connection.
    bool waitDisconnected(int timeout = Timeout)
    {
        return QTest::qWaitFor(
            [this] {
                read();
                return isClosed();
            },
            timeout);
    }

    bool isClosed() const { return m_socket->state() == QAbstractSocket::UnconnectedState; }
    // What arrived and was not parsed as frames (an HTTP answer, say).
    QByteArray unparsed() const { return m_buffer; }

    QByteArray responseHead;
    QList<QByteArray> texts;
    Frame closeFrame;
    bool answerPings = false;
    int pingsSeen = 0;

private:
    void read() { m_buffer += m_socket->readAll(); }

    // A ping met while reading: answered when answerPings, counted otherwise.
    void onPing(const Frame &ping)
    {
        if (answerPings)
            send({true, 0, Pong, ping.payload});
        else
            ++pingsSeen;
    }

    bool takeFrame(Frame *frame)
    {
        if (m_buffer.size() < 2)
            return false;
        const auto *p = reinterpret_cast<const uchar *>(m_buffer.constData());
        qsizetype pos = 2;
        quint64 length = p[1] & 0x7F;
        if (length == 126) {
            if (m_buffer.size() < 4)
                return false;
            length = qFromBigEndian<quint16>(p + 2);
            pos = 4;
        } else if (length == 127) {
            if (m_buffer.size() < 10)
                return false;
            length = qFromBigEndian<quint64>(p + 2);
            pos = 10;
        }
        if (p[1] & 0x80)
            pos += 4; // a masked server frame would be a server bug; skip the key anyway
        if (quint64(m_buffer.size() - pos) < length)
            return false;
        frame->fin = p[0] & 0x80;
        frame->rsv = (p[0] >> 4) & 7;
        frame->opcode = p[0] & 0x0F;
        frame->payload = m_buffer.mid(pos, qsizetype(length));
        m_buffer.remove(0, pos + qsizetype(length));
        return true;
    }

    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_buffer;
};

// In a test function: the server failed peer's connection with code, a close frame carrying it
// within timeout ms, then the TCP connection closed.
#define EXPECT_WEBSOCKET_FAILED(peer, code, timeout)                                               \
    do {                                                                                           \
        RawWebSocket::Frame close_;                                                                \
        QVERIFY2((peer).waitClose(&close_, (timeout)), "no close frame");                          \
        QCOMPARE(close_.closeCode(), (code));                                                      \
        QVERIFY2((peer).waitDisconnected(), "the server did not close the TCP connection");        \
    } while (false)
