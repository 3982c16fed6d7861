#include "StatisticsSeries.h"

#include <QDateTime>

namespace consult::advisor::StatisticsSeries {

namespace {

constexpr qint64 kHourMs = 3'600'000;

// Calls `visit(localDateTime, count)` for every hour with consultations.
template <typename Visit>
void forEachHour(const wire::SupervisorStatistics &statistics, const QTimeZone &zone, Visit visit)
{
    for (int i = 0; i < statistics.consultations_per_hour_size(); ++i) {
        const int count = static_cast<int>(statistics.consultations_per_hour(i));
        if (count == 0)
            continue;
        visit(QDateTime::fromMSecsSinceEpoch(statistics.since() + i * kHourMs, zone), count);
    }
}

} // namespace

QList<int> perHourOf(const wire::SupervisorStatistics &statistics, QDate day, const QTimeZone &zone)
{
    QList<int> counts(24, 0);
    forEachHour(statistics, zone, [&](const QDateTime &at, int count) {
        if (at.date() == day)
            counts[at.time().hour()] += count;
    });
    return counts;
}

QList<int> perDay(const wire::SupervisorStatistics &statistics, QDate first, QDate last, const QTimeZone &zone)
{
    const qint64 days = first.daysTo(last) + 1;
    if (days <= 0)
        return {};
    QList<int> counts(days, 0);
    forEachHour(statistics, zone, [&](const QDateTime &at, int count) {
        const qint64 index = first.daysTo(at.date());
        if (index >= 0 && index < days)
            counts[index] += count;
    });
    return counts;
}

} // namespace consult::advisor::StatisticsSeries
