// Advisor sessions end to end (A2, A3, A6, A7): revocable tokens, idle and absolute timeouts, a
// running consultation never cut off by them, revocation and disabled accounts taking effect on
// live sessions, identical answers for every failed log-in, throttling.
#include "support/EpollTestMain.h"
#include "support/RawClient.h"
#include "support/Scenario.h"
#include "support/ShiftedClock.h"

#include <QElapsedTimer>
#include <QSignalSpy>

using namespace consult;
using namespace consult::testing;
using namespace std::chrono_literals;

class TestAdvisorSessions final : public QObject
{
    Q_OBJECT
private slots:
    // A server on a clock the test moves, with the account "anna" (two places).
    void init()
    {
        m_scenario = std::make_unique<Scenario>(Scenario::Configure{}, std::nullopt, &m_clock);
        QVERIFY(m_scenario->start());
        m_scenario->addAccount(AdvisorSpec{});
    }

    void cleanup() { m_scenario.reset(); }

    void aTokenFromAPasswordLogInLogsInAgainWithoutThePassword()
    {
        AdvisorClient *advisor = m_scenario->logIn();
        QVERIFY(advisor);
        QCOMPARE(advisor->phase(), AdvisorClient::Phase::Ready);
        const QByteArray token = advisor->token();
        QVERIFY(token.size() >= 32); // S1
        QCOMPARE(tokenLogin(token), wire::ERROR_UNSPECIFIED);
        QCOMPARE(tokenLogin(QByteArray(32, 'x')), wire::ERROR_LOGIN_FAILED);
    }

    void logOutRevokesTheToken()
    {
        // A6: the server forgets the token at log-out; a copy from the keychain is worthless.
        AdvisorClient *advisor = m_scenario->logIn();
        QVERIFY(advisor);
        const QByteArray token = advisor->token();
        advisor->logout();
        CONSULT_WAIT_FOR(advisor->phase() == AdvisorClient::Phase::LoggedOut, 5000);
        QCOMPARE(tokenLogin(token), wire::ERROR_LOGIN_FAILED);
    }

    void anIdleSessionExpiresAndItsTokenWithIt()
    {
        // A7: 30 minutes without interaction outside a consultation force a new log-in.
        AdvisorClient *advisor = m_scenario->logIn();
        QVERIFY(advisor);
        const QByteArray token = advisor->token();
        QSignalSpy expired(advisor, &AdvisorClient::sessionExpired);
        m_clock.advance(29min);
        m_scenario->server().core().advisorDesk().sweep();
        QTest::qWait(100);
        QCOMPARE(expired.size(), 0);
        m_clock.advance(2min);
        m_scenario->server().core().advisorDesk().sweep();
        CONSULT_WAIT_FOR(expired.size() == 1, 5000);
        CONSULT_WAIT_FOR(advisor->connection().state() == ClientConnection::State::Closed, 5000);
        QCOMPARE(tokenLogin(token), wire::ERROR_LOGIN_FAILED);
    }

    void activityKeepsTheSessionAlive()
    {
        AdvisorClient *advisor = m_scenario->logIn();
        QVERIFY(advisor);
        QSignalSpy expired(advisor, &AdvisorClient::sessionExpired);
        for (int i = 0; i < 3; ++i) {
            m_clock.advance(20min);
            advisor->setAvailable(i % 2 == 0); // an interaction
            CONSULT_WAIT_FOR(advisor->status().available() == (i % 2 == 0), 5000);
            m_scenario->server().core().advisorDesk().sweep();
        }
        QTest::qWait(100);
        QCOMPARE(expired.size(), 0);
        QCOMPARE(advisor->phase(), AdvisorClient::Phase::Ready);
    }

    void aRunningConsultationIsNeverCutOffByTheTimeouts()
    {
        AdvisorClient *advisor = m_scenario->logIn();
        QVERIFY(advisor);
        CustomerClient *customer = m_scenario->waitingCustomer();
        QVERIFY(customer);
        QVERIFY(m_scenario->take(*advisor, *customer, Take::Next));
        QSignalSpy expired(advisor, &AdvisorClient::sessionExpired);
        m_clock.advance(11h); // past idle and absolute lifetime
        m_scenario->server().core().advisorDesk().sweep();
        QTest::qWait(100);
        QCOMPARE(expired.size(), 0);
        QCOMPARE(customer->phase(), CustomerClient::Phase::Consulting);
        // Once the consultation is over, the overdue session ends at the next check.
        customer->endConsultation();
        CONSULT_WAIT_FOR(customer->phase() == CustomerClient::Phase::Ended, 5000);
        m_scenario->server().core().advisorDesk().sweep();
        CONSULT_WAIT_FOR(expired.size() == 1, 5000);
    }

    void theTokenDiesAtItsAbsoluteLifetime()
    {
        // A7: 10 hours after the password log-in, even a token in steady use is refused.
        AdvisorClient *advisor = m_scenario->logIn();
        QVERIFY(advisor);
        const QByteArray token = advisor->token();
        m_scenario->discard(advisor); // the workstation is closed; the token is used from now on
        // Used every 25 minutes, so it never idles out: 23 uses reach 9 h 35 min.
        for (int use = 0; use < 23; ++use) {
            m_clock.advance(25min);
            QCOMPARE(tokenLogin(token), wire::ERROR_UNSPECIFIED);
        }
        m_clock.advance(26min); // 10 h 1 min after the password log-in
        QCOMPARE(tokenLogin(token), wire::ERROR_LOGIN_FAILED);
    }

