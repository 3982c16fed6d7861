#pragma once

#include <QDialog>
#include <QTimer>
#include <QUrl>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace consult::advisor {

// The first window: server, user name, password and "stay logged in", and for an advisor with a
// second factor (A5) the six-digit code of the authenticator app, asked for once the server says so.
// It only collects and shows; the workstation logs in and tells it how that went (wrong credentials,
// a code required or wrong, a throttled account with a countdown, no keychain for "stay logged in",
// an unreachable server). Every text is plain text.
class LoginDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit LoginDialog(QWidget *parent = nullptr);

    void setServer(const QUrl &server);
    void setUsername(const QString &username);
    void setStayLoggedIn(bool stay);
    // False: no keychain reachable; "stay logged in" is off and the dialog says why (A6).
    void setKeychainAvailable(bool available);
    void setBusy(bool busy, const QString &status = {});
    void showError(const QString &message);
    // A2: the account is throttled; the log-in button stays off until the time has passed.
    void showThrottled(int retryAfterMs);
    void clearPassword();
    // A5: the server wants the one-time code: the code field appears with its hint, the password stays.
    void askForCode();
    // The code was refused: the message says so, the code is cleared, the password kept.
    void showWrongCode();
    bool codeAsked() const { return m_codeAsked; }

    QUrl server() const;
    QString username() const;
    bool stayLoggedIn() const;
    bool keychainAvailable() const { return m_keychainAvailable; }
    QString errorText() const;

Q_SIGNALS:
    // `oneTimeCode` is empty until askForCode(); then it is the six digits typed.
    void loginRequested(const QUrl &server, const QString &username, const QString &password, bool stayLoggedIn,
                        const QString &oneTimeCode);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void submit();
    void updateButton();
    void updateCountdown();
    void forgetCode();
    void announceError();

    QLineEdit *m_server;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QLineEdit *m_code;
    QCheckBox *m_stay;
    QLabel *m_title;
    QLabel *m_serverLabel;
    QLabel *m_usernameLabel;
    QLabel *m_passwordLabel;
    QLabel *m_codeLabel;
    QLabel *m_codeHint;
    QLabel *m_keychainNote;
    QLabel *m_status;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    QPushButton *m_login;
    QPushButton *m_quit;
    QTimer m_countdown;
    qint64 m_throttledUntilMs = 0;
    bool m_busy = false;
    bool m_keychainAvailable = true;
    bool m_codeAsked = false;
};

} // namespace consult::advisor
