#include "stats/StatisticsStore.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <memory>

using namespace consult;

namespace {

constexpr qint64 kMinuteMs = 60'000;
constexpr qint64 kHourMs = 60 * kMinuteMs;
constexpr qint64 kDayMs = 24 * kHourMs;

qint64 utcMs(const char *isoDateTime)
{
    return QDateTime::fromString(QString::fromLatin1(isoDateTime), Qt::ISODate).toMSecsSinceEpoch();
}

} // namespace

// Anonymous statistics (P3): only the allowlisted columns exist, times are coarsened before they are
// stored, and old records are purged (configured, default 2 years).
class TestStatistics final : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_directory = std::make_unique<QTemporaryDir>();
        QVERIFY(m_directory->isValid());
        auto database = Database::openSqlite(m_directory->filePath(QStringLiteral("consult.sqlite")));
        QVERIFY(database.ok());
        m_database = std::move(database).value();
        m_store = std::make_unique<StatisticsStore>(*m_database);
    }

    void cleanup()
    {
        m_store.reset();
        m_database.reset();
        m_directory.reset();
    }

    void theTableHasExactlyTheAllowedColumns()
    {
        // P3: the allowlist (start hour, duration, features), written out here rather than taken from
        // the code under test, plus the two coarse fields the supervisors' charts need (issue 14,
        // StatisticsStore says why they are anonymous): the outcome's fixed word and the wait's band.
        // The wait to the minute is gone.
        const QStringList allowed = {QStringLiteral("start_hour"), QStringLiteral("duration_minutes"),
                                     QStringLiteral("outcome"), QStringLiteral("features"),
                                     QStringLiteral("wait_band")};
        QCOMPARE(StatisticsStore::columns(), allowed);

        auto query = m_database->exec(QStringLiteral("PRAGMA table_info(statistics)"));
        QVERIFY(query.ok());
        QStringList columns;
        while (query.value().next())
            columns.append(query.value().value(1).toString()); // cid, name, type, notnull, default, pk
        QCOMPARE(columns, StatisticsStore::columns());
    }

    void noOtherTableCanHoldStatistics()
    {
        // Nothing joins statistics with the access log (P3): no shared key column exists at all.
        auto query = m_database->exec(QStringLiteral("PRAGMA table_info(access_log)"));
        QVERIFY(query.ok());
        QStringList accessLogColumns;
        while (query.value().next())
            accessLogColumns.append(query.value().value(1).toString());
        QVERIFY(!accessLogColumns.isEmpty());
        for (const QString &column : StatisticsStore::columns())
            QVERIFY2(!accessLogColumns.contains(column), qPrintable(column));
    }

    void anonymisingTruncatesTheStartToTheHourAndRoundsDurations_data()
    {
        QTest::addColumn<qint64>("startedAtMs");
        QTest::addColumn<qint64>("endedAtMs");
        QTest::addColumn<qint64>("waitedMs");
        QTest::addColumn<qint64>("expectedHourMs");
        QTest::addColumn<int>("expectedDurationMinutes");
        QTest::addColumn<int>("expectedWaitBand");

        const qint64 nine = utcMs("2026-03-02T09:00:00Z");
        QTest::newRow("on the hour") << nine << nine + 10 * kMinuteMs << qint64(0) << nine << 10 << 0;
        QTest::newRow("late in the hour")
            << nine + 59 * kMinuteMs + 59'999 << nine + 75 * kMinuteMs << 90'000LL << nine << 15 << 1;
        QTest::newRow("29.999 s rounds down") << nine + 1234 << nine + 1234 + 29'999 << 29'999LL << nine << 0 << 0;
        QTest::newRow("30 s rounds up") << nine + 1234 << nine + 1234 + 30'000 << 30'000LL << nine << 1 << 0;
        QTest::newRow("4 min 29 s") << nine + 17 * kMinuteMs << nine + 21 * kMinuteMs + 29'000 << 269'000LL << nine << 4
                                    << 2;
        QTest::newRow("4 min 30 s") << nine + 17 * kMinuteMs << nine + 21 * kMinuteMs + 30'000 << 270'000LL << nine << 5
                                    << 2;
        QTest::newRow("end before start") << nine + kMinuteMs << nine << -5'000LL << nine << 0 << 0;
        QTest::newRow("across midnight") << utcMs("2026-03-02T23:45:10Z") << utcMs("2026-03-03T00:20:10Z") << 0LL
                                         << utcMs("2026-03-02T23:00:00Z") << 35 << 0;
    }

    void anonymisingTruncatesTheStartToTheHourAndRoundsDurations()
    {
        QFETCH(qint64, startedAtMs);
        QFETCH(qint64, endedAtMs);
        QFETCH(qint64, waitedMs);
        QFETCH(qint64, expectedHourMs);
        QFETCH(int, expectedDurationMinutes);
        QFETCH(int, expectedWaitBand);

        const auto record =
            StatisticsStore::anonymise(startedAtMs, endedAtMs, waitedMs, StatisticsStore::Outcome::Completed,
                                       StatisticsStore::Chat | StatisticsStore::Video);
        QCOMPARE(record.startHourMs, expectedHourMs);
        const QDateTime start = QDateTime::fromMSecsSinceEpoch(record.startHourMs, Qt::UTC);
        QCOMPARE(start.time().minute(), 0); // P3: the minute of start_time is 0
        QCOMPARE(start.time().second(), 0);
        QCOMPARE(start.time().msec(), 0);
        QCOMPARE(record.durationMinutes, expectedDurationMinutes);
        QCOMPARE(record.waitBand, expectedWaitBand);
        QCOMPARE(record.outcome, StatisticsStore::Outcome::Completed);
        QCOMPARE(record.features, StatisticsStore::Chat | StatisticsStore::Video);
    }

    void storedRecordsKeepOnlyTheCoarsenedValues()
    {
        const qint64 started = utcMs("2026-03-02T09:41:17Z") + 123;
        QVERIFY(m_store
                    ->add(StatisticsStore::anonymise(started, started + 12 * kMinuteMs + 40'000, 200'000,
                                                     StatisticsStore::Outcome::Completed, StatisticsStore::Chat))
                    .ok());
        auto query = m_database->exec(
            QStringLiteral("SELECT start_hour, duration_minutes, wait_band, outcome, features FROM statistics"));
        QVERIFY(query.ok());
        QVERIFY(query.value().next());
        QCOMPARE(query.value().value(0).toLongLong(), utcMs("2026-03-02T09:00:00Z"));
        QCOMPARE(query.value().value(1).toInt(), 13);
        QCOMPARE(query.value().value(2).toInt(), 2); // 3 min 20 s: the band 2-5 minutes
        QCOMPARE(query.value().value(3).toString(), QStringLiteral("completed"));
        QCOMPARE(query.value().value(4).toInt(), int(StatisticsStore::Chat));
        QVERIFY(!query.value().next());
    }

    void theExportHasAHeaderAndOneLinePerRecord()
    {
        QVERIFY(m_store
                    ->add(StatisticsStore::anonymise(utcMs("2026-03-02T10:05:00Z"), utcMs("2026-03-02T10:25:00Z"), 0,
                                                     StatisticsStore::Outcome::ConnectionLost,
                                                     StatisticsStore::Audio | StatisticsStore::Documents))
                    .ok());
        QVERIFY(m_store
                    ->add(StatisticsStore::anonymise(utcMs("2026-03-02T09:59:59Z"), utcMs("2026-03-02T10:07:00Z"),
                                                     4 * kMinuteMs, StatisticsStore::Outcome::Completed,
                                                     StatisticsStore::Chat | StatisticsStore::Audio |
                                                         StatisticsStore::Video | StatisticsStore::Whiteboard |
                                                         StatisticsStore::Documents | StatisticsStore::Forms))
                    .ok());
        QVERIFY(m_store
                    ->add(StatisticsStore::anonymise(utcMs("2026-03-02T11:00:00Z"), utcMs("2026-03-02T11:00:00Z"),
                                                     kMinuteMs, StatisticsStore::Outcome::MessageLeft, 0))
                    .ok());

        QString csv;
        QTextStream out(&csv);
        QVERIFY(m_store->exportCsv(out).ok());
        out.flush();
        const QStringList expected = {
            QStringLiteral(
                "start_hour_utc,duration_minutes,wait_band,outcome,chat,audio,video,whiteboard,documents,forms"),
            QStringLiteral("2026-03-02T09:00:00Z,7,2,completed,1,1,1,1,1,1"),
            QStringLiteral("2026-03-02T10:00:00Z,20,0,connection_lost,0,1,0,0,1,0"),
            QStringLiteral("2026-03-02T11:00:00Z,0,1,message_left,0,0,0,0,0,0"),
        };
        QCOMPARE(csv, expected.join(u'\n') + u'\n');
    }

    void waitsFallIntoSixBands_data()
    {
        QTest::addColumn<qint64>("waitedMs");
        QTest::addColumn<int>("band");
        QTest::newRow("none") << 0LL << 0;
        QTest::newRow("59.999 s") << 59'999LL << 0;
        QTest::newRow("1 min") << kMinuteMs << 1;
        QTest::newRow("1 min 59 s") << 119'000LL << 1;
        QTest::newRow("2 min") << 2 * kMinuteMs << 2;
        QTest::newRow("4 min 59 s") << 299'000LL << 2;
        QTest::newRow("5 min") << 5 * kMinuteMs << 3;
        QTest::newRow("10 min") << 10 * kMinuteMs << 4;
        QTest::newRow("19 min 59 s") << 1'199'000LL << 4;
        QTest::newRow("20 min") << 20 * kMinuteMs << 5;
        QTest::newRow("3 h") << 3 * kHourMs << 5;
    }

    void waitsFallIntoSixBands()
    {
        QFETCH(qint64, waitedMs);
        QFETCH(int, band);
        QCOMPARE(StatisticsStore::waitBandOf(waitedMs), band);
    }

    void theSummaryCountsOnlyRecordsSinceItsHour()
    {
        // Issue 14: the supervisors' figures are sums over the table, from the hour asked for on.
        using Outcome = StatisticsStore::Outcome;
        const qint64 nine = utcMs("2026-03-02T09:00:00Z");
        const auto add = [this](qint64 start, qint64 waited, Outcome outcome, int features) {
            return m_store->add(StatisticsStore::anonymise(start, start + 10 * kMinuteMs, waited, outcome, features))
                .ok();
        };
        QVERIFY(add(nine - kHourMs, 0, Outcome::Completed, StatisticsStore::Chat)); // before: not counted
        QVERIFY(add(nine + 5 * kMinuteMs, 30'000, Outcome::Completed, StatisticsStore::Chat));
        QVERIFY(add(nine + 50 * kMinuteMs, 3 * kMinuteMs, Outcome::Completed,
                    StatisticsStore::Chat | StatisticsStore::Audio | StatisticsStore::Video));
        QVERIFY(add(nine + 2 * kHourMs, 12 * kMinuteMs, Outcome::ConnectionLost,
                    StatisticsStore::Audio | StatisticsStore::Whiteboard | StatisticsStore::Forms));
        QVERIFY(add(nine + 2 * kHourMs, 25 * kMinuteMs, Outcome::LeftQueue, 0));
        QVERIFY(add(nine + 3 * kHourMs, 90'000, Outcome::MessageLeft, 0));

        const auto summary = m_store->summarise(nine + 17 * kMinuteMs); // counted from 09:00 on
        QVERIFY(summary.ok());
        const StatisticsStore::Summary &figures = summary.value();
        QCOMPARE(figures.servedPerHour, (QMap<qint64, int>{{nine, 2}, {nine + 2 * kHourMs, 1}}));
        QCOMPARE(figures.waitBands, (std::array<int, 6>{1, 1, 1, 0, 1, 1}));
        QCOMPARE(figures.withChat, 2);
        QCOMPARE(figures.withAudio, 2);
        QCOMPARE(figures.withVideo, 1);
        QCOMPARE(figures.withWhiteboard, 1);
        QCOMPARE(figures.withDocuments, 1); // forms count as documents
        QCOMPARE(figures.completed, 2);
        QCOMPARE(figures.connectionLost, 1);
        QCOMPARE(figures.leftQueue, 1);
        QCOMPARE(figures.messageLeft, 1);
    }

    void anEmptyExportIsTheHeaderOnly()
    {
        QString csv;
        QTextStream out(&csv);
        QVERIFY(m_store->exportCsv(out).ok());
        out.flush();
        QCOMPARE(csv.count(u'\n'), 1);
        QVERIFY(csv.startsWith(QStringLiteral("start_hour_utc,")));
    }

    void purgingDeletesRecordsOlderThanTheCutoffOnly()
    {
        const qint64 now = utcMs("2028-01-01T12:00:00Z");
        const qint64 cutoff = now - 730 * kDayMs;
        const qint64 cutoffHour = cutoff - cutoff % kHourMs;
        for (const qint64 hour : {cutoffHour - 2 * kHourMs, cutoffHour - kHourMs, cutoffHour, cutoffHour + kHourMs})
            QVERIFY(m_store
                        ->add(StatisticsStore::anonymise(hour + 5 * kMinuteMs, hour + 15 * kMinuteMs, 0,
                                                         StatisticsStore::Outcome::Completed, 0))
                        .ok());

        const auto purged = m_store->purgeBefore(cutoff);
        QVERIFY(purged.ok());
        QCOMPARE(purged.value(), 2);
        auto query = m_database->exec(QStringLiteral("SELECT start_hour FROM statistics ORDER BY start_hour"));
        QVERIFY(query.ok());
        QList<qint64> remaining;
        while (query.value().next())
            remaining.append(query.value().value(0).toLongLong());
        QCOMPARE(remaining, (QList<qint64>{cutoffHour, cutoffHour + kHourMs}));
    }

private:
    std::unique_ptr<QTemporaryDir> m_directory;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<StatisticsStore> m_store;
};

QTEST_GUILESS_MAIN(TestStatistics)
#include "TestStatistics.moc"
