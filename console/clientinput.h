#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

// What a client window's user types, checked and turned into what FrameClient takes: JSON with
// the error's place in words, hex bytes, extra headers, subprotocols and close codes. Each check
// returns an empty string when the input is good, else why not, in words for the window.
namespace ClientInput {

// Why utf8 is not a JSON document, with the place ("line 2, column 5: missing comma"); empty
// when it is one.
QString jsonError(const QByteArray &utf8);
// utf8 as indented JSON; utf8 unchanged when it is not JSON.
QByteArray prettyJson(const QByteArray &utf8);

// The bytes hex digits stand for (spaces, tabs and newlines between them ignored) into bytes;
// why not when a character is not a hex digit or the digits are odd in number.
QString parseHex(const QString &text, QByteArray *bytes);

// "Name: value" lines (blank lines skipped) into headers; why not when a line has no ':' or no
// name ("Line 2: no ':' (write Name: value)").
QString parseHeaders(const QString &text, QList<QPair<QByteArray, QByteArray>> *headers);

// Comma-separated subprotocols, trimmed, empty ones dropped.
QStringList parseSubprotocols(const QString &text);

// The close code at the start of text ("1000 Normal closure", "4001") into code; why not when
// there is none or it may not be sent: only 1000-4999, never 1004-1006 or 1015.
QString parseCloseCode(const QString &text, int *code);

} // namespace ClientInput
