#pragma once

#include "client/MediaSession.h"
#include "media/MediaFrames.h"
#include "media/audio/AudioProcessor.h"
#include "media/devices/MediaDevices.h"
#include "media/video/VideoSource.h"
#include "protocol/consult.pb.h"

#include <QObject>
#include <QString>

#include <memory>

namespace consult {

class Consultation;

namespace media {
class AudioStream;
class VideoStream;
} // namespace media

// The video consultation on one side (seed 001 steps 5-7, seed 002): the consultation's media
// session with the engine (AudioStream, VideoStream) and the user's devices plugged in. The apps'
// video panels are views over it; tests drive it with synthetic devices.
//
// A device that is missing, refuses to open or vanishes mid-call (unplugged) is reported by
// deviceStateChanged with a reason, and the call goes on with what remains: without a camera the
// user still sees and hears the peer; without microphone and speakers the customer talks over the
// telephone (setAudioByPhone) and writes. Camera and microphone switches are told to the peer, and
// the relay forwards media only while they are on (seed 002).
//
// Owned by the app's consultation view; lives in the GUI thread. Encoding, decoding and audio
// processing run on the engine's threads (docs/THREADING.md); nothing here blocks. Destroying it (or
// stop()) closes every device: the consent to use them ends with the call.
class VideoCall final : public QObject
{
    Q_OBJECT
public:
    enum class Device
    {
        Camera,
        Microphone,
        Speaker,
    };
    Q_ENUM(Device)

    enum class DeviceState
    {
        Off,     // switched off by the user (camera, microphone), by phone (audio), or not started
        On,      // working
        Missing, // the machine has no such device (or none chosen)
        Failed,  // the device refused to open, or access was denied
        Lost,    // it worked and then vanished (unplugged, the sound server went away)
    };
    Q_ENUM(DeviceState)

    struct Options
    {
        media::DeviceChoice devices;
        bool cameraOn = true; // the customer's "Bild und Ton übertragen" with consent
        bool microphoneOn = true;
        MediaSession::Settings media;
        media::AudioProcessingSettings audio;
        // A camera that says it runs but sends no picture by then is Failed (found, not shown black).
        int cameraTimeoutMs = 4000;
    };

    // Starts the consultation's media part (Consultation::startMedia) if it has none yet.
    VideoCall(Consultation &consultation, media::MediaDevices &devices, Options options, QObject *parent = nullptr);
    ~VideoCall() override;

    // Opens the devices and starts the engine. Never fails as a whole: each device that cannot start
    // is reported (deviceStateChanged) and the call continues without it.
    void start();
    // Closes every device and stops the engine; nothing is sent or shown afterwards. Also done when
    // the consultation ends.
    void stop();
    bool isRunning() const;

    // The user's switches, at any time (seed 002).
    void setCameraOn(bool on);
    void setMicrophoneOn(bool on);
    // The customer's "Berater sehen": whether to show the peer's picture at all. Hidden, it is not
    // decoded either (the packets still arrive: the wire has no way to stop them for one side).
    void setPeerVideoShown(bool shown);
    bool peerVideoShown() const;
    // Switches devices mid-call; a device that cannot open is reported as for start().
    void setDevices(const media::DeviceChoice &devices);
    const media::DeviceChoice &devices() const;
    // The customer talks over the telephone instead of microphone and speakers (seed 002); told to
    // the advisor, whose app shows the consultation's phone code.
    void setAudioByPhone(bool byPhone);
    bool audioByPhone() const;

    DeviceState state(Device device) const;
    // Neither microphone nor speaker works (Missing, Failed or Lost): the app offers the telephone.
    bool audioUnavailable() const;
    // Why a device is Missing, Failed or Lost, in English for logs; the apps say it in their words.
    QString problem(Device device) const;

    bool peerCameraOn() const;
    bool peerMicrophoneOn() const;
    bool peerAudioByPhone() const;
    // The ladder's step on our side (what we send) and on the peer's (what we receive).
    wire::QualityLevel quality() const;
    wire::QualityLevel peerQuality() const;

    MediaSession &session() const;
    media::AudioStream *audio() const; // nullptr before start() or without audio devices
    media::VideoStream *video() const;

Q_SIGNALS:
    // The own camera's picture, for the small self-view (GUI thread).
    void localFrame(const consult::media::I420Frame &frame);
    // The peer's decoded picture, while peerVideoShown() and the peer's camera is on (GUI thread).
    void remoteFrame(const consult::media::I420Frame &frame);
    void deviceStateChanged(consult::VideoCall::Device device, consult::VideoCall::DeviceState state);
    void peerMediaStateChanged(bool microphoneOn, bool cameraOn, bool audioByPhone);
    void qualityChanged(consult::wire::QualityLevel level);
    void peerQualityChanged(consult::wire::QualityLevel level);
    // The microphone's level after processing, 20 times a second (the meter; "you are muted").
    void microphoneLevel(float rmsDbfs);

private:
    // A device came or went: what is missing or lost is tried again if the machine has it now.
    void onDevicesChanged();
    void openCamera();
    void startCamera();
    void closeCamera();
    void onCameraStatus(media::VideoSource::Status status);
    void openAudio();
    void closeAudio();
    // Tells the session (and so the peer and the relay) what really goes out.
    void applySwitches();
    void setState(Device device, DeviceState state, const QString &problem = {});

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace consult
