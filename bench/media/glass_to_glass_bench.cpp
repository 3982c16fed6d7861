// glass_to_glass_bench: the delay from capture to playout through a consult-server process on
// loopback (target: video under 120 ms, audio under 80 ms). Not a test: prints figures.
//
// One video consultation with the whole engine on both sides (AudioStream, VideoStream, the
// MediaSession's window and bitrate control). The customer's camera is the test pattern, whose
// pictures carry their capture time in the pixels (FrameStamp): each picture the advisor decodes is
// read and its age taken. The customer's microphone is a 440 Hz tone in 200 ms bursts once a
// second: each burst's first frame is timed by its first sample, and the advisor's speaker reports
// when the burst's first sound, and then its full level, is due to play. Both sides run in this
// process on one monotonic
// clock; the server runs in its own.
//
// What is and is not in the figures: synthetic devices with a 10 ms period (ClockedSource,
// ClockedSink) stand in for the microphone and the speaker and hold one period each, as the
// smallest real buffers would. The Qt audio devices' default buffers (20 ms each way) would add the
// difference, printed as an estimate; a camera's and a display's own delay come on top.
#include "client/AdvisorClient.h"
#include "client/CustomerClient.h"
#include "client/MediaSession.h"
#include "core/Clock.h"
#include "media/audio/ClockedDevices.h"
#include "media/audio/LevelMeter.h"
#include "media/audio/QtAudioInput.h"
#include "media/audio/QtAudioOutput.h"
#include "media/audio/ToneSource.h"
#include "media/engine/AudioStream.h"
#include "media/engine/VideoStream.h"
#include "media/video/FrameStamp.h"
#include "media/video/TestPatternSource.h"
#include "support/BenchServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QMutex>

#include <array>
#include <cmath>
#include <cstdio>
#include <deque>

using namespace consult;
using namespace consult::bench;
using namespace consult::media;

namespace {

constexpr int kBurstOnMs = 200;
constexpr int kBurstOffMs = 800;

// The customer's microphone signal: a tone in bursts; remembers when each burst's first frame
// entered the engine (called on the audio thread by the clocked source).
class TimedBursts final : public SyntheticSource
{
public:
    explicit TimedBursts(QMutex &mutex, std::deque<qint64> &onsets)
        : m_mutex(mutex)
        , m_onsets(onsets)
    {
        m_tone.setBursts(kBurstOnMs, kBurstOffMs);
    }
    std::optional<AudioFrame> nextFrame() override
    {
        if (m_frame++ % ((kBurstOnMs + kBurstOffMs) / 10) == 0) {
            QMutexLocker lock(&m_mutex);
            m_onsets.push_back(SystemClock::instance().monotonicUs());
        }
        return m_tone.nextFrame();
    }

private:
    ToneSource m_tone{440.0, -12.0f};
    QMutex &m_mutex;
    std::deque<qint64> &m_onsets;
    qint64 m_frame = 0;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Glass-to-glass latency of audio and video through a server."));
    parser.addHelpOption();
    const QCommandLineOption durationOption(QStringLiteral("duration"), QStringLiteral("Measurement seconds."),
                                            QStringLiteral("s"), QStringLiteral("20"));
    const QCommandLineOption serverOption(QStringLiteral("server"), QStringLiteral("Path of consult-server."),
                                          QStringLiteral("path"), BenchServer::defaultBinary());
    const QCommandLineOption pkiOption(QStringLiteral("pki"), QStringLiteral("Test PKI directory."),
                                       QStringLiteral("dir"), BenchServer::defaultPki());
    parser.addOptions({durationOption, serverOption, pkiOption});
    parser.process(app);
    const int duration = parser.value(durationOption).toInt();

    BenchServer server;
    if (!server.start({parser.value(serverOption), QDir(parser.value(pkiOption)), 1, 1}))
        return 1;

