// Advisor sessions end to end (A2, A3, A5, A6, A7): revocable tokens, idle and absolute timeouts, a
// running consultation never cut off by them, revocation and disabled accounts taking effect on
// live sessions, identical answers for every failed log-in, throttling, the second factor (TOTP)
// and the advisors' source networks.
#include "accounts/OneTimeCode.h"
#include "support/EpollTestMain.h"
#include "support/RawClient.h"
#include "support/Scenario.h"
#include "support/ShiftedClock.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QSignalSpy>

using namespace consult;
using namespace consult::testing;
using namespace std::chrono_literals;
using namespace Qt::StringLiterals;

namespace {

// passwordLogin() got neither an acceptance nor a refusal: no code any comparison expects.
constexpr auto kNoAnswer = static_cast<wire::ErrorCode>(-1);

} // namespace

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

    // --- The second factor (A5, issue 13) ---------------------------------------------------------

    void anEnrolledAdvisorIsAskedForTheCodeAfterTheRightPassword()
    {
        // A5: the password alone no longer logs in; the answer tells the app to ask for the code.
        enrolAnna();
        QCOMPARE(passwordLogin(kTestPassword), wire::ERROR_SECOND_FACTOR_REQUIRED);
        // A wrong password says nothing about the second factor (A3).
        QCOMPARE(passwordLogin(QStringLiteral("wrong password here")), wire::ERROR_LOGIN_FAILED);
    }

    void aWrongCodeIsRefusedAndThrottledLikeAWrongPassword()
    {
        // A2, A5: wrong codes after the right password count as failures; the fifth one throttles.
        enrolAnna();
        const QString right = OneTimeCode::codeAt(m_secret, m_clock.nowMs());
        const QString wrong = right == u"000000" ? QStringLiteral("111111") : QStringLiteral("000000");
        auto advisor = makeAdvisor();
        QSignalSpy refused(advisor.get(), &AdvisorClient::loginRefused);
        for (int i = 1; i <= 6; ++i) {
            advisor->loginWithPassword(m_scenario->endpoint(), QStringLiteral("anna"), kTestPassword, wrong);
            CONSULT_WAIT_FOR(refused.size() == i, 10000);
        }
        QCOMPARE(refused.at(0).at(0).value<wire::ErrorCode>(), wire::ERROR_LOGIN_FAILED);
        QCOMPARE(refused.last().at(0).value<wire::ErrorCode>(), wire::ERROR_LOGIN_THROTTLED);
        // Throttled: not even the right code gets through now.
        QCOMPARE(passwordLogin(kTestPassword, right), wire::ERROR_LOGIN_THROTTLED);
    }

    void theRightCodeLogsInOnceAndItsReplayIsRefused()
    {
        // A5: the right code logs in; the very same code (same time step) is refused the second time.
        enrolAnna();
        const QString code = OneTimeCode::codeAt(m_secret, m_clock.nowMs());
        QCOMPARE(passwordLogin(kTestPassword, code), wire::ERROR_UNSPECIFIED);
        QCOMPARE(passwordLogin(kTestPassword, code), wire::ERROR_LOGIN_FAILED);
        // The code of the next step is a new one and logs in (the clock has moved on).
        m_clock.advance(30s);
        QCOMPARE(passwordLogin(kTestPassword, OneTimeCode::codeAt(m_secret, m_clock.nowMs())), wire::ERROR_UNSPECIFIED);
    }

    void aCodeOneStepOffIsAcceptedAndTwoStepsOffIsNot()
    {
        // A5: one 30-second step of clock skew between the server and the phone either way.
        enrolAnna();
        QCOMPARE(passwordLogin(kTestPassword, OneTimeCode::codeAt(m_secret, m_clock.nowMs() - 90'000)),
                 wire::ERROR_LOGIN_FAILED);
        QCOMPARE(passwordLogin(kTestPassword, OneTimeCode::codeAt(m_secret, m_clock.nowMs() - 30'000)),
                 wire::ERROR_UNSPECIFIED);
        QCOMPARE(passwordLogin(kTestPassword, OneTimeCode::codeAt(m_secret, m_clock.nowMs() + 30'000)),
                 wire::ERROR_UNSPECIFIED);
    }

    void aTokenResumesWithoutTheCode()
    {
        // A5, A6: the second factor is asked at the password log-in only, never at token resume.
        enrolAnna();
        auto advisor = makeAdvisor();
        advisor->loginWithPassword(m_scenario->endpoint(), QStringLiteral("anna"), kTestPassword,
                                   OneTimeCode::codeAt(m_secret, m_clock.nowMs()));
        CONSULT_WAIT_FOR(advisor->phase() == AdvisorClient::Phase::Ready, 10000);
        const QByteArray token = advisor->token();
        advisor.reset();
        QCOMPARE(tokenLogin(token), wire::ERROR_UNSPECIFIED);
    }

    // --- Source networks (issue 13) -------------------------------------------------------------

    void advisorsLogInOnlyFromTheConfiguredNetworks_data()
    {
        QTest::addColumn<QString>("networks");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("only 10.0.0.0/8: the loopback client is outside") << u"10.0.0.0/8, 192.168.1.0/24"_s << false;
        QTest::newRow("127.0.0.0/8: the loopback client is inside") << u"10.0.0.0/8, 127.0.0.0/8"_s << true;
    }

    void advisorsLogInOnlyFromTheConfiguredNetworks()
    {
        QFETCH(QString, networks);
        QFETCH(bool, allowed);
        m_scenario.reset();
        const auto parsed = AllowedNetworks::parse(networks.split(u','));
        QVERIFY(parsed);
        m_scenario = std::make_unique<Scenario>([&](ServerConfig &config) { config.advisorNetworks = *parsed; },
                                                std::nullopt, &m_clock);
        QVERIFY(m_scenario->start());
        m_scenario->addAccount(AdvisorSpec{});
        // A token valid in every other respect, as a keychain would hold it.
        const QByteArray token(32, 't');
        const qint64 now = m_clock.nowMs();
        AdvisorStore &store = m_scenario->server().core().advisorStore();
        const auto anna = store.findByUsername(QStringLiteral("anna"));
        QVERIFY(anna);
        QVERIFY(store
                    .insertToken(AdvisorToken{QCryptographicHash::hash(token, QCryptographicHash::Sha256), anna->id,
                                              now, now, now + 3'600'000, false})
                    .ok());

        const wire::ErrorCode expected = allowed ? wire::ERROR_UNSPECIFIED : wire::ERROR_LOGIN_FAILED;
        QCOMPARE(tokenLogin(token), expected);
        QCOMPARE(passwordLogin(kTestPassword), expected);
        // Customers are not affected by the advisors' networks.
        QVERIFY(m_scenario->waitingCustomer());
    }

private:
    // Gives "anna" a second factor, as `advisor totp-enrol` does, and moves the clock to the middle of
    // a 30-second step, so no step ends between computing a code and the server checking it.
    void enrolAnna()
    {
        const qint64 intoStep = m_clock.nowMs() % 30'000;
        m_clock.advance(std::chrono::milliseconds((15'000 - intoStep + 30'000) % 30'000));
        m_secret = OneTimeCode::newSecret();
        QVERIFY(m_scenario->server().core().advisorStore().setTotpSecret(QStringLiteral("anna"), m_secret).value());
    }

    // Logs in with the password (and a code) on a fresh connection; the error, or ERROR_UNSPECIFIED on success.
    wire::ErrorCode passwordLogin(const QString &password, const QString &code = {})
    {
        auto advisor = makeAdvisor();
        QSignalSpy refused(advisor.get(), &AdvisorClient::loginRefused);
        advisor->loginWithPassword(m_scenario->endpoint(), QStringLiteral("anna"), password, code);
        const bool answered =
            spinUntil([&] { return advisor->phase() == AdvisorClient::Phase::Ready || !refused.isEmpty(); }, 10000);
        if (!answered)
            return kNoAnswer;
        return refused.isEmpty() ? wire::ERROR_UNSPECIFIED : refused.first().at(0).value<wire::ErrorCode>();
    }

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
    QByteArray m_secret;
};

CONSULT_TEST_MAIN_WITH_EPOLL(TestAdvisorSessions)
#include "TestAdvisorSessions.moc"
