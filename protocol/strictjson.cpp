#include "strictjson.h"

#include <QJsonDocument>

#include <set>
#include <string>

namespace {

class Parser
{
public:
    explicit Parser(const QByteArray &data)
        : m_p(data.constData())
        , m_begin(data.constData())
        , m_end(data.constData() + data.size())
    { }

    bool document()
    {
        skipWhitespace();
        if (!value(0))
            return false;
        skipWhitespace();
        if (m_p != m_end)
            return fail("garbage after the JSON value");
        return true;
    }

    const char *why() const { return m_why; }
    qsizetype offset() const { return m_p - m_begin; }

private:
    bool fail(const char *why)
    {
        m_why = why;
        return false;
    }

    bool atEnd() const { return m_p == m_end; }

    void skipWhitespace()
    {
        while (m_p != m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\n' || *m_p == '\r'))
            ++m_p;
    }

    bool value(int depth)
    {
        if (atEnd())
            return fail("a value is missing");
        switch (*m_p) {
        case '{':
            return object(depth + 1);
        case '[':
            return array(depth + 1);
        case '"':
            return string(nullptr);
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            if (*m_p == '-' || (*m_p >= '0' && *m_p <= '9'))
                return number();
            return fail("illegal value");
        }
    }

    bool literal(const char *word)
    {
        for (const char *w = word; *w; ++w, ++m_p) {
            if (atEnd() || *m_p != *w)
                return fail("illegal value");
        }
        return true;
    }

    bool digits()
    {
        if (atEnd() || *m_p < '0' || *m_p > '9')
            return fail("illegal number");
        while (!atEnd() && *m_p >= '0' && *m_p <= '9')
            ++m_p;
        return true;
    }

    bool number()
    {
        if (*m_p == '-')
            ++m_p;
        if (atEnd())
            return fail("illegal number");
        if (*m_p == '0') {
            ++m_p; // no leading zeros: "01" ends the number at "0" and fails after it
        } else if (!digits()) {
            return false;
        }
        if (!atEnd() && *m_p == '.') {
            ++m_p;
            if (!digits())
                return false;
        }
        if (!atEnd() && (*m_p == 'e' || *m_p == 'E')) {
            ++m_p;
            if (!atEnd() && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (!digits())
                return false;
        }
        return true;
    }

    static void appendUtf8(std::string *out, char32_t c)
    {
        if (c < 0x80) {
            out->push_back(char(c));
        } else if (c < 0x800) {
            out->push_back(char(0xC0 | (c >> 6)));
            out->push_back(char(0x80 | (c & 0x3F)));
        } else if (c < 0x10000) {
            out->push_back(char(0xE0 | (c >> 12)));
            out->push_back(char(0x80 | ((c >> 6) & 0x3F)));
            out->push_back(char(0x80 | (c & 0x3F)));
        } else {
            out->push_back(char(0xF0 | (c >> 18)));
            out->push_back(char(0x80 | ((c >> 12) & 0x3F)));
            out->push_back(char(0x80 | ((c >> 6) & 0x3F)));
            out->push_back(char(0x80 | (c & 0x3F)));
        }
    }

    bool hex4(char32_t *out)
    {
        *out = 0;
        for (int i = 0; i < 4; ++i, ++m_p) {
            if (atEnd())
                return fail("illegal escape sequence");
            const char c = *m_p;
            int digit;
            if (c >= '0' && c <= '9')
                digit = c - '0';
            else if (c >= 'a' && c <= 'f')
                digit = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F')
                digit = c - 'A' + 10;
            else
                return fail("illegal escape sequence");
            *out = (*out << 4) | char32_t(digit);
        }
        return true;
    }

    // One UTF-8 sequence starting at m_p (a byte >= 0x80): shortest form, no surrogates, at most
    // U+10FFFF (RFC 3629).
    bool utf8Sequence(std::string *out)
    {
        const auto *s = reinterpret_cast<const unsigned char *>(m_p);
        const qsizetype left = m_end - m_p;
        int length;
        char32_t min;
        char32_t c;
        if (s[0] >= 0xC2 && s[0] <= 0xDF) {
            length = 2;
            min = 0x80;
            c = s[0] & 0x1F;
        } else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
            length = 3;
            min = 0x800;
            c = s[0] & 0x0F;
        } else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
            length = 4;
            min = 0x10000;
            c = s[0] & 0x07;
        } else {
            return fail("invalid UTF-8");
        }
        if (left < length)
            return fail("invalid UTF-8");
        for (int i = 1; i < length; ++i) {
            if ((s[i] & 0xC0) != 0x80)
                return fail("invalid UTF-8");
            c = (c << 6) | (s[i] & 0x3F);
        }
        if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
            return fail("invalid UTF-8");
        if (out)
            out->append(m_p, size_t(length));
        m_p += length;
        return true;
    }

