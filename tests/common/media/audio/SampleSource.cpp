#include "SampleSource.h"

#include <QtEndian>

#include <cmath>
#include <cstring>
#include <numbers>

namespace consult::media::testing {

std::vector<double> sine(double frequencyHz, double amplitude, int sampleRate, int samples)
{
    std::vector<double> out(static_cast<std::size_t>(samples));
    for (int i = 0; i < samples; ++i)
        out[std::size_t(i)] = amplitude * std::sin(2.0 * std::numbers::pi * frequencyHz * i / sampleRate);
    return out;
}

namespace {

void appendLittleEndian(QByteArray &bytes, quint32 value, int size)
{
    for (int i = 0; i < size; ++i)
        bytes.append(char((value >> (8 * i)) & 0xff));
}

void appendSample(QByteArray &bytes, double sample, int bitsPerSample, bool isFloat)
{
    const double clamped = std::clamp(sample, -1.0, 1.0);
    if (isFloat) {
        const float value = float(clamped);
        quint32 raw;
        std::memcpy(&raw, &value, sizeof raw);
        appendLittleEndian(bytes, raw, 4);
    } else if (bitsPerSample == 8) {
        bytes.append(char(std::lround(clamped * 127.0) + 128));
    } else {
        const double scale = std::pow(2.0, bitsPerSample - 1) - 1.0;
        appendLittleEndian(bytes, quint32(qint32(std::lround(clamped * scale))), bitsPerSample / 8);
    }
}

} // namespace

QByteArray wavBytes(std::span<const double> samples, int sampleRate, int channels, int bitsPerSample, bool isFloat)
{
    QByteArray data;
    for (const double sample : samples)
        appendSample(data, sample, bitsPerSample, isFloat);

    QByteArray wav("RIFF");
    appendLittleEndian(wav, quint32(36 + data.size()), 4);
    wav.append("WAVEfmt ");
    appendLittleEndian(wav, 16, 4);
    appendLittleEndian(wav, isFloat ? 3 : 1, 2);
    appendLittleEndian(wav, quint32(channels), 2);
    appendLittleEndian(wav, quint32(sampleRate), 4);
    appendLittleEndian(wav, quint32(sampleRate * channels * bitsPerSample / 8), 4);
    appendLittleEndian(wav, quint32(channels * bitsPerSample / 8), 2);
    appendLittleEndian(wav, quint32(bitsPerSample), 2);
    wav.append("data");
    appendLittleEndian(wav, quint32(data.size()), 4);
    wav.append(data);
    return wav;
}

QByteArray deviceBytes(std::span<const double> samples, const QAudioFormat &format)
{
    QByteArray bytes;
    for (const double sample : samples) {
        switch (format.sampleFormat()) {
        case QAudioFormat::UInt8:
            appendSample(bytes, sample, 8, false);
            break;
        case QAudioFormat::Int16:
            appendSample(bytes, sample, 16, false);
            break;
        case QAudioFormat::Int32:
            appendSample(bytes, sample, 32, false);
            break;
        case QAudioFormat::Float:
            appendSample(bytes, sample, 32, true);
            break;
        default:
            break;
        }
    }
    return bytes;
}

} // namespace consult::media::testing
