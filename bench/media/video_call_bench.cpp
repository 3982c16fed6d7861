// video_call_bench: a whole video consultation through VideoCall, as the apps run it, against a
// consult-server process on loopback: 640x360 at 25 fps both ways, full voice processing (echo
// cancellation, noise suppression, gain control), synthetic devices. Not a test: prints figures.
//
// Two parts:
// 1. Glass to glass, both VideoCalls in this process on one clock: each picture the advisor
//    decodes is read for its capture stamp (FrameStamp) and aged; the customer's microphone plays a
//    tone in 200 ms bursts once a second, each burst's first frame is timed as it leaves the
//    synthetic microphone, and the advisor's synthetic speaker reports when the burst's first sound
//    is due to play. The synthetic devices hold one 10 ms period each way; real devices' buffers
//    and a camera's and a display's own delay come on top.
// 2. The customer client's cost: the customer runs in a child process of this program (its own
//    client, VideoCall and devices, nothing else), the advisor here; the child samples its own CPU
//    time and resident memory over the measurement and prints them.
#include "client/AdvisorClient.h"
#include "client/CustomerClient.h"
#include "client/call/VideoCall.h"
#include "core/Clock.h"
#include "media/audio/LevelMeter.h"
#include "media/devices/SyntheticMediaDevices.h"
#include "media/video/FrameStamp.h"
#include "support/BenchServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QMutex>

#include <cmath>
#include <cstdio>
#include <deque>

using namespace consult;
using namespace consult::bench;
using namespace consult::media;

