#pragma once

#include "protocol/inspectedframe.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSslCertificate>
#include <QSslError>
#include <QString>
#include <QStringList>
#include <QUrl>

class QTcpSocket;
class QTimer;

// What a FrameClient connects to, and how.
struct FrameClientOptions
{
    QUrl url; // ws:// or wss://
    QStringList subprotocols; // Sec-WebSocket-Protocol, in order of preference; may be empty
    QList<QPair<QByteArray, QByteArray>> headers; // extra request headers, as given
    // A certificate the user chose to trust for this connection (a self-signed wss:// server);
    // null: only certificates the system trusts.
    QSslCertificate trustedCertificate;
    int timeoutMs = 10000; // for the TCP connection, TLS and the handshake's answer
};
Q_DECLARE_METATYPE(FrameClientOptions)

// A WebSocket client for any server that shows every frame: it speaks the protocol itself over
// a QTcpSocket (QSslSocket for wss://), so the opening handshake's request and answer and every
// frame in and out (with its opcode, FIN, size, time, and the round trip of a reply) are seen as
// sent and received, which QWebSocket hides. Frames it sends are masked, as a client's must be;
// what the server sends is parsed leniently (WebSocketFrameParser) and shown even when it breaks
// the rules (then a note says why). Messages can be cut into frames of a chosen size, to show
// fragmentation. Widget-free; a client window shows it.
class FrameClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FrameClient)

public:
    enum class State { Closed, Connecting, Open, Closing };
    Q_ENUM(State)

    explicit FrameClient(QObject *parent = nullptr);
    ~FrameClient() override;

    // Whether url can be opened: empty if so, else why not in words ("Use ws:// or wss://",
    // "The address has no host").
    static QString checkUrl(const QUrl &url);

    // Connects and sends the opening handshake; emits opened() or failed(). Any connection
    // before is dropped.
    void open(const FrameClientOptions &options);
    State state() const { return m_state; }
    const FrameClientOptions &options() const { return m_options; }

    // Sends a text message (utf8) or a binary one, in one frame, or cut into frames of at most
    // frameSize payload bytes (0: one frame). Only while Open.
    void sendText(const QByteArray &utf8, int frameSize = 0);
    void sendBinary(const QByteArray &data, int frameSize = 0);
    // Sends a ping carrying payload (at most 125 bytes). Only while Open.
    void ping(const QByteArray &payload = QByteArray());
    // Starts the closing handshake with code (0: no code) and reason; the TCP connection ends
    // when the server closes it, or after the timeout.
    void close(int code = 1000, const QString &reason = QString());
    // Drops the connection at once.
    void abort();

    // The opening handshake as sent and as answered (status line and headers); empty until then.
    QByteArray requestHead() const { return m_requestHead; }
    QByteArray responseHead() const { return m_responseHead; }
    // The subprotocol the server chose; empty if none.
    QString subprotocol() const { return m_subprotocol; }
    // How the last connection ended: the close code received (1005 if the server's close had
    // none, 1006 if the connection dropped without a close) and its reason.
    int closeCode() const { return m_closeCode; }
    QString closeReason() const { return m_closeReason; }

signals:
    void stateChanged(FrameClient::State state);
    // The server answered 101 with the right Sec-WebSocket-Accept: the connection is open.
    void opened();
    // Frames sent and received since the last emission, in order (emitted as they happen).
    void framesSeen(const InspectedFrameList &frames);
    // The connection could not be opened, or failed: why, in words (a refused handshake's
    // status line and the body's first line, "No answer within 10 s", a TLS or socket error).
    void failed(const QString &why);
    // A wss:// server's certificate is not trusted (errors as Qt reports them): the connection
    // was dropped; open() again with options.trustedCertificate = certificate to trust it once.
    void untrustedCertificate(const QSslCertificate &certificate, const QList<QSslError> &errors);
    // The connection ended (after a closing handshake or not): code and reason as closeCode().
    void closed(int code, const QString &reason);

private:
    // Where the connection is: TCP/TLS under way, the handshake's answer awaited, a refusal's
    // body being read, frames.
    enum class Phase { Connecting, Answer, RefusalBody, Frames };

    // Sets the state; emits stateChanged() if it changed.
    void setState(State state);
    // Forgets the socket (no signal of it reaches this any more) and stops the timer; Closed.
    void drop();
    // Drops the connection and emits failed(why).
    void fail(const QString &why);
    // Ends the connection as closed: drops it and emits closed(code, reason).
    void finishClosed(int code, const QString &reason);
    // The TCP (and TLS) connection is up: sends the opening handshake.
    void sendRequest();
    // Reads what came, as the phase says.
    void onReadyRead();
    // Reads the handshake's answer in m_buffer: opened(), or the refusal's body next, or failed.
    void readAnswer();
    // Whether the refusal's body is all here (by Content-Length); when it is, or the server
    // closed (ended), emits failed() with the status line and the body's first line.
    void readRefusal(bool ended);
    // Parses the frames in m_buffer and answers them.
    void readFrames();
    // Shows and answers one frame from the server (a pong to a ping, a close to a close).
    void handleIncoming(const ParsedFrame &frame);
    void onDisconnected();
    void onSocketError();
    void onSslErrors(const QList<QSslError> &errors);
    void onTimeout();
    // Sends one masked frame and queues it to be shown.
    void sendFrame(int opcode, bool fin, const QByteArray &payload);
    // Sends a data message (opcode 1 or 2) in frames of at most frameSize bytes (0: one).
    void sendMessage(int opcode, const QByteArray &payload, int frameSize);
    // Emits framesSeen() with the frames queued since the last time, if any.
    void flushFrames();
    // The timeout in words: "10 s", "0.5 s".
    QString timeoutText() const;

    Phase m_phase = Phase::Connecting;
    QByteArray m_key; // Sec-WebSocket-Key as sent
    QByteArray m_buffer; // bytes received and not consumed yet
    QByteArray m_refusalStatus; // a refused handshake's status line, without the version
    qint64 m_refusalBodyLength = -1; // its Content-Length; -1: until the server closes
    WebSocketFrameParser m_incoming {16 * 1024 * 1024};
    WebSocketFrameParser m_outgoing {16 * 1024 * 1024}; // our own frames, read back to be shown
    InspectedFrameList m_pending; // frames not yet emitted
    QElapsedTimer m_messageSent; // since the last data message sent; invalid once answered
    QElapsedTimer m_pingSent; // since the last ping sent; invalid once answered
    bool m_closeSent = false;
    bool m_closeReceived = false;
    FrameClientOptions m_options;
    State m_state = State::Closed;
    QTcpSocket *m_socket = nullptr;
    QTimer *m_timeout = nullptr;
    QByteArray m_requestHead;
    QByteArray m_responseHead;
    QString m_subprotocol;
    int m_closeCode = 1006;
    QString m_closeReason;
};
