#include "VideoPanel.h"

#include "Pictograms.h"
#include "SystemCheckMarks.h"
#include "client/consultation/Consultation.h"
#include "widgets/Announcer.h"
#include "widgets/ConnectionIndicator.h"
#include "widgets/DeviceChooser.h"
#include "widgets/LevelMeterBar.h"
#include "widgets/MediaTexts.h"
#include "widgets/PlainLabel.h"
#include "widgets/VideoView.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace consult::advisor {

namespace {

constexpr int kSelfViewMargin = 8;

} // namespace

VideoPanel::VideoPanel(Consultation &consultation, media::MediaDevices &devices, const media::DeviceChoice &choice,
                       QWidget *parent)
    : QWidget(parent)
    , m_consultation(&consultation)
    , m_devices(devices)
    , m_choice(choice)
{
    setObjectName(QStringLiteral("videoPanel"));
    m_remote = new VideoView(this);
    m_remote->setObjectName(QStringLiteral("customerVideo"));
    m_remote->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_remote->setMinimumSize(320, 180);
    // The own picture small in the customer's picture's corner, as in every video call, with a light
    // frame so the two pictures do not run into each other.
    m_selfFrame = new QFrame(m_remote);
    m_selfFrame->setObjectName(QStringLiteral("ownVideoFrame"));
    m_selfFrame->setStyleSheet(QStringLiteral("#ownVideoFrame { background: white; }"));
    m_local = new VideoView(m_selfFrame);
    m_local->setObjectName(QStringLiteral("ownVideo"));
    m_local->setMirrored(true);
    auto *selfLayout = new QVBoxLayout(m_selfFrame);
    selfLayout->setContentsMargins(2, 2, 2, 2);
    selfLayout->addWidget(m_local);
    m_remote->installEventFilter(this);

    m_phoneCode = plainLabel(this, "phoneCode");
    QFont large = m_phoneCode->font();
    large.setBold(true);
    large.setPointSizeF(large.pointSizeF() * 1.5);
    m_phoneCode->setFont(large);
    m_phoneCode->setStyleSheet(
        QStringLiteral("background: #fff4d6; color: #5a3a00; border: 1px solid #d9a400; padding: 6px;"));
    m_phoneCode->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_phoneCode->hide();
    m_peerState = plainLabel(this, "customerDevices");
    m_quality = plainLabel(this, "qualityState");
    m_quality->setStyleSheet(QStringLiteral("color: #7a4b00;"));
    m_deviceProblem = plainLabel(this, "deviceProblem");
    m_deviceProblem->setStyleSheet(QStringLiteral("color: #b00020;"));

    m_camera = new QPushButton(this);
    m_camera->setObjectName(QStringLiteral("cameraSwitch"));
    m_camera->setCheckable(true);
    m_microphone = new QPushButton(this);
    m_microphone->setObjectName(QStringLiteral("microphoneSwitch"));
    m_microphone->setCheckable(true);
    m_level = new LevelMeterBar(this);
    m_level->setObjectName(QStringLiteral("microphoneLevel"));
    m_level->setMaximumWidth(70);
    m_devicesButton = new QToolButton(this);
    m_devicesButton->setObjectName(QStringLiteral("devicesButton"));
    m_devicesButton->setCheckable(true);
    m_devicesButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_chooser = new DeviceChooser(devices, this);
    m_chooser->setObjectName(QStringLiteral("deviceChooser"));
    m_chooser->setChoice(choice);
    m_chooser->hide();
    m_connection = new ConnectionIndicator(this);
    m_connection->setObjectName(QStringLiteral("callConnection"));
    m_connection->bind(&consultation.connection());
    m_checkLabel = plainLabel(this, nullptr, nullptr, false);
    m_check = new SystemCheckMarks(this);
    if (consultation.hasSystemCheck())
        m_check->setCheck(consultation.systemCheck());
    m_checkLabel->setBuddy(m_check);

    auto *switches = new QHBoxLayout;
    switches->addWidget(m_camera);
    switches->addWidget(m_microphone);
    switches->addWidget(m_level);
    switches->addWidget(m_devicesButton);
    switches->addStretch();
    // One line each, so the panel stays narrow enough for the chat beside it.
    auto *check = new QHBoxLayout;
    check->addWidget(m_checkLabel);
    check->addWidget(m_check);
    check->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_remote, 1);
    layout->addWidget(m_phoneCode);
    layout->addWidget(m_peerState);
    layout->addWidget(m_quality);
    layout->addWidget(m_deviceProblem);
    layout->addLayout(switches);
    layout->addWidget(m_chooser);
    layout->addWidget(m_connection);
    layout->addLayout(check);

    connect(m_camera, &QPushButton::clicked, this, [this](bool on) { setCameraOn(on); });
    connect(m_microphone, &QPushButton::clicked, this, [this](bool on) { setMicrophoneOn(on); });
    connect(m_devicesButton, &QToolButton::toggled, m_chooser, &QWidget::setVisible);
    connect(m_chooser, &DeviceChooser::choiceChanged, this, &VideoPanel::onChoiceChanged);
    // A remembered device plugged in again is selected again (the chooser had fallen back to the
    // default while it was gone; the call takes it up by itself).
    connect(&devices, &media::MediaDevices::devicesChanged, this, [this] { m_chooser->setChoice(m_choice); });
    connect(&consultation, &Consultation::ended, this, &VideoPanel::stopCall);

    if (!consultation.isEnded()) {
        // The call starts with the consultation: the customer asked for "Bild und Ton".
        VideoCall::Options options;
        options.devices = choice;
        m_call = std::make_unique<VideoCall>(consultation, devices, options);
        connect(m_call.get(), &VideoCall::remoteFrame, this, [this](const media::I420Frame &frame) {
            // A picture still on its way when the customer switched off is not shown after "Kamera aus".
            if (!m_call->peerCameraOn())
                return;
            ++m_remoteFrames;
            const QSize before = m_remote->pictureSize();
            m_remote->setFrame(frame);
            if (m_remote->pictureSize() != before)
                placeSelfView();
        });
        connect(m_call.get(), &VideoCall::localFrame, m_local, &VideoView::setFrame);
        connect(m_call.get(), &VideoCall::microphoneLevel, m_level, &LevelMeterBar::setLevel);
        connect(m_call.get(), &VideoCall::peerMediaStateChanged, this, &VideoPanel::updatePeerState);
        connect(m_call.get(), &VideoCall::qualityChanged, this, &VideoPanel::updateQuality);
        connect(m_call.get(), &VideoCall::peerQualityChanged, this, &VideoPanel::updateQuality);
        connect(m_call.get(), &VideoCall::deviceStateChanged, this, [this] {
            updateSwitches();
            updateDeviceProblems();
        });
        m_connection->setMediaSession(&m_call->session());
        m_call->start();
    }
    retranslate();
}

