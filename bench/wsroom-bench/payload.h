#pragma once

#include <string>
#include <vector>

// The text of the generator's messages around each line's marker ("~B<sender>.<seq>.<ns>."),
// which must come first in the text so that a client finds it at once:
// - Filler: the marker, then 'x' up to the size (the historical line; deflate shrinks it to
//   almost nothing, so it flatters compression);
// - Text: the marker, then English words up to the size, like a chat line;
// - Json: a JSON object of about the size, the marker its first value, then an order with
//   repeated keys, words and numbers, like what an application sends.
// Bodies are made once (64 different ones, taken in turn), so a message costs a copy.
class Payload final
{
public:
    enum class Kind { Filler, Text, Json };

    // Bodies for texts of size bytes (json: about size) of that kind.
    Payload(Kind kind, int size);

    // Appends to out the text with the marker, the body number'th (modulo the bodies), escaped
    // for a JSON string when jsonEscaped (the native dialect's request carries it as one).
    void append(const std::string &marker, int number, bool jsonEscaped, std::string *out) const;

private:
    Kind m_kind;
    int m_size;
    std::vector<std::string> m_bodies;
};
