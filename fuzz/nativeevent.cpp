// libFuzzer target: NativeEvent::decode, which reads every frame a native-dialect server sends
// to a client (ChatClient, the simulated clients). Whatever it accepts is strict JSON, and what
// it reads writes back (NativeCodec) to a frame that reads the same again.
#include "protocol/nativeevent.h"
#include "fuzzcheck.h"
#include "protocol/strictjson.h"
#include "roundtrip.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray frame(reinterpret_cast<const char *>(data), qsizetype(size));
    const NativeEvent event = NativeEvent::decode(frame);
    if (!event.isValid()) {
        FUZZ_CHECK(event.error.startsWith(QLatin1String("a ")));
        FUZZ_CHECK(event.isUnknown());
        return 0;
    }
    FUZZ_CHECK(StrictJson::check(frame));
    FUZZ_CHECK(event.object.value(QLatin1String("type")).toString() == event.type);
    FUZZ_CHECK(event.ref == event.object.value(QLatin1String("ref")));

    // Written again the server's way (when the server could have written it), the event reads
    // back to the same bytes: nothing the client read is lost between the two halves.
    const QByteArray written = event.encode();
    if (written.isEmpty())
        return 0;
    checkedEvent(written);
    const NativeEvent again = NativeEvent::decode(written);
    FUZZ_CHECK(again.isValid());
    FUZZ_CHECK(again.type == event.type);
    FUZZ_CHECK(again.payload.index() == event.payload.index());
    FUZZ_CHECK(again.encode() == written);
    return 0;
}
