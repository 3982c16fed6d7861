#pragma once

#include "protocol/consult.pb.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <deque>

namespace consult {

class AdvisorRoster;
class Clock;
class CustomerDesk;
class QueueService;
class Session;
class SessionRegistry;
class StatisticsStore;
struct AdvisorPresence;

// Consultations between one customer and one advisor: the greeting (seed 000 step 3), the chat
// relay with delivery receipts, typing, the peer's connection state, the transfer to a colleague,
// and the end, after which nothing of the consultation remains on the server (P1: chat lives only
// in RAM: in transit, and as the bounded history a colleague receives with a transfer).
// Every message is checked against the sender's own consultations (S5): someone else's id gets the
// same answer as an id that never existed.
class ConsultationService final : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        QString greetingGerman = QStringLiteral("Guten Tag, hier ist %1. Wie kann ich Ihnen helfen?");
        QString greetingEnglish = QStringLiteral("Hello, this is %1. How can I help you?");
        // The first line of the colleague who received a transferred consultation; %1 is their name.
        QString transferGreetingGerman =
            QStringLiteral("Guten Tag, hier ist %1. Ich habe Ihr Gespräch übernommen und sehe den bisherigen Verlauf.");
        QString transferGreetingEnglish =
            QStringLiteral("Hello, this is %1. I have taken over your conversation and can see what was said so far.");
        // The chat a transfer hands over: the newest lines within both bounds. The byte bound keeps
        // ConsultationStarted well below the clients' 1 MiB message limit (I1).
        int historyLines = 500;
        qsizetype historyBytes = 256 * 1024;
    };

    ConsultationService(Settings settings, SessionRegistry &registry, AdvisorRoster &roster, QueueService &queue,
                        CustomerDesk &customers, StatisticsStore &statistics, const Clock &clock,
                        QObject *parent = nullptr);

    struct Participants
    {
        quint64 customerSessionId = 0;
        QString customerName;
        QString customerPhoneE164;
        wire::ConsultationMode mode = wire::CONSULTATION_MODE_CHAT;
        qint64 enqueuedAtMs = 0;
    };
    // The advisor has taken a customer: both are told, the customer is greeted.
    void start(Session &advisor, AdvisorPresence &presence, const Participants &participants, quint32 requestId);

    void handleChat(Session &sender, const wire::SendChat &chat);
    void handleTyping(Session &sender, const wire::Typing &typing);
    void handleEnd(Session &sender, const wire::EndConsultation &request);
    void handleTransfer(Session &sender, const wire::TransferConsultation &request);

    void sessionSuspended(Session &session);
    void sessionResumed(Session &session);
    void sessionEnding(Session &session);
    // Ends every consultation of an advisor (log-out).
    void endAllOf(quint64 advisorSessionId, wire::EndReason reason);
    // Ends every consultation (server shutdown).
    void endAll(wire::EndReason reason);

    int count() const { return static_cast<int>(m_consultations.size()); }

Q_SIGNALS:
    // Who is in which consultation, for the media relay.
    void started(const QString &consultationId, quint64 customerSessionId, quint64 advisorSessionId);
    void advisorReplaced(const QString &consultationId, quint64 previousSessionId, quint64 newSessionId);
    void ended(const QString &consultationId);

private:
    struct Consultation
    {
        QString id;
        quint64 customerSessionId = 0;
        quint64 advisorSessionId = 0;
        QString advisorName;
        QString customerLanguage;
        wire::ConsultationMode mode = wire::CONSULTATION_MODE_CHAT;
        qint64 startedAtMs = 0;
        qint64 waitedMs = 0;
        quint64 nextMessageNumber = 1;
        int features = 0;
        // The chat so far, for a transfer only (P1: RAM, dropped with the consultation).
        std::deque<wire::ChatMessage> history;
        qsizetype historyBytes = 0;
    };

    // S5: the consultation `id` if `session` takes part in it, else nothing.
    Consultation *ownConsultation(const Session &session, const std::string &id);
    wire::Party partyOf(const Consultation &consultation, const Session &session) const;
    Session *peerOf(const Consultation &consultation, const Session &session) const;
    void relay(Consultation &consultation, Session *sender, wire::Party author, const QString &authorName,
               const QString &text, const std::string &clientMessageId);
    void remember(Consultation &consultation, const wire::ChatMessage &message);
    void end(const QString &consultationId, wire::EndReason reason);
    void sendPresence(const Consultation &consultation, quint64 toSessionId, wire::PeerState state);
    // Tells the other side of each of the session's consultations how the session's connection is.
    void announcePresence(const Session &session, wire::PeerState state);

    Settings m_settings;
    SessionRegistry &m_registry;
    AdvisorRoster &m_roster;
    QueueService &m_queue;
    CustomerDesk &m_customers;
    StatisticsStore &m_statistics;
    const Clock &m_clock;
    QHash<QString, Consultation> m_consultations;
    QHash<quint64, QString> m_consultationOfCustomer; // customer session -> consultation
};

} // namespace consult
