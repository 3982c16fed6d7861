// Retention in one place (issue 14): one RetentionPolicy deletes what is past its period (P5 for
// the access log, the inbox promise, P3 for the statistics), and both the running server (at
// start-up and hourly) and the operators' "consult-server purge" apply it. The policy is the only
// code that logs in consult.retention, so its line in each path's log proves that path used it.
#include "app/AdminCommands.h"
#include "app/ServerApplication.h"
#include "config/ServerConfig.h"
#include "core/Clock.h"
#include "retention/RetentionPolicy.h"
#include "stats/StatisticsStore.h"
#include "storage/Database.h"
#include "tls/ProcessTlsPolicy.h"

#include <QDateTime>
#include <QDir>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <memory>

using namespace consult;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;

QStringList g_retentionLines;
QtMessageHandler g_previousHandler = nullptr;

void captureRetention(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (context.category && QByteArray(context.category) == "consult.retention")
        g_retentionLines.append(message);
    g_previousHandler(type, context, message);
}

QString pkiPath(const QString &file)
{
    return QDir(qEnvironmentVariable("CONSULT_TEST_PKI")).filePath(file);
}

} // namespace

class TestRetentionPolicy final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        tls::applyProcessTlsPolicy(); // T8, as the server's main() does
        QLoggingCategory::setFilterRules(u"consult.retention.debug=true"_s);
        g_previousHandler = qInstallMessageHandler(captureRetention);
    }

    void cleanupTestCase() { qInstallMessageHandler(g_previousHandler); }

    void init()
    {
        m_directory = std::make_unique<QTemporaryDir>();
        QVERIFY(m_directory->isValid());
        g_retentionLines.clear();
    }

    void eachKindIsKeptForExactlyItsPeriod_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<qint64>("ageMs");
        QTest::addColumn<bool>("kept");
        // Periods below: access log 3 days, inbox 5 days, statistics 10 days.
        QTest::newRow("access log, exactly 3 days") << u"access_log"_s << 3 * kDayMs << true;
        QTest::newRow("access log, 3 days and 1 ms") << u"access_log"_s << 3 * kDayMs + 1 << false;
        QTest::newRow("inbox, exactly 5 days") << u"inbox"_s << 5 * kDayMs << true;
        QTest::newRow("inbox, 5 days and 1 ms") << u"inbox"_s << 5 * kDayMs + 1 << false;
        QTest::newRow("statistics, exactly 10 days") << u"statistics"_s << 10 * kDayMs << true;
        QTest::newRow("statistics, 10 days and 1 ms") << u"statistics"_s << 10 * kDayMs + 1 << false;
    }

    void eachKindIsKeptForExactlyItsPeriod()
    {
        QFETCH(QString, table);
        QFETCH(qint64, ageMs);
        QFETCH(bool, kept);
        auto database = Database::openSqlite(m_directory->filePath(u"consult.sqlite"_s));
        QVERIFY(database.ok());
        ManualClock clock;
        const qint64 written = clock.nowMs();
        QVERIFY(insert(*database.value(), table, written));
        clock.advance(std::chrono::milliseconds(ageMs));

        RetentionPeriods periods;
        periods.accessLogDays = 3;
        periods.inboxDays = 5;
        periods.statisticsDays = 10;
        const auto report = RetentionPolicy(*database.value(), clock, periods).apply();
        QVERIFY(report.ok());
        const int deleted = table == u"access_log"_s ? report->accessLogEntries
                            : table == u"inbox"_s    ? int(report->inboxMessageIds.size())
                                                     : report->statisticsRecords;
        QCOMPARE(deleted, kept ? 0 : 1);
        QCOMPARE(count(*database.value(), table), kept ? 1 : 0);
        if (table == u"inbox"_s && !kept)
            QCOMPARE(report->inboxMessageIds, QStringList{u"m%1"_s.arg(written)}); // for the advisors' lists
        QCOMPARE(g_retentionLines.size(), qsizetype(1));
        QVERIFY(g_retentionLines.first().contains(report->summary()));
    }

    void theRunningServerAndThePurgeCommandApplyTheSamePolicy()
    {
        ServerConfig config;
        config.port = 0;
        config.monitoringPort = 0;
        config.certificateChainPath = pkiPath(u"server.pem"_s);
        config.privateKeyPath = pkiPath(u"server.key"_s);
        config.dataDirectory = m_directory->filePath(u"data"_s);
        config.keyDirectory = m_directory->filePath(u"keys"_s);
        QVERIFY(QDir().mkpath(config.dataDirectory));
        const QString expected = u"Deleted 1 access log entries, 1 messages, 1 statistics records, 0 expired tokens."_s;

        // The operators' command.
        QVERIFY(seedPastAndPresent(config));
        QString out;
        QString err;
        QString in;
        QTextStream inStream(&in, QIODevice::ReadOnly);
        QTextStream outStream(&out);
        QTextStream errStream(&err);
        QCOMPARE(AdminCommands(config, inStream, outStream, errStream).run({u"purge"_s}, {}, 0), 0);
        outStream.flush();
        QCOMPARE(out, QString(expected + u'\n'));
        QCOMPARE(g_retentionLines, QStringList{u"retention: "_s + expected});
        QCOMPARE(rowsOfEachKind(config), 1); // today's row of each kind

        // The running server, at start-up (the hourly run calls the same member).
        g_retentionLines.clear();
        QVERIFY(seedPastAndPresent(config));
        {
            ServerApplication server(config);
            const Status started = server.start();
            QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.problem().message));
            QCOMPARE(g_retentionLines, QStringList{u"retention: "_s + expected});
        }
        QCOMPARE(rowsOfEachKind(config), 2); // today's rows of both seedings
    }

