#include "StatisticsStore.h"

#include "storage/Database.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QTextStream>

namespace consult {

QStringList StatisticsStore::columns()
{
    return {QStringLiteral("start_hour"), QStringLiteral("duration_minutes"), QStringLiteral("wait_minutes"),
            QStringLiteral("outcome"), QStringLiteral("features")};
}

StatisticsStore::Record StatisticsStore::anonymise(qint64 startedAtMs, qint64 endedAtMs, qint64 waitedMs,
                                                   const QString &outcome, int features)
{
    constexpr qint64 hourMs = 3'600'000;
    constexpr qint64 minuteMs = 60'000;
    Record record;
    record.startHourMs = startedAtMs - startedAtMs % hourMs;
    record.durationMinutes = static_cast<int>((qMax<qint64>(0, endedAtMs - startedAtMs) + minuteMs / 2) / minuteMs);
    record.waitMinutes = static_cast<int>((qMax<qint64>(0, waitedMs) + minuteMs / 2) / minuteMs);
    record.outcome = outcome;
    record.features = features;
    return record;
}

Status StatisticsStore::add(const Record &record)
{
    auto query = m_database.exec(
        QStringLiteral("INSERT INTO statistics (start_hour, duration_minutes, wait_minutes, "
                       "outcome, features) VALUES (?, ?, ?, ?, ?)"),
        {record.startHourMs, record.durationMinutes, record.waitMinutes, record.outcome, record.features});
    return query ? success() : Status(query.problem());
}

Result<int> StatisticsStore::purgeBefore(qint64 cutoffMs)
{
    auto query = m_database.exec(QStringLiteral("DELETE FROM statistics WHERE start_hour < ?"), {cutoffMs});
    if (!query)
        return query.problem();
    return query.value().numRowsAffected();
}

Status StatisticsStore::exportCsv(QTextStream &out)
{
    auto query = m_database.exec(QStringLiteral("SELECT start_hour, duration_minutes, wait_minutes, outcome, features "
                                                "FROM statistics ORDER BY start_hour"));
    if (!query)
        return query.problem();
    out << "start_hour_utc,duration_minutes,wait_minutes,outcome,chat,audio,video,whiteboard,documents,forms\n";
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
