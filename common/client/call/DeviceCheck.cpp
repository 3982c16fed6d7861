#include "client/call/DeviceCheck.h"

#include "core/Clock.h"
#include "media/audio/LevelMeter.h"
#include "media/audio/ToneSource.h"
#include "media/video/VideoSource.h"

#include <QMetaObject>
#include <QThread>
#include <QTimer>

#include <optional>

namespace consult {

namespace {

using wire::CheckOutcome;

int index(DeviceCheck::Line line)
{
    return int(line);
}

// How often the check looks at its deadlines (on the injected clock) and how many microphone frames
// make one level reading (5 x 10 ms: 20 readings a second, as the call's meter).
constexpr int kTickMs = 50;
constexpr int kFramesPerReading = 5;

} // namespace

// What runs on the audio thread: the microphone with its meter, and the speaker playing the tone.
// Made, run and destroyed there; the GUI thread reaches it only through queued calls.
struct AudioSide
{
    std::unique_ptr<media::AudioSource> microphone;
    std::unique_ptr<media::AudioSink> speaker;
    media::LevelMeter meter;
    float loudestDbfs = media::LevelMeter::kFloorDbfs;
    int framesInReading = 0;
    std::unique_ptr<media::ToneSource> tone;
    int toneFramesLeft = 0;
};

struct DeviceCheck::Private
{
    media::MediaDevices &devices;
    const Clock &clock;
    Settings settings;

    CheckOutcome outcomes[3] = {wire::CHECK_OUTCOME_UNSPECIFIED, wire::CHECK_OUTCOME_UNSPECIFIED,
                                wire::CHECK_OUTCOME_UNSPECIFIED};
    QString problems[3];
    std::unique_ptr<media::VideoSource> camera;
    std::function<std::unique_ptr<media::AudioSink>()> speaker;
    qint64 cameraDeadlineUs = -1;
    qint64 microphoneDeadlineUs = -1;
    qint64 toneEndUs = -1;
    quint64 generation = 0; // results of an earlier start() arriving late are dropped
    QTimer tick;

    QThread audioThread;
    QObject *audioContext = nullptr; // lives on audioThread while it runs
    AudioSide audio;                 // touched on audioThread only

