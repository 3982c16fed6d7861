#include "Database.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>

namespace consult {

namespace {

// The schema, one step per version. Types in braces are mapped per dialect by typeName().
// Never edit a step that has shipped; add a new one.
const char *const kMigrations[] = {
    // 1: advisors, their tokens, messages left by customers, statistics, access log.
    R"(CREATE TABLE advisors (
           id {ID},
           username TEXT NOT NULL UNIQUE,
           display_name TEXT NOT NULL,
           password_hash TEXT NOT NULL,
           capacity INTEGER NOT NULL,
           disabled INTEGER NOT NULL DEFAULT 0,
           created_at BIGINT NOT NULL);
       CREATE TABLE advisor_tokens (
           token_hash {BLOB} PRIMARY KEY,
           advisor_id BIGINT NOT NULL REFERENCES advisors(id),
           created_at BIGINT NOT NULL,
           last_used_at BIGINT NOT NULL,
           expires_at BIGINT NOT NULL,
           revoked INTEGER NOT NULL DEFAULT 0);
       CREATE INDEX advisor_tokens_by_advisor ON advisor_tokens(advisor_id);
       CREATE TABLE inbox (
           id TEXT PRIMARY KEY,
           received_at BIGINT NOT NULL,
           sealed {BLOB} NOT NULL);
       CREATE INDEX inbox_by_received ON inbox(received_at);
       CREATE TABLE statistics (
           start_hour BIGINT NOT NULL,
           duration_minutes INTEGER NOT NULL,
           wait_minutes INTEGER NOT NULL,
           outcome TEXT NOT NULL,
           features INTEGER NOT NULL);
       CREATE INDEX statistics_by_hour ON statistics(start_hour);
       CREATE TABLE access_log (
           at BIGINT NOT NULL,
           address TEXT NOT NULL,
           client TEXT NOT NULL,
           resource TEXT NOT NULL,
           status INTEGER NOT NULL);
       CREATE INDEX access_log_by_time ON access_log(at);)",
    // 2: the advisors' second factor (A5). The TOTP secret is kept as it is, not hashed: checking a
    // code needs the shared key itself. NULL: no second factor. The last accepted time step makes
    // every code good for one log-in only.
    R"(ALTER TABLE advisors ADD COLUMN totp_secret {BLOB};
       ALTER TABLE advisors ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;)",
    // 3 (issue 14): the supervisor role; and the statistics back to what P3 allows plus two coarse
    // fields (StatisticsStore explains why): the wait to the minute becomes one of six bands, so
    // that it can no longer be matched against one connection's times in the access log; the
    // outcome stays one of its four fixed words.
    R"(ALTER TABLE advisors ADD COLUMN supervisor INTEGER NOT NULL DEFAULT 0;
       ALTER TABLE statistics ADD COLUMN wait_band INTEGER NOT NULL DEFAULT 0;
       UPDATE statistics SET wait_band = CASE WHEN wait_minutes < 1 THEN 0 WHEN wait_minutes < 2 THEN 1
           WHEN wait_minutes < 5 THEN 2 WHEN wait_minutes < 10 THEN 3 WHEN wait_minutes < 20 THEN 4 ELSE 5 END;
       ALTER TABLE statistics DROP COLUMN wait_minutes;)",
};

