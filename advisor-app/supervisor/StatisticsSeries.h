#pragma once

#include "protocol/consult.pb.h"

#include <QDate>
#include <QList>
#include <QTimeZone>

namespace consult::advisor {

// The server counts consultations per UTC hour (it knows their start only to the hour, P3); the
// supervisor reads them in local days and hours. These sums do that, in the given time zone.
namespace StatisticsSeries {

// Consultations in each local hour (0..23) of `day`: 24 counts. An hour that a change of the clocks
// leaves out stays 0; one it repeats gets both.
QList<int> perHourOf(const wire::SupervisorStatistics &statistics, QDate day, const QTimeZone &zone);

// Consultations on each local day from `first` to `last`, both included.
QList<int> perDay(const wire::SupervisorStatistics &statistics, QDate first, QDate last, const QTimeZone &zone);

} // namespace StatisticsSeries
} // namespace consult::advisor
