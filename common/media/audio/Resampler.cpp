#include "media/audio/Resampler.h"

#include <speex/speex_resampler.h>

#include <QtGlobal>

namespace consult::media {

void Resampler::Destroy::operator()(SpeexResamplerState_ *state) const
{
    speex_resampler_destroy(state);
}

Resampler::Resampler(int inputRate, int outputRate, int quality)
    : m_inputRate(inputRate)
    , m_outputRate(outputRate)
{
    Q_ASSERT(inputRate > 0 && outputRate > 0);
    if (isPassThrough())
        return;
    int error = RESAMPLER_ERR_SUCCESS;
    m_state.reset(speex_resampler_init(1, spx_uint32_t(inputRate), spx_uint32_t(outputRate), quality, &error));
    if (!m_state)
        qFatal("speexdsp resampler %d -> %d Hz: %s", inputRate, outputRate, speex_resampler_strerror(error));
}

Resampler::~Resampler() = default;

void Resampler::process(std::span<const std::int16_t> input, std::vector<std::int16_t> &output)
{
    if (isPassThrough()) {
        output.insert(output.end(), input.begin(), input.end());
        return;
    }
    while (!input.empty()) {
        // Room for everything this chunk can produce, plus the filter's rounding slack.
        const auto room = std::size_t(qint64(input.size()) * m_outputRate / m_inputRate + 16);
        const std::size_t start = output.size();
        output.resize(start + room);
        auto consumed = spx_uint32_t(input.size());
        auto produced = spx_uint32_t(room);
        speex_resampler_process_int(m_state.get(), 0, input.data(), &consumed, output.data() + start, &produced);
        output.resize(start + produced);
        input = input.subspan(consumed);
        if (consumed == 0 && produced == 0)
            break; // cannot happen with a valid state; never spin
    }
}

int Resampler::latencySamples() const
{
    return isPassThrough() ? 0 : speex_resampler_get_output_latency(m_state.get());
}

} // namespace consult::media
