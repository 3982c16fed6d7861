#include "AdvisorWorkstation.h"

#include "LoginDialog.h"
#include "MainWindow.h"
#include "StatusTexts.h"
#include "TokenStore.h"
#include "WaitingAlert.h"
#include "media/devices/QtMediaDevices.h"

#include <QAbstractButton>
#include <QApplication>
#include <QInputDialog>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>

namespace consult::advisor {

Q_LOGGING_CATEGORY(lcWorkstation, "consult.advisor.workstation")

namespace {
constexpr int kLogoutWaitMs = 3000; // how long log-out and quit wait for the server's confirmation
} // namespace

AdvisorWorkstation::AdvisorWorkstation(Options options, TokenStore &vault, QSettings &settings, const Clock &clock,
                                       QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_vault(vault)
    , m_settings(settings)
    , m_clock(clock)
    , m_preferences(WorkstationSettings::load(settings))
    , m_canned(CannedResponses::load(m_options.cannedResponsesPath))
{
    if (!m_preferences.server.isValid())
        m_preferences.server = m_options.endpoint.url;
    m_dialog = std::make_unique<LoginDialog>();
    connect(m_dialog.get(), &LoginDialog::loginRequested, this, &AdvisorWorkstation::onLoginRequested);
    connect(m_dialog.get(), &QDialog::rejected, this, &AdvisorWorkstation::quit);
    setLanguage(m_preferences.language);
    newClient();
}

AdvisorWorkstation::~AdvisorWorkstation()
{
    delete m_window.data();
}

MainWindow *AdvisorWorkstation::mainWindow() const
{
    return m_window.data();
}

QString AdvisorWorkstation::vaultKey(const QUrl &server, const QString &username)
{
    return QStringLiteral("%1@%2:%3").arg(username.trimmed().toLower(), server.host().toLower()).arg(server.port(443));
}

QString AdvisorWorkstation::currentKey() const
{
    return vaultKey(m_preferences.server, m_username);
}

void AdvisorWorkstation::newClient()
{
    if (m_client) {
        m_client->disconnect(this);
        m_client.release()->deleteLater(); // we may be inside one of its signals
    }
    m_options.connection.language = m_preferences.language;
    m_client = std::make_unique<AdvisorClient>(m_options.connection, m_clock);
    connect(m_client.get(), &AdvisorClient::loggedIn, this, &AdvisorWorkstation::onLoggedIn);
    connect(m_client.get(), &AdvisorClient::loginRefused, this, &AdvisorWorkstation::onLoginRefused);
    connect(m_client.get(), &AdvisorClient::phaseChanged, this, &AdvisorWorkstation::onPhaseChanged);
    connect(m_client.get(), &AdvisorClient::sessionExpired, this, [this] {
        m_vault.remove(currentKey(), [](const TokenStore::Answer &) {});
        endSession(StatusTexts::loginRefusal(wire::ERROR_SESSION_EXPIRED, 0));
    });
}

void AdvisorWorkstation::start()
{
    m_username = m_preferences.username;
    m_dialog->setServer(m_preferences.server);
    m_dialog->setUsername(m_username);
    setStage(Stage::LoggingIn);
    // One read tells whether a keychain answers at all, and gives the remembered token if there is one.
    const bool remembered = m_preferences.stayLoggedIn && !m_username.isEmpty();
    const QString key = remembered ? currentKey() : vaultKey(m_preferences.server, QStringLiteral("-"));
    m_vault.read(key, [this, remembered](const TokenStore::Answer &answer) {
        m_keychainAvailable = answer.outcome != TokenStore::Outcome::Unavailable;
        m_dialog->setKeychainAvailable(m_keychainAvailable);
        m_dialog->setStayLoggedIn(m_preferences.stayLoggedIn);
        if (remembered && answer.outcome == TokenStore::Outcome::Done && !answer.token.isEmpty()) {
            m_tokenLogin = true;
            m_stayRequested = true;
            m_dialog->setBusy(true, tr("Anmeldung mit der gespeicherten Anmeldung …"));
            m_dialog->show();
            ServerEndpoint endpoint = m_options.endpoint;
            endpoint.url = m_preferences.server;
            m_client->loginWithToken(endpoint, m_username, answer.token);
            return;
        }
        showLoginForm({});
    });
}

void AdvisorWorkstation::onLoginRequested(const QUrl &server, const QString &username, const QString &password,
                                          bool stay, const QString &oneTimeCode)
{
    if (m_client->phase() == AdvisorClient::Phase::Failed || m_client->phase() == AdvisorClient::Phase::LoggedOut)
        newClient();
    m_preferences.server = server;
    m_username = username;
    m_stayRequested = stay && m_keychainAvailable;
    m_tokenLogin = false;
    ServerEndpoint endpoint = m_options.endpoint;
    endpoint.url = server;
    setStage(Stage::LoggingIn);
    m_dialog->setBusy(true, tr("Anmeldung läuft …"));
    m_client->loginWithPassword(endpoint, username, password, oneTimeCode);
}

void AdvisorWorkstation::onLoggedIn()
{
    m_preferences.username = m_username;
    m_preferences.stayLoggedIn = m_stayRequested;
    m_preferences.save(m_settings);
    m_dialog->setBusy(false);
    m_dialog->clearPassword();
    m_dialog->showError({});
    showMainWindow();
    if (!m_keychainAvailable)
        return;
    const QByteArray token = m_client->token();
    if (m_stayRequested && !token.isEmpty()) {
        // A6: the revocable token, never the password.
        m_vault.write(currentKey(), token, [this](const TokenStore::Answer &answer) {
            if (answer.outcome != TokenStore::Outcome::Done && m_window)
                m_window->announce(tr("Die Anmeldung konnte nicht im Schlüsselbund gespeichert werden. Beim nächsten "
                                      "Start werden Sie nach dem Passwort gefragt."),
                                   15000);
        });
    } else if (!m_stayRequested) {
        m_vault.remove(currentKey(), [](const TokenStore::Answer &) {}); // an older one is of no use now
    }
}

void AdvisorWorkstation::onLoginRefused(wire::ErrorCode code, int retryAfterMs)
{
    m_dialog->setBusy(false);
    if (m_tokenLogin) {
        // The remembered token expired or was revoked: forget it and ask for the password.
        m_tokenLogin = false;
        m_vault.remove(currentKey(), [](const TokenStore::Answer &) {});
        showLoginForm(code == wire::ERROR_LOGIN_THROTTLED
                          ? StatusTexts::loginRefusal(code, retryAfterMs)
                          : tr("Ihre gespeicherte Anmeldung ist nicht mehr gültig. Bitte melden Sie sich mit Ihrem "
                               "Passwort an."));
        return;
    }
    setStage(Stage::LoginForm);
    // A5: the password was right and a code is needed, or the code was wrong: the password stays.
    if (code == wire::ERROR_SECOND_FACTOR_REQUIRED) {
        m_dialog->askForCode();
        return;
    }
    if (code == wire::ERROR_LOGIN_FAILED && m_dialog->codeAsked()) {
        m_dialog->showWrongCode();
        return;
    }
    if (code == wire::ERROR_LOGIN_THROTTLED)
        m_dialog->showThrottled(retryAfterMs);
    else
        m_dialog->showError(StatusTexts::loginRefusal(code, retryAfterMs));
    m_dialog->clearPassword();
}

void AdvisorWorkstation::onPhaseChanged(AdvisorClient::Phase phase)
{
    if (phase == AdvisorClient::Phase::LoggedOut) {
        if (m_stage == Stage::Finished)
            return;
        endSession(m_stage == Stage::LoggingOut ? QString()
                                                : StatusTexts::loginRefusal(wire::ERROR_SESSION_EXPIRED, 0));
        return;
    }
    if (phase != AdvisorClient::Phase::Failed || m_stage == Stage::Finished)
        return;
    const QString reason = StatusTexts::connectionFailure(m_client->connection().failure());
    if (m_stage == Stage::LoggingIn) {
        m_tokenLogin = false;
        m_dialog->setBusy(false);
        showLoginForm(reason);
        newClient();
        return;
    }
    endSession(reason);
}

void AdvisorWorkstation::showMainWindow()
{
    delete m_window.data();
    if (!m_options.devices) {
        // Made on first use, not at start-up: Qt Multimedia looks at the machine's devices when asked.
        m_ownDevices = std::make_unique<media::QtMediaDevices>(m_clock);
        m_options.devices = m_ownDevices.get();
    }
    m_window = new MainWindow(*m_client, m_clock, m_canned, *m_options.devices);
    m_window->setDeviceChoice(m_preferences.devices);
    m_window->setAttribute(Qt::WA_DeleteOnClose, false);
    m_window->setSideBySide(m_preferences.sideBySide);
    m_window->setLanguageChecked(m_preferences.language);
    m_window->waitingAlert()->setInterval(std::chrono::seconds(m_preferences.alertIntervalSeconds));
    connect(m_window, &MainWindow::logoutRequested, this, &AdvisorWorkstation::logout);
    connect(m_window, &MainWindow::quitRequested, this, &AdvisorWorkstation::quit);
    connect(m_window, &MainWindow::languageRequested, this, &AdvisorWorkstation::setLanguage);
    connect(m_window, &MainWindow::alertIntervalRequested, this, &AdvisorWorkstation::askAlertInterval);
    connect(m_window, &MainWindow::deviceChoiceChanged, this, [this](const media::DeviceChoice &choice) {
        m_preferences.devices = choice;
        m_preferences.save(m_settings);
    });
    connect(m_window, &MainWindow::sideBySideChanged, this, [this](bool on) {
        m_preferences.sideBySide = on;
        m_preferences.save(m_settings);
    });
    m_dialog->hide();
    m_window->show();
    m_window->activateWindow();
    setStage(Stage::Working);
}

void AdvisorWorkstation::showLoginForm(const QString &error)
{
    m_dialog->setBusy(false);
    m_dialog->setUsername(m_username);
    m_dialog->setStayLoggedIn(m_preferences.stayLoggedIn);
    m_dialog->showError(error);
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
    setStage(Stage::LoginForm);
}

void AdvisorWorkstation::endSession(const QString &reason)
{
    if (m_window) {
        m_window->hide();
        m_window->deleteLater();
        m_window.clear();
    }
    newClient();
    showLoginForm(reason);
}

void AdvisorWorkstation::logout()
{
    if (m_stage != Stage::Working)
        return;
    const int running = m_client->status().active_consultations();
    if (running > 0 && m_window) {
        QMessageBox confirm(
            QMessageBox::Warning, tr("Abmelden?"),
            tr("Es laufen noch %1 Beratungen. Beim Abmelden werden sie für die Kunden beendet.").arg(running),
            QMessageBox::Yes | QMessageBox::No, m_window);
        confirm.setObjectName(QStringLiteral("confirmLogout"));
        confirm.setDefaultButton(QMessageBox::No);
        confirm.button(QMessageBox::Yes)->setText(tr("Abmelden"));
        confirm.button(QMessageBox::No)->setText(tr("Abbrechen"));
        if (confirm.exec() != QMessageBox::Yes)
            return;
    }
    setStage(Stage::LoggingOut);
    // A6: the server revokes the token, and the keychain forgets it.
    m_preferences.stayLoggedIn = false;
    m_preferences.save(m_settings);
    m_vault.remove(currentKey(), [](const TokenStore::Answer &answer) {
        if (answer.outcome != TokenStore::Outcome::Done)
            qCWarning(lcWorkstation) << "the keychain entry could not be deleted:" << answer.detail;
    });
    m_client->logout();
    QPointer<AdvisorClient> client(m_client.get());
    QTimer::singleShot(kLogoutWaitMs, this, [this, client] {
        if (client && client == m_client.get() && m_stage == Stage::LoggingOut)
            endSession({}); // the server did not confirm in time; the token is gone from here anyway
    });
}

void AdvisorWorkstation::quit()
{
    if (m_stage == Stage::Finished)
        return;
    const bool revoke = m_client->phase() == AdvisorClient::Phase::Ready && !m_preferences.stayLoggedIn;
    setStage(Stage::Finished);
    if (m_window)
        m_window->hide();
    m_dialog->hide();
    if (!revoke) {
        m_client->connection().close();
        Q_EMIT finished();
        return;
    }
    // Without "stay logged in" nothing should outlive the program: the server revokes the token.
    connect(m_client.get(), &AdvisorClient::phaseChanged, this, [this](AdvisorClient::Phase phase) {
        if (phase == AdvisorClient::Phase::LoggedOut || phase == AdvisorClient::Phase::Failed)
            Q_EMIT finished();
    });
    QTimer::singleShot(kLogoutWaitMs, this, &AdvisorWorkstation::finished);
    m_client->logout();
}

void AdvisorWorkstation::setLanguage(const QString &language)
{
    m_language.setLanguage(language);
    m_preferences.language = m_language.language();
    m_preferences.save(m_settings);
    if (m_window)
        m_window->setLanguageChecked(m_preferences.language);
}

void AdvisorWorkstation::setAlertInterval(int seconds)
{
    m_preferences.alertIntervalSeconds =
        qBound(WorkstationSettings::kMinAlertIntervalSeconds, seconds, WorkstationSettings::kMaxAlertIntervalSeconds);
    m_preferences.save(m_settings);
    if (m_window)
        m_window->waitingAlert()->setInterval(std::chrono::seconds(m_preferences.alertIntervalSeconds));
}

void AdvisorWorkstation::askAlertInterval()
{
    bool ok = false;
    const int seconds = QInputDialog::getInt(
        m_window, tr("Erinnerung an Wartende"),
        tr("Solange jemand wartet und Sie verfügbar sind, erinnern Ton und Hinweis alle … Sekunden:"),
        m_preferences.alertIntervalSeconds, WorkstationSettings::kMinAlertIntervalSeconds,
        WorkstationSettings::kMaxAlertIntervalSeconds, 5, &ok);
    if (ok)
        setAlertInterval(seconds);
}

void AdvisorWorkstation::setStage(Stage stage)
{
    if (m_stage == stage)
        return;
    m_stage = stage;
    Q_EMIT stageChanged(stage);
}

} // namespace consult::advisor
