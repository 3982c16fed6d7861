#pragma once

#include "ConsultationSubscriber.h"
#include "protocol/consult.pb.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace consult {

class AdvisorRoster;
class Clock;
class QueueService;
class Session;
class SessionRegistry;
class StatisticsStore;
struct AdvisorPresence;

// The lifecycle of consultations between one customer and one advisor, and the ownership lookup
// every part relies on (S5: someone else's consultation id gets the same answer as one that never
// existed). It starts a consultation when an advisor takes a customer, tells each side how the
// other's connection is, replaces the advisor on a transfer, and ends it, after which nothing of the
// consultation remains on the server (P1). What happens inside a consultation belongs to its parts
// (chat relay, transfer, media relay), which hear of every step through
// ConsultationSubscriber. Owned by the ServerCore, which adds the parts.
class ConsultationService final : public QObject
{
    Q_OBJECT
public:
    ConsultationService(SessionRegistry &registry, AdvisorRoster &roster, QueueService &queue,
                        StatisticsStore &statistics, const Clock &clock, QObject *parent = nullptr);

    // Parts hear of the lifecycle in the order they were added. Each outlives this service's use.
    void subscribe(ConsultationSubscriber &part);

    struct Participants
    {
        quint64 customerSessionId = 0;
        QString customerName;
        QString customerPhoneE164;
        wire::ConsultationMode mode = wire::CONSULTATION_MODE_CHAT;
        qint64 enqueuedAtMs = 0;
        std::optional<wire::SystemCheck> systemCheck; // video only: shown to the advisor
    };
    // The advisor has taken a customer: both are told, then the parts (the chat part greets).
    void start(Session &advisor, AdvisorPresence &presence, const Participants &participants, quint32 requestId);

    // What the advisor is told of a consultation they now hold (the customer gets it without the
    // customer's own name and phone).
    wire::ConsultationStarted startedMessage(const ConsultationRecord &consultation) const;
    // The document limits every ConsultationStarted carries ([documents], set by the ServerCore).
    void setDocumentLimits(const wire::DocumentLimits &limits) { m_documentLimits = limits; }

    // One video consultation per advisor (issue 10): whether `presence` holds a running one.
    bool holdsVideo(const AdvisorPresence &presence) const;

    // S5: the consultation `id` if `session` takes part in it, else null.
    const ConsultationRecord *ownConsultation(const Session &session, const std::string &id) const;
    const ConsultationRecord *find(const QString &id) const;

    // A transfer: `to` becomes the consultation's advisor. `announce` runs once the record and both
    // advisors' places have changed and before the parts hear of it, so that the participants learn
    // of the transfer before anything a part sends for it.
    using Announcement = std::function<void(const ConsultationRecord &consultation, quint64 previousSessionId)>;
    void replaceAdvisor(const QString &id, AdvisorPresence &from, AdvisorPresence &to, const Announcement &announce);

    // A part used a feature (StatisticsStore::Feature) in this consultation: it goes into the
    // anonymous record at the end.
    void noteFeature(const QString &id, int feature);

    void handleEnd(Session &sender, const wire::EndConsultation &request);

    void sessionSuspended(Session &session);
    void sessionResumed(Session &session);
    void sessionEnding(Session &session);
    // Ends every consultation of an advisor (log-out).
    void endAllOf(quint64 advisorSessionId, wire::EndReason reason);
    // Ends every consultation (server shutdown).
    void endAll(wire::EndReason reason);

    int count() const { return static_cast<int>(m_consultations.size()); }

private:
    // Six random digits that no running consultation has.
    QString newPhoneCode() const;
    void end(const QString &consultationId, wire::EndReason reason);
    void sendPresence(const ConsultationRecord &consultation, quint64 toSessionId, wire::PeerState state);
    // Tells the other side of each of the session's consultations how the session's connection is.
    void announcePresence(const Session &session, wire::PeerState state);
    // The consultations `sessionId` takes part in (one for a customer, several for an advisor).
    QStringList consultationsOf(quint64 sessionId) const;

    SessionRegistry &m_registry;
    AdvisorRoster &m_roster;
    QueueService &m_queue;
    StatisticsStore &m_statistics;
    const Clock &m_clock;
    std::vector<ConsultationSubscriber *> m_parts;
    QHash<QString, ConsultationRecord> m_consultations;
    QHash<quint64, QString> m_consultationOfCustomer; // customer session -> consultation
    QSet<QString> m_phoneCodes;                       // of the running video consultations
    wire::DocumentLimits m_documentLimits;
};

} // namespace consult
