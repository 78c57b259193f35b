#include "loadgenerator.h"

#include "clientdeflate.h"
#include "clientframe.h"
#include "generatorclock.h"
#include "processprobe.h"
#include "protocol/nativerequest.h"

#include <QJsonArray>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <random>

namespace {

constexpr size_t MaxLatencyUs = 1000000; // the histogram's last bucket holds everything slower
constexpr int WarmUpRounds = 5;
constexpr int64_t WarmUpRoundNs = 2000000000;
constexpr size_t ReadChunk = 256 * 1024;

} // namespace

struct LoadGenerator::Connection
{
    enum class State { Connecting, Handshaking, Open, Closed };

    int index = 0;
    int fd = -1;
    State state = State::Connecting;
    std::string in; // bytes received and not yet parsed
    std::string out; // bytes the socket did not take yet
    std::string fragments; // a fragmented message so far
    bool fragmenting = false;
    bool fragmentsCompressed = false; // its first frame had RSV1
    bool writeWatched = false;
    uint8_t mask[4] = {};
    int64_t startNs = 0;
    int warmRound = 0;
    std::vector<int32_t> lastSeq; // per sender: the last sequence number heard
};

LoadGenerator::LoadGenerator(const LoadOptions &options)
    : m_options(options)
{
    if (m_options.pathTemplate.empty()) {
        m_options.pathTemplate = m_options.dialect == LoadOptions::Dialect::Chat
            ? "/ws/{id}"
            : "/chat?name={id}&room=" + m_options.room;
    }
    // The native request around a line, written once by the protocol's own encoder; every
    // message is then the prefix, the line and the suffix, with no JSON work per message.
    const QByteArray marker = "LINE";
    const QByteArray request = NativeRequest::message(
        QJsonValue::Undefined, QString::fromStdString(m_options.room), QString::fromLatin1(marker));
    const qsizetype at = request.lastIndexOf(marker);
    m_nativePrefix = request.left(at).toStdString();
    m_nativeSuffix = request.mid(at + marker.size()).toStdString();
    m_payload = std::make_unique<Payload>(m_options.payload, std::min(m_options.size, 65536));
    if (m_options.deflate)
        m_deflate = std::make_unique<ClientDeflate>();
}

LoadGenerator::~LoadGenerator()
{
    for (const auto &c : m_connections) {
        if (c->fd >= 0)
            ::close(c->fd);
    }
    if (m_epoll >= 0)
        ::close(m_epoll);
}

bool LoadGenerator::run()
{
    // Every connection is a file descriptor: take all the process may have.
    rlimit limit;
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
    if (rlim_t(m_options.clients) + 64 > limit.rlim_cur) {
        m_error = QStringLiteral("%1 clients need more open files than the limit of %2 "
                                 "(raise it with ulimit -n)")
                      .arg(m_options.clients)
                      .arg(qulonglong(limit.rlim_cur));
        return false;
    }
    if (m_options.mode == LoadOptions::Mode::Broadcast
        && (m_options.senders < 1 || m_options.senders > m_options.clients)) {
        m_error = QStringLiteral("senders must be between 1 and the number of clients");
        return false;
    }

    m_epoll = epoll_create1(EPOLL_CLOEXEC);
    if (m_epoll < 0) {
        m_error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }

    m_results.insert(QStringLiteral("mode"),
                     m_options.mode == LoadOptions::Mode::Idle ? QStringLiteral("idle")
                                                               : QStringLiteral("broadcast"));
    m_results.insert(QStringLiteral("dialect"),
                     m_options.dialect == LoadOptions::Dialect::Chat ? QStringLiteral("chat")
                                                                     : QStringLiteral("native"));
    m_results.insert(QStringLiteral("clients"), m_options.clients);

    const int pid = m_options.serverPid;
    const int64_t rssBefore = pid ? ProcessProbe::rssKb(pid) : -1;
    if (!connectAll())
        return false;

    if (m_options.mode == LoadOptions::Mode::Idle) {
        const int64_t until = nowNs() + int64_t(m_options.holdSeconds * 1e9);
        while (nowNs() < until)
            poll(50);
        int open = 0;
        for (const auto &c : m_connections)
            open += c->state == Connection::State::Open;
        QJsonObject idle;
        idle.insert(QStringLiteral("held"), open);
        idle.insert(QStringLiteral("hold_s"), m_options.holdSeconds);
        if (pid) {
            const int64_t rssAfter = ProcessProbe::rssKb(pid);
            idle.insert(QStringLiteral("server_rss_before_kb"), qint64(rssBefore));
            idle.insert(QStringLiteral("server_rss_after_kb"), qint64(rssAfter));
            if (open > 0 && rssBefore >= 0 && rssAfter >= 0) {
                idle.insert(QStringLiteral("bytes_per_connection"),
                            double(rssAfter - rssBefore) * 1024.0 / open);
            }
        }
        m_results.insert(QStringLiteral("idle"), idle);
        m_results.insert(QStringLiteral("errors"), qint64(m_errors));
        return true;
    }

    if (!warmUp())
        return false;
    return broadcast();
}

