#include "EchoPath.h"
#include "SampleSource.h"
#include "SignalAnalysis.h"
#include "SimulatedCall.h"
#include "SpeechLikeSignal.h"

#include "media/audio/OpusVoiceDecoder.h"
#include "media/audio/ToneSource.h"

#include <QTest>

using namespace consult::media;
using namespace consult::media::testing;

class TestAudioEndToEnd final : public QObject
{
    Q_OBJECT
private slots:
    void aToneArrivesAtItsFrequencyAndLevel_data();
    void aToneArrivesAtItsFrequencyAndLevel();
    void theEchoOfWhatThePeerSaysIsNotSentBack();
};

void TestAudioEndToEnd::aToneArrivesAtItsFrequencyAndLevel_data()
{
    // How the sender's processing may change the level of a steady tone, heard minus sent, in dB.
    QTest::addColumn<bool>("noiseSuppression");
    QTest::addColumn<bool>("gainControl");
    QTest::addColumn<double>("minGainDb");
    QTest::addColumn<double>("maxGainDb");
    // Echo cancellation alone leaves a tone alone (no far end to cancel).
    QTest::newRow("echo cancellation only") << false << false << -1.5 << 1.5;
    // Gain control lifts a -23 dBFS tone towards its target (+3 dB measured); 9 dB is a sanity bound.
    QTest::newRow("echo cancellation and gain control") << false << true << 0.5 << 9.0;
    // The product's settings. Noise suppression takes a tone that never stops for stationary noise
    // and lowers it by about 13 dB within a second (speech, which pauses, passes: see
    // TestAudioProcessor), gain control gives some of it back. So here the level is pinned down
    // only loosely against the input, and tightly against what the sender's meter showed.
    QTest::newRow("the product's processing") << true << true << -16.0 << 0.0;
}

void TestAudioEndToEnd::aToneArrivesAtItsFrequencyAndLevel()
{
    QFETCH(bool, noiseSuppression);
    QFETCH(bool, gainControl);
    QFETCH(double, minGainDb);
    QFETCH(double, maxGainDb);
    // 440 Hz at -20 dBFS peak (-23 dBFS RMS) through the sender's processing, Opus, a network with
    // a little jitter and loss, the receiver's jitter buffer, decoder and concealment.
    ToneSource tone(440.0, -20.0f);
    SimulatedLink link(40, 10, 0.02, 77);
    AudioProcessingSettings settings;
    settings.noiseSuppression = noiseSuppression;
    settings.gainControl = gainControl;
    SimulatedCall call(tone, settings, link);
    call.advance(1000); // 10 s

    // Measured after 5 s, when gain control and noise suppression have settled.
    const std::vector<std::int16_t> heard = call.sink().samples();
    const std::span<const std::int16_t> settled = std::span(heard).subspan(std::size_t(5 * kSampleRate));
    const double inputDbfs = -20.0 - 3.01;
    const double sentDbfs = double(call.capture().level().rmsDbfs); // the sender's meter, after processing
    const double heardDbfs = tonePowerDbfs(settled, 440.0);
    const auto &stats = call.playout().statistics();
    qInfo("440 Hz: %.2f dBFS in, %.2f dBFS sent (processing %+.2f dB), %.2f dBFS heard (codec and network %+.2f dB); "
          "dominance %.1f dB; %d lost, %lld concealed",
          inputDbfs, sentDbfs, sentDbfs - inputDbfs, heardDbfs, heardDbfs - sentDbfs, toneDominanceDb(settled, 440.0),
          link.lost(), stats.concealed);

    QVERIFY(toneDominanceDb(settled, 440.0) > 20.0);
    QVERIFY(std::abs(heardDbfs - sentDbfs) < 1.5); // codec, jitter buffer and concealment keep the level
    QVERIFY(heardDbfs - inputDbfs >= minGainDb);
    QVERIFY(heardDbfs - inputDbfs <= maxGainDb);
    // Continuous apart from concealed gaps: where a concealed packet fades (Opus concealment of a
    // quiet tone can dip below -50 dBFS), at most its own 20 ms, and nowhere else.
    QVERIFY(stats.concealed > 0);
    int silentFrames = 0;
    for (const SilentRun &gap : silentRuns(settled, -50.0)) {
        QVERIFY2(gap.frames <= 2,
                 qPrintable(
                     QStringLiteral("%1 ms of silence at %2 ms").arg(gap.frames * 10).arg(5000 + gap.firstFrame * 10)));
        silentFrames += gap.frames;
    }
    QVERIFY(silentFrames <= 2 * stats.concealed);
}

void TestAudioEndToEnd::theEchoOfWhatThePeerSaysIsNotSentBack()
{
    // The advisor talks; the customer's speakers play it, the customer's microphone picks it up
    // 60 ms later, 12 dB down; the customer's engine must not send it back.
    AudioProcessor advisorProcessor({.echoCancellation = false, .noiseSuppression = false, .gainControl = false});
    AudioCapturePipeline advisorCapture(advisorProcessor);
    SampleSource advisor(speechLikeSignal(20'000, 3, -6.0));
    advisor.setFrameHandler([&advisorCapture](const AudioFrame &frame) { advisorCapture.processFrame(frame); });
    (void)advisor.start();
    // The customer's engine: one echo canceller that its playout pipeline feeds with every frame
    // the speaker gets and its capture pipeline runs the microphone through.
    AudioProcessor customerProcessor;
    customerProcessor.setStreamDelayMs(40);
    AudioPlayoutPipeline customerPlayout(&customerProcessor);
    AudioCapturePipeline customerCapture(customerProcessor);
    EchoPath room(60, -12.0, -65.0, 9);
    OpusVoiceDecoder atTheAdvisor;

    std::vector<std::int16_t> echo;
    std::vector<std::int16_t> sentBack;
    QObject::connect(&advisorCapture, &AudioCapturePipeline::packetReady, &customerPlayout,
                     [&customerPlayout](quint16 sequence, quint32 timestamp, const QByteArray &packet) {
                         customerPlayout.push(sequence, timestamp, packet); // no network: the echo is under test
                     });
    QObject::connect(&customerCapture, &AudioCapturePipeline::packetReady, &customerCapture,
                     [&](quint16, quint32, const QByteArray &packet) {
                         const std::optional<PacketAudio> audio = atTheAdvisor.decode(packet);
                         for (const AudioFrame &frame : audio.value())
                             sentBack.insert(sentBack.end(), frame.samples.begin(), frame.samples.end());
                     });
    for (int step = 0; step < 2000; ++step) {
        advisor.pump(1); // the advisor's microphone produces 10 ms
        const AudioFrame speaker = customerPlayout.renderFrame();
        const AudioFrame microphone = room.microphoneFrame(speaker);
        echo.insert(echo.end(), microphone.samples.begin(), microphone.samples.end());
        customerCapture.processFrame(microphone);
    }

    // After 3 s of convergence; the packets lag the microphone by up to 20 ms, a negligible shift
    // in a 17 s power measurement.
    const std::size_t skip = std::size_t(3 * kSampleRate);
    const double echoDbfs = powerDbfs(std::span(echo).subspan(skip));
    const double residualDbfs = powerDbfs(std::span(sentBack).subspan(skip));
    qInfo("echo at the customer's microphone %.1f dBFS, sent back to the advisor %.1f dBFS: ERLE %.1f dB", echoDbfs,
          residualDbfs, echoDbfs - residualDbfs);
    QVERIFY(echoDbfs - residualDbfs >= 15.0);
}

QTEST_GUILESS_MAIN(TestAudioEndToEnd)
#include "TestAudioEndToEnd.moc"
