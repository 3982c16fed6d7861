#include "ModePage.h"

#include "widgets/PlainLabel.h"

#include <QButtonGroup>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace consult::customer {

ModePage::ModePage(QWidget *parent)
    : QWidget(parent)
{
    m_heading = plainLabel(this, "heading");
    m_intro = plainLabel(this, "modeIntro");
    m_video = new QRadioButton(this);
    m_video->setObjectName(QStringLiteral("modeVideo"));
    m_video->setChecked(true);
    m_videoDetail = plainLabel(this, "modeVideoDetail", "hint");
    m_text = new QRadioButton(this);
    m_text->setObjectName(QStringLiteral("modeText"));
    m_textDetail = plainLabel(this, "modeTextDetail", "hint");
    m_reasonLabel = plainLabel(this, "modeReason", "warning");
    m_reasonLabel->hide();
    m_group = new QButtonGroup(this);
    m_group->addButton(m_video);
    m_group->addButton(m_text);
    m_connect = new QPushButton(this);
    m_connect->setObjectName(QStringLiteral("connectMode"));
    m_connect->setProperty("primary", true);
    m_back = new QPushButton(this);
    m_back->setObjectName(QStringLiteral("modeBack"));

    connect(m_connect, &QPushButton::clicked, this, [this] { Q_EMIT connectRequested(videoChosen()); });
    connect(m_back, &QPushButton::clicked, this, &ModePage::backRequested);

    // The details sit under their option, indented like the option's text.
    const int indent = 26;
    m_videoDetail->setContentsMargins(indent, 0, 0, 0);
    m_textDetail->setContentsMargins(indent, 0, 0, 0);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_connect);
    buttons->addStretch();
    buttons->addWidget(m_back);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(8);
    layout->addWidget(m_heading);
    layout->addWidget(m_intro);
    layout->addSpacing(8);
    layout->addWidget(m_video);
    layout->addWidget(m_videoDetail);
    layout->addSpacing(8);
    layout->addWidget(m_text);
    layout->addWidget(m_textDetail);
    layout->addSpacing(8);
    layout->addWidget(m_reasonLabel);
    layout->addStretch();
    layout->addLayout(buttons);
    setTabOrder(m_video, m_text);
    setTabOrder(m_text, m_connect);
    setTabOrder(m_connect, m_back);
    retranslate();
}

void ModePage::setVideoPossible(bool possible, const QString &reason)
{
    m_reason = possible ? QString() : reason;
    m_video->setEnabled(possible);
    if (!possible)
        m_text->setChecked(true);
    retranslate();
}

bool ModePage::videoChosen() const
{
    return m_video->isEnabled() && m_video->isChecked();
}

void ModePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ModePage::retranslate()
{
    m_heading->setText(tr("Wie möchten Sie sich unterhalten?"));
    m_intro->setText(tr("Sie entscheiden, was übertragen wird. Kamera und Mikrofon können Sie auch während der "
                        "Beratung jederzeit aus- und wieder einschalten."));
    m_video->setText(tr("Bild und Ton übertragen"));
    m_video->setAccessibleName(m_video->text());
    m_videoDetail->setText(tr("Ihre Beraterin oder Ihr Berater spricht mit Ihnen und darf Sie auch sehen. Nebenbei "
                              "können Sie weiterhin schreiben."));
    m_video->setAccessibleDescription(m_videoDetail->text());
    m_text->setText(tr("Nur Text übertragen"));
    m_text->setAccessibleName(m_text->text());
    m_textDetail->setText(tr("Ein Textchat ohne Bild und Ton."));
    m_text->setAccessibleDescription(m_textDetail->text());
    m_reasonLabel->setText(m_reason);
    m_reasonLabel->setVisible(!m_reason.isEmpty());
    m_connect->setText(tr("Gewählte Verbindung aufbauen"));
    m_connect->setAccessibleName(m_connect->text());
    m_back->setText(tr("Zurück"));
    m_back->setAccessibleName(tr("Zurück zur Anmeldung"));
}

} // namespace consult::customer
