#include "SignalAnalysis.h"

#include "media/audio/AudioCapturePipeline.h"
#include "media/audio/AudioPlayoutPipeline.h"
#include "media/audio/AudioProcessor.h"
#include "media/audio/CollectingSink.h"
#include "media/audio/ToneSource.h"

#include <QTest>
#include <QThread>

#include <memory>

using namespace consult::media;
using namespace consult::media::testing;

namespace {

// The engine as the session holds it: everything created, used and destroyed on the audio thread.
struct Engine
{
    AudioProcessor processor;
    AudioCapturePipeline capture{processor};
    AudioPlayoutPipeline playout{&processor};
    ToneSource microphone{440.0, -20.0f};
    CollectingSink speaker;

    Engine()
    {
        microphone.setFrameHandler([this](const AudioFrame &frame) { capture.processFrame(frame); });
        speaker.setFrameProvider([this] { return playout.renderFrame(); });
        (void)microphone.start();
        (void)speaker.start();
    }
};

struct Packet
{
    quint16 sequence;
    quint32 timestamp;
    QByteArray bytes;
};

} // namespace

class TestAudioThreads final : public QObject
{
    Q_OBJECT
private slots:
    void theEngineRunsOnItsOwnThreadAndTalksThroughQueuedSignals();
};

void TestAudioThreads::theEngineRunsOnItsOwnThreadAndTalksThroughQueuedSignals()
{
    QThread audioThread;
    audioThread.setObjectName(QStringLiteral("audio"));
    audioThread.start();
    QObject onAudioThread;
    onAudioThread.moveToThread(&audioThread);
    const auto onAudio = [&onAudioThread](auto &&work) {
        QMetaObject::invokeMethod(&onAudioThread, work, Qt::BlockingQueuedConnection);
    };

    std::unique_ptr<Engine> engine;
    onAudio([&] { engine = std::make_unique<Engine>(); });

    // The network side lives on this thread: packets arrive here through a queued connection.
    std::vector<Packet> packets;
    QThread *emittedOn = nullptr;
    connect(&engine->capture, &AudioCapturePipeline::packetReady, this,
            [&](quint16 sequence, quint32 timestamp, const QByteArray &bytes) {
                QCOMPARE(QThread::currentThread(), thread());
                packets.push_back({sequence, timestamp, bytes});
            });
    std::vector<bool> mutedChanges; // as the session's peer signalling sees them, on this thread
    connect(&engine->capture, &AudioCapturePipeline::mutedChanged, this,
            [&mutedChanges](bool muted) { mutedChanges.push_back(muted); });
    QVERIFY(connect(
        &engine->capture, &AudioCapturePipeline::packetReady, &onAudioThread,
        [&emittedOn] { emittedOn = QThread::currentThread(); }, Qt::DirectConnection));

    onAudio([&] { engine->microphone.pump(100); });
    QTRY_COMPARE(packets.size(), std::size_t(50));
    QCOMPARE(emittedOn, &audioThread); // encoded on the audio thread, received on this one

    // Microphone off from the GUI thread: a queued call, as the session makes it.
    QVERIFY(QMetaObject::invokeMethod(&engine->capture, "setMuted", Qt::QueuedConnection, Q_ARG(bool, true)));
    QTRY_COMPARE(mutedChanges, std::vector<bool>{true});
    onAudio([&] { engine->microphone.pump(100); });
    QCoreApplication::processEvents(); // anything queued by the pump has been posted by now
    QCOMPARE(packets.size(), std::size_t(50));

    // The packets come back in through queued calls of push(); the speaker plays them there. One
    // packet per 20 ms the speaker plays, as from the network: a second of packets queued before
    // the speaker's first pull would be a backlog the jitter buffer's catch-up rule drops.
    for (const Packet &packet : packets) {
        QVERIFY(QMetaObject::invokeMethod(&engine->playout, "push", Qt::QueuedConnection,
                                          Q_ARG(quint16, packet.sequence), Q_ARG(quint32, packet.timestamp),
                                          Q_ARG(QByteArray, packet.bytes)));
        onAudio([&] { engine->speaker.pull(2); }); // after the push: both are queued to the audio thread
    }
    std::vector<std::int16_t> heard;
    onAudio([&] { heard = engine->speaker.samples(); });
    const std::span<const std::int16_t> settled =
        std::span(heard).subspan(std::size_t(kSampleRate / 5), kSampleRate / 2);
    QVERIFY(toneDominanceDb(settled, 440.0) > 20.0);

    onAudio([&] { engine.reset(); });
    audioThread.quit();
    audioThread.wait();
}

QTEST_GUILESS_MAIN(TestAudioThreads)
#include "TestAudioThreads.moc"
