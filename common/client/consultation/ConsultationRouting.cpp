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
    case wire::Envelope::kBoardDocument:
        return &envelope.board_document().consultation_id();
    case wire::Envelope::kBoardPageData:
        return &envelope.board_page_data().consultation_id();
    case wire::Envelope::kBoardPageDelivered:
        return &envelope.board_page_delivered().consultation_id();
    case wire::Envelope::kBoardShowPage:
        return &envelope.board_show_page().consultation_id();
    case wire::Envelope::kBoardOperation:
        return &envelope.board_operation().consultation_id();
    case wire::Envelope::kBoardPointer:
        return &envelope.board_pointer().consultation_id();
    case wire::Envelope::kBoardPermission:
        return &envelope.board_permission().consultation_id();
    case wire::Envelope::kBoardSnapshot:
        return &envelope.board_snapshot().consultation_id();
    case wire::Envelope::kDocumentOffer:
        return &envelope.document_offer().consultation_id();
    case wire::Envelope::kDocumentChunk:
        return &envelope.document_chunk().consultation_id();
    case wire::Envelope::kDocumentCancel:
        return &envelope.document_cancel().consultation_id();
    case wire::Envelope::kDocumentAvailable:
        return &envelope.document_available().consultation_id();
    case wire::Envelope::kDocumentDownload:
        return &envelope.document_download().consultation_id();
    case wire::Envelope::kDocumentRemove:
        return &envelope.document_remove().consultation_id();
    case wire::Envelope::kDocumentRemoved:
        return &envelope.document_removed().consultation_id();
    case wire::Envelope::kSendForm:
        return &envelope.send_form().consultation_id();
    case wire::Envelope::kFormInstance:
        return &envelope.form_instance().consultation_id();
    case wire::Envelope::kSubmitForm:
        return &envelope.submit_form().consultation_id();
    case wire::Envelope::kReleaseFormFields:
        return &envelope.release_form_fields().consultation_id();
    default:
        return nullptr;
    }
}

QString refusedPartReference(const wire::Error &error, const std::string &consultationId)
{
    const std::string &reference = error.reference();
    if (consultationId.empty() || reference.size() <= consultationId.size() + 1 ||
        reference.compare(0, consultationId.size(), consultationId) != 0 || reference[consultationId.size()] != ':')
        return {};
    return QString::fromStdString(reference.substr(consultationId.size() + 1));
}

std::string refusedConsultationId(const wire::Error &error)
{
    const std::string &reference = error.reference();
    const std::size_t colon = reference.find(':');
    if (colon == std::string::npos || colon == 0)
        return {};
    return reference.substr(0, colon);
}

} // namespace consult
