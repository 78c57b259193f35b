// floor-server: the practical floor for a chat fan-out on this machine, for bench/compare's
// ratio to it (issue #21). One thread, one epoll loop; a text frame from a client goes to every
// client as {"client_id": id, "message": text, "timestamp": UTC time}, the chat dialect's line,
// copied and written with no validation at all (no UTF-8 or JSON check, no escaping, no limits):
// what any real server does beyond this is its overhead. Writes are corked: frames are appended
// to each client's buffer while a batch of epoll events is handled, and each client gets one
// send() after the batch. Usage: floor-server [PORT]; prints "listening on port N" (PORT 0
// picks a free one).

#include <QByteArray>
#include <QCryptographicHash>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

namespace {

struct Client
{
    int fd = -1;
    bool open = false; // the handshake is done
    bool closing = false; // to be closed after this batch
    bool dirty = false; // has bytes to send after this batch
    bool watching = false; // EPOLLOUT is on: the kernel's buffer was full
    size_t index = 0; // position in the list of clients
    std::string id;
    std::string in;
    std::string out;
    size_t outSent = 0;
};

std::vector<Client *> g_clients;
std::vector<Client *> g_dirty;
std::vector<Client *> g_closing;
int g_epoll = -1;

// Marks the client for closing after the batch (its fd stays valid until then).
void closeLater(Client *c)
{
    if (!c->closing) {
        c->closing = true;
        g_closing.push_back(c);
    }
}

// Queues bytes for the client, sent after the batch.
void queue(Client *c, const char *data, size_t size)
{
    c->out.append(data, size);
    if (!c->dirty) {
        c->dirty = true;
        g_dirty.push_back(c);
    }
}

// Appends an unmasked server frame header for a payload of the given size.
void frameHeader(std::string &out, unsigned char opcode, size_t size)
{
    out.push_back(char(0x80 | opcode));
    if (size < 126) {
        out.push_back(char(size));
    } else if (size < 65536) {
        out.push_back(char(126));
        out.push_back(char(size >> 8));
        out.push_back(char(size & 0xff));
    } else {
        out.push_back(char(127));
        for (int shift = 56; shift >= 0; shift -= 8)
            out.push_back(char((uint64_t(size) >> shift) & 0xff));
    }
}

// The current UTC time as the chat dialect writes it (ISO 8601 with milliseconds).
std::string_view timestamp()
{
    static char text[32];
    timespec now {};
    clock_gettime(CLOCK_REALTIME, &now);
    tm utc {};
    gmtime_r(&now.tv_sec, &utc);
    const int n = std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ",
                                utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour,
                                utc.tm_min, utc.tm_sec, now.tv_nsec / 1000000);
    return std::string_view(text, size_t(n));
}

// Sends the line for a text frame to every open client.
void broadcast(const Client *from, std::string_view text)
{
    static std::string frame;
    static std::string line;
    line.assign("{\"client_id\":\"");
    line.append(from->id);
    line.append("\",\"message\":\"");
    line.append(text);
    line.append("\",\"timestamp\":\"");
    line.append(timestamp());
    line.append("\"}");
    frame.clear();
    frameHeader(frame, 0x1, line.size());
    frame.append(line);
    for (Client *c : g_clients) {
        if (c->open && !c->closing)
            queue(c, frame.data(), frame.size());
    }
}

// Answers the opening handshake once the request head is complete; false if it is not yet.
bool handshake(Client *c)
{
    const size_t end = c->in.find("\r\n\r\n");
    if (end == std::string::npos)
        return false;
    const std::string_view head(c->in.data(), end);
    const size_t pathStart = head.find(' ');
    const size_t pathEnd = head.find(' ', pathStart + 1);
    if (pathStart == std::string_view::npos || pathEnd == std::string_view::npos) {
        closeLater(c);
        return true;
    }
    const std::string_view path = head.substr(pathStart + 1, pathEnd - pathStart - 1);
    c->id.assign(path.substr(path.rfind('/') + 1));
    std::string lower(head);
    for (char &ch : lower)
        ch = char(std::tolower(static_cast<unsigned char>(ch)));
    const size_t keyAt = lower.find("\r\nsec-websocket-key:");
    if (keyAt == std::string::npos) {
        closeLater(c);
        return true;
    }
    size_t keyStart = keyAt + std::strlen("\r\nsec-websocket-key:");
    while (keyStart < head.size() && head[keyStart] == ' ')
        ++keyStart;
    size_t keyEnd = head.find("\r\n", keyStart);
    if (keyEnd == std::string_view::npos)
        keyEnd = head.size();
    QByteArray key(head.data() + keyStart, qsizetype(keyEnd - keyStart));
    key = key.trimmed() + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    const QByteArray accept = QCryptographicHash::hash(key, QCryptographicHash::Sha1).toBase64();
    std::string response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                           "Connection: Upgrade\r\nSec-WebSocket-Accept: ";
    response.append(accept.constData(), size_t(accept.size()));
    response.append("\r\n\r\n");
    queue(c, response.data(), response.size());
    c->in.erase(0, end + 4);
    c->open = true;
    return true;
}

