#pragma once

#include <QObject>
#include <QTranslator>

namespace consult::customer {

// The app's language, switchable without a restart: German (the source language of every tr()) or
// English (translations/customer_en.ts, embedded). Installing or removing a translator makes Qt post
// QEvent::LanguageChange to every window (delivered on the next turn of the event loop); each screen
// retranslates itself on it. Qt's own dialogs
// (print, file) follow through Qt's translations when they are installed.
class LanguageSwitcher final : public QObject
{
    Q_OBJECT
public:
    explicit LanguageSwitcher(QObject *parent = nullptr);
    ~LanguageSwitcher() override;

    // "de" or "en"; anything else is German.
    void setLanguage(const QString &code);
    QString language() const { return m_language; }

Q_SIGNALS:
    void languageChanged(const QString &code);

private:
    void removeTranslators();

    QString m_language = QStringLiteral("de");
    QTranslator m_app;
    QTranslator m_qt;
    bool m_appInstalled = false;
    bool m_qtInstalled = false;
};

} // namespace consult::customer
