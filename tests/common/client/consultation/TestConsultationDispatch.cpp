// The clients' dispatch tables: each message addressed to a consultation reaches
// that consultation and the part it belongs to, and no other; a message for a consultation the
// client does not have is dropped and counted.
#include "ServerMessages.h"
#include "client/AdvisorClient.h"
#include "client/CustomerClient.h"
#include "client/consultation/Consultation.h"
#include "core/Clock.h"

#include <QSignalSpy>
#include <QTest>

using namespace consult;
using namespace consult::testing;

namespace {

// A part as the whiteboard or the documents will be: it records what reaches it.
class RecordingPart final : public ConsultationPart
{
public:
    bool dispatch(const wire::Envelope &envelope) override
    {
        received.append(envelope.body_case());
        return true;
    }
    void consultationEnded() override { ++ends; }

    QList<wire::Envelope::BodyCase> received;
    int ends = 0;
};

void deliver(AdvisorClient &client, const wire::Envelope &envelope)
{
    Q_EMIT client.connection().envelopeReceived(envelope);
}

void deliver(CustomerClient &client, const wire::Envelope &envelope)
{
    Q_EMIT client.connection().envelopeReceived(envelope);
}

wire::Envelope mediaState(const std::string &id, bool microphone, bool camera)
{
    wire::Envelope envelope;
    envelope.mutable_media_state()->set_consultation_id(id);
    envelope.mutable_media_state()->set_microphone_on(microphone);
    envelope.mutable_media_state()->set_camera_on(camera);
    return envelope;
}

wire::Envelope mediaPacket(const std::string &id, quint32 sequence)
{
    wire::Envelope envelope;
    auto *packet = envelope.mutable_media_packet();
    packet->set_consultation_id(id);
    packet->set_kind(wire::MEDIA_KIND_AUDIO);
    packet->set_sequence(sequence);
    packet->set_payload(std::string(40, 'x'));
    return envelope;
}

} // namespace

class TestConsultationDispatch final : public QObject
{
    Q_OBJECT
private slots:
    void eachConsultationStartedIsItsOwnObject()
    {
        AdvisorClient client({}, SystemClock::instance());
        QSignalSpy started(&client, &AdvisorClient::consultationStarted);
        deliver(client, testing::started("A", "Max Müller"));
        deliver(client, testing::started("B", "Erika Mustermann"));
        QCOMPARE(started.size(), 2);
        Consultation *a = client.findConsultation(QStringLiteral("A"));
        Consultation *b = client.findConsultation(QStringLiteral("B"));
        QVERIFY(a && b && a != b);
        QCOMPARE(a->peer().name, QStringLiteral("Max Müller"));
        QCOMPARE(b->peer().name, QStringLiteral("Erika Mustermann"));
        QCOMPARE(a->phase(), Consultation::Phase::Running);
        QCOMPARE(a->participants().size(), 2);
    }

    void aMessageForConsultationBNeverReachesA()
    {
        AdvisorClient client({}, SystemClock::instance());
        deliver(client, started("A"));
        deliver(client, started("B"));
        Consultation *a = client.findConsultation(QStringLiteral("A"));
        Consultation *b = client.findConsultation(QStringLiteral("B"));
        QSignalSpy aTyping(a->chat(), &ConsultationChat::peerTypingChanged);
        QSignalSpy aPresence(a, &Consultation::peerPresenceChanged);
        QSignalSpy aEnded(a, &Consultation::ended);
        QSignalSpy bEnded(b, &Consultation::ended);

        deliver(client, typing("B", true));
        deliver(client, chatLine("B", "m1", wire::PARTY_CUSTOMER, "Guten Tag"));
        deliver(client, presence("B", wire::PEER_STATE_RECONNECTING));
        deliver(client, ended("B", wire::END_REASON_CUSTOMER_ENDED));

        QCOMPARE(b->chat()->model()->rowCount(), 1);
        QCOMPARE(b->peer().presence, wire::PEER_STATE_RECONNECTING);
        QVERIFY(b->isEnded());
        QCOMPARE(bEnded.size(), 1);
        QCOMPARE(a->chat()->model()->rowCount(), 0);
        QCOMPARE(aTyping.size(), 0);
        QCOMPARE(aPresence.size(), 0);
        QCOMPARE(aEnded.size(), 0);
        QCOMPARE(a->peer().presence, wire::PEER_STATE_CONNECTED);
        QVERIFY(a->isRunning());
        QCOMPARE(client.droppedMessages(), quint64(0));
    }

