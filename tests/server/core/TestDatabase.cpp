#include "storage/Database.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <sys/stat.h>

using namespace consult;

namespace {

// The permission bits as `stat -c %a` shows them (T6, U6: 0600 for private files).
int modeOf(const QString &path)
{
    struct stat status = {};
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return -1;
    return static_cast<int>(status.st_mode & 07777);
}

QString message(const Problem &problem)
{
    return problem.code + QStringLiteral(": ") + problem.message;
}

// The value of the first column of the first row of `sql`.
QVariant scalar(Database &database, const QString &sql)
{
    auto query = database.exec(sql);
    if (!query || !query.value().next())
        return {};
    return query.value().value(0);
}

QStringList tableNames(Database &database)
{
    QStringList names;
    auto query = database.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
    if (!query)
        return names;
    while (query.value().next())
        names.append(query.value().value(0).toString());
    return names;
}

} // namespace

// The server's SQLite database: a private file, a schema brought up to date by migrations in code,
// WAL and secure_delete (P2).
class TestDatabase final : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_directory = std::make_unique<QTemporaryDir>();
        QVERIFY(m_directory->isValid());
    }

    void aNewFileIsReadableAndWritableByTheOwnerOnly()
    {
        const QString path = m_directory->filePath(QStringLiteral("nested/dir/consult.sqlite"));
        auto database = Database::openSqlite(path);
        QVERIFY2(database.ok(), qPrintable(database.ok() ? QString() : message(database.problem())));
        QCOMPARE(modeOf(path), 0600);
    }

    void theWriteAheadLogIsAsPrivateAsTheDatabase()
    {
        const QString path = m_directory->filePath(QStringLiteral("consult.sqlite"));
        auto database = Database::openSqlite(path);
        QVERIFY(database.ok());
        QVERIFY(database.value()->exec(QStringLiteral("INSERT INTO statistics VALUES (0, 1, 'completed', 1, 2)")));
        QVERIFY(QFileInfo::exists(path + QStringLiteral("-wal")));
        QCOMPARE(modeOf(path + QStringLiteral("-wal")), 0600);
        QCOMPARE(modeOf(path + QStringLiteral("-shm")), 0600);
    }

    void anExistingFileKeepsItsContent()
    {
        const QString path = m_directory->filePath(QStringLiteral("consult.sqlite"));
        {
            auto database = Database::openSqlite(path);
            QVERIFY(database.ok());
            QVERIFY(database.value()->exec(QStringLiteral("INSERT INTO statistics VALUES (0, 1, 'completed', 1, 2)")));
        }
        auto reopened = Database::openSqlite(path);
        QVERIFY(reopened.ok());
        QCOMPARE(scalar(*reopened.value(), QStringLiteral("SELECT COUNT(*) FROM statistics")).toInt(), 1);
    }

    void migrationsBringAFreshDatabaseToTheCurrentVersion()
    {
        auto database = Database::openSqlite(m_directory->filePath(QStringLiteral("consult.sqlite")));
        QVERIFY(database.ok());
        QCOMPARE(database.value()->schemaVersion(), kCurrentVersion);
        QCOMPARE(
            tableNames(*database.value()),
            (QStringList{QStringLiteral("access_log"), QStringLiteral("advisor_tokens"), QStringLiteral("advisors"),
                         QStringLiteral("inbox"), QStringLiteral("schema_migrations"), QStringLiteral("statistics")}));
        QCOMPARE(scalar(*database.value(), QStringLiteral("SELECT COUNT(*) FROM schema_migrations")).toInt(),
                 kCurrentVersion);
    }

    void runningTheMigrationsAgainChangesNothing()
    {
        const QString path = m_directory->filePath(QStringLiteral("consult.sqlite"));
        QString schemaBefore;
        QVariantList appliedBefore;
        {
            auto database = Database::openSqlite(path);
            QVERIFY(database.ok());
            schemaBefore = schema(*database.value());
            appliedBefore = appliedAt(*database.value());
        }
        for (int run = 0; run < 2; ++run) {
            auto database = Database::openSqlite(path);
            QVERIFY2(database.ok(), qPrintable(database.ok() ? QString() : message(database.problem())));
            QCOMPARE(database.value()->schemaVersion(), kCurrentVersion);
            QCOMPARE(schema(*database.value()), schemaBefore);
            // No step was applied again: the bookkeeping rows are the very same ones.
            QCOMPARE(appliedAt(*database.value()), appliedBefore);
        }
    }

    void theWaitInMinutesOfAnOlderDatabaseBecomesItsBandAndIsGone()
    {
        // P3, issue 14: a database of version 2 held each wait to the minute; after the migration only
        // the band is left, and every advisor starts without the supervisor role.
        const QString path = m_directory->filePath(QStringLiteral("consult.sqlite"));
        {
            QSqlDatabase handle = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("version2"));
            handle.setDatabaseName(path);
            QVERIFY(handle.open());
            QSqlQuery query(handle);
            for (const char *statement :
                 {"CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)",
                  "INSERT INTO schema_migrations VALUES (1, 0), (2, 0)",
                  "CREATE TABLE advisors (id INTEGER PRIMARY KEY, username TEXT NOT NULL)",
                  "INSERT INTO advisors (username) VALUES ('anna')",
                  "CREATE TABLE statistics (start_hour BIGINT NOT NULL, duration_minutes INTEGER NOT NULL, "
                  "wait_minutes INTEGER NOT NULL, outcome TEXT NOT NULL, features INTEGER NOT NULL)",
                  "INSERT INTO statistics VALUES (0, 5, 0, 'completed', 1), (0, 5, 1, 'completed', 1), "
                  "(0, 5, 4, 'completed', 1), (0, 5, 9, 'completed', 1), (0, 5, 19, 'left_queue', 0), "
                  "(0, 0, 47, 'left_queue', 0)"})
                QVERIFY2(query.exec(QString::fromLatin1(statement)), statement);
            handle.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("version2"));
        auto database = Database::openSqlite(path);
        QVERIFY2(database.ok(), qPrintable(database.ok() ? QString() : message(database.problem())));
        QCOMPARE(database.value()->schemaVersion(), kCurrentVersion);
        auto columns = database.value()->exec(QStringLiteral("PRAGMA table_info(statistics)"));
        QVERIFY(columns.ok());
        QStringList names;
        while (columns.value().next())
            names.append(columns.value().value(1).toString());
        QVERIFY2(!names.contains(QStringLiteral("wait_minutes")), qPrintable(names.join(u',')));
        auto bands = database.value()->exec(QStringLiteral("SELECT wait_band FROM statistics ORDER BY rowid"));
        QVERIFY(bands.ok());
        QList<int> found;
        while (bands.value().next())
            found.append(bands.value().value(0).toInt());
        QCOMPARE(found, (QList<int>{0, 1, 2, 3, 4, 5}));
        QCOMPARE(scalar(*database.value(), QStringLiteral("SELECT supervisor FROM advisors")).toInt(), 0);
    }

    void writeAheadLoggingAndSecureDeleteAreOn()
    {
        // P2: deleted rows are overwritten rather than left in free pages.
        auto database = Database::openSqlite(m_directory->filePath(QStringLiteral("consult.sqlite")));
        QVERIFY(database.ok());
        QCOMPARE(scalar(*database.value(), QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(scalar(*database.value(), QStringLiteral("PRAGMA secure_delete")).toInt(), 1);
        QCOMPARE(scalar(*database.value(), QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    }

    void aFileThatIsNotADatabaseIsRefused()
    {
        const QString path = m_directory->filePath(QStringLiteral("consult.sqlite"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        auto database = Database::openSqlite(path);
        QVERIFY(!database.ok());
    }

    void aFailedStatementIsAProblemNotACrash()
    {
        auto database = Database::openSqlite(m_directory->filePath(QStringLiteral("consult.sqlite")));
        QVERIFY(database.ok());
        auto query = database.value()->exec(QStringLiteral("SELECT nothing FROM nowhere"));
        QVERIFY(!query.ok());
        QCOMPARE(query.problem().code, QStringLiteral("sql_prepare"));
    }

private:
    // The number of migration steps in Database.cpp; raise it with each new step.
    // 2: the advisors' second factor (A5); 3: the supervisor role, the statistics' wait in bands (issue 14)
    static constexpr int kCurrentVersion = 3;

    static QString schema(Database &database)
    {
        QStringList statements;
        auto query = database.exec(QStringLiteral("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"));
        if (!query)
            return {};
        while (query.value().next())
            statements.append(query.value().value(0).toString());
        return statements.join(u'\n');
    }

    static QVariantList appliedAt(Database &database)
    {
        QVariantList rows;
        auto query =
            database.exec(QStringLiteral("SELECT version, applied_at FROM schema_migrations ORDER BY version"));
        if (!query)
            return rows;
        while (query.value().next())
            rows << query.value().value(0) << query.value().value(1);
        return rows;
    }

    std::unique_ptr<QTemporaryDir> m_directory;
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "TestDatabase.moc"