// Handles every whole frame in the client's input.
void readFrames(Client *c)
{
    size_t at = 0;
    std::string &in = c->in;
    while (!c->closing && in.size() - at >= 2) {
        auto *p = reinterpret_cast<unsigned char *>(&in[at]);
        const unsigned char opcode = p[0] & 0x0f;
        const bool masked = p[1] & 0x80;
        uint64_t size = p[1] & 0x7f;
        size_t header = 2;
        if (size == 126) {
            if (in.size() - at < 4)
                break;
            size = (uint64_t(p[2]) << 8) | p[3];
            header = 4;
        } else if (size == 127) {
            if (in.size() - at < 10)
                break;
            size = 0;
            for (int i = 0; i < 8; ++i)
                size = (size << 8) | p[2 + i];
            header = 10;
        }
        const size_t maskAt = header;
        if (masked)
            header += 4;
        if (in.size() - at < header + size)
            break;
        unsigned char *payload = p + header;
        if (masked) {
            const unsigned char *mask = p + maskAt;
            for (uint64_t i = 0; i < size; ++i)
                payload[i] ^= mask[i & 3];
        }
        const std::string_view data(reinterpret_cast<char *>(payload), size_t(size));
        if (opcode == 0x1) {
            broadcast(c, data);
        } else if (opcode == 0x8) {
            std::string close;
            frameHeader(close, 0x8, 2);
            close.append("\x03\xe8", 2);
            queue(c, close.data(), close.size());
            closeLater(c);
        } else if (opcode == 0x9) {
            std::string pong;
            frameHeader(pong, 0xA, data.size());
            pong.append(data);
            queue(c, pong.data(), pong.size());
        }
        at += header + size;
    }
    in.erase(0, at);
}

// Reads what the kernel has for the client and handles it.
void onReadable(Client *c)
{
    static char buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::recv(c->fd, buffer, sizeof buffer, 0);
        if (n > 0) {
            c->in.append(buffer, size_t(n));
            if (size_t(n) < sizeof buffer)
                break;
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        if (n < 0 && errno == EINTR)
            continue;
        closeLater(c);
        return;
    }
    if (!c->open && !handshake(c))
        return;
    readFrames(c);
}

// Sends as much of the client's output as the kernel takes; watches for room if some is left.
void flush(Client *c)
{
    while (c->outSent < c->out.size()) {
        const ssize_t n
            = ::send(c->fd, c->out.data() + c->outSent, c->out.size() - c->outSent, MSG_NOSIGNAL);
        if (n > 0) {
            c->outSent += size_t(n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        closeLater(c);
        return;
    }
    const bool left = c->outSent < c->out.size();
    if (c->closing)
        return;
    if (!left) {
        // The buffer keeps its capacity for the next batch: a busy client allocates nothing. An
        // idle one holds what its handshake needed (a few hundred bytes).
        c->outSent = 0;
        c->out.clear();
    }
    if (left != c->watching) {
        epoll_event event {};
        event.events = left ? (EPOLLIN | EPOLLOUT) : EPOLLIN;
        event.data.ptr = c;
        epoll_ctl(g_epoll, EPOLL_CTL_MOD, c->fd, &event);
        c->watching = left;
    }
}

// Accepts every pending connection.
void onAcceptable(int listener)
{
    for (;;) {
        const int fd = ::accept4(listener, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0)
            return;
        const int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        auto *c = new Client;
        c->fd = fd;
        c->index = g_clients.size();
        g_clients.push_back(c);
        epoll_event event {};
        event.events = EPOLLIN;
        event.data.ptr = c;
        epoll_ctl(g_epoll, EPOLL_CTL_ADD, fd, &event);
    }
}

// Closes the clients marked during the batch.
void closeMarked()
{
    for (Client *c : g_closing) {
        epoll_ctl(g_epoll, EPOLL_CTL_DEL, c->fd, nullptr);
        ::close(c->fd);
        Client *last = g_clients.back();
        g_clients[c->index] = last;
        last->index = c->index;
        g_clients.pop_back();
        delete c;
    }
    g_closing.clear();
}

} // namespace

int main(int argc, char *argv[])
{
    const long port = argc > 1 ? std::strtol(argv[1], nullptr, 10) : 8105;
    if (port < 0 || port > 65535) {
        std::fprintf(stderr, "floor-server: the port must be a number from 0 to 65535\n");
        return 2;
    }
    std::signal(SIGPIPE, SIG_IGN);
    const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    const int one = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(uint16_t(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(listener, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0
        || ::listen(listener, 4096) != 0) {
        std::fprintf(stderr, "floor-server: cannot listen on port %ld: %s\n", port,
                     std::strerror(errno));
        return 1;
    }
    socklen_t length = sizeof address;
    getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length);
    std::printf("listening on port %d\n", ntohs(address.sin_port));
    std::fflush(stdout);

    g_epoll = epoll_create1(EPOLL_CLOEXEC);
    epoll_event listen {};
    listen.events = EPOLLIN;
    listen.data.ptr = nullptr;
    epoll_ctl(g_epoll, EPOLL_CTL_ADD, listener, &listen);
    std::vector<epoll_event> events(512);
    for (;;) {
        const int n = epoll_wait(g_epoll, events.data(), int(events.size()), -1);
        if (n < 0 && errno == EINTR)
            continue;
        for (int i = 0; i < n; ++i) {
            auto *c = static_cast<Client *>(events[size_t(i)].data.ptr);
            if (!c) {
                onAcceptable(listener);
                continue;
            }
            if (c->closing)
                continue;
            if (events[size_t(i)].events & (EPOLLERR | EPOLLHUP))
                closeLater(c);
            else if (events[size_t(i)].events & EPOLLIN)
                onReadable(c);
            if (!c->closing && (events[size_t(i)].events & EPOLLOUT))
                flush(c);
        }
        for (Client *c : g_dirty) {
            c->dirty = false;
            flush(c); // a closing client's close frame too: what does not fit is dropped
        }
        g_dirty.clear();
        closeMarked();
    }
}
