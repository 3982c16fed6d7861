#pragma once

#include "protocol/consult.pb.h"

#include <QWidget>

class QFrame;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace consult {
class ChatInput;
class ChatView;
class ConnectionIndicator;
class Consultation;
class CustomerClient;
} // namespace consult

namespace consult::customer {

class DocumentsPanel;
class FormsPanel;
class VideoPanel;
class WhiteboardPanel;

// The consultation (seed 000 steps 3 and 4): the advisor's greeting and the chat with times, own
// and advisor lines distinct, delivery state and typing indicator; always in view the reminder never
// to send passwords, PINs, TANs or user IDs and that the chat takes no binding orders (C3), and the
// connection indicator. Binds to the client's Consultation; sends through its chat, so the send
// guard (C2, C3) asks before anything suspicious leaves. In the video consultation the VideoPanel
// sits beside the chat, so the customer talks and writes at the same time (seed 001 step 6). When the
// advisor opens a document, the WhiteboardPanel appears above the video (seed 001 step 7). The
// documents (DocumentsPanel) are always there beside the chat, and files dropped anywhere on the page
// are sent; a form the advisor sends appears above them (FormsPanel, seed 002).
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
    // Sends what is in the field (Enter, the button): through the send guard.
    void submit();

    ChatInput *input() const { return m_input; }
    ChatView *chatView() const { return m_chat; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *endButton() const { return m_end; }
    QLabel *typingLabel() const { return m_typing; }
    QLabel *peerLabel() const { return m_peer; }
    ConnectionIndicator *connectionIndicator() const { return m_indicator; }
    VideoPanel *videoPanel() const { return m_video; }
    WhiteboardPanel *whiteboardPanel() const { return m_board; }
    DocumentsPanel *documentsPanel() const { return m_documents; }
    FormsPanel *formsPanel() const { return m_forms; }
    // Shows the video beside the chat (the window starts and stops the call in it).
    void setVideo(bool video);

Q_SIGNALS:
    void endRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    // Shows the whiteboard, the video and the forms as they are wanted, the video compact below a
    // whiteboard or a form; the documents always.
    void arrange();
    void onChatRefused(const QString &clientMessageId, wire::ErrorCode code);

    CustomerClient *m_client = nullptr;
    Consultation *m_consultation = nullptr; // the client's; lives as long as it
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
    ConnectionIndicator *m_indicator = nullptr;
    VideoPanel *m_video = nullptr;
    WhiteboardPanel *m_board = nullptr;
    DocumentsPanel *m_documents = nullptr;
    FormsPanel *m_forms = nullptr;
    QVBoxLayout *m_mainColumn = nullptr;
    QHBoxLayout *m_body = nullptr;
    bool m_videoShown = false;
};

} // namespace consult::customer
