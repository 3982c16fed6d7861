#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace consult {
class LanguageSwitcher;
} // namespace consult

namespace consult::customer {

// The strip at the top of the window: the bank's name, the service, the language switch, and in the
// video consultation the settings entry "Technik prüfen" that repeats the system check.
class HeaderBar final : public QWidget
{
    Q_OBJECT
public:
    HeaderBar(const QString &bankName, LanguageSwitcher &language, QWidget *parent = nullptr);

    QPushButton *languageButton() const { return m_languageButton; }
    QPushButton *checkButton() const { return m_checkButton; }
    void setCheckOffered(bool offered);

Q_SIGNALS:
    void checkRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    LanguageSwitcher &m_language;
    QLabel *m_bankName = nullptr;
    QLabel *m_serviceName = nullptr;
    QPushButton *m_languageButton = nullptr;
    QPushButton *m_checkButton = nullptr;
};

} // namespace consult::customer
