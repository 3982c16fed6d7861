#include "AdvisorClient.h"

#include "core/Clock.h"

namespace consult {

AdvisorClient::AdvisorClient(ClientConnection::Settings settings, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_queue(std::make_unique<AdvisorQueueModel>())
    , m_inbox(std::make_unique<InboxModel>())
{
    settings.kind = wire::CLIENT_KIND_ADVISOR;
    m_connection = std::make_unique<ClientConnection>(std::move(settings), clock);
    connect(m_connection.get(), &ClientConnection::envelopeReceived, this, &AdvisorClient::onEnvelope);
    connect(m_connection.get(), &ClientConnection::stateChanged, this, [this](ClientConnection::State state) {
        if (state == ClientConnection::State::Closed && m_phase != Phase::LoggedOut)
            setPhase(Phase::Failed);
    });
}

AdvisorClient::~AdvisorClient() = default;

void AdvisorClient::loginWithPassword(const ServerEndpoint &endpoint, const QString &username, const QString &password)
{
    wire::AdvisorLogin login;
    login.set_username(username.toStdString());
    login.set_password(password.toStdString());
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

void AdvisorClient::markInboxItemDone(const QString &itemId)
{
    wire::Envelope envelope;
    envelope.mutable_mark_inbox_item_done()->set_request_id(nextRequestId());
    envelope.mutable_mark_inbox_item_done()->set_item_id(itemId.toStdString());
    m_connection->send(std::move(envelope));
}

QString AdvisorClient::sendChat(const QString &consultationId, const QString &text)
{
    AdvisorConsultation *consultation = this->consultation(consultationId);
    if (!consultation || consultation->ended)
        return {};
    const QString clientId = QStringLiteral("a%1").arg(m_nextClientMessage++);
    consultation->chat->addPending(clientId, text, m_displayName, m_clock.now().toLocalTime());
    consultation->typing->stop();
    m_consultationOfPendingLine.insert(clientId, consultationId);
    wire::Envelope envelope;
    auto *chat = envelope.mutable_send_chat();
    chat->set_consultation_id(consultationId.toStdString());
    chat->set_client_message_id(clientId.toStdString());
    chat->set_text(text.toStdString());
    if (!m_connection->send(std::move(envelope)))
        consultation->chat->markFailed(clientId);
    return clientId;
}

void AdvisorClient::noteTyping(const QString &consultationId)
{
    if (AdvisorConsultation *consultation = this->consultation(consultationId); consultation && !consultation->ended)
        consultation->typing->keystroke();
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
    auto it = m_consultations.find(consultationId);
    if (it != m_consultations.end() && it->second->ended)
        m_consultations.erase(it);
}

AdvisorConsultation *AdvisorClient::consultation(const QString &id) const
{
    const auto it = m_consultations.find(id);
    return it == m_consultations.end() ? nullptr : it->second.get();
}

QStringList AdvisorClient::consultationIds() const
{
    QStringList ids;
    for (const auto &[id, consultation] : m_consultations)
        ids.append(id);
    return ids;
}

void AdvisorClient::onEnvelope(const wire::Envelope &envelope)
{
    switch (envelope.body_case()) {
    case wire::Envelope::kAdvisorLoginAccepted: {
        const auto &accepted = envelope.advisor_login_accepted();
        m_displayName = QString::fromStdString(accepted.display_name());
        if (!accepted.token().empty())
            m_token = QByteArray::fromStdString(accepted.token());
        m_tokenExpiresAt = QDateTime::fromMSecsSinceEpoch(accepted.expires_at(), Qt::UTC);
        setPhase(Phase::Ready);
        Q_EMIT loggedIn(m_displayName);
        return;
    }
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
    case wire::Envelope::kChatMessage: {
        const QString id = QString::fromStdString(envelope.chat_message().consultation_id());
        if (AdvisorConsultation *consultation = this->consultation(id)) {
            consultation->chat->addFromServer(envelope.chat_message());
            if (envelope.chat_message().author() == wire::PARTY_CUSTOMER && consultation->peerTyping) {
                consultation->peerTyping = false;
                Q_EMIT peerTypingChanged(id, false);
            }
        }
        return;
    }
    case wire::Envelope::kChatDelivered: {
        const QString id = QString::fromStdString(envelope.chat_delivered().consultation_id());
        if (AdvisorConsultation *consultation = this->consultation(id))
            consultation->chat->markDelivered(QString::fromStdString(envelope.chat_delivered().message_id()));
        return;
    }
    case wire::Envelope::kTyping: {
        const QString id = QString::fromStdString(envelope.typing().consultation_id());
        if (AdvisorConsultation *consultation = this->consultation(id)) {
            consultation->peerTyping = envelope.typing().active();
            Q_EMIT peerTypingChanged(id, consultation->peerTyping);
        }
        return;
    }
    case wire::Envelope::kPeerPresence: {
        const QString id = QString::fromStdString(envelope.peer_presence().consultation_id());
        if (AdvisorConsultation *consultation = this->consultation(id)) {
            consultation->peerState = envelope.peer_presence().state();
            Q_EMIT peerPresenceChanged(id, consultation->peerState);
        }
        return;
    }
    case wire::Envelope::kConsultationEnded: {
        const QString id = QString::fromStdString(envelope.consultation_ended().consultation_id());
        if (AdvisorConsultation *consultation = this->consultation(id)) {
            consultation->ended = true;
            consultation->endReason = envelope.consultation_ended().reason();
            consultation->transferredTo = QString::fromStdString(envelope.consultation_ended().transferred_to());
            consultation->typing->stop();
            m_consultationOfTransfer.removeIf([&id](const auto &entry) { return entry.value() == id; });
            Q_EMIT consultationEnded(id, consultation->endReason);
        }
        return;
    }
    case wire::Envelope::kSessionClosed:
        setPhase(envelope.session_closed().reason() == wire::SESSION_CLOSE_REASON_LOGGED_OUT ? Phase::LoggedOut
                                                                                             : Phase::Failed);
        return;
    case wire::Envelope::kError:
        onError(envelope.error());
        return;
    default:
        return;
    }
}

void AdvisorClient::addConsultation(const wire::ConsultationStarted &started)
{
    auto consultation = std::make_unique<AdvisorConsultation>();
    consultation->id = QString::fromStdString(started.consultation_id());
    consultation->customerName = QString::fromStdString(started.customer_name());
    consultation->customerPhoneE164 = QString::fromStdString(started.customer_phone_e164());
    consultation->mode = started.mode();
    consultation->startedAt = QDateTime::fromMSecsSinceEpoch(started.started_at(), Qt::UTC).toLocalTime();
    consultation->waitedMs = started.waited_ms();
    consultation->transferredFrom = QString::fromStdString(started.transferred_from());
    consultation->chat = std::make_unique<ChatModel>(wire::PARTY_ADVISOR);
    // A transferred consultation arrives with the chat so far; every line of it reached the customer.
    for (const wire::ChatMessage &line : started.history()) {
        consultation->chat->addFromServer(line);
        consultation->chat->markDelivered(QString::fromStdString(line.message_id()));
    }
    const QString id = consultation->id;
    consultation->typing = std::make_unique<TypingNotifier>([this, id](bool active) {
        // An ended consultation is gone on the server: a late "stopped typing" would only be refused.
        if (const AdvisorConsultation *c = this->consultation(id); !c || c->ended)
            return;
        wire::Envelope typing;
        typing.mutable_typing()->set_consultation_id(id.toStdString());
        typing.mutable_typing()->set_active(active);
        m_connection->send(std::move(typing));
    });
    m_consultations[id] = std::move(consultation);
    Q_EMIT consultationStarted(id);
}

void AdvisorClient::onError(const wire::Error &error)
{
    if (!error.reference().empty()) {
        const QString clientId = QString::fromStdString(error.reference());
        const QString consultationId = m_consultationOfPendingLine.take(clientId);
        if (AdvisorConsultation *consultation = this->consultation(consultationId))
            consultation->chat->markFailed(clientId);
        Q_EMIT chatRefused(consultationId, clientId, error.code());
        return;
    }
    if (error.code() == wire::ERROR_SESSION_EXPIRED) {
        m_token.clear();
        Q_EMIT sessionExpired();
        return;
    }
    if (const QString transferred = m_consultationOfTransfer.take(error.request_id()); !transferred.isEmpty()) {
        Q_EMIT transferRefused(transferred, error.code());
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
