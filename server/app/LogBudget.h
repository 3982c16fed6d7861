#pragma once

#include <QMutex>
#include <QtGlobal>

#include <optional>

namespace consult {

// How many lines of one kind the server writes a minute (issue 13, log flooding): lines a client can
// cause at will (refused log-ins, libprotobuf's complaints about what a client sent) get a budget;
// beyond it they are counted, not written, and the next line that goes out says how many were held
// back. Time comes from the caller (monotonic ms). Thread-safe (libprotobuf may log from workers).
class LogBudget final
{
public:
    explicit LogBudget(int linesPerMinute);

    // Whether a line may be written at `nowMs`: then the number of lines held back since the last
    // one written (0 if none), else nothing (and this one is counted as held back).
    std::optional<qint64> take(qint64 nowMs);

private:
    QMutex m_mutex;
    int m_linesPerMinute;
    qint64 m_windowStartMs = 0;
    bool m_started = false;
    int m_lines = 0;
    qint64 m_heldBack = 0;
};

} // namespace consult
