#pragma once

#include "core/Clock.h"
#include "media/audio/ClockedDevices.h"
#include "media/devices/MediaDevices.h"
#include "media/devices/SyntheticDevices.h"

#include <QPointer>

#include <memory>

namespace consult::media {

// Synthetic devices behind the MediaDevices interface, for tests, headless runs and benchmarks: one
// camera (the moving test pattern, frame counter stamped into each picture), one microphone (a
// tone, paced in real time) and one speaker (paced in real time, each played frame handed to an
// optional consumer). The knobs make the troubles a real machine has: a device that is not there,
// one that refuses to open, a camera that opens but delivers nothing, a silent microphone, and
// unplug(), which makes a running device vanish mid-call.
//
// Threads: lives in the GUI thread (the test's); the knobs are turned there. The audio devices it
// makes run on the engine's audio thread and read the knobs as they go; the speaker's consumer is
// called there.
class SyntheticMediaDevices final : public MediaDevices
{
    Q_OBJECT
public:
    using Kind = SyntheticDeviceKind;

    static const QByteArray kCameraId;
    static const QByteArray kMicrophoneId;
    static const QByteArray kSpeakerId;

    explicit SyntheticMediaDevices(const Clock &clock = SystemClock::instance(), QObject *parent = nullptr);
    ~SyntheticMediaDevices() override;

    QList<DeviceInfo> cameras() const override;
    QList<DeviceInfo> microphones() const override;
    QList<DeviceInfo> speakers() const override;

    std::unique_ptr<VideoSource> makeCamera(const QByteArray &id) override;
    std::function<std::unique_ptr<AudioSource>()> microphone(const QByteArray &id) override;
    std::function<std::unique_ptr<AudioSink>()> speaker(const QByteArray &id) override;

    // --- Knobs -----------------------------------------------------------------------------------
    // Whether the machine has this device (devicesChanged when it changes).
    void setPresent(Kind kind, bool present);
    bool isPresent(Kind kind) const;
    // The device is listed but refuses to open (busy, access denied).
    void setRefusesToOpen(Kind kind, bool refuses);
    // The camera opens but no picture ever arrives.
    void setCameraDeliversNothing(bool nothing);
    // The microphone delivers digital silence.
    void setMicrophoneSilent(bool silent);
    // The microphone's tone, for devices made from now on.
    void setTone(double frequencyHz, float peakDbfs);
    // Receives every frame a speaker plays, with the time it starts to play; called on the audio
    // thread (lock what it shares with the test). Empty: the speaker plays to nobody.
    void setSpeakerConsumer(ClockedSink::Consumer consumer);
    // The device vanishes now, mid-call: a running one stops and reports its failure, the lists
    // lose it, devicesChanged fires.
    void unplug(Kind kind);

    // How many devices of this kind are open right now (a test proves that a call closed them).
    int openCount(Kind kind) const;

private:
    const Clock &m_clock;
    std::shared_ptr<SyntheticDeviceState> m_state;
    QList<QPointer<SyntheticCamera>> m_cameras; // made by makeCamera, to unplug
};

} // namespace consult::media
