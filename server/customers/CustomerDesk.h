#pragma once

#include "consultation/ConsultationSubscriber.h"
#include "net/AddressRateTable.h"
#include "protocol/consult.pb.h"
#include "stats/StatisticsStore.h"

#include <QHash>
#include <QHostAddress>
#include <QString>

#include <unordered_map>

namespace consult {

class InboxService;
class NoticeCatalog;
class OpeningHours;
class QueueService;
class Session;
class SessionRegistry;

// Where customers come in (seed 000 steps 1-2): log-in with name and phone after accepting the
// current notices (S4, I7), then the queue, or, when closed or full, only a message; a waiting
// customer may turn the wait into a message at any moment (lesson 2) or leave. Limits entries and
// messages per address (S3). Keeps each customer's name and phone in RAM only, for their session (P7).
// Hears of consultations as a part: a customer who is taken no longer waits.
class CustomerDesk final : public ConsultationSubscriber
{
public:
    struct Settings
    {
        int entriesPerAddress = 5;  // S3
        int messagesPerAddress = 5; // S3
        int windowMinutes = 10;
    };

    // What the server knows of a logged-in customer; gone with the session.
    struct Customer
    {
        QString name;
        QString phoneE164;
        wire::ConsultationMode mode = wire::CONSULTATION_MODE_CHAT;
        QString entryId; // while waiting in the queue
        qint64 loggedInAtMs = 0;
    };

    CustomerDesk(Settings settings, const NoticeCatalog &notices, QueueService &queue, InboxService &inbox,
                 SessionRegistry &registry, StatisticsStore &statistics, const Clock &clock);

    void handleLogin(Session &session, const wire::CustomerLogin &login);
    void handleLeaveMessage(Session &session, const wire::LeaveMessage &request);
    void handleLeaveQueue(Session &session);
    // A waiting video customer repeated the system check: the advisors' queue shows the new result.
    void handleUpdateSystemCheck(Session &session, const wire::UpdateSystemCheck &update);

    const Customer *customer(quint64 sessionId) const;
    // ConsultationSubscriber: an advisor took this customer, who no longer waits.
    void consultationStarted(const ConsultationRecord &consultation) override;
    // The session ends: a customer still waiting gives up the place.
    void sessionEnding(Session &session);

    // S3: queue entries and left messages refused over the per-address limits since start (metrics).
    quint64 entriesOverLimit() const { return m_entriesOverLimit; }
    quint64 messagesOverLimit() const { return m_messagesOverLimit; }

private:
    static bool allow(AddressRateTable &limits, const QHostAddress &address, quint32 *retryAfterMs);
    void recordUnserved(const Customer &customer, StatisticsStore::Outcome outcome);

    Settings m_settings;
    const NoticeCatalog &m_notices;
    QueueService &m_queue;
    InboxService &m_inbox;
    SessionRegistry &m_registry;
    StatisticsStore &m_statistics;
    const Clock &m_clock;
    std::unordered_map<quint64, Customer> m_customers;
    AddressRateTable m_entryLimits;   // by addressGroup(): IPv6 by /64
    AddressRateTable m_messageLimits; // by addressGroup()
    quint64 m_entriesOverLimit = 0;
    quint64 m_messagesOverLimit = 0;
};

} // namespace consult
