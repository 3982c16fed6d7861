#pragma once

#include "media/MediaFrames.h"
#include "media/devices/MediaDevices.h"
#include "protocol/consult.pb.h"

#include <QObject>
#include <QString>

#include <memory>

namespace consult {

class Clock;

// The device lines of the customer's system check (seed 001 step 2), run with the chosen devices:
// - camera: passes when pictures arrive within a few seconds (preview frames are emitted for the
//   live preview); no camera is Missing, which is no failure for the consultation; a camera that
//   opens but delivers nothing is Failed, found here and not in the call;
// - microphone: a live level (microphoneLevel); passes once speech-level input is seen;
// - speaker: playTestTone() plays a short tone on the chosen speaker; passes when the customer
//   confirms hearing it (confirmSpeaker(true)), fails when they say they did not.
// A line that has not decided yet reads CHECK_OUTCOME_UNSPECIFIED. Restart with start() after the
// choice changed. Owned by the system check's view; lives in the GUI thread; audio runs on its own
// thread and nothing here blocks.
class DeviceCheck final : public QObject
{
    Q_OBJECT
public:
    enum class Line
    {
        Camera,
        Microphone,
        Speaker,
    };
    Q_ENUM(Line)

    struct Settings
    {
        int cameraTimeoutMs = 4000;     // no picture by then: Failed
        int microphoneTimeoutMs = 8000; // no speech-level input by then: Failed (the user may retry)
        float speechLevelDbfs = -45.0f; // RMS after the device, before any processing
        int toneMs = 1500;
    };

    DeviceCheck(media::MediaDevices &devices, const Clock &clock, Settings settings, QObject *parent = nullptr);
    DeviceCheck(media::MediaDevices &devices, const Clock &clock, QObject *parent = nullptr)
        : DeviceCheck(devices, clock, Settings{}, parent)
    {}
    ~DeviceCheck() override;

    void start(const media::DeviceChoice &choice);
    // Closes the devices (leaving the check, or starting the call with them).
    void stop();
    void playTestTone();
    void confirmSpeaker(bool heard);

    wire::CheckOutcome outcome(Line line) const;
    // Why a line is Missing or Failed, in English for logs.
    QString problem(Line line) const;

Q_SIGNALS:
    void cameraFrame(const consult::media::I420Frame &frame);
    void microphoneLevel(float rmsDbfs);
    void outcomeChanged(consult::DeviceCheck::Line line, consult::wire::CheckOutcome outcome);
    void testToneFinished();

private:
    void decide(Line line, wire::CheckOutcome outcome, const QString &problem = {});
    void onMicrophoneLevel(quint64 generation, float smoothedDbfs, float loudestDbfs);
    void checkDeadlines();
    void startAudioThread();
    void stopAudioThread();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace consult
