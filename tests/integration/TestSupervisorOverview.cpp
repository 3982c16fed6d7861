// The supervisor overview (issue 14) through a real server: a supervisor's figures match what
// happened on the wire, nothing in them names a customer, an advisor or a consultation, an advisor
// without the role is refused (S6), and the requests are rate-limited.
#include "support/EpollTestMain.h"
#include "support/RawConsultation.h"
#include "support/ShiftedClock.h"
#include "support/TestAccounts.h"

#include <QTest>

using namespace consult;
using namespace consult::testing;

namespace {

constexpr auto kPhone = "030 1234567";

wire::Envelope overviewRequest(quint32 requestId)
{
    wire::Envelope envelope;
    envelope.mutable_supervisor_overview_request()->set_request_id(requestId);
    return envelope;
}

wire::Envelope statisticsRequest(quint32 requestId, qint64 since = 0)
{
    wire::Envelope envelope;
    envelope.mutable_supervisor_statistics_request()->set_request_id(requestId);
    envelope.mutable_supervisor_statistics_request()->set_since(since);
    return envelope;
}

// The answer to `request` (the overview or the statistics, or an Error).
std::optional<wire::Envelope> ask(RawClient &client, wire::Envelope request)
{
    const int from = client.mark();
    client.sendReliable(std::move(request));
    return client.waitFor(
        [](const wire::Envelope &e) {
            return e.body_case() == wire::Envelope::kSupervisorOverview ||
                   e.body_case() == wire::Envelope::kSupervisorStatistics || e.body_case() == wire::Envelope::kError;
        },
        from);
}

quint32 sum(const google::protobuf::RepeatedField<quint32> &counts)
{
    quint32 total = 0;
    for (quint32 value : counts)
        total += value;
    return total;
}

} // namespace

