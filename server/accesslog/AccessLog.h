#pragma once

#include "core/Result.h"
#include "session/SessionRegistry.h"

#include <QObject>
#include <QTimer>

#include <vector>

namespace consult {

class Clock;
class Database;

// The short-lived access log the terms of use promise (P4, P5): address, time, client and version,
// resource (path only) and status, nothing else. Written in batches once a second so that a burst of
// connections does not become a burst of transactions; purged after the retention period at start-up
// and daily.
class AccessLog final : public QObject
{
    Q_OBJECT
public:
    AccessLog(Database &database, const Clock &clock, int retentionDays, QObject *parent = nullptr);
    ~AccessLog() override;

    void record(const AccessEvent &event);
    void flush();
    // Deletes entries older than the retention period. Returns how many.
    Result<int> purge();

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
    int m_retentionDays;
    std::vector<Entry> m_buffer;
    QTimer m_flushTimer;
    QTimer m_purgeTimer;
};

} // namespace consult
