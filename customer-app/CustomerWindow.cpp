#include "CustomerWindow.h"

#include "ConsentPage.h"
#include "ConsultationPage.h"
#include "CustomerTexts.h"
#include "DevicePreferences.h"
#include "EndPage.h"
#include "HeaderBar.h"
#include "InputCheck.h"
#include "LoginPage.h"
#include "MessagePage.h"
#include "MessageStoredPage.h"
#include "ModePage.h"
#include "StartPage.h"
#include "SystemCheckPage.h"
#include "SystemCheckTexts.h"
#include "TranscriptSource.h"
#include "VideoPanel.h"
#include "WaitingPage.h"
#include "client/consultation/Consultation.h"
#include "client/whiteboard/ConsultationWhiteboard.h"
#include "core/Clock.h"
#include "media/devices/QtMediaDevices.h"
#include "summary/ExchangeKeepsake.h"
#include "whiteboard/BoardKeepsake.h"
#include "whiteboard/WhiteboardPanel.h"
#include "widgets/Announcer.h"
#include "widgets/LanguageSwitcher.h"
#include "widgets/SendGuardDialog.h"

#include <QCloseEvent>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace consult::customer {

namespace {

using Phase = CustomerClient::Phase;

// If closing waits for the server to confirm the end, it waits at most this long.
constexpr int kCloseGraceMs = 3000;

// The video consultation needs room for the picture beside the chat.
constexpr QSize kVideoWindowSize(1100, 720);
// The smallest window for the text chat; the video consultation needs room for pictures, whiteboard
// and chat at once, so it has a larger minimum (nothing cut off, whatever the customer resizes to).
constexpr QSize kMinimumSize(560, 520);
constexpr QSize kBoardMinimumSize(820, 600); // the text chat with documents, forms or a whiteboard beside it
constexpr QSize kVideoMinimumSize(960, 720);

} // namespace

CustomerWindow::CustomerWindow(Options options, LanguageSwitcher &language, QWidget *parent)
    : QMainWindow(parent)
    , m_options(std::move(options))
    , m_language(language)
{
    auto *central = new QWidget(this);
    central->setObjectName(QStringLiteral("central"));
    m_header = new HeaderBar(m_options.bankName, m_language, central);
    m_banner = new QLabel(central);
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setWordWrap(true);
    m_banner->hide();
    m_pages = new QStackedWidget(central);
    m_start = new StartPage(m_pages);
    m_login = new LoginPage(m_pages);
    m_waiting = new WaitingPage(m_pages);
    m_message = new MessagePage(m_pages);
    m_stored = new MessageStoredPage(m_pages);
    m_check = new SystemCheckPage(m_pages);
    m_mode = new ModePage(m_pages);
    m_consent = new ConsentPage(m_pages);
    m_consultation = new ConsultationPage(m_pages);
    m_end = new EndPage(m_pages);
    m_keepsake = new BoardKeepsake(this);
    m_exchangeKeepsake = new ExchangeKeepsake(this);
    for (QWidget *page :
         {static_cast<QWidget *>(m_start), static_cast<QWidget *>(m_login), static_cast<QWidget *>(m_waiting),
          static_cast<QWidget *>(m_message), static_cast<QWidget *>(m_stored), static_cast<QWidget *>(m_check),
          static_cast<QWidget *>(m_mode), static_cast<QWidget *>(m_consent), static_cast<QWidget *>(m_consultation),
          static_cast<QWidget *>(m_end)})
        m_pages->addWidget(page);

    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_header);
    layout->addWidget(m_banner);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    QFile style(QStringLiteral(":/customer/customer.qss"));
    if (style.open(QIODevice::ReadOnly))
        setStyleSheet(QString::fromUtf8(style.readAll()));
    resize(780, 700);
    setMinimumSize(kMinimumSize);
    connectPages();
    // A whiteboard beside the chat needs more room than the chat alone; the window grows for it.
    connect(m_consultation->whiteboardPanel(), &WhiteboardPanel::availabilityChanged, this,
            &CustomerWindow::updateMinimumSize);
    connect(m_pages, &QStackedWidget::currentChanged, this, &CustomerWindow::updateMinimumSize);
    connect(&m_language, &LanguageSwitcher::languageChanged, this, [this] {
        // The notices and the greeting come in the session's language: before log-in, start afresh.
        if (m_client && (m_client->phase() == Phase::Connecting || m_client->phase() == Phase::ReadingNotices ||
                         (m_client->phase() == Phase::Failed && m_client->name().isEmpty())))
            startSession();
    });
    retranslate();
    m_pages->setCurrentWidget(m_start);
    m_start->chatButton()->setFocus();
}

