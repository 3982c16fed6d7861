#pragma once

#include <QtGlobal>

#include <algorithm>
#include <array>
#include <limits>

namespace consult {

// Counts events in a rolling window with constant memory: kBuckets + 1 buckets of width
// window / kBuckets. The count covers at least the last full window (it may include events up to one
// bucket older), so a limit enforced with it is never exceeded in any window-long span (A2: "never
// more than 100 failures per hour"). The bucket width is passed in rather than stored: a throttle
// keeps one of these per user name and per address, and they all share the same width.
class RollingCount final
{
public:
    static constexpr int kBuckets = 12;

    void add(qint64 nowMs, qint64 bucketMs)
    {
        const qint64 index = nowMs / bucketMs;
        advanceTo(index);
        quint16 &slot = m_counts[slotOf(index)];
        if (slot < std::numeric_limits<quint16>::max())
            ++slot;
    }

    int count(qint64 nowMs, qint64 bucketMs) const
    {
        int total = 0;
        forEachLiveBucket(nowMs / bucketMs, [&total](qint64, int count) { total += count; });
        return total;
    }

    // How long until the count drops below `limit` if nothing is added; 0 if it is already below.
    qint64 msUntilBelow(int limit, qint64 nowMs, qint64 bucketMs) const
    {
        const qint64 current = nowMs / bucketMs;
        int remaining = count(nowMs, bucketMs);
        if (remaining < limit)
            return 0;
        qint64 wait = 0;
        forEachLiveBucket(current, [&](qint64 index, int count) {
            if (remaining < limit)
                return;
            remaining -= count;
            // A bucket leaves the count when the current bucket is kBuckets + 1 ahead of it.
            wait = (index + kBuckets + 1) * bucketMs - nowMs;
        });
        return wait;
    }

    bool isEmpty(qint64 nowMs, qint64 bucketMs) const { return count(nowMs, bucketMs) == 0; }

private:
    static constexpr int kSlots = kBuckets + 1;

    static int slotOf(qint64 index) { return static_cast<int>(index % kSlots); }

    void advanceTo(qint64 index)
    {
        if (index <= m_newestIndex)
            return;
        const qint64 stale = std::min<qint64>(index - m_newestIndex, kSlots);
        for (qint64 i = 1; i <= stale; ++i)
            m_counts[slotOf(m_newestIndex + i)] = 0;
        m_newestIndex = index;
    }

    // Oldest first; only buckets inside [current - kBuckets, current] that have been written.
    template <typename Visit>
    void forEachLiveBucket(qint64 current, Visit visit) const
    {
        if (m_newestIndex < 0)
            return;
        const qint64 oldest = std::max(current - kBuckets, m_newestIndex - kBuckets);
        for (qint64 index = std::max<qint64>(oldest, 0); index <= m_newestIndex; ++index)
            visit(index, m_counts[slotOf(index)]);
    }

    std::array<quint16, kSlots> m_counts{};
    qint64 m_newestIndex = -1;
};

} // namespace consult
