// Resume tokens on the wire (S1, S7, S10): long, random and never repeated; rotated on every resume
// and renewed on long connections; one socket per participant; dead after the TTL and after the end
// of the session, whose socket is then closed within a second.
#include "protocol/EnvelopeCodec.h"
#include "support/EpollTestMain.h"
#include "support/RawConsultation.h"

#include <QElapsedTimer>

#include <array>
#include <limits>
#include <set>

using namespace consult;
using namespace consult::testing;

namespace {

constexpr auto kCloseReplaced = QWebSocketProtocol::CloseCode(4000);
constexpr auto kCloseResumeRefused = QWebSocketProtocol::CloseCode(4001);

// A second connection for the session `from` holds: the same reliable channel, as the real client
// keeps its channel across sockets.
std::unique_ptr<RawClient> takeOver(const RawClient &from, TestServer &server)
{
    auto next = std::make_unique<RawClient>();
    next->channel() = from.channel();
    if (!next->open(server.endpoint()))
        return {};
    return next;
}

// The answer to a Resume: Resumed, or an Error; nothing if neither came.
std::optional<wire::Envelope> resumeAnswer(RawClient &client, int from, int timeoutMs = 10000)
{
    return client.waitFor(
        [](const wire::Envelope &e) {
            return e.body_case() == wire::Envelope::kResumed || e.body_case() == wire::Envelope::kError;
        },
        from, timeoutMs);
}

void verifyRefused(RawClient &client, int from)
{
    const auto answer = resumeAnswer(client, from);
    QVERIFY2(answer, "no answer to the resume");
    QCOMPARE(answer->body_case(), wire::Envelope::kError);
    QCOMPARE(answer->error().code(), wire::ERROR_RESUME_REFUSED);
    QVERIFY(client.waitForClosed());
    QCOMPARE(client.closeCode(), kCloseResumeRefused);
}

} // namespace

class TestSessionTokens final : public QObject
{
    Q_OBJECT
private slots:
    void resumeTokensAreLongAndNeverRepeatAcrossAThousandSessions();
    void aRotatedTokenIsDeadAfterASuccessfulResume();
    void aResumeReplacesTheOldSocket();
    void twoConcurrentResumesWithOneTokenLetExactlyOneIn();
    void aTokenIsRefusedOnceTheTtlHasPassedWithoutAConnection();
    void anEndedSessionsTokenIsDeadAndItsSocketClosedWithinOneSecond_data();
    void anEndedSessionsTokenIsDeadAndItsSocketClosedWithinOneSecond();
    void theServerRenewsTheTokenWithinHalfTheTtl();
    void whatAResumeReleasesFollowsTheReplay();
};

// S1: 1000 sessions, 1000 different tokens of at least 128 bits.
void TestSessionTokens::resumeTokensAreLongAndNeverRepeatAcrossAThousandSessions()
{
    constexpr int kSessions = 1000;
    constexpr int kBatch = 50;
    TestServer server;
    QVERIFY(server.start());
    std::set<QByteArray> tokens;
    int shortest = std::numeric_limits<int>::max();
    std::array<int, 256> byteCounts{};
    QElapsedTimer elapsed;
    elapsed.start();
    for (int done = 0; done < kSessions; done += kBatch) {
        std::vector<std::unique_ptr<RawClient>> batch;
        for (int i = 0; i < kBatch; ++i) {
            batch.push_back(std::make_unique<RawClient>());
            batch.back()->startOpen(server.endpoint());
        }
        QVERIFY(spinUntil(
            [&] { return std::all_of(batch.begin(), batch.end(), [](const auto &c) { return c->isConnected(); }); },
            30000));
        for (auto &client : batch) {
            wire::Envelope hello;
            hello.mutable_hello()->set_protocol_version(protocol::kCurrent);
            hello.mutable_hello()->set_client_kind(wire::CLIENT_KIND_CUSTOMER);
            client->sendUnsequenced(std::move(hello));
        }
        QVERIFY(spinUntil(
            [&] {
                return std::all_of(batch.begin(), batch.end(),
                                   [](const auto &c) { return !c->resumeToken().isEmpty(); });
            },
            30000));
        for (auto &client : batch) {
            const QByteArray token = client->resumeToken();
            shortest = std::min(shortest, static_cast<int>(token.size()));
            for (const char byte : token)
                ++byteCounts.at(static_cast<quint8>(byte));
            tokens.insert(token);
            client->abort();
        }
    }
    qInfo("%d sessions in %lld ms; shortest token %d bytes", kSessions, static_cast<long long>(elapsed.elapsed()),
          shortest);
    QCOMPARE(static_cast<int>(tokens.size()), kSessions);
    QVERIFY2(shortest >= 16, qPrintable(QString::number(shortest)));
    // A coarse sanity check that the bytes are not from a small alphabet (hex, base64 text): every
    // byte value occurs.
    QVERIFY(std::all_of(byteCounts.begin(), byteCounts.end(), [](int count) { return count > 0; }));
}