CustomerWindow::~CustomerWindow()
{
    // The check and the call use the devices, which may be ours (m_ownDevices): close them first.
    m_check->end();
    dropSession();
}

QPushButton *CustomerWindow::languageButton() const
{
    return m_header->languageButton();
}

QPushButton *CustomerWindow::checkAgainButton() const
{
    return m_header->checkButton();
}

media::MediaDevices &CustomerWindow::devices()
{
    if (m_options.devices)
        return *m_options.devices;
    // Qt Multimedia only when the video consultation is first wanted: the chat starts without it.
    if (!m_ownDevices)
        m_ownDevices = std::make_unique<media::QtMediaDevices>();
    return *m_ownDevices;
}

void CustomerWindow::connectPages()
{
    connect(m_start, &StartPage::chatRequested, this, [this] {
        m_video = false;
        updateMinimumSize();
        m_login->setVideo(false);
        retranslate();
        startSession();
    });
    connect(m_start, &StartPage::videoRequested, this, &CustomerWindow::startVideoSession);
    connect(m_login, &LoginPage::retryRequested, this, &CustomerWindow::startSession);
    connect(m_login, &LoginPage::cancelRequested, this, &CustomerWindow::goHome);
    connect(m_login, &LoginPage::loginRequested, this, [this](const QString &name, const QString &phone) {
        if (!m_client || m_client->phase() != Phase::ReadingNotices)
            return;
        if (!m_video) {
            m_client->login(name, phone, wire::CONSULTATION_MODE_CHAT);
            return;
        }
        // Seed 001 step 4: the choice of connection comes next; the log-in is sent after it.
        m_pendingName = name;
        m_pendingPhone = phone;
        m_videoStep = VideoStep::Mode;
        showVideoStep();
    });
    connect(m_check, &SystemCheckPage::choiceChanged, this, [this](const media::DeviceChoice &choice) {
        m_choice = choice;
        QSettings settings;
        DevicePreferences::save(settings, choice);
    });
    connect(m_check, &SystemCheckPage::continueRequested, this, [this] {
        // Kept for the session: it travels with the log-in (or updates what will travel, or, while
        // waiting, what the advisors' queue shows).
        m_systemCheck = m_check->result();
        if (m_client)
            m_client->updateSystemCheck(*m_systemCheck);
        m_mode->setVideoPossible(true);
        m_consent->setDevices(m_check->cameraName(), m_check->microphoneName());
        closeCheck();
    });
    connect(m_check, &SystemCheckPage::textChatRequested, this, [this] {
        // Not enough for picture and sound: the same session goes on as the text chat.
        m_systemCheck = m_check->result();
        if (m_client)
            m_client->updateSystemCheck(*m_systemCheck);
        m_mode->setVideoPossible(false, SystemCheckTexts::summary(*m_systemCheck));
        closeCheck();
    });
    connect(m_check, &SystemCheckPage::cancelRequested, this, [this] {
        if (m_checkReturn)
            closeCheck();
        else
            goHome();
    });
    connect(m_header, &HeaderBar::checkRequested, this, [this] { openCheck(true); });
    connect(m_pages, &QStackedWidget::currentChanged, this, &CustomerWindow::updateCheckOffer);
    connect(m_mode, &ModePage::backRequested, this, [this] {
        m_videoStep = VideoStep::Login;
        showVideoStep();
    });
    connect(m_mode, &ModePage::connectRequested, this, [this](bool video) {
        if (!video) {
            sendLogin(wire::CONSULTATION_MODE_CHAT);
        } else if (m_devicesAllowed) {
            sendLogin(wire::CONSULTATION_MODE_VIDEO); // allowed once for this consultation: not asked again
        } else {
            m_videoStep = VideoStep::Consent;
            showVideoStep();
        }
    });
    connect(m_consent, &ConsentPage::allowed, this, [this] {
        m_devicesAllowed = true;
        sendLogin(wire::CONSULTATION_MODE_VIDEO);
    });
    connect(m_consent, &ConsentPage::denied, this, [this] { sendLogin(wire::CONSULTATION_MODE_CHAT); });
    connect(m_waiting, &WaitingPage::writeMessageRequested, this, [this] {
        m_composingMessage = true;
        onPhaseChanged(m_client->phase());
    });
    connect(m_waiting, &WaitingPage::leaveRequested, this, [this] {
        if (confirm(tr("Warten beenden"),
                    tr("Möchten Sie die Warteschlange wirklich verlassen? Ihr Platz geht dabei "
                       "verloren."),
                    tr("Warteschlange verlassen"), tr("Weiter warten")) &&
            m_client && m_client->phase() == Phase::Waiting)
            m_client->leaveQueue();
    });
    connect(m_message, &MessagePage::sendRequested, this, &CustomerWindow::sendMessage);
    connect(m_message, &MessagePage::backToWaitingRequested, this, [this] {
        m_composingMessage = false;
        onPhaseChanged(m_client->phase());
    });
    connect(m_message, &MessagePage::cancelRequested, this, [this] {
        m_goHomeWhenEnded = true;
        m_client->leaveQueue();
    });
    connect(m_stored, &MessageStoredPage::homeRequested, this, &CustomerWindow::goHome);
    connect(m_stored, &MessageStoredPage::quitRequested, this, &QWidget::close);
    connect(m_consultation, &ConsultationPage::endRequested, this, [this] {
        if (confirm(tr("Beratung beenden"), tr("Möchten Sie die Beratung jetzt beenden?"), tr("Beratung beenden"),
                    tr("Weiter schreiben")) &&
            m_client && m_client->phase() == Phase::Consulting)
            m_client->endConsultation();
    });
    connect(m_end, &EndPage::homeRequested, this, &CustomerWindow::goHome);
    connect(m_end, &EndPage::quitRequested, this, &QWidget::close);
}

void CustomerWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void CustomerWindow::retranslate()
{
    setWindowTitle(m_video ? tr("%1 – Videoberatung").arg(m_options.bankName)
                           : tr("%1 – Service-Chat").arg(m_options.bankName));
    onConnectionState(m_client ? m_client->connection().state() : ClientConnection::State::Disconnected);
}

void CustomerWindow::startSession()
{
    dropSession();
    ClientConnection::Settings settings = m_options.connection;
    settings.language = m_language.language();
    m_client = std::make_unique<CustomerClient>(settings, SystemClock::instance());
    CustomerClient *client = m_client.get();
    // Every chat line the customer sends passes the send guard; its questions appear over this window.
    client->setSendConfirmation(SendGuardDialog::confirmationOver(this));
    m_login->setClient(client);
    m_check->setClient(client);
    m_waiting->setClient(client);
    m_message->setClient(client);
    m_stored->setClient(client);
    m_consultation->setClient(client);
    connect(client, &CustomerClient::phaseChanged, this, &CustomerWindow::onPhaseChanged);
    connect(&client->connection(), &ClientConnection::stateChanged, this, &CustomerWindow::onConnectionState);
    client->start(m_options.endpoint);
    // The video consultation begins with the system check, which measures on this session.
    if (m_video && m_videoStep == VideoStep::Check)
        openCheck(false);
}

void CustomerWindow::startVideoSession()
{
    m_video = true;
    updateMinimumSize();
    // The check and the consultation need room for pictures beside the text.
    if (width() < kVideoWindowSize.width() || height() < kVideoWindowSize.height())
        resize(kVideoWindowSize.expandedTo(size()));
    retranslate();
    m_videoStep = VideoStep::Check;
    m_systemCheck.reset();
    m_login->setVideo(true);
    m_mode->setVideoPossible(true);
    startSession();
}

void CustomerWindow::openCheck(bool repeat)
{
    QSettings settings;
    m_choice = DevicePreferences::load(settings);
    m_checkReturn = repeat ? m_pages->currentWidget() : nullptr;
    m_check->setClient(m_client.get());
    m_check->begin(devices(), m_choice, repeat);
    m_pages->setCurrentWidget(m_check);
    updateCheckOffer();
    m_check->focusFirst();
}

void CustomerWindow::closeCheck()
{
    m_check->end();
    if (m_checkReturn) {
        QWidget *back = m_checkReturn;
        m_checkReturn = nullptr;
        // The session may have moved on meanwhile (an advisor took the customer): follow it.
        if (m_client && m_client->phase() != Phase::ReadingNotices)
            onPhaseChanged(m_client->phase());
        else
            m_pages->setCurrentWidget(back);
    } else {
        m_videoStep = VideoStep::Login;
        showVideoStep();
    }
    updateCheckOffer();
}

