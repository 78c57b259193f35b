// libFuzzer target: StrictJson::check against QJsonDocument: what the strict check passes, Qt
// must read, since the codecs rely on it.
#include "protocol/strictjson.h"
#include "fuzzcheck.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QString why;
    qsizetype offset = -1;
    if (!StrictJson::check(bytes, &why, &offset)) {
        FUZZ_CHECK(!why.isEmpty());
        FUZZ_CHECK(offset >= 0 && offset <= bytes.size());
        return 0;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson('[' + bytes + ']', &error);
    // Qt refuses numbers beyond a double's range; the grammar allows them.
    FUZZ_CHECK(error.error == QJsonParseError::NoError
               || error.error == QJsonParseError::IllegalNumber);
    if (error.error == QJsonParseError::NoError) {
        FUZZ_CHECK(doc.array().size() == 1);
        // What Qt writes back is strict JSON too.
        FUZZ_CHECK(StrictJson::check(doc.toJson(QJsonDocument::Compact)));
    }
    return 0;
}
