#pragma once

#include "media/MediaFrames.h"
#include "media/audio/ToneSource.h"

#include <QMutex>

#include <functional>
#include <vector>

namespace consult::bench {

// The glass-to-glass benchmark's audio probe: a tone in bursts goes in at one end, each burst's
// start noted (OnsetLog), and wherever it comes out an OnsetDetector finds each burst's first sound
// and pairs it with the start it belongs to. Producer and detectors run on audio threads; the log
// is what they share, under its mutex.

inline constexpr int kBurstOnMs = 200;
inline constexpr int kBurstOffMs = 800;

// When each burst started (monotonic µs), and whether the figures were being taken then.
class OnsetLog
{
public:
    struct Onset
    {
        qint64 us;
        bool measured;
    };

    void note(qint64 onsetUs);
    // The newest start at or before `us` (the burst a sound heard then belongs to, when bursts are
    // a second apart and the delay is far below that); -1 for none, and for a burst that started
    // before the measurement did (a device that starts takes more than its buffer at first, so a
    // start's pull time says little for the first bursts).
    qint64 burstBefore(qint64 us);
    void setMeasuring(bool measuring);
    std::vector<Onset> onsets();

private:
    QMutex m_mutex;
    std::vector<Onset> m_onsets;
    bool m_measuring = false;
};

// The microphone's signal: a 440 Hz tone at -12 dBFS in kBurstOnMs bursts; notes in the log when
// each burst's first frame is taken (by a paced source or a device pulling it), on the caller's
// clock. Regular: a burst every second. Irregular: the pauses follow a fixed pattern of different
// lengths (0.6 to 1.7 s), so that a burst heard more than a pause later can still be told from
// the next one (OnsetDetector::heard).
class TimedBursts final : public media::SyntheticSource
{
public:
    enum class Pauses
    {
        Regular,
        Irregular,
    };

    TimedBursts(OnsetLog &log, std::function<qint64()> nowUs, Pauses pauses = Pauses::Regular);
    std::optional<media::AudioFrame> nextFrame() override;

private:
    int pauseFrames() const;

    media::ToneSource m_tone{440.0, -12.0f};
    OnsetLog &m_log;
    std::function<qint64()> m_nowUs;
    Pauses m_pauses;
    qint64 m_burst = 0;
    int m_frameInBurst = 0; // frames since this burst's start, its pause included
};

// Finds each burst's first sound in what a listener hears, at sample resolution, for each of a few
// peak thresholds (first sound, and full level after the voice processing's attack): a sample over
// the threshold after at least 50 ms below it. listen() runs on the listener's thread; the figures
// are read afterwards.
class OnsetDetector
{
public:
    struct Heard
    {
        qint64 onsetUs; // the burst's start at the producer
        qint64 heardUs; // its first sample over the threshold
    };

    OnsetDetector(OnsetLog &log, std::vector<double> thresholdsDbfs);
    // `frame.captureUs`: when its first sample was heard.
    void listen(const media::AudioFrame &frame);
    // The bursts that started while the log was measuring and were heard, for the threshold with
    // this index. Each sound is paired with the burst whose start gives the steadiest delays: the
    // newest start before it, or one to four before that (irregular pauses tell them apart).
    std::vector<Heard> heard(std::size_t threshold) const;
    // The delays (ms) of those.
    std::vector<double> delaysMs(std::size_t threshold) const;

private:
    struct Level
    {
        int amplitude;
        qint64 quietSamples = 1 << 30;
        std::vector<qint64> soundsUs{};
    };
    OnsetLog &m_log;
    mutable QMutex m_mutex;
    std::vector<Level> m_levels;
};

// Per burst heard at both `later` and `earlier`: later minus earlier, in ms.
std::vector<double> pairedDifferencesMs(const std::vector<OnsetDetector::Heard> &later,
                                        const std::vector<OnsetDetector::Heard> &earlier);

} // namespace consult::bench