    ClientConnection::Settings connectionSettings;
    connectionSettings.clientVersion = QStringLiteral("glass-to-glass-bench 1");
    AdvisorClient advisor(connectionSettings, SystemClock::instance());
    CustomerClient customer(connectionSettings, SystemClock::instance());
    advisor.loginWithPassword(server.endpoint(), BenchServer::advisorName(0), kAdvisorPassword);
    customer.start(server.endpoint());
    if (!waitFor([&] { return customer.phase() == CustomerClient::Phase::ReadingNotices; }, 10000))
        return 1;
    customer.login(QStringLiteral("Erika Mustermann"), QStringLiteral("0561 7001234"), wire::CONSULTATION_MODE_VIDEO);
    if (!waitFor([&] { return advisor.phase() == AdvisorClient::Phase::Ready; }, 10000))
        return 1;
    advisor.takeNext();
    if (!waitFor([&] { return customer.phase() == CustomerClient::Phase::Consulting; }, 10000)) {
        std::fprintf(stderr, "the consultation did not start\n");
        return 1;
    }
    const QString id = customer.consultationId();
    MediaSession customerMedia(customer.connection(), SystemClock::instance(), id, {});
    MediaSession advisorMedia(advisor.connection(), SystemClock::instance(), id, {});

    // Switches for finding where delay comes from (and where the attack comes from: echo
    // cancellation and noise suppression each hold a burst's first frame below full level).
    AudioProcessingSettings processing;
    processing.echoCancellation = !qEnvironmentVariableIsSet("G2G_NO_AEC");
    processing.noiseSuppression = !qEnvironmentVariableIsSet("G2G_NO_NS");
    processing.gainControl = !qEnvironmentVariableIsSet("G2G_NO_AGC");
    // Audio: bursts in on the customer's side, onsets detected at the advisor's speaker.
    QMutex mutex;
    std::deque<qint64> onsets;
    // Two onsets per burst at the speaker: the first sound (over -65 dBFS; the pauses play at
    // about -90) is the delay; full level (over -40 dBFS) comes later by the voice processing's
    // attack, which softens the first 10-20 ms of a burst after silence.
    struct Onset
    {
        double thresholdDbfs;
        std::vector<double> ms;
        bool wasQuiet = true;
    };
    std::array<Onset, 2> heard{Onset{-65.0, {}}, Onset{-40.0, {}}};
    bool measuring = false;
    AudioStream customerAudio(
        [&] { return std::make_unique<ClockedSource>(std::make_unique<TimedBursts>(mutex, onsets)); },
        [] { return std::make_unique<ClockedSink>(ClockedSink::Consumer{}); }, processing);
    AudioStream advisorAudio(
        [] { return std::make_unique<ClockedSource>(std::make_unique<ToneSource>(1000.0, -90.0f)); },
        [&](/* audio thread */) {
            return std::make_unique<ClockedSink>([&](const AudioFrame &frame, qint64 playUs) {
                const double level = LevelMeter::rmsDbfs(frame.samples);
                QMutexLocker lock(&mutex);
                // The newest burst that began before this frame is due to play.
                while (onsets.size() > 1 && onsets[1] <= playUs)
                    onsets.pop_front();
                for (Onset &onset : heard) {
                    const bool loud = level > onset.thresholdDbfs;
                    if (loud && onset.wasQuiet && !onsets.empty() && onsets.front() <= playUs && measuring)
                        onset.ms.push_back(double(playUs - onsets.front()) / 1000.0);
                    onset.wasQuiet = !loud;
                }
            });
        });
    if (Status started = customerAudio.start(); !started) {
        std::fprintf(stderr, "audio: %s\n", qPrintable(started.problem().message));
        return 1;
    }
    if (Status started = advisorAudio.start(); !started) {
        std::fprintf(stderr, "audio: %s\n", qPrintable(started.problem().message));
        return 1;
    }

