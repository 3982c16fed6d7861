// The server's side of the video consultation (issue 10) through a real server with real TLS:
// one video consultation per advisor while text chats go on (taking and transferring), the phone
// code for customers without audio devices (seed 002) and the customer's system check in
// ConsultationStarted, the "audio by phone" state relayed from the customer only, and the anonymous
// statistics recording the features really used (P3).
#include "support/EpollTestMain.h"
#include "support/RecordingSink.h"
#include "support/Scenario.h"
#include "support/SyntheticStream.h"

#include "consultation/ConsultationService.h"
#include "protocol/EnvelopeCodec.h"
#include "session/Connection.h"
#include "session/SessionRegistry.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlRecord>

using namespace consult;
using namespace consult::testing;

namespace {

wire::SystemCheck passedCheck()
{
    wire::SystemCheck check;
    check.set_camera(wire::CHECK_OUTCOME_PASSED);
    check.set_microphone(wire::CHECK_OUTCOME_MISSING);
    check.set_speaker(wire::CHECK_OUTCOME_PASSED);
    check.set_connection(wire::CHECK_OUTCOME_PASSED);
    check.set_download_kbps(24'000);
    check.set_upload_kbps(9'000);
    check.set_round_trip_ms(12);
    return check;
}

CustomerSpec videoCustomer(const QString &name)
{
    CustomerSpec spec = CustomerSpec::named(name);
    spec.mode = wire::CONSULTATION_MODE_VIDEO;
    spec.systemCheck = passedCheck();
    return spec;
}

// The entry id of the waiting customer called `name` in the advisor's queue, or empty.
QString entryIdOf(const AdvisorClient &advisor, const QString &name)
{
    for (const wire::QueueEntry &entry : advisor.queue()->entries()) {
        if (QString::fromStdString(entry.name()) == name)
            return QString::fromStdString(entry.entry_id());
    }
    return {};
}

// Every ConsultationStarted a client's connection delivers, kept from the moment it is made.
class StartedRecorder
{
public:
    explicit StartedRecorder(ClientConnection &connection)
    {
        QObject::connect(&connection, &ClientConnection::envelopeReceived, &m_context,
                         [this](const wire::Envelope &envelope) {
                             if (envelope.has_consultation_started())
                                 started.append(envelope.consultation_started());
                         });
    }
    QList<wire::ConsultationStarted> started;

private:
    QObject m_context;
};

// The MediaState envelopes a client's connection delivers.
class MediaStateRecorder
{
public:
    explicit MediaStateRecorder(ClientConnection &connection)
    {
        QObject::connect(&connection, &ClientConnection::envelopeReceived, &m_context,
                         [this](const wire::Envelope &envelope) {
                             if (envelope.has_media_state())
                                 states.append(envelope.media_state());
                         });
    }
    QList<wire::MediaState> states;

private:
    QObject m_context;
};

wire::Envelope mediaState(const QString &consultationId, bool audioByPhone)
{
    wire::Envelope envelope;
    auto *state = envelope.mutable_media_state();
    state->set_consultation_id(consultationId.toStdString());
    state->set_camera_on(true);
    state->set_microphone_on(false);
    state->set_audio_by_phone(audioByPhone);
    return envelope;
}

// The feature masks of the completed consultations in the statistics, oldest first.
QList<int> completedFeatures(TestServer &server)
{
    QList<int> features;
    auto query = server.database().exec(
        QStringLiteral("SELECT features FROM statistics WHERE outcome = 'completed' ORDER BY rowid"));
    if (!query.ok())
        return {-1};
    while (query.value().next())
        features.append(query.value().value(0).toInt());
    return features;
}

} // namespace

class TestVideoConsultation final : public QObject
{
    Q_OBJECT
private slots:
    void aSecondVideoCustomerIsRefusedWhileTextChatsAreTaken();
    void aVideoConsultationIsNotTransferredToAColleagueWhoHoldsOne();
    void thePhoneCodeAndTheSystemCheckReachTheirSides();
    void audioByPhoneIsRelayedFromTheCustomerOnly();
    void theStatisticsRecordTheFeaturesReallyUsed();
    void aCheckRepeatedWhileWaitingUpdatesTheAdvisorsQueueInPlace();
    void theCustomerIsToldTheEndWhileVideoFillsItsSocket();
    void theCustomerIsToldTheEndOfEveryVideoCallTheAdvisorEnds();
};

// Issue 10, advisor item 2: one video consultation at a time. A chosen video customer is refused;
// "take next" passes over the older video customer to the text-chat customer behind, and is refused
// only when nobody but video customers waits; once the video consultation ends, the video customer is next.
void TestVideoConsultation::aSecondVideoCustomerIsRefusedWhileTextChatsAreTaken()
{
    Scenario scenario;
    QVERIFY(scenario.start());
    AdvisorClient *advisor = scenario.advisor(AdvisorSpec::named(QStringLiteral("anna"), 3));
    QVERIFY(advisor);
    CustomerClient *vera = scenario.waitingCustomer(videoCustomer(QStringLiteral("Vera Vogel")));
    QVERIFY(vera);
    TestConsultation *video = scenario.take(*advisor, *vera, Take::Next);
    QVERIFY(video);

    CustomerClient *viktor = scenario.waitingCustomer(videoCustomer(QStringLiteral("Viktor Voss")));
    QVERIFY(viktor);
    CustomerClient *clara = scenario.waitingCustomer(CustomerSpec::named(QStringLiteral("Clara Korn")));
    QVERIFY(clara);
    CONSULT_WAIT_FOR(advisor->queue()->rowCount() == 2, 10000);
    QSignalSpy refused(advisor, &AdvisorClient::requestRefused);

    advisor->take(entryIdOf(*advisor, QStringLiteral("Viktor Voss")));
    CONSULT_WAIT_FOR(refused.size() == 1, 10000);
    QCOMPARE(refused.first().at(0).value<wire::ErrorCode>(), wire::ERROR_VIDEO_IN_PROGRESS);
    QCOMPARE(viktor->phase(), CustomerClient::Phase::Waiting);
    QCOMPARE(advisor->queue()->rowCount(), 2);

    // "Take next": Clara, though Viktor waits longer; Viktor keeps his place.
    advisor->takeNext();
    CONSULT_WAIT_FOR(clara->phase() == CustomerClient::Phase::Consulting, 10000);
    QCOMPARE(viktor->phase(), CustomerClient::Phase::Waiting);
    QCOMPARE(viktor->queueStatus().position(), 1u);
    QCOMPARE(advisor->consultationIds().size(), 2);

    // Only a video customer waits: refused, not an empty queue.
    advisor->takeNext();
    CONSULT_WAIT_FOR(refused.size() == 2, 10000);
    QCOMPARE(refused.last().at(0).value<wire::ErrorCode>(), wire::ERROR_VIDEO_IN_PROGRESS);
    QCOMPARE(viktor->phase(), CustomerClient::Phase::Waiting);

    // The text chats go on beside the video consultation.
    verifyTalksBothWays(*video);
    clara->sendChat(QStringLiteral("Ich habe eine Frage zur Karte."));
    CONSULT_WAIT_FOR(advisor->consultation(clara->consultationId())->chat->rowCount() >= 2, 10000);

    // The video consultation ends: Viktor is next.
    advisor->endConsultation(video->id);
    CONSULT_WAIT_FOR(vera->phase() == CustomerClient::Phase::Ended, 10000);
    advisor->takeNext();
    CONSULT_WAIT_FOR(viktor->phase() == CustomerClient::Phase::Consulting, 10000);
    QCOMPARE(refused.size(), 2);
}

// The same rule for a transfer: a video consultation does not go to a colleague who holds one.
// After the colleague's own ends, it does, and the colleague gets the same phone code and system check.
void TestVideoConsultation::aVideoConsultationIsNotTransferredToAColleagueWhoHoldsOne()
{
    Scenario scenario;
    QVERIFY(scenario.start());
    AdvisorClient *anna = scenario.advisor(AdvisorSpec::named(QStringLiteral("anna")));
    AdvisorClient *bernd = scenario.advisor(AdvisorSpec::named(QStringLiteral("bernd")));
    QVERIFY(anna && bernd);
    StartedRecorder atAnna(anna->connection());
    CustomerClient *first = scenario.waitingCustomer(videoCustomer(QStringLiteral("Vera Vogel")));
    QVERIFY(first);
    TestConsultation *berndsCall = scenario.take(*bernd, *first, Take::Next);
    QVERIFY(berndsCall);
    CustomerClient *second = scenario.waitingCustomer(videoCustomer(QStringLiteral("Viktor Voss")));
    QVERIFY(second);
    TestConsultation *annasCall = scenario.take(*anna, *second, Take::Next);
    QVERIFY(annasCall);
    StartedRecorder atBernd(bernd->connection());

    QSignalSpy refused(anna, &AdvisorClient::transferRefused);
    anna->transfer(annasCall->id, QStringLiteral("bernd"));
    CONSULT_WAIT_FOR(refused.size() == 1, 10000);
    QCOMPARE(refused.first().at(0).toString(), annasCall->id);
    QCOMPARE(refused.first().at(1).value<wire::ErrorCode>(), wire::ERROR_VIDEO_IN_PROGRESS);
    QVERIFY(anna->consultation(annasCall->id));
    verifyTalksBothWays(*annasCall);

    bernd->endConsultation(berndsCall->id);
    CONSULT_WAIT_FOR(first->phase() == CustomerClient::Phase::Ended, 10000);
    anna->transfer(annasCall->id, QStringLiteral("bernd"));
    CONSULT_WAIT_FOR(atBernd.started.size() == 1, 10000);
    const wire::ConsultationStarted &handedOver = atBernd.started.first();
    QCOMPARE(QString::fromStdString(handedOver.consultation_id()), annasCall->id);
    QCOMPARE(atAnna.started.size(), 1);
    QVERIFY(!handedOver.phone_code().empty());
    QCOMPARE(handedOver.phone_code(), atAnna.started.first().phone_code()); // the code the customer has
    QCOMPARE(handedOver.system_check().SerializeAsString(), passedCheck().SerializeAsString());
    QCOMPARE(refused.size(), 1);
}

// Seed 002: a video consultation has a six-digit phone code that both sides get, different for two
// running consultations; the advisor also gets the customer's system check, the customer does not
// (it is the customer's own). A text chat has no code.
void TestVideoConsultation::thePhoneCodeAndTheSystemCheckReachTheirSides()
{
    Scenario scenario;
    QVERIFY(scenario.start());
    AdvisorClient *anna = scenario.advisor(AdvisorSpec::named(QStringLiteral("anna")));
    AdvisorClient *bernd = scenario.advisor(AdvisorSpec::named(QStringLiteral("bernd")));
    QVERIFY(anna && bernd);
    StartedRecorder atAnna(anna->connection());
    StartedRecorder atBernd(bernd->connection());

    CustomerClient *vera = scenario.waitingCustomer(videoCustomer(QStringLiteral("Vera Vogel")));
    QVERIFY(vera);
    StartedRecorder atVera(vera->connection());
    QVERIFY(scenario.take(*anna, *vera, Take::ByName));
    CustomerClient *viktor = scenario.waitingCustomer(videoCustomer(QStringLiteral("Viktor Voss")));
    QVERIFY(viktor);
    StartedRecorder atViktor(viktor->connection());
    QVERIFY(scenario.take(*bernd, *viktor, Take::ByName));
    CustomerClient *clara = scenario.waitingCustomer(CustomerSpec::named(QStringLiteral("Clara Korn")));
    QVERIFY(clara);
    StartedRecorder atClara(clara->connection());
    QVERIFY(scenario.take(*anna, *clara, Take::ByName));

    QCOMPARE(atVera.started.size(), 1);
    QCOMPARE(atViktor.started.size(), 1);
    QCOMPARE(atClara.started.size(), 1);
    QCOMPARE(atAnna.started.size(), 2);
    QCOMPARE(atBernd.started.size(), 1);
    const QRegularExpression sixDigits(QStringLiteral("^[0-9]{6}$"));
    const QString veraCode = QString::fromStdString(atVera.started.first().phone_code());
    const QString viktorCode = QString::fromStdString(atViktor.started.first().phone_code());
    QVERIFY2(sixDigits.match(veraCode).hasMatch(), qPrintable(veraCode));
    QVERIFY2(sixDigits.match(viktorCode).hasMatch(), qPrintable(viktorCode));
    QVERIFY(veraCode != viktorCode);
    QCOMPARE(QString::fromStdString(atAnna.started.first().phone_code()), veraCode);
    QCOMPARE(QString::fromStdString(atBernd.started.first().phone_code()), viktorCode);
    QVERIFY(atClara.started.first().phone_code().empty());
    QVERIFY(atAnna.started.last().phone_code().empty());

    // The system check: to the advisor as the customer sent it, not back to the customer.
    QCOMPARE(atAnna.started.first().system_check().SerializeAsString(), passedCheck().SerializeAsString());
    QCOMPARE(atBernd.started.first().system_check().SerializeAsString(), passedCheck().SerializeAsString());
    QVERIFY(!atVera.started.first().has_system_check());
    QVERIFY(!atAnna.started.last().has_system_check()); // the text chat's customer sent none

    // P1: the code lives in RAM only; the statistics of the ended consultation hold none of it.
    anna->endConsultation(QString::fromStdString(atAnna.started.first().consultation_id()));
    CONSULT_WAIT_FOR(vera->phase() == CustomerClient::Phase::Ended, 10000);
    auto rows = scenario.server().database().exec(QStringLiteral("SELECT * FROM statistics"));
    QVERIFY(rows.ok());
    while (rows.value().next()) {
        for (int column = 0; column < rows.value().record().count(); ++column)
            QVERIFY(!rows.value().value(column).toString().contains(veraCode));
    }
}

// Seed 002: a customer without microphone and speakers talks over the telephone; the advisor sees
// it from the customer's MediaState. The advisor cannot claim it for themselves.
void TestVideoConsultation::audioByPhoneIsRelayedFromTheCustomerOnly()
{
    Scenario scenario;
    QVERIFY(scenario.start());
    ConsultationSpec spec;
    spec.customer = videoCustomer(QStringLiteral("Vera Vogel"));
    spec.take = Take::Next;
    TestConsultation *call = scenario.consultation(spec);
    QVERIFY(call);
    MediaStateRecorder atAdvisor(call->advisor->connection());
    MediaStateRecorder atCustomer(call->customer->connection());

    QVERIFY(call->customer->connection().send(mediaState(call->id, true)));
    CONSULT_WAIT_FOR(atAdvisor.states.size() == 1, 10000);
    QVERIFY(atAdvisor.states.first().audio_by_phone());
    QCOMPARE(atAdvisor.states.first().party(), wire::PARTY_CUSTOMER);
    QVERIFY(atAdvisor.states.first().camera_on());

    QVERIFY(call->advisor->connection().send(mediaState(call->id, true)));
    CONSULT_WAIT_FOR(atCustomer.states.size() == 1, 10000);
    QVERIFY(!atCustomer.states.first().audio_by_phone());
    QCOMPARE(atCustomer.states.first().party(), wire::PARTY_ADVISOR);
    QVERIFY(atCustomer.states.first().camera_on()); // the rest of the state goes through
}

// P3: the feature mask holds what was used: nothing for a consultation where nobody wrote (the
// greeting is the server's), Chat once a participant wrote, Audio and Video once packets of each
// were relayed. No new column: the table's columns are those of StatisticsStore::columns().
void TestVideoConsultation::theStatisticsRecordTheFeaturesReallyUsed()
{
    Scenario scenario;
    QVERIFY(scenario.start());
    AdvisorClient *advisor = scenario.advisor(AdvisorSpec::named(QStringLiteral("anna"), 3));
    QVERIFY(advisor);

    // A text chat nobody wrote in.
    CustomerClient *silent = scenario.waitingCustomer(CustomerSpec::named(QStringLiteral("Clara Korn")));
    QVERIFY(silent);
    TestConsultation *quiet = scenario.take(*advisor, *silent);
    QVERIFY(quiet);
    advisor->endConsultation(quiet->id);
    CONSULT_WAIT_FOR(completedFeatures(scenario.server()).size() == 1, 10000);

    // A text chat with a line from the customer.
    CustomerClient *writer = scenario.waitingCustomer(CustomerSpec::named(QStringLiteral("Karl Kurz")));
    QVERIFY(writer);
    TestConsultation *chat = scenario.take(*advisor, *writer);
    QVERIFY(chat);
    writer->sendChat(QStringLiteral("Guten Tag"));
    CONSULT_WAIT_FOR(chat->advisorChat().rowCount() >= 2, 10000);
    advisor->endConsultation(chat->id);
    CONSULT_WAIT_FOR(completedFeatures(scenario.server()).size() == 2, 10000);

    // A video consultation with sound and picture, nobody writing.
    CustomerClient *caller = scenario.waitingCustomer(videoCustomer(QStringLiteral("Vera Vogel")));
    QVERIFY(caller);
    TestConsultation *call = scenario.take(*advisor, *caller);
    QVERIFY(call);
    scenario.addMedia(*call, MediaSpec{});
    SyntheticStream microphone(wire::MEDIA_KIND_AUDIO, 32);
    SyntheticStream camera(wire::MEDIA_KIND_VIDEO, 300);
    RecordingSink speaker;
    RecordingSink screen;
    call->customerMedia->setSource(&microphone);
    call->customerMedia->setSource(&camera);
    call->advisorMedia->setSink(wire::MEDIA_KIND_AUDIO, &speaker);
    call->advisorMedia->setSink(wire::MEDIA_KIND_VIDEO, &screen);
    call->customerMedia->setMicrophoneOn(true);
    call->customerMedia->setCameraOn(true);
    CONSULT_WAIT_FOR(speaker.packets > 5 && screen.packets > 5, 10000);
    call->customerMedia->setMicrophoneOn(false);
    call->customerMedia->setCameraOn(false);
    advisor->endConsultation(call->id);
    CONSULT_WAIT_FOR(completedFeatures(scenario.server()).size() == 3, 10000);

    const QList<int> expected = {0, StatisticsStore::Chat, StatisticsStore::Audio | StatisticsStore::Video};
    QCOMPARE(completedFeatures(scenario.server()), expected);
    const QSqlRecord columns =
        scenario.server().database().exec(QStringLiteral("SELECT * FROM statistics")).value().record();
    QStringList names;
    for (int i = 0; i < columns.count(); ++i)
        names.append(columns.fieldName(i));
    QCOMPARE(names, StatisticsStore::columns());
}

// The customer app once showed "connection lost" instead of the end screen when a video
// consultation ended: video keeps the customer's socket backlog near the send scheduler's
// watermark, so the ConsultationEnded and SessionClosed sent right before the server closes the
// connection waited in the scheduler, and closing let them go. Here the relay's video fills the
// backlog in the same loop pass as the end, as it does when the advisor's last frames and
// EndConsultation arrive together: the customer must still be told, before the socket goes.
void TestVideoConsultation::theCustomerIsToldTheEndWhileVideoFillsItsSocket()
{
    Scenario scenario;
    QVERIFY(scenario.start());
    ConsultationSpec spec;
    spec.customer = videoCustomer(QStringLiteral("Vera Vogel"));
    spec.take = Take::Next;
    TestConsultation *call = scenario.consultation(spec);
    QVERIFY(call);
    ServerCore &core = scenario.server().core();
    const ConsultationRecord *record = core.consultations().find(call->id);
    QVERIFY(record);
    const quint64 advisorSessionId = record->advisorSessionId;
    Session *customer = core.registry().find(record->customerSessionId);
    QVERIFY(customer && customer->connection());
    Connection *connection = customer->connection();

    // 75 KiB of video as the relay sends it: the first frames fill the socket, the rest wait.
    for (quint32 sequence = 1; sequence <= 64; ++sequence) {
        wire::Envelope packet;
        packet.mutable_media_packet()->set_consultation_id(call->id.toStdString());
        packet.mutable_media_packet()->set_kind(wire::MEDIA_KIND_VIDEO);
        packet.mutable_media_packet()->set_sequence(sequence);
        packet.mutable_media_packet()->set_payload(std::string(1200, 'v'));
        connection->sendFrame(protocol::encode(packet), SendClass::Video);
    }
    QVERIFY2(connection->scheduler().queuedFrames() > 0, "the backlog must be over the watermark for this test");
    core.consultations().endAllOf(advisorSessionId, wire::END_REASON_ADVISOR_ENDED);

    CONSULT_WAIT_FOR(call->customer->phase() == CustomerClient::Phase::Ended ||
                         call->customer->phase() == CustomerClient::Phase::Failed,
                     15000);
    QCOMPARE(call->customer->phase(), CustomerClient::Phase::Ended);
    QCOMPARE(call->customer->endReason(), wire::END_REASON_ADVISOR_ENDED);
}

// The same end with the real relay in between, several times: the advisor's camera streams to the
// customer (whose side reads it) and the advisor ends the call; the customer reaches the end
// screen's state each time, never a lost connection.
void TestVideoConsultation::theCustomerIsToldTheEndOfEveryVideoCallTheAdvisorEnds()
{
    Scenario scenario;
    QVERIFY(scenario.start());
    AdvisorClient *advisor = scenario.advisor(AdvisorSpec::named(QStringLiteral("anna"), 3));
    QVERIFY(advisor);
    for (int round = 0; round < 5; ++round) {
        CustomerClient *caller =
            scenario.waitingCustomer(videoCustomer(QStringLiteral("Vera Vogel %1").arg(QChar(u'A' + round))));
        QVERIFY(caller);
        TestConsultation *call = scenario.take(*advisor, *caller);
        QVERIFY(call);
        scenario.addMedia(*call, MediaSpec{});
        SyntheticStream camera(wire::MEDIA_KIND_VIDEO, 2000);
        SyntheticStream microphone(wire::MEDIA_KIND_AUDIO, 32);
        RecordingSink screen;
        RecordingSink speaker;
        call->advisorMedia->setSource(&camera);
        call->advisorMedia->setSource(&microphone);
        call->customerMedia->setSink(wire::MEDIA_KIND_VIDEO, &screen);
        call->customerMedia->setSink(wire::MEDIA_KIND_AUDIO, &speaker);
        call->advisorMedia->setCameraOn(true);
        call->advisorMedia->setMicrophoneOn(true);
        CONSULT_WAIT_FOR(screen.packets > 20, 10000);
        advisor->endConsultation(call->id); // while the picture still streams
        CONSULT_WAIT_FOR(
            caller->phase() == CustomerClient::Phase::Ended || caller->phase() == CustomerClient::Phase::Failed, 15000);
        QCOMPARE(caller->phase(), CustomerClient::Phase::Ended);
        QCOMPARE(caller->endReason(), wire::END_REASON_ADVISOR_ENDED);
        call->advisorMedia.reset(); // the sources and sinks go with this round
        call->customerMedia.reset();
    }
}

CONSULT_TEST_MAIN_WITH_EPOLL(TestVideoConsultation)
#include "TestVideoConsultation.moc"

// Issue 10, customer item 2: the check "can be repeated from a settings entry" and travels to the
// advisor's queue as structured fields. Repeated while waiting, the advisors' queue shows the new
// result in the same row (the place in the queue is kept); a text-chat customer's update and one
// after the take change nothing. I7: the values are bounded like the log-in's.
void TestVideoConsultation::aCheckRepeatedWhileWaitingUpdatesTheAdvisorsQueueInPlace()
{
    Scenario scenario;
    QVERIFY(scenario.start());
    AdvisorClient *anna = scenario.advisor(AdvisorSpec::named(QStringLiteral("anna")));
    QVERIFY(anna);
    CustomerClient *vera = scenario.waitingCustomer(videoCustomer(QStringLiteral("Vera Vogel")));
    CustomerClient *clara = scenario.waitingCustomer(CustomerSpec::named(QStringLiteral("Clara Korn")));
    QVERIFY(vera && clara);
    CONSULT_WAIT_FOR(anna->queue()->entries().size() == 2, 10000);
    QCOMPARE(anna->queue()->entries().first().system_check().microphone(), wire::CHECK_OUTCOME_MISSING);

    QSignalSpy changed(anna->queue(), &QAbstractItemModel::dataChanged);
    wire::SystemCheck repeated = passedCheck();
    repeated.set_microphone(wire::CHECK_OUTCOME_PASSED);
    repeated.set_round_trip_ms(4'000'000); // beyond any plausible round trip: bounded, not refused
    QVERIFY(vera->updateSystemCheck(repeated));
    CONSULT_WAIT_FOR(anna->queue()->entries().first().system_check().microphone() == wire::CHECK_OUTCOME_PASSED, 10000);
    QCOMPARE(anna->queue()->entries().size(), 2);
    QCOMPARE(QString::fromStdString(anna->queue()->entries().first().name()), QStringLiteral("Vera Vogel"));
    QCOMPARE(anna->queue()->entries().first().system_check().round_trip_ms(), 60'000u);
    QVERIFY(changed.count() >= 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 0);

    // The text chat has no check: its update is ignored, and the customer's session goes on.
    QVERIFY(clara->updateSystemCheck(repeated));
    QVERIFY(vera->updateSystemCheck(passedCheck())); // a marker that arrives after Clara's
    CONSULT_WAIT_FOR(anna->queue()->entries().first().system_check().microphone() == wire::CHECK_OUTCOME_MISSING,
                     10000);
    QVERIFY(!anna->queue()->entries().last().has_system_check());
    QCOMPARE(clara->phase(), CustomerClient::Phase::Waiting);

    // After the take nothing is sent: the advisor sees the devices live from then on.
    QVERIFY(scenario.take(*anna, *vera, Take::ByName));
    QVERIFY(!vera->updateSystemCheck(repeated));
}
