#pragma once

#include "core/Clock.h"

#include <chrono>

namespace consult::testing {

// Real time, with the wall clock moved forward on demand. Integration tests use it for rules that
// count in minutes or hours (idle timeouts, token lifetimes) while sockets, pings and resume timers,
// which use the monotonic clock, keep running in real time.
class ShiftedClock final : public Clock
{
public:
    qint64 nowMs() const override { return SystemClock::instance().nowMs() + m_offsetMs; }
    qint64 monotonicUs() const override { return SystemClock::instance().monotonicUs(); }
    void advance(std::chrono::milliseconds by) { m_offsetMs += by.count(); }

private:
    qint64 m_offsetMs = 0;
};

} // namespace consult::testing
