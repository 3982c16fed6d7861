#include "InboxStore.h"

#include "storage/Database.h"

#include <QSqlQuery>

namespace consult {

Status InboxStore::insert(const Row &row)
{
    auto query = m_database.exec(QStringLiteral("INSERT INTO inbox (id, received_at, sealed) VALUES (?, ?, ?)"),
                                 {row.id, row.receivedAtMs, row.sealed});
    return query ? success() : Status(query.problem());
}

Result<QList<InboxStore::Row>> InboxStore::list()
{
    auto query = m_database.exec(QStringLiteral("SELECT id, received_at, sealed FROM inbox ORDER BY received_at, id"));
    if (!query)
        return query.problem();
    QList<Row> rows;
    QSqlQuery result = std::move(query).value();
    while (result.next())
        rows.append(Row{result.value(0).toString(), result.value(1).toLongLong(), result.value(2).toByteArray()});
    return rows;
}

Result<QStringList> InboxStore::listIds()
{
    auto query = m_database.exec(QStringLiteral("SELECT id FROM inbox ORDER BY received_at, id"));
    if (!query)
        return query.problem();
    QStringList ids;
    QSqlQuery result = std::move(query).value();
    while (result.next())
        ids.append(result.value(0).toString());
    return ids;
}

Result<std::optional<InboxStore::Row>> InboxStore::find(const QString &id)
{
    auto query = m_database.exec(QStringLiteral("SELECT id, received_at, sealed FROM inbox WHERE id = ?"), {id});
    if (!query)
        return query.problem();
    QSqlQuery result = std::move(query).value();
    if (!result.next())
        return std::optional<Row>();
    return std::optional<Row>(
        Row{result.value(0).toString(), result.value(1).toLongLong(), result.value(2).toByteArray()});
}

Result<int> InboxStore::count()
{
    auto query = m_database.exec(QStringLiteral("SELECT COUNT(*) FROM inbox"));
    if (!query)
        return query.problem();
    QSqlQuery result = std::move(query).value();
    if (!result.next())
        return Result<int>::failure(QStringLiteral("no_result"), QStringLiteral("counting the inbox gave no row"));
    return result.value(0).toInt();
}

Result<bool> InboxStore::remove(const QString &id)
{
    auto query = m_database.exec(QStringLiteral("DELETE FROM inbox WHERE id = ?"), {id});
    if (!query)
        return query.problem();
    const bool removed = query.value().numRowsAffected() > 0;
    if (removed) // P2: not even the write-ahead log keeps the message
        (void)m_database.forgetDeleted();
    return removed;
}

Result<QStringList> InboxStore::purgeReceivedBefore(qint64 cutoffMs)
{
    auto selected = m_database.exec(QStringLiteral("SELECT id FROM inbox WHERE received_at < ?"), {cutoffMs});
    if (!selected)
        return selected.problem();
    QStringList ids;
    QSqlQuery rows = std::move(selected).value();
    while (rows.next())
        ids.append(rows.value(0).toString());
    if (ids.isEmpty())
        return ids;
    auto deleted = m_database.exec(QStringLiteral("DELETE FROM inbox WHERE received_at < ?"), {cutoffMs});
    if (!deleted)
        return deleted.problem();
    (void)m_database.forgetDeleted(); // P2
    return ids;
}

} // namespace consult
