#include "RateController.h"

#include <algorithm>

namespace consult::media {

RateController::RateController()
    : RateController(Settings{})
{}

RateController::RateController(Settings settings)
    : m_settings(settings)
{
    m_decision.videoKbps = m_settings.startVideoKbps;
    m_decision.audioKbps = m_settings.audioKbps;
    m_decision.level = wire::QUALITY_LEVEL_FULL;
}

wire::QualityLevel RateController::videoLevel(int videoKbps) const
{
    const int fullFrom =
        m_decision.level == wire::QUALITY_LEVEL_FULL ? m_settings.startVideoKbps * 8 / 10 : m_settings.startVideoKbps;
    return videoKbps >= fullFrom ? wire::QUALITY_LEVEL_FULL : wire::QUALITY_LEVEL_REDUCED_VIDEO;
}

qint64 RateController::baselineRttUs() const
{
    qint64 minimum = -1;
    for (const auto &[time, rtt] : m_rttSamples)
        minimum = minimum < 0 ? rtt : std::min(minimum, rtt);
    return minimum;
}

void RateController::observe(const Observation &observation, qint64 nowUs)
{
    if (observation.roundTripUs >= 0) {
        m_rttSamples.emplace_back(nowUs, observation.roundTripUs);
        while (!m_rttSamples.empty() && m_rttSamples.front().first < nowUs - m_settings.baselineWindowUs)
            m_rttSamples.pop_front();
        // An exponential average damps single late receipts (1/8, as TCP's SRTT). After a pause
        // (nothing sent, so no receipt) it starts afresh: the path it described may be gone, and a
        // remembered queue of seconds would read as congestion on every probe of a line that has
        // cleared, holding the ladder at text only long after the line is good again.
        const bool stale = nowUs - m_lastRttSampleUs > m_settings.roundTripGapUs;
        m_smoothedRttUs = m_smoothedRttUs < 0 || stale ? observation.roundTripUs
                                                       : (7 * m_smoothedRttUs + observation.roundTripUs) / 8;
        m_lastRttSampleUs = nowUs;
    }
    if (isCongested(observation, nowUs)) {
        m_congested = true;
        m_lastCongestionUs = nowUs;
    }
}

bool RateController::isCongested(const Observation &observation, qint64 nowUs)
{
    Q_UNUSED(nowUs);
    // Queue growth at the first hop: our own bytes pile up before the relay.
    if (observation.droppedLocally > 0)
        return true;
    // A queue (unconfirmed bytes, round trips well above the best recent one) is congestion while
    // it grows. After a decrease it drains for a while, and all that time it still reads high:
    // that is the queue the old bitrate built, and cutting again on it would walk the ladder down
    // on a line the new bitrate fits. So once a decrease has answered a queue, the queue counts
    // again only if it is no shorter than it was at that decrease; once it has drained below the
    // thresholds, the next queue starts afresh.
    const bool windowFilling = observation.inFlightBytes > observation.windowBytes * m_settings.windowFillCongested;
    const qint64 baseline = baselineRttUs();
    const bool pathQueuing = baseline >= 0 && m_smoothedRttUs > baseline + m_settings.rttRiseUs;
    m_inFlightBytes = observation.inFlightBytes;
    if (!windowFilling && !pathQueuing) {
        m_queueAtDecrease = {};
    } else {
        const bool draining = m_queueAtDecrease.has_value() &&
                              observation.inFlightBytes < m_queueAtDecrease->inFlightBytes &&
                              m_smoothedRttUs < m_queueAtDecrease->roundTripUs;
        if (!draining)
            return true;
    }
    // The way to the peer cannot take it.
    if (observation.droppedForPeer > 0 || observation.peerQueueMs > m_settings.peerQueueCongestedMs)
        return true;
    if (observation.packetsSent > 0 &&
        double(observation.peerLost) / double(observation.packetsSent) > m_settings.lossCongested)
        return true;
    return false;
}

bool RateController::update(qint64 nowUs)
{
    const Decision before = m_decision;
    if (m_congested) {
        if (nowUs - m_lastDecreaseUs >= m_settings.decreaseIntervalUs)
            stepDown(nowUs);
        m_congested = false; // each decrease answers the congestion seen until now
    } else if (nowUs - m_lastCongestionUs >= m_settings.stableBeforeIncreaseUs) {
        stepUp(nowUs);
    }
    return !(before == m_decision);
}

void RateController::stepDown(qint64 nowUs)
{
    m_lastDecreaseUs = nowUs;
    m_queueAtDecrease = QueueAtDecrease{m_inFlightBytes, m_smoothedRttUs};
    m_levelSinceUs = nowUs;
    Decision &d = m_decision;
    if (d.sendsVideo()) {
        if (d.videoKbps > m_settings.minVideoKbps) {
            d.videoKbps = std::max(m_settings.minVideoKbps, int(d.videoKbps * m_settings.decreaseFactor));
            d.level = videoLevel(d.videoKbps);
        } else {
            d.level = wire::QUALITY_LEVEL_AUDIO_ONLY; // video at its floor and still too much: pause it
        }
        return;
    }
    if (d.level == wire::QUALITY_LEVEL_AUDIO_ONLY) {
        if (d.audioKbps > m_settings.minAudioKbps)
            d.audioKbps = std::max(m_settings.minAudioKbps, int(d.audioKbps * m_settings.decreaseFactor));
        else
            d.level = wire::QUALITY_LEVEL_TEXT_ONLY; // the chat still works
    }
}

void RateController::stepUp(qint64 nowUs)
{
    if (nowUs - m_lastIncreaseUs < m_settings.decreaseIntervalUs)
        return;
    m_lastIncreaseUs = nowUs;
    Decision &d = m_decision;
    switch (d.level) {
    case wire::QUALITY_LEVEL_TEXT_ONLY:
        if (nowUs - m_levelSinceUs >= m_settings.probeAfterUs) {
            d.level = wire::QUALITY_LEVEL_AUDIO_ONLY;
            d.audioKbps = m_settings.minAudioKbps;
            m_levelSinceUs = nowUs;
        }
        return;
    case wire::QUALITY_LEVEL_AUDIO_ONLY:
        if (d.audioKbps < m_settings.audioKbps) {
            d.audioKbps = std::min(m_settings.audioKbps, d.audioKbps + 4);
        } else if (nowUs - m_levelSinceUs >= m_settings.probeAfterUs) {
            d.videoKbps = m_settings.minVideoKbps; // try video again, from the bottom
            d.level = videoLevel(d.videoKbps);
            m_levelSinceUs = nowUs;
        }
        return;
    default:
        d.videoKbps = std::min(m_settings.maxVideoKbps, d.videoKbps + m_settings.increaseKbps);
        d.level = videoLevel(d.videoKbps);
        return;
    }
}

} // namespace consult::media
