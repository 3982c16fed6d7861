#pragma once

#include "AdvisorQueueModel.h"
#include "ChatModel.h"
#include "ClientConnection.h"
#include "InboxModel.h"
#include "TypingNotifier.h"
#include "client/consultation/Consultation.h"
#include "client/documents/ConsultationDocuments.h"
#include "client/whiteboard/ConsultationWhiteboard.h"

#include <QDateTime>
#include <QObject>
#include <QSet>

#include <map>
#include <memory>

namespace consult {

// One consultation of the advisor's workstation: a Consultation, also readable under the names its
// fields had when it was a plain struct. Those are read-only live views of the Consultation's state,
// kept so that code written against the struct (tests/integration) still compiles; they hide the
// accessors of the same name, so new code holds a `Consultation *` and uses the accessors.
class AdvisorConsultation final : public Consultation
{
public:
    AdvisorConsultation(ClientConnection &connection, const Clock &clock, std::function<QString()> nextClientMessageId,
                        QObject *parent = nullptr);

    const QString &id;
    const QString &customerName;
    const QString &customerPhoneE164;
    const wire::ConsultationMode &mode;
    const QDateTime &startedAt;
    const qint64 &waitedMs;
    const std::unique_ptr<ChatModel> &chat;
    const std::unique_ptr<TypingNotifier> &typing;
    const wire::PeerState &peerState;
    const bool &peerTyping;
    const bool &ended;
    const wire::EndReason &endReason;
    const QString &transferredFrom; // the colleague who handed it over (empty if taken from the queue)
    const QString &transferredTo;   // END_REASON_TRANSFERRED: the colleague who has it now
};

// Everything an advisor does with the service: log in (password or token), availability, the live
// queue, taking customers, several consultations at once, handing one to a colleague, and the inbox
// of left messages. The advisor app is a view over this; tests drive it directly. Every message from
// the server goes through one dispatch table (dispatch()): session-level ones to their handler here,
// consultation-scoped ones to their Consultation (dropped and counted if the id is unknown).
class AdvisorClient final : public QObject
{
    Q_OBJECT
public:
    enum class Phase
    {
        Idle,
        Connecting,
        LoggingIn,
        Ready,
        LoggedOut,
        Failed
    };
    Q_ENUM(Phase)

    explicit AdvisorClient(ClientConnection::Settings settings, const Clock &clock, QObject *parent = nullptr);
    ~AdvisorClient() override;

    ClientConnection &connection() { return *m_connection; }

    // Connects (if needed) and logs in. The token is the one from an earlier log-in ("stay logged in").
    // `oneTimeCode`: the six digits of the advisor's authenticator app, once the server refused the
    // password alone with ERROR_SECOND_FACTOR_REQUIRED (A5).
    void loginWithPassword(const ServerEndpoint &endpoint, const QString &username, const QString &password,
                           const QString &oneTimeCode = {});
    void loginWithToken(const ServerEndpoint &endpoint, const QString &username, const QByteArray &token);
    void logout();
    void setAvailable(bool available);
    void takeNext();
    void take(const QString &entryId);
    void markInboxItemDone(const QString &itemId);
    QString sendChat(const QString &consultationId, const QString &text);
    void noteTyping(const QString &consultationId);
    void endConsultation(const QString &consultationId);
    // Hands the consultation to the colleague `username` (from colleagues()); the answer is either
    // consultationEnded(id, END_REASON_TRANSFERRED) or transferRefused(id, code).
    void transfer(const QString &consultationId, const QString &username);
    // Forgets an ended consultation (its tab was closed).
    void dismiss(const QString &consultationId);
    // The supervisor overview (issue 14), for an advisor with the role (isSupervisor()): the live
    // figures, answered by overviewReceived, and the statistics from `since` (the local midnight of
    // the first day wanted), answered by statisticsReceived; refusals by overviewRefused.
    void requestOverview();
    void requestStatistics(const QDateTime &since);