void CustomerWindow::updateCheckOffer()
{
    // The settings entry: from the log-in form until the advisor greets the customer (the call then
    // holds the devices; its switches and the device states are on the consultation screen).
    const Phase phase = m_client ? m_client->phase() : Phase::Idle;
    const bool offered = m_video && m_pages->currentWidget() != m_check && m_videoStep != VideoStep::Check &&
                         (phase == Phase::ReadingNotices || phase == Phase::Waiting);
    m_header->setCheckOffered(offered);
}

void CustomerWindow::startVideoCall()
{
    Consultation *consultation = m_client ? m_client->consultation() : nullptr;
    if (!consultation || !m_video || !m_devicesAllowed || consultation->mode() != wire::CONSULTATION_MODE_VIDEO ||
        m_consultation->videoPanel()->call())
        return;
    VideoPanel::Setup setup;
    setup.call = m_options.call;
    setup.devices = m_choice;
    setup.dialInNumber = m_options.dialInNumber;
    setup.cameraOn = !m_systemCheck || m_systemCheck->camera() == wire::CHECK_OUTCOME_PASSED;
    setup.microphoneWorks = !m_systemCheck || m_systemCheck->microphone() == wire::CHECK_OUTCOME_PASSED;
    setup.speakerWorks = !m_systemCheck || m_systemCheck->speaker() == wire::CHECK_OUTCOME_PASSED;
    m_consultation->setVideo(true);
    m_consultation->videoPanel()->start(*consultation, devices(), setup);
}

void CustomerWindow::stopVideoCall()
{
    // Every device closes with the call: the permission ends here (seed 001 step 5).
    m_consultation->videoPanel()->stop();
    m_consultation->setVideo(false);
}

void CustomerWindow::showVideoStep()
{
    switch (m_videoStep) {
    case VideoStep::Check:
        m_pages->setCurrentWidget(m_check);
        break;
    case VideoStep::Login:
    case VideoStep::Sent:
        m_pages->setCurrentWidget(m_login);
        break;
    case VideoStep::Mode:
        m_pages->setCurrentWidget(m_mode);
        m_mode->connectButton()->setFocus();
        break;
    case VideoStep::Consent:
        m_pages->setCurrentWidget(m_consent);
        m_consent->allowButton()->setFocus();
        break;
    }
}

void CustomerWindow::sendLogin(wire::ConsultationMode mode)
{
    if (!m_client || m_client->phase() != Phase::ReadingNotices)
        return;
    m_videoStep = VideoStep::Sent;
    // The system check travels with the video consultation's log-in, as structured fields.
    m_client->login(m_pendingName, m_pendingPhone, mode,
                    mode == wire::CONSULTATION_MODE_VIDEO && m_systemCheck ? &*m_systemCheck : nullptr);
}

void CustomerWindow::dropSession()
{
    m_composingMessage = m_goHomeWhenEnded = m_wasReconnecting = false;
    m_devicesAllowed = false;
    m_end->clear();
    m_keepsake->follow(nullptr, nullptr);
    m_exchangeKeepsake->follow(nullptr);
    if (!m_client)
        return;
    // Views first, so that nothing points into the old session's models; the call closes its devices.
    stopVideoCall();
    m_check->setClient(nullptr);
    m_login->setClient(nullptr);
    m_waiting->setClient(nullptr);
    m_message->setClient(nullptr);
    m_stored->setClient(nullptr);
    m_consultation->setClient(nullptr);
    CustomerClient *old = m_client.release();
    old->disconnect();
    old->chat()->disconnect();
    old->connection().disconnect(this);
    old->connection().close();
    old->deleteLater();
    m_banner->hide();
}

void CustomerWindow::goHome()
{
    m_check->end();
    m_checkReturn = nullptr;
    m_video = false;
    updateMinimumSize();
    m_systemCheck.reset();
    dropSession();
    retranslate();
    updateCheckOffer();
    m_login->reset();
    m_pages->setCurrentWidget(m_start);
    m_start->chatButton()->setFocus();
}

