#include "LanguageSwitcher.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace consult {

LanguageSwitcher::LanguageSwitcher(QString englishTranslation, QObject *parent)
    : QObject(parent)
    , m_englishTranslation(std::move(englishTranslation))
{
    setLanguage(QStringLiteral("de"));
}

LanguageSwitcher::~LanguageSwitcher()
{
    removeTranslators();
}

void LanguageSwitcher::setLanguage(const QString &code)
{
    const QString language = code == u"en" ? QStringLiteral("en") : QStringLiteral("de");
    const bool changed = language != m_language;
    removeTranslators();
    m_language = language;
    QLocale::setDefault(QLocale(language == u"en" ? QLocale::English : QLocale::German,
                                language == u"en" ? QLocale::UnitedKingdom : QLocale::Germany));
    // Qt's own texts (buttons of standard dialogs, the print dialog) in the chosen language.
    if (m_qt.load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        m_qtInstalled = QCoreApplication::installTranslator(&m_qt);
    if (language == u"en") {
        if (m_app.load(m_englishTranslation))
            m_appInstalled = QCoreApplication::installTranslator(&m_app);
        else
            qWarning("the English translation %s is missing", qUtf8Printable(m_englishTranslation));
    }
    if (changed)
        Q_EMIT languageChanged(language);
}

void LanguageSwitcher::removeTranslators()
{
    if (m_appInstalled)
        QCoreApplication::removeTranslator(&m_app);
    if (m_qtInstalled)
        QCoreApplication::removeTranslator(&m_qt);
    m_appInstalled = m_qtInstalled = false;
}

} // namespace consult