void VideoPanel::onChoiceChanged(const media::DeviceChoice &chosen)
{
    const auto gone = [](const QByteArray &id, const QList<media::DeviceInfo> &present) {
        return !id.isEmpty() && std::none_of(present.begin(), present.end(),
                                             [&id](const media::DeviceInfo &device) { return device.id == id; });
    };
    const bool fallback = gone(m_choice.camera, m_devices.cameras()) ||
                          gone(m_choice.microphone, m_devices.microphones()) ||
                          gone(m_choice.speaker, m_devices.speakers());
    if (!fallback) {
        // The advisor chose: the call switches, the workstation remembers.
        m_choice = chosen;
        if (m_call)
            m_call->setDevices(chosen);
        Q_EMIT deviceChoiceChanged(chosen);
        return;
    }
    // A chosen device vanished and the chooser fell back to the default. The remembered choice stays
    // (the device is used again when it comes back); the call moves to another device of that kind
    // only if one remains, so a camera unplugged with none left stays named as lost, not as missing.
    if (!m_call)
        return;
    media::DeviceChoice next = m_call->devices();
    if (chosen.camera != next.camera && !m_devices.cameras().isEmpty())
        next.camera = chosen.camera;
    if (chosen.microphone != next.microphone && !m_devices.microphones().isEmpty())
        next.microphone = chosen.microphone;
    if (chosen.speaker != next.speaker && !m_devices.speakers().isEmpty())
        next.speaker = chosen.speaker;
    m_call->setDevices(next);
}

VideoPanel::~VideoPanel()
{
    m_call.reset(); // closes the devices before the views go
}