// ---------------------------------------------------------------------------------------------
// Connecting

bool LoadGenerator::connectAll()
{
    m_connections.reserve(size_t(m_options.clients));
    std::mt19937 random(12345);
    for (int i = 0; i < m_options.clients; ++i) {
        auto c = std::make_unique<Connection>();
        c->index = i;
        for (uint8_t &b : c->mask)
            b = uint8_t(random());
        c->lastSeq.assign(size_t(m_options.senders), -1);
        m_connections.push_back(std::move(c));
    }
    m_handshakeNs.reserve(size_t(m_options.clients));

    const int64_t start = nowNs();
    int64_t lastProgress = 0;
    while (m_opened + int(m_errors) < m_options.clients) {
        while (m_nextToOpen < m_options.clients && m_inProgress < m_options.connectConcurrency) {
            if (!openOne(m_nextToOpen++))
                return false;
        }
        poll(100);
        const int64_t now = nowNs();
        if (now - lastProgress > 200000000) {
            lastProgress = now;
            showProgress("connect", double(m_opened) / m_options.clients,
                         std::to_string(m_opened) + " open", false);
        }
        if (now - start > int64_t(m_options.stallSeconds * 1e9) * 6) {
            m_error = QStringLiteral("connecting took too long: %1 of %2 open")
                          .arg(m_opened)
                          .arg(m_options.clients);
            return false;
        }
    }
    const double seconds = double(nowNs() - start) / 1e9;
    showProgress("connect", 1, std::to_string(m_opened) + " open", true);

    std::sort(m_handshakeNs.begin(), m_handshakeNs.end());
    QJsonObject connect;
    connect.insert(QStringLiteral("opened"), m_opened);
    connect.insert(QStringLiteral("failed"), qint64(m_errors));
    connect.insert(QStringLiteral("seconds"), seconds);
    connect.insert(QStringLiteral("per_second"), seconds > 0 ? m_opened / seconds : 0);
    connect.insert(QStringLiteral("handshake_p50_ms"), percentileMs(m_handshakeNs, 0.5));
    connect.insert(QStringLiteral("handshake_p99_ms"), percentileMs(m_handshakeNs, 0.99));
    m_results.insert(QStringLiteral("connect"), connect);
    if (m_opened == 0) {
        m_error = QStringLiteral("no connection could be opened: %1")
                      .arg(m_errorSamples.empty() ? QStringLiteral("?")
                                                  : QString::fromStdString(m_errorSamples[0]));
        return false;
    }
    return true;
}

