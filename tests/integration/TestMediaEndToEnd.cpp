// The media engine end to end through a real server on loopback with real TLS (the media
// engine): the customer's synthetic microphone and camera run in real time through the whole engine
// (echo canceller, Opus, VP8, the session's window and ladder), the server relays, and the
// advisor's engine decodes and plays. What comes out is measured: the tone's pitch and level, the
// pictures' frame counters and PSNR against the source, recovery after loss, concealment under
// jitter and loss.
#include "SignalAnalysis.h"
#include "media/audio/ClockedDevices.h"
#include "media/audio/ToneSource.h"
#include "media/engine/AudioStream.h"
#include "media/engine/VideoStream.h"
#include "media/video/FrameStamp.h"
#include "media/video/PictureQuality.h"
#include "media/video/TestPattern.h"
#include "media/video/TestPatternSource.h"
#include "support/EpollTestMain.h"
#include "support/Scenario.h"

#include <QMutex>
#include <QSignalSpy>

#include <algorithm>
#include <atomic>
#include <random>

using namespace consult;
using namespace consult::media;
using namespace consult::testing;

namespace {

// The advisor's "speaker": keeps every frame played (the consumer runs on the audio thread).
class Recorder
{
public:
    ClockedSink::Consumer consumer()
    {
        return [this](const AudioFrame &frame, qint64) {
            QMutexLocker lock(&m_mutex);
            m_samples.insert(m_samples.end(), frame.samples.begin(), frame.samples.end());
        };
    }
    std::vector<std::int16_t> samples() const
    {
        QMutexLocker lock(&m_mutex);
        return m_samples;
    }

private:
    mutable QMutex m_mutex;
    std::vector<std::int16_t> m_samples;
};

AudioStream::InputFactory tone(double frequencyHz, float peakDbfs)
{
    return [=] { return std::make_unique<ClockedSource>(std::make_unique<ToneSource>(frequencyHz, peakDbfs)); };
}

AudioStream::OutputFactory speaker(Recorder *recorder = nullptr)
{
    return [=] { return std::make_unique<ClockedSink>(recorder ? recorder->consumer() : ClockedSink::Consumer{}); };
}

// The level test must hear the transport, not the product's voice processing: noise suppression
// takes a tone that never stops for stationary noise, and gain control moves its level on purpose.
AudioProcessingSettings echoCancellationOnly()
{
    AudioProcessingSettings settings;
    settings.noiseSuppression = false;
    settings.gainControl = false;
    return settings;
}

std::span<const std::int16_t> lastSeconds(const std::vector<std::int16_t> &samples, double seconds)
{
    const auto count = std::min(samples.size(), std::size_t(seconds * kSampleRate));
    return std::span<const std::int16_t>(samples).last(count);
}

int longestSilenceMs(std::span<const std::int16_t> samples)
{
    int longest = 0;
    for (const media::testing::SilentRun &run : media::testing::silentRuns(samples, -40.0))
        longest = std::max(longest, run.frames * 10);
    return longest;
}

// The customer's line as an emulated link: up, then down.
using Line = std::pair<LinkEmulator::Direction, LinkEmulator::Direction>;

// A video consultation with a media session on each side (`settings` for both), the advisor taking
// the head of the queue; the customer connects through `line` if given.
TestConsultation *startVideoCall(Scenario &scenario, const MediaSession::Settings &settings = {},
                                 const std::optional<Line> &line = std::nullopt)
{
    if (!scenario.start())
        return nullptr;
    ConsultationSpec spec;
    spec.customer.mode = wire::CONSULTATION_MODE_VIDEO;
    spec.take = Take::Next;
    spec.media = MediaSpec{settings, settings};
    if (line) {
        scenario.emulateLink(line->first, line->second);
        spec.customer.route = Route::EmulatedLink;
    }
    return scenario.consultation(spec);
}

// An audio call: the customer speaks a tone, the advisor listens.
struct ToneCall
{
    Scenario scenario;
    TestConsultation *call = nullptr;
    Recorder heard;
    std::unique_ptr<AudioStream> customerAudio;
    std::unique_ptr<AudioStream> advisorAudio;

