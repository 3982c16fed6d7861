#include "CustomerDesk.h"

#include "core/Clock.h"
#include "inbox/InboxService.h"
#include "notices/NoticeCatalog.h"
#include "queue/QueueService.h"
#include "session/SessionRegistry.h"
#include "stats/StatisticsStore.h"
#include "validation/DisplayName.h"
#include "validation/PhoneNumber.h"
#include "validation/TextNormaliser.h"

#include <algorithm>

namespace consult {

namespace {

// I7: the system check comes from the customer; outcomes outside the enum become "not checked",
// figures are capped at what a line can plausibly measure.
wire::SystemCheck boundedSystemCheck(const wire::SystemCheck &in)
{
    const auto outcome = [](wire::CheckOutcome value) {
        return wire::CheckOutcome_IsValid(value) ? value : wire::CHECK_OUTCOME_UNSPECIFIED;
    };
    constexpr quint32 kMaxKbps = 10'000'000; // 10 Gbit/s
    constexpr quint32 kMaxRoundTripMs = 60'000;
    wire::SystemCheck out;
    out.set_camera(outcome(in.camera()));
    out.set_microphone(outcome(in.microphone()));
    out.set_speaker(outcome(in.speaker()));
    out.set_connection(outcome(in.connection()));
    out.set_download_kbps(std::min(in.download_kbps(), kMaxKbps));
    out.set_upload_kbps(std::min(in.upload_kbps(), kMaxKbps));
    out.set_round_trip_ms(std::min(in.round_trip_ms(), kMaxRoundTripMs));
    return out;
}
} // namespace

CustomerDesk::CustomerDesk(Settings settings, const NoticeCatalog &notices, QueueService &queue, InboxService &inbox,
                           SessionRegistry &registry, StatisticsStore &statistics, const Clock &clock)
    : m_settings(settings)
    , m_notices(notices)
    , m_queue(queue)
    , m_inbox(inbox)
    , m_registry(registry)
    , m_statistics(statistics)
    , m_clock(clock)
    , m_entryLimits(settings.entriesPerAddress, std::chrono::minutes(settings.windowMinutes), clock)
    , m_messageLimits(settings.messagesPerAddress, std::chrono::minutes(settings.windowMinutes), clock)
{}

void CustomerDesk::handleLogin(Session &session, const wire::CustomerLogin &login)
{
    const quint32 requestId = login.request_id();
    // S4: nothing happens before the current notices are accepted.
    if (!m_notices.acceptsAll(login.accepted_notices())) {
        session.sendError(wire::ERROR_NOTICES_NOT_ACCEPTED, requestId,
                          QStringLiteral("the current notices must be accepted"));
        return;
    }
    const auto name = validation::normaliseName(QString::fromStdString(login.name()));
    if (!name) {
        session.sendError(wire::ERROR_INVALID_INPUT, requestId, name.problem().code, QStringLiteral("name"));
        return;
    }
    const auto phone = validation::normalisePhone(QString::fromStdString(login.phone()));
    if (!phone) {
        session.sendError(wire::ERROR_INVALID_INPUT, requestId, phone.problem().code, QStringLiteral("phone"));
        return;
    }
    const wire::ConsultationMode mode =
        login.mode() == wire::CONSULTATION_MODE_VIDEO ? wire::CONSULTATION_MODE_VIDEO : wire::CONSULTATION_MODE_CHAT;
    quint32 retryAfterMs = 0;
    if (!allow(m_entryLimits, session.address(), &retryAfterMs)) {
        ++m_entriesOverLimit;
        session.sendError(wire::ERROR_RATE_LIMITED, requestId, QStringLiteral("too many entries from this address"), {},
                          retryAfterMs);
        return;
    }

    Customer &customer = m_customers[session.id()];
    customer = Customer{name.value(), phone.value(), mode, {}, m_clock.nowMs()};
    session.setStage(Session::Stage::WaitingCustomer);

    wire::Envelope accepted;
    auto *body = accepted.mutable_customer_login_accepted();
    body->set_request_id(requestId);
    body->set_name(customer.name.toStdString());
    body->set_phone_e164(customer.phoneE164.toStdString());
    session.send(std::move(accepted));

    const wire::ServiceHours hours = m_queue.serviceHours(session.language());
    const auto messageOnly = [&](wire::QueueState state) {
        wire::Envelope envelope;
        envelope.mutable_queue_status()->set_state(state);
        envelope.mutable_queue_status()->set_expected_wait_seconds(-1);
        *envelope.mutable_queue_status()->mutable_service_hours() = hours;
        session.send(std::move(envelope));
    };
    if (!hours.open_now()) {
        messageOnly(wire::QUEUE_STATE_CLOSED_MESSAGE_ONLY);
        return;
    }
    QueueService::Entry entry;
    entry.sessionId = session.id();
    entry.name = customer.name;
    entry.phoneE164 = customer.phoneE164;
    entry.mode = mode;
    if (login.has_system_check())
        entry.systemCheck = boundedSystemCheck(login.system_check());
    entry.language = session.language();
    if (const auto entryId = m_queue.enqueue(std::move(entry)))
        customer.entryId = *entryId;
    else
        messageOnly(wire::QUEUE_STATE_FULL_MESSAGE_ONLY);
}

void CustomerDesk::handleLeaveMessage(Session &session, const wire::LeaveMessage &request)
{
    auto it = m_customers.find(session.id());
    if (it == m_customers.end())
        return;
    Customer &customer = it->second;
    const quint32 requestId = request.request_id();
    const auto text = validation::normaliseChatText(QString::fromStdString(request.text()));
    if (!text) {
        session.sendError(wire::ERROR_INVALID_INPUT, requestId, text.problem().code, QStringLiteral("text"));
        return;
    }
    QString phone = customer.phoneE164;
    if (!request.callback_phone().empty()) {
        const auto callback = validation::normalisePhone(QString::fromStdString(request.callback_phone()));
        if (!callback) {
            session.sendError(wire::ERROR_INVALID_INPUT, requestId, callback.problem().code,
                              QStringLiteral("callback_phone"));
            return;
        }
        phone = callback.value();
    }
    quint32 retryAfterMs = 0;
    if (!allow(m_messageLimits, session.address(), &retryAfterMs)) {
        ++m_messagesOverLimit;
        session.sendError(wire::ERROR_RATE_LIMITED, requestId, QStringLiteral("too many messages from this address"),
                          {}, retryAfterMs);
        return;
    }
    // Stored first, place given up second: if storing fails the customer still waits (lesson 2).
    const auto stored = m_inbox.store(customer.name, phone, text.value());
    if (!stored) {
        // I9: at the global cap the customer hears so plainly, and stays to call or try again later.
        if (stored.problem().code == QLatin1StringView(InboxService::kFullCode))
            session.sendError(wire::ERROR_INBOX_FULL, requestId, QStringLiteral("the inbox is full"));
        else
            session.sendError(wire::ERROR_STORAGE_FAILED, requestId, QStringLiteral("the message could not be stored"));
        return;
    }
    if (!customer.entryId.isEmpty()) {
        m_queue.leave(customer.entryId);
        customer.entryId.clear();
    }
    wire::Envelope envelope;
    auto *confirmation = envelope.mutable_message_stored();
    confirmation->set_request_id(requestId);
    confirmation->set_stored_at(stored.value());
    confirmation->set_retention_days(static_cast<quint32>(m_inbox.retentionDays()));
    session.send(std::move(envelope));
    recordUnserved(customer, StatisticsStore::Outcome::MessageLeft);
    m_customers.erase(it);
    m_registry.endSession(session, wire::SESSION_CLOSE_REASON_MESSAGE_STORED);
}

void CustomerDesk::handleUpdateSystemCheck(Session &session, const wire::UpdateSystemCheck &update)
{
    const auto it = m_customers.find(session.id());
    // Only a video customer in the queue: the chat has no check, and after the take the advisor
    // sees the devices live (MediaState).
    if (it == m_customers.end() || it->second.mode != wire::CONSULTATION_MODE_VIDEO || it->second.entryId.isEmpty())
        return;
    m_queue.updateSystemCheck(it->second.entryId, boundedSystemCheck(update.system_check()));
}

void CustomerDesk::handleLeaveQueue(Session &session)
{
    auto it = m_customers.find(session.id());
    if (it != m_customers.end()) {
        if (!it->second.entryId.isEmpty())
            m_queue.leave(it->second.entryId);
        recordUnserved(it->second, StatisticsStore::Outcome::LeftQueue);
        m_customers.erase(it);
    }
    m_registry.endSession(session, wire::SESSION_CLOSE_REASON_LEFT_QUEUE);
}

const CustomerDesk::Customer *CustomerDesk::customer(quint64 sessionId) const
{
    const auto it = m_customers.find(sessionId);
    return it == m_customers.end() ? nullptr : &it->second;
}

void CustomerDesk::consultationStarted(const ConsultationRecord &consultation)
{
    auto it = m_customers.find(consultation.customerSessionId);
    if (it != m_customers.end())
        it->second.entryId.clear();
}

void CustomerDesk::sessionEnding(Session &session)
{
    auto it = m_customers.find(session.id());
    if (it == m_customers.end())
        return;
    if (!it->second.entryId.isEmpty()) {
        m_queue.leave(it->second.entryId);
        recordUnserved(it->second, StatisticsStore::Outcome::LeftQueue);
    }
    m_customers.erase(it);
}

bool CustomerDesk::allow(AddressRateTable &limits, const QHostAddress &address, quint32 *retryAfterMs)
{
    qint64 retryAfterUs = 0;
    if (limits.tryTake(address, &retryAfterUs))
        return true;
    *retryAfterMs = static_cast<quint32>(qMin<qint64>(retryAfterUs / 1000, 3'600'000));
    return false;
}

void CustomerDesk::recordUnserved(const Customer &customer, StatisticsStore::Outcome outcome)
{
    const qint64 now = m_clock.nowMs();
    // Not served: no duration, only the wait.
    (void)m_statistics.add(StatisticsStore::anonymise(customer.loggedInAtMs, customer.loggedInAtMs,
                                                      now - customer.loggedInAtMs, outcome, 0));
}

} // namespace consult
