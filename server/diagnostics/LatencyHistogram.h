#pragma once

#include <QtGlobal>

#include <algorithm>
#include <array>

namespace consult {

// Counts durations in 10 µs steps up to 20 ms (longer ones in one overflow bucket), for
// quantiles of latencies measured on a hot path: adding is one increment, no allocation.
class LatencyHistogram
{
public:
    static constexpr qint64 kStepUs = 10;
    static constexpr int kBuckets = 2000; // 0 .. 20 ms

    void add(qint64 us)
    {
        const auto bucket = static_cast<std::size_t>(std::clamp<qint64>(us / kStepUs, 0, kBuckets));
        ++m_counts[bucket];
        ++m_total;
        m_maxUs = std::max(m_maxUs, us);
    }

    void reset() { *this = LatencyHistogram(); }

    quint64 count() const { return m_total; }
    qint64 maxUs() const { return m_maxUs; }

    // The upper edge of the bucket holding the p-quantile (0..1), but never more than the maximum
    // seen (so durations that were all zero report zero); the maximum when it lies beyond 20 ms;
    // 0 when empty.
    qint64 quantileUs(double p) const
    {
        if (m_total == 0)
            return 0;
        const auto rank = static_cast<quint64>(std::clamp(p, 0.0, 1.0) * double(m_total - 1)) + 1;
        quint64 seen = 0;
        for (std::size_t i = 0; i < kBuckets; ++i) {
            seen += m_counts[i];
            if (seen >= rank)
                return std::min(qint64(i + 1) * kStepUs, m_maxUs);
        }
        return m_maxUs;
    }

private:
    std::array<quint64, kBuckets + 1> m_counts{};
    quint64 m_total = 0;
    qint64 m_maxUs = 0;
};

} // namespace consult
