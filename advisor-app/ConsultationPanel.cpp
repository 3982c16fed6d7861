#include "ConsultationPanel.h"
#include "widgets/PlainLabel.h"

#include "StatusTexts.h"
#include "TransferDialog.h"
#include "VideoPanel.h"
#include "client/AdvisorClient.h"
#include "documents/DocumentsPanel.h"
#include "forms/FormsPanel.h"
#include "validation/PhoneNumber.h"
#include "whiteboard/WhiteboardPanel.h"
#include "widgets/Announcer.h"
#include "widgets/ChatInput.h"
#include "widgets/ChatView.h"

#include <QAbstractButton>
#include <QAction>
#include <QDropEvent>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace consult::advisor {

namespace {

// Customer details the advisor may copy (e.g. the phone number), on one line.
QLabel *selectableLabel(QWidget *parent)
{
    QLabel *label = plainLabel(parent, nullptr, nullptr, false);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

ConsultationPanel::ConsultationPanel(AdvisorClient &client, const QString &consultationId,
                                     const CannedResponses &canned, media::MediaDevices &devices,
                                     const media::DeviceChoice &choice, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_id(consultationId)
    , m_consultation(client.findConsultation(consultationId))
    , m_canned(canned)
{
    setObjectName(QStringLiteral("consultation-%1").arg(consultationId));
    m_name = selectableLabel(this);
    QFont nameFont = m_name->font();
    nameFont.setBold(true);
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.2);
    m_name->setFont(nameFont);
    m_details = selectableLabel(this);
    m_unreadBadge = selectableLabel(this);
    m_unreadBadge->setStyleSheet(
        QStringLiteral("background: #c0392b; color: white; border-radius: 8px; padding: 1px 7px; font-weight: bold;"));
    m_unreadBadge->hide();
    m_accent = new QFrame(this);
    m_accent->setFixedHeight(3);
    m_accent->setStyleSheet(QStringLiteral("background: palette(highlight);"));
    m_accent->hide();
    m_state = selectableLabel(this);
    m_state->setObjectName(QStringLiteral("consultationState"));
    m_state->setWordWrap(true);

    m_chat = new ChatView(this);
    m_input = new ChatInput(this);
    m_input->setObjectName(QStringLiteral("chatInput"));
    m_input->setMaximumHeight(m_input->fontMetrics().lineSpacing() * 5);

    m_cannedMenu = new QMenu(this);
    m_cannedButton = new QPushButton(this);
    m_cannedButton->setObjectName(QStringLiteral("cannedButton"));
    m_cannedButton->setMenu(m_cannedMenu);
    m_transfer = new QPushButton(this);
    m_transfer->setObjectName(QStringLiteral("transferButton"));
    m_end = new QPushButton(this);
    m_end->setObjectName(QStringLiteral("endButton"));
    m_send = new QPushButton(this);
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_boardButton = new QPushButton(this);
    m_boardButton->setObjectName(QStringLiteral("boardButton"));
    m_boardButton->setCheckable(true);
    m_exchangeButton = new QPushButton(this);
    m_exchangeButton->setObjectName(QStringLiteral("exchangeButton"));
    m_exchangeButton->setCheckable(true);

    auto *header = new QHBoxLayout;
    header->addWidget(m_name);
    header->addWidget(m_unreadBadge);
    header->addStretch();
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_cannedButton);
    actions->addWidget(m_transfer);
    actions->addWidget(m_end);
    actions->addWidget(m_boardButton);
    actions->addWidget(m_exchangeButton);
    actions->addStretch();
    actions->addWidget(m_send);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_accent);
    layout->addLayout(header);
    layout->addWidget(m_details);
    layout->addWidget(m_state);
    // Seed 001 steps 6 and 7: the chat beside the picture and the board, for a video consultation
    // and a text chat alike; the splitter lets the advisor give the board or the chat more room.
    auto *chatColumn = new QWidget(this);
    auto *chatLayout = new QVBoxLayout(chatColumn);
    chatLayout->setContentsMargins(0, 0, 0, 0);
    chatLayout->addWidget(m_chat, 1);
    chatLayout->addWidget(m_input);
    chatColumn->setMinimumWidth(240); // chat lines stay readable next to the picture
    QWidget *work = nullptr;          // what stands left of the chat: the video and / or the board
    Consultation *current = consultation();
    if (current)
        m_whiteboard = new WhiteboardPanel(*current, this);
    if (current && current->mode() == wire::CONSULTATION_MODE_VIDEO) {
        m_video = new VideoPanel(*current, devices, choice, this);
        connect(m_video, &VideoPanel::deviceChoiceChanged, this, &ConsultationPanel::deviceChoiceChanged);
        // The picture or the board in the same place: both need the height, and the call goes on while
        // the board is in front ("Tafel" switches; a document on the board brings it forward).
        m_videoOrBoard = new QStackedWidget(this);
        m_videoOrBoard->setObjectName(QStringLiteral("videoOrBoard"));
        m_videoOrBoard->addWidget(m_video);
        m_videoOrBoard->addWidget(m_whiteboard);
        m_videoOrBoard->setCurrentWidget(m_video);
        work = m_videoOrBoard;
        const auto shortcut = [this](const QKeySequence &keys, void (VideoPanel::*toggle)()) {
            auto *action = new QAction(this);
            action->setShortcut(keys);
            action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            connect(action, &QAction::triggered, m_video, toggle);
            addAction(action);
        };
        shortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K), &VideoPanel::toggleCamera);
        shortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M), &VideoPanel::toggleMicrophone);
    } else {
        work = m_whiteboard;
        // A chat shows its board once there is something on it or the advisor asks for it, so
        // chats side by side keep their width until then.
        if (m_whiteboard)
            m_whiteboard->hide();
    }
    if (m_whiteboard) {
        connect(m_boardButton, &QPushButton::toggled, this, [this](bool shown) {
            if (m_videoOrBoard)
                m_videoOrBoard->setCurrentWidget(shown ? static_cast<QWidget *>(m_whiteboard) : m_video);
            else
                m_whiteboard->setVisible(shown);
            if (shown)
                m_whiteboard->setFocus(Qt::OtherFocusReason);
        });
        if (ConsultationWhiteboard *board = m_whiteboard->whiteboard()) {
            const auto reveal = [this] {
                if (!m_whiteboard->whiteboard()->model().documents().isEmpty())
                    m_boardButton->setChecked(true);
            };
            connect(&board->model(), &board::BoardModel::documentAdded, this, reveal);
            connect(&board->model(), &board::BoardModel::reset, this, reveal);
            reveal();
        }
    } else {
        m_boardButton->hide();
    }
    if (current) {
        // Issue 12: the documents and forms beside the chat, behind "Dokumente & Formulare", so the
        // chat keeps its width until the advisor wants them (or something arrives: the badge says so).
        m_documents = new DocumentsPanel(*current, this);
        m_forms = new FormsPanel(
            *current,
            [&client] {
                const auto &forms = client.formLibrary().forms();
                return QList<wire::FormSummary>(forms.begin(), forms.end());
            },
            this);
        m_exchange = new QTabWidget(this);
        m_exchange->setObjectName(QStringLiteral("documentsAndForms"));
        m_exchange->setDocumentMode(true);
        m_exchange->addTab(m_documents, QString());
        m_exchange->addTab(m_forms, QString());
        m_exchange->setMinimumWidth(260);
        m_exchange->hide();
        connect(m_exchangeButton, &QPushButton::toggled, this, [this](bool shown) {
            m_exchange->setVisible(shown);
            // Chat and area share the chat's room, the area a little more: file names and form values
            // need the width more than chat bubbles (which keep their minimum).
            auto *split = qobject_cast<QSplitter *>(m_exchange->parentWidget());
            if (shown && split && split->count() == 3) {
                QList<int> sizes = split->sizes();
                const int shared = sizes.at(1) + sizes.at(2);
                sizes[1] = shared * 2 / 5;
                sizes[2] = shared - sizes[1];
                split->setSizes(sizes);
            }
            if (shown) {
                m_exchangeBadge = 0;
                updateExchangeButton();
            }
        });
        connect(m_documents, &DocumentsPanel::documentArrived, this, [this] {
            if (!m_exchange->isVisible())
                m_exchange->setCurrentWidget(m_documents);
            noteExchangeArrival();
        });
        connect(m_forms, &FormsPanel::formSubmitted, this, [this] {
            if (!m_exchange->isVisible())
                m_exchange->setCurrentWidget(m_forms);
            noteExchangeArrival();
        });
        // A file dropped on the chat is sent like one dropped on the documents panel.
        m_chat->setAcceptDrops(true);
        m_chat->viewport()->setAcceptDrops(true);
        m_chat->viewport()->installEventFilter(this);
    } else {
        m_exchangeButton->hide();
    }
    if (work) {
        auto *split = new QSplitter(Qt::Horizontal, this);
        split->setObjectName(QStringLiteral("videoAndChat"));
        split->setChildrenCollapsible(false);
        split->addWidget(work);
        split->addWidget(chatColumn);
        split->setStretchFactor(0, 3);
        split->setStretchFactor(1, 2);
        if (m_exchange) {
            split->addWidget(m_exchange);
            split->setStretchFactor(2, 2);
        }
        split->setSizes({3000, 2000, 2000}); // in proportion, whatever the width: the chat gets room to read
        layout->addWidget(split, 1);
    } else {
        layout->addWidget(chatColumn, 1);
    }
    layout->addLayout(actions);

    connect(m_send, &QPushButton::clicked, this, &ConsultationPanel::send);
    connect(m_input, &ChatInput::submitted, this, &ConsultationPanel::send);
    connect(m_end, &QPushButton::clicked, this, &ConsultationPanel::endOrClose);
    connect(m_transfer, &QPushButton::clicked, this, &ConsultationPanel::requestTransfer);

    if (Consultation *c = consultation()) {
        connect(m_input, &ChatInput::textChanged, this, [this] {
            if (m_consultation && !m_input->toPlainText().isEmpty())
                m_consultation->chat()->noteTyping();
        });
        connect(c->chat(), &ConsultationChat::peerTypingChanged, this, &ConsultationPanel::updateState);
        connect(c, &Consultation::peerPresenceChanged, this, &ConsultationPanel::updateState);
        connect(c, &Consultation::ended, this, [this] {
            m_notice.clear();
            updateState();
        });
        connect(c, &Consultation::transferRefused, this,
                [this](wire::ErrorCode code) { showNotice(StatusTexts::transferRefusal(code, m_transferTarget)); });
        connect(c->chat(), &ConsultationChat::lineRefused, this, [this](const QString &, wire::ErrorCode code) {
            showNotice(code == wire::ERROR_RATE_LIMITED
                           ? tr("Nachricht nicht gesendet: zu viele Nachrichten in kurzer Zeit.")
                           : tr("Nachricht nicht gesendet (Fehler %1).").arg(static_cast<int>(code)));
        });
        m_chat->setChatModel(c->chat()->model());
        connect(c->chat()->model(), &ChatModel::incomingLine, this, [this] {
            if (m_active)
                return;
            ++m_unread;
            Q_EMIT unreadChanged(m_unread);
            updateHeader();
        });
    }
    // Ctrl+1 .. Ctrl+9: the first nine canned responses, for whichever consultation has the focus.
    for (int i = 0; i < qMin(9, static_cast<int>(m_canned.all().size())); ++i) {
        auto *shortcut = new QAction(this);
        shortcut->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        shortcut->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QAction::triggered, this, [this, i] { insertCanned(i); });
        addAction(shortcut);
    }
    retranslate();
}

