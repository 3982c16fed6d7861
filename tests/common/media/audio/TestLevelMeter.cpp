#include "SampleSource.h"

#include "media/audio/LevelMeter.h"

#include <QTest>

#include <cmath>

using namespace consult::media;
using namespace consult::media::testing;

namespace {

std::vector<std::int16_t> sineFrame(double amplitude)
{
    std::vector<std::int16_t> frame(kFrameSamples);
    const std::vector<double> values = sine(1000.0, amplitude, kSampleRate, kFrameSamples);
    std::transform(values.begin(), values.end(), frame.begin(), [](double s) { return std::int16_t(std::lround(s)); });
    return frame;
}

} // namespace

class TestLevelMeter final : public QObject
{
    Q_OBJECT
private slots:
    void aSineReadsItsPeakAndThreeDbLessRms_data();
    void aSineReadsItsPeakAndThreeDbLessRms();
    void silenceReadsTheFloor();
    void theSmoothedLevelRisesWithinAFewFramesAndFallsOverAboutThreeHundredMs();
    void thePeakFallsTwentyDbPerSecond();
};

void TestLevelMeter::aSineReadsItsPeakAndThreeDbLessRms_data()
{
    QTest::addColumn<double>("peakDbfs");
    QTest::newRow("full scale") << 0.0;
    QTest::newRow("speech level") << -20.0;
    QTest::newRow("quiet") << -50.0;
}

void TestLevelMeter::aSineReadsItsPeakAndThreeDbLessRms()
{
    QFETCH(double, peakDbfs);
    const std::vector<std::int16_t> frame = sineFrame(32767.0 * std::pow(10.0, peakDbfs / 20.0));
    QVERIFY(std::abs(LevelMeter::peakDbfs(frame) - peakDbfs) < 0.1);
    QVERIFY(std::abs(LevelMeter::rmsDbfs(frame) - (peakDbfs - 3.01)) < 0.1);
}

void TestLevelMeter::silenceReadsTheFloor()
{
    const std::vector<std::int16_t> silence(kFrameSamples, 0);
    LevelMeter meter;
    const AudioLevel level = meter.measure(silence);
    QCOMPARE(level.rmsDbfs, LevelMeter::kFloorDbfs);
    QCOMPARE(level.peakDbfs, LevelMeter::kFloorDbfs);
}

void TestLevelMeter::theSmoothedLevelRisesWithinAFewFramesAndFallsOverAboutThreeHundredMs()
{
    const std::vector<std::int16_t> tone = sineFrame(3276.7);  // -20 dBFS peak, -23 dBFS RMS
    const std::vector<std::int16_t> quiet = sineFrame(32.767); // -60 dBFS peak, -63 dBFS RMS
    LevelMeter meter;
    for (int i = 0; i < 100; ++i)
        meter.measure(quiet);
    QVERIFY(std::abs(meter.smoothed().rmsDbfs - -63.0f) < 0.5f);

    for (int i = 0; i < 10; ++i) // 100 ms of speech: the bar is up
        meter.measure(tone);
    QVERIFY(std::abs(meter.smoothed().rmsDbfs - -23.0f) < 0.5f);

    for (int i = 0; i < 3; ++i) // 30 ms of quiet: the bar has barely moved down
        meter.measure(quiet);
    QVERIFY(meter.smoothed().rmsDbfs > -23.0f - 5.0f);
    for (int i = 0; i < 100; ++i) // one second: it has come down
        meter.measure(quiet);
    QVERIFY(meter.smoothed().rmsDbfs < -60.0f);
}

void TestLevelMeter::thePeakFallsTwentyDbPerSecond()
{
    const std::vector<std::int16_t> loud = sineFrame(32767.0);
    const std::vector<std::int16_t> silence(kFrameSamples, 0);
    LevelMeter meter;
    meter.measure(loud);
    QVERIFY(std::abs(meter.smoothed().peakDbfs) < 0.1f);
    for (int i = 0; i < 50; ++i) // half a second
        meter.measure(silence);
    QVERIFY(std::abs(meter.smoothed().peakDbfs - -10.0f) < 0.2f);
    QCOMPARE(meter.lastFrame().peakDbfs, LevelMeter::kFloorDbfs);
}

QTEST_GUILESS_MAIN(TestLevelMeter)
#include "TestLevelMeter.moc"
