#pragma once

#include <QtGlobal>

#include <algorithm>
#include <vector>

namespace consult {

// Counts observations into fixed buckets, Prometheus style: bucket i counts values up to and
// including upperBounds[i], and one more bucket takes everything beyond. Adding is a short scan of
// a handful of bounds and an increment, no allocation: cheap enough for the event loop. Cumulative
// since it was made; the scraper takes differences.
class Histogram
{
public:
    explicit Histogram(std::vector<double> upperBounds)
        : m_bounds(std::move(upperBounds))
        , m_counts(m_bounds.size() + 1, 0)
    {
        std::sort(m_bounds.begin(), m_bounds.end());
    }

    void observe(double value)
    {
        const auto bucket = std::lower_bound(m_bounds.begin(), m_bounds.end(), value) - m_bounds.begin();
        ++m_counts[static_cast<std::size_t>(bucket)];
        m_sum += value;
    }

    const std::vector<double> &upperBounds() const { return m_bounds; }
    // Per bucket, not cumulative; the last one is beyond every bound.
    const std::vector<quint64> &counts() const { return m_counts; }
    double sum() const { return m_sum; }
    quint64 count() const
    {
        quint64 total = 0;
        for (const quint64 n : m_counts)
            total += n;
        return total;
    }

private:
    std::vector<double> m_bounds;
    std::vector<quint64> m_counts;
    double m_sum = 0;
};

} // namespace consult