    bool start(const std::optional<Line> &line = std::nullopt)
    {
        call = startVideoCall(scenario, {}, line);
        if (!call)
            return false;
        customerAudio = std::make_unique<AudioStream>(tone(440.0, -12.0f), speaker(), echoCancellationOnly());
        advisorAudio = std::make_unique<AudioStream>(tone(1000.0, -60.0f), speaker(&heard), echoCancellationOnly());
        if (!customerAudio->start() || !advisorAudio->start())
            return false;
        call->customerMedia->setSource(customerAudio.get());
        call->advisorMedia->setSink(wire::MEDIA_KIND_AUDIO, advisorAudio.get());
        call->customerMedia->setMicrophoneOn(true);
        return true;
    }
};

// A video call: the customer's test pattern camera, the advisor's decoder.
struct PictureCall
{
    Scenario scenario;
    TestConsultation *call = nullptr;
    TestPatternSource camera{TestPattern::Kind::Moving, 25};
    VideoStream customerVideo;
    VideoStream advisorVideo;
    std::vector<I420Frame> decoded; // in the test's thread

    bool start()
    {
        // The operating point: 450 kbit/s (the ladder would otherwise climb on loopback).
        MediaSession::Settings settings;
        settings.rate.maxVideoKbps = 450;
        call = startVideoCall(scenario, settings);
        if (!call)
            return false;
        QObject::connect(&advisorVideo, &VideoStream::frameDecoded, &advisorVideo,
                         [this](const I420Frame &frame) { decoded.push_back(frame); });
        if (!customerVideo.start(&camera) || !advisorVideo.start(nullptr))
            return false;
        call->customerMedia->setSource(&customerVideo);
        call->advisorMedia->setSink(wire::MEDIA_KIND_VIDEO, &advisorVideo);
        camera.start();
        call->customerMedia->setCameraOn(true);
        return true;
    }
};

// The PSNR of a decoded picture against the source picture its stamp names; -1 without a stamp.
double psnrAgainstSource(const TestPattern &pattern, const I420Frame &picture)
{
    const std::optional<FrameStamp> stamp = FrameStamp::readFrom(picture);
    if (!stamp)
        return -1;
    return lumaPsnr(pattern.render(stamp->counter, picture.captureUs), picture);
}

} // namespace

class TestMediaEndToEnd final : public QObject
{
    Q_OBJECT
private slots:
    void aToneArrivesAtItsPitchAndLevel()
    {
        ToneCall tone;
        QVERIFY(tone.start());
        QTest::qWait(3000);
        const std::vector<std::int16_t> heard = tone.heard.samples();
        const std::span<const std::int16_t> steady = lastSeconds(heard, 2.0);
        QVERIFY(steady.size() == std::size_t(2 * kSampleRate));

        // A sine of peak -12 dBFS has an RMS of -15 dBFS; Opus at 32 kbit/s keeps it within a dB.
        const double level = media::testing::tonePowerDbfs(steady, 440.0);
        const double dominance = media::testing::toneDominanceDb(steady, 440.0);
        const AudioStream::Statistics statistics = tone.advisorAudio->statistics();
        qInfo("440 Hz at %.2f dBFS (sent -15.05; RMS %.2f dBFS), %.1f dB above its neighbours; longest silence %d ms; "
              "decoded %lld, concealed %lld, FEC %lld, buffered %d ms; Opus at %d bit/s",
              level, media::testing::powerDbfs(steady), dominance, longestSilenceMs(steady), statistics.playout.decoded,
              statistics.playout.concealed, statistics.playout.recoveredWithFec, statistics.playout.bufferedMs,
              tone.customerAudio->statistics().bitrate);
        QVERIFY2(std::abs(level - -15.05) < 1.5, qPrintable(QString::number(level)));
        QVERIFY2(dominance > 25.0, qPrintable(QString::number(dominance)));
        // Continuous: a late scheduler may cost a concealed packet, never an audible hole.
        QVERIFY2(longestSilenceMs(steady) <= 20, qPrintable(QString::number(longestSilenceMs(steady))));
        QVERIFY(statistics.playout.decoded > 100);
    }