void VideoPanel::retranslate()
{
    m_devicesButton->setText(tr("Geräte …"));
    m_devicesButton->setToolTip(tr("Kamera, Mikrofon und Lautsprecher wählen"));
    m_devicesButton->setAccessibleName(tr("Geräte wählen"));
    m_level->setAccessibleName(tr("Lautstärke Ihres Mikrofons"));
    m_remote->setAccessibleName(tr("Bild des Kunden"));
    m_local->setAccessibleName(tr("Ihr eigenes Bild"));
    m_checkLabel->setText(tr("Systemprüfung des Kunden:"));
    m_phoneCode->setAccessibleName(tr("Telefon-Code der Beratung"));
    m_peerState->setAccessibleName(tr("Kamera und Mikrofon des Kunden"));
    m_quality->setAccessibleName(tr("Bildqualität"));
    m_deviceProblem->setAccessibleName(tr("Ihre Geräte"));
    updateSwitches();
    updatePeerState();
    updateQuality();
    updateDeviceProblems();
}

void VideoPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

bool VideoPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_remote && event->type() == QEvent::Resize)
        placeSelfView();
    return QWidget::eventFilter(watched, event);
}

void VideoPanel::placeSelfView()
{
    // In the corner of the customer's picture as the view fits it in (black bars around it), not of
    // the view: the own picture must not float in a bar.
    const QSize picture = m_remote->hasPicture() ? m_remote->pictureSize() : QSize(16, 9);
    const QSize fitted = picture.scaled(m_remote->size(), Qt::KeepAspectRatio);
    const QRect area(QPoint((m_remote->width() - fitted.width()) / 2, (m_remote->height() - fitted.height()) / 2),
                     fitted);
    const int width = qBound(96, area.width() / 4, 240);
    const int height = width * 9 / 16;
    m_selfFrame->setGeometry(area.right() - width - kSelfViewMargin, area.bottom() - height - kSelfViewMargin,
                             width + 4, height + 4);
}

void VideoPanel::setCameraOn(bool on)
{
    m_cameraOn = on;
    if (m_call)
        m_call->setCameraOn(on);
    if (!on)
        m_local->clear();
    updateSwitches();
}

void VideoPanel::setMicrophoneOn(bool on)
{
    m_microphoneOn = on;
    if (m_call)
        m_call->setMicrophoneOn(on);
    if (!on)
        m_level->setLevel(LevelMeterBar::kFloorDbfs);
    updateSwitches();
}

void VideoPanel::toggleCamera()
{
    if (m_camera->isEnabled())
        setCameraOn(!m_cameraOn);
}

void VideoPanel::toggleMicrophone()
{
    if (m_microphone->isEnabled())
        setMicrophoneOn(!m_microphoneOn);
}

void VideoPanel::updateSwitches()
{
    using State = VideoCall::DeviceState;
    const bool running = m_call && m_call->isRunning();
    const auto usable = [this, running](VideoCall::Device device) {
        const State state = running ? m_call->state(device) : State::Missing;
        return state == State::On || state == State::Off;
    };
    // A switch shows its state ("Kamera an", pressed) and says in its tooltip what a click does; a
    // device that is missing, failed or gone: the switch says so (the line above names the reason).
    const bool cameraUsable = usable(VideoCall::Device::Camera);
    const bool microphoneUsable = usable(VideoCall::Device::Microphone);
    const QColor off(0xb0, 0x00, 0x20);
    const QColor on = palette().color(QPalette::ButtonText);
    m_camera->setChecked(m_cameraOn);
    m_camera->setEnabled(cameraUsable);
    const QColor cameraColour = m_cameraOn && cameraUsable ? on : off;
    m_camera->setIcon(pictograms::icon(pictograms::Kind::Camera, cameraColour, cameraColour));
    m_camera->setText(!cameraUsable ? tr("Keine Kamera") : m_cameraOn ? tr("Kamera an") : tr("Kamera aus"));
    m_camera->setToolTip(m_cameraOn ? tr("Ihre Kamera ausschalten (Strg+Umschalt+K)")
                                    : tr("Ihre Kamera einschalten (Strg+Umschalt+K)"));
    m_camera->setAccessibleName(m_cameraOn ? tr("Ihre Kamera ist an") : tr("Ihre Kamera ist aus"));
    m_camera->setAccessibleDescription(m_camera->toolTip());
    m_microphone->setChecked(m_microphoneOn);
    m_microphone->setEnabled(microphoneUsable);
    const QColor microphoneColour = m_microphoneOn && microphoneUsable ? on : off;
    m_microphone->setIcon(pictograms::icon(pictograms::Kind::Microphone, microphoneColour, microphoneColour));
    m_microphone->setText(!microphoneUsable ? tr("Kein Mikrofon")
                          : m_microphoneOn  ? tr("Mikrofon an")
                                            : tr("Mikrofon aus"));
    m_microphone->setToolTip(m_microphoneOn ? tr("Ihr Mikrofon ausschalten (Strg+Umschalt+M)")
                                            : tr("Ihr Mikrofon einschalten (Strg+Umschalt+M)"));
    m_microphone->setAccessibleName(m_microphoneOn ? tr("Ihr Mikrofon ist an") : tr("Ihr Mikrofon ist aus"));
    m_microphone->setAccessibleDescription(m_microphone->toolTip());
    m_devicesButton->setEnabled(running);
    if (!m_microphone->isEnabled() || !m_microphoneOn)
        m_level->setLevel(LevelMeterBar::kFloorDbfs);
    m_local->setPlaceholderText(m_cameraOn && cameraUsable ? QString() : MediaTexts::ownCameraOff());
}

