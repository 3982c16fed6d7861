#pragma once

#include "CannedResponses.h"
#include "media/devices/MediaDevices.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QMenu;
class QPushButton;
class QFrame;
class QStackedWidget;
class QTabWidget;

namespace consult {
class AdvisorClient;
class ChatInput;
class ChatView;
class Consultation;
} // namespace consult

namespace consult::advisor {

class DocumentsPanel;
class FormsPanel;
class VideoPanel;
class WhiteboardPanel;

// One consultation: who the customer is, the chat (the shared ChatView, plain text only), the
// input with canned responses, and the state a glance must catch: typing, reconnecting, ended,
// handed over. Enter sends, Shift+Enter starts a new line, Ctrl+1..9 insert a canned response.
// Ending asks for confirmation. Every consultation has its WhiteboardPanel beside the chat (a chat's
// shown once it holds a document or on "Tafel"); a video consultation has its VideoPanel (the call)
// in the same place, "Tafel" switching between picture and board; Ctrl+Shift+K and Ctrl+Shift+M switch the advisor's
// camera and microphone. "Dokumente & Formulare" shows the consultation's DocumentsPanel and FormsPanel
// right of the chat (with a count of what arrived while they were hidden); files dropped on the chat
// are sent as documents. Binds to its Consultation (owned by the client; the panel goes before the client dismisses it)
// and hears only that consultation's events.
class ConsultationPanel final : public QWidget
{
    Q_OBJECT
public:
    // `devices` and `choice`: what a video consultation's call uses.
    ConsultationPanel(AdvisorClient &client, const QString &consultationId, const CannedResponses &canned,
                      media::MediaDevices &devices, const media::DeviceChoice &choice, QWidget *parent = nullptr);

    QString consultationId() const { return m_id; }
    QString customerName() const;
    bool isEnded() const;
    // Ended for this advisor because a colleague has it now.
    bool isTransferred() const;
    int unread() const { return m_unread; }
    // Whether the advisor is looking at this consultation (current tab, or focus inside it).
    void setActive(bool active);
    bool isActive() const { return m_active; }

    void send();
    void insertCanned(int index);
    void showCannedMenu();
    // A running consultation: asks, then ends it. An ended one: closes it.
    void endOrClose();
    void requestTransfer();
    void focusInput();

    ChatInput *input() const { return m_input; }
    ChatView *chatView() const { return m_chat; }
    QLabel *stateLabel() const { return m_state; }
    QMenu *cannedMenu() const { return m_cannedMenu; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *endButton() const { return m_end; }
    QPushButton *transferButton() const { return m_transfer; }
    // The video consultation's panel; nullptr for a chat.
    VideoPanel *videoPanel() const { return m_video; }
    // The consultation's whiteboard (video consultation and text chat alike).
    WhiteboardPanel *whiteboardPanel() const { return m_whiteboard; }
    QPushButton *boardButton() const { return m_boardButton; }
    // The consultation's documents and forms, in the "Dokumente & Formulare" area (null without a
    // consultation).
    DocumentsPanel *documentsPanel() const { return m_documents; }
    FormsPanel *formsPanel() const { return m_forms; }
    QTabWidget *exchangeArea() const { return m_exchange; }
    QPushButton *exchangeButton() const { return m_exchangeButton; }
    // What arrived (documents of the customer, submitted forms) while the area was hidden.
    int exchangeBadge() const { return m_exchangeBadge; }

Q_SIGNALS:
    void unreadChanged(int unread);
    void stateChanged();
    void closeRequested(const QString &consultationId);
    void deviceChoiceChanged(const consult::media::DeviceChoice &choice);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    Consultation *consultation() const { return m_consultation.data(); }
    void retranslate();
    void buildCannedMenu();
    void updateHeader();
    void updateState();
    void showNotice(const QString &text);
    void noteExchangeArrival();
    void updateExchangeButton();

    AdvisorClient &m_client;
    QString m_id;
    QPointer<Consultation> m_consultation;
    const CannedResponses &m_canned;
    QLabel *m_name;
    QLabel *m_details;
    QFrame *m_accent;
    QLabel *m_state;
    QLabel *m_unreadBadge;
    ChatView *m_chat;
    ChatInput *m_input;
    QPushButton *m_cannedButton;
    QMenu *m_cannedMenu;
    QPushButton *m_transfer;
    QPushButton *m_end;
    QPushButton *m_send;
    QPushButton *m_boardButton; // shows or hides the whiteboard
    VideoPanel *m_video = nullptr;
    WhiteboardPanel *m_whiteboard = nullptr;
    QStackedWidget *m_videoOrBoard = nullptr; // a video consultation's picture or board
    QPushButton *m_exchangeButton;            // shows or hides the documents and forms
    QTabWidget *m_exchange = nullptr;
    DocumentsPanel *m_documents = nullptr;
    FormsPanel *m_forms = nullptr;
    int m_exchangeBadge = 0;
    QString m_notice;         // a refusal to show until the next change
    QString m_transferTarget; // display name of the colleague asked to take over
    int m_unread = 0;
    bool m_active = false;
};

} // namespace consult::advisor
