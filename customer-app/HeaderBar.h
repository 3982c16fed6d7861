#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace consult {
class LanguageSwitcher;
} // namespace consult

namespace consult::customer {

// The strip at the top of the window: the bank's name, the service, and the language switch.
class HeaderBar final : public QWidget
{
    Q_OBJECT
public:
    HeaderBar(const QString &bankName, LanguageSwitcher &language, QWidget *parent = nullptr);

    QPushButton *languageButton() const { return m_languageButton; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    LanguageSwitcher &m_language;
    QLabel *m_bankName = nullptr;
    QLabel *m_serviceName = nullptr;
    QPushButton *m_languageButton = nullptr;
};

} // namespace consult::customer
