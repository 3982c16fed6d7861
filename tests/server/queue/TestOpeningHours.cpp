#include "queue/OpeningHours.h"

#include <QTest>

using namespace consult;

using WeekSpec = QMap<QString, QString>;

namespace QTest {
template <>
char *toString(const std::optional<QDateTime> &instant)
{
    return qstrdup(instant ? qPrintable(instant->toUTC().toString(Qt::ISODate)) : "nullopt");
}
} // namespace QTest

namespace {

QDateTime utc(const char *iso)
{
    const QDateTime instant = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    if (!instant.isValid() || instant.timeSpec() != Qt::UTC)
        qFatal("test instant %s is not a UTC ISO date-time", iso);
    return instant;
}

std::optional<QDateTime> utcOpt(const char *iso)
{
    return utc(iso);
}

OpeningHours hoursOf(const WeekSpec &week, const QString &closedDates = {})
{
    Result<OpeningHours> parsed = OpeningHours::parse(week, closedDates, QString());
    if (!parsed)
        qFatal("test schedule refused: %s", qPrintable(parsed.problem().message));
    return std::move(parsed).value();
}

WeekSpec weekdays(const QString &spec)
{
    WeekSpec week;
    for (const char *day : {"monday", "tuesday", "wednesday", "thursday", "friday"})
        week.insert(QString::fromLatin1(day), spec);
    return week;
}

WeekSpec sundayOnly(const QString &spec)
{
    return WeekSpec{{QStringLiteral("sunday"), spec}};
}

// The bank's usual week: a lunch break on weekdays, Saturday mornings.
OpeningHours usualWeek(const QString &closedDates = {})
{
    WeekSpec week = weekdays(QStringLiteral("08:00-12:00,13:00-18:00"));
    week.insert(QStringLiteral("saturday"), QStringLiteral("09:00-13:00"));
    week.insert(QStringLiteral("sunday"), QStringLiteral("closed"));
    return hoursOf(week, closedDates);
}

} // namespace

class TestOpeningHours final : public QObject
{
    Q_OBJECT
private slots:
    void openExactlyDuringTheWeeklyIntervals_data()
    {
        QTest::addColumn<QDateTime>("instant");
        QTest::addColumn<bool>("open");
        // January: Berlin is UTC+1.
        QTest::newRow("Monday before opening") << utc("2026-01-12T06:59:59Z") << false;
        QTest::newRow("Monday at opening") << utc("2026-01-12T07:00:00Z") << true;
        QTest::newRow("Monday before lunch") << utc("2026-01-12T10:59:59Z") << true;
        QTest::newRow("Monday lunch break") << utc("2026-01-12T11:30:00Z") << false;
        QTest::newRow("Monday afternoon") << utc("2026-01-12T12:00:00Z") << true;
        QTest::newRow("Monday at closing") << utc("2026-01-12T17:00:00Z") << false;
        QTest::newRow("Saturday morning") << utc("2026-01-10T08:00:00Z") << true;
        QTest::newRow("Saturday afternoon") << utc("2026-01-10T12:00:00Z") << false;
        QTest::newRow("Sunday") << utc("2026-01-11T10:00:00Z") << false;
    }

    void openExactlyDuringTheWeeklyIntervals()
    {
        QFETCH(QDateTime, instant);
        QFETCH(bool, open);
        QCOMPARE(usualWeek().isOpen(instant), open);
    }

    void nextOpeningIsNowWhileOpen()
    {
        const QDateTime now = utc("2026-01-12T09:15:00Z");
        QCOMPARE(usualWeek().nextOpening(now), std::optional<QDateTime>(now));
    }

    void nextOpeningSkipsTheLunchBreakAndTheWeekend()
    {
        const OpeningHours hours = usualWeek();
        QCOMPARE(hours.nextOpening(utc("2026-01-12T11:30:00Z")), utcOpt("2026-01-12T12:00:00Z"));
        // Saturday 13:00 local: nothing until Monday 08:00 local.
        QCOMPARE(hours.nextOpening(utc("2026-01-10T12:00:00Z")), utcOpt("2026-01-12T07:00:00Z"));
        QCOMPARE(hours.nextOpening(utc("2026-01-09T17:30:00Z")), utcOpt("2026-01-10T08:00:00Z"));
    }

