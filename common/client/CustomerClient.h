#pragma once

#include "ChatModel.h"
#include "ClientConnection.h"
#include "TypingNotifier.h"

#include <QDateTime>
#include <QObject>

#include <memory>

namespace consult {

// Everything a customer does with the service (seed 000): connect and receive the notices, log in
// with name and phone, wait with position and expected wait or leave a message, chat with the
// advisor, end. The customer app is a view over this; tests drive it directly.
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

    void start(const ServerEndpoint &endpoint);
    const QList<wire::Notice> &notices() const { return m_notices; }
    const wire::ServiceHours &serviceHours() const { return m_serviceHours; }

    // Logs in accepting the notices as delivered; the app shows and asks for each before calling this.
    void login(const QString &name, const QString &phone, wire::ConsultationMode mode, const QString &systemCheck = {});
    void leaveMessage(const QString &text, const QString &callbackPhone = {});
    void leaveQueue();
    // Returns the line's client id; the line appears in chat() at once as "sending".
    QString sendChat(const QString &text);
    void noteTyping();
    void endConsultation();

    Phase phase() const { return m_phase; }
    const wire::QueueStatus &queueStatus() const { return m_queueStatus; }
    QString name() const { return m_name; }
    QString phoneE164() const { return m_phoneE164; }
    QString advisorName() const { return m_advisorName; }
    QString consultationId() const { return m_consultationId; }
    QDateTime consultationStartedAt() const { return m_startedAt; }
    QDateTime consultationEndedAt() const { return m_endedAt; }
    wire::EndReason endReason() const { return m_endReason; }
    wire::PeerState peerState() const { return m_peerState; }
    bool peerTyping() const { return m_peerTyping; }
    ChatModel *chat() const { return m_chat.get(); }

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
    void onEnvelope(const wire::Envelope &envelope);
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
    QString m_advisorName;
    QString m_consultationId;
    QDateTime m_startedAt;
    QDateTime m_endedAt;
    wire::EndReason m_endReason = wire::END_REASON_UNSPECIFIED;
    wire::PeerState m_peerState = wire::PEER_STATE_CONNECTED;
    bool m_peerTyping = false;
    std::unique_ptr<ChatModel> m_chat;
    TypingNotifier m_typing;
    quint32 m_lastRequestId = 0;
    quint32 m_loginRequestId = 0;
    quint32 m_messageRequestId = 0;
    quint64 m_nextClientMessage = 1;
};

} // namespace consult
