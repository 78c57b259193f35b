#include "fdtransport_p.h"

#include "frametap.h"

#include <QHostAddress>
#include <QSocketNotifier>

#ifdef Q_OS_LINUX

#include <cerrno>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

constexpr int MaxEventsPerPass = 256; // more stay ready, served on the next pass
constexpr int ReadChunk = 16 * 1024;
constexpr size_t CompactAfter = 64 * 1024; // sent bytes kept at the buffer's front

} // namespace

FdPoller::FdPoller()
    : m_epoll(::epoll_create1(EPOLL_CLOEXEC))
{
    if (m_epoll < 0)
        return;
    m_notifier = std::make_unique<QSocketNotifier>(qintptr(m_epoll), QSocketNotifier::Read);
    QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(),
                     [this] { dispatch(); });
}

FdPoller::~FdPoller()
{
    m_notifier.reset();
    if (m_epoll >= 0)
        ::close(m_epoll);
}

bool FdPoller::add(int fd, Client *client)
{
    epoll_event event {};
    event.events = EPOLLIN;
    event.data.ptr = client;
    return ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event) == 0;
}

void FdPoller::watchWrites(int fd, Client *client, bool writable)
{
    epoll_event event {};
    event.events = writable ? (EPOLLIN | EPOLLOUT) : EPOLLIN;
    event.data.ptr = client;
    ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &event);
}

void FdPoller::remove(int fd, Client *client)
{
    ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
    // An event of this pass not served yet must not reach a client that may be gone.
    for (Client *&pending : m_batch) {
        if (pending == client)
            pending = nullptr;
    }
}

void FdPoller::dispatch()
{
    epoll_event events[MaxEventsPerPass];
    const int count = ::epoll_wait(m_epoll, events, MaxEventsPerPass, 0);
    if (count <= 0)
        return;
    m_batch.resize(size_t(count));
    for (int i = 0; i < count; ++i)
        m_batch[size_t(i)] = static_cast<Client *>(events[i].data.ptr);
    for (int i = 0; i < count; ++i) {
        const uint32_t ready = events[i].events;
        if ((ready & EPOLLOUT) && m_batch[size_t(i)])
            m_batch[size_t(i)]->pollWritable();
        if ((ready & (EPOLLIN | EPOLLERR | EPOLLHUP)) && m_batch[size_t(i)])
            m_batch[size_t(i)]->pollReadable();
    }
    m_batch.clear();
}

FdTransport::FdTransport(std::shared_ptr<FdPoller> poller, int fd, const QByteArray &buffered,
                         const QByteArray &responseHead)
    : m_poller(std::move(poller))
    , m_fd(fd)
    , m_pendingIn(buffered)
    , m_responseHead(responseHead)
{
    if (!m_poller->add(m_fd, this)) {
        ::close(m_fd);
        m_fd = -1;
    }
}

FdTransport::~FdTransport()
{
    if (m_fd >= 0) {
        m_poller->remove(m_fd, this);
        ::close(m_fd);
    }
}

void FdTransport::readBuffered()
{
    const QByteArray bytes = std::exchange(m_pendingIn, QByteArray());
    if (m_fd < 0 || bytes.isEmpty() || !m_receiver)
        return;
    if (m_tap)
        m_tap->incoming(bytes.constData(), bytes.size(), m_readerAtBoundary);
    m_receiver->transportRead(bytes.constData(), bytes.size());
}

void FdTransport::write(const char *data, qint64 size)
{
    if (m_fd < 0 || size <= 0)
        return;
    if (m_tap)
        m_tap->outgoing(data, size);
    if (m_sent > 0 && m_sent >= CompactAfter && m_sent * 2 >= m_out.size()) {
        m_out.erase(0, m_sent); // a slow reader's backlog: drop what went, once in a while
        m_sent = 0;
    }
    m_out.append(data, size_t(size));
}