QString ConsultationPanel::customerName() const
{
    const Consultation *c = consultation();
    return c ? c->peer().name : QString();
}

bool ConsultationPanel::isEnded() const
{
    const Consultation *c = consultation();
    return !c || c->isEnded();
}

bool ConsultationPanel::isTransferred() const
{
    const Consultation *c = consultation();
    return c && c->isEnded() && c->endReason() == wire::END_REASON_TRANSFERRED;
}

void ConsultationPanel::retranslate()
{
    m_cannedButton->setText(tr("&Textbausteine"));
    m_cannedButton->setToolTip(tr("Textbaustein einfügen (Strg+B, Strg+1 bis Strg+9)"));
    m_transfer->setText(tr("Über&geben …"));
    m_transfer->setToolTip(tr("An eine Kollegin oder einen Kollegen übergeben (Strg+U)"));
    m_send->setText(tr("Senden")); // Enter sends; its letters are taken by other mnemonics
    m_send->setToolTip(tr("Nachricht senden (Eingabetaste; Umschalt+Eingabe für eine neue Zeile)"));
    m_input->setPlaceholderText(tr("Nachricht schreiben …"));
    m_input->setAccessibleName(tr("Nachricht an %1").arg(customerName()));
    m_cannedButton->setAccessibleName(tr("Textbausteine"));
    m_transfer->setAccessibleName(tr("Übergeben"));
    m_send->setAccessibleName(tr("Senden"));
    m_boardButton->setText(tr("Tafe&l"));
    m_boardButton->setToolTip(tr("Die Tafel für Dokumente und Markierungen zeigen oder ausblenden (Alt+L)"));
    m_boardButton->setAccessibleName(tr("Tafel"));
    if (m_exchange) {
        m_exchange->setTabText(m_exchange->indexOf(m_documents), tr("Dokumente"));
        m_exchange->setTabText(m_exchange->indexOf(m_forms), tr("Formulare"));
    }
    updateExchangeButton();
    m_state->setAccessibleName(tr("Zustand der Beratung"));
    buildCannedMenu();
    updateHeader();
    updateState();
}

void ConsultationPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

bool ConsultationPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (m_documents && watched == m_chat->viewport()) {
        switch (event->type()) {
        case QEvent::DragEnter:
        case QEvent::DragMove: {
            auto *drag = static_cast<QDropEvent *>(event);
            if (!isEnded() && DocumentsPanel::holdsFiles(drag->mimeData())) {
                drag->acceptProposedAction();
                return true;
            }
            break;
        }
        case QEvent::Drop: {
            auto *drop = static_cast<QDropEvent *>(event);
            if (!isEnded() && DocumentsPanel::holdsFiles(drop->mimeData())) {
                drop->acceptProposedAction();
                m_documents->sendDropped(drop->mimeData());
                m_exchange->setCurrentWidget(m_documents);
                m_exchangeButton->setChecked(true); // the transfer's progress is shown there
                return true;
            }
            break;
        }
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ConsultationPanel::noteExchangeArrival()
{
    if (m_exchange->isVisible())
        return;
    ++m_exchangeBadge;
    updateExchangeButton();
}

void ConsultationPanel::updateExchangeButton()
{
    // "&&": a literal ampersand; the count is in the text so it is read out with the button.
    m_exchangeButton->setText(m_exchangeBadge > 0 ? tr("Dokumente && Formulare (%1)").arg(m_exchangeBadge)
                                                  : tr("Dokumente && Formulare"));
    m_exchangeButton->setToolTip(tr("Dokumente und Formulare dieser Beratung zeigen oder ausblenden"));
    m_exchangeButton->setAccessibleName(m_exchangeBadge > 0 ? tr("Dokumente und Formulare, %1 neu").arg(m_exchangeBadge)
                                                            : tr("Dokumente und Formulare"));
    m_exchangeButton->setStyleSheet(m_exchangeBadge > 0 ? QStringLiteral("font-weight: bold;") : QString());
}

void ConsultationPanel::buildCannedMenu()
{
    m_cannedMenu->clear();
    const QList<CannedResponse> &all = m_canned.all();
    for (int i = 0; i < all.size(); ++i) {
        // "&1 Title": a digit as accelerator inside the menu; Ctrl+digit (shown, owned by the panel's own
        // actions) outside it. The menu's actions carry no shortcut: several panels would collide.
        QString label = i < 9 ? QStringLiteral("&%1  %2").arg(i + 1).arg(all.at(i).title) : all.at(i).title;
        if (i < 9)
            label += u'\t' + QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)).toString(QKeySequence::NativeText);
        QAction *action = m_cannedMenu->addAction(label, this, [this, i] { insertCanned(i); });
        action->setToolTip(all.at(i).text);
    }
    m_cannedMenu->setToolTipsVisible(true);
    m_cannedButton->setEnabled(!all.isEmpty());
}

