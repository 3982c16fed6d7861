#include "SampleSource.h"
#include "SpeechLikeSignal.h"

#include "media/audio/AudioCapturePipeline.h"
#include "media/audio/AudioProcessor.h"
#include "media/audio/OpusVoiceDecoder.h"
#include "media/audio/ToneSource.h"

#include <QSignalSpy>
#include <QTest>

using namespace consult::media;
using namespace consult::media::testing;

namespace {

struct Sent
{
    quint16 sequence;
    quint32 timestamp;
    QByteArray packet;
};

// A capture pipeline fed by a tone, recording every packet it sends.
struct Microphone
{
    AudioProcessor processor;
    AudioCapturePipeline pipeline{processor};
    ToneSource tone{440.0, -20.0f};
    std::vector<Sent> sent;

    Microphone()
    {
        QObject::connect(&pipeline, &AudioCapturePipeline::packetReady, &pipeline,
                         [this](quint16 sequence, quint32 timestamp, const QByteArray &packet) {
                             sent.push_back({sequence, timestamp, packet});
                         });
        tone.setFrameHandler([this](const AudioFrame &frame) { pipeline.processFrame(frame); });
        (void)tone.start();
    }
};

} // namespace

class TestAudioCapturePipeline final : public QObject
{
    Q_OBJECT
private slots:
    void sendsOneTwentyMillisecondPacketPerTwoFrames();
    void theMicrophoneOffSendsNothingAndTheClockRunsOn();
    void switchingTheMicrophoneIsSignalledOnlyWhenItChanges();
    void theLevelFollowsTheMicrophoneTwentyTimesASecond();
    void aLowerBitrateSendsSmallerPackets();
};

void TestAudioCapturePipeline::sendsOneTwentyMillisecondPacketPerTwoFrames()
{
    Microphone microphone;
    microphone.tone.pump(100);
    QCOMPARE(microphone.sent.size(), std::size_t(50));
    OpusVoiceDecoder decoder;
    for (std::size_t i = 0; i < microphone.sent.size(); ++i) {
        QCOMPARE(microphone.sent[i].sequence, quint16(i));
        QCOMPARE(microphone.sent[i].timestamp, quint32(i * 960));
        QVERIFY(decoder.decode(microphone.sent[i].packet)); // a valid 20 ms Opus packet
    }
    QCOMPARE(microphone.pipeline.packetsSent(), 50);
}

void TestAudioCapturePipeline::theMicrophoneOffSendsNothingAndTheClockRunsOn()
{
    Microphone microphone;
    microphone.tone.pump(11); // 5 packets and half of the 6th
    QCOMPARE(microphone.sent.size(), std::size_t(5));

    microphone.pipeline.setMuted(true);
    microphone.tone.pump(100); // one second with the microphone off
    QCOMPARE(microphone.sent.size(), std::size_t(5));

    microphone.pipeline.setMuted(false);
    microphone.tone.pump(4);
    QCOMPARE(microphone.sent.size(), std::size_t(7));
    // The sequence continues (nothing was lost), the timestamp jumps by the time spent muted
    // (the receiver sees a pause), and the half packet from before the switch was dropped.
    QCOMPARE(microphone.sent[5].sequence, quint16(5));
    QCOMPARE(microphone.sent[5].timestamp, quint32(111 * 480));
    QCOMPARE(microphone.sent[6].timestamp, quint32(113 * 480));
}

void TestAudioCapturePipeline::switchingTheMicrophoneIsSignalledOnlyWhenItChanges()
{
    Microphone microphone;
    QSignalSpy changes(&microphone.pipeline, &AudioCapturePipeline::mutedChanged);
    microphone.pipeline.setMuted(true);
    microphone.pipeline.setMuted(true);
    microphone.pipeline.setProperty("muted", false); // the Q_PROPERTY the session binds to
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes[0][0].toBool(), true);
    QCOMPARE(changes[1][0].toBool(), false);
    QVERIFY(!microphone.pipeline.isMuted());
}

void TestAudioCapturePipeline::theLevelFollowsTheMicrophoneTwentyTimesASecond()
{
    AudioProcessor processor({.echoCancellation = false, .noiseSuppression = false, .gainControl = false});
    AudioCapturePipeline pipeline(processor);
    QSignalSpy levels(&pipeline, &AudioCapturePipeline::levelMeasured);
    SampleSource speech(speechLikeSignal(1'000, 5, -6.0));
    speech.setFrameHandler([&pipeline](const AudioFrame &frame) { pipeline.processFrame(frame); });
    (void)speech.start();
    speech.pump(100);
    QCOMPARE(levels.size(), 20);
    const float loud = levels.last()[0].toFloat();

    std::vector<std::int16_t> silence(std::size_t(kSampleRate), 0);
    SampleSource quiet(silence);
    quiet.setFrameHandler([&pipeline](const AudioFrame &frame) { pipeline.processFrame(frame); });
    (void)quiet.start();
    quiet.pump(100);
    QCOMPARE(levels.size(), 40);
    qInfo("meter: %.1f dBFS while talking, %.1f dBFS a second after", loud, levels.last()[0].toFloat());
    QVERIFY(loud > -40.0f);
    QVERIFY(levels.last()[0].toFloat() < loud - 30.0f);

    // Microphone off: the meter keeps measuring (the UI can say "you are muted"), nothing is sent.
    const qint64 sentBefore = pipeline.packetsSent();
    pipeline.setMuted(true);
    SampleSource mutedSpeech(speechLikeSignal(500, 5, -6.0));
    mutedSpeech.setFrameHandler([&pipeline](const AudioFrame &frame) { pipeline.processFrame(frame); });
    (void)mutedSpeech.start();
    mutedSpeech.pump(50);
    QCOMPARE(levels.size(), 50);
    QVERIFY(levels.last()[0].toFloat() > -40.0f);
    QCOMPARE(pipeline.packetsSent(), sentBefore);
}

void TestAudioCapturePipeline::aLowerBitrateSendsSmallerPackets()
{
    const std::vector<std::int16_t> speech = speechLikeSignal(4'000, 6, -10.0);
    qint64 bytes[2] = {0, 0};
    for (int run = 0; run < 2; ++run) {
        AudioProcessor processor;
        AudioCapturePipeline pipeline(processor);
        pipeline.setBitrate(run == 0 ? 32'000 : 12'000);
        QObject::connect(&pipeline, &AudioCapturePipeline::packetReady,
                         [&bytes, run](quint16, quint32, const QByteArray &packet) { bytes[run] += packet.size(); });
        for (const AudioFrame &frame : framesOf(speech))
            pipeline.processFrame(frame);
    }
    qInfo("4 s of speech: %lld bytes at 32 kbit/s, %lld bytes at 12 kbit/s", bytes[0], bytes[1]);
    QVERIFY(bytes[1] < bytes[0] / 2);
}

QTEST_GUILESS_MAIN(TestAudioCapturePipeline)
#include "TestAudioCapturePipeline.moc"
