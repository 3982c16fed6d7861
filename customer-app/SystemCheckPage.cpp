#include "SystemCheckPage.h"

#include "SystemCheckTexts.h"
#include "client/CustomerClient.h"
#include "core/Clock.h"
#include "widgets/Announcer.h"
#include "widgets/DeviceChooser.h"
#include "widgets/LevelMeterBar.h"
#include "widgets/MediaTexts.h"
#include "widgets/PlainLabel.h"
#include "widgets/VideoView.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace consult::customer {

namespace {

using Outcome = wire::CheckOutcome;

bool decided(Outcome outcome)
{
    return outcome != wire::CHECK_OUTCOME_UNSPECIFIED;
}

QString describe(const QList<media::DeviceInfo> &devices, const QByteArray &id)
{
    for (const media::DeviceInfo &device : devices)
        if (device.id == id || (id.isEmpty() && device.isDefault))
            return device.description;
    return devices.isEmpty() ? QString() : devices.first().description;
}

} // namespace

SystemCheckPage::SystemCheckPage(QWidget *parent)
    : QWidget(parent)
{
    m_heading = plainLabel(this, "heading");
    m_intro = plainLabel(this, "checkIntro");

    m_camera = makeLine("camera");
    m_microphone = makeLine("microphone");
    m_speaker = makeLine("speaker");
    m_connectionLine = makeLine("connection");
    m_connectionText = m_connectionLine.text;

    m_preview = new VideoView(this);
    m_preview->setObjectName(QStringLiteral("cameraPreview"));
    m_preview->setFixedSize(256, 144);
    m_preview->setMirrored(true);
    m_meter = new LevelMeterBar(this);
    m_meter->setObjectName(QStringLiteral("microphoneLevel"));
    m_sayHint = plainLabel(this, "sayHint", "strong");
    m_playTone = new QPushButton(this);
    m_playTone->setObjectName(QStringLiteral("playTone"));
    m_heard = new QPushButton(this);
    m_heard->setObjectName(QStringLiteral("toneHeard"));
    m_notHeard = new QPushButton(this);
    m_notHeard->setObjectName(QStringLiteral("toneNotHeard"));
    m_progressBar = new QProgressBar(this);
    m_progressBar->setObjectName(QStringLiteral("connectionProgress"));
    m_progressBar->setRange(0, 100);
    m_progressBar->setTextVisible(false);
    m_progressBar->setMaximumHeight(10);
    m_measureAgain = new QPushButton(this);
    m_measureAgain->setObjectName(QStringLiteral("measureAgain"));
    m_summary = plainLabel(this, "checkSummary", "warning");
    m_continue = new QPushButton(this);
    m_continue->setObjectName(QStringLiteral("checkContinue"));
    m_continue->setProperty("primary", true);
    m_textChat = new QPushButton(this);
    m_textChat->setObjectName(QStringLiteral("checkTextChat"));
    m_cancel = new QPushButton(this);
    m_cancel->setObjectName(QStringLiteral("checkCancel"));

    connect(m_playTone, &QPushButton::clicked, this, [this] {
        if (m_check)
            m_check->playTestTone();
        m_heard->setEnabled(true);
        m_notHeard->setEnabled(true);
    });
    connect(m_heard, &QPushButton::clicked, this, [this] {
        if (m_check)
            m_check->confirmSpeaker(true);
    });
    connect(m_notHeard, &QPushButton::clicked, this, [this] {
        if (m_check)
            m_check->confirmSpeaker(false);
    });
    connect(m_measureAgain, &QPushButton::clicked, this, &SystemCheckPage::startConnectionCheck);
    connect(m_continue, &QPushButton::clicked, this, &SystemCheckPage::continueRequested);
    connect(m_textChat, &QPushButton::clicked, this, &SystemCheckPage::textChatRequested);
    connect(m_cancel, &QPushButton::clicked, this, &SystemCheckPage::cancelRequested);

    // One row per line: the mark, the name, then what was found and the line's own controls.
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(12);
    grid->setColumnStretch(2, 1);
    const auto addLine = [grid](int row, const Line &line, QLayout *extra) {
        grid->addWidget(line.mark, row, 0, Qt::AlignTop);
        grid->addWidget(line.name, row, 1, Qt::AlignTop);
        auto *cell = new QVBoxLayout;
        cell->setSpacing(4);
        cell->addWidget(line.text);
        if (extra)
            cell->addLayout(extra);
        cell->addStretch(); // the text starts level with the line's name
        grid->addLayout(cell, row, 2);
    };
    addLine(0, m_camera, nullptr);
    auto *microphoneRow = new QHBoxLayout;
    microphoneRow->addWidget(m_sayHint);
    microphoneRow->addWidget(m_meter, 1);
    addLine(1, m_microphone, microphoneRow);
    auto *speakerRow = new QHBoxLayout;
    speakerRow->addWidget(m_playTone);
    speakerRow->addWidget(m_heard);
    speakerRow->addWidget(m_notHeard);
    speakerRow->addStretch();
    addLine(2, m_speaker, speakerRow);
    auto *connectionRow = new QHBoxLayout;
    connectionRow->addWidget(m_progressBar, 1);
    connectionRow->addWidget(m_measureAgain);
    addLine(3, m_connectionLine, connectionRow);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_continue);
    buttons->addWidget(m_textChat);
    buttons->addStretch();
    buttons->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 20, 32, 20);
    layout->setSpacing(8);
    layout->addWidget(m_heading);
    layout->addWidget(m_intro);
    // The lines on the left; the devices to choose and the camera's picture on the right.
    m_chooserSlot = new QVBoxLayout;
    m_chooserSlot->setContentsMargins(0, 0, 0, 0);
    m_chooserSlot->setSpacing(10);
    m_chooserSlot->addWidget(m_preview, 0, Qt::AlignLeft);
    m_chooserSlot->addStretch();
    auto *body = new QHBoxLayout;
    body->setSpacing(24);
    body->addLayout(grid, 3);
    body->addLayout(m_chooserSlot, 2);
    layout->addSpacing(6);
    layout->addLayout(body);
    layout->addStretch();
    layout->addWidget(m_summary);
    layout->addLayout(buttons);
    applyTabOrder();
    retranslate();
}

