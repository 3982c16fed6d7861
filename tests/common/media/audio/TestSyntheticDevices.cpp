#include "SampleSource.h"
#include "SignalAnalysis.h"

#include "media/audio/ClockedDevices.h"
#include "media/audio/CollectingSink.h"
#include "media/audio/ToneSource.h"
#include "media/audio/WavFileSource.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace consult;
using namespace consult::media;
using namespace consult::media::testing;

namespace {

std::vector<std::int16_t> collect(SyntheticSource &source, int frames)
{
    std::vector<std::int16_t> samples;
    source.setFrameHandler([&samples](const AudioFrame &frame) {
        samples.insert(samples.end(), frame.samples.begin(), frame.samples.end());
    });
    (void)source.start();
    source.pump(frames);
    return samples;
}

} // namespace

class TestSyntheticDevices final : public QObject
{
    Q_OBJECT
private slots:
    void theToneHasItsFrequencyAndPeakLevel();
    void burstsAlternateToneAndSilence();
    void aStoppedSourceDeliversNothing();
    void framesCarryTheSourcesOwnSampleClock();
    void clockedDevicesHoldOnePeriodLikeADevice();
    void wavFilesOfAnyCommonFormatBecomeFortyEightKilohertzMono_data();
    void wavFilesOfAnyCommonFormatBecomeFortyEightKilohertzMono();
    void aWavFileIsReadFromDisk();
    void whatIsNotAWavFileIsRefusedWithAReason_data();
    void whatIsNotAWavFileIsRefusedWithAReason();
    void aWavFileEndsOrLoops();
    void theCollectingSinkRecordsWhatItPulls();
    void aSinkWithoutProviderPlaysSilence();
};

void TestSyntheticDevices::theToneHasItsFrequencyAndPeakLevel()
{
    ToneSource tone(440.0, -20.0f);
    const std::vector<std::int16_t> samples = collect(tone, 100);
    QCOMPARE(samples.size(), std::size_t(kSampleRate));
    QVERIFY(std::abs(tonePowerDbfs(samples, 440.0) - (-20.0 - 3.01)) < 0.2);
    QVERIFY(toneDominanceDb(samples, 440.0) > 60.0);
    const auto peak = *std::max_element(samples.begin(), samples.end());
    QVERIFY(std::abs(20.0 * std::log10(peak / 32767.0) - -20.0) < 0.1);
}

void TestSyntheticDevices::burstsAlternateToneAndSilence()
{
    ToneSource tone(1000.0, -10.0f);
    tone.setBursts(200, 100);
    const std::vector<std::int16_t> samples = collect(tone, 90); // three bursts
    const std::vector<SoundRun> runs = soundRuns(samples, -60.0);
    QCOMPARE(runs.size(), std::size_t(3));
    for (std::size_t i = 0; i < runs.size(); ++i) {
        QCOMPARE(runs[i].firstFrame, int(i) * 30);
        QCOMPARE(runs[i].frames, 20);
    }
}

void TestSyntheticDevices::aStoppedSourceDeliversNothing()
{
    ToneSource tone(440.0, -20.0f);
    int delivered = 0;
    tone.setFrameHandler([&delivered](const AudioFrame &) { ++delivered; });
    QCOMPARE(tone.pump(5), 0);
    (void)tone.start();
    QCOMPARE(tone.pump(5), 5);
    tone.stop();
    QCOMPARE(tone.pump(5), 0);
    QCOMPARE(delivered, 5);
}

