#include "ConsultationTransfer.h"

#include "advisors/AdvisorStore.h"
#include "chat/ChatRelay.h"
#include "consultation/ConsultationService.h"
#include "core/Clock.h"
#include "presence/AdvisorRoster.h"
#include "session/SessionRegistry.h"

namespace consult {

ConsultationTransfer::ConsultationTransfer(Settings settings, ConsultationService &consultations, ChatRelay &chat,
                                           AdvisorRoster &roster, SessionRegistry &registry, const Clock &clock)
    : m_settings(std::move(settings))
    , m_consultations(consultations)
    , m_chat(chat)
    , m_roster(roster)
    , m_registry(registry)
    , m_clock(clock)
{}

void ConsultationTransfer::handleTransfer(Session &sender, const wire::TransferConsultation &request)
{
    const quint32 requestId = request.request_id();
    const ConsultationRecord *consultation = m_consultations.ownConsultation(sender, request.consultation_id());
    AdvisorPresence *from = m_roster.find(sender.id());
    // S5: only the consultation's own advisor; any other id looks like one that never existed.
    if (!consultation || !from || consultation->partyOf(sender.id()) != wire::PARTY_ADVISOR) {
        sender.sendError(wire::ERROR_NOT_FOUND, requestId, QStringLiteral("no such consultation"));
        return;
    }
    const QString username = AdvisorStore::normaliseUsername(QString::fromStdString(request.to_advisor())).left(100);
    if (username == from->username) {
        sender.sendError(wire::ERROR_INVALID_INPUT, requestId, QStringLiteral("not to oneself"),
                         QStringLiteral("to_advisor"));
        return;
    }
    AdvisorPresence *to = m_roster.bestPresenceOf(username);
    Session *target = to ? m_registry.find(to->sessionId) : nullptr;
    if (!to || !target) {
        sender.sendError(wire::ERROR_NOT_FOUND, requestId, QStringLiteral("no such colleague logged in"));
        return;
    }
    if (!to->onDuty()) {
        sender.sendError(wire::ERROR_NOT_AVAILABLE, requestId, QStringLiteral("the colleague is not available"));
        return;
    }
    if (to->freePlaces() <= 0) {
        sender.sendError(wire::ERROR_AT_CAPACITY, requestId, QStringLiteral("the colleague has no free place"));
        return;
    }
    // One video consultation per advisor, as when taking a customer.
    if (consultation->mode == wire::CONSULTATION_MODE_VIDEO && m_consultations.holdsVideo(*to)) {
        sender.sendError(wire::ERROR_VIDEO_IN_PROGRESS, requestId,
                         QStringLiteral("the colleague is already in a video consultation"));
        return;
    }

    const QString id = consultation->id;
    const QString previousAdvisor = consultation->advisorName;
    m_consultations.replaceAdvisor(id, *from, *to, [&](const ConsultationRecord &changed, quint64 previousSessionId) {
        announce(changed, previousSessionId, previousAdvisor);
    });
    if (const ConsultationRecord *changed = m_consultations.find(id)) {
        const QString greeting =
            (changed->customerLanguage == u"en" ? m_settings.greetingEnglish : m_settings.greetingGerman)
                .arg(changed->advisorName);
        m_chat.postAsAdvisor(*changed, greeting);
    }
    m_roster.staffingChanged(); // both advisors' places changed; every status that differs goes out
}

void ConsultationTransfer::announce(const ConsultationRecord &consultation, quint64 previousSessionId,
                                    const QString &previousAdvisor)
{
    const qint64 now = m_clock.nowMs();
    const std::string id = consultation.id.toStdString();

    if (Session *previous = m_registry.find(previousSessionId)) {
        wire::Envelope toPrevious;
        auto *ended = toPrevious.mutable_consultation_ended();
        ended->set_consultation_id(id);
        ended->set_reason(wire::END_REASON_TRANSFERRED);
        ended->set_ended_at(now);
        ended->set_transferred_to(consultation.advisorName.toStdString());
        previous->send(std::move(toPrevious));
    }

    Session *customer = m_registry.find(consultation.customerSessionId);
    if (Session *colleague = m_registry.find(consultation.advisorSessionId)) {
        wire::Envelope toColleague;
        auto *started = toColleague.mutable_consultation_started();
        *started = m_consultations.startedMessage(consultation);
        const auto &history = m_chat.history(consultation.id);
        started->mutable_history()->Add(history.begin(), history.end());
        started->set_transferred_from(previousAdvisor.toStdString());
        colleague->send(std::move(toColleague));
        if (customer && !customer->isConnected()) {
            wire::Envelope presence;
            presence.mutable_peer_presence()->set_consultation_id(id);
            presence.mutable_peer_presence()->set_state(wire::PEER_STATE_RECONNECTING);
            colleague->send(std::move(presence));
        }
    }

    if (customer) {
        wire::Envelope toCustomer;
        auto *transferred = toCustomer.mutable_consultation_transferred();
        transferred->set_consultation_id(id);
        transferred->set_advisor_name(consultation.advisorName.toStdString());
        transferred->set_transferred_at(now);
        customer->send(std::move(toCustomer));
    }
}

} // namespace consult