bool LoadGenerator::openOne(int index)
{
    Connection &c = *m_connections[size_t(index)];
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(m_options.port);
    if (inet_pton(AF_INET, m_options.host.c_str(), &address.sin_addr) != 1) {
        addrinfo hints {};
        hints.ai_family = AF_INET;
        addrinfo *found = nullptr;
        if (getaddrinfo(m_options.host.c_str(), nullptr, &hints, &found) != 0 || !found) {
            m_error
                = QStringLiteral("cannot resolve %1").arg(QString::fromStdString(m_options.host));
            return false;
        }
        address.sin_addr = reinterpret_cast<sockaddr_in *>(found->ai_addr)->sin_addr;
        freeaddrinfo(found);
    }
    c.startNs = nowNs();
    c.fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (c.fd < 0) {
        m_error = QStringLiteral("socket: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    const int one = 1;
    setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    ++m_inProgress;
    if (::connect(c.fd, reinterpret_cast<sockaddr *>(&address), sizeof address) < 0
        && errno != EINPROGRESS) {
        fail(c, std::string("connect: ") + std::strerror(errno));
        return true;
    }
    epoll_event event {};
    event.events = EPOLLIN | EPOLLOUT;
    event.data.u32 = uint32_t(index);
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, c.fd, &event);
    c.writeWatched = true;
    return true;
}

void LoadGenerator::onHandshakeBytes(Connection &c)
{
    const size_t end = c.in.find("\r\n\r\n");
    if (end == std::string::npos) {
        if (c.in.size() > 16384)
            fail(c, "the handshake answer has no end");
        return;
    }
    if (c.in.compare(0, 12, "HTTP/1.1 101") != 0) {
        fail(c, "handshake refused: " + c.in.substr(0, c.in.find("\r\n")));
        return;
    }
    std::string why;
    if (m_deflate && !ClientDeflate::answerAgrees(c.in.substr(0, end), &why)) {
        fail(c, why);
        return;
    }
    c.in.erase(0, end + 4);
    c.state = Connection::State::Open;
    --m_inProgress;
    ++m_opened;
    m_handshakeNs.push_back(nowNs() - c.startNs);
    if (!c.in.empty())
        onFrames(c);
}

// ---------------------------------------------------------------------------------------------
// Running

bool LoadGenerator::warmUp()
{
    // One line from client 0 that every client must hear, so that each is in the room before
    // the clock starts (a server may add a member to its room just after the handshake).
    int open = 0;
    for (const auto &c : m_connections)
        open += c->state == Connection::State::Open;
    Connection &first = *m_connections[0];
    for (int round = 1; round <= WarmUpRounds; ++round) {
        if (first.state != Connection::State::Open)
            break;
        m_warmRound = round;
        m_warmHeard = 0;
        for (const auto &c : m_connections)
            m_warmHeard += c->warmRound >= round;
        std::string line = "~W" + std::to_string(round) + '.';
        if (m_options.dialect == LoadOptions::Dialect::Native)
            line = m_nativePrefix + line + m_nativeSuffix;
        sendText(first, line.data(), line.size());
        const int64_t until = nowNs() + WarmUpRoundNs;
        while (m_warmHeard < open && nowNs() < until)
            poll(50);
        if (m_warmHeard >= open)
            return true;
    }
    m_error = QStringLiteral("warm-up: only %1 of %2 clients heard the first line")
                  .arg(m_warmHeard)
                  .arg(open);
    if (!m_errorSamples.empty())
        m_error += QStringLiteral(" (%1)").arg(QString::fromStdString(m_errorSamples[0]));
    return false;
}

bool LoadGenerator::broadcast()
{
    const int senders = m_options.senders;
    m_nextSeq.assign(size_t(senders), 0);
    m_inFlight.assign(size_t(senders), 0);
    m_latencyUs.assign(MaxLatencyUs + 1, 0);
    const int64_t expected = int64_t(m_options.clients) * senders * m_options.messages;

    const int pid = m_options.serverPid;
    const int64_t serverCpu0 = pid ? ProcessProbe::cpuNs(pid) : -1;
    const int64_t ownCpu0 = ownCpuNs();
    m_countWire = true;
    m_compressedIn = m_plainIn = 0;
    const int64_t start = nowNs();
    m_lastReceiptNs = start;
    for (int s = 0; s < senders; ++s) {
        for (int w = 0; w < m_options.window; ++w)
            sendNext(s);
    }
    int64_t lastProgress = start;
    while (m_deliveries < expected) {
        poll(50);
        const int64_t now = nowNs();
        if (now - m_lastReceiptNs > int64_t(m_options.stallSeconds * 1e9))
            break;
        if (now - lastProgress > 200000000) {
            const double rate = double(m_deliveries) / (double(now - start) / 1e9);
            lastProgress = now;
            showProgress("run", double(m_deliveries) / double(expected),
                         std::to_string(int64_t(rate)) + " deliveries/s", false);
        }
    }
    const int64_t end = m_deliveries >= expected ? nowNs() : m_lastReceiptNs;
    const int64_t serverCpu1 = pid ? ProcessProbe::cpuNs(pid) : -1;
    const int64_t ownCpu1 = ownCpuNs();
    const double seconds = double(end - start) / 1e9;
    showProgress("run", double(m_deliveries) / double(expected), "", true);

    // Latency percentiles from the histogram.
    auto percentile = [&](double q) {
        const int64_t target = int64_t(q * double(m_deliveries));
        int64_t seen = 0;
        for (size_t us = 0; us <= MaxLatencyUs; ++us) {
            seen += m_latencyUs[us];
            if (seen > target)
                return double(us) / 1000.0;
        }
        return double(MaxLatencyUs) / 1000.0;
    };

    m_results.insert(QStringLiteral("senders"), senders);
    m_results.insert(QStringLiteral("messages"), m_options.messages);
    m_results.insert(QStringLiteral("window"), m_options.window);
    m_results.insert(QStringLiteral("size"), m_options.size);
    static constexpr const char *PayloadNames[] = {"filler", "text", "json"};
    m_results.insert(QStringLiteral("payload"),
                     QLatin1String(PayloadNames[int(m_options.payload)]));
    m_results.insert(QStringLiteral("expected"), qint64(expected));
    m_results.insert(QStringLiteral("deliveries"), qint64(m_deliveries));
    m_results.insert(QStringLiteral("missing"), qint64(expected - m_deliveries));
    m_results.insert(QStringLiteral("out_of_order"), qint64(m_outOfOrder));
    m_results.insert(QStringLiteral("duplicates"), qint64(m_duplicates));
    m_results.insert(QStringLiteral("errors"), qint64(m_errors));
    m_results.insert(QStringLiteral("other_frames"), qint64(m_otherFrames));
    m_results.insert(QStringLiteral("seconds"), seconds);
    m_results.insert(QStringLiteral("deliveries_per_s"),
                     seconds > 0 ? double(m_deliveries) / seconds : 0.0);
    QJsonObject latency;
    latency.insert(QStringLiteral("p50_ms"), percentile(0.5));
    latency.insert(QStringLiteral("p99_ms"), percentile(0.99));
    latency.insert(QStringLiteral("max_ms"), double(m_maxLatencyNs) / 1e6);
    m_results.insert(QStringLiteral("latency"), latency);
    m_results.insert(QStringLiteral("client_cpu_s"), double(ownCpu1 - ownCpu0) / 1e9);
    QJsonObject wire;
    wire.insert(QStringLiteral("deflate"), m_options.deflate);
    wire.insert(QStringLiteral("bytes_in"), qint64(m_bytesIn));
    wire.insert(QStringLiteral("bytes_out"), qint64(m_bytesOut));
    if (m_deliveries > 0) {
        wire.insert(QStringLiteral("bytes_per_delivery"),
                    double(m_bytesIn + m_bytesOut) / double(m_deliveries));
    }
    wire.insert(QStringLiteral("messages_in_compressed"), qint64(m_compressedIn));
    wire.insert(QStringLiteral("messages_in_plain"), qint64(m_plainIn));
    m_results.insert(QStringLiteral("wire"), wire);
    if (pid) {
        QJsonObject server;
        if (serverCpu0 >= 0 && serverCpu1 >= 0) {
            const double cpuS = double(serverCpu1 - serverCpu0) / 1e9;
            server.insert(QStringLiteral("cpu_s"), cpuS);
            if (m_deliveries > 0) {
                server.insert(QStringLiteral("cpu_us_per_delivery"),
                              cpuS * 1e6 / double(m_deliveries));
            }
        }
        server.insert(QStringLiteral("rss_kb"), qint64(ProcessProbe::rssKb(pid)));
        server.insert(QStringLiteral("peak_rss_kb"), qint64(ProcessProbe::peakRssKb(pid)));
        m_results.insert(QStringLiteral("server"), server);
    }
    QJsonArray samples;
    for (const std::string &s : m_errorSamples)
        samples.append(QString::fromStdString(s));
    if (!samples.isEmpty())
        m_results.insert(QStringLiteral("error_samples"), samples);
    return true;
}

void LoadGenerator::sendNext(int sender)
{
    if (m_nextSeq[size_t(sender)] >= m_options.messages)
        return;
    Connection &c = *m_connections[size_t(sender)];
    if (c.state != Connection::State::Open)
        return;
    // The native dialect wraps the line in a request; the chat dialect sends it as it is.
    const bool native = m_options.dialect == LoadOptions::Dialect::Native;
    char marker[64];
    const int n = std::snprintf(marker, sizeof marker, "~B%d.%d.%lld.", sender,
                                m_nextSeq[size_t(sender)], static_cast<long long>(nowNs()));
    m_line.clear();
    if (native)
        m_line += m_nativePrefix;
    m_payload->append(std::string(marker, size_t(n)), m_nextSeq[size_t(sender)], native, &m_line);
    if (native)
        m_line += m_nativeSuffix;
    ++m_nextSeq[size_t(sender)];
    ++m_inFlight[size_t(sender)];
    sendText(c, m_line.data(), m_line.size());
}

void LoadGenerator::poll(int timeoutMs)
{
    epoll_event events[512];
    const int n = epoll_wait(m_epoll, events, 512, timeoutMs);
    for (int i = 0; i < n; ++i) {
        Connection &c = *m_connections[events[i].data.u32];
        const uint32_t what = events[i].events;
        if (c.state == Connection::State::Closed)
            continue;
        if (c.state == Connection::State::Connecting) {
            int error = 0;
            socklen_t length = sizeof error;
            getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &error, &length);
            if (error != 0 || (what & (EPOLLERR | EPOLLHUP))) {
                fail(c, std::string("connect: ") + std::strerror(error ? error : ECONNREFUSED));
                continue;
            }
            if (!(what & EPOLLOUT))
                continue;
            c.state = Connection::State::Handshaking;
            std::string path = m_options.pathTemplate;
            const std::string name = "b" + std::to_string(c.index);
            for (size_t at; (at = path.find("{id}")) != std::string::npos;)
                path.replace(at, 4, name);
            const std::string request = "GET " + path + " HTTP/1.1\r\nHost: " + m_options.host + ':'
                + std::to_string(m_options.port)
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                  "Sec-WebSocket-Version: 13\r\n"
                + (m_deflate ? ClientDeflate::OfferHeader : "") + "\r\n";
            writeRaw(c, request.data(), request.size());
            continue;
        }
        if (what & EPOLLIN)
            onReadable(c);
        else if (what & (EPOLLERR | EPOLLHUP))
            fail(c, "the connection broke");
        if (c.state != Connection::State::Closed && (what & EPOLLOUT))
            onWritable(c);
    }
}

