#include "clientinput.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

namespace {

// A parse error in plainer words where Qt's are obscure; atEnd: nothing but spaces follows.
QString jsonReason(const QJsonParseError &error, bool atEnd)
{
    switch (error.error) {
    case QJsonParseError::MissingValueSeparator:
        return QCoreApplication::translate("ClientInput", "missing comma");
    case QJsonParseError::MissingNameSeparator:
        return QCoreApplication::translate("ClientInput", "missing colon");
    // Qt says an object or array is unterminated where anything but ',' or the end follows.
    case QJsonParseError::UnterminatedObject:
        return atEnd
            ? QCoreApplication::translate("ClientInput", "unterminated object (missing '}')")
            : QCoreApplication::translate("ClientInput", "missing comma");
    case QJsonParseError::UnterminatedArray:
        return atEnd
            ? QCoreApplication::translate("ClientInput", "unterminated array (missing ']')")
            : QCoreApplication::translate("ClientInput", "missing comma");
    case QJsonParseError::UnterminatedString:
        return QCoreApplication::translate("ClientInput", "unterminated string");
    default:
        return error.errorString();
    }
}

} // namespace

QString ClientInput::jsonError(const QByteArray &utf8)
{
    QJsonParseError error;
    QJsonDocument::fromJson(utf8, &error);
    if (error.error == QJsonParseError::NoError)
        return QString();
    // Qt's offset is just past the byte that broke the document, in bytes; the place is told as
    // that character's line and column.
    const int at = qBound(0, error.offset - 1, int(utf8.size()));
    const QByteArray before = utf8.left(at);
    const bool atEnd = utf8.mid(at).trimmed().size() <= 1;
    const int line = int(before.count('\n')) + 1;
    const int column = int(QString::fromUtf8(before.mid(before.lastIndexOf('\n') + 1)).size()) + 1;
    return QCoreApplication::translate("ClientInput", "line %1, column %2: %3")
        .arg(line)
        .arg(column)
        .arg(jsonReason(error, atEnd));
}

QByteArray ClientInput::prettyJson(const QByteArray &utf8)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError)
        return utf8;
    return document.toJson(QJsonDocument::Indented).trimmed();
}

QString ClientInput::parseHex(const QString &text, QByteArray *bytes)
{
    QByteArray digits;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isSpace())
            continue;
        const char16_t u = c.unicode();
        if (!((u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F')))
            return QCoreApplication::translate("ClientInput",
                                               "Not a hex digit: '%1' (character %2)")
                .arg(c)
                .arg(i + 1);
        digits.append(char(c.unicode()));
    }
    if (digits.size() % 2 != 0)
        return QCoreApplication::translate("ClientInput",
                                           "An odd number of hex digits (%1): each byte takes two")
            .arg(digits.size());
    *bytes = QByteArray::fromHex(digits);
    return QString();
}

QString ClientInput::parseHeaders(const QString &text,
                                  QList<QPair<QByteArray, QByteArray>> *headers)
{
    QList<QPair<QByteArray, QByteArray>> parsed;
    const QStringList lines = text.split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(u':');
        if (colon < 0)
            return QCoreApplication::translate("ClientInput", "Line %1: no ':' (write Name: value)")
                .arg(i + 1);
        const QString name = line.left(colon).trimmed();
        if (name.isEmpty() || name.contains(u' '))
            return QCoreApplication::translate(
                       "ClientInput", "Line %1: the header's name is missing or has a space")
                .arg(i + 1);
        parsed.append({name.toUtf8(), line.mid(colon + 1).trimmed().toUtf8()});
    }
    *headers = parsed;
    return QString();
}

QStringList ClientInput::parseSubprotocols(const QString &text)
{
    QStringList protocols;
    const QStringList parts = text.split(u',');
    for (const QString &part : parts) {
        if (!part.trimmed().isEmpty())
            protocols.append(part.trimmed());
    }
    return protocols;
}

QString ClientInput::parseCloseCode(const QString &text, int *code)
{
    static const QRegularExpression leading(QStringLiteral("^\\s*(\\d+)"));
    const QRegularExpressionMatch match = leading.match(text);
    bool ok = false;
    const int value = match.hasMatch() ? match.captured(1).toInt(&ok) : 0;
    if (!ok)
        return QCoreApplication::translate("ClientInput", "Start with a close code, 1000-4999");
    if (value < 1000 || value > 4999)
        return QCoreApplication::translate("ClientInput", "%1 is not a close code: use 1000-4999")
            .arg(value);
    if ((value >= 1004 && value <= 1006) || value == 1015)
        return QCoreApplication::translate("ClientInput",
                                           "%1 may not be sent in a close frame (RFC 6455, 7.4.1)")
            .arg(value);
    *code = value;
    return QString();
}
