#include "chaturl_p.h"

namespace ChatUrl {

// What users type: "127.0.0.1:8000", "http://host:8000", "ws://host:8000/chat?code=x". An
// empty path means the server's native endpoint; a path that is given is kept, for servers
// that put the protocol elsewhere.
QUrl normalized(const QUrl &input)
{
    QUrl url = input;
    if (url.scheme() == QLatin1String("http"))
        url.setScheme(QStringLiteral("ws"));
    else if (url.scheme() == QLatin1String("https"))
        url.setScheme(QStringLiteral("wss"));
    if (url.path().isEmpty() || url.path() == QLatin1String("/"))
        url.setPath(QStringLiteral("/chat"));
    return url;
}

bool isServerUrl(const QUrl &url)
{
    return url.isValid() && !url.host().isEmpty()
        && (url.scheme() == QLatin1String("ws") || url.scheme() == QLatin1String("wss"));
}

// A query value as the server reads it, where "+" is a space as in HTML forms.
QString queryValue(const QUrlQuery &query, const QString &key)
{
    QString encoded = query.queryItemValue(key, QUrl::FullyEncoded);
    encoded.replace(u'+', QStringLiteral("%20"));
    return QUrl::fromPercentEncoding(encoded.toLatin1());
}

// Sets a query value so that the server reads back exactly this text: "+", "%" and "&" in a
// name are encoded here, since QUrlQuery would leave them to be misread.
void setQueryValue(QUrlQuery *query, const QString &key, const QString &value)
{
    query->removeAllQueryItems(key);
    query->addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
}

// Query items (room, code) choose how to enter, not which server it is.
bool sameServer(const QUrl &a, const QUrl &b)
{
    const auto options = QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash;
    return a.adjusted(options) == b.adjusted(options);
}

QUrl adopted(const QUrl &current, const QUrl &given)
{
    QUrl url = normalized(given);
    if (!isServerUrl(url) || !sameServer(url, current))
        return QUrl();
    const QUrlQuery old(current);
    QUrlQuery query(url);
    for (const QString &key : {QStringLiteral("name"), QStringLiteral("room")}) {
        query.removeAllQueryItems(key);
        if (old.hasQueryItem(key))
            setQueryValue(&query, key, queryValue(old, key));
    }
    url.setQuery(query);
    return url;
}

} // namespace ChatUrl
