#include "HeaderBar.h"

#include "widgets/LanguageSwitcher.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace consult::customer {

HeaderBar::HeaderBar(const QString &bankName, LanguageSwitcher &language, QWidget *parent)
    : QWidget(parent)
    , m_language(language)
{
    setObjectName(QStringLiteral("header"));
    setAttribute(Qt::WA_StyledBackground);
    m_bankName = new QLabel(bankName, this);
    m_bankName->setObjectName(QStringLiteral("bankName"));
    m_bankName->setTextFormat(Qt::PlainText);
    m_serviceName = new QLabel(this);
    m_serviceName->setObjectName(QStringLiteral("serviceName"));
    m_serviceName->setTextFormat(Qt::PlainText);
    m_languageButton = new QPushButton(this);
    m_languageButton->setObjectName(QStringLiteral("language"));
    m_languageButton->setMinimumWidth(100); // "English" and "Deutsch" both fit, so the header does not jump
    connect(m_languageButton, &QPushButton::clicked, this, [this] {
        m_language.setLanguage(m_language.language() == u"en" ? QStringLiteral("de") : QStringLiteral("en"));
    });
    m_checkButton = new QPushButton(this);
    m_checkButton->setObjectName(QStringLiteral("checkAgain"));
    m_checkButton->hide();
    connect(m_checkButton, &QPushButton::clicked, this, &HeaderBar::checkRequested);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(24, 10, 16, 10);
    layout->addWidget(m_bankName);
    layout->addWidget(m_serviceName);
    layout->addStretch();
    layout->addWidget(m_checkButton);
    layout->addWidget(m_languageButton);
    retranslate();
}

void HeaderBar::setCheckOffered(bool offered)
{
    m_checkButton->setVisible(offered);
}

void HeaderBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void HeaderBar::retranslate()
{
    m_serviceName->setText(tr("Online-Beratung"));
    m_checkButton->setText(tr("Technik prüfen"));
    m_checkButton->setAccessibleName(tr("Technik erneut prüfen"));
    // The button names the other language in that language, so that a customer who cannot read the
    // current one still finds it.
    const bool english = m_language.language() == u"en";
    m_languageButton->setText(english ? QStringLiteral("Deutsch") : QStringLiteral("English"));
    m_languageButton->setAccessibleName(english ? QStringLiteral("Deutsch – Sprache wechseln")
                                                : QStringLiteral("English – switch language"));
}

} // namespace consult::customer
