// The chat part's send path (C2, C3): whatever view sends a customer's line, the send guard in the
// client library checks it first and asks the app's confirmation; nothing suspicious leaves unasked.
#include "ServerMessages.h"
#include "client/AdvisorClient.h"
#include "client/CustomerClient.h"
#include "client/consultation/Consultation.h"
#include "core/Clock.h"

#include <QTest>

using namespace consult;
using namespace consult::testing;

namespace {

// A customer in a running consultation, with a confirmation that records what it was asked.
struct GuardedCustomer
{
    CustomerClient client{{}, SystemClock::instance()};
    QList<SendCheck> asked;
    SendGuard::Decision answer = SendGuard::Decision::Edit;

    GuardedCustomer()
    {
        Q_EMIT client.connection().envelopeReceived(started("A"));
        client.setSendConfirmation([this](const SendCheck &check) {
            asked.append(check);
            return answer;
        });
    }
    ConsultationChat &chat() { return *client.consultation()->chat(); }
};

} // namespace

class TestConsultationChat final : public QObject
{
    Q_OBJECT
private slots:
    // C2
    void aTanIsHeldUntilTheCustomerConfirms()
    {
        GuardedCustomer customer;
        const QString text = QStringLiteral("Meine TAN ist 483920");
        ConsultationChat::Submission held = customer.chat().submit(text);
        QCOMPARE(held.outcome, ConsultationChat::Submission::Outcome::Held);
        QCOMPARE(customer.asked.size(), 1);
        QCOMPARE(customer.asked.first().findings.size(), 1);
        QCOMPARE(customer.asked.first().findings.first().kind, validation::SensitiveFinding::Kind::SecretNearKeyword);
        // Where the finding is, for the view to select it.
        QCOMPARE(text.mid(held.check.findings.first().start, held.check.findings.first().length),
                 QStringLiteral("483920"));
        QCOMPARE(customer.client.chat()->rowCount(), 0);

        customer.answer = SendGuard::Decision::Send;
        ConsultationChat::Submission sent = customer.chat().submit(text);
        QCOMPARE(sent.outcome, ConsultationChat::Submission::Outcome::Sent);
        QVERIFY(!sent.clientMessageId.isEmpty());
        QCOMPARE(customer.asked.size(), 2);
        QCOMPARE(customer.client.chat()->rowCount(), 1);
        QCOMPARE(customer.client.chat()->lines().first().text, text);
    }

    // C2: without anyone to ask, a suspicious line never leaves.
    void withoutAConfirmationASuspiciousLineIsHeld()
    {
        CustomerClient client({}, SystemClock::instance());
        Q_EMIT client.connection().envelopeReceived(started("A"));
        const ConsultationChat::Submission held =
            client.consultation()->chat()->submit(QStringLiteral("IBAN DE89 3704 0044 0532 0130 00"));
        QCOMPARE(held.outcome, ConsultationChat::Submission::Outcome::Held);
        QCOMPARE(held.check.findings.first().kind, validation::SensitiveFinding::Kind::Iban);
        QCOMPARE(client.chat()->rowCount(), 0);
    }

    // C3
    void anOrderAsksForTheHintFirst()
    {
        GuardedCustomer customer;
        const ConsultationChat::Submission held = customer.chat().submit(QStringLiteral("Bitte Karte sperren"));
        QCOMPARE(held.outcome, ConsultationChat::Submission::Outcome::Held);
        QCOMPARE(customer.asked.size(), 1);
        QCOMPARE(customer.asked.first().order, validation::OrderIntent::CardBlocking);
        QVERIFY(customer.asked.first().findings.isEmpty());
        QCOMPARE(customer.client.chat()->rowCount(), 0);
    }

    void anOrdinaryLineIsSentWithoutAsking()
    {
        GuardedCustomer customer;
        const ConsultationChat::Submission sent =
            customer.chat().submit(QStringLiteral("  Wie hoch ist das Tageslimit meiner Karte?  "));
        QCOMPARE(sent.outcome, ConsultationChat::Submission::Outcome::Sent);
        QVERIFY(customer.asked.isEmpty());
        QCOMPARE(customer.client.chat()->lines().first().text,
                 QStringLiteral("Wie hoch ist das Tageslimit meiner Karte?"));
    }

    void nothingIsSentBeforeTheConsultationStartsOrAfterItEnds()
    {
        CustomerClient client({}, SystemClock::instance());
        QCOMPARE(client.consultation()->chat()->submit(QStringLiteral("Hallo")).outcome,
                 ConsultationChat::Submission::Outcome::NotSent);
        Q_EMIT client.connection().envelopeReceived(started("A"));
        Q_EMIT client.connection().envelopeReceived(ended("A", wire::END_REASON_ADVISOR_ENDED));
        QCOMPARE(client.consultation()->chat()->submit(QStringLiteral("Hallo")).outcome,
                 ConsultationChat::Submission::Outcome::NotSent);
        QCOMPARE(client.chat()->rowCount(), 0);
    }

    // The promises C2 and C3 are the customer's; the advisor's lines go out as written.
    void theAdvisorsChatIsNotGuarded()
    {
        AdvisorClient client({}, SystemClock::instance());
        Q_EMIT client.connection().envelopeReceived(started("A"));
        ConsultationChat *chat = client.findConsultation(QStringLiteral("A"))->chat();
        QVERIFY(!chat->isGuarded());
        QCOMPARE(chat->submit(QStringLiteral("Überweisungen erteilen Sie bitte im Online-Banking.")).outcome,
                 ConsultationChat::Submission::Outcome::Sent);
    }
};

QTEST_GUILESS_MAIN(TestConsultationChat)
#include "TestConsultationChat.moc"