    void audioKeepsPlayingThroughJitterAndLoss()
    {
        // ±30 ms of jitter on both legs (a busy mobile line) and 10 % of the customer's audio packets
        // lost on the way (what the UDP path would see; over TCP the emulator cannot lose bytes).
        ToneCall tone;
        QVERIFY(tone.start(Line{LinkEmulator::Direction{0, 20, 30}, LinkEmulator::Direction{0, 20, 30}}));
        std::mt19937 random(5);
        std::uniform_real_distribution<double> draw(0.0, 1.0);
        std::atomic<int> dropped = 0;
        tone.call->customerMedia->channel().setLossModel([&](const wire::MediaPacket &) {
            if (draw(random) >= 0.10)
                return true;
            ++dropped;
            return false;
        });
        QTest::qWait(5000);
        const std::vector<std::int16_t> heard = tone.heard.samples();
        const std::span<const std::int16_t> steady = lastSeconds(heard, 3.0);
        const AudioStream::Statistics statistics = tone.advisorAudio->statistics();
        const AudioStream::Statistics sender = tone.customerAudio->statistics();
        qInfo("%d packets lost; concealed %lld, FEC %lld, decoded %lld, buffered %d ms; longest silence %d ms; "
              "440 Hz at %.2f dBFS; sender FEC sized for %d %% loss",
              dropped.load(), statistics.playout.concealed, statistics.playout.recoveredWithFec,
              statistics.playout.decoded, statistics.playout.bufferedMs, longestSilenceMs(steady),
              media::testing::tonePowerDbfs(steady, 440.0), sender.expectedLossPercent);
        QVERIFY(dropped > 10);
        // Every loss was filled: by concealment or by the FEC copy in the next packet.
        QVERIFY(statistics.playout.concealed + statistics.playout.recoveredWithFec >= dropped / 2);
        QVERIFY2(longestSilenceMs(steady) <= 20, qPrintable(QString::number(longestSilenceMs(steady))));
        QVERIFY(media::testing::toneDominanceDb(steady, 440.0) > 15.0);
        // The receiver's losses reached the sender, which now protects its packets with FEC.
        QVERIFY(sender.expectedLossPercent > 0);
    }

    void picturesArriveInOrderAtTheirQualityAndRate()
    {
        PictureCall video;
        QVERIFY(video.start());
        QTest::qWait(1000); // the first keyframe and the rate control settle
        const auto firstInWindow = video.decoded.size();
        const qint64 bytesBefore = video.customerVideo.statistics().encoder.bytesOut;
        QElapsedTimer window;
        window.start();
        QTest::qWait(4000);
        const double seconds = double(window.elapsed()) / 1000;
        const std::vector<I420Frame> frames(video.decoded.begin() + qsizetype(firstInWindow), video.decoded.end());

        TestPattern pattern(TestPattern::Kind::Moving);
        std::vector<double> psnr;
        std::optional<quint32> previous;
        int outOfOrder = 0;
        for (const I420Frame &frame : frames) {
            const std::optional<FrameStamp> stamp = FrameStamp::readFrom(frame);
            QVERIFY2(stamp, "a decoded picture without a readable stamp");
            if (previous && stamp->counter <= *previous)
                ++outOfOrder;
            previous = stamp->counter;
            psnr.push_back(psnrAgainstSource(pattern, frame));
        }
        std::sort(psnr.begin(), psnr.end());
        const double fps = double(frames.size()) / seconds;
        const VideoStream::Statistics sent = video.customerVideo.statistics();
        qInfo("%zu pictures in %.1f s (%.1f fps); PSNR min %.1f, median %.1f dB; %u encoded, %u skipped by the "
              "encoder's rate control, %u keyframes (%u asked for by the receiver), %.0f kbit/s",
              frames.size(), seconds, fps, psnr.front(), psnr[psnr.size() / 2], sent.encoder.framesEncoded,
              sent.encoder.framesDropped, sent.encoder.keyframes,
              video.advisorVideo.statistics().reassembly.keyframeRequests,
              double(sent.encoder.bytesOut - bytesBefore) * 8 / 1000 / seconds);
        QCOMPARE(outOfOrder, 0);
        QVERIFY2(psnr.front() >= 30.0, qPrintable(QString::number(psnr.front())));
        QVERIFY2(fps >= 22.0, qPrintable(QString::number(fps))); // 25 sent
        QCOMPARE(video.advisorVideo.statistics().decodeFailures, 0u);
    }

