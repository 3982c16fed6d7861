#pragma once

#include "protocol/consult.pb.h"

#include <QWidget>

class QFrame;
class QLabel;
class QPushButton;

namespace consult {
class ChatView;
class CustomerClient;
} // namespace consult

namespace consult::customer {

class ChatInput;

// The consultation (seed 000 steps 3 and 4): the advisor's greeting and the chat with times, own
// and advisor lines distinct, delivery state and typing indicator; always in view the reminder never
// to send passwords, PINs, TANs or user IDs and that the chat takes no binding orders (C3).
class ConsultationPage final : public QWidget
{
    Q_OBJECT
public:
    explicit ConsultationPage(QWidget *parent = nullptr);

    void setClient(CustomerClient *client);
    // After the send guard let a line go: the field is emptied.
    void clearInput();
    void focusInput();
    // After "Bearbeiten": selects what the send guard found, in the text as sent (trimmed).
    void selectInInput(qsizetype start, qsizetype length);

    ChatInput *input() const { return m_input; }
    ChatView *chatView() const { return m_chat; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *endButton() const { return m_end; }
    QLabel *typingLabel() const { return m_typing; }
    QLabel *peerLabel() const { return m_peer; }

Q_SIGNALS:
    void sendRequested(const QString &text);
    void endRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void submit();
    void onChatRefused(const QString &clientMessageId, wire::ErrorCode code);

    CustomerClient *m_client = nullptr;
    wire::ErrorCode m_refusal = wire::ERROR_UNSPECIFIED;

    QLabel *m_heading = nullptr;
    QLabel *m_peer = nullptr;
    QPushButton *m_end = nullptr;
    QFrame *m_reminderBox = nullptr;
    QLabel *m_noSecrets = nullptr;
    QLabel *m_noOrders = nullptr;
    ChatView *m_chat = nullptr;
    QLabel *m_typing = nullptr;
    QLabel *m_status = nullptr;
    ChatInput *m_input = nullptr;
    QPushButton *m_send = nullptr;
    QLabel *m_keys = nullptr;
};

} // namespace consult::customer