    void aMessageForAnUnknownConsultationIsDroppedAndCounted()
    {
        AdvisorClient client({}, SystemClock::instance());
        deliver(client, started("A"));
        QSignalSpy started(&client, &AdvisorClient::consultationStarted);
        deliver(client, chatLine("Z", "m1", wire::PARTY_CUSTOMER, "Hallo?"));
        deliver(client, ended("Z", wire::END_REASON_CUSTOMER_ENDED));
        QCOMPARE(client.droppedMessages(), quint64(2));
        QCOMPARE(client.consultationIds(), QStringList{QStringLiteral("A")});
        QCOMPARE(client.findConsultation(QStringLiteral("A"))->chat()->model()->rowCount(), 0);
        QVERIFY(!client.findConsultation(QStringLiteral("A"))->isEnded());
        QCOMPARE(started.size(), 0);
    }

    void aDismissedConsultationHearsNothingMore()
    {
        AdvisorClient client({}, SystemClock::instance());
        deliver(client, started("A"));
        deliver(client, ended("A", wire::END_REASON_CUSTOMER_ENDED));
        client.dismiss(QStringLiteral("A"));
        QCOMPARE(client.findConsultation(QStringLiteral("A")), nullptr);
        deliver(client, chatLine("A", "m9", wire::PARTY_CUSTOMER, "noch da?"));
        QCOMPARE(client.droppedMessages(), quint64(1));
    }

    void theCustomerDropsMessagesOfAnotherConsultation()
    {
        CustomerClient client({}, SystemClock::instance());
        // Before the consultation starts nothing is routed to it.
        deliver(client, chatLine("A", "m0", wire::PARTY_ADVISOR, "zu früh"));
        QCOMPARE(client.droppedMessages(), quint64(1));
        deliver(client, started("A"));
        QCOMPARE(client.consultation()->phase(), Consultation::Phase::Running);
        deliver(client, chatLine("A", "m1", wire::PARTY_ADVISOR, "Guten Tag"));
        deliver(client, chatLine("B", "m2", wire::PARTY_ADVISOR, "nicht für Sie"));
        QCOMPARE(client.chat()->rowCount(), 1);
        QCOMPARE(client.chat()->lines().first().text, QStringLiteral("Guten Tag"));
        QCOMPARE(client.droppedMessages(), quint64(2));
    }

    void chatMessagesReachTheChatPart()
    {
        AdvisorClient client({}, SystemClock::instance());
        deliver(client, started("A"));
        Consultation *a = client.findConsultation(QStringLiteral("A"));
        QSignalSpy typingChanged(a->chat(), &ConsultationChat::peerTypingChanged);
        deliver(client, typing("A", true));
        QVERIFY(a->chat()->peerTyping());
        // A line from the customer ends their typing.
        deliver(client, chatLine("A", "m1", wire::PARTY_CUSTOMER, "Frage"));
        QVERIFY(!a->chat()->peerTyping());
        QCOMPARE(typingChanged.size(), 2);
        QCOMPARE(a->chat()->model()->rowCount(), 1);

        const QString clientId = a->chat()->send(QStringLiteral("Antwort"));
        wire::Envelope echo = chatLine("A", "m2", wire::PARTY_ADVISOR, "Antwort");
        echo.mutable_chat_message()->set_client_message_id(clientId.toStdString());
        deliver(client, echo);
        wire::Envelope delivered;
        delivered.mutable_chat_delivered()->set_consultation_id("A");
        delivered.mutable_chat_delivered()->set_message_id("m2");
        deliver(client, delivered);
        QCOMPARE(a->chat()->model()->rowCount(), 2);
        QCOMPARE(a->chat()->model()->lines().last().delivery, ChatLine::Delivery::Delivered);
    }

