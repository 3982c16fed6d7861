#include "VideoPanel.h"

#include "client/consultation/Consultation.h"
#include "widgets/Announcer.h"
#include "widgets/MediaTexts.h"
#include "widgets/PlainLabel.h"
#include "widgets/VideoView.h"

#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace consult::customer {

namespace {

using Device = VideoCall::Device;
using DeviceState = VideoCall::DeviceState;

QPushButton *toggle(QWidget *parent, const char *objectName)
{
    auto *button = new QPushButton(parent);
    button->setObjectName(QString::fromLatin1(objectName));
    button->setCheckable(true);
    button->setChecked(true);
    return button;
}

constexpr QSize kAdvisorMinimumSize(320, 180);
constexpr QSize kCompactAdvisorSize(192, 108); // 16:9, as high as the own preview and its switches

bool usable(DeviceState state)
{
    return state == DeviceState::On || state == DeviceState::Off;
}

} // namespace

VideoPanel::VideoPanel(QWidget *parent)
    : QWidget(parent)
{
    m_notRecorded = plainLabel(this, "notRecordedBadge", "assurance", false);
    m_advisorView = new VideoView(this);
    m_advisorView->setObjectName(QStringLiteral("advisorVideo"));
    m_advisorView->setMinimumSize(kAdvisorMinimumSize);
    m_advisorView->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_advisorHidden = plainLabel(this, "advisorHidden", "note");
    m_advisorHidden->setAlignment(Qt::AlignCenter);
    m_advisorHidden->hide();
    m_selfView = new VideoView(this);
    m_selfView->setObjectName(QStringLiteral("selfVideo"));
    m_selfView->setFixedSize(160, 90);
    m_selfView->setMirrored(true);
    m_camera = toggle(this, "cameraToggle");
    m_microphone = toggle(this, "microphoneToggle");
    m_seeAdvisor = toggle(this, "seeAdvisor");
    m_audioWay = new QPushButton(this);
    m_audioWay->setObjectName(QStringLiteral("audioWay"));
    m_advisorState = plainLabel(this, "advisorMediaState", "hint");
    m_quality = plainLabel(this, "qualityState", "warning");
    m_quality->hide();
    m_deviceProblem = plainLabel(this, "deviceProblem", "warning");
    m_deviceProblem->hide();
    m_phoneBox = new QFrame(this);
    m_phoneBox->setObjectName(QStringLiteral("phoneBox"));
    m_phoneBox->setProperty("notice", true);
    m_phone = plainLabel(m_phoneBox, "phoneAlternative");
    m_phone->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *phoneLayout = new QVBoxLayout(m_phoneBox);
    phoneLayout->setContentsMargins(12, 8, 12, 8);
    phoneLayout->addWidget(m_phone);
    m_phoneBox->hide();

    connect(m_camera, &QPushButton::toggled, this, [this](bool on) {
        if (m_call)
            m_call->setCameraOn(on);
        if (!on)
            m_selfView->clear();
        retranslate();
        announce(this, on ? tr("Ihre Kamera ist eingeschaltet.") : tr("Ihre Kamera ist ausgeschaltet."));
    });
    connect(m_microphone, &QPushButton::toggled, this, [this](bool on) {
        if (m_call)
            m_call->setMicrophoneOn(on);
        retranslate();
        announce(this, on ? tr("Ihr Mikrofon ist eingeschaltet.") : tr("Ihr Mikrofon ist ausgeschaltet."));
    });
    connect(m_audioWay, &QPushButton::clicked, this, [this] {
        if (m_call)
            setAudioByPhone(!m_call->audioByPhone());
    });
    connect(m_seeAdvisor, &QPushButton::toggled, this, [this](bool shown) {
        if (m_call)
            m_call->setPeerVideoShown(shown);
        if (!shown)
            m_advisorView->clear();
        retranslate();
    });

    auto *top = new QHBoxLayout;
    top->addStretch();
    top->addWidget(m_notRecorded);
    auto *own = new QHBoxLayout;
    own->addWidget(m_selfView, 0, Qt::AlignTop);
    auto *switches = new QVBoxLayout;
    switches->addWidget(m_camera);
    switches->addWidget(m_microphone);
    switches->addWidget(m_seeAdvisor);
    switches->addWidget(m_audioWay);
    switches->addStretch();
    own->addLayout(switches, 1);
    // The pictures one above the other; side by side when compact (beside a whiteboard).
    m_pictures = new QBoxLayout(QBoxLayout::TopToBottom);
    m_pictures->setSpacing(6);
    m_pictures->addWidget(m_advisorView, 1);
    m_pictures->addWidget(m_advisorHidden, 1);
    m_pictures->addLayout(own);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(top);
    layout->addLayout(m_pictures, 1);
    layout->addWidget(m_advisorState);
    layout->addWidget(m_quality);
    layout->addWidget(m_deviceProblem);
    layout->addWidget(m_phoneBox);
    setTabOrder(m_camera, m_microphone);
    setTabOrder(m_microphone, m_seeAdvisor);
    setTabOrder(m_seeAdvisor, m_audioWay);
    retranslate();
}

