#include "ConsentPage.h"

#include "widgets/PlainLabel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace consult::customer {

ConsentPage::ConsentPage(QWidget *parent)
    : QWidget(parent)
{
    m_heading = plainLabel(this, "heading");
    m_question = plainLabel(this, "consentQuestion", "strong");
    m_devices = plainLabel(this, "consentDevices", "note");
    m_scope = plainLabel(this, "consentScope");
    m_control = plainLabel(this, "consentControl", "hint");
    m_allow = new QPushButton(this);
    m_allow->setObjectName(QStringLiteral("allowDevices"));
    m_allow->setProperty("primary", true);
    m_deny = new QPushButton(this);
    m_deny->setObjectName(QStringLiteral("denyDevices"));
    connect(m_allow, &QPushButton::clicked, this, &ConsentPage::allowed);
    connect(m_deny, &QPushButton::clicked, this, &ConsentPage::denied);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_allow);
    buttons->addStretch();
    buttons->addWidget(m_deny);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(10);
    layout->addWidget(m_heading);
    layout->addWidget(m_question);
    layout->addWidget(m_devices);
    layout->addWidget(m_scope);
    layout->addWidget(m_control);
    layout->addStretch();
    layout->addLayout(buttons);
    setTabOrder(m_allow, m_deny);
    retranslate();
}

void ConsentPage::setDevices(const QString &camera, const QString &microphone)
{
    m_camera = camera;
    m_microphone = microphone;
    retranslate();
}

void ConsentPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ConsentPage::retranslate()
{
    m_heading->setText(tr("Zugriff auf Kamera und Mikrofon"));
    m_question->setText(tr("Darf die Anwendung für diese Beratung Ihre Kamera und Ihr Mikrofon verwenden?"));
    const QString camera =
        m_camera.isEmpty() ? tr("keine (Sie sehen Ihre Beraterin oder Ihren Berater trotzdem)") : m_camera;
    const QString microphone = m_microphone.isEmpty() ? tr("keines") : m_microphone;
    m_devices->setText(tr("Kamera: %1\nMikrofon: %2").arg(camera, microphone));
    m_devices->setAccessibleName(m_devices->text());
    m_scope->setText(tr("Die Erlaubnis gilt nur für diese Beratung. Wechseln Sie währenddessen die Seite oder "
                        "prüfen Sie die Technik erneut, fragen wir nicht noch einmal. Mit dem Ende der Beratung "
                        "endet auch der Zugriff."));
    m_control->setText(tr("Ihre Beraterin oder Ihr Berater sieht und hört Sie nur, solange Kamera und Mikrofon "
                          "eingeschaltet sind. Beides können Sie in der Beratung jederzeit ausschalten."));
    m_allow->setText(tr("Zulassen"));
    m_allow->setAccessibleName(tr("Kamera und Mikrofon zulassen"));
    m_deny->setText(tr("Nicht zulassen, nur schreiben"));
    m_deny->setAccessibleName(tr("Nicht zulassen und mit dem Textchat fortfahren"));
}

} // namespace consult::customer
