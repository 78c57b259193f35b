#pragma once

#include <zlib.h>

#include <cstddef>
#include <string>
#include <vector>

// permessage-deflate (RFC 7692) for the load generator's clients: what they offer, whether the
// server's answer agreed to it, and whole messages compressed and inflated, each on its own.
// One ClientDeflate serves every client of the generator's thread: the server takes no context
// over in either direction, so the streams are reset for every message. With no context taken
// over, a compressed message inflates to the same text wherever it arrives, so the text of each
// one is kept (1024 recent ones, by a hash of the compressed bytes): the server sends one
// compressed frame to every member, and the generator inflates it once, not once per client, so
// that its own cost stays below the server's (inflating a 150-byte message is a few µs, most of
// it building the Huffman tables).
class ClientDeflate final
{
public:
    // The request header line the clients send (CRLF included).
    static constexpr char OfferHeader[]
        = "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n";

    // Checks a handshake answer's head (status line and headers, without the blank line):
    // true when it agrees to permessage-deflate with server_no_context_takeover and a client
    // window of 15 bits; otherwise false, and why.
    static bool answerAgrees(const std::string &head, std::string *why);

    ClientDeflate();
    ~ClientDeflate();
    ClientDeflate(const ClientDeflate &) = delete;
    ClientDeflate &operator=(const ClientDeflate &) = delete;

    // data as one compressed message's payload (raw deflate, Z_SYNC_FLUSH, the trailing
    // 00 00 ff ff removed), into out (replaced).
    void compress(const char *data, size_t size, std::string *out);
    // Inflates one whole compressed message (the 00 00 ff ff appended), or finds it among the
    // recent ones; the text is at *text, *textSize bytes, valid until the next call. False when
    // the data is not deflate.
    bool inflate(const char *data, size_t size, const char **text, size_t *textSize);

private:
    z_stream m_deflate {};
    z_stream m_inflate {};
    // Inflates into m_inflated; false on a corrupt stream.
    bool inflateNew(const char *data, size_t size, size_t *textSize);

    struct Recent
    {
        std::string compressed;
        std::string text;
    };

    std::vector<char> m_inflated;
    std::vector<Recent> m_recent; // by hash, direct-mapped
};
