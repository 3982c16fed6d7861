#pragma once

// The one list of envelope body types: X(CaseName, accessor, Type). Used by the codec (decoding and
// the unknown-field check), by the server's authorisation table and by the tests that must cover
// every message type. Adding a message to consult.proto means adding it here; the codec refuses
// bodies missing from this list.
#define CONSULT_ENVELOPE_BODIES(X)                                                                                     \
    X(kHello, hello, Hello)                                                                                            \
    X(kWelcome, welcome, Welcome)                                                                                      \
    X(kResume, resume, Resume)                                                                                         \
    X(kResumed, resumed, Resumed)                                                                                      \
    X(kPing, ping, Ping)                                                                                               \
    X(kPong, pong, Pong)                                                                                               \
    X(kAcknowledge, acknowledge, Acknowledge)                                                                          \
    X(kError, error, Error)                                                                                            \
    X(kSessionClosed, session_closed, SessionClosed)                                                                   \
    X(kResumeTokenRenewed, resume_token_renewed, ResumeTokenRenewed)                                                   \
    X(kCustomerLogin, customer_login, CustomerLogin)                                                                   \
    X(kCustomerLoginAccepted, customer_login_accepted, CustomerLoginAccepted)                                          \
    X(kQueueStatus, queue_status, QueueStatus)                                                                         \
    X(kLeaveMessage, leave_message, LeaveMessage)                                                                      \
    X(kMessageStored, message_stored, MessageStored)                                                                   \
    X(kLeaveQueue, leave_queue, LeaveQueue)                                                                            \
    X(kUpdateSystemCheck, update_system_check, UpdateSystemCheck)                                                      \
    X(kAdvisorLogin, advisor_login, AdvisorLogin)                                                                      \
    X(kAdvisorLoginAccepted, advisor_login_accepted, AdvisorLoginAccepted)                                             \
    X(kAdvisorLogout, advisor_logout, AdvisorLogout)                                                                   \
    X(kSetAvailability, set_availability, SetAvailability)                                                             \
    X(kAdvisorStatus, advisor_status, AdvisorStatus)                                                                   \
    X(kQueueSnapshot, queue_snapshot, QueueSnapshot)                                                                   \
    X(kQueueEntryAdded, queue_entry_added, QueueEntryAdded)                                                            \
    X(kQueueEntryRemoved, queue_entry_removed, QueueEntryRemoved)                                                      \
    X(kTakeCustomer, take_customer, TakeCustomer)                                                                      \
    X(kInboxSnapshot, inbox_snapshot, InboxSnapshot)                                                                   \
    X(kInboxItemAdded, inbox_item_added, InboxItemAdded)                                                               \
    X(kInboxItemRemoved, inbox_item_removed, InboxItemRemoved)                                                         \
    X(kMarkInboxItemDone, mark_inbox_item_done, MarkInboxItemDone)                                                     \
    X(kQueueEntryUpdated, queue_entry_updated, QueueEntryUpdated)                                                      \
    X(kConsultationStarted, consultation_started, ConsultationStarted)                                                 \
    X(kSendChat, send_chat, SendChat)                                                                                  \
    X(kChatMessage, chat_message, ChatMessage)                                                                         \
    X(kChatDelivered, chat_delivered, ChatDelivered)                                                                   \
    X(kTyping, typing, Typing)                                                                                         \
    X(kEndConsultation, end_consultation, EndConsultation)                                                             \
    X(kConsultationEnded, consultation_ended, ConsultationEnded)                                                       \
    X(kPeerPresence, peer_presence, PeerPresence)                                                                      \
    X(kTransferConsultation, transfer_consultation, TransferConsultation)                                              \
    X(kConsultationTransferred, consultation_transferred, ConsultationTransferred)                                     \
    X(kSupervisorOverviewRequest, supervisor_overview_request, SupervisorOverviewRequest)                              \
    X(kSupervisorOverview, supervisor_overview, SupervisorOverview)                                                    \
    X(kSupervisorStatisticsRequest, supervisor_statistics_request, SupervisorStatisticsRequest)                        \
    X(kSupervisorStatistics, supervisor_statistics, SupervisorStatistics)                                              \
    X(kMediaPacket, media_packet, MediaPacket)                                                                         \
    X(kMediaAcknowledge, media_acknowledge, MediaAcknowledge)                                                          \
    X(kMediaReceipt, media_receipt, MediaReceipt)                                                                      \
    X(kMediaState, media_state, MediaState)                                                                            \
    X(kKeyframeRequest, keyframe_request, KeyframeRequest)                                                             \
    X(kQualityChange, quality_change, QualityChange)                                                                   \
    X(kLinkTestRequest, link_test_request, LinkTestRequest)                                                            \
    X(kLinkTestData, link_test_data, LinkTestData)                                                                     \
    X(kLinkTestResult, link_test_result, LinkTestResult)                                                               \
    X(kBoardDocument, board_document, BoardDocument)                                                                   \
    X(kBoardPageData, board_page_data, BoardPageData)                                                                  \
    X(kBoardPageDelivered, board_page_delivered, BoardPageDelivered)                                                   \
    X(kBoardShowPage, board_show_page, BoardShowPage)                                                                  \
    X(kBoardAnnotate, board_annotate, BoardAnnotate)                                                                   \
    X(kBoardOperation, board_operation, BoardOperation)                                                                \
    X(kBoardPointer, board_pointer, BoardPointer)                                                                      \
    X(kBoardPermission, board_permission, BoardPermission)                                                             \
    X(kBoardSnapshot, board_snapshot, BoardSnapshot)                                                                   \
    X(kDocumentOffer, document_offer, DocumentOffer)                                                                   \
    X(kDocumentChunk, document_chunk, DocumentChunk)                                                                   \
    X(kDocumentCancel, document_cancel, DocumentCancel)                                                                \
    X(kDocumentAvailable, document_available, DocumentAvailable)                                                       \
    X(kDocumentDownload, document_download, DocumentDownload)                                                          \
    X(kDocumentRemove, document_remove, DocumentRemove)                                                                \
    X(kDocumentRemoved, document_removed, DocumentRemoved)                                                             \
    X(kFormLibrary, form_library, FormLibrary)                                                                         \
    X(kSendForm, send_form, SendForm)                                                                                  \
    X(kFormInstance, form_instance, FormInstance)                                                                      \
    X(kSubmitForm, submit_form, SubmitForm)                                                                            \
    X(kReleaseFormFields, release_form_fields, ReleaseFormFields)
