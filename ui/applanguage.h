#pragma once

#include <QString>
#include <QStringList>

// The interface language: the system's (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) unless View ›
// Language chose one, saved under "ui/language" in QSettings and applied at the next start.
// wsroom's own translations are embedded (qt_add_translations, :/i18n/wsroom_<code>.qm); Qt's
// own words (QCommandLineParser's "Usage:", the dialogs' buttons) come from qtbase_<code>.qm in
// QLibraryInfo's translations folder (Debian's qt6-translations-l10n).
class AppLanguage final
{
public:
    AppLanguage() = delete;

    // The languages there are translations for, as codes: "de", "es" (English is the source).
    static QStringList translated();
    // Every choice of View › Language: "" (the system's), then "en", "de", "es".
    static QStringList choices();
    // The saved choice: "" for the system's, else one of choices().
    static QString saved();
    // Saves choice ("" for the system's) for the next start.
    static void save(const QString &choice);
    // The language to use: the saved choice, else the first of the system's interface
    // languages that has a translation; "en" when none has.
    static QString effective();
    // Installs wsroom's and Qt's translations for effective() into the application object
    // (which must exist); returns the code used ("en": none installed).
    static QString install();
};
