#pragma once

#include "CannedResponses.h"
#include "WorkstationSettings.h"
#include "client/AdvisorClient.h"
#include "client/ServerEndpoint.h"

#include "widgets/LanguageSwitcher.h"
#include <QObject>
#include <QPointer>

#include <memory>

class QSettings;

namespace consult::advisor {

class LoginDialog;
class MainWindow;
class TokenStore;

// The advisor workstation as a whole: decides what is on screen and owns the session. Starts with
// the remembered token when "stay logged in" was chosen and the keychain has one, else with the
// log-in dialog; after log-in it shows the main window; log-out revokes the token on the server
// and deletes it from the keychain (A6); an expired or lost session returns to the dialog with the
// reason. Also the language (German by default, English on request) and the preferences.
class AdvisorWorkstation final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        ServerEndpoint endpoint; // the default server, its key pins and extra CA (C1)
        ClientConnection::Settings connection;
        QString cannedResponsesPath; // empty: the built-in set
        // Cameras, microphones and speakers for video consultations; not owned, outlives the
        // workstation. nullptr: the machine's own through Qt Multimedia (tests inject synthetic ones).
        media::MediaDevices *devices = nullptr;
    };

    enum class Stage
    {
        Idle,
        LoggingIn,  // waiting for the server (password or remembered token)
        LoginForm,  // the dialog waits for the advisor
        Working,    // logged in, main window shown
        LoggingOut, // log-out sent, waiting for the server to confirm
        Finished,   // the app should quit
    };
    Q_ENUM(Stage)

    AdvisorWorkstation(Options options, TokenStore &vault, QSettings &settings, const Clock &clock,
                       QObject *parent = nullptr);
    ~AdvisorWorkstation() override;

    void start();
    void logout();
    void quit();
    void setLanguage(const QString &language);
    void setAlertInterval(int seconds);

    Stage stage() const { return m_stage; }
    bool keychainAvailable() const { return m_keychainAvailable; }
    QString language() const { return m_preferences.language; }
    const WorkstationSettings &preferences() const { return m_preferences; }
    LoginDialog *loginDialog() const { return m_dialog.get(); }
    MainWindow *mainWindow() const;
    AdvisorClient *client() const { return m_client.get(); }
    const CannedResponses &cannedResponses() const { return m_canned; }
    // The keychain entry of `username` on `server`.
    static QString vaultKey(const QUrl &server, const QString &username);

Q_SIGNALS:
    void stageChanged(consult::advisor::AdvisorWorkstation::Stage stage);
    void finished();

private:
    void newClient();
    void onLoginRequested(const QUrl &server, const QString &username, const QString &password, bool stay,
                          const QString &oneTimeCode);
    void onLoggedIn();
    void onLoginRefused(wire::ErrorCode code, int retryAfterMs);
    void onPhaseChanged(AdvisorClient::Phase phase);
    void showMainWindow();
    void showLoginForm(const QString &error);
    void endSession(const QString &reason);
    void setStage(Stage stage);
    void askAlertInterval();
    QString currentKey() const;

    Options m_options;
    TokenStore &m_vault;
    QSettings &m_settings;
    const Clock &m_clock;
    WorkstationSettings m_preferences;
    CannedResponses m_canned;
    std::unique_ptr<media::MediaDevices> m_ownDevices; // Qt Multimedia's, when none were given
    std::unique_ptr<AdvisorClient> m_client;
    std::unique_ptr<LoginDialog> m_dialog;
    QPointer<MainWindow> m_window;
    LanguageSwitcher m_language{QStringLiteral(":/i18n/advisor_en.qm")};
    Stage m_stage = Stage::Idle;
    bool m_keychainAvailable = true;
    bool m_tokenLogin = false; // the log-in under way uses the remembered token
    bool m_stayRequested = false;
    QString m_username;
};

} // namespace consult::advisor
