#pragma once

#include "server/serverconfig.h"
#include "testclient.h"
#include "ui/mainwindow.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QUrl>

// The main window in widget tests: the suite's settings and data kept apart from the user's, a
// window whose server listens on port 0, shown, and its server started. Waiting helpers return
// false on timeout; use them inside QVERIFY.
class TestWindow
{
public:
    // From initTestCase(): settings and data go to QStandardPaths' test locations, under an
    // organization of this run's own, so nothing real is read or touched.
    static void isolateSettings(const QString &suite)
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(
            QStringLiteral("wsroom-test-%1").arg(QCoreApplication::applicationPid()));
        QCoreApplication::setApplicationName(suite);
        QSettings().clear();
    }
    // Removes what a window saved: its settings (the file and its folder) and its data folder.
    static void clearSettings()
    {
        const QString file = QSettings().fileName();
        QSettings().clear();
        QFile::remove(file);
        QDir().rmdir(QFileInfo(file).absolutePath());
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
            .removeRecursively();
    }

    // A window's config: its server listens on port 0, wherever it can.
    static ServerConfig config()
    {
        ServerConfig config;
        config.port = 0;
        return config;
    }
    // Shows window and waits until it is exposed.
    static bool show(MainWindow &window)
    {
        window.show();
        return QTest::qWaitForWindowExposed(&window);
    }
    // Starts window's server, as its Start action does, and waits until it listens.
    static bool startServer(MainWindow &window)
    {
        window.startServer();
        return QTest::qWaitFor([&window] { return window.isListening(); }, TestClient::Timeout);
    }
    // ws://127.0.0.1:<the window's port><pathAndQuery>
    static QUrl url(const MainWindow &window, const QString &pathAndQuery)
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1%2").arg(window.port()).arg(pathAndQuery));
    }
};
