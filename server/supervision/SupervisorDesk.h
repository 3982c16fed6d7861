#pragma once

#include "app/LogBudget.h"
#include "protocol/consult.pb.h"

#include <QHash>

#include <optional>

namespace consult {

class AdvisorRoster;
class AdvisorStore;
class Clock;
class QueueService;
class Session;
class StatisticsStore;

// The supervisor overview (issue 14): answers an advisor with the supervisor role with the live
// queue and the advisors' states, and with sums over the anonymous statistics (P3). Only counts go
// out: no name, phone number, id or time of one consultation, and advisors are counted by state
// rather than listed, since the overview is for steering the service, not for watching colleagues.
// The role is read from the database at every request, so taking it away works at once; anyone
// without it is refused with ERROR_NOT_ALLOWED (S6). Each session may ask once a second for the
// overview and once every five seconds for the statistics (the table is read each time).
class SupervisorDesk final
{
public:
    static constexpr qint64 kOverviewIntervalMs = 1'000;
    static constexpr qint64 kStatisticsIntervalMs = 5'000;
    static constexpr int kMaxDays = 56;
    static constexpr int kDefaultDays = 28;

    SupervisorDesk(AdvisorStore &store, AdvisorRoster &roster, const QueueService &queue, StatisticsStore &statistics,
                   const Clock &clock);

    void handleOverviewRequest(Session &session, const wire::SupervisorOverviewRequest &request);
    void handleStatisticsRequest(Session &session, const wire::SupervisorStatisticsRequest &request);
    void sessionEnding(Session &session);

    // The figures themselves, public for tests.
    wire::SupervisorOverview overview() const;
    // From the hour of `sinceMs` (clamped to 56 days back; 0: 28 days back) to the current hour.
    std::optional<wire::SupervisorStatistics> statistics(qint64 sinceMs);

private:
    struct LastRequests
    {
        qint64 overviewUs = 0;
        qint64 statisticsUs = 0;
        bool overviewSeen = false;
        bool statisticsSeen = false;
    };

    bool mayAsk(Session &session, quint32 requestId);
    bool withinRate(Session &session, quint32 requestId, qint64 &lastUs, bool &seen, qint64 intervalMs);

    AdvisorStore &m_store;
    AdvisorRoster &m_roster;
    const QueueService &m_queue;
    StatisticsStore &m_statistics;
    const Clock &m_clock;
    QHash<quint64, LastRequests> m_lastRequests; // by session
    LogBudget m_refusalLog{20};                  // refused requests a minute: a client can cause them
};

} // namespace consult
