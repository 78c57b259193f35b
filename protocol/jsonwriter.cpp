#include "jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

void JsonWriter::separate()
{
    if (m_needComma)
        m_out.append(',');
}

JsonWriter &JsonWriter::beginObject()
{
    separate();
    m_out.append('{');
    m_needComma = false;
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    m_out.append('}');
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    separate();
    m_out.append('[');
    m_needComma = false;
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    m_out.append(']');
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::key(const char *name)
{
    separate();
    m_out.append('"').append(name).append("\":");
    m_needComma = false;
    return *this;
}

JsonWriter &JsonWriter::value(const QString &text)
{
    separate();
    appendString(m_out, text);
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::value(const char *latin1)
{
    return value(QString::fromLatin1(latin1));
}

JsonWriter &JsonWriter::value(qint64 number)
{
    separate();
    m_out.append(QByteArray::number(number));
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::value(bool flag)
{
    separate();
    m_out.append(flag ? "true" : "false");
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::value(const QJsonValue &json)
{
    switch (json.type()) {
    case QJsonValue::Object:
        return rawValue(QJsonDocument(json.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array:
        return rawValue(QJsonDocument(json.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::String:
        return value(json.toString());
    case QJsonValue::Bool:
        return value(json.toBool());
    case QJsonValue::Double: {
        // Whole numbers keep their integer form; others round-trip through QJsonDocument's format.
        const double d = json.toDouble();
        if (json.isDouble() && d == double(json.toInteger()) && qAbs(d) < 9007199254740992.0)
            return value(json.toInteger());
        const QByteArray wrapped = QJsonDocument(QJsonArray {json}).toJson(QJsonDocument::Compact);
        return rawValue(wrapped.mid(1, wrapped.size() - 2));
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return rawValue("null");
    }
    return rawValue("null");
}

JsonWriter &JsonWriter::rawValue(const QByteArray &json)
{
    separate();
    m_out.append(json);
    m_needComma = true;
    return *this;
}

void JsonWriter::appendString(QByteArray &out, const QString &text)
{
    static const char hex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    out.reserve(out.size() + utf8.size() + 2);
    out.append('"');
    // Runs of bytes that need no escape are appended whole: most text is one run.
    const char *run = utf8.constData();
    const char *const end = run + utf8.size();
    for (const char *p = run; p != end; ++p) {
        const auto u = static_cast<unsigned char>(*p);
        if (u >= 0x20 && u != '"' && u != '\\')
            continue;
        out.append(run, p - run);
        run = p + 1;
        switch (u) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\f':
            out.append("\\f");
            break;
        default:
            if (u < 0x20) {
                out.append("\\u00");
                out.append(hex[u >> 4]);
                out.append(hex[u & 0xf]);
            }
        }
    }
    out.append(run, end - run);
    out.append('"');
}