class TestSupervisorOverview final : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_clock = std::make_unique<ShiftedClock>();
        m_server = std::make_unique<TestServer>(std::function<void(ServerConfig &)>{}, std::nullopt, m_clock.get());
        QVERIFY(m_server->start());
    }

    void cleanup()
    {
        m_server.reset();
        m_clock.reset();
    }

    void theLogInTellsTheAppWhetherTheAdvisorIsASupervisor()
    {
        auto supervisor = loginSupervisor(QStringLiteral("sabine"));
        QVERIFY(supervisor);
        const auto accepted = supervisor->waitForBody(wire::Envelope::kAdvisorLoginAccepted, 0);
        QVERIFY(accepted);
        QVERIFY(accepted->advisor_login_accepted().supervisor());

        auto advisor = rawAdvisor(*m_server, QStringLiteral("anna"));
        QVERIFY(advisor);
        const auto plain = advisor->waitForBody(wire::Envelope::kAdvisorLoginAccepted, 0);
        QVERIFY(plain);
        QVERIFY(!plain->advisor_login_accepted().supervisor());
    }

    void aSupervisorSeesFiguresThatMatchWhatHappened()
    {
        auto supervisor = loginSupervisor(QStringLiteral("sabine"));
        QVERIFY(supervisor);
        auto anna = rawAdvisor(*m_server, QStringLiteral("anna"), 2);
        QVERIFY(anna);

        // One consultation with chat, ended by the advisor: served, completed, chat.
        auto served = rawWaitingCustomer(*m_server, QStringLiteral("Erika Mustermann"));
        QVERIFY(served);
        const QString consultationId = rawTake(*anna, *served, QStringLiteral("Erika Mustermann"));
        QVERIFY(!consultationId.isEmpty());
        const int chatFrom = served->mark();
        anna->sendReliable(chatEnvelope(consultationId, QStringLiteral("c1"), QStringLiteral("Guten Tag")));
        QVERIFY(served->waitForBody(wire::Envelope::kChatMessage, chatFrom));
        // One who leaves the queue and one who leaves a message instead.
        auto leaving = rawWaitingCustomer(*m_server, QStringLiteral("Max Muster"));
        QVERIFY(leaving);
        leaving->sendReliable([] {
            wire::Envelope envelope;
            envelope.mutable_leave_queue();
            return envelope;
        }());
        QVERIFY(leaving->waitForClosed());
        auto messaging = rawWaitingCustomer(*m_server, QStringLiteral("Lieschen Mueller"));
        QVERIFY(messaging);
        messaging->sendReliable([] {
            wire::Envelope envelope;
            envelope.mutable_leave_message()->set_request_id(3);
            envelope.mutable_leave_message()->set_text("Bitte rufen Sie mich an.");
            return envelope;
        }());
        QVERIFY(messaging->waitForBody(wire::Envelope::kMessageStored, 0));

        // Still waiting: two for the chat, one for a video consultation; a colleague in a
        // consultation and on pause.
        auto waitingChat = rawWaitingCustomer(*m_server, QStringLiteral("Otto Normal"));
        QVERIFY(waitingChat);
        auto waitingChat2 = rawWaitingCustomer(*m_server, QStringLiteral("Paula Probe"));
        QVERIFY(waitingChat2);
        auto waitingVideo = std::make_unique<RawClient>();
        QVERIFY(waitingVideo->open(m_server->endpoint()));
        QVERIFY(waitingVideo->hello(wire::CLIENT_KIND_CUSTOMER));
        QVERIFY(waitingVideo->customerLogin(QStringLiteral("Vera Video"), QString::fromLatin1(kPhone), 10'000,
                                            wire::CONSULTATION_MODE_VIDEO));
        auto bernd = rawAdvisor(*m_server, QStringLiteral("bernd"), 1);
        QVERIFY(bernd);
        QVERIFY(!rawTake(*bernd, *waitingChat2, QStringLiteral("Paula Probe")).isEmpty());
        {
            const int from = anna->mark();
            wire::Envelope pause;
            pause.mutable_set_availability()->set_available(false);
            anna->sendReliable(std::move(pause));
            QVERIFY(anna->waitFor(
                [](const wire::Envelope &e) {
                    return e.body_case() == wire::Envelope::kAdvisorStatus && !e.advisor_status().available();
                },
                from));
        }
        // The served consultation ends now (anna may end it on pause).
        {
            const int from = served->mark();
            wire::Envelope end;
            end.mutable_end_consultation()->set_consultation_id(consultationId.toStdString());
            anna->sendReliable(std::move(end));
            QVERIFY(served->waitForBody(wire::Envelope::kConsultationEnded, from));
        }
        m_clock->advance(std::chrono::minutes(3)); // the longest wait is now over three minutes

        const auto overview = ask(*supervisor, overviewRequest(11));
        QVERIFY(overview);
        QCOMPARE(overview->body_case(), wire::Envelope::kSupervisorOverview);
        const wire::SupervisorOverview &live = overview->supervisor_overview();
        QCOMPARE(live.request_id(), 11u);
        QCOMPARE(live.waiting_chat(), 1u);
        QCOMPARE(live.waiting_video(), 1u);
        QVERIFY2(live.longest_wait_seconds() >= 180 && live.longest_wait_seconds() < 300,
                 qPrintable(QString::number(live.longest_wait_seconds())));
        QCOMPARE(live.advisors_free(), 1u);   // sabine
        QCOMPARE(live.advisors_busy(), 1u);   // bernd, his one place taken
        QCOMPARE(live.advisors_paused(), 1u); // anna
        QCOMPARE(live.advisors_reconnecting(), 0u);
        QCOMPARE(live.active_consultations(), 1u);

        const auto statistics = ask(*supervisor, statisticsRequest(12));
        QVERIFY(statistics);
        QCOMPARE(statistics->body_case(), wire::Envelope::kSupervisorStatistics);
        const wire::SupervisorStatistics &sums = statistics->supervisor_statistics();
        QCOMPARE(sums.request_id(), 12u);
        QCOMPARE(sums.consultations_per_hour_size(), 28 * 24 + 1); // 28 days back to this hour
        QCOMPARE(sum(sums.consultations_per_hour()), 1u);
        QCOMPARE(sums.wait_bands_size(), 6);
        QCOMPARE(sum(sums.wait_bands()), 3u); // served, left the queue, left a message
        QCOMPARE(sums.completed(), 1u);
        QCOMPARE(sums.connection_lost(), 0u);
        QCOMPARE(sums.left_queue(), 1u);
        QCOMPARE(sums.message_left(), 1u);
        QCOMPARE(sums.with_chat(), 1u);
        QCOMPARE(sums.with_video(), 0u);
        QCOMPARE(sums.with_whiteboard(), 0u);
        QCOMPARE(sums.with_documents(), 0u);

        // Only counts: no name, phone number, user name or id of anyone in either answer (P3, P7).
        const QByteArray bytes = QByteArray::fromStdString(overview->SerializeAsString()) +
                                 QByteArray::fromStdString(statistics->SerializeAsString());
        for (const QString &identifier :
             {QStringLiteral("Erika"), QStringLiteral("Otto"), QStringLiteral("Vera"), QStringLiteral("Paula"),
              QStringLiteral("Lieschen"), QStringLiteral("1234567"), QStringLiteral("sabine"), QStringLiteral("anna"),
              QStringLiteral("bernd"), QStringLiteral("Berater"), consultationId})
            QVERIFY2(!bytes.contains(identifier.toUtf8()), qPrintable(identifier));
    }

    void anAdvisorWithoutTheRoleIsRefused()
    {
        // S6: the overview is the supervisors'.
        auto anna = rawAdvisor(*m_server, QStringLiteral("anna"));
        QVERIFY(anna);
        for (quint32 id : {21u, 22u}) {
            const auto answer = ask(*anna, id == 21u ? overviewRequest(id) : statisticsRequest(id));
            QVERIFY(answer);
            QCOMPARE(answer->body_case(), wire::Envelope::kError);
            QCOMPARE(answer->error().code(), wire::ERROR_NOT_ALLOWED);
            QCOMPARE(answer->error().request_id(), id);
        }
    }

    void aCustomerIsRefused()
    {
        auto customer = rawWaitingCustomer(*m_server, QStringLiteral("Erika Mustermann"));
        QVERIFY(customer);
        const auto answer = ask(*customer, overviewRequest(5));
        QVERIFY(answer);
        QCOMPARE(answer->body_case(), wire::Envelope::kError);
        QCOMPARE(answer->error().code(), wire::ERROR_NOT_ALLOWED);
    }

    void takingTheRoleAwayWorksAtOnce()
    {
        auto supervisor = loginSupervisor(QStringLiteral("sabine"));
        QVERIFY(supervisor);
        auto first = ask(*supervisor, overviewRequest(1));
        QVERIFY(first);
        QCOMPARE(first->body_case(), wire::Envelope::kSupervisorOverview);
        QVERIFY(m_server->core().advisorStore().setSupervisor(QStringLiteral("sabine"), false).value());
        QTest::qWait(int(SupervisorDesk::kOverviewIntervalMs) + 50);
        const auto refused = ask(*supervisor, overviewRequest(2));
        QVERIFY(refused);
        QCOMPARE(refused->body_case(), wire::Envelope::kError);
        QCOMPARE(refused->error().code(), wire::ERROR_NOT_ALLOWED);
    }

    void askingTooOftenIsRateLimited()
    {
        auto supervisor = loginSupervisor(QStringLiteral("sabine"));
        QVERIFY(supervisor);
        const auto first = ask(*supervisor, statisticsRequest(1));
        QVERIFY(first);
        QCOMPARE(first->body_case(), wire::Envelope::kSupervisorStatistics);
        const auto second = ask(*supervisor, statisticsRequest(2));
        QVERIFY(second);
        QCOMPARE(second->body_case(), wire::Envelope::kError);
        QCOMPARE(second->error().code(), wire::ERROR_RATE_LIMITED);
        QCOMPARE(second->error().request_id(), 2u);
        QVERIFY(second->error().retry_after_ms() > 0);
        QVERIFY(second->error().retry_after_ms() <= quint32(SupervisorDesk::kStatisticsIntervalMs));
        // The overview has its own, shorter interval.
        const auto overview = ask(*supervisor, overviewRequest(3));
        QVERIFY(overview);
        QCOMPARE(overview->body_case(), wire::Envelope::kSupervisorOverview);
    }

private:
    std::unique_ptr<RawClient> loginSupervisor(const QString &username)
    {
        m_server->addAdvisor(username, username + QStringLiteral(" Leitung"), kTestPassword);
        if (!m_server->core().advisorStore().setSupervisor(username, true).value())
            return {};
        auto client = std::make_unique<RawClient>();
        if (!client->open(m_server->endpoint()) || !client->hello(wire::CLIENT_KIND_ADVISOR) ||
            !client->advisorLogin(username, kTestPassword))
            return {};
        return client;
    }

    std::unique_ptr<ShiftedClock> m_clock;
    std::unique_ptr<TestServer> m_server;
};

CONSULT_TEST_MAIN_WITH_EPOLL(TestSupervisorOverview)
#include "TestSupervisorOverview.moc"
