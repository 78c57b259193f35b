// libFuzzer target: WebPath::resourceName, which maps an HTTP path to a compiled-in file.
#include "protocol/webpath.h"
#include "fuzzcheck.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray path(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString name = WebPath::resourceName(path);
    if (name.isEmpty())
        return 0;
    // Never a way out of ":/web/": one plain segment, never "." or "..".
    FUZZ_CHECK(!name.startsWith(QLatin1Char('.')));
    FUZZ_CHECK(!name.contains(QLatin1Char('/')) && !name.contains(QLatin1Char('\\')));
    for (const QChar c : name)
        FUZZ_CHECK(c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_')
                   || c == QLatin1Char('.'));
    return 0;
}
