#pragma once

#include "client/ClientConnection.h"
#include "client/CustomerClient.h"
#include "client/ServerEndpoint.h"
#include "client/call/VideoCall.h"
#include "media/devices/MediaDevices.h"

#include <QMainWindow>

#include <memory>
#include <optional>

class QLabel;
class QPushButton;
class QStackedWidget;

namespace consult {
class LanguageSwitcher;
} // namespace consult

namespace consult::customer {

class BoardKeepsake;
class ExchangeKeepsake;
class ConsentPage;
class ConsultationPage;
class EndPage;
class HeaderBar;
class LoginPage;
class MessagePage;
class MessageStoredPage;
class ModePage;
class StartPage;
class SystemCheckPage;
class WaitingPage;

// The customer app's window: a header (HeaderBar) with the bank's name and the language switch, a banner while
// the connection is being restored, and one page per step, chosen by CustomerClient::phaseChanged.
// Each start of the service chat is a new CustomerClient (a new session); nothing of an earlier one
// is kept (C4).
//
// The video consultation (seed 001) adds steps before the log-in is sent, which the window walks
// while the client reads the notices: the system check, the log-in form, the choice of connection
// (ModePage) and the permission for camera and microphone (ConsentPage). Mode and permission come
// before the log-in because the log-in carries the mode and the system check to the advisor's queue,
// and because the advisor's greeting must find the devices already allowed (no question popping up
// at that moment). The permission is kept for this consultation and ends with it.
class CustomerWindow final : public QMainWindow
{
    Q_OBJECT
public:
    struct Options
    {
        QString bankName;
        ServerEndpoint endpoint;
        ClientConnection::Settings connection;
        // The bank's telephone number for customers without microphone and speakers (ClientConfig).
        QString dialInNumber;
        // Where cameras, microphones and speakers come from; nullptr: Qt Multimedia, made when the
        // video consultation is first started. Tests pass synthetic devices; they outlive the window.
        media::MediaDevices *devices = nullptr;
        // The call's engine settings (media session, rate control, audio processing); the devices
        // and the switches in it are set by the window from the customer's choices.
        VideoCall::Options call;
    };

    CustomerWindow(Options options, LanguageSwitcher &language, QWidget *parent = nullptr);
    ~CustomerWindow() override;

    CustomerClient *client() const { return m_client.get(); }
    QStackedWidget *pages() const { return m_pages; }
    StartPage *startPage() const { return m_start; }
    LoginPage *loginPage() const { return m_login; }
    WaitingPage *waitingPage() const { return m_waiting; }
    MessagePage *messagePage() const { return m_message; }
    MessageStoredPage *messageStoredPage() const { return m_stored; }
    SystemCheckPage *systemCheckPage() const { return m_check; }
    ModePage *modePage() const { return m_mode; }
    ConsentPage *consentPage() const { return m_consent; }
    ConsultationPage *consultationPage() const { return m_consultation; }
    EndPage *endPage() const { return m_end; }
    QLabel *connectionBanner() const { return m_banner; }
    QPushButton *languageButton() const;
    // The settings entry that repeats the system check (video consultation).
    QPushButton *checkAgainButton() const;
    // The system check's result kept for this session (sent with the log-in), if there is one.
    const std::optional<wire::SystemCheck> &systemCheck() const { return m_systemCheck; }

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void connectPages();
    void retranslate();
    void startSession();
    void startVideoSession();
    void showVideoStep();
    void sendLogin(wire::ConsultationMode mode);
    media::MediaDevices &devices();
    void openCheck(bool repeat);
    void closeCheck();
    void startVideoCall();
    void stopVideoCall();
    void updateCheckOffer();
    void dropSession();
    // The end page keeps what the customer may still save: the kind of consultation for the
    // transcript's title and a copy of the whiteboard's marked-up pages.
    // `ended`: the server ended the consultation (its deletion receipt may have come); false: lost.
    void keepForEndPage(bool ended);
    // The smallest window for what is shown: the chat, the chat with a whiteboard, the video
    // consultation (pictures, whiteboard and chat); nothing is cut off at it.
    void updateMinimumSize();
    void goHome();
    void onPhaseChanged(CustomerClient::Phase phase);
    void onConnectionState(ClientConnection::State state);
    void sendMessage(const QString &text, const QString &callbackPhone);
    bool confirm(const QString &title, const QString &text, const QString &yes, const QString &no);

    Options m_options;
    LanguageSwitcher &m_language;
    std::unique_ptr<CustomerClient> m_client;
    bool m_composingMessage = false; // the customer chose to write a message while still waiting
    bool m_goHomeWhenEnded = false;
    bool m_closeWhenEnded = false;
    bool m_wasReconnecting = false;

    // The video consultation's steps before the log-in is sent (only while m_video).
    enum class VideoStep
    {
        Check,
        Login,
        Mode,
        Consent,
        Sent,
    };
    bool m_video = false;
    VideoStep m_videoStep = VideoStep::Check;
    std::optional<wire::SystemCheck> m_systemCheck; // kept for the session, sent with the log-in
    media::DeviceChoice m_choice;                   // remembered in QSettings (DevicePreferences)
    std::unique_ptr<media::MediaDevices> m_ownDevices;
    QWidget *m_checkReturn = nullptr; // the page a repeated check returns to
    bool m_devicesAllowed = false;    // the customer's "Zulassen", for this consultation only
    QString m_pendingName;
    QString m_pendingPhone;

    HeaderBar *m_header = nullptr;
    QLabel *m_banner = nullptr;
    QStackedWidget *m_pages = nullptr;
    StartPage *m_start = nullptr;
    LoginPage *m_login = nullptr;
    WaitingPage *m_waiting = nullptr;
    MessagePage *m_message = nullptr;
    MessageStoredPage *m_stored = nullptr;
    SystemCheckPage *m_check = nullptr;
    ModePage *m_mode = nullptr;
    ConsentPage *m_consent = nullptr;
    ConsultationPage *m_consultation = nullptr;
    EndPage *m_end = nullptr;
    BoardKeepsake *m_keepsake = nullptr;            // follows the consultation's whiteboard for the end page
    ExchangeKeepsake *m_exchangeKeepsake = nullptr; // follows its documents and forms for the end page
};

} // namespace consult::customer