// S10: the token used for a resume dies with it; the new one works.
void TestSessionTokens::aRotatedTokenIsDeadAfterASuccessfulResume()
{
    TestServer server;
    QVERIFY(server.start());
    auto first = rawWaitingCustomer(server, QStringLiteral("Rita Rotation"));
    QVERIFY(first);
    const QByteArray original = first->resumeToken();
    first->abort();

    auto second = takeOver(*first, server);
    QVERIFY(second);
    const auto resumed = second->resume(original);
    QVERIFY(resumed);
    const QByteArray rotated = QByteArray::fromStdString(resumed->resume_token());
    QVERIFY(rotated.size() >= 16);
    QVERIFY(rotated != original);
    QVERIFY(second->sync());
    second->abort();

    auto replay = takeOver(*second, server);
    QVERIFY(replay);
    replay->sendResume(original);
    verifyRefused(*replay, 0);
    if (QTest::currentTestFailed())
        return;

    auto third = takeOver(*second, server);
    QVERIFY(third);
    QVERIFY2(third->resume(second->resumeToken()), "the rotated token did not resume");
    QVERIFY(third->sync());
}

// S10: at most one socket per participant; the newer one wins and the older is closed with 4000.
void TestSessionTokens::aResumeReplacesTheOldSocket()
{
    TestServer server;
    QVERIFY(server.start());
    auto first = rawWaitingCustomer(server, QStringLiteral("Rita Ersatz"));
    QVERIFY(first);
    auto second = takeOver(*first, server);
    QVERIFY(second);
    QVERIFY(second->resume(first->resumeToken()));
    QVERIFY(first->waitForClosed());
    QCOMPARE(first->closeCode(), kCloseReplaced);
    QVERIFY(second->sync());
    QCOMPARE(server.core().registry().sessionCount(), 1);
}

// S10: two sockets present the same token at the same moment: exactly one session continues.
void TestSessionTokens::twoConcurrentResumesWithOneTokenLetExactlyOneIn()
{
    TestServer server;
    QVERIFY(server.start());
    std::unique_ptr<RawClient> holder = rawWaitingCustomer(server, QStringLiteral("Doris Doppel"));
    QVERIFY(holder);
    for (int round = 0; round < 5; ++round) {
        const QByteArray token = holder->resumeToken();
        holder->abort();
        auto left = takeOver(*holder, server);
        auto right = takeOver(*holder, server);
        QVERIFY(left && right);
        left->sendResume(token);
        right->sendResume(token);
        const auto leftAnswer = resumeAnswer(*left, 0);
        const auto rightAnswer = resumeAnswer(*right, 0);
        QVERIFY(leftAnswer && rightAnswer);
        const bool leftIn = leftAnswer->body_case() == wire::Envelope::kResumed;
        const bool rightIn = rightAnswer->body_case() == wire::Envelope::kResumed;
        QVERIFY2(leftIn != rightIn,
                 qPrintable(QStringLiteral("round %1: %2 resumed")
                                .arg(round)
                                .arg(leftIn && rightIn ? QStringLiteral("both") : QStringLiteral("neither"))));
        std::unique_ptr<RawClient> &winner = leftIn ? left : right;
        std::unique_ptr<RawClient> &loser = leftIn ? right : left;
        QCOMPARE((leftIn ? rightAnswer : leftAnswer)->error().code(), wire::ERROR_RESUME_REFUSED);
        QVERIFY(loser->waitForClosed());
        QCOMPARE(loser->closeCode(), kCloseResumeRefused);
        QVERIFY(winner->sync());
        holder = std::move(winner);
    }
    QCOMPARE(server.core().registry().sessionCount(), 1);
}

