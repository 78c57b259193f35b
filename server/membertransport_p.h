#pragma once

#include <QByteArray>
#include <QString>

class FrameTap;

// What a member's frame layer (MemberConnection) and the fan-out (Outbox) need of the byte
// stream under a WebSocket after its handshake, whatever carries it: the member's own
// descriptor (FdTransport, plain members) or a QSslSocket (QtSocketTransport, wss members).
// Writes are buffered and leave on flush(); reads and the end of the connection are told to
// the Receiver. Not a QObject: a plain member costs no signal connection here.
class MemberTransport
{
public:
    // Who is told what arrives. The calls may come from inside flush(), abort() and the like.
    class Receiver
    {
    public:
        // Bytes the peer sent, in order.
        virtual void transportRead(const char *data, qint64 size) = 0;
        // The connection ended (the peer's FIN after ours, a reset, abort()); told once.
        virtual void transportClosed() = 0;

    protected:
        ~Receiver() = default;
    };

    virtual ~MemberTransport() = default;

    // Tells receiver (not owned; nullptr: nobody) what arrives from now on.
    virtual void setReceiver(Receiver *receiver) = 0;
    // True if bytes arrived before the receiver was set (read with readBuffered()).
    virtual bool hasBuffered() const = 0;
    // Tells the receiver the bytes that arrived before it was set.
    virtual void readBuffered() = 0;
    // True until the connection ended or abort() was called.
    virtual bool isConnected() const = 0;
    // True for TLS: its end is its own close_notify (disconnectFromHost()), never a bare FIN.
    virtual bool isTls() const = 0;
    // Appends data to what goes out; nothing is sent before flush().
    virtual void write(const char *data, qint64 size) = 0;
    // Appends data to what goes out (see the other write()).
    void write(const QByteArray &data) { write(data.constData(), data.size()); }
    // Sends as much of what waits as the kernel takes now; the rest goes when it can.
    virtual void flush() = 0;
    // Bytes written and not yet taken by the kernel (for TLS, the encrypted ones too).
    virtual qint64 pendingBytes() const = 0;
    // Sends the FIN once what waits is sent, and reads on until the peer's.
    virtual void shutdownWriting() = 0;
    // Ends the connection once what waits is sent; transportClosed() follows.
    virtual void disconnectFromHost() = 0;
    // Drops the connection now; transportClosed() follows (at once) if it was up.
    virtual void abort() = 0;
    // The peer's address and port as text, for the log.
    virtual QString peerName() const = 0;

    // The head of the 101 answer written on this connection (the frame inspector's).
    virtual QByteArray responseHead() const = 0;
    // Hands tap (nullptr: none) every byte read and written from now on.
    virtual void setTap(FrameTap *tap) = 0;
    // Told by the reader after each read: whether it stopped between two frames.
    virtual void setReaderAtFrameBoundary(bool atBoundary) = 0;
    // Frees buffers kept for reuse if nothing waits in them; true if it freed any.
    virtual bool releaseIdleBuffers() = 0;
};
