#include "MessagePage.h"
#include "widgets/PlainLabel.h"

#include "CustomerTexts.h"
#include "InputCheck.h"
#include "client/CustomerClient.h"
#include "validation/PhoneNumber.h"
#include "widgets/Announcer.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace consult::customer {

namespace {

constexpr int kMaxCodePoints = 4000; // LeaveMessage.text, I2

int codePoints(const QString &text)
{
    return static_cast<int>(text.toUcs4().size());
}

} // namespace

MessagePage::MessagePage(QWidget *parent)
    : QWidget(parent)
{
    m_heading = plainLabel(this, "heading");
    m_reason = plainLabel(this, "reason", "note");
    m_textLabel = plainLabel(this, "textLabel");
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("messageText"));
    m_text->setTabChangesFocus(true);
    m_textLabel->setBuddy(m_text);
    m_counter = plainLabel(this, "counter", "hint");
    m_counter->setAlignment(Qt::AlignRight);
    m_reminder = plainLabel(this, "reminder", "warning");
    m_phoneLabel = plainLabel(this, "phoneLabel");
    m_phone = new QLineEdit(this);
    m_phone->setObjectName(QStringLiteral("callbackPhone"));
    m_phone->setMaxLength(60);
    m_phoneLabel->setBuddy(m_phone);
    m_phoneFeedback = plainLabel(this, "phoneFeedback");
    m_status = plainLabel(this, "messageStatus");
    m_send = new QPushButton(this);
    m_send->setObjectName(QStringLiteral("sendMessage"));
    m_send->setProperty("primary", true);
    m_back = new QPushButton(this);
    m_back->setObjectName(QStringLiteral("backToWaiting"));

    connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
        m_refusal.clear();
        updateState();
    });
    connect(m_phone, &QLineEdit::textEdited, this, [this] { m_phoneEdited = true; });
    connect(m_phone, &QLineEdit::textChanged, this, [this] {
        m_refusal.clear();
        updateState();
    });
    connect(m_send, &QPushButton::clicked, this, [this] {
        updateState();
        if (m_send->isEnabled())
            Q_EMIT sendRequested(m_text->toPlainText().trimmed(), checkPhone(m_phone->text()).normalised);
    });
    connect(m_back, &QPushButton::clicked, this, [this] {
        if (m_mode == Mode::InsteadOfWaiting)
            Q_EMIT backToWaitingRequested();
        else
            Q_EMIT cancelRequested();
    });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_send);
    buttons->addStretch();
    buttons->addWidget(m_back);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(6);
    layout->addWidget(m_heading);
    layout->addWidget(m_reason);
    layout->addSpacing(8);
    layout->addWidget(m_textLabel);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_counter);
    layout->addWidget(m_reminder);
    layout->addSpacing(6);
    layout->addWidget(m_phoneLabel);
    layout->addWidget(m_phone);
    layout->addWidget(m_phoneFeedback);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    retranslate();
}

void MessagePage::setClient(CustomerClient *client)
{
    m_client = client;
    m_text->clear();
    m_phone->clear();
    m_phoneEdited = false;
    m_sending = false;
    m_refusal.clear();
    if (client)
        connect(client, &CustomerClient::messageRefused, this, &MessagePage::onRefused);
}

void MessagePage::setMode(Mode mode)
{
    m_mode = mode;
    // The call-back number from the log-in, in international notation, unless the customer changed it.
    if (m_client && !m_phoneEdited && !m_client->phoneE164().isEmpty())
        m_phone->setText(validation::formatInternational(m_client->phoneE164()));
    retranslate();
    m_text->setFocus();
}

void MessagePage::setSending(bool sending)
{
    m_sending = sending;
    updateState();
}

void MessagePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void MessagePage::retranslate()
{
    m_heading->setText(tr("Mitteilung an unsere Beraterinnen und Berater"));
    switch (m_mode) {
    case Mode::InsteadOfWaiting:
        m_reason->setText(tr("Schreiben Sie uns, worum es geht. Wir rufen Sie so bald wie möglich zurück. Ihr "
                             "Platz in der Warteschlange bleibt, bis die Mitteilung gesendet ist."));
        m_back->setText(tr("Zurück zum Warten"));
        m_back->setAccessibleName(tr("Keine Mitteilung schreiben und weiter warten"));
        break;
    case Mode::Closed:
        m_reason->setText(tr("Der Service-Chat ist gerade nicht besetzt. Schreiben Sie uns eine Mitteilung, wir "
                             "rufen Sie zurück.") +
                          (m_client ? u'\n' + CustomerTexts::serviceHours(m_client->serviceHours()) : QString()));
        m_back->setText(tr("Abbrechen"));
        m_back->setAccessibleName(tr("Abbrechen und zur Startseite"));
        break;
    case Mode::QueueFull:
        m_reason->setText(tr("Gerade warten sehr viele Kundinnen und Kunden, die Warteschlange ist voll. Schreiben "
                             "Sie uns eine Mitteilung, wir rufen Sie zurück."));
        m_back->setText(tr("Abbrechen"));
        m_back->setAccessibleName(tr("Abbrechen und zur Startseite"));
        break;
    }
    m_reason->setAccessibleName(m_reason->text());
    m_textLabel->setText(tr("Ihre &Mitteilung"));
    m_text->setAccessibleName(tr("Ihre Mitteilung"));
    m_text->setPlaceholderText(tr("Worum geht es? Wann erreichen wir Sie am besten?"));
    m_reminder->setText(tr("Bitte schreiben Sie keine Passwörter, PINs, TANs oder Benutzerkennungen."));
    m_phoneLabel->setText(tr("&Telefonnummer für den Rückruf"));
    m_phone->setAccessibleName(tr("Telefonnummer für den Rückruf"));
    m_send->setText(tr("Mitteilung senden"));
    m_send->setAccessibleName(m_send->text());
    updateState();
}

void MessagePage::updateState()
{
    const int length = codePoints(m_text->toPlainText().trimmed());
    m_counter->setText(tr("%1 von %2 Zeichen").arg(length).arg(kMaxCodePoints));
    m_counter->setProperty("error", length > kMaxCodePoints);
    m_text->setAccessibleDescription(m_counter->text());
    const FieldCheck phone = checkPhone(m_phone->text());
    if (!phone.problem.isEmpty())
        m_phoneFeedback->setText(phone.problem);
    else if (phone.ok)
        m_phoneFeedback->setText(tr("Wir rufen Sie unter %1 zurück.").arg(phone.display));
    else
        m_phoneFeedback->setText(tr("Bitte geben Sie eine Telefonnummer für den Rückruf ein."));
    m_phoneFeedback->setProperty("error", !phone.ok);
    m_phoneFeedback->setProperty("confirmation", phone.ok);
    m_phone->setAccessibleDescription(m_phoneFeedback->text());
    m_status->setText(m_sending ? tr("Ihre Mitteilung wird gesendet …") : m_refusal);
    m_status->setProperty("error", !m_refusal.isEmpty());
    m_status->setVisible(!m_status->text().isEmpty());
    for (QLabel *label : {m_counter, m_phoneFeedback, m_status})
        label->setStyleSheet(QString()); // re-evaluate the dynamic properties
    m_send->setEnabled(!m_sending && length > 0 && length <= kMaxCodePoints && phone.ok);
    m_text->setReadOnly(m_sending);
    m_phone->setReadOnly(m_sending);
    m_back->setEnabled(!m_sending);
}

void MessagePage::onRefused(wire::ErrorCode code, const QString &field, int retryAfterMs)
{
    m_sending = false;
    m_refusal = CustomerTexts::messageRefusal(code, field, retryAfterMs);
    updateState();
    announce(m_status, m_refusal);
}

} // namespace consult::customer
