#include "ConsultationRouting.h"

namespace consult {

const std::string *routedConsultationId(const wire::Envelope &envelope)
{
    switch (envelope.body_case()) {
    case wire::Envelope::kChatMessage:
        return &envelope.chat_message().consultation_id();
    case wire::Envelope::kChatDelivered:
        return &envelope.chat_delivered().consultation_id();
    case wire::Envelope::kTyping:
        return &envelope.typing().consultation_id();
    case wire::Envelope::kPeerPresence:
        return &envelope.peer_presence().consultation_id();
    case wire::Envelope::kConsultationEnded:
        return &envelope.consultation_ended().consultation_id();
    case wire::Envelope::kConsultationTransferred:
        return &envelope.consultation_transferred().consultation_id();
    case wire::Envelope::kMediaPacket:
        return &envelope.media_packet().consultation_id();
    case wire::Envelope::kMediaReceipt:
        return &envelope.media_receipt().consultation_id();
    case wire::Envelope::kMediaState:
        return &envelope.media_state().consultation_id();
    case wire::Envelope::kQualityChange:
        return &envelope.quality_change().consultation_id();
    case wire::Envelope::kKeyframeRequest:
        return &envelope.keyframe_request().consultation_id();
    default:
        return nullptr;
    }
}

} // namespace consult
