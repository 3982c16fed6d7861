#pragma once

#include "ChatModel.h"
#include "ClientConnection.h"
#include "TypingNotifier.h"
#include "client/consultation/Consultation.h"
#include "client/linkcheck/ConnectionCheck.h"

#include <QDateTime>
#include <QObject>

#include <memory>

namespace consult {

// Everything a customer does with the service (seed 000): connect and receive the notices, log in
// with name and phone, wait with position and expected wait or leave a message, chat with the
// advisor, end. The customer app is a view over this; tests drive it directly. It holds one
// Consultation from the start (Pending until an advisor takes the customer); its views bind to it.
// Every message from the server goes through one dispatch table (dispatch()). The chat's send guard
// (C2, C3) is on: the app answers its questions through setSendConfirmation().
class CustomerClient final : public QObject
{
    Q_OBJECT
public:
    enum class Phase
    {
        Idle,
        Connecting,     // opening the connection
        ReadingNotices, // connected; the notices are there to be read and accepted
        LoggingIn,
        Waiting,     // in the queue
        MessageOnly, // closed or queue full: only a message is possible
        SendingMessage,
        MessageStored, // done: the message is stored
        Consulting,
        Ended,  // the consultation is over (or left the queue)
        Failed, // the connection failed or the session was lost; see connection().failure()
    };
    Q_ENUM(Phase)

    explicit CustomerClient(ClientConnection::Settings settings, const Clock &clock, QObject *parent = nullptr);
    ~CustomerClient() override;

    ClientConnection &connection() { return *m_connection; }
    // The connection line of the video consultation's system check, measured against this server
    // before log-in (or while waiting, to repeat it).
    ConnectionCheck *connectionCheck() const { return m_connectionCheck.get(); }

    void start(const ServerEndpoint &endpoint);
    const QList<wire::Notice> &notices() const { return m_notices; }
    const wire::ServiceHours &serviceHours() const { return m_serviceHours; }

    // Logs in accepting the notices as delivered; the app shows and asks for each before calling this.
    // `systemCheck`: the video consultation's system check (nullptr for the service chat).
    void login(const QString &name, const QString &phone, wire::ConsultationMode mode,
               const wire::SystemCheck *systemCheck = nullptr);
    void leaveMessage(const QString &text, const QString &callbackPhone = {});
    void leaveQueue();
    // The system check was repeated while waiting: the advisors' queue shows the new result (the
    // server ignores it for the service chat). Returns whether it was sent (only while waiting).
    bool updateSystemCheck(const wire::SystemCheck &check);
    // Sends without the send guard (tests, tools); views send through consultation()->chat()->submit().
    // Returns the line's client id; the line appears in chat() at once as "sending".
    QString sendChat(const QString &text);
    void noteTyping();
    void endConsultation();
    // How the app asks the customer about what the send guard found (C2, C3). Without one, a text
    // with findings is never sent.
    void setSendConfirmation(SendGuard::Confirmation confirmation);

    Phase phase() const { return m_phase; }
    const wire::QueueStatus &queueStatus() const { return m_queueStatus; }
    QString name() const { return m_name; }
    QString phoneE164() const { return m_phoneE164; }
    // The consultation (Pending until it starts); the accessors below read it.
    Consultation *consultation() const { return m_consultation.get(); }
    QString advisorName() const { return m_consultation->peer().name; }
    QString consultationId() const { return m_consultation->id(); }
    QDateTime consultationStartedAt() const { return m_consultation->startedAt(); }
    QDateTime consultationEndedAt() const { return m_consultation->endedAt(); }
    wire::EndReason endReason() const { return m_consultation->endReason(); }
    wire::PeerState peerState() const { return m_consultation->peer().presence; }
    bool peerTyping() const { return m_consultation->chat()->peerTyping(); }
    ChatModel *chat() const { return m_consultation->chat()->model(); }
    // Messages for another consultation than ours (never their content: only counted).
    quint64 droppedMessages() const { return m_droppedMessages; }

Q_SIGNALS:
    void phaseChanged(consult::CustomerClient::Phase phase);
    void noticesReceived();
    // The server refused the log-in: code, the refused field ("name", "phone") and when to retry.
    void loginRefused(consult::wire::ErrorCode code, const QString &field, int retryAfterMs);
    void queueStatusChanged(const consult::wire::QueueStatus &status);
    void messageStored(const QDateTime &storedAt, int retentionDays);
    void messageRefused(consult::wire::ErrorCode code, const QString &field, int retryAfterMs);
    void consultationStarted(const QString &advisorName);
    // The advisor handed the consultation to a colleague, who carries on in the same chat.
    void advisorChanged(const QString &advisorName);
    void consultationEnded(consult::wire::EndReason reason);
    void peerPresenceChanged(consult::wire::PeerState state);
    void peerTypingChanged(bool typing);
    void chatRefused(const QString &clientMessageId, consult::wire::ErrorCode code);

private:
    void dispatch(const wire::Envelope &envelope);
    void route(const std::string &consultationId, const wire::Envelope &envelope);
    void onConsultationStarted(const wire::ConsultationStarted &started);
    void onError(const wire::Error &error);
    void setPhase(Phase phase);
    quint32 nextRequestId() { return ++m_lastRequestId; }

    std::unique_ptr<ClientConnection> m_connection;
    const Clock &m_clock;
    Phase m_phase = Phase::Idle;
    QList<wire::Notice> m_notices;
    wire::ServiceHours m_serviceHours;
    wire::QueueStatus m_queueStatus;
    QString m_name;
    QString m_phoneE164;
    std::unique_ptr<Consultation> m_consultation;
    std::unique_ptr<ConnectionCheck> m_connectionCheck;
    quint32 m_lastRequestId = 0;
    quint32 m_loginRequestId = 0;
    quint32 m_messageRequestId = 0;
    quint64 m_nextClientMessage = 1;
    quint64 m_droppedMessages = 0;
};

} // namespace consult