    void videoRecoversWithinASecondAfterLoss()
    {
        PictureCall video;
        QVERIFY(video.start());
        QTest::qWait(1500);
        // 200 ms of the customer's video lost: the advisor's decoder has no reference any more.
        QElapsedTimer clock;
        clock.start();
        qint64 lossEndsMs = std::numeric_limits<qint64>::max();
        std::atomic<int> dropped = 0;
        video.call->customerMedia->channel().setLossModel([&](const wire::MediaPacket &packet) {
            if (packet.kind() != wire::MEDIA_KIND_VIDEO || clock.elapsed() >= lossEndsMs)
                return true;
            ++dropped;
            return false;
        });
        lossEndsMs = clock.elapsed() + 200;
        QTest::qWait(200);
        const auto decodedAtLossEnd = video.decoded.size();
        qint64 recoveredMs = -1;
        while (clock.elapsed() < lossEndsMs + 2000) {
            QTest::qWait(5);
            if (video.decoded.size() > decodedAtLossEnd) {
                recoveredMs = clock.elapsed() - lossEndsMs;
                break;
            }
        }
        QTest::qWait(500);
        const VideoStream::Statistics received = video.advisorVideo.statistics();
        qInfo("%d video packets lost; first picture %lld ms after the loss ended; keyframes sent %u; "
              "frames given up %u",
              dropped.load(), recoveredMs, video.customerVideo.statistics().encoder.keyframes,
              received.reassembly.framesDropped);
        QVERIFY(dropped > 5);
        QVERIFY2(recoveredMs >= 0 && recoveredMs < 1000, qPrintable(QString::number(recoveredMs)));
        QVERIFY(video.customerVideo.statistics().encoder.keyframes >= 2); // the first, and the one asked for
        // Nothing broken was shown: every picture after the loss is whole and matches its source.
        TestPattern pattern(TestPattern::Kind::Moving);
        for (auto i = decodedAtLossEnd; i < video.decoded.size(); ++i)
            QVERIFY(psnrAgainstSource(pattern, video.decoded[i]) >= 30.0);
    }

