#include "RetentionPolicy.h"

#include "accesslog/AccessLog.h"
#include "advisors/AdvisorStore.h"
#include "config/ServerConfig.h"
#include "core/Clock.h"
#include "inbox/InboxStore.h"
#include "stats/StatisticsStore.h"
#include "storage/Database.h"

#include <QLoggingCategory>

#include <optional>

namespace consult {

Q_LOGGING_CATEGORY(lcRetention, "consult.retention")

namespace {
constexpr qint64 kDayMs = 24LL * 3600 * 1000;
} // namespace

RetentionPeriods RetentionPeriods::of(const ServerConfig &config)
{
    return RetentionPeriods{config.inboxRetentionDays, config.statisticsRetentionDays, config.accessLogRetentionDays};
}

QString RetentionReport::summary() const
{
    return QStringLiteral("Deleted %1 access log entries, %2 messages, %3 statistics records, %4 expired tokens.")
        .arg(accessLogEntries)
        .arg(inboxMessageIds.size())
        .arg(statisticsRecords)
        .arg(expiredTokens);
}

RetentionPolicy::RetentionPolicy(Database &database, const Clock &clock, RetentionPeriods periods)
    : m_database(database)
    , m_clock(clock)
    , m_periods(periods)
{}

Result<RetentionReport> RetentionPolicy::apply()
{
    const qint64 now = m_clock.nowMs();
    RetentionReport report;
    std::optional<Problem> firstProblem;
    const auto note = [&firstProblem](const Problem &problem) {
        qCWarning(lcRetention).noquote() << "retention: a purge failed:" << problem.message;
        if (!firstProblem)
            firstProblem = problem;
    };

    // Boundaries: exactly the period old is kept, one millisecond more is deleted.
    if (const auto purged = AccessLog::purgeBefore(m_database, now - m_periods.accessLogDays * kDayMs))
        report.accessLogEntries = purged.value();
    else
        note(purged.problem());
    if (const auto purged = InboxStore(m_database).purgeReceivedBefore(now - m_periods.inboxDays * kDayMs))
        report.inboxMessageIds = purged.value();
    else
        note(purged.problem());
    if (const auto purged = StatisticsStore(m_database).purgeBefore(now - m_periods.statisticsDays * kDayMs))
        report.statisticsRecords = purged.value();
    else
        note(purged.problem());
    if (const auto purged = AdvisorStore(m_database).purgeTokens(now))
        report.expiredTokens = purged.value();
    else
        note(purged.problem());

    const bool deleted = report.accessLogEntries > 0 || !report.inboxMessageIds.isEmpty() ||
                         report.statisticsRecords > 0 || report.expiredTokens > 0;
    if (deleted)
        qCInfo(lcRetention).noquote() << "retention:" << report.summary();
    else
        qCDebug(lcRetention).noquote() << "retention:" << report.summary();
    if (firstProblem)
        return *firstProblem;
    return report;
}

} // namespace consult
