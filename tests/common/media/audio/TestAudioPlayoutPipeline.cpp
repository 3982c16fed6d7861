#include "SignalAnalysis.h"
#include "SimulatedCall.h"

#include "media/audio/AudioPlayoutPipeline.h"
#include "media/audio/CollectingSink.h"
#include "media/audio/ToneSource.h"

#include <QTest>

using namespace consult::media;
using namespace consult::media::testing;

namespace {

// The network is under test here, not the processing: the sender's processor is off.
const AudioProcessingSettings kNoProcessing{.echoCancellation = false, .noiseSuppression = false, .gainControl = false};
// The tone is at -23 dBFS RMS, its pauses are digital silence: below this, a frame is a gap.
constexpr double kSoundDbfs = -50.0;
constexpr int kBurstFrames = 150; // 1.5 s of tone...
constexpr int kPauseFrames = 50;  // ...then 0.5 s of silence

// The talk spurts heard: runs of sound, gaps of up to 20 ms bridged, concealment tails of less
// than 100 ms after a spurt ignored.
std::vector<SoundRun> spurtsHeard(const CollectingSink &sink)
{
    std::vector<SoundRun> runs = soundRuns(sink.samples(), kSoundDbfs, 2);
    std::erase_if(runs, [](const SoundRun &run) { return run.frames < 10; });
    return runs;
}

} // namespace

class TestAudioPlayoutPipeline final : public QObject
{
    Q_OBJECT
private slots:
    void jitterAndLossDoNotInterruptTheTalker();
    void theDelayGrowsWithJitterAndShrinksInSilenceWhenItCalms();
    void invalidPacketsAreConcealed();
    void withoutPacketsThePipelinePlaysSilence();
};

void TestAudioPlayoutPipeline::jitterAndLossDoNotInterruptTheTalker()
{
    ToneSource talker(440.0, -20.0f);
    talker.setBursts(kBurstFrames * 10, kPauseFrames * 10);
    SimulatedLink link(50, 30, 0.10, 1234); // 50 ms +- 30 ms, 10 % loss
    SimulatedCall call(talker, kNoProcessing, link);
    call.capture().setExpectedPacketLossPercent(10); // what the session does once the peer reports the loss
    call.advance(3000);                              // 30 s: 15 talk spurts

    const AudioPlayoutPipeline::Statistics &stats = call.playout().statistics();
    const std::vector<SoundRun> spurts = spurtsHeard(call.sink());
    const std::vector<SilentRun> gaps = silentRuns(call.sink().samples(), kSoundDbfs);
    const auto shortGaps =
        std::count_if(gaps.begin(), gaps.end(), [](const SilentRun &gap) { return gap.frames <= 2; });
    qInfo("%d packets sent, %d lost on the link: %lld decoded, %lld concealed (PLC), %lld recovered with FEC, "
          "%lld stretched; delay +%lld/-%lld, now %d ms; %zu spurts heard, %lld gaps of 10-20 ms",
          link.sent(), link.lost(), stats.decoded, stats.concealed, stats.recoveredWithFec, stats.jitter.stretched,
          stats.jitter.delayIncreases, stats.jitter.delayDecreases, stats.bufferedMs, spurts.size(), qint64(shortGaps));

    // Every spurt is heard as one: no silence over 20 ms inside, and none of it skipped.
    QCOMPARE(spurts.size(), std::size_t(15));
    for (const SoundRun &spurt : spurts)
        QVERIFY2(spurt.frames >= kBurstFrames - 2,
                 qPrintable(QStringLiteral("a spurt of %1 frames").arg(spurt.frames)));
    // Every lost packet was filled in, by FEC where the next packet had arrived, by PLC otherwise;
    // late packets add a few more.
    QVERIFY(stats.concealed > 0);
    QVERIFY(stats.concealed + stats.recoveredWithFec >= link.lost());
    QVERIFY(stats.concealed + stats.recoveredWithFec <= link.lost() + link.sent() / 20);
    QVERIFY(stats.recoveredWithFec > stats.concealed);
    // The buffer grew to cover the jitter.
    QVERIFY(stats.jitter.delayIncreases > 0);
    QVERIFY(stats.bufferedMs >= 40);
}

void TestAudioPlayoutPipeline::theDelayGrowsWithJitterAndShrinksInSilenceWhenItCalms()
{
    ToneSource talker(440.0, -20.0f);
    talker.setBursts(kBurstFrames * 10, kPauseFrames * 10);
    SimulatedLink link(50, 30, 0.0, 99);
    SimulatedCall call(talker, kNoProcessing, link);
    call.advance(2000); // 20 s with +-30 ms of jitter
    link.setJitterMs(0);
    call.advance(2000); // 20 s of a steady network

    // Mouth to ear: when each spurt starts being heard, against when it was spoken (frame 200 k).
    std::vector<int> latencyMs;
    for (const SoundRun &spurt : spurtsHeard(call.sink()))
        latencyMs.push_back(
            (spurt.firstFrame - spurt.firstFrame / (kBurstFrames + kPauseFrames) * (kBurstFrames + kPauseFrames)) * 10);
    QString timeline;
    for (const int ms : latencyMs)
        timeline += QString::number(ms) + QStringLiteral(" ");
    qInfo("latency of each spurt (ms): %s", qPrintable(timeline));
    const auto &stats = call.playout().statistics();
    qInfo("delay +%lld/-%lld", stats.jitter.delayIncreases, stats.jitter.delayDecreases);

    QCOMPARE(latencyMs.size(), std::size_t(20));
    const int jittery = *std::max_element(latencyMs.begin() + 5, latencyMs.begin() + 10);
    const int steady = latencyMs.back();
    QVERIFY(jittery >= 50 + 30 + 20);         // network + jitter + packetisation
    QVERIFY(steady < jittery - 20);           // it came down once the jitter was gone...
    QVERIFY(stats.jitter.delayDecreases > 0); // ...in the pauses (the spurts above were never cut short)
}

void TestAudioPlayoutPipeline::invalidPacketsAreConcealed()
{
    ToneSource talker(440.0, -20.0f);
    SimulatedLink link(20, 0, 0.0, 1);
    SimulatedCall call(talker, kNoProcessing, link);
    call.advance(100);
    // A peer (or a bug) sends garbage with the right sequence and timestamp in place of audio.
    for (int i = 0; i < 3; ++i)
        call.playout().push(quint16(1000 + i), quint32(60 + i) * 960, QByteArray(40, '\xff'));
    call.advance(100);

    const auto &stats = call.playout().statistics();
    QVERIFY(stats.invalid >= 1);
    QVERIFY(stats.concealed >= stats.invalid);
    QCOMPARE(spurtsHeard(call.sink()).size(), std::size_t(1)); // the tone played on
}

void TestAudioPlayoutPipeline::withoutPacketsThePipelinePlaysSilence()
{
    AudioPlayoutPipeline playout(nullptr);
    CollectingSink sink;
    sink.setFrameProvider([&playout] { return playout.renderFrame(); });
    (void)sink.start();
    sink.pull(50);
    const std::vector<std::int16_t> samples = sink.samples();
    QVERIFY(std::all_of(samples.begin(), samples.end(), [](std::int16_t s) { return s == 0; }));
    QCOMPARE(playout.statistics().idleFrames, 50);
    QCOMPARE(playout.statistics().concealed, 0);
}

QTEST_GUILESS_MAIN(TestAudioPlayoutPipeline)
#include "TestAudioPlayoutPipeline.moc"
