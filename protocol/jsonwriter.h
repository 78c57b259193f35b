#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

// Builds compact JSON with keys in the order written, so every event starts with "type" and
// reads well in a frame log; QJsonObject would sort the keys and cost an extra tree.
class JsonWriter
{
public:
    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    JsonWriter &key(const char *name);

    JsonWriter &value(const QString &text);
    JsonWriter &value(const char *latin1);
    JsonWriter &value(qint64 number);
    JsonWriter &value(int number) { return value(qint64(number)); }
    JsonWriter &value(bool flag);
    JsonWriter &value(const QJsonValue &json);
    // Appends text that is already valid JSON, as it is.
    JsonWriter &rawValue(const QByteArray &json);

    QByteArray bytes() const { return m_out; }
    QString toString() const { return QString::fromUtf8(m_out); }

    // Appends text as a quoted, escaped JSON string.
    static void appendString(QByteArray &out, const QString &text);

private:
    void separate();

    QByteArray m_out;
    bool m_needComma = false;
};
