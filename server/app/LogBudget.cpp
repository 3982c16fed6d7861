#include "LogBudget.h"

namespace consult {

LogBudget::LogBudget(int linesPerMinute)
    : m_linesPerMinute(linesPerMinute)
{}

std::optional<qint64> LogBudget::take(qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    if (!m_started || nowMs - m_windowStartMs >= 60'000) {
        m_started = true;
        m_windowStartMs = nowMs;
        m_lines = 0;
    }
    if (m_lines >= m_linesPerMinute) {
        ++m_heldBack;
        return std::nullopt;
    }
    ++m_lines;
    const qint64 heldBack = m_heldBack;
    m_heldBack = 0;
    return heldBack;
}

} // namespace consult
