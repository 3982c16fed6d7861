#pragma once

#include "core/Clock.h"
#include "media/devices/MediaDevices.h"

#include <QMediaDevices>

namespace consult::media {

// The machine's cameras, microphones and speakers through Qt Multimedia (headsets are just a
// microphone and a speaker). What the apps use. The lists and devicesChanged follow QMediaDevices;
// a chosen id that is gone falls back to the system's default device.
//
// Threads: lives in the GUI thread. The audio factories carry the QAudioDevice chosen here, so the
// audio thread that calls them never asks Qt Multimedia for its lists.
class QtMediaDevices final : public MediaDevices
{
    Q_OBJECT
public:
    explicit QtMediaDevices(const Clock &clock = SystemClock::instance(), QObject *parent = nullptr);

    QList<DeviceInfo> cameras() const override;
    QList<DeviceInfo> microphones() const override;
    QList<DeviceInfo> speakers() const override;

    std::unique_ptr<VideoSource> makeCamera(const QByteArray &id) override;
    std::function<std::unique_ptr<AudioSource>()> microphone(const QByteArray &id) override;
    std::function<std::unique_ptr<AudioSink>()> speaker(const QByteArray &id) override;

private:
    const Clock &m_clock;
    QMediaDevices m_devices;
};

} // namespace consult::media
