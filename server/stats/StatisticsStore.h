#pragma once

#include "core/Result.h"

#include <QString>

class QTextStream;

namespace consult {

class Database;

// Anonymous statistics (P3): when (to the hour), how long (to the minute), how long the wait was,
// how it ended and which features were used. Nothing that identifies a person, a session or an
// address: there is no column that could hold it, and no key to join with the access log.
class StatisticsStore
{
public:
    // Feature bits.
    enum Feature : int
    {
        Chat = 1,
        Audio = 2,
        Video = 4,
        Whiteboard = 8,
        Documents = 16,
        Forms = 32
    };

    struct Record
    {
        qint64 startHourMs = 0;  // truncated to the full hour
        int durationMinutes = 0; // rounded to the nearest minute
        int waitMinutes = 0;     // rounded to the nearest minute
        QString outcome;         // "completed", "connection_lost", "message_left", "left_queue"
        int features = 0;
    };

    // The only columns of the table; a test holds the table to this list.
    static QStringList columns();

    explicit StatisticsStore(Database &database)
        : m_database(database)
    {}

    // Builds a record from exact times, doing the truncation and rounding that makes it anonymous.
    static Record anonymise(qint64 startedAtMs, qint64 endedAtMs, qint64 waitedMs, const QString &outcome,
                            int features);

    Status add(const Record &record);
    Result<int> purgeBefore(qint64 cutoffMs);
    // Writes CSV (header plus one line per record) for the operators' reports.
    Status exportCsv(QTextStream &out);

private:
    Database &m_database;
};

} // namespace consult