void TestSyntheticDevices::clockedDevicesHoldOnePeriodLikeADevice()
{
    // The glass-to-glass benchmark adds the real devices' buffers on top of these; the stand-ins
    // must therefore hold what their latencyMs() says, one 10 ms period, no more and no less.
    ManualClock clock;
    const qint64 startUs = clock.monotonicUs();
    std::vector<qint64> captured;
    ClockedSource source(std::make_unique<ToneSource>(440.0, -20.0f), clock);
    source.setFrameHandler([&captured](const AudioFrame &frame) { captured.push_back(frame.captureUs); });
    std::vector<qint64> played;
    ClockedSink sink([&played](const AudioFrame &, qint64 playUs) { played.push_back(playUs); }, clock);
    QVERIFY(source.start());
    QVERIFY(sink.start());

    // Nothing is captured until a whole period has passed; the speaker takes its first frame at once
    // and starts playing it when the period ends.
    QTRY_COMPARE(played.size(), std::size_t(1));
    QTest::qWait(30); // timers run, but the manual clock has not moved
    QCOMPARE(captured.size(), std::size_t(0));
    QCOMPARE(played, std::vector<qint64>({startUs + 10'000}));

    clock.advance(std::chrono::milliseconds(10));
    QTRY_COMPARE(captured.size(), std::size_t(1));
    QCOMPARE(captured.front(), startUs); // stamped with its first sample's time, delivered 10 ms later
    QTRY_COMPARE(played.size(), std::size_t(2));
    QCOMPARE(played.back(), startUs + 20'000);

    clock.advance(std::chrono::milliseconds(35)); // a late timer: the frames due are caught up
    QTRY_COMPARE(captured.size(), std::size_t(4));
    QCOMPARE(captured.back(), startUs + 30'000);
    QTRY_COMPARE(played.size(), std::size_t(5));
    QCOMPARE(played.back(), startUs + 50'000);
    source.stop();
    sink.stop();
}

void TestSyntheticDevices::framesCarryTheSourcesOwnSampleClock()
{
    ToneSource tone(440.0, -20.0f);
    std::vector<qint64> stamps;
    tone.setFrameHandler([&stamps](const AudioFrame &frame) { stamps.push_back(frame.captureUs); });
    (void)tone.start();
    tone.pump(3);
    QCOMPARE(stamps, (std::vector<qint64>{0, 10'000, 20'000}));
}

void TestSyntheticDevices::wavFilesOfAnyCommonFormatBecomeFortyEightKilohertzMono_data()
{
    QTest::addColumn<int>("rate");
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("bits");
    QTest::addColumn<bool>("isFloat");
    QTest::newRow("CD: 44.1 kHz stereo 16 bit") << 44'100 << 2 << 16 << false;
    QTest::newRow("studio: 48 kHz mono 24 bit") << 48'000 << 1 << 24 << false;
    QTest::newRow("espeak-ng: 22.05 kHz mono 16 bit") << 22'050 << 1 << 16 << false;
    QTest::newRow("float: 48 kHz stereo 32 bit") << 48'000 << 2 << 32 << true;
    QTest::newRow("telephone: 8 kHz mono 8 bit") << 8'000 << 1 << 8 << false;
}

void TestSyntheticDevices::wavFilesOfAnyCommonFormatBecomeFortyEightKilohertzMono()
{
    QFETCH(int, rate);
    QFETCH(int, channels);
    QFETCH(int, bits);
    QFETCH(bool, isFloat);
    std::vector<double> signal;
    for (const double s : sine(440.0, 0.5, rate, rate)) // 1 s at -6 dBFS peak
        signal.insert(signal.end(), std::size_t(channels), s);

    Result<std::unique_ptr<WavFileSource>> wav =
        WavFileSource::fromBytes(wavBytes(signal, rate, channels, bits, isFloat));
    QVERIFY2(wav.ok(), wav.ok() ? "" : qPrintable(wav.problem().message));
    QCOMPARE((*wav)->fileFormat().sampleRate(), rate);
    QCOMPARE((*wav)->fileFormat().channelCount(), channels);
    QVERIFY(std::abs((*wav)->frameCount() - 100) <= 2);

    const std::vector<std::int16_t> samples = collect(**wav, 1000);
    const std::span<const std::int16_t> settled = std::span(samples).subspan(kSampleRate / 10, kSampleRate * 8 / 10);
    QVERIFY(std::abs(tonePowerDbfs(settled, 440.0) - (-6.02 - 3.01)) < (bits == 8 ? 0.6 : 0.3));
    QVERIFY(toneDominanceDb(settled, 440.0) > 30.0);
}

void TestSyntheticDevices::aWavFileIsReadFromDisk()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("far-end.wav"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(wavBytes(sine(440.0, 0.5, kSampleRate, kSampleRate / 2), kSampleRate, 1, 16, false));
    file.close();

    Result<std::unique_ptr<WavFileSource>> wav = WavFileSource::open(path);
    QVERIFY(wav.ok());
    QVERIFY(std::abs((*wav)->frameCount() - 50) <= 1);

    QVERIFY(!WavFileSource::open(dir.filePath(QStringLiteral("missing.wav"))).ok());
}

void TestSyntheticDevices::whatIsNotAWavFileIsRefusedWithAReason_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("code");
    const QByteArray good = wavBytes(sine(440.0, 0.5, 16'000, 1600), 16'000, 1, 16, false);
    QTest::newRow("empty") << QByteArray() << QStringLiteral("bad_wav");
    QTest::newRow("not RIFF") << QByteArray("OggS and some more bytes") << QStringLiteral("bad_wav");
    QTest::newRow("no data chunk") << good.first(36) << QStringLiteral("bad_wav");
    QByteArray adpcm = good;
    adpcm[20] = 2; // format tag 2: MS ADPCM
    QTest::newRow("compressed") << adpcm << QStringLiteral("unsupported_wav");
    QByteArray zeroChannels = good;
    zeroChannels[22] = 0;
    QTest::newRow("no channels") << zeroChannels << QStringLiteral("bad_wav");
}

void TestSyntheticDevices::whatIsNotAWavFileIsRefusedWithAReason()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, code);
    Result<std::unique_ptr<WavFileSource>> wav = WavFileSource::fromBytes(bytes);
    QVERIFY(!wav.ok());
    QCOMPARE(wav.problem().code, code);
    QVERIFY(!wav.problem().message.isEmpty());
}

void TestSyntheticDevices::aWavFileEndsOrLoops()
{
    const QByteArray bytes = wavBytes(sine(440.0, 0.5, kSampleRate, kSampleRate / 10), kSampleRate, 1, 16, false);
    Result<std::unique_ptr<WavFileSource>> wav = WavFileSource::fromBytes(bytes);
    QVERIFY(wav.ok());
    WavFileSource &source = **wav;
    source.setFrameHandler([](const AudioFrame &) {});
    (void)source.start();
    const int frames = source.frameCount();
    QCOMPARE(source.pump(1000), frames);
    QCOMPARE(source.pump(1), 0);

    source.rewind();
    source.setLooping(true);
    QCOMPARE(source.pump(3 * frames), 3 * frames);
}

void TestSyntheticDevices::theCollectingSinkRecordsWhatItPulls()
{
    CollectingSink sink;
    std::int16_t next = 0;
    sink.setFrameProvider([&next] {
        AudioFrame frame;
        frame.samples.fill(next++);
        return frame;
    });
    sink.pull(3); // not started: pulls nothing
    QVERIFY(sink.frames().empty());
    (void)sink.start();
    sink.pull(3);
    QCOMPARE(sink.frames().size(), std::size_t(3));
    QCOMPARE(sink.frames()[2].samples[0], std::int16_t(2));
    QCOMPARE(sink.samples().size(), std::size_t(3 * kFrameSamples));
}

void TestSyntheticDevices::aSinkWithoutProviderPlaysSilence()
{
    CollectingSink sink;
    (void)sink.start();
    sink.pull(2);
    const std::vector<std::int16_t> samples = sink.samples();
    QVERIFY(std::all_of(samples.begin(), samples.end(), [](std::int16_t s) { return s == 0; }));
}

QTEST_GUILESS_MAIN(TestSyntheticDevices)
#include "TestSyntheticDevices.moc"
