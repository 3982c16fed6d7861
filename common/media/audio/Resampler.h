#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

struct SpeexResamplerState_;

namespace consult::media {

// Converts a mono int16 stream from one sample rate to another with speexdsp's resampler. Used at
// the device edge only: everything inside the engine runs at 48 kHz. Streaming: it keeps the filter
// history between calls, so a stream cut into arbitrary chunks comes out as if converted whole.
// Owned by the device adapter that feeds it; one thread.
class Resampler
{
public:
    // Quality 0..10; speexdsp's VoIP preset (3) costs little and is transparent for speech.
    Resampler(int inputRate, int outputRate, int quality = 3);
    ~Resampler();
    Resampler(const Resampler &) = delete;
    Resampler &operator=(const Resampler &) = delete;

    int inputRate() const { return m_inputRate; }
    int outputRate() const { return m_outputRate; }
    bool isPassThrough() const { return m_inputRate == m_outputRate; }

    // Converts all of input and appends the result to output.
    void process(std::span<const std::int16_t> input, std::vector<std::int16_t> &output);

    // Samples by which the output lags the input (the filter's group delay), in output samples.
    int latencySamples() const;

private:
    struct Destroy
    {
        void operator()(SpeexResamplerState_ *state) const;
    };

    int m_inputRate;
    int m_outputRate;
    std::unique_ptr<SpeexResamplerState_, Destroy> m_state;
};

} // namespace consult::media
