#include "queue/OpeningHours.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <functional>

namespace consult {

namespace {

constexpr int kMinutesPerDay = 24 * 60;
constexpr qint64 kMsecsPerMinute = 60 * 1000;
constexpr qint64 kMsecsPerDay = kMinutesPerDay * kMsecsPerMinute;
constexpr QChar kEnDash(u'\u2013');

// Configuration keys, Monday first as in QDate::dayOfWeek().
const std::array<QLatin1StringView, 7> kWeekdayKeys = {QLatin1StringView("monday"),    QLatin1StringView("tuesday"),
                                                       QLatin1StringView("wednesday"), QLatin1StringView("thursday"),
                                                       QLatin1StringView("friday"),    QLatin1StringView("saturday"),
                                                       QLatin1StringView("sunday")};

struct Vocabulary
{
    std::array<QLatin1StringView, 7> days;
    QLatin1StringView intervalJoiner;
    QLatin1StringView aroundTheClock;
    QLatin1StringView closed;
};

const Vocabulary kGerman = {{QLatin1StringView("Mo"), QLatin1StringView("Di"), QLatin1StringView("Mi"),
                             QLatin1StringView("Do"), QLatin1StringView("Fr"), QLatin1StringView("Sa"),
                             QLatin1StringView("So")},
                            QLatin1StringView(" und "),
                            QLatin1StringView("rund um die Uhr"),
                            QLatin1StringView("geschlossen")};

const Vocabulary kEnglish = {{QLatin1StringView("Mon"), QLatin1StringView("Tue"), QLatin1StringView("Wed"),
                              QLatin1StringView("Thu"), QLatin1StringView("Fri"), QLatin1StringView("Sat"),
                              QLatin1StringView("Sun")},
                             QLatin1StringView(" and "),
                             QLatin1StringView("around the clock"),
                             QLatin1StringView("closed")};

Problem problem(const char *code, const QString &message)
{
    return Problem{QString::fromLatin1(code), message};
}

// "8:00", "08:00" or "24:00" as minutes since midnight.
std::optional<int> parseMinuteOfDay(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^([0-9]{1,2}):([0-9]{2})$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const int hour = match.captured(1).toInt();
    const int minute = match.captured(2).toInt();
    if (minute > 59 || hour > 24 || (hour == 24 && minute != 0))
        return std::nullopt;
    return hour * 60 + minute;
}

QString formatMinuteOfDay(int minuteOfDay)
{
    return QStringLiteral("%1:%2")
        .arg(minuteOfDay / 60, 2, 10, QLatin1Char('0'))
        .arg(minuteOfDay % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

OpeningHours::OpeningHours(QTimeZone zone, bool alwaysOpen)
    : m_zone(std::move(zone))
    , m_alwaysOpen(alwaysOpen)
{}

QTimeZone OpeningHours::defaultTimeZone()
{
    return QTimeZone(QByteArrayLiteral("Europe/Berlin"));
}

OpeningHours OpeningHours::alwaysOpen(const QTimeZone &zone)
{
    return OpeningHours(zone, true);
}

Result<OpeningHours> OpeningHours::parse(const QMap<QString, QString> &weekdayToSpec, const QString &closedDates,
                                         const QString &timeZone)
{
    const QString zoneId = timeZone.trimmed();
    QTimeZone zone = zoneId.isEmpty() ? defaultTimeZone() : QTimeZone(zoneId.toUtf8());
    if (!zone.isValid())
        return problem("bad_time_zone", QStringLiteral("Unknown time zone \"%1\"; expected an IANA id such as "
                                                       "Europe/Berlin")
                                            .arg(timeZone));
    OpeningHours hours(std::move(zone), false);

    for (auto it = weekdayToSpec.cbegin(); it != weekdayToSpec.cend(); ++it) {
        const QString key = it.key().trimmed().toLower();
        const auto day = std::find(kWeekdayKeys.cbegin(), kWeekdayKeys.cend(), key);
        // A typo such as "tuseday" must not quietly close a day.
        if (day == kWeekdayKeys.cend())
            return problem("unknown_weekday",
                           QStringLiteral("Unknown weekday \"%1\"; expected monday ... sunday").arg(it.key()));
        Result<DaySchedule> schedule = parseDay(key, it.value());
        if (!schedule)
            return schedule.problem();
        hours.m_week[static_cast<std::size_t>(day - kWeekdayKeys.cbegin())] = std::move(schedule).value();
    }

    for (const QString &part : closedDates.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        static const QRegularExpression isoDate(QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"));
        const QString text = part.trimmed();
        const QDate date = isoDate.match(text).hasMatch() ? QDate::fromString(text, Qt::ISODate) : QDate();
        if (!date.isValid())
            return problem("bad_date",
                           QStringLiteral("Closed date \"%1\" is not an ISO date such as 2026-12-24").arg(text));
        hours.m_closedDates.insert(date);
    }

    const DaySchedule wholeDay{Interval{0, kMinutesPerDay}};
    hours.m_alwaysOpen =
        hours.m_closedDates.isEmpty() && std::all_of(hours.m_week.cbegin(), hours.m_week.cend(),
                                                     [&](const DaySchedule &schedule) { return schedule == wholeDay; });
    return hours;
}

Result<OpeningHours::DaySchedule> OpeningHours::parseDay(const QString &weekday, const QString &spec)
{
    const QString trimmed = spec.trimmed();
    if (trimmed.isEmpty() || trimmed.compare(QLatin1StringView("closed"), Qt::CaseInsensitive) == 0)
        return DaySchedule{};

    DaySchedule schedule;
    for (const QString &part : trimmed.split(QLatin1Char(','))) {
        const QString text = part.trimmed();
        QStringList ends = QString(text).replace(kEnDash, QLatin1Char('-')).split(QLatin1Char('-'));
        if (ends.size() != 2)
            return problem("bad_interval",
                           QStringLiteral("%1: \"%2\" is not an interval such as 08:00-12:00").arg(weekday, text));
        const std::optional<int> start = parseMinuteOfDay(ends[0].trimmed());
        const std::optional<int> end = parseMinuteOfDay(ends[1].trimmed());
        if (!start || !end)
            return problem("bad_time",
                           QStringLiteral("%1: \"%2\" has a time outside 00:00 to 24:00").arg(weekday, text));
        if (*end <= *start)
            return problem("end_not_after_start", QStringLiteral("%1: \"%2\" does not end after it starts; an "
                                                                 "interval across midnight is split into two days")
                                                      .arg(weekday, text));
        schedule.push_back(Interval{*start, *end});
    }

    std::sort(schedule.begin(), schedule.end(),
              [](const Interval &a, const Interval &b) { return a.startMinute < b.startMinute; });
    for (std::size_t i = 1; i < schedule.size(); ++i) {
        // Touching intervals (12:00-13:00,13:00-14:00) are allowed and behave as one.
        if (schedule[i].startMinute < schedule[i - 1].endMinute)
            return problem("overlapping_intervals", QStringLiteral("%1: intervals %2-%3 and %4-%5 overlap")
                                                        .arg(weekday, formatMinuteOfDay(schedule[i - 1].startMinute),
                                                             formatMinuteOfDay(schedule[i - 1].endMinute),
                                                             formatMinuteOfDay(schedule[i].startMinute),
                                                             formatMinuteOfDay(schedule[i].endMinute)));
    }
    return schedule;
}

bool OpeningHours::isOpen(const QDateTime &utc) const
{
    if (!utc.isValid())
        return false;
    if (m_alwaysOpen)
        return true;
    const QDateTime local = utc.toTimeZone(m_zone);
    return isOpenAtWallTime(local.date(), local.time().msecsSinceStartOfDay());
}

bool OpeningHours::isOpenAtWallTime(QDate date, int msecsSinceMidnight) const
{
    if (m_closedDates.contains(date))
        return false;
    const DaySchedule &schedule = m_week[static_cast<std::size_t>(date.dayOfWeek() - 1)];
    return std::any_of(schedule.cbegin(), schedule.cend(), [&](const Interval &interval) {
        return msecsSinceMidnight >= interval.startMinute * kMsecsPerMinute &&
               msecsSinceMidnight < interval.endMinute * kMsecsPerMinute;
    });
}

std::optional<QDateTime> OpeningHours::nextOpening(const QDateTime &utc) const
{
    if (isOpen(utc))
        return utc;
    if (!utc.isValid())
        return std::nullopt;

    // The service can only become open where an interval starts on the wall clock or where the
    // wall clock jumps (a spring gap swallowing a start, an autumn fold repeating open hours).
    // Collect both over the horizon and take the earliest at which it really is open.
    const qint64 fromMs = utc.toMSecsSinceEpoch();
    const QDate today = utc.toTimeZone(m_zone).date();
    std::vector<qint64> candidates;
    // From yesterday: a fold across midnight can bring yesterday's wall times back.
    for (int day = -1; day <= kSearchDays; ++day) {
        const QDate date = today.addDays(day);
        if (m_closedDates.contains(date))
            continue;
        for (const Interval &interval : m_week[static_cast<std::size_t>(date.dayOfWeek() - 1)]) {
            const std::vector<qint64> instants = instantsOfWallTime(date, interval.startMinute);
            candidates.insert(candidates.end(), instants.cbegin(), instants.cend());
        }
    }
    const QDateTime horizon = utc.addDays(kSearchDays + 1);
    for (const QTimeZone::OffsetData &transition : m_zone.transitions(utc, horizon))
        candidates.push_back(transition.atUtc.toMSecsSinceEpoch());

    std::sort(candidates.begin(), candidates.end());
    for (const qint64 candidateMs : candidates) {
        const QDateTime candidate = QDateTime::fromMSecsSinceEpoch(candidateMs, Qt::UTC);
        if (candidateMs > fromMs && isOpen(candidate))
            return candidate;
    }
    return std::nullopt;
}

// Every instant at which the wall clock in m_zone shows `minute` on `date`: none in a spring gap,
// two in an autumn fold. Written out because Qt 6.4's QDateTime(date, time, zone) yields an
// invalid value in a gap and silently picks the later instant in a fold.
std::vector<qint64> OpeningHours::instantsOfWallTime(QDate date, int minute) const
{
    const qint64 wallAsUtc = QDateTime(date, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() + minute * kMsecsPerMinute;
    // Any offset the wall time can map through is in force within a day of it.
    std::vector<int> offsets = {offsetSecondsAt(wallAsUtc - kMsecsPerDay), offsetSecondsAt(wallAsUtc),
                                offsetSecondsAt(wallAsUtc + kMsecsPerDay)};
    std::sort(offsets.begin(), offsets.end(), std::greater<>()); // larger offset = earlier instant
    offsets.erase(std::unique(offsets.begin(), offsets.end()), offsets.end());

    std::vector<qint64> instants;
    for (const int offset : offsets) {
        const qint64 instant = wallAsUtc - offset * qint64(1000);
        if (offsetSecondsAt(instant) == offset)
            instants.push_back(instant);
    }
    return instants;
}

int OpeningHours::offsetSecondsAt(qint64 msecsSinceEpoch) const
{
    return m_zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::UTC));
}

QString OpeningHours::describe(const QString &language) const
{
    const Vocabulary &words = language.startsWith(QLatin1StringView("de"), Qt::CaseInsensitive) ? kGerman : kEnglish;
    if (m_alwaysOpen)
        return words.aroundTheClock;

    QStringList groups;
    for (std::size_t first = 0; first < m_week.size();) {
        std::size_t last = first;
        while (last + 1 < m_week.size() && m_week[last + 1] == m_week[first])
            ++last;
        if (!m_week[first].empty()) {
            QString days = words.days[first];
            if (last > first)
                days += kEnDash + words.days[last];
            QStringList intervals;
            for (const Interval &interval : m_week[first])
                intervals.append(formatMinuteOfDay(interval.startMinute) + kEnDash +
                                 formatMinuteOfDay(interval.endMinute));
            groups.append(days + QLatin1Char(' ') + intervals.join(words.intervalJoiner));
        }
        first = last + 1;
    }
    return groups.isEmpty() ? QString(words.closed) : groups.join(QStringLiteral(", "));
}

} // namespace consult
