#include "SampleSource.h"
#include "SignalAnalysis.h"

#include "media/audio/Resampler.h"

#include <QTest>

#include <cmath>

using namespace consult::media;
using namespace consult::media::testing;

namespace {

std::vector<std::int16_t> toInt16(const std::vector<double> &samples)
{
    std::vector<std::int16_t> out(samples.size());
    std::transform(samples.begin(), samples.end(), out.begin(), [](double s) { return std::int16_t(std::lround(s)); });
    return out;
}

// Powers measured at 48 kHz analysis; at other rates the Goertzel frequency must be rescaled.
double tonePowerAt(std::span<const std::int16_t> samples, double frequencyHz, int rate)
{
    return tonePowerDbfs(samples, frequencyHz * kSampleRate / rate);
}

} // namespace

class TestResampler final : public QObject
{
    Q_OBJECT
private slots:
    void keepsAToneItsFrequencyAndLevel_data();
    void keepsAToneItsFrequencyAndLevel();
    void chunkedInputComesOutAsIfConvertedWhole();
    void equalRatesPassSamplesThroughUntouched();
};

void TestResampler::keepsAToneItsFrequencyAndLevel_data()
{
    QTest::addColumn<int>("inputRate");
    QTest::addColumn<int>("outputRate");
    QTest::newRow("44.1 kHz device to engine") << 44'100 << 48'000;
    QTest::newRow("engine to 44.1 kHz device") << 48'000 << 44'100;
    QTest::newRow("16 kHz headset to engine") << 16'000 << 48'000;
    QTest::newRow("engine to 16 kHz headset") << 48'000 << 16'000;
}

void TestResampler::keepsAToneItsFrequencyAndLevel()
{
    QFETCH(int, inputRate);
    QFETCH(int, outputRate);
    const std::vector<std::int16_t> input = toInt16(sine(1000.0, 10000.0, inputRate, inputRate)); // 1 s

    Resampler resampler(inputRate, outputRate);
    std::vector<std::int16_t> output;
    resampler.process(input, output);

    // One second in, one second out, less the filter delay that is still inside.
    QVERIFY(std::abs(int(output.size()) + resampler.latencySamples() - outputRate) <= outputRate / 100);
    const std::span<const std::int16_t> settled = std::span(output).subspan(std::size_t(outputRate / 10));
    const double inputLevel = tonePowerAt(input, 1000.0, inputRate);
    const double outputLevel = tonePowerAt(settled, 1000.0, outputRate);
    QVERIFY2(std::abs(outputLevel - inputLevel) < 0.5,
             qPrintable(QStringLiteral("%1 dB vs %2 dB").arg(outputLevel).arg(inputLevel)));
    // A neighbouring frequency stays far below: the tone did not move.
    QVERIFY(tonePowerAt(settled, 1100.0, outputRate) < outputLevel - 40.0);
}

void TestResampler::chunkedInputComesOutAsIfConvertedWhole()
{
    const std::vector<std::int16_t> input = toInt16(sine(440.0, 8000.0, 44'100, 44'100));
    Resampler whole(44'100, 48'000);
    std::vector<std::int16_t> expected;
    whole.process(input, expected);

    Resampler chunked(44'100, 48'000);
    std::vector<std::int16_t> actual;
    for (std::size_t at = 0; at < input.size(); at += 441) // 10 ms device periods
        chunked.process(std::span(input).subspan(at, std::min<std::size_t>(441, input.size() - at)), actual);

    QCOMPARE(actual.size(), expected.size());
    QVERIFY(actual == expected);
}

void TestResampler::equalRatesPassSamplesThroughUntouched()
{
    const std::vector<std::int16_t> input = toInt16(sine(440.0, 8000.0, kSampleRate, 960));
    Resampler resampler(kSampleRate, kSampleRate);
    std::vector<std::int16_t> output;
    resampler.process(input, output);
    QVERIFY(resampler.isPassThrough());
    QVERIFY(output == input);
}

QTEST_GUILESS_MAIN(TestResampler)
#include "TestResampler.moc"