void SystemCheckPage::applyTabOrder()
{
    // Reading order: the devices to choose, then the lines' controls, then the way on.
    if (m_chooser)
        setTabOrder(m_chooser, m_playTone);
    setTabOrder(m_playTone, m_heard);
    setTabOrder(m_heard, m_notHeard);
    setTabOrder(m_notHeard, m_measureAgain);
    setTabOrder(m_measureAgain, m_continue);
    setTabOrder(m_continue, m_textChat);
    setTabOrder(m_textChat, m_cancel);
}

SystemCheckPage::~SystemCheckPage() = default;

void SystemCheckPage::focusFirst()
{
    if (m_chooser)
        m_chooser->setFocus();
}

void SystemCheckPage::makeChooser(media::MediaDevices &devices)
{
    // The chooser lists one MediaDevices for good: made once, for the window's devices.
    if (m_chooser)
        return;
    m_chooser = new DeviceChooser(devices, this);
    m_chooser->setObjectName(QStringLiteral("deviceChooser"));
    m_chooserSlot->insertWidget(0, m_chooser);
    applyTabOrder();
    connect(m_chooser, &DeviceChooser::choiceChanged, this, [this](const media::DeviceChoice &choice) {
        if (m_check)
            m_check->start(choice); // the lines start afresh with the new devices
        m_heard->setEnabled(false);
        m_notHeard->setEnabled(false);
        retranslate();
        Q_EMIT choiceChanged(choice);
    });
}

