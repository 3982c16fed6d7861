#pragma once

#include "media/audio/SyntheticSource.h"

#include <QAudioFormat>
#include <QByteArray>

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

namespace consult::media::testing {

// Any generated signal as a source: the test computes the samples, the source serves them in
// 10 ms frames (the last one zero-padded) and then ends.
class SampleSource final : public SyntheticSource
{
public:
    explicit SampleSource(std::vector<std::int16_t> samples)
        : m_samples(std::move(samples))
    {}

    std::optional<AudioFrame> nextFrame() override
    {
        if (m_next >= m_samples.size())
            return std::nullopt;
        AudioFrame frame;
        frame.captureUs = qint64(m_next / kFrameSamples) * 10'000;
        const std::size_t count = std::min<std::size_t>(kFrameSamples, m_samples.size() - m_next);
        std::copy_n(m_samples.begin() + std::ptrdiff_t(m_next), count, frame.samples.begin());
        m_next += kFrameSamples;
        return frame;
    }

private:
    std::vector<std::int16_t> m_samples;
    std::size_t m_next = 0;
};

// The frames of a sample vector (zero-padded to whole frames), for tests that feed frames directly.
inline std::vector<AudioFrame> framesOf(std::span<const std::int16_t> samples)
{
    SampleSource source({samples.begin(), samples.end()});
    std::vector<AudioFrame> frames;
    while (std::optional<AudioFrame> frame = source.nextFrame())
        frames.push_back(*frame);
    return frames;
}

// A sine as raw samples at any rate (for the converters and the WAV reader).
std::vector<double> sine(double frequencyHz, double amplitude, int sampleRate, int samples);

// A WAV file in memory; tests only (the product has no writer: no recording path).
// samples: normalised [-1, 1], interleaved when channels > 1.
QByteArray wavBytes(std::span<const double> samples, int sampleRate, int channels, int bitsPerSample, bool isFloat);

// Raw device bytes of the given format from normalised interleaved samples.
QByteArray deviceBytes(std::span<const double> samples, const QAudioFormat &format);

} // namespace consult::media::testing
