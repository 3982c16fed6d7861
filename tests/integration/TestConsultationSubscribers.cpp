// The parts of a consultation on the server subscribe to its lifecycle (docs/ARCHITECTURE.md, "Adding
// a consultation feature"): a new part hears when a consultation starts, when a transfer replaces the
// advisor, when a participant resumes after a cut and when it ends, each once, in that order, with
// the record as the lifecycle holds it then; and by the time it hears of the end the consultation is
// gone from the lifecycle's lookup (P1: the part must drop its own state there too).
#include "consultation/ConsultationService.h"
#include "support/EpollTestMain.h"
#include "support/Scenario.h"

#include <QStringList>

using namespace consult;
using namespace consult::testing;

namespace {

// A part that only writes down what it hears.
class RecordingSubscriber final : public ConsultationSubscriber
{
public:
    explicit RecordingSubscriber(const ConsultationService &consultations)
        : m_consultations(consultations)
    {}

    void consultationStarted(const ConsultationRecord &consultation) override
    {
        m_events.append(QStringLiteral("started %1").arg(consultation.advisorName));
        m_last = consultation;
    }
    void advisorReplaced(const ConsultationRecord &consultation, quint64 previousSessionId) override
    {
        m_events.append(QStringLiteral("replaced %1").arg(consultation.advisorName));
        m_previousAdvisorSessionId = previousSessionId;
        m_last = consultation;
    }
    void participantResumed(const ConsultationRecord &consultation, quint64 sessionId) override
    {
        m_events.append(sessionId == consultation.customerSessionId ? QStringLiteral("resumed customer")
                                                                    : QStringLiteral("resumed advisor"));
    }
    void consultationEnded(const ConsultationRecord &consultation) override
    {
        m_events.append(QStringLiteral("ended"));
        m_stillKnownAtEnd = m_consultations.find(consultation.id) != nullptr;
        m_last = consultation;
    }

    const QStringList &events() const { return m_events; }
    const ConsultationRecord &last() const { return m_last; }
    quint64 previousAdvisorSessionId() const { return m_previousAdvisorSessionId; }
    bool stillKnownAtEnd() const { return m_stillKnownAtEnd; }

private:
    const ConsultationService &m_consultations;
    QStringList m_events;
    ConsultationRecord m_last;
    quint64 m_previousAdvisorSessionId = 0;
    bool m_stillKnownAtEnd = true;
};

AdvisorSpec account(const QString &username, const QString &displayName)
{
    AdvisorSpec spec;
    spec.username = username;
    spec.displayName = displayName;
    return spec;
}

} // namespace

class TestConsultationSubscribers final : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_scenario = std::make_unique<Scenario>();
        QVERIFY(m_scenario->start());
        m_recorder = std::make_unique<RecordingSubscriber>(m_scenario->server().core().consultations());
        m_scenario->server().core().consultations().subscribe(*m_recorder);
    }

    void cleanup()
    {
        m_scenario.reset(); // the server goes first: it must not call a subscriber that is gone
        m_recorder.reset();
    }

    void aSubscriberHearsTheStartAndTheEndWithTheRecord()
    {
        TestConsultation *consultation = m_scenario->consultation();
        QVERIFY(consultation);
        QCOMPARE(m_recorder->events(), QStringList{QStringLiteral("started Anna Berger")});
        QCOMPARE(m_recorder->last().id, consultation->id);
        QCOMPARE(m_recorder->last().customerName, QStringLiteral("Erika Mustermann"));
        QVERIFY(m_recorder->last().customerSessionId != 0);
        QVERIFY(m_recorder->last().advisorSessionId != m_recorder->last().customerSessionId);

        consultation->advisor->endConsultation(consultation->id);
        QTRY_COMPARE_WITH_TIMEOUT(m_recorder->events().size(), 2, 5000);
        QCOMPARE(m_recorder->events().last(), QStringLiteral("ended"));
        QCOMPARE(m_recorder->last().id, consultation->id);
        QVERIFY2(!m_recorder->stillKnownAtEnd(), "the lifecycle still knew the consultation when it told its end");
    }

    void aTransferTellsTheSubscriberWhoHandedItOver()
    {
        AdvisorClient *anna = m_scenario->advisor(account(QStringLiteral("anna"), QStringLiteral("Anna Berger")));
        QVERIFY(anna);
        AdvisorClient *bernd = m_scenario->advisor(account(QStringLiteral("bernd"), QStringLiteral("Bernd Klein")));
        QVERIFY(bernd);
        CustomerClient *customer = m_scenario->waitingCustomer();
        QVERIFY(customer);
        QVERIFY(m_scenario->take(*anna, *customer));
        const quint64 annasSession = m_recorder->last().advisorSessionId;

        anna->transfer(customer->consultationId(), QStringLiteral("bernd"));
        QTRY_COMPARE_WITH_TIMEOUT(m_recorder->events().size(), 2, 5000);
        QCOMPARE(m_recorder->events(),
                 (QStringList{QStringLiteral("started Anna Berger"), QStringLiteral("replaced Bernd Klein")}));
        QCOMPARE(m_recorder->previousAdvisorSessionId(), annasSession);
        QVERIFY(m_recorder->last().advisorSessionId != annasSession);
        QCOMPARE(m_recorder->last().id, customer->consultationId());
    }

    void aResumeAfterACutIsToldForTheParticipantWhoCameBack()
    {
        ConsultationSpec spec;
        spec.customer.route = Route::CuttingProxy;
        TestConsultation *consultation = m_scenario->consultation(spec);
        QVERIFY(consultation);
        const int before = m_recorder->events().size();

        m_scenario->proxy().cutAll();
        QTRY_COMPARE_WITH_TIMEOUT(m_recorder->events().size(), before + 1, 10000);
        QCOMPARE(m_recorder->events().last(), QStringLiteral("resumed customer"));
        verifyTalksBothWays(*consultation);
    }

private:
    std::unique_ptr<Scenario> m_scenario;
    std::unique_ptr<RecordingSubscriber> m_recorder;
};

CONSULT_TEST_MAIN_WITH_EPOLL(TestConsultationSubscribers)
#include "TestConsultationSubscribers.moc"
