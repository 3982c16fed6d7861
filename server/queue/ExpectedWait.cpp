#include "queue/ExpectedWait.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace consult {

namespace {

std::chrono::seconds roundUpToMinutes(std::chrono::seconds duration)
{
    return std::chrono::ceil<std::chrono::minutes>(duration);
}

} // namespace

ExpectedWait::ExpectedWait(ExpectedWaitSettings settings)
    : m_settings(settings)
    , m_handlingTime(settings.defaultHandlingTime)
{
    m_settings.historySize = std::max(1, m_settings.historySize);
}

void ExpectedWait::recordHandlingTime(std::chrono::seconds duration)
{
    if (duration.count() < 0)
        return;
    m_recent.push_back(duration);
    while (static_cast<int>(m_recent.size()) > m_settings.historySize)
        m_recent.pop_front();
    updateHandlingTime();
}

std::optional<std::chrono::seconds> ExpectedWait::estimate(int position, int staffedPlaces, int freePlaces) const
{
    if (staffedPlaces <= 0 || position <= 0)
        return std::nullopt;
    const std::int64_t free = std::clamp(freePlaces, 0, staffedPlaces);
    if (position <= free)
        return roundUpToMinutes(m_settings.pickUpTime);

    // 64-bit: 10,000 waiting customers times a long handling time must not overflow.
    const std::int64_t aheadOfFreePlaces = position - free;
    const std::int64_t totalSeconds = aheadOfFreePlaces * m_handlingTime.count();
    const std::chrono::seconds wait((totalSeconds + staffedPlaces - 1) / staffedPlaces);
    // Never less than someone at a free place waits, so the figure grows with the position.
    return roundUpToMinutes(std::max(wait, m_settings.pickUpTime));
}

void ExpectedWait::updateHandlingTime()
{
    std::vector<std::chrono::seconds> sorted(m_recent.begin(), m_recent.end());
    std::sort(sorted.begin(), sorted.end());
    const std::size_t middle = sorted.size() / 2;
    if (sorted.size() % 2 == 1) {
        m_handlingTime = sorted[middle];
    } else {
        const auto sum = sorted[middle - 1] + sorted[middle];
        m_handlingTime = (sum + std::chrono::seconds(1)) / 2; // round half up to whole seconds
    }
}

} // namespace consult
