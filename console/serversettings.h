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
    // the saved settings fill in what it left alone.
    static ServerConfig overlay(const ServerConfig &saved, const ServerConfig &given);
};