SystemCheckPage::Line SystemCheckPage::makeLine(const char *objectName)
{
    const QByteArray name(objectName);
    Line line;
    line.mark = plainLabel(this, nullptr, nullptr, false);
    line.mark->setObjectName(QString::fromLatin1(name + "Mark"));
    line.mark->setProperty("checkMark", true);
    line.mark->setMinimumWidth(22);
    line.name = plainLabel(this, nullptr, "strong", false);
    line.name->setObjectName(QString::fromLatin1(name + "Name"));
    line.text = plainLabel(this);
    line.text->setObjectName(QString::fromLatin1(name + "Text"));
    return line;
}

void SystemCheckPage::setClient(CustomerClient *client)
{
    if (m_client) {
        m_client->disconnect(this);
        if (ConnectionCheck *check = m_client->connectionCheck())
            check->disconnect(this);
    }
    m_client = client;
    m_measuring = false;
    if (!client)
        return;
    connect(client->connectionCheck(), &ConnectionCheck::progress, this, [this](int percent) {
        m_progress = percent;
        retranslate();
    });
    connect(client->connectionCheck(), &ConnectionCheck::finished, this, &SystemCheckPage::onConnectionFinished);
    // The measurement needs the connection; it starts as soon as the session is connected.
    connect(client, &CustomerClient::phaseChanged, this, [this](CustomerClient::Phase phase) {
        if (phase == CustomerClient::Phase::ReadingNotices && m_check && !m_measuring && !decided(m_connection.outcome))
            startConnectionCheck();
    });
}

void SystemCheckPage::begin(media::MediaDevices &devices, const media::DeviceChoice &choice, bool repeat)
{
    end();
    m_devices = &devices;
    m_repeat = repeat;
    makeChooser(devices);
    m_chooser->setChoice(choice);
    m_check = std::make_unique<DeviceCheck>(devices, SystemClock::instance());
    connect(m_check.get(), &DeviceCheck::cameraFrame, m_preview, &VideoView::setFrame);
    connect(m_check.get(), &DeviceCheck::microphoneLevel, m_meter, &LevelMeterBar::setLevel);
    connect(m_check.get(), &DeviceCheck::outcomeChanged, this, &SystemCheckPage::onOutcome);
    m_heard->setEnabled(false);
    m_notHeard->setEnabled(false);
    m_check->start(m_chooser->choice());
    m_connection = {};
    if (m_client && m_client->phase() != CustomerClient::Phase::Connecting &&
        m_client->phase() != CustomerClient::Phase::Idle)
        startConnectionCheck();
    retranslate();
}

void SystemCheckPage::end()
{
    if (m_client && m_client->connectionCheck() && m_measuring)
        m_client->connectionCheck()->stop(); // leaving the check ends its measurement too
    m_measuring = false;
    if (m_check) {
        m_check->stop();
        m_check.reset();
    }
    m_preview->clear();
    m_meter->setLevel(-100.0f);
}

void SystemCheckPage::startConnectionCheck()
{
    if (!m_client || !m_client->connectionCheck())
        return;
    m_measuring = true;
    m_progress = 0;
    m_connection = {};
    m_client->connectionCheck()->start();
    retranslate();
}

wire::SystemCheck SystemCheckPage::result() const
{
    wire::SystemCheck check;
    if (m_check) {
        check.set_camera(m_check->outcome(DeviceCheck::Line::Camera));
        check.set_microphone(m_check->outcome(DeviceCheck::Line::Microphone));
        check.set_speaker(m_check->outcome(DeviceCheck::Line::Speaker));
    }
    check.set_connection(m_connection.outcome);
    check.set_download_kbps(static_cast<quint32>(qMax(0, m_connection.downloadKbps)));
    check.set_upload_kbps(static_cast<quint32>(qMax(0, m_connection.uploadKbps)));
    check.set_round_trip_ms(static_cast<quint32>(qMax(0, m_connection.roundTripMs)));
    return check;
}

