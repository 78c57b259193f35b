#pragma once

#include <QString>
#include <QUrl>
#include <QUrlQuery>

// How a chat session reads the server addresses people type and puts a name into a url.
namespace ChatUrl {

// "127.0.0.1:8000", "http://host:8000" made ws://...; an empty path becomes /chat.
QUrl normalized(const QUrl &input);
// True for a ws:// or wss:// url with a host.
bool isServerUrl(const QUrl &url);
// A query value as the server reads it, where "+" is a space as in HTML forms.
QString queryValue(const QUrlQuery &query, const QString &key);
// Sets a query value so that the server reads back exactly this text.
void setQueryValue(QUrlQuery *query, const QString &key, const QString &value);
// True when a and b name the same server (query items choose how to enter, not where).
bool sameServer(const QUrl &a, const QUrl &b);
// given (normalized) with current's room and name: the url to use next when the server gives a
// new query (a join code); empty when given names another server than current, or none.
QUrl adopted(const QUrl &current, const QUrl &given);

} // namespace ChatUrl
