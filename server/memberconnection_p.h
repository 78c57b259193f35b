#pragma once

#include "membertransport_p.h"
#include "protocol/websocketframe.h"
#include "protocol/websocketreader.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <memory>

class QTimer;
struct Member;

// One member's WebSocket connection once the opening handshake is answered: wsroom's own frame
// layer in place of QWebSocket's (docs/architecture.md, "The frame layer"). Reads what the
// client sends through a strict WebSocketReader, answers pings and closes, fails the connection
// with the reader's code, and closes the TCP connection the way RFC 6455 (7.1.1) asks. Data
// frames to the member are written by the Outbox straight to transport(); only control frames
// are written here. What arrives goes to its Listener by direct calls (no signal connection per
// member); a connection without one (refused at admission) only closes.
class MemberConnection final : public QObject, private MemberTransport::Receiver
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemberConnection)

public:
    // Told what a member's connection receives.
    class Listener
    {
    public:
        // A whole text message, valid UTF-8, from member.
        virtual void memberText(Member *member, const QByteArray &utf8) = 0;
        // A whole binary message from member.
        virtual void memberBinary(Member *member, const QByteArray &data) = 0;
        // A pong from member.
        virtual void memberPong(Member *member) = 0;
        // member's TCP connection ended; told once, possibly inside another call.
        virtual void memberDisconnected(Member *member) = 0;

    protected:
        ~Listener() = default;
    };

    // Takes transport over after the 101 answer was written to it; messages past
    // maxMessageBytes fail with 1009; deflateWindowBits: the server's permessage-deflate window,
    // 0 when not agreed. Bytes already buffered are read on the next pass of the event loop.
    MemberConnection(std::unique_ptr<MemberTransport> transport, qint64 maxMessageBytes,
                     int deflateWindowBits, QObject *parent = nullptr);
    ~MemberConnection() override;

    MemberTransport *transport() const { return m_transport.get(); }
    // Tells listener (nullptr: nobody; disconnected() is emitted instead) what member's
    // connection receives.
    void setListener(Listener *listener, Member *member)
    {
        m_listener = listener;
        m_member = member;
    }
    // The window the member's messages are compressed with; 0 for plain frames.
    int deflateWindowBits() const { return m_deflateWindowBits; }
    // True until a close frame was sent or received or the connection dropped.
    bool isOpen() const;

    // Sends a close frame with code and reason (cut to fit 123 bytes at a character's end),
    // then reads nothing but the peer's close; the TCP connection is closed when it comes, or
    // cut after graceMs (0: at once). Does nothing once a close was sent.
    void close(int code, const QString &reason, int graceMs);
    // Sends a ping with payload (at most 125 bytes).
    void ping(const QByteArray &payload = QByteArray());
    // Drops the TCP connection now; the end is told (listener or disconnected()) if it was up.
    void abort();

    // The close that ended the connection, the first sent or received: its code (1005 if the
    // peer's had none, 1006 if the TCP connection dropped without one) and reason.
    int closeCode() const { return m_closeCode; }
    QString closeReason() const { return m_closeReason; }

signals:
    // The TCP connection ended, with no listener set; emitted once.
    void disconnected();

private:
    // Reads bytes that arrived and acts on each message.
    void transportRead(const char *data, qint64 size) override;
    // The TCP connection ended.
    void transportClosed() override;
    // Acts on one message or control frame.
    void handle(WebSocketReader::Message &message);
    // Writes a close frame (once) and remembers it as the one that ended the connection.
    void sendClose(int code, const QString &reason);
    enum class Finish {
        Now, // the closing handshake is done: close the TCP connection once the close is sent
        Linger, // the connection failed: the peer may still be sending
    };
    // Ends the TCP connection after the close frames, the server first (RFC 6455, 7.1.1).
    // Lingering, it sends its FIN and reads on until the peer's, so that bytes the peer sent
    // meanwhile do not turn the FIN into a reset that loses the close frame; cut after graceMs.
    void finish(Finish how, int graceMs);
    // Writes a control frame.
    void writeControl(WebSocketFrame::Opcode opcode, const QByteArray &payload);
    // Aborts the connection in ms unless it ends before (restarting the count if running).
    void cutAfter(int ms);

    std::unique_ptr<MemberTransport> m_transport;
    Listener *m_listener = nullptr;
    Member *m_member = nullptr; // told to m_listener
    int m_deflateWindowBits = 0;
    WebSocketReader m_reader;
    bool m_closeSent = false;
    bool m_closeReceived = false;
    bool m_finishing = false; // the TCP connection is being closed: bytes read are dropped
    bool m_gone = false; // the end was told
    int m_closeCode = 1006;
    QString m_closeReason;
    QTimer *m_graceTimer = nullptr; // made when a close begins
};
