#include "ConsultationService.h"

#include "core/Clock.h"
#include "core/SecureRandom.h"
#include "presence/AdvisorRoster.h"
#include "queue/QueueService.h"
#include "session/SessionRegistry.h"
#include "stats/StatisticsStore.h"

namespace consult {

ConsultationService::ConsultationService(SessionRegistry &registry, AdvisorRoster &roster, QueueService &queue,
                                         StatisticsStore &statistics, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_roster(roster)
    , m_queue(queue)
    , m_statistics(statistics)
    , m_clock(clock)
{}

void ConsultationService::subscribe(ConsultationSubscriber &part)
{
    m_parts.push_back(&part);
}

void ConsultationService::start(Session &advisor, AdvisorPresence &presence, const Participants &participants,
                                quint32 requestId)
{
    Session *customer = m_registry.find(participants.customerSessionId);
    if (!customer)
        return;
    ConsultationRecord consultation;
    consultation.id = SecureRandom::identifier();
    consultation.customerSessionId = customer->id();
    consultation.advisorSessionId = advisor.id();
    consultation.advisorName = presence.displayName;
    consultation.customerName = participants.customerName;
    consultation.customerPhoneE164 = participants.customerPhoneE164;
    consultation.customerLanguage = customer->language();
    consultation.mode = participants.mode;
    consultation.startedAtMs = m_clock.nowMs();
    consultation.waitedMs = consultation.startedAtMs - participants.enqueuedAtMs;
    // P3: what was really used is noted by the parts as it happens (chat, audio, video).
    consultation.features = 0;
    if (participants.mode == wire::CONSULTATION_MODE_VIDEO) {
        consultation.phoneCode = newPhoneCode();
        m_phoneCodes.insert(consultation.phoneCode);
        consultation.systemCheck = participants.systemCheck;
    }
    const ConsultationRecord &stored = m_consultations.insert(consultation.id, consultation).value();
    m_consultationOfCustomer.insert(customer->id(), stored.id);
    customer->setStage(Session::Stage::ConsultingCustomer);
    presence.consultations.insert(stored.id);

    wire::Envelope toAdvisor;
    *toAdvisor.mutable_consultation_started() = startedMessage(stored);
    toAdvisor.mutable_consultation_started()->set_request_id(requestId);
    wire::Envelope toCustomer = toAdvisor;
    // The customer learns the advisor's name, nothing about the advisor's other customers.
    toCustomer.mutable_consultation_started()->set_request_id(0);
    toCustomer.mutable_consultation_started()->clear_customer_name();
    toCustomer.mutable_consultation_started()->clear_customer_phone_e164();
    toCustomer.mutable_consultation_started()->clear_system_check(); // the customer's own, for the advisor
    advisor.send(std::move(toAdvisor));
    customer->send(std::move(toCustomer));

    for (ConsultationSubscriber *part : m_parts)
        part->consultationStarted(stored);

    m_roster.sendStatus(presence);
    m_roster.staffingChanged();
}

wire::ConsultationStarted ConsultationService::startedMessage(const ConsultationRecord &consultation) const
{
    wire::ConsultationStarted started;
    started.set_consultation_id(consultation.id.toStdString());
    started.set_advisor_name(consultation.advisorName.toStdString());
    started.set_customer_name(consultation.customerName.toStdString());
    started.set_customer_phone_e164(consultation.customerPhoneE164.toStdString());
    started.set_mode(consultation.mode);
    started.set_started_at(consultation.startedAtMs);
    started.set_waited_ms(consultation.waitedMs);
    started.set_phone_code(consultation.phoneCode.toStdString());
    if (consultation.systemCheck)
        *started.mutable_system_check() = *consultation.systemCheck;
    *started.mutable_document_limits() = m_documentLimits;
    return started;
}

QString ConsultationService::newPhoneCode() const
{
    // A million codes against at most a few thousand running consultations: a clash is rare, and
    // drawing again until there is none ends quickly.
    for (;;) {
        const QString code = QStringLiteral("%1").arg(SecureRandom::bounded(1'000'000), 6, 10, QLatin1Char('0'));
        if (!m_phoneCodes.contains(code))
            return code;
    }
}

bool ConsultationService::holdsVideo(const AdvisorPresence &presence) const
{
    for (const QString &id : presence.consultations) {
        const auto it = m_consultations.constFind(id);
        if (it != m_consultations.cend() && it->mode == wire::CONSULTATION_MODE_VIDEO)
            return true;
    }
    return false;
}

const ConsultationRecord *ConsultationService::ownConsultation(const Session &session, const std::string &id) const
{
    const auto it = m_consultations.constFind(QString::fromStdString(id));
    if (it == m_consultations.cend())
        return nullptr;
    if (it->customerSessionId != session.id() && it->advisorSessionId != session.id())
        return nullptr;
    return &it.value();
}

const ConsultationRecord *ConsultationService::find(const QString &id) const
{
    const auto it = m_consultations.constFind(id);
    return it == m_consultations.cend() ? nullptr : &it.value();
}

void ConsultationService::replaceAdvisor(const QString &id, AdvisorPresence &from, AdvisorPresence &to,
                                         const Announcement &announce)
{
    const auto it = m_consultations.find(id);
    if (it == m_consultations.end())
        return;
    // The consultation keeps its id, its customer session and its statistics; only the advisor changes.
    ConsultationRecord &consultation = it.value();
    from.consultations.remove(id);
    to.consultations.insert(id);
    const quint64 previousSessionId = consultation.advisorSessionId;
    consultation.advisorSessionId = to.sessionId;
    consultation.advisorName = to.displayName;
    announce(consultation, previousSessionId);
    // A part may end the consultation in reaction; iterate over a copy of the record.
    const ConsultationRecord current = consultation;
    for (ConsultationSubscriber *part : m_parts)
        part->advisorReplaced(current, previousSessionId);
}

void ConsultationService::noteFeature(const QString &id, int feature)
{
    const auto it = m_consultations.find(id);
    if (it != m_consultations.end())
        it->features |= feature;
}

void ConsultationService::handleEnd(Session &sender, const wire::EndConsultation &request)
{
    const ConsultationRecord *consultation = ownConsultation(sender, request.consultation_id());
    if (!consultation) {
        sender.sendError(wire::ERROR_NOT_FOUND, 0, QStringLiteral("no such consultation"));
        return;
    }
    end(consultation->id, consultation->partyOf(sender.id()) == wire::PARTY_CUSTOMER ? wire::END_REASON_CUSTOMER_ENDED
                                                                                     : wire::END_REASON_ADVISOR_ENDED);
}

void ConsultationService::end(const QString &consultationId, wire::EndReason reason)
{
    auto it = m_consultations.find(consultationId);
    if (it == m_consultations.end())
        return;
    // Taken out of every map first: whatever the end triggers finds it gone.
    const ConsultationRecord consultation = it.value();
    m_consultations.erase(it);
    m_consultationOfCustomer.remove(consultation.customerSessionId);
    m_phoneCodes.remove(consultation.phoneCode);
    // The receipt lists what the parts are about to delete; its time is taken once they have.
    wire::Envelope envelope;
    auto *ended = envelope.mutable_consultation_ended();
    for (const ConsultationSubscriber *part : m_parts)
        part->listDeleted(consultation, *ended->mutable_receipt());
    for (ConsultationSubscriber *part : m_parts)
        part->consultationEnded(consultation);
    const qint64 now = m_clock.nowMs();
    ended->mutable_receipt()->set_deleted_at(now);
    ended->set_consultation_id(consultation.id.toStdString());
    ended->set_reason(reason);
    ended->set_ended_at(now);
    Session *customer = m_registry.find(consultation.customerSessionId);
    Session *advisor = m_registry.find(consultation.advisorSessionId);
    if (advisor)
        advisor->send(wire::Envelope(envelope));
    if (customer)
        customer->send(std::move(envelope));

    if (AdvisorPresence *presence = m_roster.find(consultation.advisorSessionId)) {
        presence->consultations.remove(consultation.id);
        m_roster.sendStatus(*presence);
    }
    const bool completed = reason == wire::END_REASON_CUSTOMER_ENDED || reason == wire::END_REASON_ADVISOR_ENDED;
    (void)m_statistics.add(StatisticsStore::anonymise(consultation.startedAtMs, now, consultation.waitedMs,
                                                      completed ? StatisticsStore::Outcome::Completed
                                                                : StatisticsStore::Outcome::ConnectionLost,
                                                      consultation.features));
    if (completed)
        m_queue.recordHandlingTime(std::chrono::seconds((now - consultation.startedAtMs) / 1000));
    m_roster.staffingChanged();

    // S7: the customer's session, and with it every token and the chat still in its buffers, ends.
    // R2: when the server stops, the client is told so (and gets close code 1001).
    if (customer)
        m_registry.endSession(*customer, reason == wire::END_REASON_SERVER_SHUTDOWN
                                             ? wire::SESSION_CLOSE_REASON_SERVER_SHUTDOWN
                                             : wire::SESSION_CLOSE_REASON_CONSULTATION_ENDED);
}

void ConsultationService::sendPresence(const ConsultationRecord &consultation, quint64 toSessionId,
                                       wire::PeerState state)
{
    Session *to = m_registry.find(toSessionId);
    if (!to)
        return;
    wire::Envelope envelope;
    envelope.mutable_peer_presence()->set_consultation_id(consultation.id.toStdString());
    envelope.mutable_peer_presence()->set_state(state);
    to->send(std::move(envelope));
}

QStringList ConsultationService::consultationsOf(quint64 sessionId) const
{
    if (const QString id = m_consultationOfCustomer.value(sessionId); !id.isEmpty())
        return {id};
    if (const AdvisorPresence *presence = m_roster.find(sessionId))
        return presence->consultations.values();
    return {};
}

void ConsultationService::sessionSuspended(Session &session)
{
    announcePresence(session, wire::PEER_STATE_RECONNECTING);
}

void ConsultationService::sessionResumed(Session &session)
{
    for (const QString &id : consultationsOf(session.id())) {
        if (const ConsultationRecord *consultation = find(id)) {
            for (ConsultationSubscriber *part : m_parts)
                part->participantResumed(*consultation, session.id());
        }
    }
    announcePresence(session, wire::PEER_STATE_CONNECTED);
}

void ConsultationService::announcePresence(const Session &session, wire::PeerState state)
{
    for (const QString &id : consultationsOf(session.id())) {
        if (const ConsultationRecord *consultation = find(id))
            sendPresence(*consultation, consultation->peerOf(session.id()), state);
    }
}

void ConsultationService::sessionEnding(Session &session)
{
    if (const QString id = m_consultationOfCustomer.value(session.id()); !id.isEmpty()) {
        end(id, wire::END_REASON_CUSTOMER_LOST);
        return;
    }
    endAllOf(session.id(), wire::END_REASON_ADVISOR_LOST);
}

void ConsultationService::endAllOf(quint64 advisorSessionId, wire::EndReason reason)
{
    QStringList ids;
    for (const ConsultationRecord &consultation : std::as_const(m_consultations)) {
        if (consultation.advisorSessionId == advisorSessionId)
            ids.append(consultation.id);
    }
    for (const QString &id : ids)
        end(id, reason);
}

void ConsultationService::endAll(wire::EndReason reason)
{
    const QStringList ids = m_consultations.keys();
    for (const QString &id : ids)
        end(id, reason);
}

} // namespace consult
