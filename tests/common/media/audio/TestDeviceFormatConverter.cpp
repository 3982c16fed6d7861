#include "SampleSource.h"
#include "SignalAnalysis.h"

#include "media/audio/DeviceFormatConverter.h"

#include <QTest>

#include <cmath>

using namespace consult::media;
using namespace consult::media::testing;

Q_DECLARE_METATYPE(QAudioFormat::SampleFormat)

namespace {

QAudioFormat formatOf(int rate, int channels, QAudioFormat::SampleFormat sampleFormat)
{
    QAudioFormat format;
    format.setSampleRate(rate);
    format.setChannelCount(channels);
    format.setSampleFormat(sampleFormat);
    return format;
}

// The same normalised signal on every channel, interleaved.
std::vector<double> interleaved(const std::vector<double> &mono, int channels)
{
    std::vector<double> out;
    out.reserve(mono.size() * std::size_t(channels));
    for (const double s : mono)
        out.insert(out.end(), std::size_t(channels), s);
    return out;
}

std::vector<std::int16_t> samplesOf(const std::vector<AudioFrame> &frames)
{
    std::vector<std::int16_t> samples;
    for (const AudioFrame &frame : frames)
        samples.insert(samples.end(), frame.samples.begin(), frame.samples.end());
    return samples;
}

} // namespace

class TestDeviceFormatConverter final : public QObject
{
    Q_OBJECT
private slots:
    void theEngineFormatPassesThroughUnchanged();
    void anyDeviceFormatBecomesFortyEightKilohertzMonoFrames_data();
    void anyDeviceFormatBecomesFortyEightKilohertzMonoFrames();
    void bytesSplitAnywhereGiveTheSameFrames();
    void playbackWritesEveryChannelInTheDeviceFormat_data();
    void playbackWritesEveryChannelInTheDeviceFormat();
};

void TestDeviceFormatConverter::theEngineFormatPassesThroughUnchanged()
{
    AudioFrame frame;
    for (int i = 0; i < kFrameSamples; ++i)
        frame.samples[std::size_t(i)] = std::int16_t(i * 37 - 9000);

    PlaybackConverter playback(engineAudioFormat());
    const QByteArray bytes = playback.convert(frame);
    QCOMPARE(bytes.size(), kFrameSamples * 2);

    CaptureConverter capture(engineAudioFormat());
    std::vector<AudioFrame> frames;
    capture.push(bytes, frames);
    QCOMPARE(frames.size(), std::size_t(1));
    QVERIFY(frames[0].samples == frame.samples);
}

void TestDeviceFormatConverter::anyDeviceFormatBecomesFortyEightKilohertzMonoFrames_data()
{
    QTest::addColumn<int>("rate");
    QTest::addColumn<int>("channels");
    QTest::addColumn<QAudioFormat::SampleFormat>("sampleFormat");
    QTest::newRow("44.1 kHz stereo float (a typical sound card)") << 44'100 << 2 << QAudioFormat::Float;
    QTest::newRow("48 kHz stereo int16") << 48'000 << 2 << QAudioFormat::Int16;
    QTest::newRow("16 kHz mono int16 (a headset)") << 16'000 << 1 << QAudioFormat::Int16;
    QTest::newRow("96 kHz 4 channels int32") << 96'000 << 4 << QAudioFormat::Int32;
    QTest::newRow("8 kHz mono uint8") << 8'000 << 1 << QAudioFormat::UInt8;
}

