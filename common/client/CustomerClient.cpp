#include "CustomerClient.h"

#include "core/Clock.h"

namespace consult {

CustomerClient::CustomerClient(ClientConnection::Settings settings, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_chat(std::make_unique<ChatModel>(wire::PARTY_CUSTOMER))
    , m_typing([this](bool active) {
        if (m_consultationId.isEmpty())
            return;
        wire::Envelope envelope;
        envelope.mutable_typing()->set_consultation_id(m_consultationId.toStdString());
        envelope.mutable_typing()->set_active(active);
        m_connection->send(std::move(envelope));
    })
{
    settings.kind = wire::CLIENT_KIND_CUSTOMER;
    m_connection = std::make_unique<ClientConnection>(std::move(settings), clock);
    connect(m_connection.get(), &ClientConnection::welcomed, this, [this](const wire::Welcome &welcome) {
        m_notices = QList<wire::Notice>(welcome.notices().begin(), welcome.notices().end());
        m_serviceHours = welcome.service_hours();
        setPhase(Phase::ReadingNotices);
        Q_EMIT noticesReceived();
    });
    connect(m_connection.get(), &ClientConnection::envelopeReceived, this, &CustomerClient::onEnvelope);
    connect(m_connection.get(), &ClientConnection::stateChanged, this, [this](ClientConnection::State state) {
        if (state != ClientConnection::State::Closed)
            return;
        // A closed connection after a finished session is the normal end; anything else is a failure.
        if (m_phase != Phase::MessageStored && m_phase != Phase::Ended)
            setPhase(Phase::Failed);
    });
}

CustomerClient::~CustomerClient() = default;

void CustomerClient::start(const ServerEndpoint &endpoint)
{
    setPhase(Phase::Connecting);
    m_connection->open(endpoint);
}

void CustomerClient::login(const QString &name, const QString &phone, wire::ConsultationMode mode,
                           const QString &systemCheck)
{
    wire::Envelope envelope;
    auto *login = envelope.mutable_customer_login();
    m_loginRequestId = nextRequestId();
    login->set_request_id(m_loginRequestId);
    login->set_name(name.toStdString());
    login->set_phone(phone.toStdString());
    login->set_mode(mode);
    login->set_system_check(systemCheck.toStdString());
    for (const wire::Notice &notice : std::as_const(m_notices)) {
        auto *accepted = login->add_accepted_notices();
        accepted->set_kind(notice.kind());
        accepted->set_version(notice.version());
    }
    setPhase(Phase::LoggingIn);
    m_connection->send(std::move(envelope));
}

void CustomerClient::leaveMessage(const QString &text, const QString &callbackPhone)
{
    wire::Envelope envelope;
    auto *message = envelope.mutable_leave_message();
    m_messageRequestId = nextRequestId();
    message->set_request_id(m_messageRequestId);
    message->set_text(text.toStdString());
    message->set_callback_phone(callbackPhone.toStdString());
    setPhase(Phase::SendingMessage);
    m_connection->send(std::move(envelope));
}

void CustomerClient::leaveQueue()
{
    wire::Envelope envelope;
    envelope.mutable_leave_queue();
    m_connection->send(std::move(envelope));
}

QString CustomerClient::sendChat(const QString &text)
{
    const QString clientId = QStringLiteral("c%1").arg(m_nextClientMessage++);
    m_chat->addPending(clientId, text, m_name, m_clock.now().toLocalTime());
    m_typing.stop();
    wire::Envelope envelope;
    auto *chat = envelope.mutable_send_chat();
    chat->set_consultation_id(m_consultationId.toStdString());
    chat->set_client_message_id(clientId.toStdString());
    chat->set_text(text.toStdString());
    if (!m_connection->send(std::move(envelope)))
        m_chat->markFailed(clientId);
    return clientId;
}

void CustomerClient::noteTyping()
{
    if (m_phase == Phase::Consulting)
        m_typing.keystroke();
}

void CustomerClient::endConsultation()
{
    if (m_consultationId.isEmpty())
        return;
    wire::Envelope envelope;
    envelope.mutable_end_consultation()->set_consultation_id(m_consultationId.toStdString());
    m_connection->send(std::move(envelope));
}

void CustomerClient::onEnvelope(const wire::Envelope &envelope)
{
    switch (envelope.body_case()) {
    case wire::Envelope::kCustomerLoginAccepted:
        m_name = QString::fromStdString(envelope.customer_login_accepted().name());
        m_phoneE164 = QString::fromStdString(envelope.customer_login_accepted().phone_e164());
        return;
    case wire::Envelope::kQueueStatus: {
        m_queueStatus = envelope.queue_status();
        m_serviceHours = m_queueStatus.service_hours();
        if (m_phase == Phase::LoggingIn || m_phase == Phase::Waiting || m_phase == Phase::MessageOnly)
            setPhase(m_queueStatus.state() == wire::QUEUE_STATE_WAITING ? Phase::Waiting : Phase::MessageOnly);
        Q_EMIT queueStatusChanged(m_queueStatus);
        return;
    }
    case wire::Envelope::kMessageStored: {
        const auto &stored = envelope.message_stored();
        setPhase(Phase::MessageStored);
        Q_EMIT messageStored(QDateTime::fromMSecsSinceEpoch(stored.stored_at(), Qt::UTC).toLocalTime(),
                             static_cast<int>(stored.retention_days()));
        return;
    }
    case wire::Envelope::kConsultationStarted: {
        const auto &started = envelope.consultation_started();
        m_consultationId = QString::fromStdString(started.consultation_id());
        m_advisorName = QString::fromStdString(started.advisor_name());
        m_startedAt = QDateTime::fromMSecsSinceEpoch(started.started_at(), Qt::UTC).toLocalTime();
        setPhase(Phase::Consulting);
        Q_EMIT consultationStarted(m_advisorName);
        return;
    }
    case wire::Envelope::kConsultationTransferred:
        m_advisorName = QString::fromStdString(envelope.consultation_transferred().advisor_name());
        if (m_peerTyping) {
            m_peerTyping = false; // the previous advisor's typing ends with the hand-over
            Q_EMIT peerTypingChanged(false);
        }
        Q_EMIT advisorChanged(m_advisorName);
        return;
    case wire::Envelope::kChatMessage:
        m_chat->addFromServer(envelope.chat_message());
        if (envelope.chat_message().author() == wire::PARTY_ADVISOR && m_peerTyping) {
            m_peerTyping = false;
            Q_EMIT peerTypingChanged(false);
        }
        return;
    case wire::Envelope::kChatDelivered:
        m_chat->markDelivered(QString::fromStdString(envelope.chat_delivered().message_id()));
        return;
    case wire::Envelope::kTyping:
        m_peerTyping = envelope.typing().active();
        Q_EMIT peerTypingChanged(m_peerTyping);
        return;
    case wire::Envelope::kPeerPresence:
        m_peerState = envelope.peer_presence().state();
        Q_EMIT peerPresenceChanged(m_peerState);
        return;
    case wire::Envelope::kConsultationEnded:
        m_endReason = envelope.consultation_ended().reason();
        m_endedAt = QDateTime::fromMSecsSinceEpoch(envelope.consultation_ended().ended_at(), Qt::UTC).toLocalTime();
        m_typing.stop();
        setPhase(Phase::Ended);
        Q_EMIT consultationEnded(m_endReason);
        return;
    case wire::Envelope::kSessionClosed:
        if (envelope.session_closed().reason() == wire::SESSION_CLOSE_REASON_LEFT_QUEUE)
            setPhase(Phase::Ended);
        else if (envelope.session_closed().reason() == wire::SESSION_CLOSE_REASON_SERVER_SHUTDOWN &&
                 m_phase != Phase::Ended && m_phase != Phase::MessageStored)
            setPhase(Phase::Failed);
        return;
    case wire::Envelope::kError:
        onError(envelope.error());
        return;
    default:
        return;
    }
}

void CustomerClient::onError(const wire::Error &error)
{
    const QString field = QString::fromStdString(error.field());
    const int retryAfter = static_cast<int>(error.retry_after_ms());
    if (!error.reference().empty()) {
        const QString clientId = QString::fromStdString(error.reference());
        m_chat->markFailed(clientId);
        Q_EMIT chatRefused(clientId, error.code());
        return;
    }
    if (error.request_id() != 0 && error.request_id() == m_loginRequestId) {
        setPhase(Phase::ReadingNotices);
        Q_EMIT loginRefused(error.code(), field, retryAfter);
        return;
    }
    if (error.request_id() != 0 && error.request_id() == m_messageRequestId) {
        setPhase(m_queueStatus.state() == wire::QUEUE_STATE_WAITING ? Phase::Waiting : Phase::MessageOnly);
        Q_EMIT messageRefused(error.code(), field, retryAfter);
    }
}

void CustomerClient::setPhase(Phase phase)
{
    if (m_phase == phase)
        return;
    m_phase = phase;
    Q_EMIT phaseChanged(phase);
}

} // namespace consult
