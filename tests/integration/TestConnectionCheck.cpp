// The connection line of the video consultation's system check through a real server with real TLS
// (seed 002: at least 1 Mbit/s down and 0.5 Mbit/s up, through the bank's relay): the customer
// client's ConnectionCheck against the server's LinkTestService. On loopback it passes with figures;
// on a line shaped below either minimum it says too slow. The server bounds every test in bytes and
// time, refuses the fourth test from one address (an IPv6 /64 counting as one) and any test while
// the event loop keeps falling behind (S11), and sends its data unsequenced, so the reliable replay
// buffer never holds it.
#include "support/EpollTestMain.h"
#include "support/RawClient.h"
#include "support/Scenario.h"

#include "diagnostics/LoopOverload.h"
#include "linktest/LinkTestService.h"
#include "protocol/EnvelopeCodec.h"
#include "session/Connection.h"
#include "session/Session.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QWebSocket>

#include <memory>
#include <vector>

using namespace consult;
using namespace consult::testing;
using CheckProblem = ConnectionCheck::Result::Problem;

namespace {

// Runs the customer client's connection check to its end and returns the result.
std::optional<ConnectionCheck::Result> runCheck(CustomerClient &customer, int timeoutMs = 15'000)
{
    QSignalSpy finished(customer.connectionCheck(), &ConnectionCheck::finished);
    customer.connectionCheck()->start();
    if (!spinUntil([&] { return finished.size() == 1; }, timeoutMs))
        return std::nullopt;
    return finished.first().at(0).value<ConnectionCheck::Result>();
}

wire::Envelope linkTestRequest(quint32 requestId, quint32 downloadBytes, quint32 uploadBytes)
{
    wire::Envelope envelope;
    auto *request = envelope.mutable_link_test_request();
    request->set_request_id(requestId);
    request->set_download_bytes(downloadBytes);
    request->set_upload_bytes(uploadBytes);
    return envelope;
}

wire::Envelope uploadChunk(quint32 requestId, int bytes, bool last)
{
    wire::Envelope envelope;
    auto *data = envelope.mutable_link_test_data();
    data->set_request_id(requestId);
    data->set_payload(std::string(static_cast<std::size_t>(bytes), 'u'));
    data->set_last(last);
    return envelope;
}

// The link-test data `client` received since `from`, in bytes, and whether its last chunk came.
struct Download
{
    qint64 bytes = 0;
    int chunks = 0;
    bool last = false;
    bool allUnsequenced = true;
};

Download downloadSince(const RawClient &client, int from)
{
    Download download;
    for (const wire::Envelope &envelope : client.receivedSince(from)) {
        if (!envelope.has_link_test_data())
            continue;
        download.bytes += static_cast<qint64>(envelope.link_test_data().payload().size());
        ++download.chunks;
        download.last = download.last || envelope.link_test_data().last();
        download.allUnsequenced = download.allUnsequenced && envelope.seq() == 0;
    }
    return download;
}

// A customer-kind session that said hello and nothing more.
std::unique_ptr<RawClient> rawCustomer(TestServer &server)
{
    auto client = std::make_unique<RawClient>();
    if (!client->open(server.endpoint()) || !client->hello(wire::CLIENT_KIND_CUSTOMER))
        return nullptr;
    return client;
}

} // namespace

class TestConnectionCheck final : public QObject
{
    Q_OBJECT
private slots:
    void passesOnLoopbackWithFiguresThatReachTheAdvisorsQueue();
    void aLineBelowOneMegabitDownIsTooSlow();
    void aLineBelowHalfAMegabitUpIsTooSlow();
    void theServerSendsNoMoreThanItsCapInUnsequencedChunks();
    void theServerStopsWaitingForTheUploadAtItsTimeLimit();
    void theServerCountsNoMoreUploadThanItsCap();
    void theFourthTestFromOneAddressIsRefusedWithATimeToRetry();
    void aTestIsRefusedAsBusyWhileTooManyRun();
    void aTestIsRefusedAsBusyWhileTheServerIsOverloaded();
    void aTestIsRefusedAsBusyOnlyWhileTheLoopKeepsFallingBehind();
    void theAddressLimitCountsAnIpv6Slash64AsOneAddress();
    void aCheckStillRunningWhenTheCustomerIsTakenGivesWayToTheConsultation();
};

// Seed 002 on an unshaped loopback line: both directions far above the minimums, a round trip, and
// the result travels with the log-in to the advisor's queue as structured fields (I7).
void TestConnectionCheck::passesOnLoopbackWithFiguresThatReachTheAdvisorsQueue()
{
    Scenario scenario;
    QVERIFY(scenario.start());
    AdvisorClient *advisor = scenario.advisor();
    QVERIFY(advisor);
    CustomerClient *customer = scenario.customerAtNotices();
    QVERIFY(customer);
    QSignalSpy progress(customer->connectionCheck(), &ConnectionCheck::progress);

    const auto result = runCheck(*customer);
    QVERIFY(result);
    qInfo("loopback: %d kbit/s down, %d kbit/s up, round trip %d ms", result->downloadKbps, result->uploadKbps,
          result->roundTripMs);
    QCOMPARE(result->problem, CheckProblem::None);
    QCOMPARE(result->outcome, wire::CHECK_OUTCOME_PASSED);
    QVERIFY(result->downloadKbps >= 1000);
    QVERIFY(result->uploadKbps >= 500);
    QVERIFY(result->roundTripMs >= 0);
    QVERIFY(result->roundTripMs < 1000);
    QVERIFY(!customer->connectionCheck()->isRunning());
    QCOMPARE(customer->connectionCheck()->result().outcome, wire::CHECK_OUTCOME_PASSED);
    QVERIFY(progress.size() >= 3);
    QCOMPARE(progress.last().at(0).toInt(), 100);
    QCOMPARE(scenario.server().core().linkTests().running(), 0);

    wire::SystemCheck check;
    check.set_connection(result->outcome);
    check.set_download_kbps(static_cast<quint32>(result->downloadKbps));
    check.set_upload_kbps(static_cast<quint32>(result->uploadKbps));
    check.set_round_trip_ms(static_cast<quint32>(result->roundTripMs));
    customer->login(QStringLiteral("Erika Mustermann"), QStringLiteral("0561 7001234"), wire::CONSULTATION_MODE_VIDEO,
                    &check);
    CONSULT_WAIT_FOR(advisor->queue()->rowCount() == 1, 10000);
    const wire::SystemCheck &seen = advisor->queue()->entries().first().system_check();
    QCOMPARE(seen.connection(), wire::CHECK_OUTCOME_PASSED);
    QCOMPARE(seen.download_kbps(), check.download_kbps());
    QCOMPARE(seen.upload_kbps(), check.upload_kbps());
}

// Seed 002: below 1 Mbit/s down the video consultation is not offered. 0.8 Mbit/s down, the upload
// unshaped.
void TestConnectionCheck::aLineBelowOneMegabitDownIsTooSlow()
{
    Scenario scenario;
    QVERIFY(scenario.start());
    scenario.emulateLink({}, {800'000, 10, 0});
    CustomerSpec spec;
    spec.route = Route::EmulatedLink;
    CustomerClient *customer = scenario.customerAtNotices(spec);
    QVERIFY(customer);
    const auto result = runCheck(*customer);
    QVERIFY(result);
    qInfo("0.8 Mbit/s down: %d kbit/s down, %d kbit/s up, round trip %d ms", result->downloadKbps, result->uploadKbps,
          result->roundTripMs);
    QCOMPARE(result->outcome, wire::CHECK_OUTCOME_TOO_SLOW);
    QVERIFY(result->problem == CheckProblem::TooSlow || result->problem == CheckProblem::TimedOut);
    QVERIFY(result->downloadKbps > 0);
    QVERIFY(result->downloadKbps < 1000);
    QVERIFY(result->roundTripMs >= 10); // the emulated delay on the way down
}

// Seed 002: below 0.5 Mbit/s up likewise, even with a fast download. 0.4 Mbit/s up.
void TestConnectionCheck::aLineBelowHalfAMegabitUpIsTooSlow()
{
    Scenario scenario;
    QVERIFY(scenario.start());
    scenario.emulateLink({400'000, 10, 0}, {});
    CustomerSpec spec;
    spec.route = Route::EmulatedLink;
    CustomerClient *customer = scenario.customerAtNotices(spec);
    QVERIFY(customer);
    const auto result = runCheck(*customer);
    QVERIFY(result);
    qInfo("0.4 Mbit/s up: %d kbit/s down, %d kbit/s up, round trip %d ms", result->downloadKbps, result->uploadKbps,
          result->roundTripMs);
    QCOMPARE(result->outcome, wire::CHECK_OUTCOME_TOO_SLOW);
    QCOMPARE(result->problem, CheckProblem::TooSlow);
    QVERIFY(result->downloadKbps >= 1000);
    QVERIFY(result->uploadKbps > 0);
    QVERIFY(result->uploadKbps < 500);
}

// S11: whatever a client asks for, the server sends at most its cap, in chunks of at most 16 KiB, the
// last one marked; unsequenced, so nothing of it waits in the session's replay buffer.
void TestConnectionCheck::theServerSendsNoMoreThanItsCapInUnsequencedChunks()
{
    TestServer server([](ServerConfig &config) { config.linkTestMaxDownloadBytes = 100 * 1024; });
    QVERIFY(server.start());
    auto client = rawCustomer(server);
    QVERIFY(client);
    const int from = client->mark();
    client->sendReliable(linkTestRequest(5, 1'000'000'000, 0));
    QVERIFY(spinUntil([&] { return downloadSince(*client, from).last; }, 10'000));
    QVERIFY(client->sync()); // anything sent after the last chunk has arrived too
    const Download download = downloadSince(*client, from);
    QCOMPARE(download.bytes, qint64(100 * 1024));
    QCOMPARE(download.chunks, 7); // six of 16 KiB and one of 4 KiB
    QVERIFY(download.allUnsequenced);
    for (const wire::Envelope &envelope : client->receivedSince(from)) {
        if (envelope.has_link_test_data()) {
            QVERIFY(envelope.link_test_data().payload().size() <= 16 * 1024);
            QCOMPARE(envelope.link_test_data().request_id(), 5u);
        }
    }
    // The server's replay buffer holds no test data (a resume would not send it again).
    QCOMPARE(server.core().registry().sessionCount(), 1);
    Session *session = server.core().registry().find(1); // the first and only session
    QVERIFY(session);
    QVERIFY(session->channel().unacknowledgedBytes() < 16 * 1024);

    // With no upload asked for, the result follows at once.
    const auto result = client->waitForBody(wire::Envelope::kLinkTestResult, from);
    QVERIFY(result);
    QCOMPARE(result->link_test_result().request_id(), 5u);
    QCOMPARE(result->link_test_result().upload_bytes_received(), 0u);
    QVERIFY(!result->link_test_result().timed_out());
    QCOMPARE(server.core().linkTests().running(), 0);
}

// S11: a client that never uploads does not hold the server's test for longer than its time limit.
void TestConnectionCheck::theServerStopsWaitingForTheUploadAtItsTimeLimit()
{
    TestServer server([](ServerConfig &config) { config.linkTestTimeLimitMs = 1000; });
    QVERIFY(server.start());
    auto client = rawCustomer(server);
    QVERIFY(client);
    const int from = client->mark();
    QElapsedTimer clock;
    clock.start();
    client->sendReliable(linkTestRequest(9, 16 * 1024, 64 * 1024));
    client->sendUnsequenced(uploadChunk(9, 16 * 1024, false)); // one chunk of four, then silence
    QVERIFY(spinUntil([&] { return server.core().linkTests().running() == 1; }, 5000));
    const auto result = client->waitForBody(wire::Envelope::kLinkTestResult, from, 5000);
    QVERIFY(result);
    const qint64 elapsedMs = clock.elapsed();
    QVERIFY2(elapsedMs >= 900 && elapsedMs < 3000, qPrintable(QString::number(elapsedMs)));
    QCOMPARE(result->link_test_result().request_id(), 9u);
    QVERIFY(result->link_test_result().timed_out());
    QCOMPARE(result->link_test_result().upload_bytes_received(), quint64(16 * 1024));
    QCOMPARE(result->link_test_result().upload_kbps(), 0u); // one chunk cannot be timed
    QCOMPARE(server.core().linkTests().running(), 0);

    // Chunks after the end change nothing and get no answer.
    const int after = client->mark();
    client->sendUnsequenced(uploadChunk(9, 16 * 1024, true));
    QVERIFY(client->sync());
    QVERIFY(!client->waitForBody(wire::Envelope::kLinkTestResult, after, 300));
}

// S11: the upload counts up to the server's cap, however much the client announces or sends.
void TestConnectionCheck::theServerCountsNoMoreUploadThanItsCap()
{
    TestServer server([](ServerConfig &config) { config.linkTestMaxUploadBytes = 32 * 1024; });
    QVERIFY(server.start());
    auto client = rawCustomer(server);
    QVERIFY(client);
    const int from = client->mark();
    client->sendReliable(linkTestRequest(11, 16 * 1024, 4'000'000'000u));
    QVERIFY(client->waitForBody(wire::Envelope::kLinkTestData, from));
    for (int i = 0; i < 4; ++i)
        client->sendUnsequenced(uploadChunk(11, 16 * 1024, false));
    const auto result = client->waitForBody(wire::Envelope::kLinkTestResult, from);
    QVERIFY(result);
    QCOMPARE(result->link_test_result().upload_bytes_received(), quint64(32 * 1024));
    QVERIFY(!result->link_test_result().timed_out());
    QVERIFY(result->link_test_result().upload_kbps() > 0);

    // A chunk larger than the protocol's 16 KiB is a protocol error, not data.
    const int next = client->mark();
    client->sendReliable(linkTestRequest(12, 0, 32 * 1024));
    client->sendUnsequenced(uploadChunk(12, 16 * 1024 + 1, true));
    QVERIFY(client->sync());
    QVERIFY(!client->waitForBody(wire::Envelope::kLinkTestResult, next, 300));
}

// S11: a few tests per address and window; the refusal says when to try again. Another session from
// the same address counts against the same limit.
void TestConnectionCheck::theFourthTestFromOneAddressIsRefusedWithATimeToRetry()
{
    Scenario scenario([](ServerConfig &config) {
        config.linkTestsPerAddress = 3;
        config.linkTestWindowMinutes = 60;
    });
    QVERIFY(scenario.start());
    CustomerClient *first = scenario.customerAtNotices();
    QVERIFY(first);
    for (int i = 0; i < 2; ++i) {
        const auto result = runCheck(*first);
        QVERIFY(result);
        QCOMPARE(result->outcome, wire::CHECK_OUTCOME_PASSED);
    }
    CustomerClient *second = scenario.customerAtNotices();
    QVERIFY(second);
    const auto third = runCheck(*second);
    QVERIFY(third);
    QCOMPARE(third->outcome, wire::CHECK_OUTCOME_PASSED);

    const auto refused = runCheck(*second);
    QVERIFY(refused);
    QCOMPARE(refused->problem, CheckProblem::RateLimited);
    QCOMPARE(refused->outcome, wire::CHECK_OUTCOME_UNSPECIFIED);
    // One test more every 20 minutes (3 per hour): the first comes back in about that.
    QVERIFY2(refused->retryAfterMs > 15 * 60'000 && refused->retryAfterMs <= 20 * 60'000,
             qPrintable(QString::number(refused->retryAfterMs)));
    // The refusal is the check's alone: the client's own log-in goes on as usual.
    QCOMPARE(second->phase(), CustomerClient::Phase::ReadingNotices);
    QCOMPARE(scenario.server().core().linkTests().running(), 0);
}

// S11: refused during overload: beyond the global cap on running tests.
void TestConnectionCheck::aTestIsRefusedAsBusyWhileTooManyRun()
{
    TestServer server([](ServerConfig &config) { config.linkTestMaxConcurrent = 1; });
    QVERIFY(server.start());
    auto holder = rawCustomer(server); // asks for an upload it never sends: its test keeps running
    QVERIFY(holder);
    holder->sendReliable(linkTestRequest(1, 16 * 1024, 16 * 1024));
    QVERIFY(spinUntil([&] { return server.core().linkTests().running() == 1; }, 5000));

    auto other = rawCustomer(server);
    QVERIFY(other);
    const int from = other->mark();
    other->sendReliable(linkTestRequest(2, 16 * 1024, 16 * 1024));
    const auto error = other->waitForError(from);
    QVERIFY(error);
    QCOMPARE(error->code(), wire::ERROR_SERVER_BUSY);
    QCOMPARE(error->request_id(), 2u);
    QVERIFY(error->retry_after_ms() > 0);
    QVERIFY(!downloadSince(*other, from).chunks);

    // The running test's end frees its place.
    holder->closeNormally();
    QVERIFY(spinUntil([&] { return server.core().linkTests().running() == 0; }, 5000));
    const int again = other->mark();
    other->sendReliable(linkTestRequest(3, 16 * 1024, 0));
    QVERIFY(other->waitForBody(wire::Envelope::kLinkTestResult, again));
}

// S11: refused while the server reports overload (the event loop's lag, in the application); the
// customer client reports it as busy, not as a slow line.
void TestConnectionCheck::aTestIsRefusedAsBusyWhileTheServerIsOverloaded()
{
    Scenario scenario;
    QVERIFY(scenario.start());
    bool overloaded = true;
    scenario.server().core().linkTests().setOverloadCheck([&overloaded] { return overloaded; });
    CustomerClient *customer = scenario.customerAtNotices();
    QVERIFY(customer);
    const auto refused = runCheck(*customer);
    QVERIFY(refused);
    QCOMPARE(refused->problem, CheckProblem::ServerBusy);
    QCOMPARE(refused->outcome, wire::CHECK_OUTCOME_UNSPECIFIED);
    QVERIFY(refused->retryAfterMs > 0);

    overloaded = false;
    const auto passed = runCheck(*customer);
    QVERIFY(passed);
    QCOMPARE(passed->outcome, wire::CHECK_OUTCOME_PASSED);
}

// S11 with the server's overload rule (LoopOverload, as the application installs it) and the loop's
// lag given by the test instead of measured, so that the machine's own load plays no part: one
// long stall does not refuse the check, a loop that keeps falling behind does.
void TestConnectionCheck::aTestIsRefusedAsBusyOnlyWhileTheLoopKeepsFallingBehind()
{
    Scenario scenario;
    QVERIFY(scenario.start());
    const Clock &clock = SystemClock::instance();
    LoopOverload overload(100'000, 5'000'000); // the defaults: 100 ms behind for half of 5 s
    scenario.server().core().linkTests().setOverloadCheck(
        [&overload, &clock] { return overload.overloaded(clock.monotonicUs()); });
    CustomerClient *customer = scenario.customerAtNotices();
    QVERIFY(customer);

    // A stall of 800 ms just now, the probes on time around it.
    const qint64 nowUs = clock.monotonicUs();
    for (qint64 atUs = nowUs - 4'000'000; atUs < nowUs - 1'000'000; atUs += 100'000)
        overload.add(atUs, 1'000);
    overload.add(nowUs, 800'000);
    const auto passed = runCheck(*customer);
    QVERIFY(passed);
    QCOMPARE(passed->outcome, wire::CHECK_OUTCOME_PASSED);

    // Another history: every probe of the last 6 s 400 ms late, behind for more than half of the window.
    overload = LoopOverload(100'000, 5'000'000);
    const qint64 laterUs = clock.monotonicUs();
    for (qint64 atUs = laterUs - 6'000'000; atUs <= laterUs; atUs += 500'000)
        overload.add(atUs, 400'000);
    const auto refused = runCheck(*customer);
    QVERIFY(refused);
    QCOMPARE(refused->problem, CheckProblem::ServerBusy);
    QVERIFY(refused->retryAfterMs > 0);
}

// S11: the per-address limit counts an IPv6 /64 as one address (one client usually owns a whole
// /64 and could otherwise rotate through it), and a neighbouring /64 as another. Loopback has one
// IPv6 address, so the sessions are made here as the registry makes them, with the addresses
// given; their connections never open, so what the service admits shows in running() and what it
// refuses is kept in the session's reliable channel.
void TestConnectionCheck::theAddressLimitCountsAnIpv6Slash64AsOneAddress()
{
    TestServer server([](ServerConfig &config) { config.linkTestsPerAddress = 2; });
    QVERIFY(server.start());
    LinkTestService &tests = server.core().linkTests();
    const Clock &clock = SystemClock::instance();
    QObject connections;
    std::vector<std::unique_ptr<Session>> sessions;
    quint32 requestId = 0;
    // Asks for a test from `address`; returns the error it was refused with, or nothing.
    const auto requestFrom = [&](const char *address) -> std::optional<wire::Error> {
        const QHostAddress host{QString::fromLatin1(address)};
        auto session = std::make_unique<Session>(1'000'000 + sessions.size(), wire::CLIENT_KIND_CUSTOMER,
                                                 QStringLiteral("de"), QStringLiteral("test"), host,
                                                 ReliableChannel::Limits{}, Session::RateLimits{}, clock.monotonicUs());
        session->attach(new Connection(new QWebSocket, nullptr, host, Connection::Limits{}, clock, &connections));
        tests.handleRequest(*session, linkTestRequest(++requestId, 16 * 1024, 16 * 1024).link_test_request());
        std::optional<wire::Error> refusal;
        if (const auto sent = session->channel().replayAfter(0)) {
            for (const QByteArray &frame : *sent) {
                const auto decoded = protocol::decode(frame);
                if (const auto *envelope = std::get_if<wire::Envelope>(&decoded); envelope && envelope->has_error())
                    refusal = envelope->error();
            }
        }
        sessions.push_back(std::move(session));
        return refusal;
    };

    QVERIFY(!requestFrom("2001:db8:1:2::a"));
    QVERIFY(!requestFrom("2001:db8:1:2:ffff:ffff:ffff:b")); // same /64, another address
    QCOMPARE(tests.running(), 2);
    const auto refused = requestFrom("2001:db8:1:2:1234:5678:9abc:def0");
    QVERIFY(refused);
    QCOMPARE(refused->code(), wire::ERROR_RATE_LIMITED);
    QCOMPARE(refused->request_id(), requestId);
    QVERIFY(refused->retry_after_ms() > 0);
    QCOMPARE(tests.running(), 2);
    // The neighbouring /64 has its own tests.
    QVERIFY(!requestFrom("2001:db8:1:3::a"));
    QVERIFY(!requestFrom("2001:db8:1:3::b"));
    QVERIFY(requestFrom("2001:db8:1:3::c"));
    QCOMPARE(tests.running(), 4);
    for (const auto &session : sessions)
        tests.sessionGone(*session);
    QCOMPARE(tests.running(), 0);
}

CONSULT_TEST_MAIN_WITH_EPOLL(TestConnectionCheck)
// A check repeated while waiting, still running when an advisor takes the customer: the
// consultation comes first. The server abandons the test (its download stops), the upload chunks
// still on their way are dropped without counting as protocol errors (S6 would otherwise close the
// customer's connection as the advisor greets them), and the client stops its side.
void TestConnectionCheck::aCheckStillRunningWhenTheCustomerIsTakenGivesWayToTheConsultation()
{
    Scenario scenario;
    QVERIFY(scenario.start());
    AdvisorClient *advisor = scenario.advisor();
    QVERIFY(advisor);
    // A line slow enough that the test is still on it when the take arrives.
    scenario.emulateLink(LinkEmulator::Direction{1'500'000, 10, 0}, LinkEmulator::Direction{1'500'000, 10, 0});
    CustomerSpec spec;
    spec.route = Route::EmulatedLink;
    CustomerClient *customer = scenario.waitingCustomer(spec);
    QVERIFY(customer);
    QSignalSpy finished(customer->connectionCheck(), &ConnectionCheck::finished);
    QSignalSpy progress(customer->connectionCheck(), &ConnectionCheck::progress);
    customer->connectionCheck()->start();
    // The download has begun, and the upload follows it; take the customer now.
    CONSULT_WAIT_FOR(!progress.isEmpty() && progress.last().at(0).toInt() > 10, 10000);
    QVERIFY(customer->connectionCheck()->isRunning());
    TestConsultation *consultation = scenario.take(*advisor, *customer, Take::Next);
    QVERIFY(consultation);
    QVERIFY(!customer->connectionCheck()->isRunning());
    CONSULT_WAIT_FOR(scenario.server().core().linkTests().running() == 0, 5000);

    // The customer's connection stays, and the consultation works both ways.
    customer->sendChat(QStringLiteral("Guten Tag"));
    CONSULT_WAIT_FOR(!consultation->advisorChat().lines().isEmpty() &&
                         consultation->advisorChat().lines().last().text == QStringLiteral("Guten Tag"),
                     10000);
    QCOMPARE(customer->phase(), CustomerClient::Phase::Consulting);
    QCOMPARE(customer->connection().state(), ClientConnection::State::Connected);
    QCOMPARE(finished.size(), 0); // abandoned, not finished: no figure from half a measurement
}

#include "TestConnectionCheck.moc"
