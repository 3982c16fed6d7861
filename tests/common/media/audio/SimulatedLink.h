#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <algorithm>
#include <random>
#include <vector>

namespace consult::media::testing {

struct LinkPacket
{
    quint16 sequence = 0;
    quint32 timestamp = 0;
    QByteArray bytes;
    int arrivalMs = 0;
};

// The network between two pipelines, on the test's clock: each packet is lost with a given
// probability or arrives after baseDelay +- jitter (uniform), so packets overtake each other.
// Deterministic for a given seed.
class SimulatedLink
{
public:
    SimulatedLink(int baseDelayMs, int jitterMs, double lossRate, unsigned seed)
        : m_baseDelayMs(baseDelayMs)
        , m_jitterMs(jitterMs)
        , m_lossRate(lossRate)
        , m_random(seed)
    {}

    void setJitterMs(int jitterMs) { m_jitterMs = jitterMs; }
    void setLossRate(double lossRate) { m_lossRate = lossRate; }

    void send(int nowMs, quint16 sequence, quint32 timestamp, const QByteArray &bytes)
    {
        ++m_sent;
        if (std::uniform_real_distribution<double>(0.0, 1.0)(m_random) < m_lossRate) {
            ++m_lost;
            return;
        }
        const int jitter = m_jitterMs > 0 ? std::uniform_int_distribution<int>(-m_jitterMs, m_jitterMs)(m_random) : 0;
        m_inFlight.push_back({sequence, timestamp, bytes, nowMs + m_baseDelayMs + jitter});
    }

    // The packets that have arrived by nowMs, in order of arrival.
    std::vector<LinkPacket> arrivals(int nowMs)
    {
        std::vector<LinkPacket> arrived;
        for (auto it = m_inFlight.begin(); it != m_inFlight.end();) {
            if (it->arrivalMs <= nowMs) {
                arrived.push_back(*it);
                it = m_inFlight.erase(it);
            } else {
                ++it;
            }
        }
        std::stable_sort(arrived.begin(), arrived.end(),
                         [](const LinkPacket &a, const LinkPacket &b) { return a.arrivalMs < b.arrivalMs; });
        return arrived;
    }

    int sent() const { return m_sent; }
    int lost() const { return m_lost; }

private:
    int m_baseDelayMs;
    int m_jitterMs;
    double m_lossRate;
    std::mt19937 m_random;
    std::vector<LinkPacket> m_inFlight;
    int m_sent = 0;
    int m_lost = 0;
};

} // namespace consult::media::testing
