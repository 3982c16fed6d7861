#include "SpeechLikeSignal.h"

#include "media/MediaFrames.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

namespace consult::media::testing {

namespace {

constexpr double kTwoPi = 2.0 * std::numbers::pi;

// Raised-cosine attack and release so that syllables do not click.
double envelope(int i, int length)
{
    const int attack = kSampleRate / 50;  // 20 ms
    const int release = kSampleRate / 25; // 40 ms
    if (i < attack)
        return 0.5 - 0.5 * std::cos(std::numbers::pi * i / attack);
    if (i > length - release)
        return 0.5 - 0.5 * std::cos(std::numbers::pi * (length - i) / release);
    return 1.0;
}

void addVoiced(std::vector<double> &out, std::size_t start, int length, std::mt19937 &random)
{
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    const double pitchStart = 100.0 + 120.0 * uniform(random);
    const double pitchEnd = pitchStart * (0.85 + 0.3 * uniform(random));
    const double formant1 = 300.0 + 600.0 * uniform(random);
    const double formant2 = 900.0 + 1600.0 * uniform(random);
    std::vector<double> phases(40, 0.0);
    for (int i = 0; i < length && start + std::size_t(i) < out.size(); ++i) {
        const double pitch = pitchStart + (pitchEnd - pitchStart) * i / length;
        double sample = 0.0;
        for (std::size_t k = 1; k <= phases.size() && double(k) * pitch < 4000.0; ++k) {
            const double f = double(k) * pitch;
            const double shape = std::exp(-std::pow((f - formant1) / 150.0, 2.0)) +
                                 0.6 * std::exp(-std::pow((f - formant2) / 200.0, 2.0)) + 0.05 / double(k);
            phases[k - 1] = std::fmod(phases[k - 1] + kTwoPi * f / kSampleRate, kTwoPi);
            sample += shape * std::sin(phases[k - 1]);
        }
        out[start + std::size_t(i)] += sample * envelope(i, length);
    }
}

void addUnvoiced(std::vector<double> &out, std::size_t start, int length, std::mt19937 &random)
{
    std::normal_distribution<double> noise(0.0, 0.35);
    double previous = 0.0;
    for (int i = 0; i < length && start + std::size_t(i) < out.size(); ++i) {
        const double white = noise(random);
        out[start + std::size_t(i)] += (white - 0.7 * previous) * envelope(i, length); // tilted towards highs
        previous = white;
    }
}

} // namespace

std::vector<std::int16_t> speechLikeSignal(int durationMs, unsigned seed, double peakDbfs)
{
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> syllableMs(120, 300);
    std::uniform_int_distribution<int> gapMs(20, 60);
    std::uniform_int_distribution<int> pauseMs(150, 400);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);

    std::vector<double> signal(std::size_t(durationMs) * kSampleRate / 1000, 0.0);
    std::size_t at = 0;
    while (at < signal.size()) {
        const int length = syllableMs(random) * kSampleRate / 1000;
        if (uniform(random) < 0.8)
            addVoiced(signal, at, length, random);
        else
            addUnvoiced(signal, at, length, random);
        at += std::size_t(length);
        at += std::size_t((uniform(random) < 0.2 ? pauseMs(random) : gapMs(random)) * kSampleRate / 1000);
    }

    double peak = 0.0;
    for (const double s : signal)
        peak = std::max(peak, std::abs(s));
    const double scale = peak > 0.0 ? 32767.0 * std::pow(10.0, peakDbfs / 20.0) / peak : 0.0;
    std::vector<std::int16_t> samples(signal.size());
    std::transform(signal.begin(), signal.end(), samples.begin(),
                   [scale](double s) { return std::int16_t(std::lround(s * scale)); });
    return samples;
}

} // namespace consult::media::testing