// S10: with resume_ttl_seconds = 1 a resume 2 s after the connection died is refused; one right
// after the drop still works (so the refusal is the TTL's doing).
void TestSessionTokens::aTokenIsRefusedOnceTheTtlHasPassedWithoutAConnection()
{
    TestServer server([](ServerConfig &config) { config.resumeTtlSeconds = 1; });
    QVERIFY(server.start());

    auto quick = rawWaitingCustomer(server, QStringLiteral("Quirin Schnell"));
    QVERIFY(quick);
    QVERIFY(quick->sync()); // the server has just heard from this session
    quick->abort();
    auto quickAgain = takeOver(*quick, server);
    QVERIFY(quickAgain);
    QVERIFY2(quickAgain->resume(quick->resumeToken()), "a resume right after the drop was refused");

    auto slow = rawWaitingCustomer(server, QStringLiteral("Lena Langsam"));
    QVERIFY(slow);
    QVERIFY(slow->sync());
    slow->abort();
    // The behaviour under test is the passage of time itself; no event announces it to the client.
    QTest::qWait(2000);
    auto slowAgain = takeOver(*slow, server);
    QVERIFY(slowAgain);
    slowAgain->sendResume(slow->resumeToken());
    verifyRefused(*slowAgain, 0);
}

void TestSessionTokens::anEndedSessionsTokenIsDeadAndItsSocketClosedWithinOneSecond_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("the advisor ends") << QStringLiteral("advisor");
    QTest::newRow("the customer ends") << QStringLiteral("customer");
    QTest::newRow("the advisor logs out") << QStringLiteral("logout");
}

// S7: the end of a consultation closes the customer's session: the socket gets a close frame (1000)
// within 1 s and its token cannot resume anything.
void TestSessionTokens::anEndedSessionsTokenIsDeadAndItsSocketClosedWithinOneSecond()
{
    QFETCH(QString, how);
    TestServer server;
    QVERIFY(server.start());
    RawConsultation consultation;
    QVERIFY(startRawConsultation(server, QStringLiteral("erna"), QStringLiteral("Emil Ende"), consultation));
    RawClient &customer = *consultation.customer;
    QVERIFY(customer.sync());
    const QByteArray token = customer.resumeToken();
    const int from = customer.mark();

    QElapsedTimer sinceEnd;
    wire::Envelope end;
    if (how == u"logout")
        end.mutable_advisor_logout();
    else
        end.mutable_end_consultation()->set_consultation_id(consultation.id.toStdString());
    sinceEnd.start();
    (how == u"customer" ? customer : *consultation.advisor).sendReliable(std::move(end));
    QVERIFY(customer.waitForClosed(5000));
    const qint64 closedAfterMs = sinceEnd.elapsed();
    qInfo("closed %lld ms after the end was sent", static_cast<long long>(closedAfterMs));
    QVERIFY2(closedAfterMs < 1000, qPrintable(QString::number(closedAfterMs)));
    QCOMPARE(customer.closeCode(), QWebSocketProtocol::CloseCodeNormal);
    const auto ended = customer.waitForBody(wire::Envelope::kConsultationEnded, from, 0);
    QVERIFY(ended);
    const auto closed = customer.waitForBody(wire::Envelope::kSessionClosed, from, 0);
    QVERIFY(closed);
    QCOMPARE(closed->session_closed().reason(), wire::SESSION_CLOSE_REASON_CONSULTATION_ENDED);

    auto again = takeOver(customer, server);
    QVERIFY(again);
    again->sendResume(token);
    verifyRefused(*again, 0);
}

