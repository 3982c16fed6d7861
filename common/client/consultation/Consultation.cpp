#include "Consultation.h"

#include "client/ClientConnection.h"

namespace consult {

Consultation::Consultation(ClientConnection &connection, const Clock &clock, wire::Party self,
                           std::function<QString()> nextClientMessageId, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_clock(clock)
{
    m_self.party = self;
    m_peer.party = self == wire::PARTY_ADVISOR ? wire::PARTY_CUSTOMER : wire::PARTY_ADVISOR;
    m_chat = std::make_unique<ConsultationChat>(*this, std::move(nextClientMessageId));
}

Consultation::~Consultation() = default;

Consultation::Phase Consultation::phase() const
{
    if (m_ended)
        return Phase::Ended;
    return m_started ? Phase::Running : Phase::Pending;
}

void Consultation::begin(const wire::ConsultationStarted &started, const QString &ownName)
{
    m_id = QString::fromStdString(started.consultation_id());
    m_idStd = started.consultation_id();
    m_self.name = ownName;
    m_peer.name =
        QString::fromStdString(m_self.party == wire::PARTY_ADVISOR ? started.customer_name() : started.advisor_name());
    m_customerPhoneE164 = QString::fromStdString(started.customer_phone_e164());
    m_mode = started.mode();
    m_startedAt = QDateTime::fromMSecsSinceEpoch(started.started_at(), Qt::UTC).toLocalTime();
    m_waitedMs = started.waited_ms();
    m_transferredFrom = QString::fromStdString(started.transferred_from());
    m_phoneCode = QString::fromStdString(started.phone_code());
    m_documentLimits = started.document_limits();
    m_hasSystemCheck = started.has_system_check();
    m_systemCheck = started.system_check();
    m_started = true;
    m_chat->loadHistory(started.history());
    Q_EMIT this->started();
}

bool Consultation::dispatch(const wire::Envelope &envelope)
{
    switch (envelope.body_case()) {
    case wire::Envelope::kPeerPresence:
        onPeerPresence(envelope.peer_presence());
        return true;
    case wire::Envelope::kConsultationTransferred:
        onTransferred(envelope.consultation_transferred());
        return true;
    case wire::Envelope::kConsultationEnded:
        onEnded(envelope.consultation_ended());
        return true;
    case wire::Envelope::kChatMessage:
    case wire::Envelope::kChatDelivered:
    case wire::Envelope::kTyping:
        return m_chat->dispatch(envelope);
    case wire::Envelope::kMediaPacket:
    case wire::Envelope::kMediaReceipt:
    case wire::Envelope::kMediaState:
    case wire::Envelope::kQualityChange:
    case wire::Envelope::kKeyframeRequest:
        return m_media && m_media->dispatch(envelope);
    default:
        for (const auto &part : m_parts)
            if (part->dispatch(envelope))
                return true;
        return false;
    }
}

void Consultation::end()
{
    if (m_id.isEmpty())
        return;
    wire::Envelope envelope;
    envelope.mutable_end_consultation()->set_consultation_id(m_idStd);
    m_connection.send(std::move(envelope));
}

MediaSession &Consultation::startMedia(const MediaSession::Settings &settings)
{
    if (!m_media) {
        m_media = std::make_unique<MediaSession>(m_connection, m_clock, m_id, settings, MediaSession::Routing::Routed);
        Q_EMIT mediaStarted();
    }
    return *m_media;
}

void Consultation::addPart(std::unique_ptr<ConsultationPart> part)
{
    m_parts.push_back(std::move(part));
}

void Consultation::onPeerPresence(const wire::PeerPresence &presence)
{
    m_peer.presence = presence.state();
    Q_EMIT peerPresenceChanged(m_peer.presence);
}

void Consultation::onTransferred(const wire::ConsultationTransferred &transferred)
{
    m_peer.name = QString::fromStdString(transferred.advisor_name());
    m_chat->clearPeerTyping(); // the previous advisor's typing ends with the hand-over
    Q_EMIT peerChanged(m_peer.name);
}

void Consultation::onEnded(const wire::ConsultationEnded &ended)
{
    m_ended = true;
    m_endReason = ended.reason();
    m_endedAt = QDateTime::fromMSecsSinceEpoch(ended.ended_at(), Qt::UTC).toLocalTime();
    m_transferredTo = QString::fromStdString(ended.transferred_to());
    m_deletionReceipt = ended.receipt();
    m_chat->consultationEnded();
    if (m_media)
        m_media->consultationEnded();
    for (const auto &part : m_parts)
        part->consultationEnded();
    Q_EMIT this->ended(m_endReason);
}

} // namespace consult
