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
//
// --pulse puts the real Qt audio device path in (PulseAudioPath.h): the bench starts a private
// PulseAudio with null devices; a tone player (QtAudioOutput) plays the bursts into a null sink
// whose monitor is the customer's microphone (the engine's QtAudioInput), and the advisor's speaker
// is the engine's QtAudioOutput on a second null sink whose monitor a listener (QtAudioInput)
// records. Each burst is found three times: when the microphone delivers it to the engine, when the
// speaker takes it from the engine, and when the listener hears it. The glass-to-glass figure runs
// from the first to the last: the engine, the server, the speaker's device buffer and the null
// sink, and the listener's capture from the monitor, which stands for the microphone's own device
// buffer (the same kind of buffer, left out at the other end). The set-up's own loop (player ->
// null sink -> monitor -> listener, no network) is measured on both sinks before the call.
#include "AudioOnsets.h"
#include "PulseAudioPath.h"
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
#include "support/PrivatePulseAudio.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QMutex>

#include <array>
#include <cmath>
#include <cstdio>

using namespace consult;
using namespace consult::bench;
using namespace consult::media;

namespace {

qint64 systemUs()
{
    return SystemClock::instance().monotonicUs();
}

void printFigure(const char *what, std::vector<double> values)
{
    const double max = values.empty() ? 0 : *std::max_element(values.begin(), values.end());
    std::printf("%s: p50=%.1f ms p99=%.1f ms max=%.1f ms n=%zu\n", what, percentile(values, 0.5),
                percentile(values, 0.99), max, values.size());
}

// The --pulse devices as Qt lists them, and the loops without the network measured on them.
struct PulseDevices
{
    QAudioDevice room;
    QAudioDevice customerMicrophone;
    QAudioDevice advisorSpeaker;
    QAudioDevice advisorEar;
    LoopFigures roomLoop;
    LoopFigures speakerLoop;
};

std::optional<PulseDevices> preparePulse(PrivatePulseAudio &pulse, int loopSeconds)
{
    if (!pulse.start(PulseLayout::modules(), PulseLayout::devices())) {
        std::fprintf(stderr, "--pulse: the private PulseAudio did not start: %s\n", qPrintable(pulse.why()));
        return std::nullopt;
    }
    PulseDevices devices{PulseLayout::output(PulseLayout::room),
                         PulseLayout::input(PulseLayout::customerMicrophone),
                         PulseLayout::output(PulseLayout::advisorSpeaker),
                         PulseLayout::input(PulseLayout::advisorEar),
                         {},
                         {}};
    if (devices.room.isNull() || devices.customerMicrophone.isNull() || devices.advisorSpeaker.isNull() ||
        devices.advisorEar.isNull()) {
        std::fprintf(stderr, "--pulse: Qt Multimedia does not list the private PulseAudio's devices\n");
        return std::nullopt;
    }
    std::optional<LoopFigures> room = measureLoop(devices.room, devices.customerMicrophone, loopSeconds);
    std::optional<LoopFigures> speaker = measureLoop(devices.advisorSpeaker, devices.advisorEar, loopSeconds);
    if (!room || !speaker)
        return std::nullopt;
    devices.roomLoop = *room;
    devices.speakerLoop = *speaker;
    return devices;
}

void printPulseFigures(const PrivatePulseAudio &pulse, const PulseDevices &devices, const CallProbe &probe)
{
    std::printf("--pulse: %s, private daemon with null sinks; Qt device buffers granted: tone player %d ms, "
                "listeners %d ms (the customer's microphone and the advisor's speaker ask for %d and %d ms)\n",
                qPrintable(pulse.version()), probe.playerBufferMs(), probe.listenerBufferMs(),
                QtAudioInput::kDefaultBufferMs, QtAudioOutput::kDefaultBufferMs);
    std::vector<double> roomLoop = devices.roomLoop.ms;
    printFigure("loop without the network, before the call: tone player -> consult_room -> its monitor -> "
                "listener",
                roomLoop);
    printFigure("loop without the network, before the call: tone player -> consult_advisor_speaker -> its monitor "
                "-> listener",
                devices.speakerLoop.ms);
    std::printf("  of that, the tone player's buffer is %d ms: the sound server and the monitor's own capture add "
                "the rest (p50 %.1f ms)\n",
                devices.roomLoop.playerBufferMs, percentile(roomLoop, 0.5) - devices.roomLoop.playerBufferMs);
    const auto first = CallProbe::kFirstSound;
    const auto full = CallProbe::kFullLevel;
    printFigure("audio raw: burst taken by the tone player -> first sound heard on the advisor speaker's monitor",
                probe.atSpeaker().delaysMs(first));
    printFigure("  of that, the tone player -> the customer's microphone (the engine's QtAudioInput) delivers it",
                probe.atMicrophone().delaysMs(first));
    printFigure("  the same bursts heard by a second listener on the customer's microphone (see PulseAudioPath.h)",
                probe.atMicrophoneMonitor().delaysMs(first));
    printFigure("  the engine: the microphone delivers it -> the advisor's QtAudioOutput takes it",
                pairedDifferencesMs(probe.atSpeakerPull().heard(first), probe.atMicrophone().heard(first)));
    std::printf("  the engine's part burst by burst (ms):");
    for (double ms : pairedDifferencesMs(probe.atSpeakerPull().heard(first), probe.atMicrophone().heard(first)))
        std::printf(" %.0f", ms);
    std::printf("\n");
    printFigure(
        "  the speaker: its QtAudioOutput takes it -> heard on its monitor (buffer, null sink, monitor capture)",
        pairedDifferencesMs(probe.atSpeaker().heard(first), probe.atSpeakerPull().heard(first)));
    printFigure("AUDIO GLASS TO GLASS with device buffers (the microphone delivers it -> heard on the speaker's "
                "monitor, whose capture stands for the microphone's)",
                pairedDifferencesMs(probe.atSpeaker().heard(first), probe.atMicrophone().heard(first)));
    printFigure("  the same to full level (after the voice processing's attack)",
                pairedDifferencesMs(probe.atSpeaker().heard(full), probe.atMicrophone().heard(first)));
}

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
    const QCommandLineOption pulseOption(
        QStringLiteral("pulse"),
        QStringLiteral("The real Qt audio devices on a private PulseAudio with null devices (started here)."));
    const QCommandLineOption loopOption(QStringLiteral("loop-duration"),
                                        QStringLiteral("Seconds of each loop without the network (--pulse)."),
                                        QStringLiteral("s"), QStringLiteral("10"));
    parser.addOptions({durationOption, serverOption, pkiOption, pulseOption, loopOption});
    parser.process(app);
    const int duration = parser.value(durationOption).toInt();
    const bool pulse = parser.isSet(pulseOption);

