#include "ConsultationService.h"

#include "advisors/AdvisorRoster.h"
#include "advisors/AdvisorStore.h"
#include "core/Clock.h"
#include "core/SecureRandom.h"
#include "customers/CustomerDesk.h"
#include "queue/QueueService.h"
#include "session/SessionRegistry.h"
#include "stats/StatisticsStore.h"
#include "validation/TextNormaliser.h"

namespace consult {

namespace {
constexpr std::size_t kMaxClientMessageId = 64;
} // namespace

ConsultationService::ConsultationService(Settings settings, SessionRegistry &registry, AdvisorRoster &roster,
                                         QueueService &queue, CustomerDesk &customers, StatisticsStore &statistics,
                                         const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_registry(registry)
    , m_roster(roster)
    , m_queue(queue)
    , m_customers(customers)
    , m_statistics(statistics)
    , m_clock(clock)
{}

void ConsultationService::start(Session &advisor, AdvisorPresence &presence, const Participants &participants,
                                quint32 requestId)
{
    Session *customer = m_registry.find(participants.customerSessionId);
    if (!customer)
        return;
    Consultation consultation;
    consultation.id = SecureRandom::identifier();
    consultation.customerSessionId = customer->id();
    consultation.advisorSessionId = advisor.id();
    consultation.advisorName = presence.displayName;
    consultation.customerLanguage = customer->language();
    consultation.mode = participants.mode;
    consultation.startedAtMs = m_clock.nowMs();
    consultation.waitedMs = consultation.startedAtMs - participants.enqueuedAtMs;
    consultation.features = StatisticsStore::Chat;
    Consultation &stored = m_consultations.insert(consultation.id, consultation).value();
    m_consultationOfCustomer.insert(customer->id(), stored.id);
    Q_EMIT started(stored.id, customer->id(), advisor.id());
    customer->setStage(Session::Stage::ConsultingCustomer);
    m_customers.markTaken(customer->id());
    presence.consultations.insert(stored.id);

    wire::Envelope toAdvisor;
    auto *started = toAdvisor.mutable_consultation_started();
    started->set_request_id(requestId);
    started->set_consultation_id(stored.id.toStdString());
    started->set_advisor_name(stored.advisorName.toStdString());
    started->set_customer_name(participants.customerName.toStdString());
    started->set_customer_phone_e164(participants.customerPhoneE164.toStdString());
    started->set_mode(stored.mode);
    started->set_started_at(stored.startedAtMs);
    started->set_waited_ms(stored.waitedMs);
    wire::Envelope toCustomer = toAdvisor;
    // The customer learns the advisor's name, nothing about the advisor's other customers.
    toCustomer.mutable_consultation_started()->set_request_id(0);
    toCustomer.mutable_consultation_started()->clear_customer_name();
    toCustomer.mutable_consultation_started()->clear_customer_phone_e164();
    advisor.send(std::move(toAdvisor));
    customer->send(std::move(toCustomer));

    // Seed 000 step 3: the customer is greeted by name of the advisor, in the customer's language.
    const QString greeting = (stored.customerLanguage == u"en" ? m_settings.greetingEnglish : m_settings.greetingGerman)
                                 .arg(stored.advisorName);
    relay(stored, &advisor, wire::PARTY_ADVISOR, stored.advisorName, greeting, {});

    m_roster.sendStatus(presence);
    m_roster.staffingChanged();
}

ConsultationService::Consultation *ConsultationService::ownConsultation(const Session &session, const std::string &id)
{
    auto it = m_consultations.find(QString::fromStdString(id));
    if (it == m_consultations.end())
        return nullptr;
    if (it->customerSessionId != session.id() && it->advisorSessionId != session.id())
        return nullptr;
    return &it.value();
}

wire::Party ConsultationService::partyOf(const Consultation &consultation, const Session &session) const
{
    return consultation.customerSessionId == session.id() ? wire::PARTY_CUSTOMER : wire::PARTY_ADVISOR;
}

Session *ConsultationService::peerOf(const Consultation &consultation, const Session &session) const
{
    return m_registry.find(consultation.customerSessionId == session.id() ? consultation.advisorSessionId
                                                                          : consultation.customerSessionId);
}

void ConsultationService::handleChat(Session &sender, const wire::SendChat &chat)
{
    Consultation *consultation = ownConsultation(sender, chat.consultation_id());
    const auto refuse = [&](wire::ErrorCode code, const QString &message, const QString &field) {
        wire::Envelope envelope;
        auto *error = envelope.mutable_error();
        error->set_code(code);
        error->set_message(message.toStdString());
        error->set_field(field.toStdString());
        error->set_reference(chat.client_message_id().substr(0, kMaxClientMessageId));
        sender.send(std::move(envelope));
    };
    if (!consultation) {
        refuse(wire::ERROR_NOT_FOUND, QStringLiteral("no such consultation"), {}); // S5: no oracle
        return;
    }
    if (chat.client_message_id().size() > kMaxClientMessageId) {
        refuse(wire::ERROR_INVALID_INPUT, QStringLiteral("client message id too long"),
               QStringLiteral("client_message_id"));
        return;
    }
    const auto text = validation::normaliseChatText(QString::fromStdString(chat.text()));
    if (!text) {
        refuse(wire::ERROR_INVALID_INPUT, text.problem().code, QStringLiteral("text"));
        return;
    }
    const wire::Party author = partyOf(*consultation, sender);
    QString authorName;
    if (author == wire::PARTY_ADVISOR) {
        authorName = consultation->advisorName;
    } else if (const auto *customer = m_customers.customer(sender.id())) {
        authorName = customer->name;
    }
    relay(*consultation, &sender, author, authorName, text.value(), chat.client_message_id());
}

void ConsultationService::relay(Consultation &consultation, Session *sender, wire::Party author,
                                const QString &authorName, const QString &text, const std::string &clientMessageId)
{
    wire::Envelope envelope;
    auto *message = envelope.mutable_chat_message();
    message->set_consultation_id(consultation.id.toStdString());
    message->set_message_id(std::to_string(consultation.nextMessageNumber++));
    message->set_client_message_id(clientMessageId);
    message->set_author(author);
    message->set_author_name(authorName.toStdString());
    message->set_text(text.toStdString());
    message->set_sent_at(m_clock.nowMs());

    remember(consultation, *message);

    Session *customer = m_registry.find(consultation.customerSessionId);
    Session *advisor = m_registry.find(consultation.advisorSessionId);
    Session *recipient = author == wire::PARTY_CUSTOMER ? advisor : customer;
    if (sender)
        sender->send(wire::Envelope(envelope));
    if (!recipient)
        return;
    const std::string consultationId = message->consultation_id();
    const std::string messageId = message->message_id();
    const quint64 senderId = sender ? sender->id() : 0;
    const quint64 seq = recipient->send(std::move(envelope));
    // The receipt: the recipient's app has the message once it acknowledges the envelope.
    recipient->whenAcknowledged(seq, [this, senderId, consultationId, messageId] {
        Session *to = m_registry.find(senderId);
        if (!to || to->stage() == Session::Stage::Closing)
            return;
        wire::Envelope receipt;
        receipt.mutable_chat_delivered()->set_consultation_id(consultationId);
        receipt.mutable_chat_delivered()->set_message_id(messageId);
        to->send(std::move(receipt));
    });
}

void ConsultationService::remember(Consultation &consultation, const wire::ChatMessage &message)
{
    // P1: kept in RAM only so that a colleague who receives the consultation can read it; the
    // oldest lines go first when either bound is reached.
    const auto size = static_cast<qsizetype>(message.ByteSizeLong());
    consultation.history.push_back(message);
    consultation.historyBytes += size;
    while (!consultation.history.empty() && (static_cast<int>(consultation.history.size()) > m_settings.historyLines ||
                                             consultation.historyBytes > m_settings.historyBytes)) {
        consultation.historyBytes -= static_cast<qsizetype>(consultation.history.front().ByteSizeLong());
        consultation.history.pop_front();
    }
}

void ConsultationService::handleTyping(Session &sender, const wire::Typing &typing)
{
    Consultation *consultation = ownConsultation(sender, typing.consultation_id());
    if (!consultation) {
        sender.sendError(wire::ERROR_NOT_FOUND, 0, QStringLiteral("no such consultation"));
        return;
    }
    if (Session *peer = peerOf(*consultation, sender)) {
        wire::Envelope envelope;
        auto *relayed = envelope.mutable_typing();
        relayed->set_consultation_id(typing.consultation_id());
        relayed->set_active(typing.active());
        relayed->set_party(partyOf(*consultation, sender));
        peer->send(std::move(envelope));
    }
}

void ConsultationService::handleEnd(Session &sender, const wire::EndConsultation &request)
{
    Consultation *consultation = ownConsultation(sender, request.consultation_id());
    if (!consultation) {
        sender.sendError(wire::ERROR_NOT_FOUND, 0, QStringLiteral("no such consultation"));
        return;
    }
    end(consultation->id, partyOf(*consultation, sender) == wire::PARTY_CUSTOMER ? wire::END_REASON_CUSTOMER_ENDED
                                                                                 : wire::END_REASON_ADVISOR_ENDED);
}

void ConsultationService::handleTransfer(Session &sender, const wire::TransferConsultation &request)
{
    const quint32 requestId = request.request_id();
    Consultation *consultation = ownConsultation(sender, request.consultation_id());
    AdvisorPresence *from = m_roster.find(sender.id());
    // S5: only the consultation's own advisor; any other id looks like one that never existed.
    if (!consultation || !from || partyOf(*consultation, sender) != wire::PARTY_ADVISOR) {
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

    // The consultation keeps its id, its customer session and its statistics; only the advisor changes.
    const QString previousAdvisor = consultation->advisorName;
    from->consultations.remove(consultation->id);
    to->consultations.insert(consultation->id);
    const quint64 previousSessionId = consultation->advisorSessionId;
    consultation->advisorSessionId = to->sessionId;
    consultation->advisorName = to->displayName;
    Q_EMIT advisorReplaced(consultation->id, previousSessionId, to->sessionId);
    const qint64 now = m_clock.nowMs();
    const std::string id = consultation->id.toStdString();

    wire::Envelope toPrevious;
    auto *ended = toPrevious.mutable_consultation_ended();
    ended->set_consultation_id(id);
    ended->set_reason(wire::END_REASON_TRANSFERRED);
    ended->set_ended_at(now);
    ended->set_transferred_to(to->displayName.toStdString());
    sender.send(std::move(toPrevious));

    Session *customer = m_registry.find(consultation->customerSessionId);
    const CustomerDesk::Customer *details = m_customers.customer(consultation->customerSessionId);
    wire::Envelope toColleague;
    auto *started = toColleague.mutable_consultation_started();
    started->set_consultation_id(id);
    started->set_advisor_name(consultation->advisorName.toStdString());
    if (details) {
        started->set_customer_name(details->name.toStdString());
        started->set_customer_phone_e164(details->phoneE164.toStdString());
    }
    started->set_mode(consultation->mode);
    started->set_started_at(consultation->startedAtMs);
    started->set_waited_ms(consultation->waitedMs);
    started->mutable_history()->Add(consultation->history.begin(), consultation->history.end());
    started->set_transferred_from(previousAdvisor.toStdString());
    target->send(std::move(toColleague));
    if (customer && !customer->isConnected())
        sendPresence(*consultation, to->sessionId, wire::PEER_STATE_RECONNECTING);

    if (customer) {
        wire::Envelope toCustomer;
        auto *transferred = toCustomer.mutable_consultation_transferred();
        transferred->set_consultation_id(id);
        transferred->set_advisor_name(consultation->advisorName.toStdString());
        transferred->set_transferred_at(now);
        customer->send(std::move(toCustomer));
    }
    const QString greeting = (consultation->customerLanguage == u"en" ? m_settings.transferGreetingEnglish
                                                                      : m_settings.transferGreetingGerman)
                                 .arg(consultation->advisorName);
    relay(*consultation, target, wire::PARTY_ADVISOR, consultation->advisorName, greeting, {});
    m_roster.staffingChanged(); // both advisors' places changed; every status that differs goes out
}

void ConsultationService::end(const QString &consultationId, wire::EndReason reason)
{
    auto it = m_consultations.find(consultationId);
    if (it == m_consultations.end())
        return;
    // Taken out of every map first: whatever the end triggers finds it gone.
    const Consultation consultation = it.value();
    m_consultations.erase(it);
    Q_EMIT ended(consultation.id);
    m_consultationOfCustomer.remove(consultation.customerSessionId);
    const qint64 now = m_clock.nowMs();

    wire::Envelope envelope;
    auto *ended = envelope.mutable_consultation_ended();
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
    (void)m_statistics.add(StatisticsStore::anonymise(
        consultation.startedAtMs, now, consultation.waitedMs,
        completed ? QStringLiteral("completed") : QStringLiteral("connection_lost"), consultation.features));
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

void ConsultationService::sendPresence(const Consultation &consultation, quint64 toSessionId, wire::PeerState state)
{
    Session *to = m_registry.find(toSessionId);
    if (!to)
        return;
    wire::Envelope envelope;
    envelope.mutable_peer_presence()->set_consultation_id(consultation.id.toStdString());
    envelope.mutable_peer_presence()->set_state(state);
    to->send(std::move(envelope));
}

void ConsultationService::sessionSuspended(Session &session)
{
    announcePresence(session, wire::PEER_STATE_RECONNECTING);
}

void ConsultationService::sessionResumed(Session &session)
{
    announcePresence(session, wire::PEER_STATE_CONNECTED);
}

void ConsultationService::announcePresence(const Session &session, wire::PeerState state)
{
    if (const QString id = m_consultationOfCustomer.value(session.id()); !id.isEmpty()) {
        const Consultation &consultation = m_consultations[id];
        sendPresence(consultation, consultation.advisorSessionId, state);
        return;
    }
    if (const AdvisorPresence *presence = m_roster.find(session.id())) {
        for (const QString &id : presence->consultations) {
            const auto it = m_consultations.constFind(id);
            if (it != m_consultations.cend())
                sendPresence(it.value(), it->customerSessionId, state);
        }
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
    for (const Consultation &consultation : std::as_const(m_consultations)) {
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
