#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QTimeZone>

#include <chrono>

namespace consult {

// Time as the product sees it. Injected everywhere that decides by time (expiry, lockout, opening
// hours, expected wait) so tests can move time instead of sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    // Wall-clock time, UTC, milliseconds since the Unix epoch.
    virtual qint64 nowMs() const = 0;
    // Monotonic time in microseconds; only differences are meaningful.
    virtual qint64 monotonicUs() const = 0;

    QDateTime now() const { return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC); }
};

// The real clock.
class SystemClock final : public Clock
{
public:
    SystemClock() { m_monotonic.start(); }
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
    qint64 monotonicUs() const override { return m_monotonic.nsecsElapsed() / 1000; }

    // One shared instance for code that has no reason to take a different clock.
    static SystemClock &instance()
    {
        static SystemClock clock;
        return clock;
    }

private:
    QElapsedTimer m_monotonic;
};

// A clock that only moves when told to; for tests.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 1'767'225'600'000)
        : m_nowMs(startMs)
    {} // 2026-01-01 00:00 UTC
    qint64 nowMs() const override { return m_nowMs; }
    qint64 monotonicUs() const override { return m_monotonicUs; }

    void advance(std::chrono::milliseconds by)
    {
        m_nowMs += by.count();
        m_monotonicUs += by.count() * 1000;
    }
    void setNow(const QDateTime &utc) { m_nowMs = utc.toMSecsSinceEpoch(); }

private:
    qint64 m_nowMs;
    qint64 m_monotonicUs = 0;
};

} // namespace consult
