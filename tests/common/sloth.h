#pragma once

#include <QByteArray>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

// A member that completes its WebSocket handshake and then never reads, on a plain blocking
// socket with a small receive buffer: the slow consumer of the 4008 tests.
namespace Sloth {

// Connects to 127.0.0.1:port and sends the opening handshake for target (a chat-dialect path
// such as "/ws/lobby/sloth"). The socket descriptor, or -1.
inline int connect(quint16 port, const QByteArray &target)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    int small = 4096;
    ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
    sockaddr_in address = {};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const QByteArray handshake = "GET " + target
        + " HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0
        || ::write(fd, handshake.constData(), size_t(handshake.size()))
            != ssize_t(handshake.size())) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// Reads everything fd still gives until the server closes it, then closes fd: the last 64
// bytes, where a close frame would be.
inline QByteArray readToEnd(int fd)
{
    QByteArray tail;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n <= 0)
            break;
        tail.append(buffer, int(n));
        if (tail.size() > 8)
            tail = tail.right(64);
    }
    ::close(fd);
    return tail;
}

} // namespace Sloth