    void aClosedHolidayStaysClosedAllDay()
    {
        // Christmas Eve and Day 2026 are Thursday and Friday; the 26th is a Saturday.
        const OpeningHours hours = usualWeek(QStringLiteral("2026-12-24, 2026-12-25,2026-12-26"));
        QVERIFY(hours.isOpen(utc("2026-12-23T09:00:00Z")));
        QVERIFY(!hours.isOpen(utc("2026-12-24T09:00:00Z")));
        QCOMPARE(hours.nextOpening(utc("2026-12-23T17:00:00Z")), utcOpt("2026-12-28T07:00:00Z"));
    }

    void closedDatesAreLocalDates()
    {
        const OpeningHours hours = hoursOf({{QStringLiteral("monday"), QStringLiteral("00:00-24:00")},
                                            {QStringLiteral("tuesday"), QStringLiteral("00:00-24:00")}},
                                           QStringLiteral("2026-12-29"));
        QVERIFY(hours.isOpen(utc("2026-12-28T22:59:59Z")));  // Monday 23:59 local
        QVERIFY(!hours.isOpen(utc("2026-12-28T23:00:00Z"))); // Tuesday 00:00 local, the holiday
        QVERIFY(!hours.isAlwaysOpen());
    }

    void theWallClockRulesOnTheSpringForwardDay()
    {
        // 2026-03-29, a Sunday: at 02:00 CET the clocks jump to 03:00 CEST (01:00 UTC).
        const OpeningHours daytime = hoursOf(sundayOnly(QStringLiteral("08:00-18:00")));
        QCOMPARE(daytime.nextOpening(utc("2026-03-22T00:00:00Z")), utcOpt("2026-03-22T07:00:00Z"));
        QCOMPARE(daytime.nextOpening(utc("2026-03-28T00:00:00Z")), utcOpt("2026-03-29T06:00:00Z"));
        QVERIFY(daytime.isOpen(utc("2026-03-29T15:59:00Z")));
        QVERIFY(!daytime.isOpen(utc("2026-03-29T16:00:00Z")));

        // A start the clocks skip opens when the gap ends.
        const OpeningHours inTheGap = hoursOf(sundayOnly(QStringLiteral("02:30-04:00")));
        QCOMPARE(inTheGap.nextOpening(utc("2026-03-28T23:00:00Z")), utcOpt("2026-03-29T01:00:00Z"));
        QVERIFY(!inTheGap.isOpen(utc("2026-03-29T00:59:59Z")));
        QVERIFY(inTheGap.isOpen(utc("2026-03-29T01:59:59Z")));
        QVERIFY(!inTheGap.isOpen(utc("2026-03-29T02:00:00Z")));

        // An interval wholly inside the gap never happens that day.
        const OpeningHours swallowed = hoursOf(sundayOnly(QStringLiteral("02:00-02:30,09:00-10:00")));
        QCOMPARE(swallowed.nextOpening(utc("2026-03-28T23:00:00Z")), utcOpt("2026-03-29T07:00:00Z"));
    }

    void theWallClockRulesOnTheFallBackDay()
    {
        // 2026-10-25, a Sunday: at 03:00 CEST the clocks go back to 02:00 CET (01:00 UTC).
        const OpeningHours daytime = hoursOf(sundayOnly(QStringLiteral("08:00-18:00")));
        QCOMPARE(daytime.nextOpening(utc("2026-10-17T00:00:00Z")), utcOpt("2026-10-18T06:00:00Z"));
        QCOMPARE(daytime.nextOpening(utc("2026-10-24T00:00:00Z")), utcOpt("2026-10-25T07:00:00Z"));
        QVERIFY(!daytime.isOpen(utc("2026-10-25T06:59:59Z")));

        // The repeated hour is open both times: two hours of real time.
        const OpeningHours repeated = hoursOf(sundayOnly(QStringLiteral("02:00-03:00")));
        QCOMPARE(repeated.nextOpening(utc("2026-10-24T22:00:00Z")), utcOpt("2026-10-25T00:00:00Z"));
        QVERIFY(repeated.isOpen(utc("2026-10-25T00:59:59Z")));
        QVERIFY(repeated.isOpen(utc("2026-10-25T01:00:00Z")));
        QVERIFY(repeated.isOpen(utc("2026-10-25T01:59:59Z")));
        QVERIFY(!repeated.isOpen(utc("2026-10-25T02:00:00Z")));

        // Closed at 02:45 CEST, open again when the clock shows 02:00 for the second time.
        const OpeningHours halfHour = hoursOf(sundayOnly(QStringLiteral("02:00-02:30")));
        QVERIFY(!halfHour.isOpen(utc("2026-10-25T00:45:00Z")));
        QCOMPARE(halfHour.nextOpening(utc("2026-10-25T00:45:00Z")), utcOpt("2026-10-25T01:00:00Z"));
    }