void LoadGenerator::onReadable(Connection &c)
{
    static std::vector<char> buffer(ReadChunk);
    for (;;) {
        const ssize_t n = recv(c.fd, buffer.data(), buffer.size(), 0);
        countIn(n);
        if (n > 0) {
            c.in.append(buffer.data(), size_t(n));
            if (c.state == Connection::State::Handshaking)
                onHandshakeBytes(c);
            else
                onFrames(c);
            if (c.state == Connection::State::Closed || size_t(n) < buffer.size())
                return;
            continue;
        }
        if (n == 0) {
            fail(c, "closed by the server");
            return;
        }
        if (errno == EINTR)
            continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK)
            fail(c, std::string("recv: ") + std::strerror(errno));
        return;
    }
}

void LoadGenerator::onWritable(Connection &c)
{
    if (!c.out.empty()) {
        const ssize_t n = send(c.fd, c.out.data(), c.out.size(), MSG_NOSIGNAL);
        countOut(n);
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            fail(c, std::string("send: ") + std::strerror(errno));
            return;
        }
        if (n > 0)
            c.out.erase(0, size_t(n));
    }
    if (c.out.empty() && c.writeWatched) {
        epoll_event event {};
        event.events = EPOLLIN;
        event.data.u32 = uint32_t(c.index);
        epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &event);
        c.writeWatched = false;
    }
}

