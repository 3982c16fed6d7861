// Advisor sessions end to end (A2, A3, A6, A7): revocable tokens, idle and absolute timeouts, a
// running consultation never cut off by them, revocation and disabled accounts taking effect on
// live sessions, identical answers for every failed log-in, throttling.
#include "support/EpollTestMain.h"
#include "support/ShiftedClock.h"
#include "support/TestClients.h"
#include "support/TestServer.h"

#include <QElapsedTimer>
#include <QSignalSpy>

using namespace consult;
using namespace consult::testing;
using namespace std::chrono_literals;

namespace {

const QString kPassword = QStringLiteral("correct horse battery staple");

struct Fixture
{
    ShiftedClock clock;
    std::unique_ptr<TestServer> server;

    bool start()
    {
        server = std::make_unique<TestServer>(std::function<void(ServerConfig &)>{}, std::nullopt, &clock);
        if (!server->start())
            return false;
        server->addAdvisor(QStringLiteral("anna"), QStringLiteral("Anna Berger"), kPassword, 2);
        return true;
    }

    std::unique_ptr<AdvisorClient> loggedIn()
    {
        auto advisor = makeAdvisor();
        advisor->loginWithPassword(server->endpoint(), QStringLiteral("anna"), kPassword);
        QElapsedTimer timer;
        timer.start();
        while (advisor->phase() != AdvisorClient::Phase::Ready && timer.elapsed() < 10000)
            QTest::qWait(10);
        return advisor;
    }

    // Logs in with a token on a fresh connection; returns the error code, or ERROR_UNSPECIFIED on success.
    wire::ErrorCode tokenLogin(const QByteArray &token)
    {
        auto advisor = makeAdvisor();
        QSignalSpy refused(advisor.get(), &AdvisorClient::loginRefused);
        advisor->loginWithToken(server->endpoint(), QStringLiteral("anna"), token);
        QElapsedTimer timer;
        timer.start();
        while (advisor->phase() != AdvisorClient::Phase::Ready && refused.isEmpty() && timer.elapsed() < 10000)
            QTest::qWait(10);
        return refused.isEmpty() ? wire::ERROR_UNSPECIFIED : refused.first().at(0).value<wire::ErrorCode>();
    }
};

} // namespace

class TestAdvisorSessions final : public QObject
{
    Q_OBJECT
private slots:
    void aTokenFromAPasswordLogInLogsInAgainWithoutThePassword()
    {
        Fixture f;
        QVERIFY(f.start());
        auto advisor = f.loggedIn();
        QCOMPARE(advisor->phase(), AdvisorClient::Phase::Ready);
        const QByteArray token = advisor->token();
        QVERIFY(token.size() >= 32); // S1
        QCOMPARE(f.tokenLogin(token), wire::ERROR_UNSPECIFIED);
        QCOMPARE(f.tokenLogin(QByteArray(32, 'x')), wire::ERROR_LOGIN_FAILED);
    }

    void logOutRevokesTheToken()
    {
        // A6: the server forgets the token at log-out; a copy from the keychain is worthless.
        Fixture f;
        QVERIFY(f.start());
        auto advisor = f.loggedIn();
        const QByteArray token = advisor->token();
        advisor->logout();
        CONSULT_WAIT_FOR(advisor->phase() == AdvisorClient::Phase::LoggedOut, 5000);
        QCOMPARE(f.tokenLogin(token), wire::ERROR_LOGIN_FAILED);
    }

    void anIdleSessionExpiresAndItsTokenWithIt()
    {
        // A7: 30 minutes without interaction outside a consultation force a new log-in.
        Fixture f;
        QVERIFY(f.start());
        auto advisor = f.loggedIn();
        const QByteArray token = advisor->token();
        QSignalSpy expired(advisor.get(), &AdvisorClient::sessionExpired);
        f.clock.advance(29min);
        f.server->core().advisorDesk().sweep();
        QTest::qWait(100);
        QCOMPARE(expired.size(), 0);
        f.clock.advance(2min);
        f.server->core().advisorDesk().sweep();
        CONSULT_WAIT_FOR(expired.size() == 1, 5000);
        CONSULT_WAIT_FOR(advisor->connection().state() == ClientConnection::State::Closed, 5000);
        QCOMPARE(f.tokenLogin(token), wire::ERROR_LOGIN_FAILED);
    }

    void activityKeepsTheSessionAlive()
    {
        Fixture f;
        QVERIFY(f.start());
        auto advisor = f.loggedIn();
        QSignalSpy expired(advisor.get(), &AdvisorClient::sessionExpired);
        for (int i = 0; i < 3; ++i) {
            f.clock.advance(20min);
            advisor->setAvailable(i % 2 == 0); // an interaction
            CONSULT_WAIT_FOR(advisor->status().available() == (i % 2 == 0), 5000);
            f.server->core().advisorDesk().sweep();
        }
        QTest::qWait(100);
        QCOMPARE(expired.size(), 0);
        QCOMPARE(advisor->phase(), AdvisorClient::Phase::Ready);
    }