private:
    static bool insert(Database &database, const QString &table, qint64 atMs)
    {
        if (table == u"access_log"_s)
            return database.exec(u"INSERT INTO access_log VALUES (?, '192.0.2.1', 'c', '/', 101)"_s, {atMs}).ok();
        if (table == u"inbox"_s) // the time as the id: unique among the rows a test writes
            return database.exec(u"INSERT INTO inbox VALUES (?, ?, x'00')"_s, {u"m%1"_s.arg(atMs), atMs}).ok();
        StatisticsStore::Record record;
        record.startHourMs = atMs;
        record.outcome = StatisticsStore::Outcome::Completed;
        return StatisticsStore(database).add(record).ok();
    }

    static int count(Database &database, const QString &table)
    {
        auto query = database.exec(u"SELECT COUNT(*) FROM "_s + table);
        return query && query.value().next() ? query.value().value(0).toInt() : -1;
    }

    // One row of each kind past the default periods (7, 14 and 730 days), one of each from today.
    static bool seedPastAndPresent(const ServerConfig &config)
    {
        auto database = Database::openSqlite(config.databasePath());
        if (!database)
            return false;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        bool ok = true;
        ok &= insert(*database.value(), u"access_log"_s, now - 8 * kDayMs);
        ok &= insert(*database.value(), u"access_log"_s, now - kDayMs);
        ok &= insert(*database.value(), u"inbox"_s, now - 15 * kDayMs);
        ok &= insert(*database.value(), u"inbox"_s, now - kDayMs);
        ok &= insert(*database.value(), u"statistics"_s, now - 731 * kDayMs);
        ok &= insert(*database.value(), u"statistics"_s, now - kDayMs);
        return ok;
    }

    // How many rows each kind has, or -1 when the kinds differ.
    static int rowsOfEachKind(const ServerConfig &config)
    {
        auto database = Database::openSqlite(config.databasePath());
        if (!database)
            return -1;
        const int accessLog = count(*database.value(), u"access_log"_s);
        const bool same =
            count(*database.value(), u"inbox"_s) == accessLog && count(*database.value(), u"statistics"_s) == accessLog;
        return same ? accessLog : -1;
    }

    std::unique_ptr<QTemporaryDir> m_directory;
};

QTEST_GUILESS_MAIN(TestRetentionPolicy)
#include "TestRetentionPolicy.moc"
