#pragma once

#include "client/call/VideoCall.h"
#include "media/devices/MediaDevices.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QBoxLayout;
class QFrame;
class QLabel;
class QPushButton;

namespace consult {
class Consultation;
class VideoView;
} // namespace consult

namespace consult::customer {

// The video half of the customer's consultation screen (seed 001 steps 5-7, seed 002): the
// advisor's picture large and the own preview small; camera and microphone switches whose state the
// advisor sees; "Berater sehen" (the customer decides whether to see the advisor); the badge that
// nothing is recorded; the ladder's step-down and recovery in words; a device that is missing or
// vanishes, named; and without microphone and speakers the telephone way: the bank's dial-in number
// and the consultation's phone code (the call is marked audio-by-phone for the advisor).
// The telephone is a switch both ways: "Per Telefon sprechen" at any time, and back to "Über den
// Computer sprechen", which reopens microphone and speakers under the consent already given. A
// customer whose check found only one of microphone and speakers starts on the telephone, is told
// why, and may still choose the computer.
//
// Owns the VideoCall while the consultation runs (start() to stop()); the ConsultationPage holds the
// panel beside the chat. Destroying the call closes every device: the permission ends with it.
class VideoPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit VideoPanel(QWidget *parent = nullptr);
    ~VideoPanel() override;

    struct Setup
    {
        VideoCall::Options call; // the engine's settings; devices and switches are set from below
        media::DeviceChoice devices;
        QString dialInNumber;
        bool cameraOn = true; // off when the system check found no camera
        // What the system check found; without both the customer starts on the telephone.
        bool microphoneWorks = true;
        bool speakerWorks = true;
    };
    // Starts the call on the consultation with the devices the customer allowed.
    void start(Consultation &consultation, media::MediaDevices &devices, const Setup &setup);
    // Ends the call: every device closed.
    void stop();
    VideoCall *call() const { return m_call.get(); }
    // Compact: the advisor's picture small and beside the own preview, so a whiteboard above the
    // panel gets the height (ConsultationPage). Otherwise the advisor's picture fills the panel.
    void setCompact(bool compact);
    bool isCompact() const { return m_compact; }

    VideoView *advisorView() const { return m_advisorView; }
    VideoView *selfView() const { return m_selfView; }
    QPushButton *cameraButton() const { return m_camera; }
    QPushButton *microphoneButton() const { return m_microphone; }
    QPushButton *seeAdvisorButton() const { return m_seeAdvisor; }
    // "Per Telefon sprechen" on the computer, "Über den Computer sprechen" on the telephone.
    QPushButton *audioWayButton() const { return m_audioWay; }
    QLabel *notRecordedBadge() const { return m_notRecorded; }
    QLabel *qualityLabel() const { return m_quality; }
    QLabel *deviceLabel() const { return m_deviceProblem; }
    QLabel *advisorStateLabel() const { return m_advisorState; }
    QFrame *phoneBox() const { return m_phoneBox; }
    QLabel *phoneLabel() const { return m_phone; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void onDeviceState(VideoCall::Device device, VideoCall::DeviceState state);
    void updateAudioByPhone();
    void setAudioByPhone(bool byPhone);
    // Microphone or speakers cannot carry the voice: as the check found them (until the customer
    // tries the computer), then as the call finds them.
    bool microphoneTrouble() const;
    bool speakerTrouble() const;
    QString phoneText() const;
    void retranslate();

    std::unique_ptr<VideoCall> m_call;
    QPointer<Consultation> m_consultation;
    QPointer<media::MediaDevices> m_devices;
    QString m_dialInNumber;
    wire::QualityLevel m_lastQuality = wire::QUALITY_LEVEL_FULL;
    wire::QualityLevel m_lastPeerQuality = wire::QUALITY_LEVEL_FULL;
    bool m_recovered = false;
    bool m_starting = false;
    bool m_compact = false;
    bool m_checkedMicrophone = true; // the system check's finding, until the call opens the devices
    bool m_checkedSpeaker = true;

    QBoxLayout *m_pictures = nullptr;
    QLabel *m_notRecorded = nullptr;
    VideoView *m_advisorView = nullptr;
    QLabel *m_advisorHidden = nullptr;
    VideoView *m_selfView = nullptr;
    QPushButton *m_camera = nullptr;
    QPushButton *m_microphone = nullptr;
    QPushButton *m_seeAdvisor = nullptr;
    QPushButton *m_audioWay = nullptr;
    QLabel *m_advisorState = nullptr;
    QLabel *m_quality = nullptr;
    QLabel *m_deviceProblem = nullptr;
    QFrame *m_phoneBox = nullptr;
    QLabel *m_phone = nullptr;
};

} // namespace consult::customer
