#include "ServerCore.h"

#include "core/Clock.h"
#include "session/Authorisation.h"
#include "session/Connection.h"

#include <QLoggingCategory>

namespace consult {

Q_LOGGING_CATEGORY(lcCore, "consult.core")

SessionRegistry::Settings ServerCore::sessionSettings(const ServerConfig &config)
{
    SessionRegistry::Settings settings;
    settings.resumeTtlMs = config.resumeTtlSeconds * 1000;
    settings.pingIntervalMs = config.pingIntervalSeconds * 1000;
    settings.pingTimeoutMs = config.pingTimeoutSeconds * 1000;
    settings.clientPingIntervalMs = config.clientPingIntervalSeconds * 1000;
    settings.helloTimeoutMs = config.handshakeTimeoutMs;
    settings.channel.maxUnacknowledged = config.maxUnacknowledgedMessages;
    settings.rates =
        Session::RateLimits{config.chatPerSecond, config.chatBurst, config.controlPerSecond, config.controlBurst};
    settings.connection.sending.maxBacklogBytes = config.maxOutgoingBufferBytes;
    settings.connection.maxProtocolErrors = config.maxProtocolErrors;
    settings.connection.envelopesPerSecond = config.envelopesPerSecond;
    settings.connection.envelopeBurst = config.envelopeBurst;
    return settings;
}

ServerCore::ServerCore(const ServerConfig &config, Dependencies dependencies, QObject *parent)
    : QObject(parent)
    , m_clock(dependencies.clock)
    , m_notices(std::move(dependencies.notices))
    , m_hours(std::move(dependencies.hours))
    , m_advisorStore(dependencies.database)
    , m_inboxStore(dependencies.database)
    , m_statistics(dependencies.database)
    , m_hasher(dependencies.passwordHashing)
    , m_throttle(dependencies.clock)
{
    m_registry = std::make_unique<SessionRegistry>(sessionSettings(config), m_clock, *this);
    m_roster = std::make_unique<AdvisorRoster>(*m_registry);

    QueueService::Settings queueSettings;
    queueSettings.maxLength = config.maxQueueLength;
    queueSettings.expectedWait.defaultHandlingTime = std::chrono::seconds(config.defaultHandlingSeconds);
    queueSettings.expectedWait.pickUpTime = std::chrono::seconds(config.pickupSeconds);
    m_queue = std::make_unique<QueueService>(queueSettings, *m_registry, *m_roster, m_hours, m_clock);
    connect(m_roster.get(), &AdvisorRoster::staffingChangedSignal, m_queue.get(), &QueueService::refreshAll);

    InboxLimits inboxLimits;
    inboxLimits.maxItems = config.inboxMaxItems;
    m_inbox = std::make_unique<InboxService>(m_inboxStore, dependencies.inboxCipher, *m_roster, m_clock,
                                             config.inboxRetentionDays, inboxLimits);
    m_customers = std::make_unique<CustomerDesk>(
        CustomerDesk::Settings{config.entriesPerAddress, config.messagesPerAddress, config.entryWindowMinutes},
        m_notices, *m_queue, *m_inbox, *m_registry, m_statistics, m_clock);
    m_consultations = std::make_unique<ConsultationService>(*m_registry, *m_roster, *m_queue, m_statistics, m_clock);
    addConsultationParts(config);
    m_forms = std::make_unique<FormService>(FormService::Settings{config.formsMaxPerConsultation},
                                            std::move(dependencies.forms), *m_consultations, *m_registry, m_clock);
    m_consultations->subscribe(*m_forms);
    AdvisorDesk::Settings advisorSettings;
    advisorSettings.idleTimeoutMinutes = config.idleTimeoutMinutes;
    advisorSettings.absoluteLifetimeHours = config.absoluteLifetimeHours;
    advisorSettings.allowedNetworks = config.advisorNetworks;
    advisorSettings.boardLimits.set_max_documents(static_cast<quint32>(config.whiteboardMaxDocuments));
    advisorSettings.boardLimits.set_max_pages(static_cast<quint32>(config.whiteboardMaxPages));
    advisorSettings.boardLimits.set_max_page_bytes(static_cast<quint32>(config.whiteboardMaxPageBytes));
    m_advisorDesk = std::make_unique<AdvisorDesk>(advisorSettings, m_advisorStore, m_hasher, m_throttle, *m_roster,
                                                  *m_queue, *m_consultations, *m_inbox, *m_registry, m_clock);
    connect(m_advisorDesk.get(), &AdvisorDesk::loggedIn, this, [this](quint64 sessionId) {
        if (Session *advisor = m_registry->find(sessionId))
            m_forms->sendLibrary(*advisor);
    });
    m_linkTests = std::make_unique<LinkTestService>(linkTestSettings(config), *m_registry, m_clock);
    m_consultations->subscribe(*m_linkTests);
    m_supervisors = std::make_unique<SupervisorDesk>(m_advisorStore, *m_roster, *m_queue, m_statistics, m_clock);
}

LinkTestService::Settings ServerCore::linkTestSettings(const ServerConfig &config)
{
    LinkTestService::Settings settings;
    settings.maxDownloadBytes = static_cast<quint32>(config.linkTestMaxDownloadBytes);
    settings.maxUploadBytes = static_cast<quint32>(config.linkTestMaxUploadBytes);
    settings.timeLimitMs = config.linkTestTimeLimitMs;
    settings.testsPerAddress = config.linkTestsPerAddress;
    settings.windowMinutes = config.linkTestWindowMinutes;
    settings.maxConcurrent = config.linkTestMaxConcurrent;
    return settings;
}

void ServerCore::addConsultationParts(const ServerConfig &config)
{
    m_consultations->subscribe(*m_customers);        // a customer who is taken no longer waits
    m_consultations->subscribe(m_consultationTally); // counts for the metrics, nothing of the content

    ChatRelay::Settings chatSettings;
    chatSettings.greetingGerman = config.greetingGerman;
    chatSettings.greetingEnglish = config.greetingEnglish;
    chatSettings.historyLines = config.transferHistoryLines;
    m_chat = std::make_unique<ChatRelay>(chatSettings, *m_consultations, *m_registry, m_clock);
    m_consultations->subscribe(*m_chat);

    ConsultationTransfer::Settings transferSettings;
    transferSettings.greetingGerman = config.transferGreetingGerman;
    transferSettings.greetingEnglish = config.transferGreetingEnglish;
    m_transfer = std::make_unique<ConsultationTransfer>(transferSettings, *m_consultations, *m_chat, *m_roster,
                                                        *m_registry, m_clock);
    m_consultations->subscribe(*m_transfer);

    MediaRelay::Settings mediaSettings;
    mediaSettings.windowBytes = config.mediaWindowBytes;
    mediaSettings.audioDeadlineMs = config.mediaAudioDeadlineMs;
    mediaSettings.videoDeadlineMs = config.mediaVideoDeadlineMs;
    mediaSettings.maxUplinkKbps = config.mediaMaxUplinkKbps;
    m_media = std::make_unique<MediaRelay>(mediaSettings, *m_consultations, *m_registry, m_clock);
    m_consultations->subscribe(*m_media);

    WhiteboardService::Settings boardSettings;
    boardSettings.board.maxDocuments = config.whiteboardMaxDocuments;
    boardSettings.board.maxPages = config.whiteboardMaxPages;
    boardSettings.board.maxBoardBytes = config.whiteboardMaxBoardBytes;
    boardSettings.board.maxOperations = config.whiteboardMaxOperations;
    boardSettings.board.maxPoints = config.whiteboardMaxPoints;
    boardSettings.maxPageBytes = config.whiteboardMaxPageBytes;
    boardSettings.operationsPerSecond = config.whiteboardOperationsPerSecond;
    boardSettings.operationBurst = config.whiteboardOperationBurst;
    m_whiteboard = std::make_unique<WhiteboardService>(boardSettings, *m_consultations, *m_registry, m_clock);
    m_consultations->subscribe(*m_whiteboard);

    DocumentService::Settings documentSettings;
    documentSettings.maxFileBytes = config.documentsMaxFileBytes;
    documentSettings.maxFiles = config.documentsMaxFiles;
    documentSettings.maxConsultationBytes = config.documentsMaxConsultationBytes;
    documentSettings.maxServerBytes = config.documentsMaxServerBytes;
    documentSettings.directory = config.documentsPath();
    documentSettings.content.maxImageSide = config.documentsMaxImageSide;
    documentSettings.content.maxImagePixels = config.documentsMaxImagePixels;
    documentSettings.content.maxPdfPages = config.documentsMaxPdfPages;
    documentSettings.checkThreads = config.documentsCheckThreads;
    m_documents = std::make_unique<DocumentService>(documentSettings, *m_consultations, *m_registry, m_clock);
    m_documentVaultReady = m_documents->purgeOrphans();
    if (!m_documentVaultReady)
        qCCritical(lcCore).noquote() << m_documentVaultReady.problem().message;
    else if (*m_documentVaultReady > 0)
        qCInfo(lcCore) << "deleted" << *m_documentVaultReady << "orphaned document files";
    m_consultations->setDocumentLimits(m_documents->limits());
    m_consultations->subscribe(*m_documents);
}

ServerCore::~ServerCore()
{
    // Sessions go first so that no component is asked about a session after it is gone.
    m_registry.reset();
}

void ServerCore::shutdown()
{
    m_consultations->endAll(wire::END_REASON_SERVER_SHUTDOWN);
    m_registry->shutdown();
}

void ServerCore::prepareWelcome(Session &session, wire::Welcome &welcome)
{
    if (session.kind() != wire::CLIENT_KIND_CUSTOMER)
        return;
    for (const wire::Notice &notice : m_notices.notices(session.language()))
        *welcome.add_notices() = notice;
    *welcome.mutable_service_hours() = m_queue->serviceHours(session.language());
}

void ServerCore::handleEnvelope(Session &session, const wire::Envelope &envelope)
{
    const auto body = envelope.body_case();
    if (Authorisation::check(session.stage(), session.kind(), body) == Authorisation::Verdict::Deny) {
        if (Authorisation::isDroppedQuietly(session.stage(), session.kind(), body))
            return; // late chunks of an abandoned connection check: no offence
        // S6: refused and logged, without content.
        qCWarning(lcCore) << "refused" << protocol::bodyName(body) << "from session" << session.id();
        session.sendError(wire::ERROR_NOT_ALLOWED, 0,
                          QStringLiteral("%1 is not allowed here").arg(protocol::bodyName(body)));
        if (Connection *connection = session.connection())
            connection->countProtocolError();
        return;
    }
    const qint64 nowUs = m_clock.monotonicUs();
    const Authorisation::RateClass rateClass = Authorisation::rateClassOf(body);
    // Media, board operations and page chunks are limited by their services (bytes, operations per
    // participant) and counted by the connection; chat and control by the session's buckets.
    bool allowed = true;
    if (rateClass == Authorisation::RateClass::Chat)
        allowed = session.allowChat(nowUs);
    else if (rateClass == Authorisation::RateClass::Control)
        allowed = session.allowControl(nowUs);
    if (!allowed) {
        // I5: dropped with a warning; the connection's own limit closes a sustained flood.
        ++(rateClass == Authorisation::RateClass::Chat ? m_chatOverRate : m_controlOverRate);
        wire::Envelope reply;
        auto *error = reply.mutable_error();
        error->set_code(wire::ERROR_RATE_LIMITED);
        error->set_message("too many messages");
        if (body == wire::Envelope::kSendChat)
            error->set_reference(envelope.send_chat().client_message_id().substr(0, 64));
        session.send(std::move(reply));
        if (nowUs - m_lastRateWarningUs > 1'000'000) {
            m_lastRateWarningUs = nowUs;
            qCWarning(lcCore) << "rate limit hit by session" << session.id();
        }
        return;
    }
    if (session.stage() == Session::Stage::Advisor)
        m_advisorDesk->noteActivity(session);
    dispatch(session, envelope);
}

void ServerCore::dispatch(Session &session, const wire::Envelope &envelope)
{
    switch (envelope.body_case()) {
    case wire::Envelope::kCustomerLogin:
        m_customers->handleLogin(session, envelope.customer_login());
        return;
    case wire::Envelope::kLeaveMessage:
        m_customers->handleLeaveMessage(session, envelope.leave_message());
        return;
    case wire::Envelope::kLeaveQueue:
        m_customers->handleLeaveQueue(session);
        return;
    case wire::Envelope::kUpdateSystemCheck:
        m_customers->handleUpdateSystemCheck(session, envelope.update_system_check());
        return;
    case wire::Envelope::kAdvisorLogin:
        m_advisorDesk->handleLogin(session, envelope.advisor_login());
        return;
    case wire::Envelope::kAdvisorLogout:
        m_advisorDesk->handleLogout(session);
        return;
    case wire::Envelope::kSetAvailability:
        m_advisorDesk->handleSetAvailability(session, envelope.set_availability());
        return;
    case wire::Envelope::kTakeCustomer:
        m_advisorDesk->handleTake(session, envelope.take_customer());
        return;
    case wire::Envelope::kMarkInboxItemDone:
        m_inbox->handleDone(session, envelope.mark_inbox_item_done());
        return;
    case wire::Envelope::kSupervisorOverviewRequest:
        m_supervisors->handleOverviewRequest(session, envelope.supervisor_overview_request());
        return;
    case wire::Envelope::kSupervisorStatisticsRequest:
        m_supervisors->handleStatisticsRequest(session, envelope.supervisor_statistics_request());
        return;
    case wire::Envelope::kLinkTestRequest:
        m_linkTests->handleRequest(session, envelope.link_test_request());
        return;
    case wire::Envelope::kLinkTestData:
        m_linkTests->handleData(session, envelope.link_test_data());
        return;
    case wire::Envelope::kEndConsultation:
        m_consultations->handleEnd(session, envelope.end_consultation());
        return;
    // The parts of a consultation.
    case wire::Envelope::kSendChat:
        m_chat->handleChat(session, envelope.send_chat());
        return;
    case wire::Envelope::kTyping:
        m_chat->handleTyping(session, envelope.typing());
        return;
    case wire::Envelope::kTransferConsultation:
        m_transfer->handleTransfer(session, envelope.transfer_consultation());
        return;
    case wire::Envelope::kMediaPacket:
        m_media->handlePacket(session, envelope);
        return;
    case wire::Envelope::kMediaAcknowledge:
        m_media->handleAcknowledge(session, envelope.media_acknowledge());
        return;
    case wire::Envelope::kMediaState:
        m_media->handleState(session, envelope.media_state());
        return;
    case wire::Envelope::kKeyframeRequest:
        m_media->handleKeyframeRequest(session, envelope.keyframe_request());
        return;
    case wire::Envelope::kQualityChange:
        m_media->handleQualityChange(session, envelope.quality_change());
        return;
    case wire::Envelope::kBoardDocument:
        m_whiteboard->handleDocument(session, envelope.board_document());
        return;
    case wire::Envelope::kBoardPageData:
        m_whiteboard->handlePageData(session, envelope.board_page_data());
        return;
    case wire::Envelope::kBoardShowPage:
        m_whiteboard->handleShowPage(session, envelope.board_show_page());
        return;
    case wire::Envelope::kBoardAnnotate:
        m_whiteboard->handleAnnotate(session, envelope.board_annotate());
        return;
    case wire::Envelope::kBoardPointer:
        m_whiteboard->handlePointer(session, envelope.board_pointer());
        return;
    case wire::Envelope::kBoardPermission:
        m_whiteboard->handlePermission(session, envelope.board_permission());
        return;
    case wire::Envelope::kSendForm:
        m_forms->handleSend(session, envelope.send_form());
        return;
    case wire::Envelope::kSubmitForm:
        m_forms->handleSubmit(session, envelope.submit_form());
        return;
    case wire::Envelope::kReleaseFormFields:
        m_forms->handleRelease(session, envelope.release_form_fields());
        return;
    case wire::Envelope::kDocumentOffer:
        m_documents->handleOffer(session, envelope.document_offer());
        return;
    case wire::Envelope::kDocumentChunk:
        m_documents->handleChunk(session, envelope.document_chunk());
        return;
    case wire::Envelope::kDocumentCancel:
        m_documents->handleCancel(session, envelope.document_cancel());
        return;
    case wire::Envelope::kDocumentDownload:
        m_documents->handleDownload(session, envelope.document_download());
        return;
    case wire::Envelope::kDocumentRemove:
        m_documents->handleRemove(session, envelope.document_remove());
        return;
    default:
        // The authorisation table lets nothing else through; if it ever did, refuse rather than crash.
        qCCritical(lcCore) << "no handler for" << protocol::bodyName(envelope.body_case());
        session.sendError(wire::ERROR_NOT_ALLOWED, 0, QStringLiteral("not handled"));
        return;
    }
}

void ServerCore::sessionSuspended(Session &session)
{
    m_linkTests->sessionGone(session); // its data went with the connection
    m_consultations->sessionSuspended(session);
    m_advisorDesk->sessionSuspended(session);
}

void ServerCore::sessionResumed(Session &session)
{
    m_advisorDesk->sessionResumed(session);
    m_consultations->sessionResumed(session);
}

void ServerCore::sessionEnding(Session &session)
{
    m_linkTests->sessionGone(session);
    m_consultations->sessionEnding(session);
    m_customers->sessionEnding(session);
    m_advisorDesk->sessionEnding(session);
    m_supervisors->sessionEnding(session);
}

} // namespace consult
