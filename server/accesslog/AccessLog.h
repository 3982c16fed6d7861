#pragma once

#include "app/LogBudget.h"
#include "core/Result.h"
#include "session/SessionRegistry.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <vector>

namespace consult {

class Clock;
class Database;

// The short-lived access log the terms of use promise (P4, P5): address, time, client and version,
// resource (path only) and status, nothing else. Written in batches once a second so that a burst of
// connections does not become a burst of transactions; purged after the retention period by the
// RetentionPolicy (at start-up, hourly, and by "consult-server purge"). A client that connects thousands of times a
// second (refused, each of them) must not turn into thousands of rows a second (issue 13, log flooding): each address
// group gets at most kRowsPerAddressPerBatch rows a batch; the rest is counted and said in one rate-limited log line.
class AccessLog final : public QObject
{
    Q_OBJECT
public:
    AccessLog(Database &database, const Clock &clock, QObject *parent = nullptr);
    ~AccessLog() override;

    static constexpr int kRowsPerAddressPerBatch = 10;

    void record(const AccessEvent &event);
    void flush();
    // Deletes entries written before `cutoffMs` and clears them from the write-ahead log too (P5).
    // Returns how many. For the RetentionPolicy, which knows the period; what is still buffered here
    // is younger than any cutoff.
    static Result<int> purgeBefore(Database &database, qint64 cutoffMs);

private:
    struct Entry
    {
        qint64 atMs;
        QString address;
        QString client;
        QString resource;
        int status;
    };

    Database &m_database;
    const Clock &m_clock;
    std::vector<Entry> m_buffer;
    QHash<QString, int> m_rowsThisBatch; // by addressGroup()
    qint64 m_notWritten = 0;             // over the per-address cap, since the last line that said so
    LogBudget m_notWrittenLines{2};
    QTimer m_flushTimer;
};

} // namespace consult
