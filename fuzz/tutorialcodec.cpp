// libFuzzer target: TutorialCodec::decodeBroadcast, which reads every frame of a
// broadcast-dialect member, and what the other dialects are sent of what it accepted.
#include "protocol/tutorialcodec.h"
#include "fuzzcheck.h"
#include "protocol/nativecodec.h"
#include "protocol/strictjson.h"
#include "roundtrip.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray frame(reinterpret_cast<const char *>(data), qsizetype(size));
    QJsonValue value;
    QString why;
    if (!TutorialCodec::decodeBroadcast(frame, &value, &why)) {
        FUZZ_CHECK(!why.isEmpty());
        checkedEvent(TutorialCodec::error(ErrorCode::BadJson, why, Dialect::Broadcast));
        return 0;
    }
    FUZZ_CHECK(StrictJson::check(frame));
    FUZZ_CHECK(!value.isUndefined());

    // The frame is passed on as it came to broadcast members and inside native "data": every
    // native member must still get one strict JSON object, carrying the same value.
    ChatMessage m;
    m.room = QStringLiteral("lobby");
    m.id = 1;
    m.from = MemberRef {QStringLiteral("m1"), QStringLiteral("guest-1")};
    m.data = value;
    m.rawJson = QString::fromUtf8(frame);
    m.text = TutorialCodec::textOfBroadcast(value, m.rawJson);
    m.timestamp = QStringLiteral("2026-01-01T00:00:00.000Z");
    m.origin = Dialect::Broadcast;
    const QJsonObject event = checkedEvent(NativeCodec::message(m));
    FUZZ_CHECK(event.value(QLatin1String("data")) == value);
    FUZZ_CHECK(TutorialCodec::forBroadcast(m) == m.rawJson.toUtf8());
    checkedEvent(TutorialCodec::forChat(m));
    return 0;
}