void VideoPanel::setCompact(bool compact)
{
    if (compact == m_compact)
        return;
    m_compact = compact;
    m_pictures->setDirection(compact ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
    if (compact) {
        m_advisorView->setFixedSize(kCompactAdvisorSize);
    } else {
        m_advisorView->setMinimumSize(kAdvisorMinimumSize);
        m_advisorView->setMaximumSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX);
    }
    m_advisorHidden->setMaximumWidth(compact ? kCompactAdvisorSize.width() : QWIDGETSIZE_MAX);
}

VideoPanel::~VideoPanel()
{
    stop();
}

void VideoPanel::start(Consultation &consultation, media::MediaDevices &devices, const Setup &setup)
{
    stop();
    m_consultation = &consultation;
    m_devices = &devices;
    m_dialInNumber = setup.dialInNumber;
    m_checkedMicrophone = setup.microphoneWorks;
    m_checkedSpeaker = setup.speakerWorks;
    m_lastQuality = m_lastPeerQuality = wire::QUALITY_LEVEL_FULL;
    m_recovered = false;
    VideoCall::Options options = setup.call;
    options.devices = setup.devices;
    options.cameraOn = setup.cameraOn;
    options.microphoneOn = true;
    m_call = std::make_unique<VideoCall>(consultation, devices, options);
    VideoCall *call = m_call.get();
    // The machine gained or lost a microphone or speakers: whether the computer can carry the voice.
    connect(&devices, &media::MediaDevices::devicesChanged, this, &VideoPanel::retranslate);
    connect(call, &VideoCall::localFrame, m_selfView, &VideoView::setFrame);
    connect(call, &VideoCall::remoteFrame, m_advisorView, &VideoView::setFrame);
    connect(call, &VideoCall::deviceStateChanged, this, &VideoPanel::onDeviceState);
    connect(call, &VideoCall::peerMediaStateChanged, this, [this](bool, bool cameraOn) {
        if (!cameraOn)
            m_advisorView->clear();
        retranslate();
    });
    connect(call, &VideoCall::qualityChanged, this, [this](wire::QualityLevel level) {
        m_recovered = level == wire::QUALITY_LEVEL_FULL && m_lastQuality != wire::QUALITY_LEVEL_FULL;
        m_lastQuality = level;
        retranslate();
        announce(m_quality, m_quality->text());
    });
    connect(call, &VideoCall::peerQualityChanged, this, [this](wire::QualityLevel level) {
        m_lastPeerQuality = level;
        retranslate();
    });
    {
        const QSignalBlocker blockCamera(m_camera);
        const QSignalBlocker blockMicrophone(m_microphone);
        const QSignalBlocker blockAdvisor(m_seeAdvisor);
        m_camera->setChecked(setup.cameraOn);
        m_microphone->setChecked(true);
        m_seeAdvisor->setChecked(true);
    }
    // Seed 002: a customer the check found with only one of microphone and speakers talks over the
    // telephone from the start (the one device stays closed); the panel says why and offers the
    // computer all the same.
    if (microphoneTrouble() || speakerTrouble())
        call->setAudioByPhone(true);
    // The devices report one by one while the call starts; what the call lacks is decided once all
    // of them have answered. One that fails to open although the check found it counts as missing.
    m_starting = true;
    call->start();
    m_starting = false;
    if (microphoneTrouble() || speakerTrouble())
        call->setAudioByPhone(true);
    retranslate();
}