namespace {

constexpr int kBurstOnMs = 200;
constexpr int kBurstOffMs = 800;
constexpr int kWarmUpMs = 3000; // the first keyframe, the jitter buffer and the bitrate settle

ClientConnection::Settings connectionSettings()
{
    ClientConnection::Settings settings;
    settings.clientVersion = QStringLiteral("video-call-bench 1");
    return settings;
}

// Logs the customer in for a video consultation; true once waiting.
bool logIn(CustomerClient &customer, const ServerEndpoint &endpoint)
{
    customer.start(endpoint);
    if (!waitFor([&] { return customer.phase() == CustomerClient::Phase::ReadingNotices; }, 10000))
        return false;
    customer.login(QStringLiteral("Erika Mustermann"), QStringLiteral("0561 7001234"), wire::CONSULTATION_MODE_VIDEO);
    return true;
}

// The child: the customer alone, measuring itself.
int runCustomer(const QString &url, const QString &pki, int duration)
{
    CustomerClient customer(connectionSettings(), SystemClock::instance());
    if (!logIn(customer, benchEndpoint(QUrl(url), pki)))
        return 1;
    if (!waitFor([&] { return customer.phase() == CustomerClient::Phase::Consulting; }, 20000)) {
        std::fprintf(stderr, "customer: the consultation did not start\n");
        return 1;
    }
    SyntheticMediaDevices devices;
    devices.setTone(440.0, -12.0f, kBurstOnMs, kBurstOffMs);
    VideoCall call(*customer.consultation(), devices, {});
    int pictures = 0;
    QObject::connect(&call, &VideoCall::remoteFrame, &call, [&pictures] { ++pictures; });
    call.start();
    waitFor([] { return false; }, kWarmUpMs);
    const qint64 pid = QCoreApplication::applicationPid();
    const ProcessSample before = sampleProcess(pid);
    const int picturesBefore = pictures;
    waitFor([] { return false; }, duration * 1000);
    const ProcessSample after = sampleProcess(pid);
    std::printf("customer client (VideoCall, own process): cpu=%.1f%% of one core, rss=%.1f MiB; %.1f pictures/s "
                "received; sending at %d kbit/s video\n",
                100.0 * (after.cpuSeconds - before.cpuSeconds) / duration, after.rssMiB,
                double(pictures - picturesBefore) / duration, call.session().quality().videoKbps);
    std::fflush(stdout);
    call.stop();
    return 0;
}

// Part 1: both sides here, latencies customer -> advisor.
void measureLatency(AdvisorClient &advisor, const ServerEndpoint &endpoint, int duration)
{
    CustomerClient customer(connectionSettings(), SystemClock::instance());
    if (!logIn(customer, endpoint))
        return;
    if (!waitFor([&] { return !advisor.queue()->rowCount() == 0; }, 10000))
        return;
    advisor.takeNext();
    if (!waitFor([&] { return customer.phase() == CustomerClient::Phase::Consulting; }, 10000)) {
        std::fprintf(stderr, "the consultation did not start\n");
        return;
    }
    Consultation *atAdvisor = advisor.findConsultation(customer.consultationId());

    QMutex mutex;
    std::deque<qint64> onsets; // when bursts left the customer's microphone
    std::vector<double> audioMs;
    bool measuring = false;
    bool wasQuiet = true;
    bool micWasQuiet = true;
    SyntheticMediaDevices customerDevices;
    customerDevices.setTone(440.0, -12.0f, kBurstOnMs, kBurstOffMs);
    customerDevices.setMicrophoneObserver([&](const AudioFrame &frame) {
        const bool loud = LevelMeter::rmsDbfs(frame.samples) > -40.0;
        QMutexLocker lock(&mutex);
        if (loud && micWasQuiet)
            onsets.push_back(frame.captureUs);
        micWasQuiet = !loud;
    });
    SyntheticMediaDevices advisorDevices;
    advisorDevices.setTone(1000.0, -90.0f); // the advisor keeps quiet
    advisorDevices.setSpeakerConsumer([&](const AudioFrame &frame, qint64 playUs) {
        // The first sound of a burst (over -65 dBFS; the pauses play at about -90).
        const bool loud = LevelMeter::rmsDbfs(frame.samples) > -65.0;
        QMutexLocker lock(&mutex);
        while (onsets.size() > 1 && onsets[1] <= playUs)
            onsets.pop_front();
        if (loud && wasQuiet && !onsets.empty() && onsets.front() <= playUs && measuring)
            audioMs.push_back(double(playUs - onsets.front()) / 1000.0);
        wasQuiet = !loud;
    });

    VideoCall customerCall(*customer.consultation(), customerDevices, {});
    VideoCall advisorCall(*atAdvisor, advisorDevices, {});
    std::vector<double> videoMs;
    QObject::connect(&advisorCall, &VideoCall::remoteFrame, &advisorCall, [&](const I420Frame &frame) {
        const std::optional<FrameStamp> stamp = FrameStamp::readFrom(frame);
        if (!stamp || !measuring)
            return;
        const auto nowMs = quint32(SystemClock::instance().monotonicUs() / 1000);
        videoMs.push_back(double(quint32(nowMs - stamp->timestampMs)));
    });
    customerCall.start();
    advisorCall.start();
    waitFor([] { return false; }, kWarmUpMs);
    {
        QMutexLocker lock(&mutex);
        measuring = true;
    }
    waitFor([] { return false; }, duration * 1000);
    {
        QMutexLocker lock(&mutex);
        measuring = false;
    }
    customerCall.stop();
    advisorCall.stop();
    std::vector<double> audio;
    {
        QMutexLocker lock(&mutex);
        audio = audioMs;
    }
    std::printf("glass to glass through VideoCall and consult-server on loopback, %d s, synthetic devices\n", duration);
    std::printf("video (capture stamp to decoded picture at the advisor): p50=%.0f ms p99=%.0f ms n=%zu\n",
                percentile(videoMs, 0.5), percentile(videoMs, 0.99), videoMs.size());
    std::printf("audio (burst leaves the microphone to first sound due at the speaker): p50=%.0f ms p99=%.0f ms "
                "n=%zu\n",
                percentile(audio, 0.5), percentile(audio, 0.99), audio.size());
    customer.consultation()->end();
    waitFor([&] { return customer.consultation()->isEnded(); }, 5000);
}

// Part 2: the customer in a child process, the advisor here.
void measureCustomer(AdvisorClient &advisor, const BenchServer &server, const QString &pki, int duration)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--customer"), server.endpoint().url.toString(), QStringLiteral("--pki"), pki,
                 QStringLiteral("--duration"), QString::number(duration)});
    if (!waitFor([&] { return !advisor.queue()->rowCount() == 0; }, 20000)) {
        std::fprintf(stderr, "the customer process did not log in\n");
        return;
    }
    QString id;
    const QMetaObject::Connection started = QObject::connect(
        &advisor, &AdvisorClient::consultationStarted, [&id](const QString &consultationId) { id = consultationId; });
    advisor.takeNext();
    const bool taken = waitFor([&] { return !id.isEmpty(); }, 10000);
    QObject::disconnect(started);
    if (!taken)
        return;
    Consultation *atAdvisor = advisor.findConsultation(id);
    SyntheticMediaDevices devices;
    devices.setTone(1000.0, -12.0f, kBurstOnMs, kBurstOffMs);
    VideoCall call(*atAdvisor, devices, {});
    call.start();
    waitFor([&] { return child.state() == QProcess::NotRunning; }, (duration + 30) * 1000);
    std::printf("%s", child.readAllStandardOutput().constData());
    call.stop();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A video consultation through VideoCall: latency and cost."));
    parser.addHelpOption();
    const QCommandLineOption durationOption(QStringLiteral("duration"), QStringLiteral("Measurement seconds."),
                                            QStringLiteral("s"), QStringLiteral("20"));
    const QCommandLineOption serverOption(QStringLiteral("server"), QStringLiteral("Path of consult-server."),
                                          QStringLiteral("path"), BenchServer::defaultBinary());
    const QCommandLineOption pkiOption(QStringLiteral("pki"), QStringLiteral("Test PKI directory."),
                                       QStringLiteral("dir"), BenchServer::defaultPki());
    const QCommandLineOption customerOption(QStringLiteral("customer"),
                                            QStringLiteral("Internal: run the customer side against this URL."),
                                            QStringLiteral("url"));
    parser.addOptions({durationOption, serverOption, pkiOption, customerOption});
    parser.process(app);
    const int duration = parser.value(durationOption).toInt();
    if (parser.isSet(customerOption))
        return runCustomer(parser.value(customerOption), parser.value(pkiOption), duration);

    BenchServer server;
    if (!server.start({parser.value(serverOption), QDir(parser.value(pkiOption)), 1, 2}))
        return 1;
    AdvisorClient advisor(connectionSettings(), SystemClock::instance());
    advisor.loginWithPassword(server.endpoint(), BenchServer::advisorName(0), kAdvisorPassword);
    if (!waitFor([&] { return advisor.phase() == AdvisorClient::Phase::Ready; }, 10000))
        return 1;
    measureLatency(advisor, server.endpoint(), duration);
    measureCustomer(advisor, server, parser.value(pkiOption), duration);
    return 0;
}
