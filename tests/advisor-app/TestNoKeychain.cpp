// A6 without a keychain: run with no D-Bus session bus (CTest unsets it), the real TokenVault says
// so, nothing is stored anywhere (no insecure fallback), the log-in dialog tells the advisor and
// asks for the password each time.
#include "TokenVault.h"
#include "WorkstationFixture.h"

#include <QCheckBox>
#include <QLabel>
#include <QTest>

using namespace consult;
using namespace consult::advisor;
using namespace consult::advisor::testing;
using consult::testing::Scenario;

namespace {

TokenStore::Answer wait(const std::function<void(TokenStore::Callback)> &operation)
{
    std::optional<TokenStore::Answer> answer;
    operation([&answer](const TokenStore::Answer &a) { answer = a; });
    (void)QTest::qWaitFor([&] { return answer.has_value(); }, 15000);
    return answer.value_or(TokenStore::Answer{TokenStore::Outcome::Done, {}, QStringLiteral("no answer")});
}

} // namespace

class TestNoKeychain final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"), "run without a session bus (see CMake)");
    }

    void theVaultSaysThereIsNoKeychainAndStoresNothing()
    {
        TokenVault vault;
        const QString key = QStringLiteral("anna@relay.example:8443");
        const TokenStore::Answer written = wait([&](auto done) { vault.write(key, QByteArray(24, 't'), done); });
        QCOMPARE(written.outcome, TokenStore::Outcome::Unavailable);
        QVERIFY(!written.detail.isEmpty());
        QCOMPARE(wait([&](auto done) { vault.read(key, done); }).outcome, TokenStore::Outcome::Unavailable);
    }

    void theWorkstationSaysSoAndAsksForThePasswordEachTime()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        scenario.addAccount(account(QStringLiteral("anna"), QStringLiteral("Anna Berger"), 3));
        TokenVault vault;
        QTemporaryDir shared;
        const QString settingsPath = shared.filePath(QStringLiteral("advisor.ini"));
        {
            Workstation workstation(scenario, vault, {}, settingsPath);
            QVERIFY(workstation.start());
            QVERIFY(!workstation->keychainAvailable());
            auto *note = workstation.dialog()->findChild<QLabel *>(QStringLiteral("keychainNote"));
            QVERIFY(note->isVisible());
            QVERIFY(note->text().startsWith(QStringLiteral("Kein Schlüsselbund erreichbar")));
            QVERIFY(!workstation.dialog()->findChild<QCheckBox *>(QStringLiteral("stayLoggedIn"))->isEnabled());
            workstation.submitLogin(QStringLiteral("anna"), kTestPassword, true);
            QTRY_COMPARE_WITH_TIMEOUT(workstation->stage(), AdvisorWorkstation::Stage::Working, 10000);
            QVERIFY(!workstation->preferences().stayLoggedIn);
            workstation->quit();
        }
        Workstation again(scenario, vault, {}, settingsPath);
        QVERIFY(again.start());
        QCOMPARE(again->stage(), AdvisorWorkstation::Stage::LoginForm);
        QVERIFY(again.dialog()->isVisible());
        QCOMPARE(again.dialog()->username(), QStringLiteral("anna"));
    }
};

CONSULT_WIDGET_TEST_MAIN(TestNoKeychain)
#include "TestNoKeychain.moc"