void CustomerWindow::onPhaseChanged(CustomerClient::Phase phase)
{
    // While the customer repeats the system check, the session carries on behind it; only the
    // advisor's greeting (or the end) takes the customer away from the check.
    const bool checking = m_pages->currentWidget() == m_check;
    if (checking && (m_checkReturn || m_videoStep == VideoStep::Check) && phase != Phase::Consulting &&
        phase != Phase::Ended && phase != Phase::Failed) {
        if (phase == Phase::ReadingNotices)
            m_login->setState(LoginPage::State::Ready);
        else if (phase == Phase::Connecting)
            m_login->setState(LoginPage::State::Connecting);
        updateCheckOffer();
        return;
    }
    if (checking) {
        m_check->end();
        m_checkReturn = nullptr;
    }
    updateCheckOffer();
    switch (phase) {
    case Phase::Idle:
        m_pages->setCurrentWidget(m_start);
        break;
    case Phase::Connecting:
        m_login->setState(LoginPage::State::Connecting);
        if (m_video)
            showVideoStep();
        else
            m_pages->setCurrentWidget(m_login);
        break;
    case Phase::ReadingNotices:
        m_login->setState(LoginPage::State::Ready);
        if (m_video && m_videoStep == VideoStep::Sent)
            m_videoStep = VideoStep::Login; // refused: the log-in form says why
        if (m_video)
            showVideoStep();
        else
            m_pages->setCurrentWidget(m_login);
        break;
    case Phase::LoggingIn:
        m_login->setState(LoginPage::State::LoggingIn);
        m_pages->setCurrentWidget(m_login);
        break;
    case Phase::Waiting:
        m_message->setSending(false);
        updateCheckOffer();
        if (m_composingMessage) {
            m_message->setMode(MessagePage::Mode::InsteadOfWaiting);
            m_pages->setCurrentWidget(m_message);
        } else {
            m_pages->setCurrentWidget(m_waiting);
            m_waiting->positionLabel()->setFocus();
        }
        break;
    case Phase::MessageOnly:
        m_message->setSending(false);
        m_message->setMode(m_client->queueStatus().state() == wire::QUEUE_STATE_FULL_MESSAGE_ONLY
                               ? MessagePage::Mode::QueueFull
                               : MessagePage::Mode::Closed);
        m_pages->setCurrentWidget(m_message);
        break;
    case Phase::SendingMessage:
        m_message->setSending(true);
        break;
    case Phase::MessageStored:
        m_message->setSending(false);
        m_pages->setCurrentWidget(m_stored);
        break;
    case Phase::Consulting:
        m_composingMessage = false;
        if (Consultation *consultation = m_client->consultation()) {
            auto *whiteboard = consultation->part<ConsultationWhiteboard>();
            m_keepsake->follow(whiteboard ? &whiteboard->model() : nullptr, consultation);
            m_exchangeKeepsake->follow(consultation);
        }
        startVideoCall();
        m_pages->setCurrentWidget(m_consultation);
        m_consultation->focusInput();
        break;
    case Phase::Ended:
        if (m_closeWhenEnded) {
            close();
            return;
        }
        if (m_goHomeWhenEnded) {
            goHome();
            return;
        }
        // Seed 001 step 5: the permission for camera and microphone ends with the consultation.
        stopVideoCall();
        m_end->setDeviceAccessEnded(m_devicesAllowed);
        m_devicesAllowed = false;
        if (m_client->consultationId().isEmpty()) {
            m_end->showLeftQueue();
        } else {
            keepForEndPage(true);
            m_end->showEnded(m_client->endReason(), TranscriptSource::contentOf(*m_client, m_options.bankName));
        }
        m_pages->setCurrentWidget(m_end);
        break;
    case Phase::Failed: {
        const ClientConnection::Failure failure = m_client->connection().failure();
        if (m_closeWhenEnded) {
            close();
            return;
        }
        if (m_client->name().isEmpty()) {
            // Never logged in: the log-in page says why and offers to try again.
            m_login->setState(LoginPage::State::Failed,
                              CustomerTexts::connectionFailure(failure == ClientConnection::Failure::None
                                                                   ? ClientConnection::Failure::ServerUnreachable
                                                                   : failure));
            m_pages->setCurrentWidget(m_login);
        } else {
            std::optional<TranscriptContent> transcript;
            stopVideoCall();
            m_end->setDeviceAccessEnded(m_devicesAllowed);
            m_devicesAllowed = false;
            if (!m_client->consultationId().isEmpty()) {
                keepForEndPage(false);
                transcript = TranscriptSource::contentOf(*m_client, m_options.bankName);
            }
            m_end->showLost(failure, std::move(transcript));
            m_pages->setCurrentWidget(m_end);
        }
        break;
    }
    }
}

void CustomerWindow::updateMinimumSize()
{
    // The documents (and a form) sit beside the chat for the whole consultation: the same room as a whiteboard.
    const bool board = m_pages->currentWidget() == static_cast<QWidget *>(m_consultation);
    const QSize minimum = m_video ? kVideoMinimumSize : board ? kBoardMinimumSize : kMinimumSize;
    setMinimumSize(minimum);
    if (width() < minimum.width() || height() < minimum.height())
        resize(size().expandedTo(minimum));
}

