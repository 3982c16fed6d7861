#pragma once

#include "core/Result.h"

#include <QDate>
#include <QDateTime>
#include <QMap>
#include <QSet>
#include <QString>
#include <QTimeZone>

#include <array>
#include <optional>
#include <vector>

namespace consult {

// When the service takes waiting customers: a weekly schedule in the bank's time zone, minus
// closed dates, or around the clock. Built once from configuration and owned by the queue
// service, which refuses to queue outside the hours and tells the customer the next opening.
//
// Times are wall-clock times in the zone. "08:00-18:00" means 08:00 to 18:00 on the local clock on
// every day, so on a DST change day the interval is an hour shorter or longer in real time; a start
// inside the spring gap opens at the end of the gap, and wall times the autumn fold repeats are
// open both times.
class OpeningHours
{
public:
    // weekdayToSpec: keys "monday".."sunday"; values like "08:00-12:00,13:00-18:00", "closed" or
    // empty. A missing day is closed. End 24:00 means to the end of the day; intervals that cross
    // midnight are split between two days. closedDates: comma-separated ISO dates (holidays).
    // timeZone: an IANA id; empty means the default.
    static Result<OpeningHours> parse(const QMap<QString, QString> &weekdayToSpec, const QString &closedDates,
                                      const QString &timeZone);
    static OpeningHours alwaysOpen(const QTimeZone &zone = defaultTimeZone());
    static QTimeZone defaultTimeZone(); // Europe/Berlin

    bool isAlwaysOpen() const { return m_alwaysOpen; }
    const QTimeZone &timeZone() const { return m_zone; }

    bool isOpen(const QDateTime &utc) const;
    // The first instant at or after `utc` at which the service is open: `utc` itself when open now,
    // nullopt when it does not open within the next kSearchDays days.
    std::optional<QDateTime> nextOpening(const QDateTime &utc) const;
    // For customers, e.g. "Mo–Fr 08:00–18:00, Sa 09:00–13:00" ("de") or "Mon–Fri 08:00–18:00"
    // (anything else is English). Closed dates are not listed; nextOpening() covers them.
    QString describe(const QString &language) const;

    // Long enough to see past the longest closure a bank announces (Christmas to New Year plus
    // the weekends around it).
    static constexpr int kSearchDays = 31;

private:
    struct Interval
    {
        int startMinute = 0; // since local midnight; the interval is [start, end)
        int endMinute = 0;   // up to 24 * 60

        friend bool operator==(const Interval &, const Interval &) = default;
    };
    using DaySchedule = std::vector<Interval>; // sorted, not overlapping

    explicit OpeningHours(QTimeZone zone, bool alwaysOpen);

    static Result<DaySchedule> parseDay(const QString &weekday, const QString &spec);
    bool isOpenAtWallTime(QDate date, int msecsSinceMidnight) const;
    std::vector<qint64> instantsOfWallTime(QDate date, int minute) const;
    int offsetSecondsAt(qint64 msecsSinceEpoch) const;

    QTimeZone m_zone;
    bool m_alwaysOpen = false;
    std::array<DaySchedule, 7> m_week; // [0] is Monday, as in QDate::dayOfWeek() - 1
    QSet<QDate> m_closedDates;         // local dates in m_zone
};

} // namespace consult
