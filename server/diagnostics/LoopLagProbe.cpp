#include "diagnostics/LoopLagProbe.h"

namespace consult {

LoopLagProbe::LoopLagProbe(int intervalMs, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(intervalMs);
    // Single shots restarted by hand: each is due exactly an interval after its start, whatever
    // catch-up rule the event dispatcher has for periodic timers.
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &LoopLagProbe::fired);
    m_dueUs = m_clock.monotonicUs() + qint64(intervalMs) * 1000;
    m_timer.start();
}

void LoopLagProbe::fired()
{
    const qint64 nowUs = m_clock.monotonicUs();
    const qint64 lateUs = nowUs - m_dueUs;
    m_lateness.add(lateUs);
    m_dueUs = nowUs + qint64(m_timer.interval()) * 1000;
    m_timer.start();
    Q_EMIT sampled(nowUs, lateUs);
}

} // namespace consult
