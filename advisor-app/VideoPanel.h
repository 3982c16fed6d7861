#pragma once

#include "client/call/VideoCall.h"
#include "media/devices/MediaDevices.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QFrame;
class QLabel;
class QPushButton;
class QToolButton;

namespace consult {
class ConnectionIndicator;
class Consultation;
class DeviceChooser;
class LevelMeterBar;
class VideoView;
} // namespace consult

namespace consult::advisor {

class SystemCheckMarks;

// The video part of one video consultation in the advisor's consultation panel (seed 001 step 6,
// seed 002): the customer's picture large with the advisor's own preview small in its corner, the
// advisor's camera and microphone switches with the microphone's level, the device choice, the
// customer's camera and microphone as they switched them (and, when the customer talks over the
// telephone, the consultation's phone code, large), the line's quality and the quality ladder's
// step in words for both directions, a device that failed or vanished named, and the customer's
// system check as ticks. The chat stays beside it in the ConsultationPanel.
//
// Owns the VideoCall: it starts when the panel is made for a running consultation and stops at the
// consultation's end or when the panel goes (the devices close with it). Binds to the Consultation
// (owned by the client; the panel goes before the client dismisses it). Lives in the GUI thread.
class VideoPanel final : public QWidget
{
    Q_OBJECT
public:
    VideoPanel(Consultation &consultation, media::MediaDevices &devices, const media::DeviceChoice &choice,
               QWidget *parent = nullptr);
    ~VideoPanel() override;

    VideoCall *call() const { return m_call.get(); }
    void setCameraOn(bool on);
    void setMicrophoneOn(bool on);
    void toggleCamera();
    void toggleMicrophone();

    VideoView *remoteView() const { return m_remote; }
    VideoView *localView() const { return m_local; }
    QPushButton *cameraButton() const { return m_camera; }
    QPushButton *microphoneButton() const { return m_microphone; }
    QToolButton *devicesButton() const { return m_devicesButton; }
    DeviceChooser *deviceChooser() const { return m_chooser; }
    QLabel *peerStateLabel() const { return m_peerState; }
    QLabel *phoneCodeLabel() const { return m_phoneCode; }
    QLabel *qualityLabel() const { return m_quality; }
    QLabel *deviceProblemLabel() const { return m_deviceProblem; }
    SystemCheckMarks *systemCheckMarks() const { return m_check; }
    ConnectionIndicator *connectionIndicator() const { return m_connection; }
    // How many of the customer's pictures the view was given (tests; the picture is remoteView()).
    int remoteFrames() const { return m_remoteFrames; }

Q_SIGNALS:
    // The advisor chose other devices (the workstation remembers them).
    void deviceChoiceChanged(const consult::media::DeviceChoice &choice);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void stopCall();
    void updateSwitches();
    void updatePeerState();
    void updateQuality();
    void updateDeviceProblems();
    void placeSelfView();
    void onChoiceChanged(const media::DeviceChoice &chosen);

    QPointer<Consultation> m_consultation;
    media::MediaDevices &m_devices;
    media::DeviceChoice m_choice; // the advisor's, as remembered
    std::unique_ptr<VideoCall> m_call;
    VideoView *m_remote;
    VideoView *m_local;
    QFrame *m_selfFrame;
    QLabel *m_peerState;
    QLabel *m_phoneCode;
    QLabel *m_quality;
    QLabel *m_deviceProblem;
    QLabel *m_checkLabel;
    SystemCheckMarks *m_check;
    QPushButton *m_camera;
    QPushButton *m_microphone;
    LevelMeterBar *m_level;
    QToolButton *m_devicesButton;
    DeviceChooser *m_chooser;
    ConnectionIndicator *m_connection;
    bool m_cameraOn = true;
    bool m_microphoneOn = true;
    int m_remoteFrames = 0;
    bool m_qualityWasDown = false; // the ladder stepped down at some point: say when it is back up
};

} // namespace consult::advisor
