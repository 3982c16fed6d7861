#include "EchoPath.h"
#include "SampleSource.h"
#include "SignalAnalysis.h"
#include "SpeechLikeSignal.h"

#include "media/audio/AudioProcessor.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace consult::media;
using namespace consult::media::testing;

namespace {

struct Measured
{
    double inDbfs = 0.0;
    double outDbfs = 0.0;
};

// Runs the frames through the processor as the engine does (render reference first, then the
// microphone frame of the same 10 ms) and measures input and output power after skipSeconds.
Measured process(AudioProcessor &processor, const std::vector<std::int16_t> &farEnd,
                 const std::vector<std::int16_t> &microphone, int skipSeconds)
{
    const std::vector<AudioFrame> render = framesOf(farEnd);
    std::vector<AudioFrame> capture = framesOf(microphone);
    std::vector<std::int16_t> in;
    std::vector<std::int16_t> out;
    for (std::size_t i = 0; i < capture.size(); ++i) {
        processor.processRender(i < render.size() ? render[i] : AudioFrame{});
        const AudioFrame original = capture[i];
        processor.processCapture(capture[i]);
        if (i >= std::size_t(skipSeconds * 100)) {
            in.insert(in.end(), original.samples.begin(), original.samples.end());
            out.insert(out.end(), capture[i].samples.begin(), capture[i].samples.end());
        }
    }
    return {powerDbfs(in), powerDbfs(out)};
}

std::vector<std::int16_t> whiteNoise(int durationMs, double dbfs, unsigned seed)
{
    std::mt19937 random(seed);
    std::normal_distribution<double> noise(0.0, 32768.0 * std::pow(10.0, dbfs / 20.0));
    std::vector<std::int16_t> samples(std::size_t(durationMs) * kSampleRate / 1000);
    for (std::int16_t &sample : samples)
        sample = std::int16_t(std::clamp(std::lround(noise(random)), -32768L, 32767L));
    return samples;
}

} // namespace

class TestAudioProcessor final : public QObject
{
    Q_OBJECT
private slots:
    void cancelsTheEchoOfFarEndSpeech_data();
    void cancelsTheEchoOfFarEndSpeech();
    void withoutEchoCancellationTheEchoStays();
    void nearEndSpeechPassesWhileTheFarEndIsSilent();
    void gainControlBringsQuietAndLoudTalkersTogether();
    void noiseSuppressionLowersSteadyNoise();
};

void TestAudioProcessor::cancelsTheEchoOfFarEndSpeech_data()
{
    QTest::addColumn<int>("echoDelayMs");
    QTest::addColumn<int>("toldDelayMs");
    QTest::addColumn<int>("seconds");
    QTest::addColumn<int>("skipSeconds");
    // The engine tells the canceller the device buffers (about 40 ms); the room adds a little.
    QTest::newRow("40 ms echo path, told 40 ms") << 40 << 40 << 15 << 3;
    QTest::newRow("80 ms echo path, told 40 ms") << 80 << 40 << 15 << 3;
    // Bluetooth speakers or a busy sound server: far more delay than the buffers suggest. The
    // delay-agnostic mode finds it, after 15-20 s of far-end speech.
    QTest::newRow("200 ms echo path, told 40 ms") << 200 << 40 << 40 << 25;
}

void TestAudioProcessor::cancelsTheEchoOfFarEndSpeech()
{
    QFETCH(int, echoDelayMs);
    QFETCH(int, toldDelayMs);
    QFETCH(int, seconds);
    QFETCH(int, skipSeconds);
    const std::vector<std::int16_t> farEnd = speechLikeSignal(seconds * 1000, 3, -6.0);
    // Speakers 12 dB down at the microphone (a laptop), microphone self-noise at -65 dBFS.
    const std::vector<std::int16_t> microphone = echoOf(farEnd, echoDelayMs, -12.0, -65.0, 9);

    AudioProcessor processor; // the product's settings: echo cancellation, noise suppression, gain control
    processor.setStreamDelayMs(toldDelayMs);
    const Measured measured = process(processor, farEnd, microphone, skipSeconds);
    const double erle = measured.inDbfs - measured.outDbfs;
    qInfo("echo %.1f dBFS in, %.1f dBFS out: ERLE %.1f dB", measured.inDbfs, measured.outDbfs, erle);
    QVERIFY2(erle >= 15.0, qPrintable(QStringLiteral("ERLE %1 dB").arg(erle)));
}

void TestAudioProcessor::withoutEchoCancellationTheEchoStays()
{
    // The control for the measurement above: the same echo, nothing cancels it.
    const std::vector<std::int16_t> farEnd = speechLikeSignal(6'000, 3, -6.0);
    const std::vector<std::int16_t> microphone = echoOf(farEnd, 40, -12.0, -65.0, 9);
    AudioProcessor processor({.echoCancellation = false, .noiseSuppression = false, .gainControl = false});
    const Measured measured = process(processor, farEnd, microphone, 3);
    qInfo("without cancellation: echo %.1f dBFS in, %.1f dBFS out", measured.inDbfs, measured.outDbfs);
    QVERIFY(std::abs(measured.inDbfs - measured.outDbfs) < 1.0);
}

void TestAudioProcessor::nearEndSpeechPassesWhileTheFarEndIsSilent()
{
    const std::vector<std::int16_t> talker = speechLikeSignal(8'000, 21, -12.0);
    AudioProcessor processor({.echoCancellation = true, .noiseSuppression = true, .gainControl = false});
    processor.setStreamDelayMs(40);
    const Measured measured = process(processor, {}, talker, 2);
    qInfo("near-end speech %.1f dBFS in, %.1f dBFS out", measured.inDbfs, measured.outDbfs);
    QVERIFY(measured.outDbfs > measured.inDbfs - 2.0);
}

void TestAudioProcessor::gainControlBringsQuietAndLoudTalkersTogether()
{
    // The same speech 24 dB apart: a customer far from a laptop and one leaning into a headset.
    const AudioProcessingSettings settings{.echoCancellation = false, .noiseSuppression = false, .gainControl = true};
    AudioProcessor forQuiet(settings);
    const Measured quiet = process(forQuiet, {}, speechLikeSignal(12'000, 22, -30.0), 4);
    AudioProcessor forLoud(settings);
    const Measured loud = process(forLoud, {}, speechLikeSignal(12'000, 22, -6.0), 4);
    qInfo("quiet talker %.1f -> %.1f dBFS, loud talker %.1f -> %.1f dBFS", quiet.inDbfs, quiet.outDbfs, loud.inDbfs,
          loud.outDbfs);
    QVERIFY(quiet.outDbfs > quiet.inDbfs + 10.0);
    QVERIFY(loud.outDbfs - quiet.outDbfs < (loud.inDbfs - quiet.inDbfs) / 2.0);
    QVERIFY(loud.outDbfs < -3.0); // and nothing is driven into clipping
}

void TestAudioProcessor::noiseSuppressionLowersSteadyNoise()
{
    const std::vector<std::int16_t> fan = whiteNoise(6'000, -40.0, 4);
    AudioProcessor processor({.echoCancellation = false, .noiseSuppression = true, .gainControl = false});
    const Measured measured = process(processor, {}, fan, 2);
    qInfo("steady noise %.1f dBFS in, %.1f dBFS out", measured.inDbfs, measured.outDbfs);
    QVERIFY(measured.outDbfs < measured.inDbfs - 10.0);
}

QTEST_GUILESS_MAIN(TestAudioProcessor)
#include "TestAudioProcessor.moc"