void FdTransport::flush()
{
    if (m_fd < 0 || m_watchingWrites)
        return;
    while (m_sent < m_out.size()) {
        const ssize_t sent = ::send(m_fd, m_out.data() + m_sent, m_out.size() - m_sent,
                                    MSG_NOSIGNAL | MSG_DONTWAIT);
        if (sent > 0) {
            m_sent += size_t(sent);
            continue;
        }
        if (sent < 0 && errno == EINTR)
            continue;
        if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            // The kernel's buffer is full: the rest goes when it takes writes again.
            m_watchingWrites = true;
            m_poller->watchWrites(m_fd, this, true);
            return;
        }
        closeNow(); // reset or broken pipe: the connection is gone
        return;
    }
    // All sent: the buffer's memory stays for the next pass (releaseIdleBuffers() frees it).
    m_out.clear();
    m_sent = 0;
    afterDrained();
}

void FdTransport::afterDrained()
{
    if (m_closeAsked) {
        closeNow();
    } else if (m_shutdownAsked) {
        m_shutdownAsked = false;
        ::shutdown(m_fd, SHUT_WR);
    }
}

void FdTransport::shutdownWriting()
{
    if (m_fd < 0)
        return;
    m_shutdownAsked = true;
    if (pendingBytes() == 0)
        afterDrained();
    else
        flush();
}

void FdTransport::disconnectFromHost()
{
    if (m_fd < 0)
        return;
    m_closeAsked = true;
    if (pendingBytes() == 0)
        closeNow();
    else
        flush();
}

void FdTransport::abort()
{
    closeNow();
}

QString FdTransport::peerName() const
{
    sockaddr_storage address {};
    socklen_t length = sizeof address;
    if (m_fd < 0 || ::getpeername(m_fd, reinterpret_cast<sockaddr *>(&address), &length) != 0)
        return QStringLiteral("?");
    QHostAddress host;
    quint16 port = 0;
    host.setAddress(reinterpret_cast<const sockaddr *>(&address));
    if (address.ss_family == AF_INET)
        port = ntohs(reinterpret_cast<const sockaddr_in *>(&address)->sin_port);
    else if (address.ss_family == AF_INET6)
        port = ntohs(reinterpret_cast<const sockaddr_in6 *>(&address)->sin6_port);
    return host.toString() + QLatin1Char(':') + QString::number(port);
}

void FdTransport::setTap(FrameTap *tap)
{
    m_tap = tap;
    // Attached in the middle of a frame, the tap skips to the next clean point.
    if (m_tap && !m_readerAtBoundary)
        m_tap->loseIncoming();
}

bool FdTransport::releaseIdleBuffers()
{
    if (m_tap || pendingBytes() > 0 || m_out.capacity() <= std::string().capacity())
        return false;
    std::string().swap(m_out); // (move-assigning an empty string would keep the capacity)
    m_sent = 0;
    return true;
}

void FdTransport::pollReadable()
{
    if (m_receiver && !m_pendingIn.isEmpty())
        readBuffered(); // what came first is read first
    if (m_fd < 0)
        return;
    char buffer[ReadChunk];
    const ssize_t size = ::recv(m_fd, buffer, sizeof buffer, MSG_DONTWAIT);
    if (size > 0) {
        if (!m_receiver) {
            m_pendingIn.append(buffer, size);
            return;
        }
        if (m_tap)
            m_tap->incoming(buffer, size, m_readerAtBoundary);
        m_receiver->transportRead(buffer, size);
        return;
    }
    if (size < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
        return;
    closeNow(); // the peer's FIN (0), or a reset
}

void FdTransport::pollWritable()
{
    m_watchingWrites = false;
    m_poller->watchWrites(m_fd, this, false);
    flush();
}

void FdTransport::closeNow()
{
    if (m_fd < 0)
        return;
    m_poller->remove(m_fd, this);
    ::close(m_fd);
    m_fd = -1;
    std::string().swap(m_out); // (move-assigning an empty string would keep the capacity)
    m_sent = 0;
    m_watchingWrites = false;
    if (m_receiver)
        m_receiver->transportClosed();
}

#endif // Q_OS_LINUX
