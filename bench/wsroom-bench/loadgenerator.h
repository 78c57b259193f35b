#pragma once

#include "payload.h"

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

// What one run of the load generator does.
struct LoadOptions
{
    enum class Mode { Broadcast, Idle };
    enum class Dialect { Chat, Native };

    Mode mode = Mode::Broadcast;
    Dialect dialect = Dialect::Chat;
    std::string host = "127.0.0.1";
    uint16_t port = 8000;
    // The WebSocket path; "{id}" is replaced by the client's name (chat: "/ws/{id}",
    // native: "/chat?name={id}&room=bench").
    std::string pathTemplate;
    std::string room = "bench"; // native dialect: the room the clients join and send to
    int clients = 100;
    int senders = 4;
    int messages = 1000; // per sender
    int window = 1; // messages in flight per sender
    int size = 64; // bytes of text per message
    Payload::Kind payload = Payload::Kind::Filler; // what the text is after the line's marker
    bool deflate = false; // offer permessage-deflate, require it, compress and inflate
    int connectConcurrency = 256; // handshakes in progress at once
    double holdSeconds = 2; // idle mode: how long the connections are held before measuring
    double stallSeconds = 10; // a run with no receipt for this long ends, counting what is missing
    int serverPid = 0; // 0: no server CPU or memory figures
    bool progress = false; // a progress bar on stderr
};

// A raw epoll WebSocket client for many connections in one thread: connects N clients, lets S
// of them send M numbered, timestamped lines each (at most W in flight), and checks that every
// client gets every line once and in order. Its own cost per message is a few syscalls and a
// substring search, so that the server, not the generator, is what is measured.
class ClientDeflate;

class LoadGenerator final
{
public:
    explicit LoadGenerator(const LoadOptions &options);
    ~LoadGenerator();
    LoadGenerator(const LoadGenerator &) = delete;
    LoadGenerator &operator=(const LoadGenerator &) = delete;

    // Runs to the end; false when it could not run at all (see error()).
    bool run();
    QString error() const { return m_error; }
    // The figures, as written by --json.
    QJsonObject results() const { return m_results; }

private:
    struct Connection;

    bool connectAll();
    bool openOne(int index);
    bool warmUp();
    bool broadcast();
    void poll(int timeoutMs);
    void onReadable(Connection &c);
    void onWritable(Connection &c);
    void onHandshakeBytes(Connection &c);
    void onFrames(Connection &c);
    // Counts a frame that carries no line of this run, and an error among them.
    void onOtherFrame(const char *data, size_t size);
    void onText(Connection &c, const char *data, size_t size);
    // Inflates a message that came compressed (RSV1), then reads it as onText does.
    void onCompressed(Connection &c, const char *data, size_t size);
    void sendText(Connection &c, const char *data, size_t size);
    void sendNext(int sender);
    void writeRaw(Connection &c, const char *data, size_t size);
    // Counts n bytes sent (received, for countIn) through a socket after the warm-up.
    void countOut(int64_t n) { m_bytesOut += m_countWire && n > 0 ? n : 0; }
    void countIn(int64_t n) { m_bytesIn += m_countWire && n > 0 ? n : 0; }
    void fail(Connection &c, const std::string &why);
    void showProgress(const char *phase, double fraction, const std::string &detail, bool done);

    LoadOptions m_options;
    QString m_error;
    QJsonObject m_results;
    int m_epoll = -1;
    std::vector<std::unique_ptr<Connection>> m_connections;

    // connect phase
    int m_opened = 0; // handshakes completed
    int m_inProgress = 0;
    int m_nextToOpen = 0;
    std::vector<int64_t> m_handshakeNs;

    // warm-up: every client must hear round r before the run starts
    int m_warmRound = 0;
    int m_warmHeard = 0;

    // broadcast phase
    std::vector<int> m_nextSeq; // per sender
    std::vector<int> m_inFlight; // per sender
    int64_t m_deliveries = 0;
    int64_t m_outOfOrder = 0;
    int64_t m_duplicates = 0;
    int64_t m_otherFrames = 0;
    int64_t m_errors = 0;
    int64_t m_lastReceiptNs = 0;
    std::vector<uint32_t> m_latencyUs; // histogram: [µs] -> count, the last bucket is overflow
    int64_t m_maxLatencyNs = 0;
    std::vector<std::string> m_errorSamples;
    std::string m_nativePrefix; // a native message request up to its text
    std::string m_nativeSuffix; // and after it
    std::unique_ptr<Payload> m_payload;
    std::unique_ptr<ClientDeflate> m_deflate; // with --deflate
    std::string m_line; // the message being sent, and its frame, kept for their capacity
    std::string m_frame;
    std::string m_deflated;

    // bytes through the sockets after the warm-up (frame headers and all)
    bool m_countWire = false;
    int64_t m_bytesIn = 0;
    int64_t m_bytesOut = 0;
    int64_t m_compressedIn = 0; // messages received compressed
    int64_t m_plainIn = 0; // and plain
    int64_t m_lastProgressNs = 0;
};
