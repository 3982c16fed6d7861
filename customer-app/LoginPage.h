#pragma once

#include "protocol/consult.pb.h"

#include <QList>
#include <QSet>
#include <QWidget>

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace consult {
class CustomerClient;
}

namespace consult::customer {

// Log-in (seed 000 step 2): name and a phone number for call-backs, checked as the customer types
// with the normalised number shown; the security, legal and privacy notices as the server delivered
// them, each to be read and accepted; then "Anmelden" (in the video consultation "Weiter" to the
// choice of connection, seed 001 steps 3 and 4). Shows every refusal in the customer's words.
class LoginPage final : public QWidget
{
    Q_OBJECT
public:
    enum class State
    {
        Connecting,
        Ready,
        LoggingIn,
        Failed, // no connection: the text says why; retry is offered
    };

    explicit LoginPage(QWidget *parent = nullptr);

    // A new session: the notices come from this client.
    void setClient(CustomerClient *client);
    void setState(State state, const QString &failure = {});
    // Forgets everything entered and accepted (back at the start: the next customer begins afresh).
    void reset();
    // The video consultation's log-in: its heading, and "Weiter" to the choice of connection, since
    // the log-in is sent only once mode and consent are known.
    void setVideo(bool video);
    bool isVideo() const { return m_video; }

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *phoneEdit() const { return m_phone; }
    QPushButton *loginButton() const { return m_login; }
    QPushButton *retryButton() const { return m_retry; }
    QList<QCheckBox *> noticeChecks() const;

Q_SIGNALS:
    void loginRequested(const QString &name, const QString &phone);
    void retryRequested();
    void cancelRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    struct NoticeRow
    {
        wire::Notice notice;
        QCheckBox *check = nullptr;
        QPushButton *read = nullptr;
    };
    void retranslate();
    void rebuildNotices();
    void openNotice(NoticeRow &row);
    void onLoginRefused(wire::ErrorCode code, const QString &field, int retryAfterMs);
    void updateName();
    void updatePhone();
    void updateLoginButton();
    void submit();

    struct Refusal
    {
        wire::ErrorCode code;
        QString field;
        int retryAfterMs;
    };

    CustomerClient *m_client = nullptr;
    std::optional<Refusal> m_refusal;
    State m_state = State::Connecting;
    bool m_video = false;
    QString m_failure;
    QString m_serverNameError;
    QString m_serverPhoneError;
    // By notice version, so that both survive a new session with the same notices (language switch).
    QSet<QString> m_readVersions;     // read through the dialog and accepted there
    QSet<QString> m_acceptedVersions; // currently ticked
    QList<NoticeRow> m_notices;

    QLabel *m_heading = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_hours = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_nameFeedback = nullptr;
    QLabel *m_phoneLabel = nullptr;
    QLineEdit *m_phone = nullptr;
    QLabel *m_phoneFeedback = nullptr;
    QLabel *m_noticesHeading = nullptr;
    QWidget *m_noticeBox = nullptr;
    QLabel *m_missing = nullptr;
    QPushButton *m_login = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace consult::customer