    // Video: the test pattern at 25 fps; the decoded pictures' stamps give their age.
    TestPatternSource camera(TestPattern::Kind::Moving, 25);
    VideoStream customerVideo;
    VideoStream advisorVideo;
    std::vector<double> videoMs;
    QObject::connect(&advisorVideo, &VideoStream::frameDecoded, &advisorVideo, [&](const I420Frame &frame) {
        const std::optional<FrameStamp> stamp = FrameStamp::readFrom(frame);
        if (!stamp || !measuring)
            return;
        const auto nowMs = quint32(SystemClock::instance().monotonicUs() / 1000);
        videoMs.push_back(double(quint32(nowMs - stamp->timestampMs)));
    });
    if (Status started = customerVideo.start(&camera); !started) {
        std::fprintf(stderr, "video: %s\n", qPrintable(started.problem().message));
        return 1;
    }
    if (Status started = advisorVideo.start(nullptr); !started)
        return 1;

    customerMedia.setSource(&customerAudio);
    customerMedia.setSource(&customerVideo);
    advisorMedia.setSink(wire::MEDIA_KIND_AUDIO, &advisorAudio);
    advisorMedia.setSink(wire::MEDIA_KIND_VIDEO, &advisorVideo);
    std::vector<double> audioArrivalMs;
    QObject::connect(
        &advisorMedia.channel(), &MediaChannel::packetReceived, &advisorAudio, [&](const wire::MediaPacket &packet) {
            if (packet.kind() == wire::MEDIA_KIND_AUDIO && measuring)
                audioArrivalMs.push_back(double(SystemClock::instance().monotonicUs() - packet.capture_us()) / 1000.0);
        });
    camera.start();
    customerMedia.setMicrophoneOn(true);
    customerMedia.setCameraOn(true);

    waitFor([] { return false; }, 3000); // the first keyframe, the jitter buffer and the bitrate settle
    {
        QMutexLocker lock(&mutex);
        measuring = true;
    }
    const ProcessSample before = sampleProcess(server.processId());
    waitFor([] { return false; }, duration * 1000);
    const ProcessSample after = sampleProcess(server.processId());
    {
        QMutexLocker lock(&mutex);
        measuring = false;
    }
    const AudioStream::Statistics audio = advisorAudio.statistics();
    const VideoStream::Statistics video = customerVideo.statistics();
    advisorAudio.stop();
    customerAudio.stop();
    std::array<std::vector<double>, 2> audioMs;
    {
        QMutexLocker lock(&mutex);
        audioMs = {heard[0].ms, heard[1].ms};
    }

    // The clocked devices already hold one 10 ms period each; the Qt devices hold their buffers.
    const int deviceBuffersMs = QtAudioInput::kDefaultBufferMs + QtAudioOutput::kDefaultBufferMs - 20;
    std::printf("glass to glass through consult-server on loopback, %d s\n", duration);
    std::printf("video (capture stamp to decoded picture): p50=%.0f ms p99=%.0f ms n=%zu; %u encoded, %u "
                "keyframes, %.0f kbit/s target\n",
                percentile(videoMs, 0.5), percentile(videoMs, 0.99), videoMs.size(), video.encoder.framesEncoded,
                video.encoder.keyframes, double(video.targetKbps));
    std::printf("audio (burst onset in to first sound due at the speaker): p50=%.0f ms p99=%.0f ms n=%zu; "
                "with the Qt devices' buffers (+%d ms): p50=%.0f ms; full level after p50=%.0f ms\n",
                percentile(audioMs[0], 0.5), percentile(audioMs[0], 0.99), audioMs[0].size(), deviceBuffersMs,
                percentile(audioMs[0], 0.5) + deviceBuffersMs, percentile(audioMs[1], 0.5));
    std::printf("audio packets (first sample's capture to arrival at the advisor's session): p50=%.1f ms p99=%.1f "
                "ms\n",
                percentile(audioArrivalMs, 0.5), percentile(audioArrivalMs, 0.99));
    std::printf("audio playout: decoded %lld, concealed %lld, jitter buffer %d ms\n", audio.playout.decoded,
                audio.playout.concealed, audio.playout.bufferedMs);
    std::printf("server: cpu=%.1f%% of one core, rss=%.1f MiB\n",
                100.0 * (after.cpuSeconds - before.cpuSeconds) / duration, after.rssMiB);
    return 0;
}