void TestDeviceFormatConverter::anyDeviceFormatBecomesFortyEightKilohertzMonoFrames()
{
    QFETCH(int, rate);
    QFETCH(int, channels);
    QFETCH(QAudioFormat::SampleFormat, sampleFormat);
    const QAudioFormat format = formatOf(rate, channels, sampleFormat);
    const double amplitude = 0.25; // -12 dBFS peak, -15 dBFS RMS
    const std::vector<double> signal = interleaved(sine(440.0, amplitude, rate, rate), channels); // 1 s

    CaptureConverter converter(format);
    std::vector<AudioFrame> frames;
    converter.push(deviceBytes(signal, format), frames);

    QVERIFY(std::abs(int(frames.size()) - 100) <= 1); // one second of 10 ms frames
    const std::vector<std::int16_t> samples = samplesOf(frames);
    const std::span<const std::int16_t> settled = std::span(samples).subspan(kSampleRate / 10);
    const double expected = 20.0 * std::log10(amplitude / std::sqrt(2.0));
    const double tolerance = sampleFormat == QAudioFormat::UInt8 ? 0.6 : 0.3;
    QVERIFY2(std::abs(tonePowerDbfs(settled, 440.0) - expected) < tolerance,
             qPrintable(QString::number(tonePowerDbfs(settled, 440.0))));
    QVERIFY(toneDominanceDb(settled, 440.0) > 30.0);
}

void TestDeviceFormatConverter::bytesSplitAnywhereGiveTheSameFrames()
{
    const QAudioFormat format = formatOf(44'100, 2, QAudioFormat::Float);
    const QByteArray bytes = deviceBytes(interleaved(sine(440.0, 0.3, 44'100, 4410), 2), format);

    CaptureConverter whole(format);
    std::vector<AudioFrame> expected;
    whole.push(bytes, expected);

    CaptureConverter pieces(format);
    std::vector<AudioFrame> actual;
    for (qsizetype at = 0; at < bytes.size(); at += 7) // cuts through samples and channels
        pieces.push(QByteArrayView(bytes).sliced(at, std::min<qsizetype>(7, bytes.size() - at)), actual);

    QCOMPARE(actual.size(), expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i)
        QVERIFY(actual[i].samples == expected[i].samples);
}

void TestDeviceFormatConverter::playbackWritesEveryChannelInTheDeviceFormat_data()
{
    QTest::addColumn<QAudioFormat::SampleFormat>("sampleFormat");
    QTest::newRow("float") << QAudioFormat::Float;
    QTest::newRow("int16") << QAudioFormat::Int16;
    QTest::newRow("int32") << QAudioFormat::Int32;
    QTest::newRow("uint8") << QAudioFormat::UInt8;
}

void TestDeviceFormatConverter::playbackWritesEveryChannelInTheDeviceFormat()
{
    QFETCH(QAudioFormat::SampleFormat, sampleFormat);
    const QAudioFormat format = formatOf(44'100, 2, sampleFormat);
    const std::vector<std::int16_t> tone = [] {
        std::vector<std::int16_t> samples;
        for (const double s : sine(440.0, 8000.0, kSampleRate, kSampleRate))
            samples.push_back(std::int16_t(std::lround(s)));
        return samples;
    }();

    PlaybackConverter playback(format);
    QByteArray bytes;
    for (const AudioFrame &frame : framesOf(tone))
        bytes += playback.convert(frame);
    // 1 s at 44.1 kHz, two channels, less what the resampler still holds.
    QVERIFY(std::abs(bytes.size() / format.bytesPerFrame() - 44'100) < 100);

    // Both channels carry the signal: read back the left and the right channel on their own.
    for (int channel = 0; channel < 2; ++channel) {
        QByteArray oneChannel;
        for (qsizetype at = channel * format.bytesPerSample(); at < bytes.size(); at += format.bytesPerFrame())
            oneChannel.append(bytes.constData() + at, format.bytesPerSample());
        CaptureConverter back(formatOf(44'100, 1, sampleFormat));
        std::vector<AudioFrame> frames;
        back.push(oneChannel, frames);
        const std::vector<std::int16_t> samples = samplesOf(frames);
        const std::span<const std::int16_t> settled = std::span(samples).subspan(kSampleRate / 10);
        QVERIFY(std::abs(tonePowerDbfs(settled, 440.0) - tonePowerDbfs(tone, 440.0)) < 0.6);
    }
}

QTEST_GUILESS_MAIN(TestDeviceFormatConverter)
#include "TestDeviceFormatConverter.moc"