void ConsultationPanel::updateHeader()
{
    const Consultation *c = consultation();
    if (!c)
        return;
    m_name->setText(c->peer().name);
    QString details = tr("Tel. %1 · %2 · wartete %3 · seit %4 Uhr")
                          .arg(validation::formatInternational(c->customerPhoneE164()), StatusTexts::mode(c->mode()),
                               StatusTexts::duration(c->waitedMs()), c->startedAt().toString(QStringLiteral("HH:mm")));
    if (!c->transferredFrom().isEmpty())
        details += QStringLiteral(" · ") + tr("übernommen von %1").arg(c->transferredFrom());
    m_details->setText(details);
    m_unreadBadge->setText(QString::number(m_unread));
    m_unreadBadge->setVisible(m_unread > 0);
    m_unreadBadge->setAccessibleName(tr("%1 ungelesene Nachrichten").arg(m_unread));
}

void ConsultationPanel::updateState()
{
    const Consultation *c = consultation();
    const bool ended = !c || c->isEnded();
    QString text;
    QString colour = QStringLiteral("#555555");
    if (ended) {
        text = c ? StatusTexts::endReason(c->endReason(), c->peer().name, c->transferredTo()) : tr("Beendet.");
        colour = QStringLiteral("#7a4b00");
    } else if (c->peer().presence == wire::PEER_STATE_RECONNECTING) {
        text = tr("Die Verbindung zu %1 ist unterbrochen; es wird auf die Rückkehr gewartet.").arg(c->peer().name);
        colour = QStringLiteral("#b00020");
    } else if (c->chat()->peerTyping()) {
        text = tr("%1 schreibt …").arg(c->peer().name);
    }
    if (!m_notice.isEmpty()) {
        text = m_notice;
        colour = QStringLiteral("#b00020");
    }
    if (text != m_state->text()) {
        m_state->setText(text);
        announce(m_state, text); // lesson 14
    }
    m_state->setStyleSheet(QStringLiteral("color: %1;").arg(colour));
    m_state->setVisible(!text.isEmpty());
    m_input->setEnabled(!ended);
    m_send->setEnabled(!ended);
    m_cannedButton->setEnabled(!ended && !m_canned.isEmpty());
    m_transfer->setEnabled(!ended);
    m_end->setText(ended ? tr("Schl&ießen") : tr("Been&den"));
    m_end->setToolTip(ended ? tr("Diese Beratung schließen (Strg+W)") : tr("Die Beratung beenden (Strg+W)"));
    m_end->setAccessibleName(ended ? tr("Schließen") : tr("Beenden"));
    Q_EMIT stateChanged();
}

