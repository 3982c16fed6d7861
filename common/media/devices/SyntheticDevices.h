#pragma once

#include "core/Clock.h"
#include "media/audio/ClockedDevices.h"
#include "media/video/TestPatternSource.h"

#include <QMutex>
#include <QObject>

#include <atomic>
#include <memory>

namespace consult::media {

// Which kind of device a knob of SyntheticMediaDevices is about.
enum class SyntheticDeviceKind
{
    Camera,
    Microphone,
    Speaker,
};

// What the synthetic devices share with the SyntheticMediaDevices that made them: the test's knobs,
// read on the audio thread while the test turns them in the GUI thread (hence atomics; the consumer
// and the tone behind a mutex). Shared ownership: a device may outlive its maker by a turn.
struct SyntheticDeviceState
{
    static int index(SyntheticDeviceKind kind) { return int(kind); }

    std::atomic<bool> present[3] = {true, true, true};
    std::atomic<bool> refuses[3] = {false, false, false};
    std::atomic<int> open[3] = {0, 0, 0};
    std::atomic<bool> microphoneSilent = false;
    std::atomic<bool> cameraDeliversNothing = false;

    QMutex mutex;
    ClockedSink::Consumer speakerConsumer; // under mutex; called on the audio thread
    double toneHz = 440.0;                 // under mutex
    float tonePeakDbfs = -12.0f;           // under mutex
};

// The synthetic microphone: a tone (or silence) paced by ClockedSource like a device with a 10 ms
// period. Reports a failure and goes quiet when the test unplugs it. Lives on the audio thread.
class SyntheticMicrophone final : public AudioSource
{
public:
    SyntheticMicrophone(std::shared_ptr<SyntheticDeviceState> state, const Clock &clock);
    ~SyntheticMicrophone() override;

    Status start() override;
    void stop() override;
    int latencyMs() const override { return 10; }

private:
    void onFrame(const AudioFrame &frame);

    std::shared_ptr<SyntheticDeviceState> m_state;
    const Clock &m_clock;
    std::unique_ptr<ClockedSource> m_device;
    bool m_running = false;
};

// The synthetic speaker: pulls 10 ms frames like a device (ClockedSink) and hands each to the
// test's consumer, if one is set. Reports a failure when the test unplugs it. Lives on the audio thread.
class SyntheticSpeaker final : public AudioSink
{
public:
    SyntheticSpeaker(std::shared_ptr<SyntheticDeviceState> state, const Clock &clock);
    ~SyntheticSpeaker() override;

    Status start() override;
    void stop() override;
    int latencyMs() const override { return 10; }

private:
    AudioFrame pull();

    std::shared_ptr<SyntheticDeviceState> m_state;
    const Clock &m_clock;
    std::unique_ptr<ClockedSink> m_device;
    bool m_running = false;
};

// The synthetic camera: the moving test pattern at 25 fps, each picture stamped with its frame
// counter (FrameStamp), so a test reads the counter off the decoded picture. Can be told to open but
// deliver nothing, to refuse, or to vanish (unplug()). Lives in the GUI thread, as a camera does.
class SyntheticCamera final : public VideoSource
{
    Q_OBJECT
public:
    SyntheticCamera(std::shared_ptr<SyntheticDeviceState> state, const Clock &clock, QObject *parent = nullptr);
    ~SyntheticCamera() override;

    void start() override;
    void stop() override;
    // The camera vanished: a running camera fails, as an unplugged one does.
    void unplug();

private:
    void close();

    std::shared_ptr<SyntheticDeviceState> m_state;
    TestPatternSource m_pattern;
    bool m_open = false;
};

} // namespace consult::media
