#include "ViolationCount.h"

#include <algorithm>

namespace consult {

ViolationCount::ViolationCount(int limit, qint64 windowUs, qint64 nowUs)
    : m_limit(std::max(1, limit))
    , m_drainPerUs(static_cast<double>(std::max(1, limit)) / static_cast<double>(std::max<qint64>(1, windowUs)))
    , m_lastUs(nowUs)
{}

bool ViolationCount::add(qint64 nowUs)
{
    drain(nowUs);
    m_count += 1;
    return m_count >= m_limit;
}

double ViolationCount::count(qint64 nowUs) const
{
    const auto elapsed = static_cast<double>(std::max<qint64>(0, nowUs - m_lastUs));
    return std::max(0.0, m_count - elapsed * m_drainPerUs);
}

void ViolationCount::drain(qint64 nowUs)
{
    m_count = count(nowUs);
    m_lastUs = std::max(m_lastUs, nowUs);
}

} // namespace consult