    void disablingTheAccountEndsItsLiveSession()
    {
        AdvisorClient *advisor = m_scenario->logIn();
        QVERIFY(advisor);
        QSignalSpy expired(advisor, &AdvisorClient::sessionExpired);
        AdvisorStore &store = m_scenario->server().core().advisorStore();
        QVERIFY(store.setDisabled(QStringLiteral("anna"), true).value());
        m_scenario->server().core().advisorDesk().sweep();
        CONSULT_WAIT_FOR(expired.size() == 1, 5000);
        auto again = makeAdvisor();
        QSignalSpy refused(again.get(), &AdvisorClient::loginRefused);
        again->loginWithPassword(m_scenario->endpoint(), QStringLiteral("anna"), kTestPassword);
        CONSULT_WAIT_FOR(refused.size() == 1, 10000);
        QCOMPARE(refused.first().at(0).value<wire::ErrorCode>(), wire::ERROR_LOGIN_FAILED);
    }

    void everyFailedLogInGetsTheSameAnswer()
    {
        // A3: a wrong password, an unknown user and a disabled user are indistinguishable.
        AdvisorSpec bernd;
        bernd.username = QStringLiteral("bernd");
        bernd.displayName = QStringLiteral("Bernd Klein");
        bernd.capacity = 1;
        m_scenario->addAccount(bernd);
        QVERIFY(m_scenario->server().core().advisorStore().setDisabled(QStringLiteral("bernd"), true).value());
        struct Attempt
        {
            QString user;
            QString password;
        };
        const QList<Attempt> attempts = {{QStringLiteral("anna"), QStringLiteral("wrong password here")},
                                         {QStringLiteral("nobody"), kTestPassword},
                                         {QStringLiteral("bernd"), kTestPassword}};
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
            advisor->loginWithPassword(m_scenario->endpoint(), attempt.user, attempt.password);
            CONSULT_WAIT_FOR(!answer.isEmpty(), 10000);
            answers.append(answer);
        }
        QCOMPARE(answers.at(1), answers.at(0));
        QCOMPARE(answers.at(2), answers.at(0));
    }

    void repeatedFailuresAreThrottledWithARetryTime()
    {
        // A2: from the fifth consecutive failure on, the answer says when to try again.
        auto advisor = makeAdvisor();
        QSignalSpy refused(advisor.get(), &AdvisorClient::loginRefused);
        for (int i = 1; i <= 6; ++i) {
            advisor->loginWithPassword(m_scenario->endpoint(), QStringLiteral("anna"),
                                       QStringLiteral("guess %1").arg(i));
            CONSULT_WAIT_FOR(refused.size() == i, 10000);
        }
        QCOMPARE(refused.at(0).at(0).value<wire::ErrorCode>(), wire::ERROR_LOGIN_FAILED);
        QCOMPARE(refused.last().at(0).value<wire::ErrorCode>(), wire::ERROR_LOGIN_THROTTLED);
        QVERIFY(refused.last().at(1).toInt() > 0);
    }

    void aValidTokenLogsInWhileTheUserNameIsThrottled()
    {
        // Issue 13 (A2, A6): ten wrong passwords by anyone who knows the user name must not lock the
        // advisor's workstation out of its valid token; the guesser's lock stays.
        AdvisorClient *advisor = m_scenario->logIn();
        QVERIFY(advisor);
        const QByteArray token = advisor->token();
        m_scenario->discard(advisor);
        auto guesser = makeAdvisor();
        QSignalSpy refused(guesser.get(), &AdvisorClient::loginRefused);
        for (int i = 1; i <= 6; ++i) {
            guesser->loginWithPassword(m_scenario->endpoint(), QStringLiteral("anna"),
                                       QStringLiteral("guess %1").arg(i));
            CONSULT_WAIT_FOR(refused.size() == i, 10000);
        }
        QCOMPARE(refused.last().at(0).value<wire::ErrorCode>(), wire::ERROR_LOGIN_THROTTLED);

        QCOMPARE(tokenLogin(token), wire::ERROR_UNSPECIFIED);
        // A wrong token is throttled like a wrong password, and the password stays locked.
        QCOMPARE(tokenLogin(QByteArray(32, 'x')), wire::ERROR_LOGIN_THROTTLED);
        guesser->loginWithPassword(m_scenario->endpoint(), QStringLiteral("anna"), kTestPassword);
        CONSULT_WAIT_FOR(refused.size() == 7, 10000);
        QCOMPARE(refused.last().at(0).value<wire::ErrorCode>(), wire::ERROR_LOGIN_THROTTLED);
    }

private:
    // Logs in with a token on a fresh connection; returns the error code, or ERROR_UNSPECIFIED on success.
    wire::ErrorCode tokenLogin(const QByteArray &token)
    {
        auto advisor = makeAdvisor();
        QSignalSpy refused(advisor.get(), &AdvisorClient::loginRefused);
        advisor->loginWithToken(m_scenario->endpoint(), QStringLiteral("anna"), token);
        // Either answer will do; which one it was is the result.
        const bool answered =
            spinUntil([&] { return advisor->phase() == AdvisorClient::Phase::Ready || !refused.isEmpty(); }, 10000);
        Q_UNUSED(answered);
        return refused.isEmpty() ? wire::ERROR_UNSPECIFIED : refused.first().at(0).value<wire::ErrorCode>();
    }

    ShiftedClock m_clock;
    std::unique_ptr<Scenario> m_scenario;
};

CONSULT_TEST_MAIN_WITH_EPOLL(TestAdvisorSessions)
#include "TestAdvisorSessions.moc"
