#pragma once

#include <QtGlobal>

// Checks that bytes are UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past
// U+10FFFF) as they arrive, a character possibly cut between two calls: how a server judges a
// text message whose frames end inside characters, and notices a bad byte at once.
class Utf8Validator
{
public:
    // Checks the next size bytes; false from the first byte that cannot continue valid UTF-8
    // (and on every call after it until reset()).
    bool feed(const char *data, qsizetype size);
    // True when the bytes so far are valid and end between two characters.
    bool complete() const { return !m_failed && m_need == 0; }
    bool failed() const { return m_failed; }
    // Forgets everything: the next byte starts a text.
    void reset() { *this = Utf8Validator(); }

private:
    quint8 m_need = 0; // continuation bytes still due for the current character
    quint8 m_low = 0x80; // the range the next continuation byte must be in
    quint8 m_high = 0xBF;
    bool m_failed = false;
};
