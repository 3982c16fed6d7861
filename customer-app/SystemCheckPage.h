#pragma once

#include "client/call/DeviceCheck.h"
#include "client/linkcheck/ConnectionCheck.h"
#include "media/devices/MediaDevices.h"
#include "protocol/consult.pb.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QVBoxLayout;

namespace consult {
class CustomerClient;
class DeviceChooser;
class LevelMeterBar;
class VideoView;
} // namespace consult

namespace consult::customer {

// The video consultation's system check (seed 001 step 2), one screen: a line each for the camera
// (live preview; no camera is no failure), the microphone (live level, "say something"), speakers or
// headset (a test tone the customer confirms) and the connection through the bank's relay (a short
// measured transfer, ConnectionCheck); each a green tick or the reason in plain words with what to do.
// The device chooser above the lines picks camera, microphone and speakers; the CustomerWindow
// remembers the choice. "Weiter" once every line has decided and the line is fast enough for the
// video consultation; otherwise the reason and "Mit dem Textchat fortfahren".
//
// The devices run (DeviceCheck) only while the page is shown: begin() opens them, end() closes them.
// The connection is measured on the session's client (setClient), once it is connected.
class SystemCheckPage final : public QWidget
{
    Q_OBJECT
public:
    explicit SystemCheckPage(QWidget *parent = nullptr);
    ~SystemCheckPage() override;

    // The session whose connection is measured (a new one after a reconnect); nullptr to let go.
    void setClient(CustomerClient *client);
    // Opens the chosen devices and starts the lines; `repeat`: the customer asked for it again later
    // (the buttons then say "Fertig" instead of starting the log-in).
    void begin(media::MediaDevices &devices, const media::DeviceChoice &choice, bool repeat);
    // Closes the devices (the check is done, or the call takes them over).
    void end();
    void focusFirst();

    // What the check found, as it travels with the log-in (CustomerLogin.system_check).
    wire::SystemCheck result() const;
    // Every line decided and the connection good enough for picture and sound.
    bool readyForVideo() const;
    media::DeviceChoice choice() const;
    // The names of the chosen camera and microphone (empty if none), for the consent question.
    QString cameraName() const;
    QString microphoneName() const;

    DeviceCheck *deviceCheck() const { return m_check.get(); }
    DeviceChooser *chooser() const { return m_chooser; }
    VideoView *cameraPreview() const { return m_preview; }
    LevelMeterBar *levelMeter() const { return m_meter; }
    QLabel *lineText(DeviceCheck::Line line) const;
    QLabel *connectionText() const { return m_connectionText; }
    QLabel *summaryLabel() const { return m_summary; }
    QPushButton *playToneButton() const { return m_playTone; }
    QPushButton *heardButton() const { return m_heard; }
    QPushButton *notHeardButton() const { return m_notHeard; }
    QPushButton *measureAgainButton() const { return m_measureAgain; }
    QPushButton *continueButton() const { return m_continue; }
    QPushButton *textChatButton() const { return m_textChat; }
    QPushButton *cancelButton() const { return m_cancel; }

Q_SIGNALS:
    void continueRequested();
    void textChatRequested();
    void cancelRequested();
    // The customer picked other devices (the window remembers them).
    void choiceChanged(const consult::media::DeviceChoice &choice);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Line
    {
        QLabel *mark = nullptr;
        QLabel *name = nullptr;
        QLabel *text = nullptr;
    };
    Line makeLine(const char *objectName);
    void makeChooser(media::MediaDevices &devices);
    void applyTabOrder();
    void startConnectionCheck();
    void onOutcome(DeviceCheck::Line line, wire::CheckOutcome outcome);
    void onConnectionFinished(const ConnectionCheck::Result &result);
    void retranslate();
    void showLine(Line &line, const QString &name, wire::CheckOutcome outcome, const QString &text);

    QPointer<CustomerClient> m_client;
    media::MediaDevices *m_devices = nullptr;
    std::unique_ptr<DeviceCheck> m_check;
    ConnectionCheck::Result m_connection;
    bool m_measuring = false;
    int m_progress = 0;
    bool m_repeat = false;

    QLabel *m_heading = nullptr;
    QLabel *m_intro = nullptr;
    QVBoxLayout *m_chooserSlot = nullptr;
    DeviceChooser *m_chooser = nullptr; // made with the first begin(): it needs the devices
    Line m_camera;
    Line m_microphone;
    Line m_speaker;
    Line m_connectionLine;
    VideoView *m_preview = nullptr;
    LevelMeterBar *m_meter = nullptr;
    QLabel *m_sayHint = nullptr;
    QPushButton *m_playTone = nullptr;
    QPushButton *m_heard = nullptr;
    QPushButton *m_notHeard = nullptr;
    QLabel *m_connectionText = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QPushButton *m_measureAgain = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_continue = nullptr;
    QPushButton *m_textChat = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace consult::customer
