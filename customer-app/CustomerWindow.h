#pragma once

#include "client/ClientConnection.h"
#include "client/CustomerClient.h"
#include "client/ServerEndpoint.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QPushButton;
class QStackedWidget;

namespace consult {
class LanguageSwitcher;
} // namespace consult

namespace consult::customer {

class ConsultationPage;
class EndPage;
class HeaderBar;
class LoginPage;
class MessagePage;
class MessageStoredPage;
class StartPage;
class WaitingPage;

// The customer app's window: a header (HeaderBar) with the bank's name and the language switch, a banner while
// the connection is being restored, and one page per step, chosen by CustomerClient::phaseChanged.
// Each start of the service chat is a new CustomerClient (a new session); nothing of an earlier one
// is kept (C4).
class CustomerWindow final : public QMainWindow
{
    Q_OBJECT
public:
    struct Options
    {
        QString bankName;
        ServerEndpoint endpoint;
        ClientConnection::Settings connection;
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
    ConsultationPage *consultationPage() const { return m_consultation; }
    EndPage *endPage() const { return m_end; }
    QLabel *connectionBanner() const { return m_banner; }
    QPushButton *languageButton() const;

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void connectPages();
    void retranslate();
    void startSession();
    void dropSession();
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

    HeaderBar *m_header = nullptr;
    QLabel *m_banner = nullptr;
    QStackedWidget *m_pages = nullptr;
    StartPage *m_start = nullptr;
    LoginPage *m_login = nullptr;
    WaitingPage *m_waiting = nullptr;
    MessagePage *m_message = nullptr;
    MessageStoredPage *m_stored = nullptr;
    ConsultationPage *m_consultation = nullptr;
    EndPage *m_end = nullptr;
};

} // namespace consult::customer
