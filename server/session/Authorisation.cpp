#include "Authorisation.h"

namespace consult::Authorisation {

Verdict check(Session::Stage stage, wire::ClientKind kind, protocol::BodyCase body)
{
    using Stage = Session::Stage;
    const auto allowIf = [](bool condition) { return condition ? Verdict::Allow : Verdict::Deny; };
    switch (body) {
    // Entry: only a session that has not logged in, and only with the login of its own kind.
    case wire::Envelope::kCustomerLogin:
        return allowIf(stage == Stage::Anonymous && kind == wire::CLIENT_KIND_CUSTOMER);
    case wire::Envelope::kAdvisorLogin:
        return allowIf(stage == Stage::Anonymous && kind == wire::CLIENT_KIND_ADVISOR);

    // S2: before an advisor has taken them, a customer can only wait or leave a message.
    case wire::Envelope::kLeaveMessage:
    case wire::Envelope::kLeaveQueue:
    case wire::Envelope::kUpdateSystemCheck:
        return allowIf(stage == Stage::WaitingCustomer);

    // Consultation: both participants; which consultation is checked by the handler (S5).
    case wire::Envelope::kSendChat:
    case wire::Envelope::kTyping:
    case wire::Envelope::kEndConsultation:
    case wire::Envelope::kMediaPacket:
    case wire::Envelope::kMediaAcknowledge:
    case wire::Envelope::kMediaState:
    case wire::Envelope::kKeyframeRequest:
    case wire::Envelope::kQualityChange:
        return allowIf(stage == Stage::ConsultingCustomer || stage == Stage::Advisor);

    // S11: the connection check of the system check, for a customer who has not started a
    // consultation (before log-in, or while waiting to repeat it); in a consultation it would compete
    // with the call it measures. Advisors have no system check. The test's own limits: LinkTestService.
    case wire::Envelope::kLinkTestRequest:
    case wire::Envelope::kLinkTestData:
        return allowIf(kind == wire::CLIENT_KIND_CUSTOMER &&
                       (stage == Stage::Anonymous || stage == Stage::WaitingCustomer));

    // The whiteboard: the participants of a consultation only (S2); which consultation is the
    // service's S5 check. Annotations and the pointer from both (the customer's annotations only
    // while the advisor allows drawing: the service's NOT_ALLOWED); documents, their pages, the
    // shown page and the permission from the advisor only (S6).
    case wire::Envelope::kBoardAnnotate:
    case wire::Envelope::kBoardPointer:
        return allowIf(stage == Stage::ConsultingCustomer || stage == Stage::Advisor);
    case wire::Envelope::kBoardDocument:
    case wire::Envelope::kBoardPageData:
    case wire::Envelope::kBoardShowPage:
    case wire::Envelope::kBoardPermission:
        return allowIf(stage == Stage::Advisor);

    // Documents: the participants of a consultation only (S2); which consultation, document and
    // transfer is the DocumentService's S5 check. Removing is the advisor's (S6).
    case wire::Envelope::kDocumentOffer:
    case wire::Envelope::kDocumentChunk:
    case wire::Envelope::kDocumentCancel:
    case wire::Envelope::kDocumentDownload:
        return allowIf(stage == Stage::ConsultingCustomer || stage == Stage::Advisor);
    case wire::Envelope::kDocumentRemove:
        return allowIf(stage == Stage::Advisor);

    // Forms (seed 002): the advisor sends a form of the library (S6); only the consulting customer
    // fills it in and releases its sensitive values. Which consultation and instance: the
    // FormService's S5 check.
    case wire::Envelope::kSendForm:
        return allowIf(stage == Stage::Advisor);
    case wire::Envelope::kSubmitForm:
    case wire::Envelope::kReleaseFormFields:
        return allowIf(stage == Stage::ConsultingCustomer);

    // S6: advisor-only functions.
    case wire::Envelope::kAdvisorLogout:
    case wire::Envelope::kSetAvailability:
    case wire::Envelope::kTakeCustomer:
    case wire::Envelope::kMarkInboxItemDone:
    case wire::Envelope::kTransferConsultation: // which consultation and to whom: the handler (S5)
        return allowIf(stage == Stage::Advisor);

    // The supervisor overview (issue 14): advisors only here; the role itself is the
    // SupervisorDesk's check, which answers ERROR_NOT_ALLOWED to an advisor without it (S6).
    case wire::Envelope::kSupervisorOverviewRequest:
    case wire::Envelope::kSupervisorStatisticsRequest:
        return allowIf(stage == Stage::Advisor);

    // Everything else is either session control (never routed here) or sent by the server only.
    default:
        return Verdict::Deny;
    }
}

RateClass rateClassOf(protocol::BodyCase body)
{
    if (body == wire::Envelope::kSendChat)
        return RateClass::Chat;
    // The board's own budget (WhiteboardService), so 30 stroke extends a second neither starve nor
    // are starved by the session's control messages; page chunks are bounded in bytes by the board's
    // limits and in count by the connection.
    if (body == wire::Envelope::kBoardDocument || body == wire::Envelope::kBoardShowPage ||
        body == wire::Envelope::kBoardAnnotate || body == wire::Envelope::kBoardPermission)
        return RateClass::Board;
    // Document chunks likewise: bytes by the documents' limits, count by the connection.
    if (body == wire::Envelope::kBoardPageData || body == wire::Envelope::kDocumentChunk)
        return RateClass::Bulk;
    // Media is limited in bytes by the relay and in packets by the connection; the connection check's
    // data in bytes and time by the link-test service, and in packets by the connection likewise.
    if (protocol::isUnsequenced(body))
        return RateClass::Media;
    return RateClass::Control;
}

bool isDroppedQuietly(Session::Stage stage, wire::ClientKind kind, protocol::BodyCase body)
{
    return body == wire::Envelope::kLinkTestData && kind == wire::CLIENT_KIND_CUSTOMER &&
           stage == Session::Stage::ConsultingCustomer;
}

} // namespace consult::Authorisation