    // Before anything of Qt Multimedia looks for devices: the private sound server, then the loops.
    PrivatePulseAudio pulseAudio;
    std::optional<PulseDevices> pulseDevices;
    if (pulse) {
        pulseDevices = preparePulse(pulseAudio, parser.value(loopOption).toInt());
        if (!pulseDevices)
            return 1;
    }
    // The Qt devices stamp their frames on the steady clock, the synthetic ones on SystemClock.
    const auto nowUs = pulse ? &steadyUs : &systemUs;

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
    OnsetLog onsets;
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
    // --pulse: the customer's microphone and the advisor's speaker are the Qt devices on the null
    // devices; the bursts come from the tone player and are found by the probe's listeners.
    std::unique_ptr<CallProbe> probe;
    AudioStream::InputFactory customerMicrophone = [&] {
        return std::make_unique<ClockedSource>(std::make_unique<TimedBursts>(onsets, &systemUs));
    };
    AudioStream::OutputFactory advisorSpeaker = [&](/* audio thread */) {
        return std::make_unique<ClockedSink>([&](const AudioFrame &frame, qint64 playUs) {
            const double level = LevelMeter::rmsDbfs(frame.samples);
            // The newest burst that began before this frame is due to play.
            const qint64 burst = onsets.burstBefore(playUs);
            QMutexLocker lock(&mutex);
            for (Onset &onset : heard) {
                const bool loud = level > onset.thresholdDbfs;
                if (loud && onset.wasQuiet && burst >= 0 && measuring)
                    onset.ms.push_back(double(playUs - burst) / 1000.0);
                onset.wasQuiet = !loud;
            }
        });
    };
    if (pulseDevices) {
        probe =
            std::make_unique<CallProbe>(pulseDevices->room, pulseDevices->customerMicrophone, pulseDevices->advisorEar);
        customerMicrophone = [&probe, device = pulseDevices->customerMicrophone] { return probe->microphone(device); };
        advisorSpeaker = [&probe, device = pulseDevices->advisorSpeaker] { return probe->speaker(device); };
    }
    AudioStream customerAudio(
        customerMicrophone, [] { return std::make_unique<ClockedSink>(ClockedSink::Consumer{}); }, processing);
    AudioStream advisorAudio(
        [] { return std::make_unique<ClockedSource>(std::make_unique<ToneSource>(1000.0, -90.0f)); }, advisorSpeaker);
    // The room plays before the microphone opens.
    if (probe && !probe->start())
        return 1;
    if (Status started = customerAudio.start(); !started) {
        std::fprintf(stderr, "audio: %s\n", qPrintable(started.problem().message));
        return 1;
    }
    if (Status started = advisorAudio.start(); !started) {
        std::fprintf(stderr, "audio: %s\n", qPrintable(started.problem().message));
        return 1;
    }
    // A stream runs with the device that opened; the figures need both ends.
    for (const Status *device : {&customerAudio.inputStatus(), &advisorAudio.outputStatus()}) {
        if (!*device) {
            std::fprintf(stderr, "audio device: %s\n", qPrintable(device->problem().message));
            return 1;
        }
    }
    // A device that stops on its own mid-run leaves a figure without that end: say so.
    QObject::connect(&customerAudio, &AudioStream::inputLost, &app, [](const QString &reason) {
        std::fprintf(stderr, "the customer's microphone stopped: %s\n", qPrintable(reason));
    });
    QObject::connect(&advisorAudio, &AudioStream::outputLost, &app, [](const QString &reason) {
        std::fprintf(stderr, "the advisor's speaker stopped: %s\n", qPrintable(reason));
    });

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
    QObject::connect(&advisorMedia.channel(), &MediaChannel::packetReceived, &advisorAudio,
                     [&](const wire::MediaPacket &packet) {
                         if (packet.kind() == wire::MEDIA_KIND_AUDIO && measuring)
                             audioArrivalMs.push_back(double(nowUs() - packet.capture_us()) / 1000.0);
                     });
    camera.start();
    customerMedia.setMicrophoneOn(true);
    customerMedia.setCameraOn(true);