void LoadGenerator::writeRaw(Connection &c, const char *data, size_t size)
{
    if (c.out.empty()) {
        const ssize_t n = send(c.fd, data, size, MSG_NOSIGNAL);
        countOut(n);
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            fail(c, std::string("send: ") + std::strerror(errno));
            return;
        }
        const size_t sent = n > 0 ? size_t(n) : 0;
        if (sent == size)
            return;
        c.out.append(data + sent, size - sent);
    } else {
        c.out.append(data, size);
    }
    if (!c.writeWatched) {
        epoll_event event {};
        event.events = EPOLLIN | EPOLLOUT;
        event.data.u32 = uint32_t(c.index);
        epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &event);
        c.writeWatched = true;
    }
}

void LoadGenerator::sendText(Connection &c, const char *data, size_t size)
{
    // A client frame: FIN + text (+ RSV1 when compressed), the length, the mask, the masked
    // payload.
    uint8_t first = 0x81;
    if (m_deflate) {
        m_deflate->compress(data, size, &m_deflated);
        data = m_deflated.data();
        size = m_deflated.size();
        first |= 0x40;
    }
    makeClientFrame(first, data, size, c.mask, &m_frame);
    writeRaw(c, m_frame.data(), m_frame.size());
}

void LoadGenerator::onFrames(Connection &c)
{
    size_t pos = 0;
    const size_t total = c.in.size();
    const char *base = c.in.data();
    while (c.state == Connection::State::Open && total - pos >= 2) {
        const auto *p = reinterpret_cast<const uint8_t *>(base + pos);
        const bool fin = p[0] & 0x80;
        const bool compressed = p[0] & 0x40;
        const int opcode = p[0] & 0x0f;
        const bool masked = p[1] & 0x80;
        uint64_t length = p[1] & 0x7f;
        size_t header = 2;
        if (length == 126) {
            if (total - pos < 4)
                break;
            length = (uint64_t(p[2]) << 8) | p[3];
            header = 4;
        } else if (length == 127) {
            if (total - pos < 10)
                break;
            length = 0;
            for (int i = 0; i < 8; ++i)
                length = (length << 8) | p[2 + i];
            header = 10;
        }
        if (masked || (compressed && (!m_deflate || opcode == 0x0 || opcode >= 0x8))) {
            fail(c,
                 masked ? "the server sent a masked frame"
                        : "the server set RSV1 where it may not");
            return;
        }
        if (length > (64u << 20)) {
            fail(c, "the server sent a frame of " + std::to_string(length) + " bytes");
            return;
        }
        if (total - pos < header + length)
            break;
        const char *payload = base + pos + header;
        pos += header + size_t(length);
        switch (opcode) {
        case 0x1:
        case 0x2:
            if (fin && compressed) {
                onCompressed(c, payload, size_t(length));
            } else if (fin) {
                ++m_plainIn;
                onText(c, payload, size_t(length));
            } else {
                c.fragments.assign(payload, size_t(length));
                c.fragmenting = true;
                c.fragmentsCompressed = compressed;
            }
            break;
        case 0x0:
            if (c.fragmenting) {
                c.fragments.append(payload, size_t(length));
                if (fin) {
                    c.fragmenting = false;
                    if (c.fragmentsCompressed) {
                        onCompressed(c, c.fragments.data(), c.fragments.size());
                    } else {
                        ++m_plainIn;
                        onText(c, c.fragments.data(), c.fragments.size());
                    }
                }
            }
            break;
        case 0x8: {
            std::string why = "closed by the server";
            if (length >= 2) {
                const auto *code = reinterpret_cast<const uint8_t *>(payload);
                why += " with " + std::to_string((code[0] << 8) | code[1]) + ' '
                    + std::string(payload + 2, size_t(length) - 2);
            }
            fail(c, why);
            return;
        }
        case 0x9: // ping: pong with the same payload
            makeClientFrame(0x8a, payload, std::min<size_t>(size_t(length), 125), c.mask, &m_frame);
            writeRaw(c, m_frame.data(), m_frame.size());
            break;
        default:
            break;
        }
    }
    if (c.state != Connection::State::Closed)
        c.in.erase(0, pos);
}

