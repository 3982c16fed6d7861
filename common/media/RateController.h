#pragma once

#include "protocol/consult.pb.h"

#include <QtGlobal>

#include <deque>
#include <optional>

namespace consult::media {

// Decides how much a participant sends (lesson 10): the video bitrate, and the step
// of the ladder full video -> reduced video -> audio only -> text only, inside the same
// consultation, never ending it. Congestion is read from what the sender can see: the round-trip
// time to the relay rising above its recent minimum, its own unconfirmed bytes filling the window
// (queue growth), packets it had to drop, and what the relay reports about the way to the peer
// (packets queued too long, dropped, lost). Multiplicative decrease while congested, at most every
// decreaseInterval; slow additive increase after a quiet stableBeforeIncrease; a paused stream is
// tried again only after probeAfter of calm. Pure logic with the time passed in: the media session
// feeds it, tests drive it.
class RateController
{
public:
    struct Settings
    {
        int startVideoKbps = 450;
        int minVideoKbps = 150;
        int maxVideoKbps = 700;
        int audioKbps = 32;
        int minAudioKbps = 12;
        double decreaseFactor = 0.7;
        int increaseKbps = 25;
        qint64 decreaseIntervalUs = 500'000;
        qint64 stableBeforeIncreaseUs = 2'000'000;
        qint64 probeAfterUs = 10'000'000;
        qint64 rttRiseUs = 40'000; // over the recent minimum: the path is queuing
        qint64 baselineWindowUs = 10'000'000;
        qint64 roundTripGapUs = 1'000'000; // no receipt for this long: the smoothed round trip restarts
        double windowFillCongested = 0.5;  // unconfirmed bytes over half the window: queue growth
        quint32 peerQueueCongestedMs = 100;
        double lossCongested = 0.05; // share of the peer's packets lost
    };

    struct Decision
    {
        wire::QualityLevel level = wire::QUALITY_LEVEL_FULL;
        int videoKbps = 0;
        int audioKbps = 0;
        bool sendsVideo() const
        {
            return level == wire::QUALITY_LEVEL_FULL || level == wire::QUALITY_LEVEL_REDUCED_VIDEO;
        }
        bool sendsAudio() const { return level != wire::QUALITY_LEVEL_TEXT_ONLY; }
        friend bool operator==(const Decision &, const Decision &) = default;
    };

    // What one receipt from the relay says, plus what happened locally since the previous one.
    struct Observation
    {
        qint64 roundTripUs = -1;
        int inFlightBytes = 0;
        int windowBytes = 1;
        quint32 droppedLocally = 0; // the sender's own window was full
        quint32 droppedForPeer = 0; // the relay dropped on the way to the peer
        quint32 peerLost = 0;       // the peer saw these missing
        quint32 packetsSent = 0;    // since the previous observation, for the loss share
        quint32 peerQueueMs = 0;
    };

    RateController(); // the default settings (defined out of line: GCC needs Settings complete)
    explicit RateController(Settings settings);

    void observe(const Observation &observation, qint64 nowUs);
    // Re-evaluates; returns true if the decision changed (the session then tells the encoder and the peer).
    bool update(qint64 nowUs);
    const Decision &decision() const { return m_decision; }
    bool congested() const { return m_congested; }
    qint64 smoothedRoundTripUs() const { return m_smoothedRttUs; }

private:
    bool isCongested(const Observation &observation, qint64 nowUs);
    void stepDown(qint64 nowUs);
    void stepUp(qint64 nowUs);
    qint64 baselineRttUs() const;
    // Full or reduced video for a bitrate, with hysteresis: full drops to reduced below 80 % of the
    // start bitrate and comes back only at the start bitrate, so a bitrate probing up and down
    // around one threshold does not tell the peer of a new step every second.
    wire::QualityLevel videoLevel(int videoKbps) const;

    Settings m_settings;
    Decision m_decision;
    bool m_congested = false;
    qint64 m_lastCongestionUs = 0;
    qint64 m_lastDecreaseUs = -1'000'000'000;
    qint64 m_lastIncreaseUs = 0;
    qint64 m_levelSinceUs = 0;
    qint64 m_smoothedRttUs = -1;
    qint64 m_lastRttSampleUs = 0;
    std::deque<std::pair<qint64, qint64>> m_rttSamples; // (time, rtt) for the rolling minimum
    int m_inFlightBytes = 0;                            // as of the latest observation
    // The queue as the latest decrease found it; empty once it has drained below the thresholds.
    struct QueueAtDecrease
    {
        int inFlightBytes = 0;
        qint64 roundTripUs = 0;
    };
    std::optional<QueueAtDecrease> m_queueAtDecrease;
};

} // namespace consult::media
