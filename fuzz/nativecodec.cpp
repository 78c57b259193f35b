// libFuzzer target: NativeCodec::decode, which reads every frame of a native-dialect member,
// and the events the server builds from what it accepted.
#include "protocol/nativecodec.h"
#include "fuzzcheck.h"
#include "protocol/strictjson.h"
#include "protocol/validation.h"
#include "roundtrip.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray frame(reinterpret_cast<const char *>(data), qsizetype(size));
    const Request r = NativeCodec::decode(frame);

    // Every refusal can be sent back as an error event with the request's ref.
    if (!r.isValid()) {
        FUZZ_CHECK(!r.errorMessage.isEmpty());
        const QJsonObject error = checkedEvent(NativeCodec::error(r.error, r.errorMessage, r.ref));
        FUZZ_CHECK(error.value(QLatin1String("message")).toString() == r.errorMessage);
        return 0;
    }

    // Accepted frames are strict JSON objects, and what they carry obeys protocol.md's table.
    FUZZ_CHECK(StrictJson::check(frame));
    if (r.hasRef()) {
        FUZZ_CHECK(r.ref.isDouble()
                   || (r.ref.isString() && r.ref.toString().size() <= Validation::MaxRefLength));
    }
    using Type = Request::Type;
    switch (r.type) {
    case Type::Join:
    case Type::Leave:
    case Type::Members:
    case Type::Typing:
        FUZZ_CHECK(Validation::isValidRoom(r.room));
        break;
    case Type::Message: {
        FUZZ_CHECK(Validation::isValidRoom(r.room));
        FUZZ_CHECK(!r.text.isEmpty());
        ChatMessage m;
        m.room = r.room;
        m.id = 1;
        m.from = MemberRef {QStringLiteral("m1"), QStringLiteral("alice")};
        m.text = r.text;
        m.data = r.data;
        m.timestamp = QStringLiteral("2026-01-01T00:00:00.000Z");
        m.origin = Dialect::Native;
        const QJsonObject event = checkedEvent(NativeCodec::message(m));
        FUZZ_CHECK(event.value(QLatin1String("room")).toString() == r.room);
        FUZZ_CHECK(event.value(QLatin1String("text")).toString() == r.text);
        break;
    }
    case Type::Direct:
    case Type::Notify:
        FUZZ_CHECK(!r.text.isEmpty());
        break;
    case Type::Rename:
        FUZZ_CHECK(Validation::normalizeName(r.name) == r.name);
        break;
    case Type::Rooms:
    case Type::Ping:
        break;
    case Type::Invalid:
        FUZZ_CHECK(false);
    }
    checkedEvent(NativeCodec::ack(r.ref));
    checkedEvent(NativeCodec::pong(r.ts, QStringLiteral("2026-01-01T00:00:00.000Z"), r.ref));
    return 0;
}
