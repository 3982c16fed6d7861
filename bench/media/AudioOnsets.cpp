#include "AudioOnsets.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <map>

namespace consult::bench {

namespace {

constexpr qint64 kQuietBeforeOnset = media::kSampleRate / 20; // 50 ms
// The irregular pauses, in ms, over and over: no two neighbours alike, no sum of neighbours equal.
constexpr std::array<int, 7> kIrregularPausesMs{800, 1300, 600, 1700, 1000, 1500, 700};
constexpr int kMostBurstsBack = 4;

// The delays when each sound is paired with the start `back` bursts before the newest one before
// it; only bursts that started while measuring.
std::vector<OnsetDetector::Heard> pairSounds(const std::vector<OnsetLog::Onset> &onsets,
                                             const std::vector<qint64> &soundsUs, int back)
{
    std::vector<OnsetDetector::Heard> heard;
    for (qint64 soundUs : soundsUs) {
        const auto after = std::upper_bound(onsets.begin(), onsets.end(), soundUs,
                                            [](qint64 us, const OnsetLog::Onset &onset) { return us < onset.us; });
        const auto newest = after - onsets.begin() - 1;
        if (newest - back < 0)
            continue;
        const OnsetLog::Onset &onset = onsets[std::size_t(newest - back)];
        if (onset.measured && (heard.empty() || heard.back().onsetUs != onset.us))
            heard.push_back({onset.us, soundUs});
    }
    return heard;
}

// How unsteady the delays are: the spread of the middle 80 %.
double spreadUs(const std::vector<OnsetDetector::Heard> &heard)
{
    std::vector<qint64> delays;
    for (const OnsetDetector::Heard &one : heard)
        delays.push_back(one.heardUs - one.onsetUs);
    if (delays.size() < 3)
        return 1e18;
    std::sort(delays.begin(), delays.end());
    return double(delays[delays.size() * 9 / 10] - delays[delays.size() / 10]);
}

} // namespace

void OnsetLog::note(qint64 onsetUs)
{
    QMutexLocker lock(&m_mutex);
    m_onsets.push_back({onsetUs, m_measuring});
}

qint64 OnsetLog::burstBefore(qint64 us)
{
    QMutexLocker lock(&m_mutex);
    qint64 found = -1;
    for (auto onset = m_onsets.rbegin(); onset != m_onsets.rend(); ++onset) {
        if (onset->us <= us) {
            found = onset->measured ? onset->us : -1;
            break;
        }
    }
    return found;
}

void OnsetLog::setMeasuring(bool measuring)
{
    QMutexLocker lock(&m_mutex);
    m_measuring = measuring;
}

std::vector<OnsetLog::Onset> OnsetLog::onsets()
{
    QMutexLocker lock(&m_mutex);
    return m_onsets;
}

TimedBursts::TimedBursts(OnsetLog &log, std::function<qint64()> nowUs, Pauses pauses)
    : m_log(log)
    , m_nowUs(std::move(nowUs))
    , m_pauses(pauses)
{}

int TimedBursts::pauseFrames() const
{
    if (m_pauses == Pauses::Regular)
        return kBurstOffMs / 10;
    return kIrregularPausesMs[std::size_t(m_burst) % kIrregularPausesMs.size()] / 10;
}

std::optional<media::AudioFrame> TimedBursts::nextFrame()
{
    if (m_frameInBurst == 0)
        m_log.note(m_nowUs());
    std::optional<media::AudioFrame> frame = m_tone.nextFrame();
    if (m_frameInBurst >= kBurstOnMs / 10)
        frame->samples.fill(0);
    if (++m_frameInBurst >= kBurstOnMs / 10 + pauseFrames()) {
        m_frameInBurst = 0;
        ++m_burst;
    }
    return frame;
}

OnsetDetector::OnsetDetector(OnsetLog &log, std::vector<double> thresholdsDbfs)
    : m_log(log)
{
    for (double dbfs : thresholdsDbfs)
        m_levels.push_back(Level{int(std::lround(32768.0 * std::pow(10.0, dbfs / 20.0)))});
}

void OnsetDetector::listen(const media::AudioFrame &frame)
{
    QMutexLocker lock(&m_mutex);
    for (Level &level : m_levels) {
        for (std::size_t i = 0; i < frame.samples.size(); ++i) {
            if (std::abs(int(frame.samples[i])) <= level.amplitude) {
                ++level.quietSamples;
                continue;
            }
            if (level.quietSamples >= kQuietBeforeOnset)
                level.soundsUs.push_back(frame.captureUs + qint64(i) * 1'000'000 / media::kSampleRate);
            level.quietSamples = 0;
        }
    }
}

std::vector<OnsetDetector::Heard> OnsetDetector::heard(std::size_t threshold) const
{
    std::vector<qint64> soundsUs;
    {
        QMutexLocker lock(&m_mutex);
        soundsUs = m_levels.at(threshold).soundsUs;
    }
    const std::vector<OnsetLog::Onset> onsets = m_log.onsets();
    std::vector<Heard> best = pairSounds(onsets, soundsUs, 0);
    for (int back = 1; back <= kMostBurstsBack; ++back) {
        std::vector<Heard> candidate = pairSounds(onsets, soundsUs, back);
        if (spreadUs(candidate) < spreadUs(best))
            best = std::move(candidate);
    }
    return best;
}

std::vector<double> OnsetDetector::delaysMs(std::size_t threshold) const
{
    std::vector<double> ms;
    for (const Heard &heard : heard(threshold))
        ms.push_back(double(heard.heardUs - heard.onsetUs) / 1000.0);
    return ms;
}

std::vector<double> pairedDifferencesMs(const std::vector<OnsetDetector::Heard> &later,
                                        const std::vector<OnsetDetector::Heard> &earlier)
{
    std::map<qint64, qint64> earlierByOnset;
    for (const OnsetDetector::Heard &heard : earlier)
        earlierByOnset[heard.onsetUs] = heard.heardUs;
    std::vector<double> ms;
    for (const OnsetDetector::Heard &heard : later)
        if (const auto found = earlierByOnset.find(heard.onsetUs); found != earlierByOnset.end())
            ms.push_back(double(heard.heardUs - found->second) / 1000.0);
    return ms;
}

} // namespace consult::bench
