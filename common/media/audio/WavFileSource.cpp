#include "media/audio/WavFileSource.h"

#include "media/audio/DeviceFormatConverter.h"

#include <QFile>
#include <QtEndian>

#include <cstring>

namespace consult::media {

namespace {

struct WavLayout
{
    int formatTag = 0;
    int channels = 0;
    int sampleRate = 0;
    int bitsPerSample = 0;
    QByteArrayView data;
};

constexpr int kFormatPcm = 1;
constexpr int kFormatFloat = 3;
constexpr int kFormatExtensible = 0xFFFE;

Result<WavLayout> parseChunks(QByteArrayView wav)
{
    const auto problem = [](const QString &message) {
        return Result<WavLayout>::failure(QStringLiteral("bad_wav"), message);
    };
    if (wav.size() < 12 || wav.first(4) != "RIFF" || wav.sliced(8, 4) != "WAVE")
        return problem(QStringLiteral("Not a RIFF/WAVE file."));

    WavLayout layout;
    bool haveFormat = false;
    qsizetype offset = 12;
    while (offset + 8 <= wav.size()) {
        const QByteArrayView id = wav.sliced(offset, 4);
        const qsizetype size = qFromLittleEndian<quint32>(wav.data() + offset + 4);
        const qsizetype body = offset + 8;
        const qsizetype available = std::min(size, wav.size() - body); // tolerate a truncated last chunk
        if (id == "fmt " && available >= 16) {
            const char *f = wav.data() + body;
            layout.formatTag = qFromLittleEndian<quint16>(f);
            layout.channels = qFromLittleEndian<quint16>(f + 2);
            layout.sampleRate = int(qFromLittleEndian<quint32>(f + 4));
            layout.bitsPerSample = qFromLittleEndian<quint16>(f + 14);
            if (layout.formatTag == kFormatExtensible && available >= 26)
                layout.formatTag = qFromLittleEndian<quint16>(f + 24); // first two bytes of the sub-format GUID
            haveFormat = true;
        } else if (id == "data") {
            layout.data = wav.sliced(body, available);
        }
        offset = body + size + (size & 1); // chunks are padded to even sizes
    }
    if (!haveFormat || layout.data.isNull())
        return problem(QStringLiteral("The WAV file has no fmt or no data chunk."));
    if (layout.channels < 1 || layout.sampleRate < 8000 || layout.sampleRate > 384000)
        return problem(
            QStringLiteral("The WAV file has %1 channels at %2 Hz.").arg(layout.channels).arg(layout.sampleRate));
    return layout;
}

// The sample format Qt can describe, widening 24-bit PCM to 32-bit on the way.
Result<QByteArray> normalisedSamples(const WavLayout &layout, QAudioFormat &format)
{
    format.setSampleRate(layout.sampleRate);
    format.setChannelCount(layout.channels);
    QByteArray samples = layout.data.toByteArray();
    if (layout.formatTag == kFormatPcm && layout.bitsPerSample == 8) {
        format.setSampleFormat(QAudioFormat::UInt8);
    } else if (layout.formatTag == kFormatPcm && layout.bitsPerSample == 16) {
        format.setSampleFormat(QAudioFormat::Int16);
    } else if (layout.formatTag == kFormatPcm && layout.bitsPerSample == 32) {
        format.setSampleFormat(QAudioFormat::Int32);
    } else if (layout.formatTag == kFormatFloat && layout.bitsPerSample == 32) {
        format.setSampleFormat(QAudioFormat::Float);
    } else if (layout.formatTag == kFormatPcm && layout.bitsPerSample == 24) {
        format.setSampleFormat(QAudioFormat::Int32);
        QByteArray widened(samples.size() / 3 * 4, Qt::Uninitialized);
        for (qsizetype in = 0, out = 0; in + 3 <= samples.size(); in += 3, out += 4) {
            widened[out] = 0;
            std::memcpy(widened.data() + out + 1, samples.constData() + in, 3);
        }
        samples = widened;
    } else {
        return Result<QByteArray>::failure(QStringLiteral("unsupported_wav"),
                                           QStringLiteral("WAV format %1 with %2 bits per sample is not supported.")
                                               .arg(layout.formatTag)
                                               .arg(layout.bitsPerSample));
    }
    return samples;
}

} // namespace

WavFileSource::WavFileSource(QAudioFormat fileFormat, std::vector<AudioFrame> frames)
    : m_fileFormat(fileFormat)
    , m_frames(std::move(frames))
{}

Result<std::unique_ptr<WavFileSource>> WavFileSource::open(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<std::unique_ptr<WavFileSource>>::failure(
            QStringLiteral("cannot_open"), QStringLiteral("Cannot open %1: %2").arg(path, file.errorString()));
    return fromBytes(file.readAll());
}

Result<std::unique_ptr<WavFileSource>> WavFileSource::fromBytes(QByteArrayView wav)
{
    Result<WavLayout> layout = parseChunks(wav);
    if (!layout)
        return layout.problem();
    QAudioFormat format;
    Result<QByteArray> samples = normalisedSamples(*layout, format);
    if (!samples)
        return samples.problem();

    std::vector<AudioFrame> frames;
    CaptureConverter converter(format);
    converter.push(*samples, frames);
    // The file's duration in whole 10 ms frames; flush the converter with silence until they are
    // all out, so the tail (and what the resampler still holds) is not cut off.
    const qint64 fileSamples = samples->size() / format.bytesPerFrame();
    const auto wanted =
        std::size_t((fileSamples * kSampleRate / format.sampleRate() + kFrameSamples - 1) / kFrameSamples);
    const QByteArray silence(format.bytesForDuration(10'000),
                             format.sampleFormat() == QAudioFormat::UInt8 ? '\x80' : '\0');
    while (frames.size() < wanted)
        converter.push(silence, frames);
    frames.resize(wanted);
    for (std::size_t i = 0; i < frames.size(); ++i)
        frames[i].captureUs = qint64(i) * 10'000;
    return std::unique_ptr<WavFileSource>(new WavFileSource(format, std::move(frames)));
}

std::optional<AudioFrame> WavFileSource::nextFrame()
{
    if (m_next >= m_frames.size()) {
        if (!m_looping || m_frames.empty())
            return std::nullopt;
        m_next = 0;
    }
    return m_frames[m_next++];
}

} // namespace consult::media
