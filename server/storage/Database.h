#pragma once

#include "core/Result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

#include <memory>

namespace consult {

// The server's one database connection (Qt SQL). SQLite by default: one file, WAL, secure_delete so
// deleted rows do not linger in free pages (P2), migrations in code. Callers write portable SQL with
// positional placeholders; what differs between SQLite and PostgreSQL (column types, identity
// columns, connection pragmas) stays in this class, so a PostgreSQL back end changes no caller.
// Used from the main thread only.
class Database
{
public:
    enum class Dialect
    {
        Sqlite,
        PostgreSql
    };

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (creating if needed) an SQLite file with mode 0600 and brings its schema up to date.
    static Result<std::unique_ptr<Database>> openSqlite(const QString &path);

    Dialect dialect() const { return m_dialect; }
    int schemaVersion();

    // Runs one statement with positional values. The query is returned for reading rows.
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &values = {});

    bool transaction();
    bool commit();
    void rollback();

    // After a deletion that must leave nothing behind (P2, P5): SQLite copies every changed page to
    // its write-ahead log, so a deleted row's old content stays in the -wal file until a checkpoint
    // and the file is truncated; secure_delete only clears the database file itself. This moves the
    // log into the database and truncates it to zero bytes. PostgreSQL: nothing to do here.
    Status forgetDeleted();

private:
    Database(QSqlDatabase handle, Dialect dialect);
    Status migrate();
    QString typeName(const QString &portable) const;

    QString m_connectionName;
    QSqlDatabase m_handle;
    Dialect m_dialect;
};

} // namespace consult