    void mediaMessagesReachTheMediaPartOfTheirConsultationOnly()
    {
        AdvisorClient client({}, SystemClock::instance());
        deliver(client, started("A"));
        deliver(client, started("B"));
        Consultation *a = client.findConsultation(QStringLiteral("A"));
        Consultation *b = client.findConsultation(QStringLiteral("B"));
        // Before the media part starts, media messages have nowhere to go.
        QVERIFY(!a->dispatch(mediaState("A", true, false)));

        QSignalSpy mediaStarted(a, &Consultation::mediaStarted);
        MediaSession &aMedia = a->startMedia({});
        MediaSession &bMedia = b->startMedia({});
        QCOMPARE(mediaStarted.size(), 1);
        QSignalSpy aState(&aMedia, &MediaSession::peerMediaStateChanged);
        QSignalSpy bState(&bMedia, &MediaSession::peerMediaStateChanged);
        deliver(client, mediaState("A", true, true));
        deliver(client, mediaPacket("A", 0));
        deliver(client, mediaPacket("A", 1));
        QCOMPARE(aState.size(), 1);
        QCOMPARE(aState.first().at(1).toBool(), true);
        QCOMPARE(bState.size(), 0);
        QCOMPARE(aMedia.channel().statistics().receivedPackets, quint64(2));
        QCOMPARE(bMedia.channel().statistics().receivedPackets, quint64(0));
    }

    void anAddedPartGetsWhatNoOtherPartTakesAndTheEnd()
    {
        AdvisorClient client({}, SystemClock::instance());
        deliver(client, started("A"));
        Consultation *a = client.findConsultation(QStringLiteral("A"));
        auto part = std::make_unique<RecordingPart>();
        RecordingPart *recording = part.get();
        a->addPart(std::move(part));
        QCOMPARE(a->part<RecordingPart>(), recording);

        deliver(client, chatLine("A", "m1", wire::PARTY_CUSTOMER, "für den Chat"));
        QVERIFY(recording->received.isEmpty());
        // A message no built-in part handles (as a whiteboard page will be) reaches the added part.
        wire::Envelope other;
        other.mutable_media_acknowledge()->set_consultation_id("A");
        QVERIFY(a->dispatch(other));
        QCOMPARE(recording->received, QList<wire::Envelope::BodyCase>{wire::Envelope::kMediaAcknowledge});

        deliver(client, ended("A", wire::END_REASON_ADVISOR_ENDED));
        QCOMPARE(recording->ends, 1);
    }

    void theCustomersAdvisorChangesWithATransfer()
    {
        CustomerClient client({}, SystemClock::instance());
        deliver(client, started("A", "Max Müller", "Anna Berger"));
        QCOMPARE(client.advisorName(), QStringLiteral("Anna Berger"));
        deliver(client, typing("A", true));
        QSignalSpy changed(client.consultation(), &Consultation::peerChanged);
        wire::Envelope transferred;
        transferred.mutable_consultation_transferred()->set_consultation_id("A");
        transferred.mutable_consultation_transferred()->set_advisor_name("Bernd Schulz");
        deliver(client, transferred);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(client.consultation()->peer().name, QStringLiteral("Bernd Schulz"));
        QVERIFY(!client.peerTyping()); // Anna's typing ended with the hand-over
    }
};

QTEST_GUILESS_MAIN(TestConsultationDispatch)
#include "TestConsultationDispatch.moc"
