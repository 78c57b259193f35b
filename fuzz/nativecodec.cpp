// libFuzzer target: NativeCodec::decode, which reads every frame of a native-dialect member,
// and the events the server builds from what it accepted. Both halves of the protocol round
// trip: an accepted request written again by the client's encoder (NativeRequest) decodes to
// the same request, and every event the server builds reads back (NativeEvent) as it was.
#include "protocol/nativecodec.h"
#include "fuzzcheck.h"
#include "protocol/nativeevent.h"
#include "protocol/nativerequest.h"
#include "protocol/strictjson.h"
#include "protocol/validation.h"
#include "roundtrip.h"

#include <cstddef>
#include <cstdint>

// Server encode -> client decode: the event reads back, and writes again to the same bytes.
static void checkClientReads(const QByteArray &event)
{
    checkedEvent(event);
    const NativeEvent decoded = NativeEvent::decode(event);
    FUZZ_CHECK(decoded.isValid());
    FUZZ_CHECK(!decoded.isUnknown());
    FUZZ_CHECK(decoded.encode() == event);
}

// Client encode -> server decode: the request written by NativeRequest decodes to the same one.
static void checkClientWrites(const Request &r)
{
    const QByteArray written = NativeRequest::encode(r);
    FUZZ_CHECK(StrictJson::check(written));
    const Request again = NativeCodec::decode(written);
    FUZZ_CHECK(again.isValid());
    FUZZ_CHECK(again.type == r.type);
    FUZZ_CHECK(again.ref == r.ref);
    FUZZ_CHECK(again.room == r.room);
    FUZZ_CHECK(again.text == r.text);
    FUZZ_CHECK(again.name == r.name);
    FUZZ_CHECK(again.to == r.to);
    FUZZ_CHECK(again.data == r.data);
    FUZZ_CHECK(again.ts == r.ts);
    FUZZ_CHECK(again.active == r.active);
    FUZZ_CHECK(again.before == r.before);
    FUZZ_CHECK(again.limit == r.limit);
    FUZZ_CHECK(again.query == r.query);
    FUZZ_CHECK(NativeRequest::encode(again) == written);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray frame(reinterpret_cast<const char *>(data), qsizetype(size));
    const Request r = NativeCodec::decode(frame);

    // Every refusal can be sent back as an error event with the request's ref.
    if (!r.isValid()) {
        FUZZ_CHECK(!r.errorMessage.isEmpty());
        const QByteArray errorEvent = NativeCodec::error(r.error, r.errorMessage, r.ref);
        const QJsonObject error = checkedEvent(errorEvent);
        FUZZ_CHECK(error.value(QLatin1String("message")).toString() == r.errorMessage);
        checkClientReads(errorEvent);
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
        const QByteArray messageEvent = NativeCodec::message(m);
        const QJsonObject event = checkedEvent(messageEvent);
        FUZZ_CHECK(event.value(QLatin1String("room")).toString() == r.room);
        FUZZ_CHECK(event.value(QLatin1String("text")).toString() == r.text);
        checkClientReads(messageEvent);
        const NativeEvent read = NativeEvent::decode(messageEvent);
        FUZZ_CHECK(read.get<NativeEvents::Message>()->message.text == r.text);
        checkClientReads(NativeCodec::joined(r.room, {m.from}, {messageEvent}, r.ref));
        break;
    }
    case Type::Direct:
    case Type::Notify:
        FUZZ_CHECK(!r.text.isEmpty());
        break;
    case Type::Rename:
        FUZZ_CHECK(Validation::normalizeName(r.name) == r.name);
        FUZZ_CHECK(!Validation::isReservedName(r.name)); // "host" is the host's
        break;
    case Type::History:
        FUZZ_CHECK(Validation::isValidRoom(r.room));
        FUZZ_CHECK(r.limit >= 1 && r.limit <= Request::MaxPageSize && r.before >= 0);
        checkClientReads(NativeCodec::history(r.room, {}, false, r.ref));
        break;
    case Type::Search:
        FUZZ_CHECK(r.room.isNull() || Validation::isValidRoom(r.room));
        FUZZ_CHECK(!r.query.trimmed().isEmpty());
        FUZZ_CHECK(r.limit >= 1 && r.limit <= Request::MaxPageSize);
        checkClientReads(NativeCodec::searchResults(r.room, r.query, {}, r.ref));
        break;
    case Type::Rooms:
    case Type::Ping:
        break;
    case Type::Invalid:
        FUZZ_CHECK(false);
    }
    checkClientWrites(r);
    checkClientReads(NativeCodec::ack(r.ref));
    checkClientReads(NativeCodec::pong(r.ts, QStringLiteral("2026-01-01T00:00:00.000Z"), r.ref));
    return 0;
}