void CustomerWindow::keepForEndPage(bool ended)
{
    Consultation *consultation = m_client->consultation();
    m_end->setConsultationMode(consultation ? consultation->mode() : wire::CONSULTATION_MODE_CHAT);
    m_end->setBoard(m_keepsake->take());
    m_end->setExchanged(m_exchangeKeepsake->take());
    // Only the server's own receipt is shown; a lost consultation has none (the page says so).
    m_end->setDeletionReceipt(ended && consultation && consultation->isEnded()
                                  ? std::optional<wire::DeletionReceipt>(consultation->deletionReceipt())
                                  : std::nullopt);
}

void CustomerWindow::onConnectionState(ClientConnection::State state)
{
    const bool reconnecting = state == ClientConnection::State::Reconnecting;
    m_banner->setText(tr("Die Verbindung ist unterbrochen und wird wiederhergestellt … Was Sie jetzt schreiben, "
                         "wird gesendet, sobald sie wieder steht."));
    m_banner->setAccessibleName(m_banner->text());
    m_banner->setVisible(reconnecting);
    if (reconnecting && !m_wasReconnecting)
        announce(m_banner, m_banner->text());
    if (!reconnecting && m_wasReconnecting && state == ClientConnection::State::Connected)
        announce(m_banner, tr("Die Verbindung steht wieder."));
    m_wasReconnecting = reconnecting;
}

void CustomerWindow::sendMessage(const QString &text, const QString &callbackPhone)
{
    // Left messages are stored at the bank: the same checks as chat lines (C2, C3).
    if (const SendCheck check = SendGuard::check(text);
        !check.isClean() && SendGuardDialog::ask(check, this) == SendGuard::Decision::Edit) {
        m_message->textEdit()->setFocus();
        return;
    }
    if (!m_client || (m_client->phase() != Phase::Waiting && m_client->phase() != Phase::MessageOnly))
        return;
    m_stored->setCallbackPhone(checkPhone(callbackPhone).display);
    m_client->leaveMessage(text, callbackPhone);
}

bool CustomerWindow::confirm(const QString &title, const QString &text, const QString &yes, const QString &no)
{
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("confirm"));
    box.setTextFormat(Qt::PlainText);
    QPushButton *accept = box.addButton(yes, QMessageBox::AcceptRole);
    accept->setObjectName(QStringLiteral("yes"));
    QPushButton *reject = box.addButton(no, QMessageBox::RejectRole);
    reject->setObjectName(QStringLiteral("no"));
    box.setDefaultButton(reject);
    box.setEscapeButton(reject);
    box.exec();
    return box.clickedButton() == accept;
}

void CustomerWindow::closeEvent(QCloseEvent *event)
{
    const Phase phase = m_client ? m_client->phase() : Phase::Idle;
    if (m_closeWhenEnded || phase == Phase::Idle || phase == Phase::MessageStored || phase == Phase::Connecting ||
        phase == Phase::ReadingNotices || phase == Phase::LoggingIn) {
        dropSession();
        event->accept();
        return;
    }
    event->ignore();
    if (phase == Phase::Consulting) {
        if (!confirm(tr("Beratung beenden"), tr("Wenn Sie die Anwendung schließen, endet die Beratung."),
                     tr("Beratung beenden und schließen"), tr("Weiter schreiben")))
            return;
        m_closeWhenEnded = true;
        m_client->endConsultation();
    } else if (phase == Phase::Waiting || phase == Phase::MessageOnly || phase == Phase::SendingMessage) {
        if (!confirm(tr("Anwendung schließen"),
                     tr("Wenn Sie die Anwendung schließen, verlassen Sie die "
                        "Warteschlange."),
                     tr("Schließen"), tr("Weiter warten")))
            return;
        m_closeWhenEnded = true;
        m_client->leaveQueue();
    } else {
        // Ended or failed: only the transcript is left, and it is deleted with the window (C4).
        if (m_end->transcriptDocument() && !m_end->transcriptKept() &&
            !confirm(tr("Anwendung schließen"),
                     tr("Das Gesprächsprotokoll wird beim Schließen gelöscht. Möchten Sie es vorher speichern oder "
                        "drucken?"),
                     tr("Ohne Protokoll schließen"), tr("Zurück zum Protokoll")))
            return;
        dropSession();
        event->accept();
        return;
    }
    // Whatever the server answers, the window closes soon.
    QTimer::singleShot(kCloseGraceMs, this, [this] { close(); });
}

} // namespace consult::customer
