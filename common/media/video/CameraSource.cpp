#include "media/video/CameraSource.h"

#include "media/video/FrameConverter.h"
#include "media/video/VideoScaler.h"

#include <QCamera>
#include <QCameraDevice>
#include <QCameraFormat>
#include <QVideoFrame>

#include <tuple>

namespace consult::media {

CameraSource::CameraSource(const Clock &clock, QObject *parent)
    : VideoSource(parent)
    , m_clock(clock)
{
    m_session.setVideoSink(&m_sink);
    // Direct: the copy happens in whichever thread the backend delivers in (see the header).
    connect(&m_sink, &QVideoSink::videoFrameChanged, this, &CameraSource::copyFrame, Qt::DirectConnection);
    connect(&m_devices, &QMediaDevices::videoInputsChanged, this, &CameraSource::onVideoInputsChanged);
}

CameraSource::CameraSource(const QCameraDevice &device, const Clock &clock, QObject *parent)
    : CameraSource(clock, parent)
{
    m_chosen = device;
}

CameraSource::~CameraSource()
{
    m_delivering = false;
    disconnect(&m_sink, nullptr, this, nullptr);
    if (m_camera) {
        m_camera->disconnect(this);
        m_session.setCamera(nullptr);
    }
}

void CameraSource::start()
{
    m_wanted = true;
    if (!m_camera)
        openCamera();
}

void CameraSource::stop()
{
    m_wanted = false;
    closeCamera();
    setStatus(Status::Off);
}

int CameraSource::preferredMode(const QList<Mode> &modes)
{
    // Smaller is better in every part of the key.
    const auto key = [](const Mode &mode) {
        const QSize size = mode.resolution;
        const bool tooSmall = size.width() < kVideoWidth || size.height() < kVideoHeight;
        const bool tooSlow = mode.maxFrameRate < 25.0f;
        const bool otherShape = qint64(size.width()) * kVideoHeight != qint64(size.height()) * kVideoWidth;
        const qint64 area = qint64(size.width()) * size.height();
        return std::make_tuple(tooSlow, tooSmall, otherShape, tooSmall ? -area : area);
    };
    int best = -1;
    for (int i = 0; i < modes.size(); ++i) {
        if (canConvertToI420(modes[i].pixelFormat) && (best < 0 || key(modes[i]) < key(modes[best])))
            best = i;
    }
    return best;
}

void CameraSource::openCamera()
{
    const QList<QCameraDevice> inputs = QMediaDevices::videoInputs();
    if (inputs.isEmpty()) {
        setStatus(Status::NoCamera);
        return;
    }
    QCameraDevice device =
        m_chosen.isNull() || !inputs.contains(m_chosen) ? QMediaDevices::defaultVideoInput() : m_chosen;
    if (device.isNull())
        device = inputs.first();
    m_openDevice = device;
    m_camera = std::make_unique<QCamera>(device);
    const QList<QCameraFormat> formats = device.videoFormats();
    QList<Mode> modes;
    for (const QCameraFormat &format : formats)
        modes.append({format.pixelFormat(), format.resolution(), format.maxFrameRate()});
    if (const int chosen = preferredMode(modes); chosen >= 0)
        m_camera->setCameraFormat(formats[chosen]);
    connect(m_camera.get(), &QCamera::activeChanged, this, &CameraSource::onCameraActiveChanged);
    connect(m_camera.get(), &QCamera::errorOccurred, this, [this](QCamera::Error, const QString &message) {
        closeCamera();
        setStatus(Status::Failed, message);
    });
    m_session.setCamera(m_camera.get());
    setStatus(Status::Starting);
    m_unconvertibleReported = false;
    m_delivering = true;
    m_camera->start();
}

void CameraSource::closeCamera()
{
    m_delivering = false;
    if (!m_camera)
        return;
    m_camera->disconnect(this);
    m_camera->stop();
    m_session.setCamera(nullptr);
    // Deleted later: this may run inside one of the camera's own signals (errorOccurred).
    m_camera.release()->deleteLater();
}

void CameraSource::onVideoInputsChanged()
{
    if (!m_wanted)
        return;
    const QList<QCameraDevice> inputs = QMediaDevices::videoInputs();
    if (inputs.isEmpty()) {
        closeCamera();
        setStatus(Status::NoCamera);
    } else if (m_camera && !m_chosen.isNull() && !inputs.contains(m_openDevice)) {
        // The chosen camera went while others stay: lost, not silently replaced by another one.
        const QString name = m_openDevice.description();
        closeCamera();
        setStatus(Status::Failed, QStringLiteral("The camera \"%1\" was unplugged.").arg(name));
    } else if (!m_camera) {
        openCamera();
    }
}

void CameraSource::onCameraActiveChanged(bool active)
{
    if (active)
        setStatus(Status::Capturing);
    else if (m_wanted)
        setStatus(Status::Failed, QStringLiteral("the camera stopped"));
}

void CameraSource::copyFrame(const QVideoFrame &frame)
{
    if (!m_delivering || !frame.isValid())
        return;
    // The arrival time stands for the capture time: device buffering is outside what we measure.
    const qint64 arrivedUs = m_clock.monotonicUs();
    std::optional<I420Frame> converted = convertToI420(frame);
    if (!converted) {
        // Say so once instead of showing a camera that is on but sends nothing.
        if (!m_unconvertibleReported.exchange(true)) {
            const QString format = QVideoFrameFormat::pixelFormatToString(frame.pixelFormat());
            const auto fail = [this, format] {
                if (!m_camera)
                    return; // switched off meanwhile
                closeCamera();
                setStatus(Status::Failed,
                          QStringLiteral("the camera delivers %1 frames, which we cannot convert").arg(format));
            };
            QMetaObject::invokeMethod(this, fail, Qt::QueuedConnection);
        }
        return;
    }
    I420Frame scaled = scaleI420(*converted);
    scaled.captureUs = arrivedUs;
    scaled.frameNumber = m_nextFrameNumber++;
    Q_EMIT frameCaptured(scaled);
}

} // namespace consult::media
