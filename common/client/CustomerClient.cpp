#include "CustomerClient.h"

#include "client/consultation/ConsultationRouting.h"
#include "client/documents/ConsultationDocuments.h"
#include "client/forms/ConsultationForms.h"
#include "client/whiteboard/ConsultationWhiteboard.h"
#include "core/Clock.h"
#include "protocol/EnvelopeCodec.h"

#include <QLoggingCategory>

namespace consult {

namespace {
Q_LOGGING_CATEGORY(lcCustomerClient, "consult.client.customer")
} // namespace

CustomerClient::CustomerClient(ClientConnection::Settings settings, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
    settings.kind = wire::CLIENT_KIND_CUSTOMER;
    m_connection = std::make_unique<ClientConnection>(std::move(settings), clock);
    m_connectionCheck = std::make_unique<ConnectionCheck>(*m_connection, clock);
    m_consultation = std::make_unique<Consultation>(*m_connection, clock, wire::PARTY_CUSTOMER, [this] {
        return QStringLiteral("c%1").arg(m_nextClientMessage++);
    });
    m_consultation->chat()->setGuarded(true); // C2, C3: what a customer sends is checked first
    connect(m_consultation->chat(), &ConsultationChat::peerTypingChanged, this, &CustomerClient::peerTypingChanged);
    connect(m_consultation->chat(), &ConsultationChat::lineRefused, this, &CustomerClient::chatRefused);
    connect(m_consultation.get(), &Consultation::peerPresenceChanged, this, &CustomerClient::peerPresenceChanged);
    connect(m_consultation.get(), &Consultation::peerChanged, this, &CustomerClient::advisorChanged);
    connect(m_consultation.get(), &Consultation::ended, this, [this](wire::EndReason reason) {
        setPhase(Phase::Ended);
        Q_EMIT consultationEnded(reason);
    });
    connect(m_connection.get(), &ClientConnection::welcomed, this, [this](const wire::Welcome &welcome) {
        m_notices = QList<wire::Notice>(welcome.notices().begin(), welcome.notices().end());
        m_serviceHours = welcome.service_hours();
        setPhase(Phase::ReadingNotices);
        Q_EMIT noticesReceived();
    });
    connect(m_connection.get(), &ClientConnection::envelopeReceived, this, &CustomerClient::dispatch);
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
                           const wire::SystemCheck *systemCheck)
{
    wire::Envelope envelope;
    auto *login = envelope.mutable_customer_login();
    m_loginRequestId = nextRequestId();
    login->set_request_id(m_loginRequestId);
    login->set_name(name.toStdString());
    login->set_phone(phone.toStdString());
    login->set_mode(mode);
    if (systemCheck)
        *login->mutable_system_check() = *systemCheck;
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

bool CustomerClient::updateSystemCheck(const wire::SystemCheck &check)
{
    if (m_phase != Phase::Waiting)
        return false;
    wire::Envelope envelope;
    *envelope.mutable_update_system_check()->mutable_system_check() = check;
    return m_connection->send(std::move(envelope));
}

void CustomerClient::leaveQueue()
{
    wire::Envelope envelope;
    envelope.mutable_leave_queue();
    m_connection->send(std::move(envelope));
}

QString CustomerClient::sendChat(const QString &text)
{
    return m_consultation->chat()->send(text);
}

void CustomerClient::noteTyping()
{
    if (m_phase == Phase::Consulting)
        m_consultation->chat()->noteTyping();
}

void CustomerClient::endConsultation()
{
    m_consultation->end();
}

void CustomerClient::setSendConfirmation(SendGuard::Confirmation confirmation)
{
    m_consultation->chat()->setConfirmation(std::move(confirmation));
}

// The client's dispatch table: every message from the server, exactly once, to the one place that
// handles it (as ServerCore::dispatch does on the server).
void CustomerClient::dispatch(const wire::Envelope &envelope)
{
    if (const std::string *consultationId = routedConsultationId(envelope)) {
        route(*consultationId, envelope);
        return;
    }
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
    case wire::Envelope::kConsultationStarted:
        onConsultationStarted(envelope.consultation_started());
        return;
    case wire::Envelope::kSessionClosed:
        if (envelope.session_closed().reason() == wire::SESSION_CLOSE_REASON_LEFT_QUEUE)
            setPhase(Phase::Ended);
        else if (envelope.session_closed().reason() == wire::SESSION_CLOSE_REASON_SERVER_SHUTDOWN &&
                 m_phase != Phase::Ended && m_phase != Phase::MessageStored)
            setPhase(Phase::Failed);
        return;
    case wire::Envelope::kLinkTestData:
    case wire::Envelope::kLinkTestResult:
        m_connectionCheck->dispatch(envelope);
        return;
    case wire::Envelope::kError:
        if (m_connectionCheck->dispatch(envelope)) // the check's request was refused (busy, rate)
            return;
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

void CustomerClient::route(const std::string &consultationId, const wire::Envelope &envelope)
{
    // Before the consultation starts its id is empty, which no message of the server carries.
    if (consultationId != m_consultation->wireId()) {
        ++m_droppedMessages;
        qCDebug(lcCustomerClient) << "dropped" << protocol::bodyName(envelope.body_case())
                                  << "for another consultation";
        return;
    }
    m_consultation->dispatch(envelope);
}

void CustomerClient::onConsultationStarted(const wire::ConsultationStarted &started)
{
    m_consultation->begin(started, m_name);
    if (!m_consultation->part<ConsultationWhiteboard>())
        m_consultation->addPart(std::make_unique<ConsultationWhiteboard>(*m_consultation, wire::PARTY_CUSTOMER));
    if (!m_consultation->part<ConsultationDocuments>()) // the same part after a transfer: the documents stay
        m_consultation->addPart(std::make_unique<ConsultationDocuments>(
            *m_consultation, wire::PARTY_CUSTOMER, std::make_shared<ConsultationDocuments::SessionNumbers>()));
    if (!m_consultation->part<ConsultationForms>())
        m_consultation->addPart(std::make_unique<ConsultationForms>(*m_consultation, wire::PARTY_CUSTOMER));
    m_connectionCheck->stop(); // a check repeated while waiting gives way to the consultation
    setPhase(Phase::Consulting);
    Q_EMIT consultationStarted(m_consultation->peer().name);
}

void CustomerClient::onError(const wire::Error &error)
{
    const QString field = QString::fromStdString(error.field());
    const int retryAfter = static_cast<int>(error.retry_after_ms());
    if (!error.reference().empty()) {
        // A refused chat line; the chat marks it failed and tells (chatRefused follows from it).
        m_consultation->chat()->markRefused(QString::fromStdString(error.reference()), error.code());
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
