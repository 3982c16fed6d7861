// A6 against a real Secret Service (run by run-with-keyring.sh: a private D-Bus session with
// gnome-keyring, QtKeychain's libsecret backend): the vault stores, reads and deletes a token; the
// workstation keeps only the revocable token there, logs in with it at the next start, and log-out
// deletes the entry and revokes the token on the server. Nothing readable is left under $HOME.
#include "TokenVault.h"
#include "WorkstationFixture.h"

#include <qt6keychain/keychain.h>

#include <QDirIterator>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace consult;
using namespace consult::advisor;
using namespace consult::advisor::testing;
using consult::testing::Scenario;

namespace {

TokenStore::Answer wait(const std::function<void(TokenStore::Callback)> &operation)
{
    std::optional<TokenStore::Answer> answer;
    operation([&answer](const TokenStore::Answer &a) { answer = a; });
    (void)QTest::qWaitFor([&] { return answer.has_value(); }, 10000);
    return answer.value_or(TokenStore::Answer{TokenStore::Outcome::Unavailable, {}, QStringLiteral("timed out")});
}

// Reads the entry with a job of its own, as another process would: proof it is in the keychain.
std::pair<QKeychain::Error, QByteArray> readDirectly(const QString &key)
{
    QKeychain::ReadPasswordJob job(QString::fromLatin1(TokenVault::kService));
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    job.setKey(key);
    QSignalSpy finished(&job, &QKeychain::Job::finished);
    job.start();
    finished.wait(10000);
    return {job.error(), job.binaryData()};
}

// Files under $HOME that contain `secret` in any usual encoding.
QStringList filesContaining(const QByteArray &secret)
{
    QStringList found;
    QDirIterator files(QDir::homePath(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        if (bytes.contains(secret) || bytes.contains(secret.toBase64()) || bytes.contains(secret.toHex()))
            found.append(file.fileName());
    }
    return found;
}

} // namespace

class TestKeychain final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        // Never against the developer's own keyring.
        QVERIFY2(qEnvironmentVariable("CONSULT_PRIVATE_KEYRING") == u"1", "run through run-with-keyring.sh");
        QVERIFY(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"));
    }

    void theVaultStoresReadsAndDeletesAToken()
    {
        TokenVault vault;
        const QString key = QStringLiteral("anna@relay.example:8443");
        const QByteArray token = QByteArray::fromHex("00ff10203040506070808a9aabacbdcedfe0f1");
        QCOMPARE(wait([&](auto done) { vault.read(key, done); }).outcome, TokenStore::Outcome::NotFound);
        const TokenStore::Answer written = wait([&](auto done) { vault.write(key, token, done); });
        QVERIFY2(written.outcome == TokenStore::Outcome::Done, qPrintable(written.detail));

        const TokenStore::Answer read = wait([&](auto done) { vault.read(key, done); });
        QCOMPARE(read.outcome, TokenStore::Outcome::Done);
        QCOMPARE(read.token, token); // binary safe
        const auto [error, direct] = readDirectly(key);
        QCOMPARE(error, QKeychain::NoError);
        QCOMPARE(direct, token);
        QVERIFY2(filesContaining(token).isEmpty(), qPrintable(filesContaining(token).join(u", ")));

        QCOMPARE(wait([&](auto done) { vault.remove(key, done); }).outcome, TokenStore::Outcome::Done);
        QCOMPARE(wait([&](auto done) { vault.read(key, done); }).outcome, TokenStore::Outcome::NotFound);
        QCOMPARE(readDirectly(key).first, QKeychain::EntryNotFound);
        // Deleting what is gone is not an error.
        QCOMPARE(wait([&](auto done) { vault.remove(key, done); }).outcome, TokenStore::Outcome::Done);
    }

    void theWorkstationKeepsTheTokenInTheKeychainAndLogoutDeletesIt()
    {
        Scenario scenario;
        QVERIFY(scenario.start());
        scenario.addAccount(account(QStringLiteral("anna"), QStringLiteral("Anna Berger"), 3));
        TokenVault vault;
        const QString key = AdvisorWorkstation::vaultKey(scenario.endpoint().url, QStringLiteral("anna"));
        QTemporaryDir shared;
        const QString settingsPath = shared.filePath(QStringLiteral("advisor.ini"));
        QByteArray token;
        {
            Workstation first(scenario, vault, {}, settingsPath);
            QVERIFY(first.start());
            QVERIFY(first->keychainAvailable());
            first.submitLogin(QStringLiteral("anna"), kTestPassword, true);
            QTRY_COMPARE_WITH_TIMEOUT(first->stage(), AdvisorWorkstation::Stage::Working, 10000);
            QTRY_COMPARE_WITH_TIMEOUT(readDirectly(key).first, QKeychain::NoError, 10000);
            token = readDirectly(key).second;
            QCOMPARE(token, first.client()->token());
            QVERIFY(!token.contains(kTestPassword.toUtf8()));
            QVERIFY2(filesContaining(token).isEmpty(), qPrintable(filesContaining(token).join(u", ")));
            QVERIFY(filesContaining(kTestPassword.toUtf8()).isEmpty());
            first->quit();
        }
        Workstation second(scenario, vault, {}, settingsPath);
        QVERIFY(second.start());
        QTRY_COMPARE_WITH_TIMEOUT(second->stage(), AdvisorWorkstation::Stage::Working, 10000);
        QVERIFY(!second.dialog()->isVisible());

        QTest::mouseClick(second.window()->findChild<QToolButton *>(QStringLiteral("logoutButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(second->stage(), AdvisorWorkstation::Stage::LoginForm, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(readDirectly(key).first, QKeychain::EntryNotFound, 10000);
        auto probe = consult::testing::makeAdvisor();
        QSignalSpy refused(probe.get(), &AdvisorClient::loginRefused);
        probe->loginWithToken(scenario.endpoint(), QStringLiteral("anna"), token);
        QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, 10000);
        QCOMPARE(refused.first().at(0).value<wire::ErrorCode>(), wire::ERROR_LOGIN_FAILED);
    }
};

CONSULT_WIDGET_TEST_MAIN(TestKeychain)
#include "TestKeychain.moc"