    void aRunningConsultationIsNeverCutOffByTheTimeouts()
    {
        Fixture f;
        QVERIFY(f.start());
        auto advisor = f.loggedIn();
        auto customer = makeCustomer();
        customer->start(f.server->endpoint());
        CONSULT_WAIT_FOR(customer->phase() == CustomerClient::Phase::ReadingNotices, 10000);
        customer->login(QStringLiteral("Erika Mustermann"), QStringLiteral("0561 7001234"),
                        wire::CONSULTATION_MODE_CHAT);
        CONSULT_WAIT_FOR(customer->phase() == CustomerClient::Phase::Waiting, 5000);
        advisor->takeNext();
        CONSULT_WAIT_FOR(customer->phase() == CustomerClient::Phase::Consulting, 5000);
        QSignalSpy expired(advisor.get(), &AdvisorClient::sessionExpired);
        f.clock.advance(11h); // past idle and absolute lifetime
        f.server->core().advisorDesk().sweep();
        QTest::qWait(100);
        QCOMPARE(expired.size(), 0);
        QCOMPARE(customer->phase(), CustomerClient::Phase::Consulting);
        // Once the consultation is over, the overdue session ends at the next check.
        customer->endConsultation();
        CONSULT_WAIT_FOR(customer->phase() == CustomerClient::Phase::Ended, 5000);
        f.server->core().advisorDesk().sweep();
        CONSULT_WAIT_FOR(expired.size() == 1, 5000);
    }

    void theTokenDiesAtItsAbsoluteLifetime()
    {
        // A7: 10 hours after the password log-in, even a token in steady use is refused.
        Fixture f;
        QVERIFY(f.start());
        QByteArray token;
        {
            auto advisor = f.loggedIn();
            token = advisor->token();
        }
        // Used every 25 minutes, so it never idles out: 23 uses reach 9 h 35 min.
        for (int use = 0; use < 23; ++use) {
            f.clock.advance(25min);
            QCOMPARE(f.tokenLogin(token), wire::ERROR_UNSPECIFIED);
        }
        f.clock.advance(26min); // 10 h 1 min after the password log-in
        QCOMPARE(f.tokenLogin(token), wire::ERROR_LOGIN_FAILED);
    }

    void disablingTheAccountEndsItsLiveSession()
    {
        Fixture f;
        QVERIFY(f.start());
        auto advisor = f.loggedIn();
        QSignalSpy expired(advisor.get(), &AdvisorClient::sessionExpired);
        AdvisorStore &store = f.server->core().advisorStore();
        QVERIFY(store.setDisabled(QStringLiteral("anna"), true).value());
        f.server->core().advisorDesk().sweep();
        CONSULT_WAIT_FOR(expired.size() == 1, 5000);
        auto again = makeAdvisor();
        QSignalSpy refused(again.get(), &AdvisorClient::loginRefused);
        again->loginWithPassword(f.server->endpoint(), QStringLiteral("anna"), kPassword);
        CONSULT_WAIT_FOR(refused.size() == 1, 10000);
        QCOMPARE(refused.first().at(0).value<wire::ErrorCode>(), wire::ERROR_LOGIN_FAILED);
    }

    void everyFailedLogInGetsTheSameAnswer()
    {
        // A3: a wrong password, an unknown user and a disabled user are indistinguishable.
        Fixture f;
        QVERIFY(f.start());
        f.server->addAdvisor(QStringLiteral("bernd"), QStringLiteral("Bernd Klein"), kPassword, 1);
        QVERIFY(f.server->core().advisorStore().setDisabled(QStringLiteral("bernd"), true).value());
        struct Attempt
        {
            QString user;
            QString password;
        };
        const QList<Attempt> attempts = {{QStringLiteral("anna"), QStringLiteral("wrong password here")},
                                         {QStringLiteral("nobody"), kPassword},
                                         {QStringLiteral("bernd"), kPassword}};
        // Byte for byte (the request id aside); the equal cost of the three is the hasher's unit test.
        QList<QByteArray> answers;
        for (const Attempt &attempt : attempts) {
            auto advisor = makeAdvisor();
            QByteArray answer;
            connect(&advisor->connection(), &ClientConnection::envelopeReceived, this,
                    [&](const wire::Envelope &envelope) {
                        if (envelope.body_case() == wire::Envelope::kError) {
                            wire::Error error = envelope.error();
                            error.clear_request_id();
                            answer = QByteArray::fromStdString(error.SerializeAsString());
                        }
                    });
            advisor->loginWithPassword(f.server->endpoint(), attempt.user, attempt.password);
            CONSULT_WAIT_FOR(!answer.isEmpty(), 10000);
            answers.append(answer);
        }
        QCOMPARE(answers.at(1), answers.at(0));
        QCOMPARE(answers.at(2), answers.at(0));
    }

    void repeatedFailuresAreThrottledWithARetryTime()
    {
        // A2: from the fifth consecutive failure on, the answer says when to try again.
        Fixture f;
        QVERIFY(f.start());
        auto advisor = makeAdvisor();
        QSignalSpy refused(advisor.get(), &AdvisorClient::loginRefused);
        for (int i = 1; i <= 6; ++i) {
            advisor->loginWithPassword(f.server->endpoint(), QStringLiteral("anna"), QStringLiteral("guess %1").arg(i));
            CONSULT_WAIT_FOR(refused.size() == i, 10000);
        }
        QCOMPARE(refused.at(0).at(0).value<wire::ErrorCode>(), wire::ERROR_LOGIN_FAILED);
        QCOMPARE(refused.last().at(0).value<wire::ErrorCode>(), wire::ERROR_LOGIN_THROTTLED);
        QVERIFY(refused.last().at(1).toInt() > 0);
    }
};

CONSULT_TEST_MAIN_WITH_EPOLL(TestAdvisorSessions)
#include "TestAdvisorSessions.moc"
