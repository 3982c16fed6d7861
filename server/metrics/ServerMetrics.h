#pragma once

#include "Histogram.h"
#include "MetricsRegistry.h"

namespace consult {

class Clock;
class Listener;
class ServerCore;

// Every figure of /metrics, named and explained in one place, read from the unit that counts it:
// connections (SessionRegistry), waiting customers (QueueService), consultations and waits
// (ConsultationTally), relayed chat and media (ChatRelay, MediaRelay), refused log-ins
// (AdvisorDesk), rate-limit hits (each limit's owner), handshake refusals (Listener), and the
// event loop's lag (fed from the LoopLagProbe). Only counts and durations: no name, phone number,
// consultation id or address can appear, since no family has a label that could carry one (P3).
// Owned by the ServerApplication; the core and the listener outlive it.
class ServerMetrics
{
public:
    // Upper bounds of the loop-lag buckets in seconds: 1 ms is healthy, 100 ms is felt in a call.
    static std::vector<double> loopLagBucketsSeconds()
    {
        return {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1};
    }

    ServerMetrics(ServerCore &core, const Listener &listener, const Clock &clock);

    // One sample of the loop-lag probe (LoopLagProbe::sampled).
    void observeLoopLag(qint64 lateUs) { m_loopLag.observe(static_cast<double>(lateUs) / 1e6); }

    const MetricsRegistry &registry() const { return m_registry; }
    QByteArray render() const { return m_registry.render(); }

private:
    MetricsRegistry m_registry;
    Histogram m_loopLag{loopLagBucketsSeconds()};
};

} // namespace consult
