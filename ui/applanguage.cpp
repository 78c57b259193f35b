#include "applanguage.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace {

// The settings key of the saved choice.
QString languageKey()
{
    return QStringLiteral("ui/language");
}

// Loads file (a .qm name without suffix) from folder into a translator owned by the
// application, and installs it; returns false when there is no such file.
bool installTranslator(const QString &file, const QString &folder)
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(file, folder)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    return true;
}

} // namespace

QStringList AppLanguage::translated()
{
    return {QStringLiteral("de"), QStringLiteral("es")};
}

QStringList AppLanguage::choices()
{
    return QStringList {QString(), QStringLiteral("en")} + translated();
}

QString AppLanguage::saved()
{
    const QString choice = QSettings().value(languageKey()).toString();
    return choices().contains(choice) ? choice : QString();
}

void AppLanguage::save(const QString &choice)
{
    QSettings settings;
    if (choice.isEmpty())
        settings.remove(languageKey());
    else
        settings.setValue(languageKey(), choice);
}

QString AppLanguage::effective()
{
    const QString choice = saved();
    if (!choice.isEmpty())
        return choice;
    // "de-DE", "de", "en-US"...: the first with a translation wins; English stops the search.
    for (const QString &language : QLocale::system().uiLanguages()) {
        const QString code = QLocale(language).name().section(QLatin1Char('_'), 0, 0);
        if (code == QLatin1String("en") || translated().contains(code))
            return code;
    }
    return QStringLiteral("en");
}

QString AppLanguage::install()
{
    const QString code = effective();
    if (code == QLatin1String("en"))
        return code;
    installTranslator(QStringLiteral("qtbase_") + code,
                      QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    installTranslator(QStringLiteral("wsroom_") + code, QStringLiteral(":/i18n"));
    return code;
}