    void anotherTimeZoneShiftsTheHours()
    {
        const Result<OpeningHours> parsed = OpeningHours::parse(
            {{QStringLiteral("monday"), QStringLiteral("09:00-17:00")}}, QString(), QStringLiteral("America/New_York"));
        QVERIFY(parsed.ok());
        QVERIFY(!parsed->isOpen(utc("2026-01-12T13:59:00Z")));
        QVERIFY(parsed->isOpen(utc("2026-01-12T14:00:00Z")));
    }

    void aServiceThatNeverOpensHasNoNextOpening()
    {
        const OpeningHours hours = hoursOf({});
        QVERIFY(!hours.isOpen(utc("2026-01-12T10:00:00Z")));
        QCOMPARE(hours.nextOpening(utc("2026-01-12T10:00:00Z")), std::nullopt);
        QCOMPARE(hours.describe(QStringLiteral("de")), QStringLiteral("geschlossen"));
    }

    void aLongClosureIsStillSeenThrough()
    {
        // Three weeks of holidays: next opening is after them, within the search horizon.
        QStringList closed;
        for (QDate date(2026, 12, 19); date <= QDate(2027, 1, 8); date = date.addDays(1))
            closed.append(date.toString(Qt::ISODate));
        const OpeningHours hours = usualWeek(closed.join(QLatin1Char(',')));
        QCOMPARE(hours.nextOpening(utc("2026-12-18T17:00:00Z")), utcOpt("2027-01-09T08:00:00Z"));
    }

    void alwaysOpenIsOpenAtAnyTime()
    {
        const OpeningHours hours = OpeningHours::alwaysOpen();
        const QDateTime night = utc("2026-12-24T02:00:00Z");
        QVERIFY(hours.isOpen(night));
        QCOMPARE(hours.nextOpening(night), std::optional<QDateTime>(night));
        QCOMPARE(hours.describe(QStringLiteral("de")), QStringLiteral("rund um die Uhr"));
        QCOMPARE(hours.describe(QStringLiteral("en")), QStringLiteral("around the clock"));
    }

    void wholeDaysEveryDayMeanAlwaysOpen()
    {
        WeekSpec week = weekdays(QStringLiteral("00:00-24:00"));
        week.insert(QStringLiteral("saturday"), QStringLiteral("00:00-24:00"));
        week.insert(QStringLiteral("sunday"), QStringLiteral("00:00-24:00"));
        QVERIFY(hoursOf(week).isAlwaysOpen());
        QVERIFY(!hoursOf(week, QStringLiteral("2026-12-24")).isAlwaysOpen());
    }

    void descriptionGroupsConsecutiveEqualDays_data()
    {
        QTest::addColumn<WeekSpec>("week");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("expected");

        WeekSpec usual = weekdays(QStringLiteral("08:00-18:00"));
        usual.insert(QStringLiteral("saturday"), QStringLiteral("09:00-13:00"));
        QTest::newRow("de") << usual << QStringLiteral("de") << QStringLiteral("Mo–Fr 08:00–18:00, Sa 09:00–13:00");
        QTest::newRow("en") << usual << QStringLiteral("en") << QStringLiteral("Mon–Fri 08:00–18:00, Sat 09:00–13:00");
        QTest::newRow("regional German") << usual << QStringLiteral("de-AT")
                                         << QStringLiteral("Mo–Fr 08:00–18:00, Sa 09:00–13:00");
        QTest::newRow("unknown language is English")
            << usual << QStringLiteral("fr") << QStringLiteral("Mon–Fri 08:00–18:00, Sat 09:00–13:00");
        QTest::newRow("lunch break") << weekdays(QStringLiteral("13:00-18:00,08:00-12:00")) << QStringLiteral("de")
                                     << QStringLiteral("Mo–Fr 08:00–12:00 und 13:00–18:00");

        const WeekSpec gap{{QStringLiteral("monday"), QStringLiteral("08:00-12:00")},
                           {QStringLiteral("wednesday"), QStringLiteral("08:00-12:00")},
                           {QStringLiteral("thursday"), QStringLiteral("08:00-24:00")}};
        QTest::newRow("a closed day splits a group")
            << gap << QStringLiteral("en") << QStringLiteral("Mon 08:00–12:00, Wed 08:00–12:00, Thu 08:00–24:00");
    }

