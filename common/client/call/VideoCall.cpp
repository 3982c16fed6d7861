#include "client/call/VideoCall.h"

#include "client/consultation/Consultation.h"
#include "media/engine/AudioStream.h"
#include "media/engine/VideoStream.h"
#include "media/video/VideoSource.h"

#include <QTimer>

namespace consult {

using media::VideoSource;

struct VideoCall::Private
{
    QPointer<Consultation> consultation;
    QPointer<MediaSession> session;
    media::MediaDevices &devices;
    Options options;

    std::unique_ptr<VideoSource> camera;
    std::unique_ptr<media::VideoStream> video;
    std::unique_ptr<media::AudioStream> audio;
    QTimer cameraWatchdog;
    bool cameraDelivered = false; // a picture arrived since the camera was (re)started

    DeviceState states[3] = {DeviceState::Off, DeviceState::Off, DeviceState::Off}; // until start()
    QString problems[3];
    bool running = false;
    bool peerVideoShown = true;
    bool audioByPhone = false;
    bool peerCameraOn = false;
    bool peerMicrophoneOn = false;
    bool peerAudioByPhone = false;
    wire::QualityLevel peerQuality = wire::QUALITY_LEVEL_FULL;

    Private(Consultation &c, media::MediaDevices &d, Options o)
        : consultation(&c)
        , devices(d)
        , options(std::move(o))
    {}
};

namespace {

int slot(VideoCall::Device device)
{
    return int(device);
}

bool isTrouble(VideoCall::DeviceState state)
{
    return state == VideoCall::DeviceState::Missing || state == VideoCall::DeviceState::Failed ||
           state == VideoCall::DeviceState::Lost;
}

} // namespace

VideoCall::VideoCall(Consultation &consultation, media::MediaDevices &devices, Options options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(consultation, devices, std::move(options)))
{
    d->session = &consultation.startMedia(d->options.media);
    MediaSession *session = d->session;
    connect(session, &MediaSession::peerMediaStateChanged, this,
            [this](bool microphoneOn, bool cameraOn, bool byPhone) {
                d->peerMicrophoneOn = microphoneOn;
                d->peerCameraOn = cameraOn;
                d->peerAudioByPhone = byPhone;
                Q_EMIT peerMediaStateChanged(microphoneOn, cameraOn, byPhone);
            });
    connect(session, &MediaSession::qualityChanged, this,
            [this](wire::QualityLevel level, int) { Q_EMIT qualityChanged(level); });
    connect(session, &MediaSession::peerQualityChanged, this, [this](wire::QualityLevel level, int) {
        d->peerQuality = level;
        Q_EMIT peerQualityChanged(level);
    });
    connect(&consultation, &Consultation::ended, this, &VideoCall::stop);
    connect(&devices, &media::MediaDevices::devicesChanged, this, &VideoCall::onDevicesChanged);
    d->cameraWatchdog.setSingleShot(true);
    connect(&d->cameraWatchdog, &QTimer::timeout, this, [this] {
        if (d->cameraDelivered || !d->camera)
            return;
        // Opened, but nothing comes: as good as no camera, and said so rather than shown black.
        d->camera->stop();
        setState(Device::Camera, DeviceState::Failed, QStringLiteral("The camera delivers no pictures."));
        applySwitches();
    });
}

VideoCall::~VideoCall()
{
    stop();
}

void VideoCall::start()
{
    if (d->running || !d->session || !d->consultation || d->consultation->isEnded())
        return;
    d->running = true;

    d->video = std::make_unique<media::VideoStream>();
    d->video->setDecoding(d->peerVideoShown);
    connect(d->video.get(), &media::VideoStream::frameDecoded, this, [this](const media::I420Frame &frame) {
        // A picture still on its way when the peer switched the camera off (video travels behind
        // the MediaState that says so) is not shown under "camera off".
        if (d->peerVideoShown && d->peerCameraOn)
            Q_EMIT remoteFrame(frame);
    });
    if (Status started = d->video->start(nullptr); !started) {
        // No codec: no pictures either way; the sound goes on.
        d->video.reset();
        setState(Device::Camera, DeviceState::Failed, started.problem().message);
    } else {
        d->session->setSource(d->video.get());
        d->session->setSink(wire::MEDIA_KIND_VIDEO, d->video.get());
        openCamera();
    }
    if (!d->audioByPhone)
        openAudio();
    applySwitches();
}

void VideoCall::stop()
{
    if (!d->running)
        return;
    d->running = false;
    d->cameraWatchdog.stop();
    if (d->session) {
        if (d->consultation && !d->consultation->isEnded()) { // the peer sees the devices go off
            d->session->setCameraOn(false);
            d->session->setMicrophoneOn(false);
        }
        d->session->clearSource(wire::MEDIA_KIND_VIDEO);
        d->session->clearSource(wire::MEDIA_KIND_AUDIO);
        d->session->setSink(wire::MEDIA_KIND_VIDEO, nullptr);
        d->session->setSink(wire::MEDIA_KIND_AUDIO, nullptr);
    }
    closeCamera();
    if (d->video)
        d->video->stop();
    d->video.reset();
    closeAudio();
}

bool VideoCall::isRunning() const
{
    return d->running;
}

void VideoCall::setCameraOn(bool on)
{
    if (d->options.cameraOn == on)
        return;
    d->options.cameraOn = on;
    if (!d->running)
        return;
    if (on && !d->camera)
        openCamera(); // a retry after Missing, Failed or Lost
    else if (d->camera && !on) {
        d->cameraWatchdog.stop();
        d->camera->stop(); // the camera's light goes out
        setState(Device::Camera, DeviceState::Off);
    } else if (d->camera && on) {
        startCamera();
    }
    applySwitches();
}

void VideoCall::setMicrophoneOn(bool on)
{
    if (d->options.microphoneOn == on)
        return;
    d->options.microphoneOn = on;
    if (d->running && !isTrouble(state(Device::Microphone)))
        setState(Device::Microphone, on ? DeviceState::On : DeviceState::Off);
    applySwitches();
}

void VideoCall::setPeerVideoShown(bool shown)
{
    d->peerVideoShown = shown;
    if (d->video)
        d->video->setDecoding(shown); // hidden: not decoded either; shown again: a keyframe is asked for
}

bool VideoCall::peerVideoShown() const
{
    return d->peerVideoShown;
}

void VideoCall::setDevices(const media::DeviceChoice &devices)
{
    const media::DeviceChoice before = d->options.devices;
    d->options.devices = devices;
    if (!d->running)
        return;
    if (devices.camera != before.camera && d->video) {
        closeCamera();
        openCamera();
    }
    if ((devices.microphone != before.microphone || devices.speaker != before.speaker) && !d->audioByPhone) {
        closeAudio();
        openAudio();
    }
    applySwitches();
}

const media::DeviceChoice &VideoCall::devices() const
{
    return d->options.devices;
}

void VideoCall::setAudioByPhone(bool byPhone)
{
    if (d->audioByPhone == byPhone)
        return;
    d->audioByPhone = byPhone;
    if (d->session)
        d->session->setAudioByPhone(byPhone);
    if (d->running) {
        // The telephone carries the voice: microphone and speakers stay closed meanwhile.
        if (byPhone) {
            closeAudio();
            for (Device device : {Device::Microphone, Device::Speaker})
                if (!isTrouble(state(device)))
                    setState(device, DeviceState::Off);
        } else {
            openAudio();
        }
    }
    applySwitches();
}

bool VideoCall::audioByPhone() const
{
    return d->audioByPhone;
}

VideoCall::DeviceState VideoCall::state(Device device) const
{
    return d->states[slot(device)];
}

bool VideoCall::audioUnavailable() const
{
    return isTrouble(state(Device::Microphone)) && isTrouble(state(Device::Speaker));
}

QString VideoCall::problem(Device device) const
{
    return d->problems[slot(device)];
}

bool VideoCall::peerCameraOn() const
{
    return d->peerCameraOn;
}

bool VideoCall::peerMicrophoneOn() const
{
    return d->peerMicrophoneOn;
}

bool VideoCall::peerAudioByPhone() const
{
    return d->peerAudioByPhone;
}

wire::QualityLevel VideoCall::quality() const
{
    return d->session ? d->session->quality().level : wire::QUALITY_LEVEL_UNSPECIFIED;
}

wire::QualityLevel VideoCall::peerQuality() const
{
    return d->peerQuality;
}

MediaSession &VideoCall::session() const
{
    return *d->session;
}

media::AudioStream *VideoCall::audio() const
{
    return d->audio.get();
}

media::VideoStream *VideoCall::video() const
{
    return d->video.get();
}

// --- Devices ------------------------------------------------------------------------------------

void VideoCall::onDevicesChanged()
{
    if (!d->running)
        return;
    // Only when the machine has such a device now: a loss stays a loss, not "missing".
    const auto retry = [this](Device device, bool listed) {
        const DeviceState current = state(device);
        return listed && (current == DeviceState::Missing || current == DeviceState::Lost);
    };
    if (d->options.cameraOn && d->video && retry(Device::Camera, !d->devices.cameras().isEmpty())) {
        closeCamera();
        openCamera();
    }
    if (!d->audioByPhone && (retry(Device::Microphone, !d->devices.microphones().isEmpty()) ||
                             retry(Device::Speaker, !d->devices.speakers().isEmpty()))) {
        closeAudio();
        openAudio();
    }
    applySwitches();
}

void VideoCall::openCamera()
{
    d->camera = d->devices.makeCamera(d->options.devices.camera);
    if (!d->camera) {
        setState(Device::Camera, DeviceState::Missing, QStringLiteral("There is no camera."));
        return;
    }
    VideoSource *camera = d->camera.get();
    // Queued to this (GUI) thread: a real camera delivers on a backend thread.
    connect(camera, &VideoSource::frameCaptured, this, [this, camera](const media::I420Frame &frame) {
        if (camera != d->camera.get() || !d->options.cameraOn)
            return;
        d->cameraDelivered = true;
        if (state(Device::Camera) != DeviceState::On) { // a slow camera after all
            setState(Device::Camera, DeviceState::On);
            applySwitches();
        }
        Q_EMIT localFrame(frame);
    });
    connect(camera, &VideoSource::statusChanged, this, [this, camera](VideoSource::Status status) {
        if (camera == d->camera.get())
            onCameraStatus(status);
    });
    if (d->video)
        d->video->setCaptureSource(camera);
    if (d->options.cameraOn)
        startCamera();
    else
        setState(Device::Camera, DeviceState::Off);
}

void VideoCall::startCamera()
{
    d->cameraDelivered = false;
    d->camera->start();
    if (d->camera->status() == VideoSource::Status::Capturing || d->camera->status() == VideoSource::Status::Starting)
        d->cameraWatchdog.start(d->options.cameraTimeoutMs);
    onCameraStatus(d->camera->status());
}

void VideoCall::closeCamera()
{
    d->cameraWatchdog.stop();
    if (d->video)
        d->video->setCaptureSource(nullptr);
    if (d->camera) {
        d->camera->disconnect(this);
        d->camera->stop();
    }
    d->camera.reset();
}

void VideoCall::onCameraStatus(VideoSource::Status status)
{
    switch (status) {
    case VideoSource::Status::Off:
        if (!d->options.cameraOn)
            setState(Device::Camera, DeviceState::Off);
        break;
    case VideoSource::Status::Starting:
    case VideoSource::Status::Capturing:
        setState(Device::Camera, DeviceState::On);
        break;
    case VideoSource::Status::NoCamera:
        d->cameraWatchdog.stop();
        if (d->cameraDelivered)
            setState(Device::Camera, DeviceState::Lost, QStringLiteral("The camera was unplugged."));
        else
            setState(Device::Camera, DeviceState::Missing, QStringLiteral("There is no camera."));
        break;
    case VideoSource::Status::Failed:
        d->cameraWatchdog.stop();
        // It ran and then stopped: lost (unplugged); it never ran: it refused.
        setState(Device::Camera, d->cameraDelivered ? DeviceState::Lost : DeviceState::Failed,
                 d->camera->errorString());
        break;
    }
    applySwitches();
}

void VideoCall::openAudio()
{
    auto microphone = d->devices.microphone(d->options.devices.microphone);
    auto speaker = d->devices.speaker(d->options.devices.speaker);
    if (!microphone)
        setState(Device::Microphone, DeviceState::Missing, QStringLiteral("There is no microphone."));
    if (!speaker)
        setState(Device::Speaker, DeviceState::Missing, QStringLiteral("There is no speaker."));
    if (!microphone && !speaker)
        return; // the customer may talk over the telephone instead (setAudioByPhone)

    auto audio = std::make_unique<media::AudioStream>(microphone, speaker, d->options.audio);
    const Status started = audio->start(); // waits briefly for the audio thread (docs/THREADING.md)
    const auto report = [this](Device device, const Status &status) {
        if (status)
            setState(device,
                     device == Device::Microphone && !d->options.microphoneOn ? DeviceState::Off : DeviceState::On);
        else if (status.problem().code == QStringLiteral("no_device"))
            setState(device, DeviceState::Missing, status.problem().message);
        else
            setState(device, DeviceState::Failed, status.problem().message);
    };
    if (microphone)
        report(Device::Microphone, audio->inputStatus());
    if (speaker)
        report(Device::Speaker, audio->outputStatus());
    if (!started)
        return;
    connect(audio.get(), &media::AudioStream::levelMeasured, this,
            [this](float rmsDbfs, float) { Q_EMIT microphoneLevel(rmsDbfs); });
    // Queued from the audio thread: a report may arrive after this stream was replaced (setDevices).
    media::AudioStream *stream = audio.get();
    connect(stream, &media::AudioStream::inputLost, this, [this, stream](const QString &reason) {
        if (stream != d->audio.get())
            return;
        setState(Device::Microphone, DeviceState::Lost, reason);
        applySwitches();
    });
    connect(stream, &media::AudioStream::outputLost, this, [this, stream](const QString &reason) {
        if (stream == d->audio.get())
            setState(Device::Speaker, DeviceState::Lost, reason);
    });
    d->audio = std::move(audio);
    d->session->setSource(d->audio.get());
    d->session->setSink(wire::MEDIA_KIND_AUDIO, d->audio.get());
}

void VideoCall::closeAudio()
{
    if (!d->audio)
        return;
    if (d->session) {
        d->session->clearSource(wire::MEDIA_KIND_AUDIO);
        d->session->setSink(wire::MEDIA_KIND_AUDIO, nullptr);
    }
    d->audio->disconnect(this);
    d->audio->stop();
    d->audio.reset();
}

void VideoCall::applySwitches()
{
    if (!d->session)
        return;
    // The peer is told (and the relay forwards) only what really goes out.
    const bool cameraWorks = d->running && d->camera && d->video && state(Device::Camera) == DeviceState::On;
    const bool microphoneWorks = d->running && d->audio && !d->audioByPhone && !isTrouble(state(Device::Microphone));
    d->session->setCameraOn(cameraWorks && d->options.cameraOn);
    d->session->setMicrophoneOn(microphoneWorks && d->options.microphoneOn);
}

void VideoCall::setState(Device device, DeviceState state, const QString &problem)
{
    const int index = slot(device);
    d->problems[index] = isTrouble(state) ? problem : QString();
    if (d->states[index] == state)
        return;
    d->states[index] = state;
    Q_EMIT deviceStateChanged(device, state);
}

} // namespace consult
