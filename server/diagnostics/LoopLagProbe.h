#pragma once

#include "core/Clock.h"
#include "diagnostics/LatencyHistogram.h"

#include <QObject>
#include <QTimer>

namespace consult {

// Measures how late the event loop gets round to things: a precise timer every interval, and the
// time between when it was due and when it ran. A socket that becomes readable waits about as
// long before the relay reads it, so together with MediaRelay::holdTimes() this bounds the
// server's added latency under load (the benchmark's figure). Off unless configured
// ([diagnostics] loop_lag_probe_ms): an idle server should not wake up a hundred times a second.
class LoopLagProbe final : public QObject
{
    Q_OBJECT
public:
    LoopLagProbe(int intervalMs, const Clock &clock, QObject *parent = nullptr);

    const LatencyHistogram &lateness() const { return m_lateness; }
    void reset() { m_lateness.reset(); }
    int intervalMs() const { return m_timer.interval(); }

Q_SIGNALS:
    // Each sample as it is taken: at `atUs` (monotonic) the probe ran `lateUs` late (LoopOverload).
    void sampled(qint64 atUs, qint64 lateUs);

private:
    void fired();

    const Clock &m_clock;
    QTimer m_timer;
    qint64 m_dueUs = 0;
    LatencyHistogram m_lateness;
};

} // namespace consult