// S10: a long-lived connection gets a fresh token every resume_ttl / 2; after the client has
// acknowledged it, the previous token is dead and the new one resumes.
void TestSessionTokens::theServerRenewsTheTokenWithinHalfTheTtl()
{
    TestServer server([](ServerConfig &config) { config.resumeTtlSeconds = 2; });
    QVERIFY(server.start());
    auto customer = std::make_unique<RawClient>();
    QVERIFY(customer->open(server.endpoint()));
    QElapsedTimer sinceIssued;
    sinceIssued.start();
    QVERIFY(customer->hello(wire::CLIENT_KIND_CUSTOMER));
    QCOMPARE(customer->welcome().resume_ttl_ms(), 2000u);
    QVERIFY(customer->customerLogin(QStringLiteral("Rainer Erneuert"), QStringLiteral("030 1234567")));
    const QByteArray welcomeToken = customer->resumeToken();

    QList<QByteArray> renewed;
    for (int i = 0; i < 2; ++i) {
        const auto renewal = customer->waitForBody(wire::Envelope::kResumeTokenRenewed, customer->mark(), 5000);
        QVERIFY2(renewal, "no ResumeTokenRenewed within 5 s");
        const qint64 ageMs = sinceIssued.restart();
        qInfo("renewal %d after %lld ms", i + 1, static_cast<long long>(ageMs));
        // Half the TTL, plus the 250 ms sweep and scheduling; never as late as the TTL itself,
        // which is what the renewal is for.
        QVERIFY2(ageMs < 2000, qPrintable(QString::number(ageMs)));
        QVERIFY2(ageMs > 700, qPrintable(QString::number(ageMs)));
        const QByteArray token = QByteArray::fromStdString(renewal->resume_token_renewed().resume_token());
        QVERIFY(token.size() >= 16);
        QVERIFY(token != welcomeToken && !renewed.contains(token));
        renewed.append(token);
    }
    QVERIFY(customer->sync()); // the renewals are acknowledged
    customer->abort();

    auto stale = takeOver(*customer, server);
    QVERIFY(stale);
    stale->sendResume(welcomeToken);
    verifyRefused(*stale, 0);
    if (QTest::currentTestFailed())
        return;
    auto fresh = takeOver(*customer, server);
    QVERIFY(fresh);
    QVERIFY2(fresh->resume(customer->resumeToken()), "the renewed token did not resume");
}

// R1, S10: what the server sends while it takes a resume comes after the replay of what the client
// missed. Here the acknowledgement carried by the Resume releases the status the server held back
// (an advisor has one unconfirmed status at a time), and the replay holds the queue entry that was
// sent while the advisor was away. Released first, the status would overtake the replay: a gap in
// the numbering that the real client answers with a reconnect, and again on the next resume.
void TestSessionTokens::whatAResumeReleasesFollowsTheReplay()
{
    TestServer server;
    QVERIFY(server.start());
    auto anna = rawAdvisor(server, QStringLiteral("anna"));
    QVERIFY(anna);
    QVERIFY(anna->sync()); // what the log-in sent is acknowledged; from here on anna confirms nothing
    anna->setAutoAcknowledge(false);
    anna->setAnswerPings(false);

    int from = anna->mark();
    auto bernd = rawAdvisor(server, QStringLiteral("bernd")); // a colleague: anna's status changes
    QVERIFY(bernd);
    QVERIFY2(anna->waitForBody(wire::Envelope::kAdvisorStatus, from), "no status after a colleague came");
    auto carl = rawAdvisor(server, QStringLiteral("carl")); // another change, held back: one status at a time
    QVERIFY(carl);
    QVERIFY(carl->sync());

    anna->abort();
    QTRY_COMPARE_WITH_TIMEOUT(server.core().registry().connectionCount(), 2, 5000);
    auto customer = rawWaitingCustomer(server, QStringLiteral("Erika Wartend")); // sent to anna while away
    QVERIFY(customer);
    QVERIFY(bernd->waitForBody(wire::Envelope::kQueueEntryAdded, 0));

    const quint64 lastReceived = anna->channel().lastReceived();
    auto back = takeOver(*anna, server);
    QVERIFY(back);
    from = back->mark();
    QVERIFY(back->resume(anna->resumeToken()));
    QVERIFY(back->sync());
    QVERIFY2(back->waitForBody(wire::Envelope::kQueueEntryAdded, from), "the queue entry was not replayed");

    quint64 expected = lastReceived + 1;
    for (const wire::Envelope &envelope : back->receivedSince(from)) {
        if (envelope.seq() == 0)
            continue;
        QVERIFY2(envelope.seq() == expected, qPrintable(QStringLiteral("%1 (%2) arrived where %3 was due")
                                                            .arg(envelope.seq())
                                                            .arg(protocol::bodyName(envelope.body_case()))
                                                            .arg(expected)));
        ++expected;
    }
    QVERIFY(back->isConnected());
}

CONSULT_TEST_MAIN_WITH_EPOLL(TestSessionTokens)
#include "TestSessionTokens.moc"
