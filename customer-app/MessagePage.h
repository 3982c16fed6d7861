#pragma once

#include "protocol/consult.pb.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace consult {
class CustomerClient;
}

namespace consult::customer {

// A message for the advisors instead of waiting (seed 000 note, lesson 2): the text and the phone
// number for the call-back, already filled in from the log-in. Outside opening hours or with a full
// queue it is the only offer, with the reason, the opening hours and the next opening.
class MessagePage final : public QWidget
{
    Q_OBJECT
public:
    enum class Mode
    {
        InsteadOfWaiting, // the customer still holds a place in the queue
        Closed,           // outside opening hours
        QueueFull,
    };

    explicit MessagePage(QWidget *parent = nullptr);

    void setClient(CustomerClient *client);
    void setMode(Mode mode);
    void setSending(bool sending);

    QPlainTextEdit *textEdit() const { return m_text; }
    QLineEdit *phoneEdit() const { return m_phone; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *backButton() const { return m_back; }
    QLabel *reasonLabel() const { return m_reason; }
    QLabel *statusLabel() const { return m_status; } // why the last send was refused

Q_SIGNALS:
    void sendRequested(const QString &text, const QString &callbackPhone);
    void backToWaitingRequested();
    void cancelRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateState();
    void onRefused(wire::ErrorCode code, const QString &field, int retryAfterMs);

    CustomerClient *m_client = nullptr;
    Mode m_mode = Mode::InsteadOfWaiting;
    bool m_sending = false;
    bool m_phoneEdited = false;
    QString m_refusal;

    QLabel *m_heading = nullptr;
    QLabel *m_reason = nullptr;
    QLabel *m_textLabel = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QLabel *m_counter = nullptr;
    QLabel *m_reminder = nullptr;
    QLabel *m_phoneLabel = nullptr;
    QLineEdit *m_phone = nullptr;
    QLabel *m_phoneFeedback = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_back = nullptr;
};

} // namespace consult::customer
