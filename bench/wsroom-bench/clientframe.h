#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

// Makes a client's frame into out (replaced): the first byte (FIN, RSV1, opcode), the masked
// length, the mask and the payload masked with it (RFC 6455, 5.2 and 5.3).
inline void makeClientFrame(uint8_t first, const char *data, size_t size, const uint8_t mask[4],
                            std::string *out)
{
    out->resize(size + 14);
    char *frame = out->data();
    size_t h = 0;
    frame[h++] = char(first);
    if (size < 126) {
        frame[h++] = char(0x80 | size);
    } else if (size < 65536) {
        frame[h++] = char(0x80 | 126);
        frame[h++] = char(size >> 8);
        frame[h++] = char(size & 0xff);
    } else {
        frame[h++] = char(0x80 | 127);
        for (int shift = 56; shift >= 0; shift -= 8)
            frame[h++] = char((uint64_t(size) >> shift) & 0xff);
    }
    for (int i = 0; i < 4; ++i)
        frame[h++] = char(mask[i]);
    for (size_t i = 0; i < size; ++i)
        frame[h + i] = char(uint8_t(data[i]) ^ mask[i & 3]);
    out->resize(h + size);
}