    // A string; its decoded UTF-8 goes to out when given (object keys, to find duplicates).
    bool string(std::string *out)
    {
        ++m_p; // the opening quote
        while (true) {
            if (atEnd())
                return fail("unterminated string");
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                ++m_p;
                return true;
            }
            if (c < 0x20)
                return fail("control character in a string");
            if (c >= 0x80) {
                if (!utf8Sequence(out))
                    return false;
                continue;
            }
            if (c != '\\') {
                if (out)
                    out->push_back(char(c));
                ++m_p;
                continue;
            }
            ++m_p;
            if (atEnd())
                return fail("unterminated string");
            const char e = *m_p++;
            char32_t decoded;
            switch (e) {
            case '"':
            case '\\':
            case '/':
                decoded = char32_t(e);
                break;
            case 'b':
                decoded = '\b';
                break;
            case 'f':
                decoded = '\f';
                break;
            case 'n':
                decoded = '\n';
                break;
            case 'r':
                decoded = '\r';
                break;
            case 't':
                decoded = '\t';
                break;
            case 'u': {
                if (!hex4(&decoded))
                    return false;
                if (decoded >= 0xDC00 && decoded <= 0xDFFF)
                    return fail("unpaired surrogate");
                if (decoded >= 0xD800 && decoded <= 0xDBFF) {
                    char32_t low;
                    if (m_end - m_p < 2 || m_p[0] != '\\' || m_p[1] != 'u')
                        return fail("unpaired surrogate");
                    m_p += 2;
                    if (!hex4(&low))
                        return false;
                    if (low < 0xDC00 || low > 0xDFFF)
                        return fail("unpaired surrogate");
                    decoded = 0x10000 + ((decoded - 0xD800) << 10) + (low - 0xDC00);
                }
                break;
            }
            default:
                --m_p;
                return fail("illegal escape sequence");
            }
            if (out)
                appendUtf8(out, decoded);
        }
    }

    bool object(int depth)
    {
        if (depth > StrictJson::MaxDepth)
            return fail("nested too deeply");
        ++m_p; // '{'
        skipWhitespace();
        if (!atEnd() && *m_p == '}') {
            ++m_p;
            return true;
        }
        std::set<std::string> names;
        while (true) {
            if (atEnd() || *m_p != '"')
                return fail("a name is missing");
            const char *nameStart = m_p;
            std::string name;
            if (!string(&name))
                return false;
            if (!names.insert(std::move(name)).second) {
                m_p = nameStart;
                return fail("duplicate name in an object");
            }
            skipWhitespace();
            if (atEnd() || *m_p != ':')
                return fail("missing name separator");
            ++m_p;
            skipWhitespace();
            if (!value(depth))
                return false;
            skipWhitespace();
            if (atEnd())
                return fail("unterminated object");
            if (*m_p == '}') {
                ++m_p;
                return true;
            }
            if (*m_p != ',')
                return fail("unterminated object");
            ++m_p;
            skipWhitespace();
        }
    }

    bool array(int depth)
    {
        if (depth > StrictJson::MaxDepth)
            return fail("nested too deeply");
        ++m_p; // '['
        skipWhitespace();
        if (!atEnd() && *m_p == ']') {
            ++m_p;
            return true;
        }
        while (true) {
            if (!value(depth))
                return false;
            skipWhitespace();
            if (atEnd())
                return fail("unterminated array");
            if (*m_p == ']') {
                ++m_p;
                return true;
            }
            if (*m_p != ',')
                return fail("unterminated array");
            ++m_p;
            skipWhitespace();
        }
    }

    const char *m_p;
    const char *const m_begin;
    const char *const m_end;
    const char *m_why = "";
};

} // namespace

bool StrictJson::check(const QByteArray &utf8, QString *why, qsizetype *offset)
{
    Parser parser(utf8);
    if (parser.document())
        return true;
    if (why)
        *why = QString::fromLatin1(parser.why());
    if (offset)
        *offset = parser.offset();
    return false;
}

StrictJson::ObjectRead StrictJson::readObject(const QByteArray &utf8)
{
    ObjectRead read;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        read.outcome = Outcome::NotJson;
        read.why = parseError.errorString();
        read.offset = parseError.offset;
        return read;
    }
    if (!check(utf8, &read.why, &read.offset)) {
        read.outcome = Outcome::NotStrict;
        return read;
    }
    if (!doc.isObject()) {
        read.outcome = Outcome::NotObject;
        read.why.clear();
        read.offset = 0;
        return read;
    }
    read.outcome = Outcome::Object;
    read.object = doc.object();
    return read;
}
