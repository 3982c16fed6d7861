#pragma once

#include "core/Clock.h"
#include "media/devices/MediaDevices.h"

#include <QMediaDevices>
#include <QTimer>

namespace consult::media {

// The machine's cameras, microphones and speakers through Qt Multimedia (headsets are just a
// microphone and a speaker). What the apps use. The lists and devicesChanged follow QMediaDevices;
// a chosen id that is gone falls back to the system's default device.
//
// Qt 6.4's PulseAudio backend updates its audio lists but never emits QMediaDevices'
// audioInputsChanged/audioOutputsChanged (fixed upstream only in a later Qt), so the audio lists are
// also compared every two seconds; devicesChanged fires once per real change either way.
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

    static constexpr int kPollIntervalMs = 2000;

private:
    // The ids of every device now; devicesChanged when they differ from the last look.
    void compare();
    QList<QByteArray> snapshot() const;

    const Clock &m_clock;
    QMediaDevices m_devices;
    QTimer m_poll;
    QList<QByteArray> m_known;
};

} // namespace consult::media
