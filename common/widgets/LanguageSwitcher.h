#pragma once

#include <QObject>
#include <QTranslator>

namespace consult {

// The app's language, switchable without a restart, in both apps: German (the source language of
// every tr()) or English (the app's translations/<app>_en.ts, embedded as `englishTranslation`).
// Installing or removing a translator makes Qt post QEvent::LanguageChange to every window
// (delivered on the next turn of the event loop); each screen retranslates itself on it. Qt's own
// dialogs (print, file, standard buttons) follow through Qt's translations when they are installed.
// Owned by the app's main object; one per process.
class LanguageSwitcher final : public QObject
{
    Q_OBJECT
public:
    // `englishTranslation`: the app's compiled English translation, e.g. ":/i18n/customer_en.qm".
    explicit LanguageSwitcher(QString englishTranslation, QObject *parent = nullptr);
    ~LanguageSwitcher() override;

    // "de" or "en"; anything else is German.
    void setLanguage(const QString &code);
    QString language() const { return m_language; }

Q_SIGNALS:
    void languageChanged(const QString &code);

private:
    void removeTranslators();

    QString m_englishTranslation;
    QString m_language = QStringLiteral("de");
    QTranslator m_app;
    QTranslator m_qt;
    bool m_appInstalled = false;
    bool m_qtInstalled = false;
};

} // namespace consult