bool SystemCheckPage::readyForVideo() const
{
    const wire::SystemCheck check = result();
    // A line the server could not measure (too many checks from this address, e.g. behind a shared
    // router, or the server busy) is no reason to refuse the consultation: the check is a help, and
    // the call's own rate control adapts to the line.
    const bool refusedByServer = m_connection.problem == ConnectionCheck::Result::Problem::RateLimited ||
                                 m_connection.problem == ConnectionCheck::Result::Problem::ServerBusy;
    return m_check && decided(check.camera()) && decided(check.microphone()) && decided(check.speaker()) &&
           (check.connection() == wire::CHECK_OUTCOME_PASSED || (refusedByServer && !m_measuring));
}

media::DeviceChoice SystemCheckPage::choice() const
{
    return m_chooser ? m_chooser->choice() : media::DeviceChoice{};
}

QString SystemCheckPage::cameraName() const
{
    if (!m_devices || !m_check || m_check->outcome(DeviceCheck::Line::Camera) != wire::CHECK_OUTCOME_PASSED)
        return {};
    return describe(m_devices->cameras(), choice().camera);
}

QString SystemCheckPage::microphoneName() const
{
    if (!m_devices || !m_check || m_check->outcome(DeviceCheck::Line::Microphone) != wire::CHECK_OUTCOME_PASSED)
        return {};
    return describe(m_devices->microphones(), choice().microphone);
}

QLabel *SystemCheckPage::lineText(DeviceCheck::Line line) const
{
    switch (line) {
    case DeviceCheck::Line::Camera:
        return m_camera.text;
    case DeviceCheck::Line::Microphone:
        return m_microphone.text;
    case DeviceCheck::Line::Speaker:
        return m_speaker.text;
    }
    return nullptr;
}

void SystemCheckPage::onOutcome(DeviceCheck::Line line, wire::CheckOutcome outcome)
{
    retranslate();
    if (decided(outcome))
        announce(lineText(line), SystemCheckTexts::lineName(line) + u": " + lineText(line)->text());
}

void SystemCheckPage::onConnectionFinished(const ConnectionCheck::Result &result)
{
    m_measuring = false;
    m_connection = result;
    retranslate();
    announce(m_connectionText, SystemCheckTexts::connectionName() + u": " + m_connectionText->text());
}

void SystemCheckPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SystemCheckPage::showLine(Line &line, const QString &name, wire::CheckOutcome outcome, const QString &text)
{
    // A tick for passed, a cross for what needs the customer, a dot while the line still runs. A
    // missing camera is no failure (seed 002): it gets a neutral mark, not a cross.
    const bool neutral = outcome == wire::CHECK_OUTCOME_MISSING && line.mark == m_camera.mark;
    line.mark->setText(outcome == wire::CHECK_OUTCOME_PASSED ? QStringLiteral("✓")
                       : !decided(outcome)                   ? QStringLiteral("…")
                       : neutral                             ? QStringLiteral("–")
                                                             : QStringLiteral("✗"));
    line.mark->setProperty("confirmation", outcome == wire::CHECK_OUTCOME_PASSED);
    line.mark->setProperty("error", decided(outcome) && outcome != wire::CHECK_OUTCOME_PASSED && !neutral);
    line.mark->setStyleSheet(QString());
    line.name->setText(name);
    line.text->setText(text);
    const QString state = outcome == wire::CHECK_OUTCOME_PASSED ? tr("in Ordnung")
                          : !decided(outcome)                   ? tr("wird geprüft")
                                                                : tr("Hinweis");
    line.mark->setAccessibleName(name + u": " + state);
    line.text->setAccessibleName(text);
}

