#include "StatisticsStore.h"

#include "storage/Database.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QTextStream>

namespace consult {

namespace {

constexpr qint64 kHourMs = 3'600'000;
constexpr qint64 kMinuteMs = 60'000;

} // namespace

QStringList StatisticsStore::columns()
{
    return {QStringLiteral("start_hour"), QStringLiteral("duration_minutes"), QStringLiteral("outcome"),
            QStringLiteral("features"), QStringLiteral("wait_band")};
}

QString StatisticsStore::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Completed:
        return QStringLiteral("completed");
    case Outcome::ConnectionLost:
        return QStringLiteral("connection_lost");
    case Outcome::MessageLeft:
        return QStringLiteral("message_left");
    case Outcome::LeftQueue:
        return QStringLiteral("left_queue");
    }
    return QStringLiteral("completed");
}

std::optional<StatisticsStore::Outcome> StatisticsStore::outcomeFromName(const QString &name)
{
    for (Outcome outcome : {Outcome::Completed, Outcome::ConnectionLost, Outcome::MessageLeft, Outcome::LeftQueue}) {
        if (outcomeName(outcome) == name)
            return outcome;
    }
    return std::nullopt;
}

int StatisticsStore::waitBandOf(qint64 waitedMs)
{
    // Upper limits in minutes of bands 0..4; band 5 is everything longer.
    constexpr std::array<qint64, kWaitBands - 1> limits = {1, 2, 5, 10, 20};
    int band = 0;
    while (band < kWaitBands - 1 && waitedMs >= limits[static_cast<size_t>(band)] * kMinuteMs)
        ++band;
    return band;
}

StatisticsStore::Record StatisticsStore::anonymise(qint64 startedAtMs, qint64 endedAtMs, qint64 waitedMs,
                                                   Outcome outcome, int features)
{
    Record record;
    record.startHourMs = startedAtMs - startedAtMs % kHourMs;
    record.durationMinutes = static_cast<int>((qMax<qint64>(0, endedAtMs - startedAtMs) + kMinuteMs / 2) / kMinuteMs);
    record.waitBand = waitBandOf(qMax<qint64>(0, waitedMs));
    record.outcome = outcome;
    record.features = features;
    return record;
}

Status StatisticsStore::add(const Record &record)
{
    auto query = m_database.exec(
        QStringLiteral("INSERT INTO statistics (start_hour, duration_minutes, outcome, "
                       "features, wait_band) VALUES (?, ?, ?, ?, ?)"),
        {record.startHourMs, record.durationMinutes, outcomeName(record.outcome), record.features, record.waitBand});
    return query ? success() : Status(query.problem());
}

Result<int> StatisticsStore::purgeBefore(qint64 cutoffMs)
{
    auto query = m_database.exec(QStringLiteral("DELETE FROM statistics WHERE start_hour < ?"), {cutoffMs});
    if (!query)
        return query.problem();
    return query.value().numRowsAffected();
}

Result<StatisticsStore::Summary> StatisticsStore::summarise(qint64 sinceMs)
{
    const qint64 sinceHour = sinceMs - sinceMs % kHourMs;
    Summary summary;
    // Grouped in SQL: the rows themselves never leave the database.
    auto perHour =
        m_database.exec(QStringLiteral("SELECT start_hour, COUNT(*) FROM statistics WHERE start_hour >= ? "
                                       "AND outcome IN ('completed', 'connection_lost') GROUP BY start_hour"),
                        {sinceHour});
    if (!perHour)
        return perHour.problem();
    while (perHour.value().next())
        summary.servedPerHour.insert(perHour.value().value(0).toLongLong(), perHour.value().value(1).toInt());

    auto bands = m_database.exec(
        QStringLiteral("SELECT wait_band, COUNT(*) FROM statistics WHERE start_hour >= ? GROUP BY wait_band"),
        {sinceHour});
    if (!bands)
        return bands.problem();
    while (bands.value().next()) {
        const int band = bands.value().value(0).toInt();
        if (band >= 0 && band < kWaitBands)
            summary.waitBands[static_cast<size_t>(band)] += bands.value().value(1).toInt();
    }

    auto outcomes = m_database.exec(
        QStringLiteral("SELECT outcome, COUNT(*) FROM statistics WHERE start_hour >= ? GROUP BY outcome"), {sinceHour});
    if (!outcomes)
        return outcomes.problem();
    while (outcomes.value().next()) {
        const int count = outcomes.value().value(1).toInt();
        switch (outcomeFromName(outcomes.value().value(0).toString()).value_or(Outcome::Completed)) {
        case Outcome::Completed:
            summary.completed += count;
            break;
        case Outcome::ConnectionLost:
            summary.connectionLost += count;
            break;
        case Outcome::MessageLeft:
            summary.messageLeft += count;
            break;
        case Outcome::LeftQueue:
            summary.leftQueue += count;
            break;
        }
    }

    auto features = m_database.exec(
        QStringLiteral("SELECT SUM(CASE WHEN (features & 1) <> 0 THEN 1 ELSE 0 END), "
                       "SUM(CASE WHEN (features & 2) <> 0 THEN 1 ELSE 0 END), "
                       "SUM(CASE WHEN (features & 4) <> 0 THEN 1 ELSE 0 END), "
                       "SUM(CASE WHEN (features & 8) <> 0 THEN 1 ELSE 0 END), "
                       "SUM(CASE WHEN (features & 48) <> 0 THEN 1 ELSE 0 END) "
                       "FROM statistics WHERE start_hour >= ? AND outcome IN ('completed', 'connection_lost')"),
        {sinceHour});
    if (!features)
        return features.problem();
    if (features.value().next()) {
        QSqlQuery &row = features.value();
        summary.withChat = row.value(0).toInt();
        summary.withAudio = row.value(1).toInt();
        summary.withVideo = row.value(2).toInt();
        summary.withWhiteboard = row.value(3).toInt();
        summary.withDocuments = row.value(4).toInt();
    }
    return summary;
}

Status StatisticsStore::exportCsv(QTextStream &out)
{
    auto query = m_database.exec(QStringLiteral("SELECT start_hour, duration_minutes, wait_band, outcome, features "
                                                "FROM statistics ORDER BY start_hour"));
    if (!query)
        return query.problem();
    out << "start_hour_utc,duration_minutes,wait_band,outcome,chat,audio,video,whiteboard,documents,forms\n";
    QSqlQuery rows = std::move(query).value();
    while (rows.next()) {
        const int features = rows.value(4).toInt();
        out << QDateTime::fromMSecsSinceEpoch(rows.value(0).toLongLong(), Qt::UTC).toString(Qt::ISODate) << ','
            << rows.value(1).toInt() << ',' << rows.value(2).toInt() << ',' << rows.value(3).toString();
        for (int bit : {Chat, Audio, Video, Whiteboard, Documents, Forms})
            out << ',' << ((features & bit) ? 1 : 0);
        out << '\n';
    }
    return success();
}

} // namespace consult
