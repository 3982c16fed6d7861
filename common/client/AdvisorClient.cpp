#include "AdvisorClient.h"

#include "client/consultation/ConsultationRouting.h"
#include "client/forms/ConsultationForms.h"
#include "client/whiteboard/ConsultationWhiteboard.h"
#include "core/Clock.h"
#include "protocol/EnvelopeCodec.h"

#include <QLoggingCategory>

namespace consult {

namespace {
Q_LOGGING_CATEGORY(lcAdvisorClient, "consult.client.advisor")
} // namespace

AdvisorConsultation::AdvisorConsultation(ClientConnection &connection, const Clock &clock,
                                         std::function<QString()> nextClientMessageId, QObject *parent)
    : Consultation(connection, clock, wire::PARTY_ADVISOR, std::move(nextClientMessageId), parent)
    , id(m_id)
    , customerName(m_peer.name)
    , customerPhoneE164(m_customerPhoneE164)
    , mode(m_mode)
    , startedAt(m_startedAt)
    , waitedMs(m_waitedMs)
    , chat(m_chat->modelHandle())
    , typing(m_chat->typingHandle())
    , peerState(m_peer.presence)
    , peerTyping(m_chat->peerTypingHandle())
    , ended(m_ended)
    , endReason(m_endReason)
    , transferredFrom(m_transferredFrom)
    , transferredTo(m_transferredTo)
{}

AdvisorClient::AdvisorClient(ClientConnection::Settings settings, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_queue(std::make_unique<AdvisorQueueModel>())
    , m_inbox(std::make_unique<InboxModel>())
{
    settings.kind = wire::CLIENT_KIND_ADVISOR;
    m_connection = std::make_unique<ClientConnection>(std::move(settings), clock);
    connect(m_connection.get(), &ClientConnection::envelopeReceived, this, &AdvisorClient::dispatch);
    connect(m_connection.get(), &ClientConnection::stateChanged, this, [this](ClientConnection::State state) {
        if (state == ClientConnection::State::Closed && m_phase != Phase::LoggedOut)
            setPhase(Phase::Failed);
    });
}

AdvisorClient::~AdvisorClient() = default;

void AdvisorClient::loginWithPassword(const ServerEndpoint &endpoint, const QString &username, const QString &password,
                                      const QString &oneTimeCode)
{
    wire::AdvisorLogin login;
    login.set_username(username.toStdString());
    login.set_password(password.toStdString());
    if (!oneTimeCode.isEmpty())
        login.set_one_time_code(oneTimeCode.toStdString());
    if (m_connection->state() != ClientConnection::State::Connected &&
        m_connection->state() != ClientConnection::State::Reconnecting)
        m_connection->open(endpoint);
    sendLogin(std::move(login));
}

void AdvisorClient::loginWithToken(const ServerEndpoint &endpoint, const QString &username, const QByteArray &token)
{
    wire::AdvisorLogin login;
    login.set_username(username.toStdString());
    login.set_token(token.constData(), static_cast<size_t>(token.size()));
    if (m_connection->state() != ClientConnection::State::Connected &&
        m_connection->state() != ClientConnection::State::Reconnecting)
        m_connection->open(endpoint);
    sendLogin(std::move(login));
}

void AdvisorClient::sendLogin(wire::AdvisorLogin login)
{
    m_loginRequestId = nextRequestId();
    login.set_request_id(m_loginRequestId);
    wire::Envelope envelope;
    *envelope.mutable_advisor_login() = std::move(login);
    setPhase(Phase::LoggingIn);
    m_connection->send(std::move(envelope));
}

void AdvisorClient::logout()
{
    wire::Envelope envelope;
    envelope.mutable_advisor_logout();
    m_connection->send(std::move(envelope));
}

void AdvisorClient::setAvailable(bool available)
{
    wire::Envelope envelope;
    envelope.mutable_set_availability()->set_available(available);
    m_connection->send(std::move(envelope));
}

void AdvisorClient::takeNext()
{
    take({});
}

void AdvisorClient::take(const QString &entryId)
{
    wire::Envelope envelope;
    envelope.mutable_take_customer()->set_request_id(nextRequestId());
    envelope.mutable_take_customer()->set_entry_id(entryId.toStdString());
    m_connection->send(std::move(envelope));
}

void AdvisorClient::requestOverview()
{
    const quint32 requestId = nextRequestId();
    m_overviewRequests.insert(requestId);
    wire::Envelope envelope;
    envelope.mutable_supervisor_overview_request()->set_request_id(requestId);
    m_connection->send(std::move(envelope));
}

void AdvisorClient::requestStatistics(const QDateTime &since)
{
    const quint32 requestId = nextRequestId();
    m_overviewRequests.insert(requestId);
    wire::Envelope envelope;
    envelope.mutable_supervisor_statistics_request()->set_request_id(requestId);
    envelope.mutable_supervisor_statistics_request()->set_since(since.toMSecsSinceEpoch());
    m_connection->send(std::move(envelope));
}

void AdvisorClient::markInboxItemDone(const QString &itemId)
{
    wire::Envelope envelope;
    envelope.mutable_mark_inbox_item_done()->set_request_id(nextRequestId());
    envelope.mutable_mark_inbox_item_done()->set_item_id(itemId.toStdString());
    m_connection->send(std::move(envelope));
}

QString AdvisorClient::sendChat(const QString &consultationId, const QString &text)
{
    Consultation *consultation = findConsultation(consultationId);
    return consultation ? consultation->chat()->send(text) : QString();
}

void AdvisorClient::noteTyping(const QString &consultationId)
{
    if (Consultation *consultation = findConsultation(consultationId))
        consultation->chat()->noteTyping();
}

void AdvisorClient::endConsultation(const QString &consultationId)
{
    wire::Envelope envelope;
    envelope.mutable_end_consultation()->set_consultation_id(consultationId.toStdString());
    m_connection->send(std::move(envelope));
}

void AdvisorClient::transfer(const QString &consultationId, const QString &username)
{
    const quint32 requestId = nextRequestId();
    m_consultationOfTransfer.insert(requestId, consultationId);
    wire::Envelope envelope;
    auto *request = envelope.mutable_transfer_consultation();
    request->set_request_id(requestId);
    request->set_consultation_id(consultationId.toStdString());
    request->set_to_advisor(username.toStdString());
    m_connection->send(std::move(envelope));
}

QList<wire::Colleague> AdvisorClient::colleagues() const
{
    return {m_status.colleagues().begin(), m_status.colleagues().end()};
}

void AdvisorClient::dismiss(const QString &consultationId)
{
    auto it = m_consultations.find(consultationId.toStdString());
    if (it != m_consultations.end() && it->second->isEnded())
        m_consultations.erase(it);
}

AdvisorConsultation *AdvisorClient::consultation(const QString &id) const
{
    const auto it = m_consultations.find(id.toStdString());
    return it == m_consultations.end() ? nullptr : it->second.get();
}

Consultation *AdvisorClient::findConsultation(const QString &id) const
{
    return consultation(id);
}

QStringList AdvisorClient::consultationIds() const
{
    QStringList ids;
    for (const auto &[id, consultation] : m_consultations)
        ids.append(QString::fromStdString(id));
    return ids;
}

// The client's dispatch table: every message from the server, exactly once, to the one place that
// handles it (as ServerCore::dispatch does on the server).
void AdvisorClient::dispatch(const wire::Envelope &envelope)
{
    if (const std::string *consultationId = routedConsultationId(envelope)) {
        route(*consultationId, envelope);
        return;
    }
    switch (envelope.body_case()) {
    case wire::Envelope::kAdvisorLoginAccepted:
        onLoginAccepted(envelope.advisor_login_accepted());
        return;
    case wire::Envelope::kAdvisorStatus:
        m_status = envelope.advisor_status();
        Q_EMIT statusChanged(m_status);
        return;
    case wire::Envelope::kQueueSnapshot:
        m_queue->applySnapshotPage(envelope.queue_snapshot()); // I9: paged
        return;
    case wire::Envelope::kQueueEntryAdded:
        m_queue->add(envelope.queue_entry_added().entry());
        return;
    case wire::Envelope::kQueueEntryUpdated:
        m_queue->update(envelope.queue_entry_updated().entry());
        return;
    case wire::Envelope::kQueueEntryRemoved:
        m_queue->remove(QString::fromStdString(envelope.queue_entry_removed().entry_id()));
        return;
    case wire::Envelope::kInboxSnapshot:
        m_inbox->applySnapshotPage(envelope.inbox_snapshot());
        return;
    case wire::Envelope::kInboxItemAdded:
        m_inbox->add(envelope.inbox_item_added().item());
        return;
    case wire::Envelope::kInboxItemRemoved:
        m_inbox->remove(QString::fromStdString(envelope.inbox_item_removed().item_id()));
        return;
    case wire::Envelope::kConsultationStarted:
        addConsultation(envelope.consultation_started());
        return;
    case wire::Envelope::kFormLibrary:
        m_formLibrary = envelope.form_library();
        Q_EMIT formLibraryChanged();
        return;
    case wire::Envelope::kSupervisorOverview:
        m_overviewRequests.remove(envelope.supervisor_overview().request_id());
        Q_EMIT overviewReceived(envelope.supervisor_overview());
        return;
    case wire::Envelope::kSupervisorStatistics:
        m_overviewRequests.remove(envelope.supervisor_statistics().request_id());
        Q_EMIT statisticsReceived(envelope.supervisor_statistics());
        return;
    case wire::Envelope::kSessionClosed:
        setPhase(envelope.session_closed().reason() == wire::SESSION_CLOSE_REASON_LOGGED_OUT ? Phase::LoggedOut
                                                                                             : Phase::Failed);
        return;
    case wire::Envelope::kError:
        if (const std::string refused = refusedConsultationId(envelope.error()); !refused.empty()) {
            route(refused, envelope); // a part's message (the whiteboard's): that part is told
            return;
        }
        onError(envelope.error());
        return;
    default:
        return;
    }
}

void AdvisorClient::route(const std::string &consultationId, const wire::Envelope &envelope)
{
    const auto it = m_consultations.find(consultationId);
    if (it == m_consultations.end()) {
        // Late messages of a dismissed consultation land here too; the content is never logged.
        ++m_droppedMessages;
        qCDebug(lcAdvisorClient) << "dropped" << protocol::bodyName(envelope.body_case())
                                 << "for a consultation this workstation does not have";
        return;
    }
    it->second->dispatch(envelope);
}

void AdvisorClient::onLoginAccepted(const wire::AdvisorLoginAccepted &accepted)
{
    m_displayName = QString::fromStdString(accepted.display_name());
    if (!accepted.token().empty())
        m_token = QByteArray::fromStdString(accepted.token());
    m_tokenExpiresAt = QDateTime::fromMSecsSinceEpoch(accepted.expires_at(), Qt::UTC);
    m_boardLimits = accepted.board_limits();
    m_supervisor = accepted.supervisor();
    setPhase(Phase::Ready);
    Q_EMIT loggedIn(m_displayName);
}

void AdvisorClient::addConsultation(const wire::ConsultationStarted &started)
{
    auto consultation = std::make_unique<AdvisorConsultation>(
        *m_connection, m_clock, [this] { return QStringLiteral("a%1").arg(m_nextClientMessage++); });
    Consultation *c = consultation.get();
    c->begin(started, m_displayName);
    auto board = std::make_unique<ConsultationWhiteboard>(*c, wire::PARTY_ADVISOR, m_boardNumbers);
    board->setLimits(m_boardLimits);
    c->addPart(std::move(board));
    c->addPart(std::make_unique<ConsultationDocuments>(*c, wire::PARTY_ADVISOR, m_documentNumbers));
    c->addPart(std::make_unique<ConsultationForms>(*c, wire::PARTY_ADVISOR));
    const QString id = c->id();
    // The client's own signals, for views of all consultations (tabs, status); a consultation's view
    // binds to the Consultation itself.
    connect(c->chat(), &ConsultationChat::peerTypingChanged, this,
            [this, id](bool typing) { Q_EMIT peerTypingChanged(id, typing); });
    connect(c, &Consultation::peerPresenceChanged, this,
            [this, id](wire::PeerState state) { Q_EMIT peerPresenceChanged(id, state); });
    connect(c, &Consultation::ended, this, [this, id](wire::EndReason reason) {
        m_consultationOfTransfer.removeIf([&id](const auto &entry) { return entry.value() == id; });
        Q_EMIT consultationEnded(id, reason);
    });
    m_consultations[started.consultation_id()] = std::move(consultation);
    Q_EMIT consultationStarted(id);
}

void AdvisorClient::onError(const wire::Error &error)
{
    if (!error.reference().empty()) {
        // A refused chat line: the consultation whose chat has it marks it failed.
        const QString clientId = QString::fromStdString(error.reference());
        QString consultationId;
        for (const auto &[id, consultation] : m_consultations) {
            ConsultationChat *chat = static_cast<Consultation &>(*consultation).chat();
            if (chat->hasOwnLine(clientId)) {
                consultationId = QString::fromStdString(id);
                chat->markRefused(clientId, error.code());
                break;
            }
        }
        Q_EMIT chatRefused(consultationId, clientId, error.code());
        return;
    }
    if (error.code() == wire::ERROR_SESSION_EXPIRED) {
        m_token.clear();
        Q_EMIT sessionExpired();
        return;
    }
    if (const QString transferred = m_consultationOfTransfer.take(error.request_id()); !transferred.isEmpty()) {
        if (Consultation *consultation = findConsultation(transferred))
            consultation->refuseTransfer(error.code());
        Q_EMIT transferRefused(transferred, error.code());
        return;
    }
    if (m_overviewRequests.remove(error.request_id())) {
        Q_EMIT overviewRefused(error.code());
        return;
    }
    if (error.request_id() != 0 && error.request_id() == m_loginRequestId) {
        setPhase(Phase::Idle);
        Q_EMIT loginRefused(error.code(), static_cast<int>(error.retry_after_ms()));
        return;
    }
    // Refusals of requests (take, inbox "done"); an unnumbered error answers a message that raced with
    // an end (typing, ending twice) and tells the advisor nothing the consultation's end does not.
    if (error.request_id() != 0)
        Q_EMIT requestRefused(error.code(), QString::fromStdString(error.message()));
}

void AdvisorClient::setPhase(Phase phase)
{
    if (m_phase == phase)
        return;
    m_phase = phase;
    Q_EMIT phaseChanged(phase);
}

} // namespace consult