void ConsultationPanel::showNotice(const QString &text)
{
    m_notice = text;
    updateState();
}

void ConsultationPanel::setActive(bool active)
{
    m_active = active;
    m_accent->setVisible(active); // side by side: which chat the keyboard works in
    if (active && m_unread > 0) {
        m_unread = 0;
        Q_EMIT unreadChanged(0);
        updateHeader();
    }
}

void ConsultationPanel::send()
{
    const QString text = m_input->toPlainText().trimmed();
    if (text.isEmpty() || isEnded())
        return;
    if (text.size() > CannedResponses::kMaxTextLength) {
        showNotice(tr("Die Nachricht ist zu lang (höchstens %1 Zeichen).").arg(CannedResponses::kMaxTextLength));
        return;
    }
    m_notice.clear();
    // Through the consultation's chat, as every view sends (the send guard is the client's policy).
    if (m_consultation->chat()->submit(text).outcome == ConsultationChat::Submission::Outcome::Sent)
        m_input->clear();
    updateState();
}

void ConsultationPanel::insertCanned(int index)
{
    if (index < 0 || index >= m_canned.all().size() || isEnded())
        return;
    const Consultation *c = consultation();
    const QString text = CannedResponses::fill(
        m_canned.all().at(index).text,
        {c->peer().name, validation::formatInternational(c->customerPhoneE164()), m_client.displayName()});
    // Inserted, not sent: the advisor reads and adapts it first.
    m_input->insertPlainText(text);
    focusInput();
}

void ConsultationPanel::showCannedMenu()
{
    if (m_cannedButton->isEnabled())
        m_cannedButton->showMenu();
}

void ConsultationPanel::endOrClose()
{
    if (isEnded()) {
        Q_EMIT closeRequested(m_id);
        return;
    }
    QMessageBox confirm(
        QMessageBox::Question, tr("Beratung beenden?"),
        tr("Die Beratung mit %1 beenden? Der Chat wird danach auf dem Server gelöscht.").arg(customerName()),
        QMessageBox::Yes | QMessageBox::No, this);
    confirm.setObjectName(QStringLiteral("confirmEnd"));
    confirm.setTextFormat(Qt::PlainText);
    confirm.setDefaultButton(QMessageBox::No);
    confirm.button(QMessageBox::Yes)->setText(tr("Beenden"));
    confirm.button(QMessageBox::No)->setText(tr("Weiter beraten"));
    if (confirm.exec() == QMessageBox::Yes && !isEnded())
        m_consultation->end();
}

void ConsultationPanel::requestTransfer()
{
    if (isEnded())
        return;
    TransferDialog dialog(m_client, customerName(), this);
    if (dialog.exec() != QDialog::Accepted || dialog.username().isEmpty() || isEnded())
        return;
    m_transferTarget = dialog.displayName();
    m_notice.clear();
    m_client.transfer(m_id, dialog.username());
    m_state->setText(tr("Wird an %1 übergeben …").arg(dialog.displayName()));
    m_state->show();
}

void ConsultationPanel::focusInput()
{
    if (m_input->isEnabled())
        m_input->setFocus(Qt::ShortcutFocusReason);
    else
        m_end->setFocus(Qt::ShortcutFocusReason);
}

} // namespace consult::advisor
