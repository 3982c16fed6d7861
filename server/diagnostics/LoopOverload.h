#pragma once

#include <QtGlobal>

#include <deque>

namespace consult {

// Whether the event loop is overloaded, judged over a sliding window instead of from a few samples:
// overloaded while, during at least half of the last window, the loop ran more than a threshold
// behind. A probe sample that ran `late` µs late at `at` means the loop was behind since it was due,
// and more than the threshold behind for the last `late - threshold` µs of that. One long stall or a
// scattering of late samples on a shared machine does not make a server busy; a loop that keeps
// falling behind does, and stops being so a window after it recovers. Fed by the LoopLagProbe's
// samples; times are the caller's (the monotonic clock), so a test can give its own. Owned by the
// ServerApplication; main thread only.
class LoopOverload
{
public:
    LoopOverload(qint64 thresholdUs, qint64 windowUs);

    // One probe sample: at `atUs` the probe ran `lateUs` late.
    void add(qint64 atUs, qint64 lateUs);
    // Whether the loop was more than the threshold behind for at least half of the window up to `nowUs`.
    bool overloaded(qint64 nowUs) const;
    // Microseconds of the window up to `nowUs` during which the loop was more than the threshold behind.
    qint64 behindUs(qint64 nowUs) const;

    qint64 thresholdUs() const { return m_thresholdUs; }
    qint64 windowUs() const { return m_windowUs; }

private:
    struct Span
    {
        qint64 fromUs;
        qint64 toUs;
    };

    qint64 m_thresholdUs;
    qint64 m_windowUs;
    std::deque<Span> m_behind; // oldest first; spans that ended before the window are dropped on add
};

} // namespace consult