void VideoPanel::stop()
{
    if (!m_call)
        return;
    m_call->disconnect(this);
    if (m_devices)
        m_devices->disconnect(this);
    m_call->stop();
    m_call.reset();
    m_advisorView->clear();
    m_selfView->clear();
    retranslate();
}

void VideoPanel::onDeviceState(VideoCall::Device device, VideoCall::DeviceState state)
{
    updateAudioByPhone();
    retranslate();
    if (state == DeviceState::Lost || state == DeviceState::Failed)
        announce(m_deviceProblem, m_deviceProblem->text());
    Q_UNUSED(device)
}

void VideoPanel::updateAudioByPhone()
{
    if (!m_call || m_starting)
        return;
    // Seed 002: without microphone and speakers the customer talks over the telephone (the call then
    // keeps both closed). With one of them left, the telephone is offered but the call keeps it.
    const bool byPhone = !usable(m_call->state(Device::Microphone)) && !usable(m_call->state(Device::Speaker));
    if (byPhone && !m_call->audioByPhone())
        m_call->setAudioByPhone(true);
}

void VideoPanel::setAudioByPhone(bool byPhone)
{
    if (!byPhone) // from now on the call's own finding says what works, not the system check's
        m_checkedMicrophone = m_checkedSpeaker = true;
    // Back to the computer reopens microphone and speakers under the consent given at the start.
    m_call->setAudioByPhone(byPhone);
    retranslate();
    announce(this, byPhone ? tr("Sie sprechen jetzt per Telefon.") : tr("Sie sprechen jetzt über den Computer."));
}

bool VideoPanel::microphoneTrouble() const
{
    return m_call && (!m_checkedMicrophone || !usable(m_call->state(Device::Microphone)));
}

bool VideoPanel::speakerTrouble() const
{
    return m_call && (!m_checkedSpeaker || !usable(m_call->state(Device::Speaker)));
}

QString VideoPanel::phoneText() const
{
    QStringList lines;
    const bool byPhone = m_call && m_call->audioByPhone();
    if (microphoneTrouble() && speakerTrouble())
        lines.append(tr("Mikrofon und Lautsprecher funktionieren nicht."));
    else if (microphoneTrouble())
        lines.append(tr("Ihr Mikrofon funktioniert nicht: Über den Computer hört man Sie nicht."));
    else if (speakerTrouble())
        lines.append(tr("Ihre Lautsprecher funktionieren nicht: Über den Computer hören Sie nichts."));
    lines.append(byPhone ? tr("Sie sprechen per Telefon. Schreiben können Sie weiterhin hier.")
                         : tr("Sie können stattdessen per Telefon sprechen."));
    lines.append(tr("Einwahlnummer: %1").arg(m_dialInNumber));
    const QString code = m_consultation ? m_consultation->phoneCode() : QString();
    if (!code.isEmpty())
        lines.append(tr("Ihr Gesprächscode: %1").arg(code));
    return lines.join(u'\n');
}

void VideoPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void VideoPanel::retranslate()
{
    const QString advisor = m_consultation ? m_consultation->peer().name : QString();
    m_notRecorded->setText(tr("● Wird nicht aufgezeichnet"));
    m_notRecorded->setAccessibleName(tr("Das Gespräch wird nicht aufgezeichnet."));
    m_advisorView->setAccessibleName(tr("Bild Ihrer Beraterin oder Ihres Beraters"));
    m_advisorView->setPlaceholderText(m_call && !m_call->peerCameraOn() ? MediaTexts::peerCameraOff() : QString());
    m_selfView->setAccessibleName(tr("Ihr eigenes Bild"));
    m_selfView->setPlaceholderText(MediaTexts::ownCameraOff());
    const bool shown = m_seeAdvisor->isChecked();
    m_advisorView->setVisible(shown);
    m_advisorHidden->setVisible(!shown);
    m_advisorHidden->setText(tr("Sie haben das Bild ausgeblendet. Sie hören %1 weiterhin.").arg(advisor));

    const DeviceState camera = m_call ? m_call->state(Device::Camera) : DeviceState::Off;
    const DeviceState microphone = m_call ? m_call->state(Device::Microphone) : DeviceState::Off;
    const bool cameraThere = !m_call || usable(camera);
    const bool microphoneThere = !m_call || usable(microphone);
    m_camera->setEnabled(cameraThere);
    m_camera->setText(m_camera->isChecked() && cameraThere ? tr("Kamera ist an") : tr("Kamera ist aus"));
    m_camera->setAccessibleName(tr("Kamera"));
    m_camera->setAccessibleDescription(m_camera->isChecked() && cameraThere
                                           ? tr("Eingeschaltet: Ihre Beraterin oder Ihr Berater sieht Sie.")
                                           : tr("Ausgeschaltet: Niemand sieht Sie."));
    // On the telephone the microphone stays closed: its switch waits for the way back.
    const bool byPhone = m_call && m_call->audioByPhone();
    const bool microphoneOpen = microphoneThere && !byPhone;
    m_microphone->setEnabled(microphoneOpen);
    m_microphone->setText(m_microphone->isChecked() && microphoneOpen ? tr("Mikrofon ist an") : tr("Mikrofon ist aus"));
    m_microphone->setAccessibleName(tr("Mikrofon"));
    m_microphone->setAccessibleDescription(m_microphone->isChecked() && microphoneOpen
                                               ? tr("Eingeschaltet: Ihre Beraterin oder Ihr Berater hört Sie.")
                                               : tr("Ausgeschaltet: Niemand hört Sie."));
    m_seeAdvisor->setText(tr("Berater sehen"));
    m_seeAdvisor->setAccessibleName(tr("Berater sehen"));
    m_seeAdvisor->setAccessibleDescription(shown ? tr("Das Bild wird gezeigt.") : tr("Das Bild ist ausgeblendet."));

    QStringList advisorState;
    if (m_call && !m_call->peerCameraOn())
        advisorState.append(tr("%1 hat die Kamera ausgeschaltet.").arg(advisor));
    if (m_call && !m_call->peerMicrophoneOn())
        advisorState.append(tr("%1 hat das Mikrofon ausgeschaltet.").arg(advisor));
    m_advisorState->setText(advisorState.join(u' '));
    m_advisorState->setVisible(!advisorState.isEmpty());

    // The ladder in words (lesson 10): what our line does to what we send and receive, and the way back.
    QStringList quality;
    if (m_call) {
        if (m_call->quality() != wire::QUALITY_LEVEL_FULL)
            quality.append(MediaTexts::ownQuality(m_call->quality()));
        else if (m_recovered)
            quality.append(MediaTexts::qualityRestored());
        if (m_call->peerQuality() != wire::QUALITY_LEVEL_FULL &&
            m_call->peerQuality() != wire::QUALITY_LEVEL_UNSPECIFIED)
            quality.append(MediaTexts::peerQuality(m_call->peerQuality()));
    }
    m_quality->setText(quality.join(u' '));
    m_quality->setVisible(!quality.isEmpty());

    QStringList problems;
    if (m_call) {
        for (const Device device : {Device::Camera, Device::Microphone, Device::Speaker}) {
            const DeviceState state = m_call->state(device);
            if (state == DeviceState::Missing || state == DeviceState::Failed || state == DeviceState::Lost)
                problems.append(MediaTexts::deviceState(device, state));
        }
    }
    m_deviceProblem->setText(problems.join(u' '));
    m_deviceProblem->setVisible(!problems.isEmpty());

    // The way the voice goes, both ways at any time. Back to the computer needs a microphone or
    // speakers on the machine; without either the button says why it cannot.
    const bool audioOnMachine = m_devices && (!m_devices->microphones().isEmpty() || !m_devices->speakers().isEmpty());
    m_audioWay->setEnabled(m_call && (!byPhone || audioOnMachine));
    m_audioWay->setText(byPhone ? tr("Über den Computer sprechen") : tr("Per Telefon sprechen"));
    m_audioWay->setAccessibleName(m_audioWay->text());
    m_audioWay->setAccessibleDescription(
        !byPhone         ? tr("Mikrofon und Lautsprecher schließen und per Telefon weitersprechen.")
        : audioOnMachine ? tr("Mikrofon und Lautsprecher wieder öffnen. Wir fragen nicht noch einmal.")
                         : tr("Ihr Computer hat weder Mikrofon noch Lautsprecher."));

    // The number and the code are shown on the telephone, and offered as soon as talking through the
    // computer does not work both ways.
    m_phone->setText(phoneText());
    m_phone->setAccessibleName(m_phone->text());
    m_phoneBox->setVisible(m_call && (byPhone || microphoneTrouble() || speakerTrouble()));
}

} // namespace consult::customer
