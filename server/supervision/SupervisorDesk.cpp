#include "SupervisorDesk.h"

#include "advisors/AdvisorStore.h"
#include "core/Clock.h"
#include "presence/AdvisorRoster.h"
#include "queue/QueueService.h"
#include "session/Session.h"
#include "stats/StatisticsStore.h"

#include <QLoggingCategory>

namespace consult {

Q_LOGGING_CATEGORY(lcSupervision, "consult.supervision")

namespace {

constexpr qint64 kHourMs = 3'600'000;
constexpr qint64 kDayMs = 24 * kHourMs;

quint32 count(int value)
{
    return static_cast<quint32>(qMax(0, value));
}

} // namespace

SupervisorDesk::SupervisorDesk(AdvisorStore &store, AdvisorRoster &roster, const QueueService &queue,
                               StatisticsStore &statistics, const Clock &clock)
    : m_store(store)
    , m_roster(roster)
    , m_queue(queue)
    , m_statistics(statistics)
    , m_clock(clock)
{}

bool SupervisorDesk::mayAsk(Session &session, quint32 requestId)
{
    // S6: the role, read now rather than at log-in, so that `advisor supervisor <user> off` or
    // disabling the account takes effect with the next request.
    const AdvisorPresence *presence = m_roster.find(session.id());
    const auto account = presence ? m_store.findById(presence->accountId) : std::nullopt;
    if (account && account->supervisor && !account->disabled)
        return true;
    if (const std::optional<qint64> allowed = m_refusalLog.take(m_clock.monotonicUs() / 1000)) {
        qCWarning(lcSupervision).noquote()
            << "refused the supervisor overview to" << (account ? account->username : QStringLiteral("a session"))
            << (*allowed > 0 ? QStringLiteral("(%1 refusals not logged before this)").arg(*allowed) : QString());
    }
    session.sendError(wire::ERROR_NOT_ALLOWED, requestId, QStringLiteral("only supervisors see the overview"));
    return false;
}

bool SupervisorDesk::withinRate(Session &session, quint32 requestId, qint64 &lastUs, bool &seen, qint64 intervalMs)
{
    const qint64 nowUs = m_clock.monotonicUs();
    const qint64 waitUs = intervalMs * 1000 - (nowUs - lastUs);
    if (seen && waitUs > 0) {
        session.sendError(wire::ERROR_RATE_LIMITED, requestId, QStringLiteral("asked too often"), {},
                          static_cast<quint32>((waitUs + 999) / 1000));
        return false;
    }
    lastUs = nowUs;
    seen = true;
    return true;
}

void SupervisorDesk::handleOverviewRequest(Session &session, const wire::SupervisorOverviewRequest &request)
{
    if (!mayAsk(session, request.request_id()))
        return;
    LastRequests &last = m_lastRequests[session.id()];
    if (!withinRate(session, request.request_id(), last.overviewUs, last.overviewSeen, kOverviewIntervalMs))
        return;
    wire::Envelope envelope;
    *envelope.mutable_supervisor_overview() = overview();
    envelope.mutable_supervisor_overview()->set_request_id(request.request_id());
    session.send(std::move(envelope));
}

void SupervisorDesk::handleStatisticsRequest(Session &session, const wire::SupervisorStatisticsRequest &request)
{
    if (!mayAsk(session, request.request_id()))
        return;
    LastRequests &last = m_lastRequests[session.id()];
    if (!withinRate(session, request.request_id(), last.statisticsUs, last.statisticsSeen, kStatisticsIntervalMs))
        return;
    auto figures = statistics(request.since());
    if (!figures) {
        session.sendError(wire::ERROR_STORAGE_FAILED, request.request_id(), QStringLiteral("cannot read statistics"));
        return;
    }
    figures->set_request_id(request.request_id());
    wire::Envelope envelope;
    *envelope.mutable_supervisor_statistics() = std::move(*figures);
    session.send(std::move(envelope));
}

void SupervisorDesk::sessionEnding(Session &session)
{
    m_lastRequests.remove(session.id());
}

wire::SupervisorOverview SupervisorDesk::overview() const
{
    const qint64 now = m_clock.nowMs();
    wire::SupervisorOverview figures;
    figures.set_as_of(now);
    const QueueService::WaitingFigures waiting = m_queue.waitingFigures();
    figures.set_waiting_chat(count(waiting.chat));
    figures.set_waiting_video(count(waiting.video));
    if (waiting.chat + waiting.video > 0)
        figures.set_longest_wait_seconds(
            static_cast<quint32>(qMax<qint64>(0, now - waiting.oldestEnqueuedAtMs) / 1000));
    int freeAdvisors = 0;
    int busy = 0;
    int paused = 0;
    int reconnecting = 0;
    int consultations = 0;
    for (const auto &[sessionId, presence] : m_roster.presences()) {
        consultations += static_cast<int>(presence.consultations.size());
        if (!presence.connected)
            ++reconnecting;
        else if (!presence.available)
            ++paused;
        else if (presence.freePlaces() > 0)
            ++freeAdvisors;
        else
            ++busy;
    }
    figures.set_advisors_free(count(freeAdvisors));
    figures.set_advisors_busy(count(busy));
    figures.set_advisors_paused(count(paused));
    figures.set_advisors_reconnecting(count(reconnecting));
    figures.set_active_consultations(count(consultations));
    return figures;
}

std::optional<wire::SupervisorStatistics> SupervisorDesk::statistics(qint64 sinceMs)
{
    const qint64 now = m_clock.nowMs();
    const qint64 currentHour = now - now % kHourMs;
    qint64 since = sinceMs > 0 ? sinceMs : now - kDefaultDays * kDayMs;
    since = qBound(now - kMaxDays * kDayMs, since, now);
    since -= since % kHourMs;
    const auto summary = m_statistics.summarise(since);
    if (!summary)
        return std::nullopt;
    const StatisticsStore::Summary &sums = summary.value();
    wire::SupervisorStatistics figures;
    figures.set_since(since);
    for (qint64 hour = since; hour <= currentHour; hour += kHourMs)
        figures.add_consultations_per_hour(count(sums.servedPerHour.value(hour)));
    for (int band : sums.waitBands)
        figures.add_wait_bands(count(band));
    figures.set_with_chat(count(sums.withChat));
    figures.set_with_audio(count(sums.withAudio));
    figures.set_with_video(count(sums.withVideo));
    figures.set_with_whiteboard(count(sums.withWhiteboard));
    figures.set_with_documents(count(sums.withDocuments));
    figures.set_completed(count(sums.completed));
    figures.set_connection_lost(count(sums.connectionLost));
    figures.set_message_left(count(sums.messageLeft));
    figures.set_left_queue(count(sums.leftQueue));
    return figures;
}

} // namespace consult
