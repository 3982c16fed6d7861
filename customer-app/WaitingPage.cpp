#include "WaitingPage.h"
#include "widgets/PlainLabel.h"

#include "CustomerTexts.h"
#include "client/CustomerClient.h"
#include "widgets/Announcer.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace consult::customer {

WaitingPage::WaitingPage(QWidget *parent)
    : QWidget(parent)
{
    m_heading = plainLabel(this, "heading");
    m_busyBox = new QFrame(this);
    m_busyBox->setObjectName(QStringLiteral("busyBox"));
    m_busyBox->setProperty("notice", true);
    m_busyText = plainLabel(m_busyBox, "busyText", "strong");
    m_busyQuestion = plainLabel(m_busyBox, "busyQuestion");
    m_keepWaiting = new QPushButton(m_busyBox);
    m_keepWaiting->setObjectName(QStringLiteral("keepWaiting"));
    m_keepWaiting->setProperty("primary", true);
    m_busyWriteMessage = new QPushButton(m_busyBox);
    m_busyWriteMessage->setObjectName(QStringLiteral("busyWriteMessage"));
    auto *busyButtons = new QHBoxLayout;
    busyButtons->addWidget(m_keepWaiting);
    busyButtons->addWidget(m_busyWriteMessage);
    busyButtons->addStretch();
    auto *busyLayout = new QVBoxLayout(m_busyBox);
    busyLayout->setContentsMargins(16, 12, 16, 12);
    busyLayout->addWidget(m_busyText);
    busyLayout->addWidget(m_busyQuestion);
    busyLayout->addLayout(busyButtons);
    m_busyBox->hide();

    m_position = plainLabel(this, "position", "figure");
    m_position->setFocusPolicy(Qt::TabFocus); // a screen reader user can return to it
    m_wait = plainLabel(this, "expectedWait");
    m_keepOpen = plainLabel(this, "keepOpen", "hint");
    m_messageHint = plainLabel(this, "messageHint");
    m_writeMessage = new QPushButton(this);
    m_writeMessage->setObjectName(QStringLiteral("writeMessage"));
    m_leave = new QPushButton(this);
    m_leave->setObjectName(QStringLiteral("leaveQueue"));

    connect(m_keepWaiting, &QPushButton::clicked, this, [this] {
        m_busyAnswered = true;
        m_busyBox->hide();
        m_position->setFocus();
    });
    connect(m_busyWriteMessage, &QPushButton::clicked, this, &WaitingPage::writeMessageRequested);
    connect(m_writeMessage, &QPushButton::clicked, this, &WaitingPage::writeMessageRequested);
    connect(m_leave, &QPushButton::clicked, this, &WaitingPage::leaveRequested);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_writeMessage);
    buttons->addStretch();
    buttons->addWidget(m_leave);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(10);
    layout->addWidget(m_heading);
    layout->addWidget(m_busyBox);
    layout->addSpacing(8);
    layout->addWidget(m_position);
    layout->addWidget(m_wait);
    layout->addWidget(m_keepOpen);
    layout->addStretch();
    layout->addWidget(m_messageHint);
    layout->addLayout(buttons);
    retranslate();
}

void WaitingPage::setClient(CustomerClient *client)
{
    m_client = client;
    m_busyAnswered = false;
    m_status = wire::QueueStatus();
    if (client)
        connect(client, &CustomerClient::queueStatusChanged, this,
                [this](const wire::QueueStatus &status) { showStatus(status, true); });
    retranslate();
}

void WaitingPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void WaitingPage::retranslate()
{
    m_heading->setText(tr("Sie sind in der Warteschlange"));
    m_busyQuestion->setText(tr("Möchten Sie auf die nächste freie Beraterin oder den nächsten freien Berater "
                               "warten, oder schreiben Sie uns lieber eine Mitteilung? Dann rufen wir Sie zurück."));
    m_keepWaiting->setText(tr("Weiter warten"));
    m_keepWaiting->setAccessibleName(m_keepWaiting->text());
    m_busyWriteMessage->setText(tr("Mitteilung schreiben"));
    m_busyWriteMessage->setAccessibleName(tr("Statt zu warten eine Mitteilung schreiben"));
    m_keepOpen->setText(tr("Bitte lassen Sie dieses Fenster geöffnet. Sobald eine Beraterin oder ein Berater frei "
                           "ist, geht es hier weiter."));
    m_messageHint->setText(tr("Sie möchten nicht länger warten? Schreiben Sie uns eine Mitteilung, wir rufen Sie "
                              "zurück. Ihr Platz bleibt, bis die Mitteilung gesendet ist."));
    m_writeMessage->setText(tr("Stattdessen Mitteilung schreiben"));
    m_writeMessage->setAccessibleName(m_writeMessage->text());
    m_leave->setText(tr("Warten beenden"));
    m_leave->setAccessibleName(tr("Warten beenden und die Warteschlange verlassen"));
    showStatus(m_status, false);
}

void WaitingPage::showStatus(const wire::QueueStatus &status, bool announceChange)
{
    const bool changed = status.position() != m_status.position() ||
                         status.expected_wait_seconds() != m_status.expected_wait_seconds() ||
                         status.all_advisors_busy() != m_status.all_advisors_busy();
    m_status = status;
    m_busyBox->setVisible(status.all_advisors_busy() && !m_busyAnswered);
    // "All busy" includes "nobody on duty yet" (then the wait is unknown): say which.
    m_busyText->setText(status.expected_wait_seconds() < 0
                            ? tr("Gerade ist keine Beraterin und kein Berater im Dienst.")
                            : tr("Alle Beraterinnen und Berater sind gerade im Gespräch."));
    if (status.position() == 0)
        m_position->setText(tr("Ihr Platz wird ermittelt …"));
    else if (status.position() == 1)
        m_position->setText(tr("Sie sind als Nächstes an der Reihe."));
    else
        m_position->setText(tr("Ihr Platz in der Warteschlange: %1").arg(status.position()));
    QString wait = CustomerTexts::expectedWait(status.expected_wait_seconds());
    if (!status.all_advisors_busy() && status.expected_wait_seconds() >= 0 && status.position() == 1)
        wait = tr("Gleich ist eine Beraterin oder ein Berater für Sie da.");
    m_wait->setText(wait);
    m_position->setAccessibleName(m_position->text());
    m_wait->setAccessibleName(m_wait->text());
    if (announceChange && changed)
        announce(m_position, m_position->text() + u' ' + m_wait->text());
}

} // namespace consult::customer
