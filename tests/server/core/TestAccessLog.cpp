#include "accesslog/AccessLog.h"
#include "core/Clock.h"
#include "retention/RetentionPolicy.h"
#include "storage/Database.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <memory>

using namespace consult;
using namespace std::chrono_literals;

namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;

AccessEvent accessEvent(const QString &address, const QString &client, const QString &resource, int status)
{
    return AccessEvent{QHostAddress(address), client, resource, status};
}

struct Row
{
    qint64 atMs;
    QString address;
    QString client;
    QString resource;
    int status;
};

} // namespace

// The access log (P4, P5, I8): exactly address, time, client, resource and status; every field one
// line; nothing older than the retention period.
class TestAccessLog final : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_directory = std::make_unique<QTemporaryDir>();
        QVERIFY(m_directory->isValid());
        m_clock = std::make_unique<ManualClock>();
        auto database = Database::openSqlite(m_directory->filePath(QStringLiteral("consult.sqlite")));
        QVERIFY(database.ok());
        m_database = std::move(database).value();
        m_log = std::make_unique<AccessLog>(*m_database, *m_clock);
    }

    void cleanup()
    {
        m_log.reset();
        m_database.reset();
        m_clock.reset();
        m_directory.reset();
    }

    void theTableHasExactlyThePromisedColumns()
    {
        // P4: IP, timestamp, client/version, resource, status; nothing else.
        auto query = m_database->exec(QStringLiteral("PRAGMA table_info(access_log)"));
        QVERIFY(query.ok());
        QStringList columns;
        while (query.value().next())
            columns.append(query.value().value(1).toString());
        QCOMPARE(columns, (QStringList{QStringLiteral("at"), QStringLiteral("address"), QStringLiteral("client"),
                                       QStringLiteral("resource"), QStringLiteral("status")}));
    }

    void entriesAreWrittenInBatchesOnFlush()
    {
        m_log->record(accessEvent(QStringLiteral("192.0.2.10"), QStringLiteral("consult-customer 0.1.0 linux"),
                                  QStringLiteral("/"), 101));
        m_clock->advance(250ms);
        m_log->record(accessEvent(QStringLiteral("2001:db8::1"), QStringLiteral("consult-advisor 0.1.0 windows"),
                                  QStringLiteral("/"), 403));
        QCOMPARE(rows().size(), 0); // batched, not one transaction per connection

        m_log->flush();
        const QList<Row> written = rows();
        QCOMPARE(written.size(), 2);
        QCOMPARE(written.at(0).atMs, ManualClock().nowMs());
        QCOMPARE(written.at(0).address, QStringLiteral("192.0.2.10"));
        QCOMPARE(written.at(0).client, QStringLiteral("consult-customer 0.1.0 linux"));
        QCOMPARE(written.at(0).resource, QStringLiteral("/"));
        QCOMPARE(written.at(0).status, 101);
        QCOMPARE(written.at(1).atMs, ManualClock().nowMs() + 250);
        QCOMPARE(written.at(1).address, QStringLiteral("2001:db8::1"));
        QCOMPARE(written.at(1).status, 403);

        m_log->flush(); // nothing twice
        QCOMPARE(rows().size(), 2);
    }

    void oneAddressWritesAtMostTenRowsABatchAndOthersAreNotCrowdedOut()
    {
        // Issue 13, log flooding: refused connections at thousands a second (one /64 rotating its
        // addresses, or one IPv4 address) become at most ten rows a second per address group, and a
        // quiet client beside them still gets its rows.
        for (int i = 0; i < 2000; ++i)
            m_log->record(accessEvent(QStringLiteral("2001:db8:1:2::%1").arg(i % 500 + 1, 0, 16),
                                      QStringLiteral("flood"), QStringLiteral("/"), 503));
        for (int i = 0; i < 3; ++i)
            m_log->record(accessEvent(QStringLiteral("192.0.2.10"), QStringLiteral("quiet"), QStringLiteral("/"), 101));
        m_log->flush();
        const auto written = rows();
        qsizetype flood = 0;
        qsizetype quiet = 0;
        for (const Row &row : written) {
            flood += row.client == u"flood" ? 1 : 0;
            quiet += row.client == u"quiet" ? 1 : 0;
        }
        QCOMPARE(flood, qsizetype(AccessLog::kRowsPerAddressPerBatch));
        QCOMPARE(quiet, qsizetype(3));
        // The next batch is a new second: the address gets its rows again.
        m_log->record(
            accessEvent(QStringLiteral("2001:db8:1:2::1"), QStringLiteral("flood"), QStringLiteral("/"), 503));
        m_log->flush();
        QCOMPARE(rows().size(), written.size() + 1);
    }

    void theBatchIsWrittenWithinASecondWithoutAFlush()
    {
        m_log->record(accessEvent(QStringLiteral("192.0.2.10"), QStringLiteral("c"), QStringLiteral("/"), 101));
        QTRY_COMPARE_WITH_TIMEOUT(rows().size(), 1, 5000);
    }

    void controlCharactersInFieldsAreStoredEscaped_data()
    {
        QTest::addColumn<QString>("client");
        QTest::addColumn<QString>("expected");
        // the I8 test: a version string that tries to forge a second log line.
        QTest::newRow("CR LF forged line")
            << QStringLiteral("consult 1.0\r\nFAKE 200") << QStringLiteral("consult 1.0\\r\\nFAKE 200");
        QTest::newRow("bare LF") << QStringLiteral("a\nb") << QStringLiteral("a\\nb");
        QTest::newRow("tab and escape") << QStringLiteral("a\tb\x1b[31m") << QStringLiteral("a\\tb\\x1B[31m");
        QTest::newRow("backslash") << QStringLiteral("a\\nb") << QStringLiteral("a\\\\nb");
        QTest::newRow("line separator") << QStringLiteral("a\u2028b") << QStringLiteral("a\\u{2028}b");
    }

    void controlCharactersInFieldsAreStoredEscaped()
    {
        QFETCH(QString, client);
        QFETCH(QString, expected);
        m_log->record(accessEvent(QStringLiteral("192.0.2.10"), client, QStringLiteral("/\r\nX"), 101));
        m_log->flush();
        const QList<Row> written = rows();
        QCOMPARE(written.size(), 1);
        QCOMPARE(written.first().client, expected);
        QCOMPARE(written.first().resource, QStringLiteral("/\\r\\nX"));
        static const QRegularExpression controls(QStringLiteral("[\\x00-\\x1f\\x7f\\x{2028}\\x{2029}]"));
        QVERIFY(!written.first().client.contains(controls));
        QVERIFY(!written.first().resource.contains(controls));
    }

    void longClientStringsAreCut()
    {
        m_log->record(accessEvent(QStringLiteral("192.0.2.10"), QString(5000, u'x'), QStringLiteral("/"), 101));
        m_log->flush();
        const QList<Row> written = rows();
        QCOMPARE(written.size(), 1);
        QVERIFY(written.first().client.size() <= 100);
        QVERIFY(written.first().client.endsWith(QStringLiteral("[truncated]")));
    }

    void purgeKeepsSixDayOldEntriesAndDeletesEightDayOldOnes()
    {
        // the P5 test: entries dated -8 d and -6 d; after the purge only -6 d remains.
        m_log->record(accessEvent(QStringLiteral("192.0.2.8"), QStringLiteral("eight days"), QStringLiteral("/"), 101));
        m_clock->advance(std::chrono::milliseconds(2 * kDayMs));
        m_log->record(accessEvent(QStringLiteral("192.0.2.6"), QStringLiteral("six days"), QStringLiteral("/"), 101));
        m_clock->advance(std::chrono::milliseconds(6 * kDayMs));
        m_log->record(accessEvent(QStringLiteral("192.0.2.1"), QStringLiteral("today"), QStringLiteral("/"), 101));
        m_log->flush();
        QVERIFY(databaseFiles().contains("192.0.2.8")); // the scan below can fail

        // P5 through the one retention policy, with its default of 7 days.
        const auto purged = RetentionPolicy(*m_database, *m_clock, RetentionPeriods{}).apply();
        QVERIFY(purged.ok());
        QCOMPARE(purged->accessLogEntries, 1);
        QStringList clients;
        for (const Row &row : rows())
            clients.append(row.client);
        QCOMPARE(clients, (QStringList{QStringLiteral("six days"), QStringLiteral("today")}));
        // Issue 13: the purged address is not left in the write-ahead log either (secure_delete clears
        // only the database file); the log truncates the WAL itself after a purge.
        const QByteArray files = databaseFiles();
        QVERIFY(files.contains("192.0.2.6"));
        QVERIFY(!files.contains("192.0.2.8"));
        QVERIFY(!files.contains("eight days"));
    }

    void theRetentionBoundaryIsSevenDays_data()
    {
        QTest::addColumn<qint64>("ageMs");
        QTest::addColumn<bool>("kept");
        QTest::newRow("6 days") << 6 * kDayMs << true;
        QTest::newRow("exactly 7 days") << 7 * kDayMs << true;
        QTest::newRow("7 days and 1 ms") << 7 * kDayMs + 1 << false;
        QTest::newRow("30 days") << 30 * kDayMs << false;
    }

    void theRetentionBoundaryIsSevenDays()
    {
        QFETCH(qint64, ageMs);
        QFETCH(bool, kept);
        m_log->record(accessEvent(QStringLiteral("192.0.2.1"), QStringLiteral("c"), QStringLiteral("/"), 101));
        m_log->flush();
        m_clock->advance(std::chrono::milliseconds(ageMs));
        const auto purged = RetentionPolicy(*m_database, *m_clock, RetentionPeriods{}).apply();
        QVERIFY(purged.ok());
        QCOMPARE(purged->accessLogEntries, kept ? 0 : 1);
        QCOMPARE(rows().size(), kept ? 1 : 0);
    }

    void destroyingTheLogWritesWhatIsBuffered()
    {
        m_log->record(accessEvent(QStringLiteral("192.0.2.1"), QStringLiteral("c"), QStringLiteral("/"), 101));
        m_log.reset();
        QCOMPARE(rows().size(), 1);
    }

private:
    // The raw bytes of the database file and its write-ahead log.
    QByteArray databaseFiles() const
    {
        QByteArray bytes;
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-journal")}) {
            QFile file(m_directory->filePath(QStringLiteral("consult.sqlite") + suffix));
            if (file.open(QIODevice::ReadOnly))
                bytes += file.readAll();
        }
        return bytes;
    }

    QList<Row> rows()
    {
        QList<Row> result;
        auto query = m_database->exec(
            QStringLiteral("SELECT at, address, client, resource, status FROM access_log ORDER BY at, rowid"));
        if (!query)
            return result;
        while (query.value().next()) {
            const QSqlQuery &q = query.value();
            result.append(Row{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                              q.value(3).toString(), q.value(4).toInt()});
        }
        return result;
    }

    std::unique_ptr<QTemporaryDir> m_directory;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<AccessLog> m_log;
};

QTEST_GUILESS_MAIN(TestAccessLog)
#include "TestAccessLog.moc"
