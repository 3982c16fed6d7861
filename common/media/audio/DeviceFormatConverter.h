#pragma once

#include "media/MediaFrames.h"
#include "media/audio/Resampler.h"

#include <QAudioFormat>
#include <QByteArray>
#include <QByteArrayView>

#include <cstdint>
#include <vector>

namespace consult::media {

// The device edge of the engine. A sound card may insist on 44.1 kHz stereo float; the engine only
// knows 48 kHz mono int16 in 10 ms frames. These two converters are the only places that know
// both, so the Qt devices stay thin and the conversion is tested without a sound card.

// Device bytes in whatever format the input runs at -> 10 ms frames at 48 kHz mono. Keeps
// partial samples and frames between calls. Owned by the input; one thread.
class CaptureConverter
{
public:
    explicit CaptureConverter(const QAudioFormat &deviceFormat);

    // Consumes bytes as the device hands them over; appends every frame they complete.
    void push(QByteArrayView bytes, std::vector<AudioFrame> &frames);

    const QAudioFormat &deviceFormat() const { return m_format; }

private:
    QAudioFormat m_format;
    Resampler m_resampler;
    QByteArray m_partial;              // bytes of an incomplete multi-channel sample
    std::vector<std::int16_t> m_mono;  // downmixed, at the device rate
    std::vector<std::int16_t> m_ready; // at 48 kHz, not yet a whole frame
};

// 10 ms frames at 48 kHz mono -> bytes in the output's format. At 44.1 kHz a frame becomes 441
// samples, at rates that do not divide evenly the byte count varies from frame to frame.
class PlaybackConverter
{
public:
    explicit PlaybackConverter(const QAudioFormat &deviceFormat);

    QByteArray convert(const AudioFrame &frame);

    const QAudioFormat &deviceFormat() const { return m_format; }

private:
    QAudioFormat m_format;
    Resampler m_resampler;
    std::vector<std::int16_t> m_resampled;
};

// The format the engine asks devices for first: exactly what it works in, so no conversion.
QAudioFormat engineAudioFormat();

} // namespace consult::media
