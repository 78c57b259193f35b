#include "serversettings.h"

#include <QSettings>
#include <QStandardPaths>

namespace {

constexpr QLatin1String PortKey("server/port");
constexpr QLatin1String BindAddressKey("server/bindAddress");
constexpr QLatin1String MaxConnectionsKey("server/maxConnections");
constexpr QLatin1String MaxMessageBytesKey("server/maxMessageBytes");
constexpr QLatin1String RateLimitKey("server/rateLimit");
constexpr QLatin1String HistoryKey("server/history");
constexpr QLatin1String NotificationIntervalKey("server/notificationInterval");
constexpr QLatin1String JoinCodeKey("server/joinCode");
constexpr QLatin1String AllowedOriginsKey("server/allowedOrigins");
constexpr QLatin1String StoreFileKey("server/storeFile");

// A hand-edited or damaged settings file must not give the server nonsense: out-of-range
// values fall back to the default.
template<typename T>
T number(const QSettings &settings, const QString &key, T fallback, T min, T max)
{
    bool ok = false;
    const qlonglong value = settings.value(key, qlonglong(fallback)).toLongLong(&ok);
    if (!ok || value < qlonglong(min) || value > qlonglong(max))
        return fallback;
    return T(value);
}

} // namespace

ServerConfig ServerSettings::load()
{
    const QSettings settings;
    return load(settings);
}

ServerConfig ServerSettings::load(const QSettings &settings)
{
    ServerConfig config;
    config.port = number<quint16>(settings, PortKey, config.port, 0, 65535);
    const QHostAddress address(settings.value(BindAddressKey).toString());
    if (!address.isNull())
        config.bindAddress = address;
    config.maxConnections
        = number<int>(settings, MaxConnectionsKey, config.maxConnections, 1, 1000000);
    config.maxMessageBytes
        = number<qint64>(settings, MaxMessageBytesKey, config.maxMessageBytes, 64, qint64(1) << 30);
    config.rateLimit = number<int>(settings, RateLimitKey, config.rateLimit, 0, 1000000);
    config.history = number<int>(settings, HistoryKey, config.history, 0, 100000);
    bool ok = false;
    const double interval
        = settings.value(NotificationIntervalKey, config.notificationInterval).toDouble(&ok);
    if (ok && interval >= 0 && interval <= 86400)
        config.notificationInterval = interval;
    config.joinCode = settings.value(JoinCodeKey, config.joinCode).toString();
    config.allowedOrigins = settings.value(AllowedOriginsKey, config.allowedOrigins).toStringList();
    config.allowedOrigins.removeAll(QString());
    config.storeFile = settings.value(StoreFileKey, config.storeFile).toString();
    return config;
}

void ServerSettings::save(const ServerConfig &config)
{
    QSettings settings;
    save(settings, config);
}

void ServerSettings::save(QSettings &settings, const ServerConfig &config)
{
    settings.setValue(PortKey, config.port);
    settings.setValue(BindAddressKey, config.bindAddress.toString());
    settings.setValue(MaxConnectionsKey, config.maxConnections);
    settings.setValue(MaxMessageBytesKey, config.maxMessageBytes);
    settings.setValue(RateLimitKey, config.rateLimit);
    settings.setValue(HistoryKey, config.history);
    settings.setValue(NotificationIntervalKey, config.notificationInterval);
    settings.setValue(JoinCodeKey, config.joinCode);
    settings.setValue(AllowedOriginsKey, config.allowedOrigins);
    settings.setValue(StoreFileKey, config.storeFile);
}

QString ServerSettings::storeFile(const QString &fallback)
{
    const QSettings settings;
    return settings.contains(StoreFileKey) ? settings.value(StoreFileKey).toString() : fallback;
}

QString ServerSettings::defaultStoreFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
        + QStringLiteral("/rooms.sqlite");
}

void ServerSettings::savePort(quint16 port)
{
    QSettings().setValue(PortKey, port);
}

void ServerSettings::saveBindAddress(const QHostAddress &address)
{
    QSettings().setValue(BindAddressKey, address.toString());
}

ServerConfig ServerSettings::overlay(const ServerConfig &saved, const ServerConfig &given)
{
    // The command line arrives as a whole ServerConfig, so "set on the command line" can only
    // be told from "left at its default" by comparing with the defaults.
    const ServerConfig defaults;
    ServerConfig result = given;
    if (given.port == defaults.port)
        result.port = saved.port;
    if (given.bindAddress == defaults.bindAddress)
        result.bindAddress = saved.bindAddress;
    if (given.maxConnections == defaults.maxConnections)
        result.maxConnections = saved.maxConnections;
    if (given.maxMessageBytes == defaults.maxMessageBytes)
        result.maxMessageBytes = saved.maxMessageBytes;
    if (given.rateLimit == defaults.rateLimit)
        result.rateLimit = saved.rateLimit;
    if (given.history == defaults.history)
        result.history = saved.history;
    if (qFuzzyCompare(given.notificationInterval + 1, defaults.notificationInterval + 1))
        result.notificationInterval = saved.notificationInterval;
    if (given.joinCode == defaults.joinCode)
        result.joinCode = saved.joinCode;
    if (given.allowedOrigins == defaults.allowedOrigins)
        result.allowedOrigins = saved.allowedOrigins;
    return result;
}
