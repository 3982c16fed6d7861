#pragma once

#include "core/Result.h"

#include <QMap>
#include <QString>

#include <array>
#include <optional>

class QTextStream;

namespace consult {

class Database;

// Anonymous statistics (P3): when (to the hour), how long (to the minute) and which features were
// used, the three fields SECURITY.md allows. Two more are kept, each coarse enough that it names
// nobody and joins with nothing (issue 14: the supervisors' charts need them):
//  - outcome: one of four fixed words (served and ended, served and a side lost, message left, left
//    the queue); never free text, so it cannot carry anything about a person;
//  - wait_band: the wait in six bands (under 1 minute, 1-2, 2-5, 5-10, 10-20, 20 and more) instead
//    of the minute it once was, so that start hour plus wait cannot be matched against the access
//    log's times of one connection.
// Nothing that identifies a person, a session or an address: there is no column that could hold it,
// and no key to join with the access log.
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

    // How a customer's visit ended; stored as its fixed word (outcomeName).
    enum class Outcome
    {
        Completed,      // served; the customer or the advisor ended it
        ConnectionLost, // served; a side did not come back within the grace period
        MessageLeft,    // turned the wait into a message
        LeftQueue,      // left the queue or lost the connection before being served
    };

    static constexpr int kWaitBands = 6;

    struct Record
    {
        qint64 startHourMs = 0;  // truncated to the full hour
        int durationMinutes = 0; // rounded to the nearest minute
        int waitBand = 0;        // 0..kWaitBands-1, see waitBandOf()
        Outcome outcome = Outcome::Completed;
        int features = 0;
    };

    // Counts over the records from one hour on, for the supervisor overview: only sums, never a row.
    struct Summary
    {
        QMap<qint64, int> servedPerHour; // start hour -> consultations served (completed or lost)
        std::array<int, kWaitBands> waitBands{};
        int withChat = 0;
        int withAudio = 0;
        int withVideo = 0;
        int withWhiteboard = 0;
        int withDocuments = 0; // documents or forms
        int completed = 0;
        int connectionLost = 0;
        int messageLeft = 0;
        int leftQueue = 0;
    };

    // The only columns of the table; a test holds the table to this list.
    static QStringList columns();
    static QString outcomeName(Outcome outcome);
    static std::optional<Outcome> outcomeFromName(const QString &name);
    // The band of a wait: under 1 minute, 1-2, 2-5, 5-10, 10-20, 20 minutes and more.
    static int waitBandOf(qint64 waitedMs);

    explicit StatisticsStore(Database &database)
        : m_database(database)
    {}

    // Builds a record from exact times, doing the truncation and coarsening that makes it anonymous.
    static Record anonymise(qint64 startedAtMs, qint64 endedAtMs, qint64 waitedMs, Outcome outcome, int features);

    Status add(const Record &record);
    Result<int> purgeBefore(qint64 cutoffMs);
    // Sums the records that started in the hour of `sinceMs` or later.
    Result<Summary> summarise(qint64 sinceMs);
    // Writes CSV (header plus one line per record) for the operators' reports.
    Status exportCsv(QTextStream &out);

private:
    Database &m_database;
};

} // namespace consult
