#pragma once

#include <QByteArray>

// A complete HTTP/1.1 response, head and body, closing the connection after it.
namespace HttpResponse {

QByteArray make(int status, const QByteArray &contentType, const QByteArray &body,
                bool headOnly = false, const QByteArray &extraHeaders = QByteArray());

// A short plain-text answer: "404 Not Found\n" and a sentence.
QByteArray plain(int status, const QByteArray &sentence, bool headOnly = false,
                 const QByteArray &extraHeaders = QByteArray());

QByteArray reasonPhrase(int status);

} // namespace HttpResponse