void LoadGenerator::onOtherFrame(const char *data, size_t size)
{
    ++m_otherFrames;
    if (memmem(data, size, "\"error\"", 7)) {
        ++m_errors;
        if (m_errorSamples.size() < 5)
            m_errorSamples.emplace_back(data, std::min<size_t>(size, 200));
    }
}

void LoadGenerator::onCompressed(Connection &c, const char *data, size_t size)
{
    ++m_compressedIn;
    const char *text = nullptr;
    size_t textSize = 0;
    if (!m_deflate->inflate(data, size, &text, &textSize)) {
        fail(c, "the server sent a compressed message that does not inflate");
        return;
    }
    onText(c, text, textSize);
}

void LoadGenerator::onText(Connection &c, const char *data, size_t size)
{
    // A native client also gets welcome, joined (with the room's history: old lines, not to be
    // counted) and presence events; only message events carry this run's lines.
    static constexpr char NativeMessage[] = "{\"type\":\"message\"";
    if (m_options.dialect == LoadOptions::Dialect::Native
        && (size < sizeof NativeMessage - 1
            || std::memcmp(data, NativeMessage, sizeof NativeMessage - 1) != 0)) {
        onOtherFrame(data, size);
        return;
    }
    const char *end = data + size;
    const char *mark = static_cast<const char *>(memmem(data, size, "~", 1));
    while (mark && end - mark >= 2 && mark[1] != 'B' && mark[1] != 'W')
        mark = static_cast<const char *>(memchr(mark + 1, '~', size_t(end - mark - 1)));
    if (!mark || end - mark < 2) {
        onOtherFrame(data, size);
        return;
    }
    const char *p = mark + 2;
    if (mark[1] == 'W') {
        int64_t round = 0;
        if (!parseNumber(p, end, &round))
            return;
        if (c.warmRound < round) {
            if (round >= m_warmRound && c.warmRound < m_warmRound)
                ++m_warmHeard;
            c.warmRound = int(round);
        }
        return;
    }
    int64_t sender = 0;
    int64_t seq = 0;
    int64_t sentNs = 0;
    if (!parseNumber(p, end, &sender) || !parseNumber(p, end, &seq) || !parseNumber(p, end, &sentNs)
        || sender >= int64_t(c.lastSeq.size())) {
        ++m_otherFrames;
        return;
    }
    const int64_t now = nowNs();
    m_lastReceiptNs = now;
    int32_t &last = c.lastSeq[size_t(sender)];
    if (seq <= last) {
        ++m_duplicates;
        ++m_outOfOrder;
        return;
    }
    if (seq != last + 1)
        ++m_outOfOrder;
    last = int32_t(seq);
    ++m_deliveries;
    const int64_t latency = now - sentNs;
    m_maxLatencyNs = std::max(m_maxLatencyNs, latency);
    ++m_latencyUs[std::min(size_t(std::max<int64_t>(latency, 0) / 1000), MaxLatencyUs)];
    if (c.index == sender) {
        --m_inFlight[size_t(sender)];
        sendNext(int(sender));
    }
}

void LoadGenerator::fail(Connection &c, const std::string &why)
{
    if (c.state == Connection::State::Closed)
        return;
    if (c.state == Connection::State::Connecting || c.state == Connection::State::Handshaking)
        --m_inProgress;
    c.state = Connection::State::Closed;
    if (c.fd >= 0) {
        epoll_ctl(m_epoll, EPOLL_CTL_DEL, c.fd, nullptr);
        ::close(c.fd);
        c.fd = -1;
    }
    ++m_errors;
    if (m_errorSamples.size() < 5)
        m_errorSamples.push_back("client " + std::to_string(c.index) + ": " + why);
}

void LoadGenerator::showProgress(const char *phase, double fraction, const std::string &detail,
                                 bool done)
{
    if (!m_options.progress)
        return;
    constexpr int Width = 30;
    const int filled = std::clamp(int(fraction * Width), 0, Width);
    std::fprintf(
        stderr, "\r%-8s [%s%s] %3d%% %-24s", phase, std::string(size_t(filled), '#').c_str(),
        std::string(size_t(Width - filled), ' ').c_str(), int(fraction * 100), detail.c_str());
    if (done)
        std::fputc('\n', stderr);
    std::fflush(stderr);
}
