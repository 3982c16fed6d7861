#include "media/devices/SyntheticDevices.h"

#include "media/audio/ToneSource.h"

namespace consult::media {

namespace {

constexpr int kMicrophone = int(SyntheticDeviceKind::Microphone);
constexpr int kSpeaker = int(SyntheticDeviceKind::Speaker);
constexpr int kCamera = int(SyntheticDeviceKind::Camera);

Status refusal(const SyntheticDeviceState &state, int kind, const QString &name)
{
    if (!state.present[kind])
        return Status::failure(QStringLiteral("no_device"), QStringLiteral("There is no %1.").arg(name));
    if (state.refuses[kind])
        return Status::failure(QStringLiteral("device_error"), QStringLiteral("The %1 could not be opened.").arg(name));
    return success();
}

} // namespace

SyntheticMicrophone::SyntheticMicrophone(std::shared_ptr<SyntheticDeviceState> state, const Clock &clock)
    : m_state(std::move(state))
    , m_clock(clock)
{}

SyntheticMicrophone::~SyntheticMicrophone()
{
    stop();
}

Status SyntheticMicrophone::start()
{
    if (m_running)
        return success();
    if (Status refused = refusal(*m_state, kMicrophone, QStringLiteral("synthetic microphone")); !refused)
        return refused;
    double hz = 0;
    float peak = 0;
    {
        QMutexLocker lock(&m_state->mutex);
        hz = m_state->toneHz;
        peak = m_state->tonePeakDbfs;
    }
    m_device = std::make_unique<ClockedSource>(std::make_unique<ToneSource>(hz, peak), m_clock);
    m_device->setFrameHandler([this](const AudioFrame &frame) { onFrame(frame); });
    if (Status started = m_device->start(); !started) {
        m_device.reset();
        return started;
    }
    m_running = true;
    ++m_state->open[kMicrophone];
    return success();
}

void SyntheticMicrophone::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_device->stop();
    --m_state->open[kMicrophone];
}

void SyntheticMicrophone::onFrame(const AudioFrame &frame)
{
    if (!m_running)
        return;
    if (!m_state->present[kMicrophone]) {
        stop(); // the timer stops inside its own tick; the device object stays until we go
        reportFailure(QStringLiteral("The synthetic microphone was unplugged."));
        return;
    }
    if (!m_state->microphoneSilent) {
        deliver(frame);
        return;
    }
    AudioFrame silent = frame;
    silent.samples.fill(0);
    deliver(silent);
}

SyntheticSpeaker::SyntheticSpeaker(std::shared_ptr<SyntheticDeviceState> state, const Clock &clock)
    : m_state(std::move(state))
    , m_clock(clock)
{}

SyntheticSpeaker::~SyntheticSpeaker()
{
    stop();
}

Status SyntheticSpeaker::start()
{
    if (m_running)
        return success();
    if (Status refused = refusal(*m_state, kSpeaker, QStringLiteral("synthetic speaker")); !refused)
        return refused;
    std::shared_ptr<SyntheticDeviceState> state = m_state;
    m_device = std::make_unique<ClockedSink>(
        [state](const AudioFrame &frame, qint64 playUs) {
            QMutexLocker lock(&state->mutex);
            if (state->speakerConsumer)
                state->speakerConsumer(frame, playUs);
        },
        m_clock);
    m_device->setFrameProvider([this] { return pull(); });
    if (Status started = m_device->start(); !started) {
        m_device.reset();
        return started;
    }
    m_running = true;
    ++m_state->open[kSpeaker];
    return success();
}

void SyntheticSpeaker::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_device->stop();
    --m_state->open[kSpeaker];
}

AudioFrame SyntheticSpeaker::pull()
{
    if (m_running && !m_state->present[kSpeaker]) {
        stop();
        reportFailure(QStringLiteral("The synthetic speaker was unplugged."));
    }
    return m_running ? nextFrame() : AudioFrame{};
}

SyntheticCamera::SyntheticCamera(std::shared_ptr<SyntheticDeviceState> state, const Clock &clock, QObject *parent)
    : VideoSource(parent)
    , m_state(std::move(state))
    , m_pattern(TestPattern::Kind::Moving, 25, clock)
{
    connect(&m_pattern, &VideoSource::frameCaptured, this, [this](const I420Frame &frame) {
        if (!m_state->cameraDeliversNothing)
            Q_EMIT frameCaptured(frame);
    });
}

SyntheticCamera::~SyntheticCamera()
{
    close();
}

void SyntheticCamera::start()
{
    if (m_open)
        return;
    if (!m_state->present[kCamera]) {
        setStatus(Status::NoCamera);
        return;
    }
    if (m_state->refuses[kCamera]) {
        setStatus(Status::Failed, QStringLiteral("The synthetic camera could not be opened."));
        return;
    }
    m_open = true;
    ++m_state->open[kCamera];
    m_pattern.start();
    setStatus(Status::Capturing);
}

void SyntheticCamera::stop()
{
    close();
    setStatus(Status::Off);
}

void SyntheticCamera::unplug()
{
    if (!m_open)
        return;
    close();
    setStatus(Status::Failed, QStringLiteral("The synthetic camera was unplugged."));
}

void SyntheticCamera::close()
{
    if (!m_open)
        return;
    m_open = false;
    m_pattern.stop();
    --m_state->open[kCamera];
}

} // namespace consult::media