    Private(media::MediaDevices &d, const Clock &c, Settings s)
        : devices(d)
        , clock(c)
        , settings(s)
    {
        audioThread.setObjectName(QStringLiteral("check-audio"));
    }
};

DeviceCheck::DeviceCheck(media::MediaDevices &devices, const Clock &clock, Settings settings, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(devices, clock, settings))
{
    d->tick.setInterval(kTickMs);
    connect(&d->tick, &QTimer::timeout, this, &DeviceCheck::checkDeadlines);
}

DeviceCheck::~DeviceCheck()
{
    stop();
}

void DeviceCheck::start(const media::DeviceChoice &choice)
{
    stop();
    ++d->generation;
    for (int line = 0; line < 3; ++line) {
        d->outcomes[line] = wire::CHECK_OUTCOME_UNSPECIFIED;
        d->problems[line].clear();
    }
    const qint64 now = d->clock.monotonicUs();
    d->tick.start();

    // Camera: pictures within the timeout.
    d->camera = d->devices.makeCamera(choice.camera);
    if (!d->camera) {
        decide(Line::Camera, wire::CHECK_OUTCOME_MISSING, QStringLiteral("There is no camera."));
    } else {
        media::VideoSource *camera = d->camera.get();
        // Queued to this thread: a real camera delivers on a backend thread.
        connect(camera, &media::VideoSource::frameCaptured, this, [this](const media::I420Frame &frame) {
            if (!d->camera)
                return;
            if (outcome(Line::Camera) == wire::CHECK_OUTCOME_UNSPECIFIED)
                decide(Line::Camera, wire::CHECK_OUTCOME_PASSED);
            Q_EMIT cameraFrame(frame);
        });
        connect(camera, &media::VideoSource::statusChanged, this, [this, camera](media::VideoSource::Status status) {
            if (outcome(Line::Camera) != wire::CHECK_OUTCOME_UNSPECIFIED)
                return;
            if (status == media::VideoSource::Status::NoCamera)
                decide(Line::Camera, wire::CHECK_OUTCOME_MISSING, QStringLiteral("There is no camera."));
            else if (status == media::VideoSource::Status::Failed)
                decide(Line::Camera, wire::CHECK_OUTCOME_FAILED, camera->errorString());
        });
        d->cameraDeadlineUs = now + qint64(d->settings.cameraTimeoutMs) * 1000;
        camera->start();
    }

    // Speaker: decided by the customer after the tone.
    d->speaker = d->devices.speaker(choice.speaker);
    if (!d->speaker)
        decide(Line::Speaker, wire::CHECK_OUTCOME_MISSING, QStringLiteral("There is no speaker."));

    // Microphone: speech-level input within the timeout, measured on the raw device frames.
    auto microphone = d->devices.microphone(choice.microphone);
    if (!microphone) {
        decide(Line::Microphone, wire::CHECK_OUTCOME_MISSING, QStringLiteral("There is no microphone."));
        return;
    }
    d->microphoneDeadlineUs = now + qint64(d->settings.microphoneTimeoutMs) * 1000;
    startAudioThread();
    const quint64 generation = d->generation;
    QMetaObject::invokeMethod(
        d->audioContext,
        [this, microphone, generation] {
            AudioSide &audio = d->audio;
            audio.microphone = microphone();
            audio.microphone->setFrameHandler([this, generation](const media::AudioFrame &frame) {
                AudioSide &side = d->audio;
                const float level = side.meter.measure(frame.samples).rmsDbfs;
                side.loudestDbfs = std::max(side.loudestDbfs, side.meter.lastFrame().rmsDbfs);
                if (++side.framesInReading < kFramesPerReading)
                    return;
                side.framesInReading = 0;
                const float loudest = side.loudestDbfs;
                side.loudestDbfs = media::LevelMeter::kFloorDbfs;
                QMetaObject::invokeMethod(
                    this, [this, generation, level, loudest] { onMicrophoneLevel(generation, level, loudest); },
                    Qt::QueuedConnection);
            });
            const Status started = audio.microphone->start();
            if (!started) {
                audio.microphone.reset();
                QMetaObject::invokeMethod(
                    this,
                    [this, generation, started] {
                        if (generation == d->generation)
                            decide(Line::Microphone,
                                   started.problem().code == QStringLiteral("no_device") ? wire::CHECK_OUTCOME_MISSING
                                                                                         : wire::CHECK_OUTCOME_FAILED,
                                   started.problem().message);
                    },
                    Qt::QueuedConnection);
            }
        },
        Qt::QueuedConnection);
}

void DeviceCheck::stop()
{
    d->tick.stop();
    d->cameraDeadlineUs = d->microphoneDeadlineUs = d->toneEndUs = -1;
    if (d->camera) {
        d->camera->disconnect(this);
        d->camera->stop();
        d->camera.reset();
    }
    stopAudioThread();
}

void DeviceCheck::playTestTone()
{
    if (!d->speaker || d->toneEndUs >= 0)
        return;
    startAudioThread();
    d->tick.start();
    d->toneEndUs = d->clock.monotonicUs() + qint64(d->settings.toneMs) * 1000;
    const quint64 generation = d->generation;
    const int frames = std::max(1, d->settings.toneMs / 10);
    QMetaObject::invokeMethod(
        d->audioContext,
        [this, speaker = d->speaker, generation, frames] {
            AudioSide &audio = d->audio;
            if (audio.speaker)
                audio.speaker->stop();
            // A friendly beep: 660 Hz at -12 dBFS, half a second on, a tenth off.
            audio.tone = std::make_unique<media::ToneSource>(660.0, -12.0f);
            audio.tone->setBursts(500, 100);
            audio.toneFramesLeft = frames;
            audio.speaker = speaker();
            audio.speaker->setFrameProvider([this]() -> media::AudioFrame {
                AudioSide &side = d->audio;
                if (side.toneFramesLeft <= 0 || !side.tone)
                    return {};
                --side.toneFramesLeft;
                return side.tone->nextFrame().value_or(media::AudioFrame{});
            });
            const Status started = audio.speaker->start();
            if (!started) {
                audio.speaker.reset();
                QMetaObject::invokeMethod(
                    this,
                    [this, generation, started] {
                        if (generation != d->generation)
                            return;
                        d->toneEndUs = -1;
                        decide(Line::Speaker,
                               started.problem().code == QStringLiteral("no_device") ? wire::CHECK_OUTCOME_MISSING
                                                                                     : wire::CHECK_OUTCOME_FAILED,
                               started.problem().message);
                        Q_EMIT testToneFinished();
                    },
                    Qt::QueuedConnection);
            }
        },
        Qt::QueuedConnection);
}

void DeviceCheck::confirmSpeaker(bool heard)
{
    if (!d->speaker)
        return; // Missing stays Missing
    decide(Line::Speaker, heard ? wire::CHECK_OUTCOME_PASSED : wire::CHECK_OUTCOME_FAILED,
           heard ? QString() : QStringLiteral("The test tone was not heard."));
}

wire::CheckOutcome DeviceCheck::outcome(Line line) const
{
    return d->outcomes[index(line)];
}

QString DeviceCheck::problem(Line line) const
{
    return d->problems[index(line)];
}

void DeviceCheck::decide(Line line, wire::CheckOutcome outcome, const QString &problem)
{
    const int i = index(line);
    d->problems[i] = outcome == wire::CHECK_OUTCOME_PASSED ? QString() : problem;
    if (d->outcomes[i] == outcome)
        return;
    d->outcomes[i] = outcome;
    if (line == Line::Camera)
        d->cameraDeadlineUs = -1;
    if (line == Line::Microphone)
        d->microphoneDeadlineUs = -1;
    Q_EMIT outcomeChanged(line, outcome);
}

void DeviceCheck::onMicrophoneLevel(quint64 generation, float smoothedDbfs, float loudestDbfs)
{
    if (generation != d->generation)
        return;
    Q_EMIT microphoneLevel(smoothedDbfs);
    if (loudestDbfs >= d->settings.speechLevelDbfs && outcome(Line::Microphone) != wire::CHECK_OUTCOME_PASSED)
        decide(Line::Microphone, wire::CHECK_OUTCOME_PASSED);
}

void DeviceCheck::checkDeadlines()
{
    const qint64 now = d->clock.monotonicUs();
    if (d->cameraDeadlineUs >= 0 && now >= d->cameraDeadlineUs &&
        outcome(Line::Camera) == wire::CHECK_OUTCOME_UNSPECIFIED)
        decide(Line::Camera, wire::CHECK_OUTCOME_FAILED, QStringLiteral("The camera delivers no pictures."));
    if (d->microphoneDeadlineUs >= 0 && now >= d->microphoneDeadlineUs &&
        outcome(Line::Microphone) == wire::CHECK_OUTCOME_UNSPECIFIED)
        decide(Line::Microphone, wire::CHECK_OUTCOME_FAILED, QStringLiteral("No sound reached the microphone."));
    if (d->toneEndUs >= 0 && now >= d->toneEndUs) {
        d->toneEndUs = -1;
        if (d->audioContext)
            QMetaObject::invokeMethod(
                d->audioContext,
                [this] {
                    if (d->audio.speaker)
                        d->audio.speaker->stop();
                    d->audio.speaker.reset();
                },
                Qt::QueuedConnection);
        Q_EMIT testToneFinished();
    }
}

void DeviceCheck::startAudioThread()
{
    if (d->audioContext)
        return;
    d->audioContext = new QObject;
    d->audioContext->moveToThread(&d->audioThread);
    d->audioThread.start(QThread::TimeCriticalPriority);
}

void DeviceCheck::stopAudioThread()
{
    if (!d->audioContext)
        return;
    // The devices go on the thread they were made on; a brief wait, as AudioStream::stop().
    QMetaObject::invokeMethod(
        d->audioContext,
        [this] {
            AudioSide &audio = d->audio;
            if (audio.microphone)
                audio.microphone->stop();
            if (audio.speaker)
                audio.speaker->stop();
            audio = AudioSide{};
        },
        Qt::BlockingQueuedConnection);
    d->audioThread.quit();
    d->audioThread.wait();
    delete d->audioContext;
    d->audioContext = nullptr;
}

} // namespace consult