void VideoPanel::updatePeerState()
{
    const bool running = m_call && m_call->isRunning();
    const bool cameraOn = running && m_call->peerCameraOn();
    const bool microphoneOn = running && m_call->peerMicrophoneOn();
    const bool byPhone = running && m_call->peerAudioByPhone();
    if (!running)
        m_peerState->setText(tr("Die Videoberatung ist beendet."));
    else
        m_peerState->setText(tr("Beim Kunden: Kamera %1 · Mikrofon %2")
                                 .arg(cameraOn ? tr("an") : tr("aus"), byPhone        ? tr("nicht genutzt (Telefon)")
                                                                       : microphoneOn ? tr("an")
                                                                                      : tr("aus")));
    // Seed 002: without microphone and speakers the customer calls in with the consultation's code.
    const QString code = m_consultation ? m_consultation->phoneCode() : QString();
    // The code on a line of its own, so it never breaks apart where the advisor reads it out.
    const QString phoneLine = !byPhone         ? QString()
                              : code.isEmpty() ? MediaTexts::peerOnPhone(code)
                                               : MediaTexts::peerOnPhone({}) + u'\n' + tr("Telefon-Code: %1").arg(code);
    if (phoneLine != m_phoneCode->text() && !phoneLine.isEmpty())
        announce(m_phoneCode, phoneLine);
    m_phoneCode->setText(phoneLine);
    m_phoneCode->setVisible(!phoneLine.isEmpty());
    if (!cameraOn) {
        if (m_remote->hasPicture()) {
            m_remote->clear();
            placeSelfView();
        }
        m_remote->setPlaceholderText(running ? MediaTexts::peerCameraOff() : QString());
    } else if (!m_remote->hasPicture()) {
        m_remote->setPlaceholderText(tr("Das Bild des Kunden kommt gleich …"));
    }
}

void VideoPanel::updateQuality()
{
    const bool running = m_call && m_call->isRunning();
    QStringList lines;
    if (running) {
        const QString own = MediaTexts::ownQuality(m_call->quality());
        const QString peer = MediaTexts::peerQuality(m_call->peerQuality());
        for (const QString &line : {own, peer})
            if (!line.isEmpty())
                lines.append(line);
        if (lines.isEmpty() && m_qualityWasDown)
            lines.append(MediaTexts::qualityRestored());
        m_qualityWasDown = m_qualityWasDown || !own.isEmpty() || !peer.isEmpty();
    }
    const QString text = lines.join(u'\n');
    if (text != m_quality->text() && !text.isEmpty())
        announce(m_quality, text);
    m_quality->setText(text);
    m_quality->setVisible(!text.isEmpty());
}

void VideoPanel::updateDeviceProblems()
{
    using State = VideoCall::DeviceState;
    QStringList lines;
    if (m_call && m_call->isRunning()) {
        for (const VideoCall::Device device :
             {VideoCall::Device::Camera, VideoCall::Device::Microphone, VideoCall::Device::Speaker}) {
            const State state = m_call->state(device);
            if (state == State::Missing || state == State::Failed || state == State::Lost)
                lines.append(MediaTexts::deviceState(device, state));
        }
    }
    const QString text = lines.join(u'\n');
    if (text != m_deviceProblem->text() && !text.isEmpty())
        announce(m_deviceProblem, text);
    m_deviceProblem->setText(text);
    m_deviceProblem->setVisible(!text.isEmpty());
}

void VideoPanel::stopCall()
{
    if (m_call)
        m_call->stop();
    m_connection->setMediaSession(nullptr);
    m_remote->clear();
    m_local->clear();
    m_level->setLevel(LevelMeterBar::kFloorDbfs);
    m_devicesButton->setChecked(false);
    updateSwitches();
    updatePeerState();
    updateQuality();
    updateDeviceProblems();
}

} // namespace consult::advisor
