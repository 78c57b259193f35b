#pragma once

#include "membertransport_p.h"

#include <QByteArray>

#include <memory>
#include <string>
#include <vector>

class QSocketNotifier;

// The server thread's members' descriptors in one epoll set behind one QSocketNotifier
// (level-triggered): every readable or writable member is served in one pass, with no
// notifier, hash entry or signal connection per member. Shared by the transports it serves.
class FdPoller final
{
public:
    // What the poller calls for a ready descriptor.
    class Client
    {
    public:
        // The descriptor is readable (or has an error or hang-up to read).
        virtual void pollReadable() = 0;
        // The descriptor takes writes again.
        virtual void pollWritable() = 0;

    protected:
        ~Client() = default;
    };

    // Makes the epoll set and its notifier in the calling thread.
    FdPoller();
    ~FdPoller();
    FdPoller(const FdPoller &) = delete;
    FdPoller &operator=(const FdPoller &) = delete;

    // True if the epoll set could be made.
    bool isValid() const { return m_epoll >= 0; }
    // Watches fd for reading (and writing too if writable) for client; false on failure.
    bool add(int fd, Client *client);
    // Watches fd for reading, and for writing while writable is true.
    void watchWrites(int fd, Client *client, bool writable);
    // Stops watching fd (before it is closed) and drops client's events not yet served.
    void remove(int fd, Client *client);

private:
    // Serves the ready descriptors.
    void dispatch();

    int m_epoll = -1;
    std::unique_ptr<QSocketNotifier> m_notifier;
    std::vector<Client *> m_batch; // the clients of the events being served (null: gone)
};

// A plain member's connection on its own descriptor, taken from the QTcpSocket that did the
// handshake: reads go straight into the reader, and what the fan-out writes goes into one
// buffer sent with one send() per pass. Its bytes reach the frame inspector's tap directly.
class FdTransport final : public MemberTransport, private FdPoller::Client
{
public:
    // Takes fd over (closes it in the end), watched by poller; buffered: bytes the handshake
    // socket had read past the request, told to the receiver first; responseHead: the 101's head.
    FdTransport(std::shared_ptr<FdPoller> poller, int fd, const QByteArray &buffered,
                const QByteArray &responseHead);
    ~FdTransport() override;
    FdTransport(const FdTransport &) = delete;
    FdTransport &operator=(const FdTransport &) = delete;

    void setReceiver(Receiver *receiver) override { m_receiver = receiver; }
    bool hasBuffered() const override { return !m_pendingIn.isEmpty(); }
    void readBuffered() override;
    bool isConnected() const override { return m_fd >= 0; }
    bool isTls() const override { return false; }
    using MemberTransport::write;
    void write(const char *data, qint64 size) override;
    void flush() override;
    qint64 pendingBytes() const override { return qint64(m_out.size() - m_sent); }
    void shutdownWriting() override;
    void disconnectFromHost() override;
    void abort() override;
    QString peerName() const override;
    QByteArray responseHead() const override { return m_responseHead; }
    void setTap(FrameTap *tap) override;
    void setReaderAtFrameBoundary(bool atBoundary) override { m_readerAtBoundary = atBoundary; }
    bool releaseIdleBuffers() override;

private:
    void pollReadable() override;
    void pollWritable() override;
    // Closes the descriptor and tells the receiver, once.
    void closeNow();
    // After a send that emptied the buffer: the FIN or the close asked for meanwhile.
    void afterDrained();

    std::shared_ptr<FdPoller> m_poller;
    int m_fd = -1;
    Receiver *m_receiver = nullptr;
    FrameTap *m_tap = nullptr;
    // Written, from m_sent on not yet sent. A std::string: its append is a capacity check and
    // a memcpy (QByteArray's goes through insert()), and empty it allocates nothing.
    std::string m_out;
    size_t m_sent = 0;
    QByteArray m_pendingIn; // read before there was a receiver
    QByteArray m_responseHead;
    bool m_watchingWrites = false;
    bool m_shutdownAsked = false; // FIN once drained
    bool m_closeAsked = false; // close once drained
    bool m_readerAtBoundary = true;
};