    void onAHalfMegabitUplinkTheWholeCallFitsAndKeepsTalking()
    {
        // The seeds' minimum line with the real codecs: the customer's microphone (Opus) and camera
        // (VP8, allowed up to 700 kbit/s) on 0.5 Mbit/s up and 1 Mbit/s down. Everything the
        // customer sends crosses the emulated line: media, receipts, TLS records, TCP payload.
        Scenario scenario;
        MediaSession::Settings settings;
        settings.rate.startVideoKbps = 700;
        settings.rate.maxVideoKbps = 700;
        TestConsultation *call =
            startVideoCall(scenario, settings,
                           Line{LinkEmulator::Direction{500'000, 20, 5}, LinkEmulator::Direction{1'000'000, 20, 5}});
        QVERIFY(call);
        LinkEmulator &link = *scenario.link();
        Recorder heard;
        AudioStream customerAudio(tone(440.0, -12.0f), speaker(), echoCancellationOnly());
        AudioStream advisorAudio(tone(1000.0, -60.0f), speaker(&heard), echoCancellationOnly());
        QVERIFY(customerAudio.start());
        QVERIFY(advisorAudio.start());
        TestPatternSource camera{TestPattern::Kind::Moving, 25};
        VideoStream customerVideo;
        VideoStream advisorVideo;
        std::vector<I420Frame> decoded;
        QObject::connect(&advisorVideo, &VideoStream::frameDecoded, &advisorVideo,
                         [&decoded](const I420Frame &frame) { decoded.push_back(frame); });
        QVERIFY(customerVideo.start(&camera));
        QVERIFY(advisorVideo.start(nullptr));
        call->customerMedia->setSource(&customerAudio);
        call->customerMedia->setSource(&customerVideo);
        call->advisorMedia->setSink(wire::MEDIA_KIND_AUDIO, &advisorAudio);
        call->advisorMedia->setSink(wire::MEDIA_KIND_VIDEO, &advisorVideo);
        QSignalSpy peerQualities(call->advisorMedia.get(), &MediaSession::peerQualityChanged);
        camera.start();
        call->customerMedia->setMicrophoneOn(true);
        call->customerMedia->setCameraOn(true);

        QTest::qWait(8000); // the ladder converges
        link.resetStatistics();
        const VideoStream::Statistics sentBefore = customerVideo.statistics();
        const qint64 videoBytesBefore = sentBefore.encoder.bytesOut;
        const auto changesBefore = peerQualities.size();
        const auto decodedBefore = decoded.size();
        const std::size_t heardBefore = heard.samples().size();
        QElapsedTimer window;
        window.start();
        int maxQueued = 0;
        while (window.elapsed() < 8000) {
            QTest::qWait(100);
            maxQueued = std::max(maxQueued, link.queuedBytes(true));
        }
        const double seconds = double(window.elapsed()) / 1000;
        const double uplinkKbps = double(link.forwardedBytes(true)) * 8 / seconds / 1000;
        const std::vector<std::int16_t> all = heard.samples();
        const std::span<const std::int16_t> inWindow = std::span<const std::int16_t>(all).subspan(heardBefore);
        const std::vector<I420Frame> pictures(decoded.begin() + qsizetype(decodedBefore), decoded.end());
        TestPattern pattern(TestPattern::Kind::Moving);
        std::vector<double> psnr;
        for (const I420Frame &picture : pictures)
            psnr.push_back(psnrAgainstSource(pattern, picture));
        std::sort(psnr.begin(), psnr.end());
        const auto quality = call->customerMedia->quality();
        const AudioStream::Statistics playout = advisorAudio.statistics();
        const VideoStream::Statistics sent = customerVideo.statistics();
        // Where pictures went missing, if they did: the camera, the encoder's rate control, a busy
        // encoder (the machine), or the line.
        qInfo("in the window: camera gave %u pictures, the encoder dropped %u to hold its rate, %u were "
              "skipped while it was busy, %u encoded",
              sent.encoder.framesIn - sentBefore.encoder.framesIn,
              sent.encoder.framesDropped - sentBefore.encoder.framesDropped,
              sent.framesSkipped - sentBefore.framesSkipped,
              sent.encoder.framesEncoded - sentBefore.encoder.framesEncoded);
        qInfo("uplink %.0f kbit/s incl. TLS and framing (Opus %d bit/s, VP8 %.0f kbit/s; now %d kbit/s at level %d); "
              "link queue max %d bytes; audio: longest silence %d ms, 440 Hz %.1f dB above its neighbours, concealed "
              "%lld; video: %.1f fps, PSNR min %.1f dB; %d quality changes told to the advisor, %d in the window",
              uplinkKbps, customerAudio.statistics().bitrate,
              double(customerVideo.statistics().encoder.bytesOut - videoBytesBefore) * 8 / 1000 / seconds,
              quality.videoKbps, int(quality.level), maxQueued, longestSilenceMs(inWindow),
              media::testing::toneDominanceDb(inWindow, 440.0), playout.playout.concealed,
              double(pictures.size()) / seconds, psnr.empty() ? 0.0 : psnr.front(), int(peerQualities.size()),
              int(peerQualities.size() - changesBefore));
        // The whole call fits the line: the offered load is under it, with no standing queue (at
        // most a quarter of a second's worth waits), because the ladder stepped down and said so.
        QVERIFY2(uplinkKbps <= 500, qPrintable(QString::number(uplinkKbps)));
        QVERIFY2(maxQueued < 500'000 / 8 / 4, qPrintable(QString::number(maxQueued)));
        QVERIFY(quality.videoKbps < 700 || !quality.sendsVideo());
        QVERIFY(!peerQualities.isEmpty());
        // The voice is never interrupted; the picture keeps coming at a usable quality.
        QVERIFY(inWindow.size() >= std::size_t((seconds - 0.5) * kSampleRate));
        QVERIFY2(longestSilenceMs(inWindow) <= 20, qPrintable(QString::number(longestSilenceMs(inWindow))));
        QVERIFY(media::testing::toneDominanceDb(inWindow, 440.0) > 15.0);
        QVERIFY2(double(pictures.size()) / seconds >= 10.0, qPrintable(QString::number(pictures.size())));
        QVERIFY2(!psnr.empty() && psnr.front() >= 30.0, qPrintable(QString::number(psnr.empty() ? 0 : psnr.front())));
    }
};

CONSULT_TEST_MAIN_WITH_EPOLL(TestMediaEndToEnd)
#include "TestMediaEndToEnd.moc"
