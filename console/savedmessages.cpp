#include "savedmessages.h"

#include <QSettings>

#include <algorithm>

namespace {

constexpr QLatin1String Prefix("savedMessages/");
constexpr QLatin1String ArrayName("messages");

// The kind as stored: a word, so that settings files stay readable and survive a reordering.
QString kindName(SavedMessage::Kind kind)
{
    switch (kind) {
    case SavedMessage::Json:
        return QStringLiteral("json");
    case SavedMessage::BinaryHex:
        return QStringLiteral("hex");
    case SavedMessage::File:
        return QStringLiteral("file");
    case SavedMessage::Text:
        break;
    }
    return QStringLiteral("text");
}

// The kind a stored word names; Text for anything unknown.
SavedMessage::Kind kindFromName(const QString &name)
{
    if (name == u"json")
        return SavedMessage::Json;
    if (name == u"hex")
        return SavedMessage::BinaryHex;
    if (name == u"file")
        return SavedMessage::File;
    return SavedMessage::Text;
}

} // namespace

SavedMessages::SavedMessages(const QUrl &url)
    : m_url(key(url))
{ }

QUrl SavedMessages::key(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo
                        | QUrl::NormalizePathSegments);
}

QString SavedMessages::group() const
{
    // Percent-encoded whole, so that the URL's slashes do not nest groups.
    return Prefix
        + QString::fromLatin1(QUrl::toPercentEncoding(m_url.toString(QUrl::FullyEncoded)));
}

QList<SavedMessage> SavedMessages::list() const
{
    QSettings settings;
    settings.beginGroup(group());
    QList<SavedMessage> messages;
    const int count = settings.beginReadArray(ArrayName);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        SavedMessage message;
        message.name = settings.value(QStringLiteral("name")).toString();
        message.kind = kindFromName(settings.value(QStringLiteral("kind")).toString());
        message.body = settings.value(QStringLiteral("body")).toString();
        if (!message.name.isEmpty())
            messages.append(message);
    }
    settings.endArray();
    std::sort(messages.begin(), messages.end(), [](const SavedMessage &a, const SavedMessage &b) {
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
    return messages;
}

SavedMessage SavedMessages::find(const QString &name) const
{
    const QList<SavedMessage> messages = list();
    for (const SavedMessage &message : messages) {
        if (message.name == name)
            return message;
    }
    return SavedMessage();
}

bool SavedMessages::save(const SavedMessage &message)
{
    if (message.name.trimmed().isEmpty())
        return false;
    QList<SavedMessage> messages = list();
    messages.removeIf([&](const SavedMessage &m) { return m.name == message.name; });
    messages.append(message);
    write(messages);
    return true;
}

bool SavedMessages::remove(const QString &name)
{
    QList<SavedMessage> messages = list();
    if (messages.removeIf([&](const SavedMessage &m) { return m.name == name; }) == 0)
        return false;
    write(messages);
    return true;
}

void SavedMessages::write(const QList<SavedMessage> &messages) const
{
    QSettings settings;
    settings.remove(group());
    if (messages.isEmpty())
        return;
    settings.beginGroup(group());
    settings.beginWriteArray(ArrayName, int(messages.size()));
    for (int i = 0; i < messages.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("name"), messages.at(i).name);
        settings.setValue(QStringLiteral("kind"), kindName(messages.at(i).kind));
        settings.setValue(QStringLiteral("body"), messages.at(i).body);
    }
    settings.endArray();
}
