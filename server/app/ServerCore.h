#pragma once

#include "accounts/LoginThrottle.h"
#include "accounts/PasswordHasher.h"
#include "advisors/AdvisorDesk.h"
#include "advisors/AdvisorStore.h"
#include "chat/ChatRelay.h"
#include "config/ServerConfig.h"
#include "consultation/ConsultationService.h"
#include "consultation/ConsultationTally.h"
#include "customers/CustomerDesk.h"
#include "documents/DocumentService.h"
#include "forms/FormService.h"
#include "inbox/InboxService.h"
#include "inbox/InboxStore.h"
#include "linktest/LinkTestService.h"
#include "media/MediaRelay.h"
#include "notices/NoticeCatalog.h"
#include "presence/AdvisorRoster.h"
#include "queue/OpeningHours.h"
#include "queue/QueueService.h"
#include "session/SessionRegistry.h"
#include "stats/StatisticsStore.h"
#include "storage/AtRestCipher.h"
#include "supervision/SupervisorDesk.h"
#include "transfer/ConsultationTransfer.h"
#include "whiteboard/WhiteboardService.h"

#include <QObject>

#include <memory>

namespace consult {

class Clock;
class Database;

// The relay without its network edge: sessions and every service, wired together. Receives each
// application message from the session layer, checks the authorisation table (S2, S4, S6) and the
// sender's rate limits (I5), and hands it to the component that owns the state it changes. Owned by
// the ServerApplication, or directly by integration tests.
class ServerCore final : public QObject, public SessionHost
{
    Q_OBJECT
public:
    struct Dependencies
    {
        Database &database;
        const AtRestCipher &inboxCipher;
        NoticeCatalog notices;
        OpeningHours hours;
        const Clock &clock;
        Argon2idParameters passwordHashing = {};
        FormLibrary forms = {}; // [forms] directory, loaded (and checked) before the core is built
    };

    ServerCore(const ServerConfig &config, Dependencies dependencies, QObject *parent = nullptr);
    ~ServerCore() override;

    SessionRegistry &registry() { return *m_registry; }
    QueueService &queue() { return *m_queue; }
    ConsultationService &consultations() { return *m_consultations; }
    ChatRelay &chat() { return *m_chat; }
    AdvisorRoster &roster() { return *m_roster; }
    AdvisorDesk &advisorDesk() { return *m_advisorDesk; }
    InboxService &inbox() { return *m_inbox; }
    MediaRelay &media() { return *m_media; }
    LinkTestService &linkTests() { return *m_linkTests; }
    WhiteboardService &whiteboard() { return *m_whiteboard; }
    FormService &forms() { return *m_forms; }
    DocumentService &documents() { return *m_documents; }
    // P2: the document vault's directory exists and what a crash left in it is gone (done when the
    // core is made, before any listener opens); the server does not start otherwise.
    const Result<int> &documentVaultReady() const { return m_documentVaultReady; }
    StatisticsStore &statistics() { return m_statistics; }
    AdvisorStore &advisorStore() { return m_advisorStore; }
    SupervisorDesk &supervisors() { return *m_supervisors; }
    const NoticeCatalog &notices() const { return m_notices; }
    const CustomerDesk &customerDesk() const { return *m_customers; }
    const ConsultationTally &consultationTally() const { return m_consultationTally; }
    // I5: messages refused by a session's chat or control bucket since start (for the metrics).
    quint64 chatOverRate() const { return m_chatOverRate; }
    quint64 controlOverRate() const { return m_controlOverRate; }

    // R2: every consultation ends, every client is told and closed with 1001.
    void shutdown();

    // SessionHost
    void prepareWelcome(Session &session, wire::Welcome &welcome) override;
    void handleEnvelope(Session &session, const wire::Envelope &envelope) override;
    void sessionSuspended(Session &session) override;
    void sessionResumed(Session &session) override;
    void sessionEnding(Session &session) override;

    static SessionRegistry::Settings sessionSettings(const ServerConfig &config);
    static LinkTestService::Settings linkTestSettings(const ServerConfig &config);

private:
    void addConsultationParts(const ServerConfig &config);
    void dispatch(Session &session, const wire::Envelope &envelope);

    const Clock &m_clock;
    NoticeCatalog m_notices;
    OpeningHours m_hours;
    AdvisorStore m_advisorStore;
    InboxStore m_inboxStore;
    StatisticsStore m_statistics;
    PasswordHasher m_hasher;
    LoginThrottle m_throttle;
    std::unique_ptr<SessionRegistry> m_registry;
    std::unique_ptr<AdvisorRoster> m_roster;
    std::unique_ptr<QueueService> m_queue;
    std::unique_ptr<InboxService> m_inbox;
    std::unique_ptr<CustomerDesk> m_customers;
    // The consultation's lifecycle, then its parts; a new part is made, added to the
    // lifecycle and given its messages in dispatch(), here and nowhere else.
    std::unique_ptr<ConsultationService> m_consultations;
    ConsultationTally m_consultationTally; // counts for the metrics
    std::unique_ptr<ChatRelay> m_chat;
    std::unique_ptr<ConsultationTransfer> m_transfer;
    std::unique_ptr<MediaRelay> m_media;
    std::unique_ptr<WhiteboardService> m_whiteboard;
    std::unique_ptr<FormService> m_forms;
    std::unique_ptr<DocumentService> m_documents;
    Result<int> m_documentVaultReady = 0;
    std::unique_ptr<AdvisorDesk> m_advisorDesk;
    std::unique_ptr<LinkTestService> m_linkTests;  // the system check's connection line, before a consultation
    std::unique_ptr<SupervisorDesk> m_supervisors; // the overview of queue, advisors and statistics (issue 14)
    qint64 m_lastRateWarningUs = 0;
    quint64 m_chatOverRate = 0;
    quint64 m_controlOverRate = 0;
};

} // namespace consult
