#include "utf8validator.h"

#include <cstring>

bool Utf8Validator::feed(const char *data, qsizetype size)
{
    if (m_failed)
        return false;
    const auto *p = reinterpret_cast<const unsigned char *>(data);
    const unsigned char *const end = p + size;
    while (p < end) {
        if (m_need == 0) {
            // Most chat text is ASCII: eight bytes at a time while no byte has its top bit.
            while (end - p >= 8) {
                quint64 word;
                std::memcpy(&word, p, 8);
                if (word & 0x8080808080808080ULL)
                    break;
                p += 8;
            }
            if (p == end)
                break;
            const unsigned char byte = *p++;
            if (byte < 0x80)
                continue;
            // The lead byte fixes how many continuation bytes follow and the range of the first
            // (RFC 3629, section 4), which is what rules out overlongs and surrogates.
            m_low = 0x80;
            m_high = 0xBF;
            if (byte >= 0xC2 && byte <= 0xDF) {
                m_need = 1;
            } else if (byte >= 0xE0 && byte <= 0xEF) {
                m_need = 2;
                if (byte == 0xE0)
                    m_low = 0xA0;
                else if (byte == 0xED)
                    m_high = 0x9F;
            } else if (byte >= 0xF0 && byte <= 0xF4) {
                m_need = 3;
                if (byte == 0xF0)
                    m_low = 0x90;
                else if (byte == 0xF4)
                    m_high = 0x8F;
            } else {
                m_failed = true;
                return false;
            }
            continue;
        }
        const unsigned char byte = *p++;
        if (byte < m_low || byte > m_high) {
            m_failed = true;
            return false;
        }
        m_low = 0x80;
        m_high = 0xBF;
        --m_need;
    }
    return true;
}
