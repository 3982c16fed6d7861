#include "media/devices/SyntheticMediaDevices.h"

namespace consult::media {

const QByteArray SyntheticMediaDevices::kCameraId = QByteArrayLiteral("synthetic-camera");
const QByteArray SyntheticMediaDevices::kMicrophoneId = QByteArrayLiteral("synthetic-microphone");
const QByteArray SyntheticMediaDevices::kSpeakerId = QByteArrayLiteral("synthetic-speaker");

namespace {

int index(SyntheticDeviceKind kind)
{
    return SyntheticDeviceState::index(kind);
}

} // namespace

SyntheticMediaDevices::SyntheticMediaDevices(const Clock &clock, QObject *parent)
    : MediaDevices(parent)
    , m_clock(clock)
    , m_state(std::make_shared<SyntheticDeviceState>())
{}

SyntheticMediaDevices::~SyntheticMediaDevices() = default;

QList<DeviceInfo> SyntheticMediaDevices::cameras() const
{
    if (!isPresent(Kind::Camera))
        return {};
    return {{kCameraId, QStringLiteral("Synthetic camera (test pattern)"), true}};
}

QList<DeviceInfo> SyntheticMediaDevices::microphones() const
{
    if (!isPresent(Kind::Microphone))
        return {};
    return {{kMicrophoneId, QStringLiteral("Synthetic microphone (tone)"), true}};
}

QList<DeviceInfo> SyntheticMediaDevices::speakers() const
{
    if (!isPresent(Kind::Speaker))
        return {};
    return {{kSpeakerId, QStringLiteral("Synthetic speaker"), true}};
}

std::unique_ptr<VideoSource> SyntheticMediaDevices::makeCamera(const QByteArray &)
{
    // One camera: any id names it (an id from another machine falls back to the default).
    if (!isPresent(Kind::Camera))
        return nullptr;
    auto camera = std::make_unique<SyntheticCamera>(m_state, m_clock);
    m_cameras.removeAll(nullptr);
    m_cameras.append(camera.get());
    return camera;
}

std::function<std::unique_ptr<AudioSource>()> SyntheticMediaDevices::microphone(const QByteArray &)
{
    if (!isPresent(Kind::Microphone))
        return {};
    return [state = m_state, clock = &m_clock]() -> std::unique_ptr<AudioSource> {
        return std::make_unique<SyntheticMicrophone>(state, *clock);
    };
}

std::function<std::unique_ptr<AudioSink>()> SyntheticMediaDevices::speaker(const QByteArray &)
{
    if (!isPresent(Kind::Speaker))
        return {};
    return [state = m_state, clock = &m_clock]() -> std::unique_ptr<AudioSink> {
        return std::make_unique<SyntheticSpeaker>(state, *clock);
    };
}

void SyntheticMediaDevices::setPresent(Kind kind, bool present)
{
    if (m_state->present[index(kind)].exchange(present) != present)
        Q_EMIT devicesChanged();
}

bool SyntheticMediaDevices::isPresent(Kind kind) const
{
    return m_state->present[index(kind)];
}

void SyntheticMediaDevices::setRefusesToOpen(Kind kind, bool refuses)
{
    m_state->refuses[index(kind)] = refuses;
}

void SyntheticMediaDevices::setCameraDeliversNothing(bool nothing)
{
    m_state->cameraDeliversNothing = nothing;
}

void SyntheticMediaDevices::setMicrophoneSilent(bool silent)
{
    m_state->microphoneSilent = silent;
}

void SyntheticMediaDevices::setTone(double frequencyHz, float peakDbfs)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->toneHz = frequencyHz;
    m_state->tonePeakDbfs = peakDbfs;
}

void SyntheticMediaDevices::setSpeakerConsumer(ClockedSink::Consumer consumer)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->speakerConsumer = std::move(consumer);
}

void SyntheticMediaDevices::unplug(Kind kind)
{
    // The audio devices notice on their next 10 ms tick (on the audio thread); the camera at once.
    m_state->present[index(kind)] = false;
    if (kind == Kind::Camera) {
        for (const QPointer<SyntheticCamera> &camera : std::as_const(m_cameras))
            if (camera)
                camera->unplug();
    }
    Q_EMIT devicesChanged();
}

int SyntheticMediaDevices::openCount(Kind kind) const
{
    return m_state->open[index(kind)];
}

} // namespace consult::media