    void descriptionGroupsConsecutiveEqualDays()
    {
        QFETCH(WeekSpec, week);
        QFETCH(QString, language);
        QFETCH(QString, expected);
        QCOMPARE(hoursOf(week).describe(language), expected);
    }

    void lenientSpellingsAreAccepted()
    {
        const Result<OpeningHours> parsed =
            OpeningHours::parse({{QStringLiteral(" Monday "), QStringLiteral(" 8:00 - 12:00 , 12:00–13:30 ")},
                                 {QStringLiteral("tuesday"), QStringLiteral("CLOSED")},
                                 {QStringLiteral("wednesday"), QString()}},
                                QStringLiteral(" 2026-12-24 ,"), QString());
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.problem().message));
        QCOMPARE(parsed->timeZone().id(), QByteArrayLiteral("Europe/Berlin"));
        QVERIFY(parsed->isOpen(utc("2026-01-12T11:30:00Z"))); // touching intervals join
        QCOMPARE(parsed->describe(QStringLiteral("en")), QStringLiteral("Mon 08:00–12:00 and 12:00–13:30"));
    }

    void badConfigurationIsRefusedWithAReason_data()
    {
        QTest::addColumn<WeekSpec>("week");
        QTest::addColumn<QString>("closedDates");
        QTest::addColumn<QString>("timeZone");
        QTest::addColumn<QString>("code");

        const auto monday = [](const char *spec) {
            return WeekSpec{{QStringLiteral("monday"), QString::fromUtf8(spec)}};
        };
        const QString none;
        QTest::newRow("hour 25") << monday("08:00-25:00") << none << none << QStringLiteral("bad_time");
        QTest::newRow("minute 60") << monday("08:60-12:00") << none << none << QStringLiteral("bad_time");
        QTest::newRow("past 24:00") << monday("08:00-24:30") << none << none << QStringLiteral("bad_time");
        QTest::newRow("words") << monday("morning-noon") << none << none << QStringLiteral("bad_time");
        QTest::newRow("no end") << monday("08:00") << none << none << QStringLiteral("bad_interval");
        QTest::newRow("three ends") << monday("08:00-12:00-13:00") << none << none << QStringLiteral("bad_interval");
        QTest::newRow("trailing comma") << monday("08:00-12:00,") << none << none << QStringLiteral("bad_interval");
        QTest::newRow("end before start")
            << monday("18:00-08:00") << none << none << QStringLiteral("end_not_after_start");
        QTest::newRow("empty interval") << monday("08:00-08:00") << none << none
                                        << QStringLiteral("end_not_after_start");
        QTest::newRow("overlap") << monday("08:00-12:00,11:00-13:00") << none << none
                                 << QStringLiteral("overlapping_intervals");
        QTest::newRow("overlap out of order")
            << monday("13:00-18:00,08:00-13:30") << none << none << QStringLiteral("overlapping_intervals");
        QTest::newRow("unknown weekday") << WeekSpec{{QStringLiteral("tuseday"), QStringLiteral("08:00-12:00")}} << none
                                         << none << QStringLiteral("unknown_weekday");
        QTest::newRow("unknown zone") << monday("08:00-12:00") << none << QStringLiteral("Mars/Olympus_Mons")
                                      << QStringLiteral("bad_time_zone");
        QTest::newRow("impossible date") << monday("08:00-12:00") << QStringLiteral("2026-02-30") << none
                                         << QStringLiteral("bad_date");
        QTest::newRow("German date") << monday("08:00-12:00") << QStringLiteral("24.12.2026") << none
                                     << QStringLiteral("bad_date");
        QTest::newRow("date with time") << monday("08:00-12:00") << QStringLiteral("2026-12-24T00:00") << none
                                        << QStringLiteral("bad_date");
    }

    void badConfigurationIsRefusedWithAReason()
    {
        QFETCH(WeekSpec, week);
        QFETCH(QString, closedDates);
        QFETCH(QString, timeZone);
        QFETCH(QString, code);
        const Result<OpeningHours> parsed = OpeningHours::parse(week, closedDates, timeZone);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.problem().code, code);
        QVERIFY(!parsed.problem().message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestOpeningHours)
#include "TestOpeningHours.moc"
