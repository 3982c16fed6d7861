#include "media/audio/DeviceFormatConverter.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace consult::media {

namespace {

std::int16_t toInt16(float normalized)
{
    return std::int16_t(std::lround(std::clamp(normalized, -1.0f, 1.0f) * 32767.0f));
}

// One sample of the given format, normalised to [-1, 1].
float readSample(const char *data, QAudioFormat::SampleFormat format)
{
    switch (format) {
    case QAudioFormat::UInt8:
        return (float(std::uint8_t(*data)) - 128.0f) / 128.0f;
    case QAudioFormat::Int16: {
        std::int16_t value;
        std::memcpy(&value, data, sizeof value);
        return float(value) / 32768.0f;
    }
    case QAudioFormat::Int32: {
        std::int32_t value;
        std::memcpy(&value, data, sizeof value);
        return float(double(value) / 2147483648.0);
    }
    case QAudioFormat::Float: {
        float value;
        std::memcpy(&value, data, sizeof value);
        return value;
    }
    default:
        return 0.0f;
    }
}

void writeSample(char *data, QAudioFormat::SampleFormat format, std::int16_t sample)
{
    switch (format) {
    case QAudioFormat::UInt8:
        *data = char(std::uint8_t((sample >> 8) + 128));
        break;
    case QAudioFormat::Int16:
        std::memcpy(data, &sample, sizeof sample);
        break;
    case QAudioFormat::Int32: {
        const std::int32_t value = std::int32_t(sample) * 65536;
        std::memcpy(data, &value, sizeof value);
        break;
    }
    case QAudioFormat::Float: {
        const float value = float(sample) / 32768.0f;
        std::memcpy(data, &value, sizeof value);
        break;
    }
    default:
        break;
    }
}

} // namespace

QAudioFormat engineAudioFormat()
{
    QAudioFormat format;
    format.setSampleRate(kSampleRate);
    format.setChannelCount(1);
    format.setSampleFormat(QAudioFormat::Int16);
    return format;
}

CaptureConverter::CaptureConverter(const QAudioFormat &deviceFormat)
    : m_format(deviceFormat)
    , m_resampler(deviceFormat.sampleRate(), kSampleRate)
{}

void CaptureConverter::push(QByteArrayView bytes, std::vector<AudioFrame> &frames)
{
    const int bytesPerFrame = m_format.bytesPerFrame();
    const int channels = m_format.channelCount();
    const int bytesPerSample = m_format.bytesPerSample();
    if (bytesPerFrame <= 0)
        return;

    m_partial.append(bytes.data(), bytes.size());
    const qsizetype whole = m_partial.size() / bytesPerFrame;
    m_mono.clear();
    m_mono.reserve(std::size_t(whole));
    const char *data = m_partial.constData();
    for (qsizetype i = 0; i < whole; ++i, data += bytesPerFrame) {
        float sum = 0.0f;
        for (int channel = 0; channel < channels; ++channel)
            sum += readSample(data + channel * bytesPerSample, m_format.sampleFormat());
        m_mono.push_back(toInt16(sum / float(channels)));
    }
    m_partial.remove(0, whole * bytesPerFrame);

    m_resampler.process(m_mono, m_ready);
    std::size_t used = 0;
    while (m_ready.size() - used >= std::size_t(kFrameSamples)) {
        AudioFrame frame;
        std::copy_n(m_ready.begin() + std::ptrdiff_t(used), kFrameSamples, frame.samples.begin());
        frames.push_back(frame);
        used += kFrameSamples;
    }
    m_ready.erase(m_ready.begin(), m_ready.begin() + std::ptrdiff_t(used));
}

PlaybackConverter::PlaybackConverter(const QAudioFormat &deviceFormat)
    : m_format(deviceFormat)
    , m_resampler(kSampleRate, deviceFormat.sampleRate())
{}

QByteArray PlaybackConverter::convert(const AudioFrame &frame)
{
    m_resampled.clear();
    m_resampler.process(frame.samples, m_resampled);

    const int channels = m_format.channelCount();
    const int bytesPerSample = m_format.bytesPerSample();
    QByteArray bytes(qsizetype(m_resampled.size()) * m_format.bytesPerFrame(), Qt::Uninitialized);
    char *data = bytes.data();
    for (const std::int16_t sample : m_resampled) {
        for (int channel = 0; channel < channels; ++channel, data += bytesPerSample)
            writeSample(data, m_format.sampleFormat(), sample);
    }
    return bytes;
}

} // namespace consult::media
