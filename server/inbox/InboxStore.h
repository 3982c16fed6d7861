#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace consult {

class Database;

// Rows of messages left for advisors. The store sees only sealed bytes (name, phone and text are
// encrypted by the InboxService before they get here) and the time received, which the purge needs.
class InboxStore
{
public:
    struct Row
    {
        QString id;
        qint64 receivedAtMs = 0;
        QByteArray sealed;
    };

    explicit InboxStore(Database &database)
        : m_database(database)
    {}

    Status insert(const Row &row);
    Result<QList<Row>> list(); // oldest first
    // The ids of every row, oldest first (the order of list()).
    Result<QStringList> listIds();
    // One row, or nothing when there is no such row.
    Result<std::optional<Row>> find(const QString &id);
    // How many rows there are.
    Result<int> count();
    Result<bool> remove(const QString &id);
    // Deletes rows received before `cutoffMs`; returns their ids.
    Result<QStringList> purgeReceivedBefore(qint64 cutoffMs);

private:
    Database &m_database;
};

} // namespace consult