void SystemCheckPage::retranslate()
{
    m_heading->setText(tr("Technik prüfen"));
    m_intro->setText(tr("Wir prüfen, ob Ihr Computer für die Videoberatung bereit ist. Wählen Sie, falls nötig, "
                        "andere Geräte: Wir merken uns Ihre Wahl."));
    const auto outcome = [this](DeviceCheck::Line line) {
        return m_check ? m_check->outcome(line) : wire::CHECK_OUTCOME_UNSPECIFIED;
    };
    for (const auto &[line, row] :
         {std::pair{DeviceCheck::Line::Camera, &m_camera}, std::pair{DeviceCheck::Line::Microphone, &m_microphone},
          std::pair{DeviceCheck::Line::Speaker, &m_speaker}})
        showLine(*row, SystemCheckTexts::lineName(line), outcome(line), SystemCheckTexts::device(line, outcome(line)));
    showLine(m_connectionLine, SystemCheckTexts::connectionName(),
             m_measuring ? wire::CHECK_OUTCOME_UNSPECIFIED : m_connection.outcome,
             m_measuring ? SystemCheckTexts::connectionRunning(m_progress)
                         : SystemCheckTexts::connection(m_connection));
    m_progressBar->setValue(m_measuring ? m_progress : decided(m_connection.outcome) ? 100 : 0);
    m_progressBar->setVisible(m_measuring);
    m_progressBar->setAccessibleName(tr("Fortschritt der Messung"));
    m_preview->setVisible(outcome(DeviceCheck::Line::Camera) != wire::CHECK_OUTCOME_MISSING);
    m_preview->setAccessibleName(tr("Vorschau Ihrer Kamera"));
    const bool microphoneThere = outcome(DeviceCheck::Line::Microphone) != wire::CHECK_OUTCOME_MISSING;
    m_sayHint->setText(tr("Sagen Sie etwas:"));
    m_sayHint->setVisible(microphoneThere);
    m_meter->setVisible(microphoneThere);
    m_meter->setAccessibleName(tr("Lautstärke Ihres Mikrofons"));
    const bool speakerThere = outcome(DeviceCheck::Line::Speaker) != wire::CHECK_OUTCOME_MISSING;
    m_playTone->setText(tr("Testton abspielen"));
    m_playTone->setAccessibleName(m_playTone->text());
    m_playTone->setVisible(speakerThere);
    m_heard->setText(tr("Ich habe den Ton gehört"));
    m_heard->setAccessibleName(m_heard->text());
    m_heard->setVisible(speakerThere);
    m_notHeard->setText(tr("Ich habe nichts gehört"));
    m_notHeard->setAccessibleName(m_notHeard->text());
    m_notHeard->setVisible(speakerThere);
    m_measureAgain->setText(tr("Erneut messen"));
    m_measureAgain->setAccessibleName(tr("Verbindung erneut messen"));
    m_measureAgain->setEnabled(!m_measuring && m_client);
    if (m_chooser)
        m_chooser->setAccessibleName(tr("Geräte wählen"));
    m_preview->setPlaceholderText(MediaTexts::ownCameraOff());

    const wire::SystemCheck check = result();
    const bool linesDecided = m_check && decided(check.camera()) && decided(check.microphone()) &&
                              decided(check.speaker()) && decided(check.connection()) && !m_measuring;
    const bool ready = readyForVideo();
    m_summary->setText(linesDecided ? SystemCheckTexts::summary(check) : QString());
    m_summary->setVisible(!m_summary->text().isEmpty());
    m_continue->setEnabled(ready);
    m_continue->setText(m_repeat ? tr("Fertig") : tr("Weiter"));
    m_continue->setAccessibleName(m_repeat ? tr("Prüfung abschließen") : tr("Weiter zur Anmeldung"));
    m_continue->setAccessibleDescription(ready ? QString() : tr("Noch nicht alle Prüfungen sind abgeschlossen."));
    m_textChat->setText(tr("Mit dem Textchat fortfahren"));
    m_textChat->setAccessibleName(m_textChat->text());
    m_textChat->setVisible(!m_repeat);
    m_cancel->setText(m_repeat ? tr("Zurück") : tr("Abbrechen"));
    m_cancel->setAccessibleName(m_repeat ? tr("Zurück ohne neue Prüfung") : tr("Abbrechen und zur Startseite"));
}

} // namespace consult::customer