    Phase phase() const { return m_phase; }
    QString displayName() const { return m_displayName; }
    // The account has the supervisor role, as the log-in said (the server checks each request again).
    bool isSupervisor() const { return m_supervisor; }
    QByteArray token() const { return m_token; }
    QDateTime tokenExpiresAt() const { return m_tokenExpiresAt; }
    const wire::AdvisorStatus &status() const { return m_status; }
    // The colleagues who could receive a transfer now, as the server last said (AdvisorStatus).
    QList<wire::Colleague> colleagues() const;
    AdvisorQueueModel *queue() const { return m_queue.get(); }
    InboxModel *inbox() const { return m_inbox.get(); }
    // The consultation with this id (until dismissed), or nullptr. Views bind to it.
    Consultation *findConsultation(const QString &id) const;
    // The same, readable under the former field names (AdvisorConsultation).
    AdvisorConsultation *consultation(const QString &id) const;
    QStringList consultationIds() const;
    // The forms this advisor can send (the server's form library, sent after the log-in).
    const wire::FormLibrary &formLibrary() const { return m_formLibrary; }
    // Messages for a consultation this client does not have (never their content: only counted).
    quint64 droppedMessages() const { return m_droppedMessages; }

Q_SIGNALS:
    void phaseChanged(consult::AdvisorClient::Phase phase);
    void loggedIn(const QString &displayName);
    void loginRefused(consult::wire::ErrorCode code, int retryAfterMs);
    void sessionExpired();
    void statusChanged(const consult::wire::AdvisorStatus &status);
    void consultationStarted(const QString &consultationId);
    void consultationEnded(const QString &consultationId, consult::wire::EndReason reason);
    void peerPresenceChanged(const QString &consultationId, consult::wire::PeerState state);
    void peerTypingChanged(const QString &consultationId, bool typing);
    // TakeCustomer and the inbox "done" can be refused (empty queue, capacity, someone else was faster).
    void requestRefused(consult::wire::ErrorCode code, const QString &message);
    void chatRefused(const QString &consultationId, const QString &clientMessageId, consult::wire::ErrorCode code);
    void transferRefused(const QString &consultationId, consult::wire::ErrorCode code);
    void formLibraryChanged();
    void overviewReceived(const consult::wire::SupervisorOverview &overview);
    void statisticsReceived(const consult::wire::SupervisorStatistics &statistics);
    // A request for the overview or the statistics was refused (not a supervisor, asked too often).
    void overviewRefused(consult::wire::ErrorCode code);

private:
    void sendLogin(wire::AdvisorLogin login);
    void dispatch(const wire::Envelope &envelope);
    void route(const std::string &consultationId, const wire::Envelope &envelope);
    void onLoginAccepted(const wire::AdvisorLoginAccepted &accepted);
    void onError(const wire::Error &error);
    void addConsultation(const wire::ConsultationStarted &started);
    void setPhase(Phase phase);
    quint32 nextRequestId() { return ++m_lastRequestId; }

    std::unique_ptr<ClientConnection> m_connection;
    const Clock &m_clock;
    Phase m_phase = Phase::Idle;
    QString m_displayName;
    bool m_supervisor = false;
    QSet<quint32> m_overviewRequests; // request ids of the supervisor overview not answered yet
    QByteArray m_token;
    QDateTime m_tokenExpiresAt;
    wire::AdvisorStatus m_status;
    std::unique_ptr<AdvisorQueueModel> m_queue;
    std::unique_ptr<InboxModel> m_inbox;
    std::map<std::string, std::unique_ptr<AdvisorConsultation>, std::less<>> m_consultations; // by wire id
    QHash<quint32, QString> m_consultationOfTransfer; // request id -> consultation
    quint32 m_lastRequestId = 0;
    quint32 m_loginRequestId = 0;
    quint64 m_nextClientMessage = 1;
    // Shared by the whiteboards of all consultations on this connection (client_op_ids, bulk streams).
    std::shared_ptr<ConsultationWhiteboard::SessionNumbers> m_boardNumbers =
        std::make_shared<ConsultationWhiteboard::SessionNumbers>();
    // Shared by the documents of all consultations on this connection (transfer ids, bulk streams).
    std::shared_ptr<ConsultationDocuments::SessionNumbers> m_documentNumbers =
        std::make_shared<ConsultationDocuments::SessionNumbers>();
    wire::BoardLimits m_boardLimits; // the server's [whiteboard] limits, from the log-in; each board gets them
    wire::FormLibrary m_formLibrary;
    quint64 m_droppedMessages = 0;
};

} // namespace consult
