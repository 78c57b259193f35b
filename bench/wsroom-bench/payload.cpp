#include "payload.h"

#include <algorithm>
#include <random>

namespace {

constexpr int Bodies = 64;
constexpr int MarkerGuess = 26; // "~B3.7999.1234567890123456.", for the JSON object's size

constexpr const char *Words[]
    = {"the",      "order",    "was",     "shipped",  "today",   "and",     "will",    "arrive",
       "before",   "noon",     "please",  "check",    "your",    "account", "for",     "details",
       "blue",     "cotton",   "shirt",   "with",     "long",    "sleeves", "summer",  "sale",
       "green",    "wooden",   "table",   "kitchen",  "chair",   "lamp",    "desk",    "office",
       "we",       "meet",     "at",      "three",    "in",      "room",    "seven",   "bring",
       "slides",   "about",    "latency", "and",      "memory",  "server",  "client",  "message",
       "hello",    "everyone", "thanks",  "great",    "idea",    "see",     "you",     "later",
       "monday",   "tuesday",  "friday",  "morning",  "evening", "report",  "draft",   "final",
       "red",      "small",    "large",   "medium",   "coffee",  "tea",     "water",   "bread",
       "question", "answer",   "lesson",  "exercise", "chapter", "page",    "teacher", "student"};
constexpr int WordCount = int(sizeof Words / sizeof Words[0]);

// Words from random, separated by spaces, until text has size bytes (cut there).
void appendWords(std::mt19937 &random, size_t size, std::string *text)
{
    while (text->size() < size) {
        if (!text->empty())
            *text += ' ';
        *text += Words[random() % WordCount];
    }
    text->resize(size);
}

// A few words, for a JSON string value.
std::string phrase(std::mt19937 &random, int words)
{
    std::string s;
    for (int i = 0; i < words; ++i)
        s += std::string(i ? " " : "") + Words[random() % WordCount];
    return s;
}

// The rest of a JSON object whose first value (the marker's string) is open: an order with
// items until about size bytes, then the closing brace.
std::string jsonBody(std::mt19937 &random, size_t size)
{
    std::string s
        = "\",\"type\":\"order.update\",\"user\":{\"id\":" + std::to_string(random() % 100000)
        + ",\"name\":\"" + phrase(random, 2) + "\",\"roles\":[\"editor\",\"viewer\"]},\"items\":[";
    for (int item = 0; s.size() + 80 < size || item == 0; ++item) {
        const unsigned price = random() % 10000;
        s += std::string(item ? "," : "") + "{\"sku\":\"AB-"
            + std::to_string(1000 + random() % 9000) + "\",\"title\":\"" + phrase(random, 3)
            + "\",\"qty\":" + std::to_string(1 + random() % 9)
            + ",\"price\":" + std::to_string(price / 100) + '.' + std::to_string(10 + price % 90)
            + ",\"tags\":[\"" + Words[random() % WordCount] + "\",\"" + Words[random() % WordCount]
            + "\"],\"in_stock\":" + (random() % 4 ? "true" : "false") + '}';
    }
    s += "],\"total\":" + std::to_string(random() % 100000) + ".50,\"currency\":\"EUR\",\"note\":\""
        + phrase(random, 4) + "\"}";
    return s;
}

} // namespace

Payload::Payload(Kind kind, int size)
    : m_kind(kind)
    , m_size(size)
{
    std::mt19937 random(4242);
    for (int i = 0; i < (kind == Kind::Filler ? 1 : Bodies); ++i) {
        std::string body;
        if (kind == Kind::Filler) {
            body.assign(size_t(size), 'x');
        } else if (kind == Kind::Text) {
            std::string words;
            appendWords(random, size_t(size), &words);
            body = ' ' + words;
        } else {
            body = jsonBody(random, size_t(std::max(size - MarkerGuess - 8, 0)));
        }
        m_bodies.push_back(std::move(body));
    }
}

void Payload::append(const std::string &marker, int number, bool jsonEscaped,
                     std::string *out) const
{
    const std::string &body = m_bodies[size_t(number) % m_bodies.size()];
    if (m_kind != Kind::Json) {
        // The marker and as much of the body as fits the size, as the line always was.
        *out += marker;
        if (marker.size() < size_t(m_size))
            out->append(body, 0, size_t(m_size) - marker.size());
        return;
    }
    const std::string head = "{\"ref\":\"";
    if (!jsonEscaped) {
        *out += head + marker + body;
        return;
    }
    for (const std::string *part : {&head, &marker, &body}) {
        for (const char ch : *part) {
            if (ch == '"' || ch == '\\')
                *out += '\\';
            *out += ch;
        }
    }
}
