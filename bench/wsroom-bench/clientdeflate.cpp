#include "clientdeflate.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <functional>
#include <string_view>

namespace {

constexpr unsigned char Tail[] = {0x00, 0x00, 0xff, 0xff};

// s in lower case, for the header names and parameters, which are case-insensitive.
std::string lower(std::string s)
{
    for (char &ch : s)
        ch = char(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

// s without the spaces and tabs around it.
std::string trimmed(const std::string &s)
{
    const size_t begin = s.find_first_not_of(" \t");
    if (begin == std::string::npos)
        return {};
    return s.substr(begin, s.find_last_not_of(" \t") - begin + 1);
}

} // namespace

bool ClientDeflate::answerAgrees(const std::string &head, std::string *why)
{
    // The Sec-WebSocket-Extensions lines of the answer, joined.
    std::string value;
    for (size_t at = head.find("\r\n"); at != std::string::npos;) {
        const size_t next = head.find("\r\n", at + 2);
        const std::string line
            = head.substr(at + 2, next == std::string::npos ? std::string::npos : next - at - 2);
        at = next;
        const size_t colon = line.find(':');
        if (colon != std::string::npos
            && lower(trimmed(line.substr(0, colon))) == "sec-websocket-extensions")
            value += (value.empty() ? "" : ",") + line.substr(colon + 1);
    }
    if (value.empty()) {
        *why = "the server did not agree to permessage-deflate (no Sec-WebSocket-Extensions)";
        return false;
    }
    if (value.find(',') != std::string::npos) {
        *why = "the server answered with more than one extension: " + trimmed(value);
        return false;
    }
    bool serverNoContextTakeover = false;
    size_t start = 0;
    for (int index = 0; start <= value.size(); ++index) {
        const size_t end = std::min(value.find(';', start), value.size());
        const std::string param = lower(trimmed(value.substr(start, end - start)));
        start = end + 1;
        if (index == 0) {
            if (param != "permessage-deflate") {
                *why = "the server answered with another extension: " + trimmed(value);
                return false;
            }
        } else if (param == "server_no_context_takeover") {
            serverNoContextTakeover = true;
        } else if (param.rfind("client_max_window_bits", 0) == 0) {
            const size_t equals = param.find('=');
            if (equals != std::string::npos && trimmed(param.substr(equals + 1)) != "15") {
                *why = "the server asked for a smaller client window (" + param
                    + "); wsroom-bench compresses with 15 bits only";
                return false;
            }
        } else if (param != "client_no_context_takeover"
                   && param.rfind("server_max_window_bits", 0) != 0) {
            *why = "unknown permessage-deflate parameter in the answer: " + param;
            return false;
        }
    }
    if (!serverNoContextTakeover) {
        // Every message is inflated on its own, which needs the server to take no context over.
        *why = "the server keeps its deflate context (no server_no_context_takeover), which "
               "wsroom-bench does not support";
        return false;
    }
    return true;
}

ClientDeflate::ClientDeflate()
{
    deflateInit2(&m_deflate, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
    inflateInit2(&m_inflate, -15);
    m_inflated.resize(64 * 1024);
    m_recent.resize(1024);
}

ClientDeflate::~ClientDeflate()
{
    deflateEnd(&m_deflate);
    inflateEnd(&m_inflate);
}

void ClientDeflate::compress(const char *data, size_t size, std::string *out)
{
    deflateReset(&m_deflate);
    out->resize(deflateBound(&m_deflate, uLong(size)) + 16);
    m_deflate.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data));
    m_deflate.avail_in = uInt(size);
    m_deflate.next_out = reinterpret_cast<Bytef *>(out->data());
    m_deflate.avail_out = uInt(out->size());
    deflate(&m_deflate, Z_SYNC_FLUSH);
    size_t n = out->size() - m_deflate.avail_out;
    if (n >= 4 && std::memcmp(out->data() + n - 4, Tail, 4) == 0)
        n -= 4;
    out->resize(n);
}

bool ClientDeflate::inflate(const char *data, size_t size, const char **text, size_t *textSize)
{
    const std::string_view compressed(data, size);
    Recent &recent = m_recent[std::hash<std::string_view>()(compressed) % m_recent.size()];
    if (recent.compressed != compressed) {
        size_t n = 0;
        if (!inflateNew(data, size, &n))
            return false;
        recent.compressed.assign(compressed);
        recent.text.assign(m_inflated.data(), n);
    }
    *text = recent.text.data();
    *textSize = recent.text.size();
    return true;
}

bool ClientDeflate::inflateNew(const char *data, size_t size, size_t *textSize)
{
    inflateReset(&m_inflate);
    size_t have = 0;
    // Inflates input into m_inflated after what is there; false on a corrupt stream.
    auto feed = [this, &have](const unsigned char *input, size_t n) {
        m_inflate.next_in = const_cast<Bytef *>(input);
        m_inflate.avail_in = uInt(n);
        for (;;) {
            if (m_inflated.size() - have < 4096)
                m_inflated.resize(m_inflated.size() * 2);
            m_inflate.next_out = reinterpret_cast<Bytef *>(m_inflated.data() + have);
            m_inflate.avail_out = uInt(m_inflated.size() - have);
            const int status = ::inflate(&m_inflate, Z_SYNC_FLUSH);
            have = m_inflated.size() - m_inflate.avail_out;
            if (status == Z_STREAM_END)
                return true;
            if (status != Z_OK && status != Z_BUF_ERROR)
                return false;
            if (m_inflate.avail_in == 0 && m_inflate.avail_out > 0)
                return true;
        }
    };
    if (!feed(reinterpret_cast<const unsigned char *>(data), size) || !feed(Tail, sizeof Tail))
        return false;
    *textSize = have;
    return true;
}