QString nextConnectionName()
{
    static QAtomicInteger<int> counter;
    return QStringLiteral("consult-db-%1").arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

Database::Database(QSqlDatabase handle, Dialect dialect)
    : m_connectionName(handle.connectionName())
    , m_handle(std::move(handle))
    , m_dialect(dialect)
{}

Database::~Database()
{
    m_handle.close();
    m_handle = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> Database::openSqlite(const QString &path)
{
    using R = Result<std::unique_ptr<Database>>;
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (!QFileInfo::exists(path)) {
        // Create the file ourselves so that it is private from its first byte.
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner))
            return R::failure(QStringLiteral("create_failed"), QStringLiteral("cannot create %1").arg(path));
    }
    QSqlDatabase handle = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), nextConnectionName());
    handle.setDatabaseName(path);
    handle.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!handle.open()) {
        const QString error = handle.lastError().text();
        const QString name = handle.connectionName();
        handle = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return R::failure(QStringLiteral("open_failed"), QStringLiteral("cannot open %1: %2").arg(path, error));
    }
    std::unique_ptr<Database> database(new Database(std::move(handle), Dialect::Sqlite));
    handle = QSqlDatabase(); // only the Database holds the connection, so it can remove it
    // journal_size_limit: after any checkpoint the -wal file shrinks back to 1 MiB at most, so old
    // frames do not linger at the end of a log that once grew large.
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON",
                               "PRAGMA secure_delete=ON", "PRAGMA journal_size_limit=1048576"}) {
        if (auto result = database->exec(QString::fromLatin1(pragma)); !result)
            return result.problem();
    }
    if (auto migrated = database->migrate(); !migrated)
        return migrated.problem();
    return R(std::move(database));
}

QString Database::typeName(const QString &portable) const
{
    if (portable == u"{ID}")
        return m_dialect == Dialect::Sqlite ? QStringLiteral("INTEGER PRIMARY KEY")
                                            : QStringLiteral("BIGSERIAL PRIMARY KEY");
    if (portable == u"{BLOB}")
        return m_dialect == Dialect::Sqlite ? QStringLiteral("BLOB") : QStringLiteral("BYTEA");
    return portable;
}

int Database::schemaVersion()
{
    auto query = exec(QStringLiteral("SELECT MAX(version) FROM schema_migrations"));
    if (!query || !query.value().next())
        return 0;
    return query.value().value(0).toInt();
}

Status Database::migrate()
{
    if (auto created = exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                                           "applied_at BIGINT NOT NULL)"));
        !created)
        return created.problem();
    const int current = schemaVersion();
    const int target = static_cast<int>(std::size(kMigrations));
    for (int version = current + 1; version <= target; ++version) {
        if (!transaction())
            return Status::failure(QStringLiteral("migration_failed"), m_handle.lastError().text());
        QString script = QString::fromUtf8(kMigrations[version - 1]);
        for (const QString &placeholder : {QStringLiteral("{ID}"), QStringLiteral("{BLOB}")})
            script.replace(placeholder, typeName(placeholder));
        for (const QString &statement : script.split(u';', Qt::SkipEmptyParts)) {
            if (statement.trimmed().isEmpty())
                continue;
            if (auto result = exec(statement); !result) {
                rollback();
                return result.problem();
            }
        }
        if (auto recorded = exec(QStringLiteral("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)"),
                                 {version, QDateTime::currentMSecsSinceEpoch()});
            !recorded) {
            rollback();
            return recorded.problem();
        }
        if (!commit())
            return Status::failure(QStringLiteral("migration_failed"), m_handle.lastError().text());
    }
    return success();
}

Result<QSqlQuery> Database::exec(const QString &sql, const QVariantList &values)
{
    QSqlQuery query(m_handle);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return Result<QSqlQuery>::failure(QStringLiteral("sql_prepare"), query.lastError().text());
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return Result<QSqlQuery>::failure(QStringLiteral("sql_exec"), query.lastError().text());
    return query;
}

bool Database::transaction()
{
    return m_handle.transaction();
}

bool Database::commit()
{
    return m_handle.commit();
}

void Database::rollback()
{
    m_handle.rollback();
}

Status Database::forgetDeleted()
{
    if (m_dialect != Dialect::Sqlite)
        return success();
    auto result = exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    if (!result)
        return result.problem();
    // One row: busy (1 when another connection kept it from completing), log frames, checkpointed.
    QSqlQuery &row = result.value();
    if (!row.next() || row.value(0).toInt() != 0)
        return Status::failure(QStringLiteral("checkpoint_busy"),
                               QStringLiteral("the write-ahead log could not be truncated"));
    return success();
}

} // namespace consult
