#pragma once

#include "server/serverconfig.h"

class QSettings;

// Loads and saves the server's configuration under "server/..." in QSettings; what is not saved
// keeps ServerConfig's defaults.
class ServerSettings final
{
public:
    ServerSettings() = delete;

    // The saved configuration from the application's default QSettings.
    static ServerConfig load();
    // The saved configuration from settings.
    static ServerConfig load(const QSettings &settings);
    // Saves the fields the user can edit to the application's default QSettings.
    static void save(const ServerConfig &config);
    // Saves the fields the user can edit to settings.
    static void save(QSettings &settings, const ServerConfig &config);
    // Saves the port alone, as chosen in the main window's top bar.
    static void savePort(quint16 port);
    // Saves the listening address alone, as chosen in the main window's top bar.
    static void saveBindAddress(const QHostAddress &address);
    // given, where it differs from ServerConfig's defaults, over saved: the command line wins,
    // the saved settings fill in what it left alone. The store file is always given's: an
    // empty one means --store none, so only the command line can tell (see storeFile()).
    static ServerConfig overlay(const ServerConfig &saved, const ServerConfig &given);
    // The store file saved in the application's default QSettings ("" for none), or fallback
    // when none was ever saved; the command line uses it when --store is not given.
    static QString storeFile(const QString &fallback);
    // The store without --store nor a saved choice: rooms.sqlite in the data folder.
    static QString defaultStoreFile();
};
