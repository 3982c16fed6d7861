// The workstation's log-in, driven through its real dialog against a real in-process server: wrong
// credentials (one answer for all, A3), the lockout with its countdown (A2), success, "stay logged
// in" keeping only the revocable token (A6) and using it at the next start, log-out revoking it on
// the server and deleting it, a remembered token that no longer works, and no keychain at all; the
// second factor's code asked after the password (A5).
#include "MemoryTokenStore.h"
#include "WorkstationFixture.h"
#include "accounts/OneTimeCode.h"

#include <QCheckBox>
#include <QDateTime>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace consult;
using namespace consult::advisor;
using namespace consult::advisor::testing;
using consult::testing::Scenario;

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QPushButton *loginButton(LoginDialog *dialog)
{
    return dialog->findChild<QPushButton *>(QStringLiteral("loginButton"));
}

} // namespace

class TestAdvisorLogin final : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_scenario = std::make_unique<Scenario>();
        QVERIFY(m_scenario->start());
        m_scenario->addAccount(account(QStringLiteral("anna"), QStringLiteral("Anna Berger"), 3));
    }
    void cleanup() { m_scenario.reset(); }

    void aWrongPasswordIsRefusedLikeAnUnknownUserThenTheRightOneOpensTheWindow()
    {
        MemoryTokenStore vault;
        Workstation workstation(*m_scenario, vault);
        QVERIFY(workstation.start());
        QVERIFY(workstation.dialog()->isVisible());
        QCOMPARE(workstation.dialog()->server(), m_scenario->endpoint().url);

        workstation.submitLogin(QStringLiteral("anna"), QStringLiteral("falsches Passwort"));
        QTRY_COMPARE_WITH_TIMEOUT(workstation.dialog()->errorText(),
                                  QStringLiteral("Benutzername oder Passwort ist falsch."), 10000);
        QCOMPARE(workstation->stage(), AdvisorWorkstation::Stage::LoginForm);
        QVERIFY(workstation.dialog()->findChild<QLineEdit *>(QStringLiteral("password"))->text().isEmpty());

        // A3: an unknown user reads exactly the same (the error is cleared when the log-in is sent).
        workstation.submitLogin(QStringLiteral("niemand"), QStringLiteral("falsches Passwort"));
        QCOMPARE(workstation.dialog()->errorText(), QString());
        QTRY_COMPARE_WITH_TIMEOUT(workstation.dialog()->errorText(),
                                  QStringLiteral("Benutzername oder Passwort ist falsch."), 10000);
        QCOMPARE(workstation->stage(), AdvisorWorkstation::Stage::LoginForm);

        workstation.submitLogin(QStringLiteral("anna"), kTestPassword);
        QTRY_COMPARE_WITH_TIMEOUT(workstation->stage(), AdvisorWorkstation::Stage::Working, 10000);
        QVERIFY(workstation.window()->isVisible());
        QVERIFY(!workstation.dialog()->isVisible());
        QVERIFY(workstation.window()->windowTitle().contains(QStringLiteral("Anna Berger")));
        // Availability is in view from the start.
        QTRY_VERIFY_WITH_TIMEOUT(workstation.window()->availableButton()->isChecked(), 5000);
        QVERIFY(workstation.window()->availableButton()->isVisible());
        QVERIFY(workstation.window()->pauseButton()->isVisible());
        // Nothing secret in the preferences, and no token kept without "stay logged in".
        const QByteArray preferences = fileBytes(workstation.settingsFile());
        QVERIFY(preferences.contains("anna"));
        QVERIFY(!preferences.contains(kTestPassword.toUtf8()));
        QVERIFY(vault.entries.isEmpty());
    }

    void theLockoutIsShownPlainlyAndLiftsAfterTheWait()
    {
        MemoryTokenStore vault;
        Workstation workstation(*m_scenario, vault);
        QVERIFY(workstation.start());
        // A2: after five failures in a row the account waits (1 s, 2 s, ...).
        for (int i = 0; i < 5; ++i) {
            workstation.submitLogin(QStringLiteral("anna"), QStringLiteral("falsch %1").arg(i));
            QTRY_VERIFY_WITH_TIMEOUT(workstation.dialog()->errorText().contains(QStringLiteral("falsch")), 10000);
            QTRY_COMPARE_WITH_TIMEOUT(workstation->stage(), AdvisorWorkstation::Stage::LoginForm, 10000);
        }
        workstation.submitLogin(QStringLiteral("anna"), kTestPassword);
        QTRY_VERIFY_WITH_TIMEOUT(
            workstation.dialog()->errorText().startsWith(QStringLiteral("Zu viele fehlgeschlagene Anmeldungen")),
            10000);
        QVERIFY(workstation.dialog()->errorText().contains(QStringLiteral("0:0")));
        QVERIFY(!loginButton(workstation.dialog())->isEnabled());
        QCOMPARE(workstation->stage(), AdvisorWorkstation::Stage::LoginForm);

        // When the wait is over the dialog says so, and the right password gets in.
        QTRY_COMPARE_WITH_TIMEOUT(workstation.dialog()->errorText(),
                                  QStringLiteral("Sie können es jetzt erneut versuchen."), 10000);
        workstation.submitLogin(QStringLiteral("anna"), kTestPassword);
        QTRY_COMPARE_WITH_TIMEOUT(workstation->stage(), AdvisorWorkstation::Stage::Working, 10000);
    }

    void stayLoggedInKeepsOnlyTheTokenAndTheNextStartNeedsNoPassword()
    {
        MemoryTokenStore vault;
        QString settingsPath;
        QByteArray token;
        QTemporaryDir shared;
        settingsPath = shared.filePath(QStringLiteral("advisor.ini"));
        {
            Workstation first(*m_scenario, vault, {}, settingsPath);
            QVERIFY(first.logIn(QStringLiteral("anna"), true));
            const QString key = AdvisorWorkstation::vaultKey(m_scenario->endpoint().url, QStringLiteral("anna"));
            QTRY_VERIFY_WITH_TIMEOUT(vault.entries.contains(key), 5000);
            token = vault.entries.value(key);
            QCOMPARE(token, first.client()->token());
            QVERIFY(token.size() >= 16);
            QCOMPARE(vault.entries.size(), 1);
            QVERIFY(!token.contains(kTestPassword.toUtf8()));
            // A6: neither the token nor the password in the preferences file.
            const QByteArray preferences = fileBytes(settingsPath);
            QVERIFY(!preferences.contains(token));
            QVERIFY(!preferences.contains(token.toBase64()));
            QVERIFY(!preferences.contains(token.toHex()));
            QVERIFY(!preferences.contains(kTestPassword.toUtf8()));
            first->quit(); // the app closes; "stay logged in" keeps the token valid
            QTRY_COMPARE_WITH_TIMEOUT(first->stage(), AdvisorWorkstation::Stage::Finished, 5000);
        }

        Workstation second(*m_scenario, vault, {}, settingsPath);
        QSignalSpy stages(&*second, &AdvisorWorkstation::stageChanged);
        QVERIFY(second.start());
        QTRY_COMPARE_WITH_TIMEOUT(second->stage(), AdvisorWorkstation::Stage::Working, 10000);
        for (const QList<QVariant> &stage : stages)
            QVERIFY(stage.first().value<AdvisorWorkstation::Stage>() != AdvisorWorkstation::Stage::LoginForm);
        QCOMPARE(second.client()->displayName(), QStringLiteral("Anna Berger"));
        QVERIFY(!second.dialog()->isVisible());
    }

    void logoutRevokesTheTokenOnTheServerAndDeletesTheEntry()
    {
        MemoryTokenStore vault;
        Workstation workstation(*m_scenario, vault);
        QVERIFY(workstation.logIn(QStringLiteral("anna"), true));
        const QString key = AdvisorWorkstation::vaultKey(m_scenario->endpoint().url, QStringLiteral("anna"));
        QTRY_VERIFY_WITH_TIMEOUT(vault.entries.contains(key), 5000);
        const QByteArray token = vault.entries.value(key);

        QTest::mouseClick(workstation.window()->findChild<QToolButton *>(QStringLiteral("logoutButton")),
                          Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(workstation->stage(), AdvisorWorkstation::Stage::LoginForm, 10000);
        QVERIFY(workstation.dialog()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(vault.entries.isEmpty(), 5000);
        QVERIFY(!workstation.dialog()->findChild<QCheckBox *>(QStringLiteral("stayLoggedIn"))->isChecked());

        // The server refuses the old token.
        auto probe = consult::testing::makeAdvisor();
        QSignalSpy refused(probe.get(), &AdvisorClient::loginRefused);
        probe->loginWithToken(m_scenario->endpoint(), QStringLiteral("anna"), token);
        QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, 10000);
        QCOMPARE(refused.first().at(0).value<wire::ErrorCode>(), wire::ERROR_LOGIN_FAILED);
        QCOMPARE(probe->phase(), AdvisorClient::Phase::Idle);
    }

    void aRememberedTokenThatNoLongerWorksIsForgottenAndThePasswordAsked()
    {
        MemoryTokenStore vault;
        QTemporaryDir shared;
        const QString settingsPath = shared.filePath(QStringLiteral("advisor.ini"));
        {
            QSettings settings(settingsPath, QSettings::IniFormat);
            settings.setValue(QStringLiteral("login/server"), m_scenario->endpoint().url.toString());
            settings.setValue(QStringLiteral("login/username"), QStringLiteral("anna"));
            settings.setValue(QStringLiteral("login/stay_logged_in"), true);
        }
        const QString key = AdvisorWorkstation::vaultKey(m_scenario->endpoint().url, QStringLiteral("anna"));
        vault.entries.insert(key, QByteArray(32, 'x'));
        Workstation workstation(*m_scenario, vault, {}, settingsPath);
        workstation->start();
        QTRY_COMPARE_WITH_TIMEOUT(workstation->stage(), AdvisorWorkstation::Stage::LoginForm, 10000);
        QVERIFY(workstation.dialog()->errorText().contains(QStringLiteral("nicht mehr gültig")));
        QTRY_VERIFY_WITH_TIMEOUT(vault.entries.isEmpty(), 5000);
        QCOMPARE(workstation.dialog()->username(), QStringLiteral("anna"));
    }

    void withoutAKeychainTheDialogSaysSoAndAsksForThePasswordEachTime()
    {
        MemoryTokenStore vault;
        vault.available = false;
        QTemporaryDir shared;
        const QString settingsPath = shared.filePath(QStringLiteral("advisor.ini"));
        {
            Workstation workstation(*m_scenario, vault, {}, settingsPath);
            QVERIFY(workstation.start());
            auto *note = workstation.dialog()->findChild<QLabel *>(QStringLiteral("keychainNote"));
            QVERIFY(note->isVisible());
            QVERIFY(note->text().contains(QStringLiteral("Kein Schlüsselbund")));
            auto *stay = workstation.dialog()->findChild<QCheckBox *>(QStringLiteral("stayLoggedIn"));
            QVERIFY(!stay->isEnabled());
            QVERIFY(!stay->isChecked());
            workstation.submitLogin(QStringLiteral("anna"), kTestPassword, true);
            QTRY_COMPARE_WITH_TIMEOUT(workstation->stage(), AdvisorWorkstation::Stage::Working, 10000);
            QVERIFY(!workstation->preferences().stayLoggedIn);
            workstation->quit();
        }
        Workstation again(*m_scenario, vault, {}, settingsPath);
        QVERIFY(again.start());
        QCOMPARE(again->stage(), AdvisorWorkstation::Stage::LoginForm);
        QVERIFY(again.dialog()->isVisible());
    }

    void anUnreachableServerIsSaidPlainly()
    {
        MemoryTokenStore vault;
        Workstation workstation(*m_scenario, vault);
        QVERIFY(workstation.start());
        auto *server = workstation.dialog()->findChild<QLineEdit *>(QStringLiteral("server"));
        server->clear();
        QTest::keyClicks(server, QStringLiteral("wss://localhost:1"));
        workstation.submitLogin(QStringLiteral("anna"), kTestPassword);
        QTRY_VERIFY_WITH_TIMEOUT(
            workstation.dialog()->errorText().startsWith(QStringLiteral("Der Server ist nicht erreichbar")), 15000);
        QCOMPARE(workstation->stage(), AdvisorWorkstation::Stage::LoginForm);
        // Corrected, the same dialog logs in.
        server->clear();
        QTest::keyClicks(server, m_scenario->endpoint().url.toString());
        workstation.submitLogin(QStringLiteral("anna"), kTestPassword);
        QTRY_COMPARE_WITH_TIMEOUT(workstation->stage(), AdvisorWorkstation::Stage::Working, 10000);
    }

    void anEnrolledAdvisorTypesTheCodeAfterThePasswordAndAWrongCodeKeepsThePassword()
    {
        // A5: the code field appears with its hint once the server asks for it; it takes six
        // digits only; Enter submits; a wrong code says so and keeps the password; the right one logs in.
        const QByteArray secret = OneTimeCode::newSecret();
        QVERIFY(m_scenario->server().core().advisorStore().setTotpSecret(QStringLiteral("anna"), secret).value());
        MemoryTokenStore vault;
        Workstation workstation(*m_scenario, vault);
        QVERIFY(workstation.start());
        LoginDialog *dialog = workstation.dialog();
        auto *code = dialog->findChild<QLineEdit *>(QStringLiteral("oneTimeCode"));
        auto *hint = dialog->findChild<QLabel *>(QStringLiteral("codeHint"));
        auto *password = dialog->findChild<QLineEdit *>(QStringLiteral("password"));
        QVERIFY(code && hint && password);
        QVERIFY(!code->isVisible());
        QVERIFY(!hint->isVisible());

        workstation.submitLogin(QStringLiteral("anna"), kTestPassword);
        QTRY_VERIFY_WITH_TIMEOUT(code->isVisible(), 10000);
        QVERIFY(hint->isVisible());
        QVERIFY(hint->text().contains(QStringLiteral("sechsstelligen Code")));
        QCOMPARE(workstation->stage(), AdvisorWorkstation::Stage::LoginForm);
        QCOMPARE(password->text(), kTestPassword);
        QCOMPARE(dialog->errorText(), QString());
        QTRY_VERIFY_WITH_TIMEOUT(code->hasFocus(), 2000);
        // Digits only, six at most; the button waits for all six.
        QTest::keyClicks(code, QStringLiteral("12a3-45"));
        QCOMPARE(code->text(), QStringLiteral("12345"));
        QVERIFY(!loginButton(dialog)->isEnabled());

        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QString wrong = QStringLiteral("000000");
        while (wrong == OneTimeCode::codeAt(secret, now - 30'000) || wrong == OneTimeCode::codeAt(secret, now) ||
               wrong == OneTimeCode::codeAt(secret, now + 30'000) || wrong == OneTimeCode::codeAt(secret, now + 60'000))
            wrong = QStringLiteral("%1").arg(wrong.toInt() + 111111, 6, 10, QLatin1Char('0'));
        code->clear();
        QTest::keyClicks(code, wrong);
        QTest::keyClick(code, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->errorText().startsWith(QStringLiteral("Der Code ist falsch")), 10000);
        QCOMPARE(workstation->stage(), AdvisorWorkstation::Stage::LoginForm);
        QCOMPARE(password->text(), kTestPassword);
        QVERIFY(code->isVisible());
        QVERIFY(code->text().isEmpty());

        QTest::keyClicks(code, OneTimeCode::codeAt(secret, QDateTime::currentMSecsSinceEpoch()));
        QTest::keyClick(code, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(workstation->stage(), AdvisorWorkstation::Stage::Working, 10000);
    }

private:
    std::unique_ptr<Scenario> m_scenario;
};

CONSULT_WIDGET_TEST_MAIN(TestAdvisorLogin)
#include "TestAdvisorLogin.moc"
