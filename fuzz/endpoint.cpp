// libFuzzer target: Endpoint::fromTarget, which reads the path and query of every handshake.
#include "protocol/endpoint.h"
#include "fuzzcheck.h"
#include "protocol/validation.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray target(reinterpret_cast<const char *>(data), qsizetype(size));
    const Endpoint e = Endpoint::fromTarget(target);
    switch (e.status) {
    case Endpoint::Status::NotFound:
        break;
    case Endpoint::Status::BadRequest:
        FUZZ_CHECK(!e.error.isEmpty());
        break;
    case Endpoint::Status::Ok:
        // What is accepted obeys the protocol's rules for names and rooms.
        FUZZ_CHECK(e.name.isEmpty() || Validation::normalizeName(e.name) == e.name);
        FUZZ_CHECK(e.room.isEmpty() || Validation::isValidRoom(e.room));
        FUZZ_CHECK(!Validation::isReservedName(e.name)); // "host" is the host's
        // Echo is in no room and picks no name; the tutorial dialects always have a room.
        if (e.dialect == Dialect::Echo)
            FUZZ_CHECK(e.room.isEmpty() && e.name.isEmpty());
        else if (e.dialect != Dialect::Native)
            FUZZ_CHECK(!e.room.isEmpty());
        if (e.dialect == Dialect::Chat || e.dialect == Dialect::Notifications)
            FUZZ_CHECK(!e.name.isEmpty());
        break;
    }
    return 0;
}
