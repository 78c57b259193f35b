// libFuzzer target: HttpRequestHead::parse, which reads the first bytes of every connection.
#include "protocol/httprequesthead.h"
#include "fuzzcheck.h"
#include "protocol/endpoint.h"
#include "protocol/webpath.h"

#include <cstddef>
#include <cstdint>

static bool isControl(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && c != '\t') || u == 0x7F;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    HttpRequestHead head;
    const HttpRequestHead::Status status = head.parse(bytes);
    if (status == HttpRequestHead::Status::Invalid)
        FUZZ_CHECK(!head.error().isEmpty());
    if (status != HttpRequestHead::Status::Complete)
        return 0;

    FUZZ_CHECK(head.headLength() > 0 && head.headLength() <= bytes.size());
    FUZZ_CHECK(head.headLength() <= HttpRequestHead::MaxHeadBytes);
    FUZZ_CHECK(bytes.left(head.headLength()).endsWith("\r\n\r\n"));
    FUZZ_CHECK(!head.method().isEmpty());
    FUZZ_CHECK(head.target().startsWith('/'));
    FUZZ_CHECK(head.version() == "HTTP/1.1" || head.version() == "HTTP/1.0");
    FUZZ_CHECK(head.headers().size() <= HttpRequestHead::MaxHeaders);
    for (const char c : head.target())
        FUZZ_CHECK(c != ' ' && !isControl(c));
    for (const auto &h : head.headers()) {
        FUZZ_CHECK(!h.first.isEmpty());
        for (const char c : h.second)
            FUZZ_CHECK(!isControl(c));
        FUZZ_CHECK(!h.second.startsWith(' ') && !h.second.endsWith(' '));
    }

    // Every prefix of a complete head is incomplete, never refused: bytes arrive in pieces.
    HttpRequestHead partial;
    const qsizetype cuts[] = {1, head.headLength() / 2, head.headLength() - 1};
    for (const qsizetype cut : cuts) {
        if (cut > 0 && cut < head.headLength())
            FUZZ_CHECK(partial.parse(bytes.left(cut)) == HttpRequestHead::Status::Incomplete);
    }

    // What the server does next with a complete head.
    (void)head.path();
    (void)head.queryValue(QStringLiteral("code"));
    (void)head.header("Origin");
    (void)head.isWebSocketUpgrade();
    (void)Endpoint::fromTarget(head.target());
    const QString name = WebPath::resourceName(head.path());
    FUZZ_CHECK(!name.contains(QLatin1Char('/')) && !name.startsWith(QLatin1Char('.')));
    return 0;
}