    waitFor([] { return false; }, 3000); // the first keyframe, the jitter buffer and the bitrate settle
    {
        QMutexLocker lock(&mutex);
        measuring = true;
    }
    onsets.setMeasuring(true);
    if (probe)
        probe->setMeasuring(true);
    const ProcessSample before = sampleProcess(server.processId());
    waitFor([] { return false; }, duration * 1000);
    const ProcessSample after = sampleProcess(server.processId());
    {
        QMutexLocker lock(&mutex);
        measuring = false;
    }
    if (probe) {
        probe->setMeasuring(false);
        probe->stop();
    }
    const AudioStream::Statistics audio = advisorAudio.statistics();
    const AudioStream::Statistics sent = customerAudio.statistics();
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
    if (!probe) {
        std::printf("audio (burst onset in to first sound due at the speaker): p50=%.0f ms p99=%.0f ms n=%zu; "
                    "with the Qt devices' buffers (+%d ms): p50=%.0f ms; full level after p50=%.0f ms\n",
                    percentile(audioMs[0], 0.5), percentile(audioMs[0], 0.99), audioMs[0].size(), deviceBuffersMs,
                    percentile(audioMs[0], 0.5) + deviceBuffersMs, percentile(audioMs[1], 0.5));
    } else {
        printPulseFigures(pulseAudio, *pulseDevices, *probe);
    }
    std::printf("audio packets (first sample's capture to arrival at the advisor's session): p50=%.1f ms p99=%.1f "
                "ms\n",
                percentile(audioArrivalMs, 0.5), percentile(audioArrivalMs, 0.99));
    const JitterBuffer::Statistics &jitter = audio.playout.jitter;
    std::printf("audio playout: decoded %lld, concealed %lld, jitter buffer %d ms, dropped to catch up %lld in "
                "silence and %lld at once; sent %lld packets (%lld ms more than played or dropped: a speaker that "
                "took less than real time leaves that behind); echo path told to the cancellers: customer %d ms, "
                "advisor %d ms\n",
                audio.playout.decoded, audio.playout.concealed, audio.playout.bufferedMs, jitter.droppedInSilence,
                jitter.droppedForced, sent.packetsSent,
                (sent.packetsSent - audio.playout.decoded - audio.playout.concealed - jitter.droppedInSilence -
                 jitter.droppedForced) *
                    20,
                sent.streamDelayMs, audio.streamDelayMs);
    std::printf("server: cpu=%.1f%% of one core, rss=%.1f MiB\n",
                100.0 * (after.cpuSeconds - before.cpuSeconds) / duration, after.rssMiB);
    return 0;
}
