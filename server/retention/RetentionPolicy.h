#pragma once

#include "core/Result.h"

#include <QStringList>

#include <functional>

namespace consult {

class Clock;
class Database;
struct ServerConfig;

// How long each kind of stored data may be kept ([retention]).
struct RetentionPeriods
{
    int inboxDays = 14;
    int statisticsDays = 730;
    int accessLogDays = 7; // P5

    static RetentionPeriods of(const ServerConfig &config);
};

// What one run of the policy deleted.
struct RetentionReport
{
    int accessLogEntries = 0;
    QStringList inboxMessageIds; // the running server tells the advisors these are gone
    int statisticsRecords = 0;
    int expiredTokens = 0;

    // "Deleted 1 access log entries, 0 messages, 3 statistics records, 2 expired tokens."
    QString summary() const;
};

// The one place that knows what is past its retention period and deletes it: access log entries
// older than access_log_days (P5), messages left for the advisors older than inbox_days, statistics
// older than statistics_days (P3), and advisor tokens that are revoked or expired (A6, A7). The
// running server applies it at start-up and every hour (ServerApplication); operators apply it with
// "consult-server purge" (AdminCommands). Each run logs what it deleted (consult.retention).
class RetentionPolicy
{
public:
    static constexpr int kIntervalMinutes = 60; // how often the running server applies it

    RetentionPolicy(Database &database, const Clock &clock, RetentionPeriods periods);

    // Deletes everything past its period now. Every kind is tried even when one fails; the first
    // failure is returned then.
    Result<RetentionReport> apply();

private:
    Database &m_database;
    const Clock &m_clock;
    RetentionPeriods m_periods;
};

} // namespace consult
