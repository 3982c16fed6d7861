#include "media/devices/QtMediaDevices.h"

#include "media/audio/QtAudioInput.h"
#include "media/audio/QtAudioOutput.h"
#include "media/video/CameraSource.h"

#include <QAudioDevice>
#include <QCameraDevice>

namespace consult::media {

namespace {

template <typename Device>
QList<DeviceInfo> describe(const QList<Device> &devices)
{
    QList<DeviceInfo> infos;
    for (const Device &device : devices)
        infos.append({device.id(), device.description(), device.isDefault()});
    return infos;
}

// The device with this id; the default one when the id is empty or gone; null when there is none.
template <typename Device>
Device choose(const QList<Device> &devices, const Device &defaultDevice, const QByteArray &id)
{
    if (devices.isEmpty())
        return {};
    if (!id.isEmpty())
        for (const Device &device : devices)
            if (device.id() == id)
                return device;
    return defaultDevice.isNull() ? devices.first() : defaultDevice;
}

} // namespace

QtMediaDevices::QtMediaDevices(const Clock &clock, QObject *parent)
    : MediaDevices(parent)
    , m_clock(clock)
{
    connect(&m_devices, &QMediaDevices::videoInputsChanged, this, &MediaDevices::devicesChanged);
    connect(&m_devices, &QMediaDevices::audioInputsChanged, this, &MediaDevices::devicesChanged);
    connect(&m_devices, &QMediaDevices::audioOutputsChanged, this, &MediaDevices::devicesChanged);
}

QList<DeviceInfo> QtMediaDevices::cameras() const
{
    return describe(QMediaDevices::videoInputs());
}

QList<DeviceInfo> QtMediaDevices::microphones() const
{
    return describe(QMediaDevices::audioInputs());
}

QList<DeviceInfo> QtMediaDevices::speakers() const
{
    return describe(QMediaDevices::audioOutputs());
}

std::unique_ptr<VideoSource> QtMediaDevices::makeCamera(const QByteArray &id)
{
    const QCameraDevice device = choose(QMediaDevices::videoInputs(), QMediaDevices::defaultVideoInput(), id);
    if (device.isNull())
        return nullptr;
    // An empty id keeps CameraSource's own default-camera behaviour (it follows the default).
    return id.isEmpty() ? std::make_unique<CameraSource>(m_clock) : std::make_unique<CameraSource>(device, m_clock);
}

std::function<std::unique_ptr<AudioSource>()> QtMediaDevices::microphone(const QByteArray &id)
{
    const QAudioDevice device = choose(QMediaDevices::audioInputs(), QMediaDevices::defaultAudioInput(), id);
    if (device.isNull())
        return {};
    return [device]() -> std::unique_ptr<AudioSource> { return std::make_unique<QtAudioInput>(device); };
}

std::function<std::unique_ptr<AudioSink>()> QtMediaDevices::speaker(const QByteArray &id)
{
    const QAudioDevice device = choose(QMediaDevices::audioOutputs(), QMediaDevices::defaultAudioOutput(), id);
    if (device.isNull())
        return {};
    return [device]() -> std::unique_ptr<AudioSink> { return std::make_unique<QtAudioOutput>(device); };
}

} // namespace consult::media
