#include "ConsultationPage.h"
#include "widgets/PlainLabel.h"

#include "CustomerTexts.h"
#include "VideoPanel.h"
#include "client/CustomerClient.h"
#include "client/consultation/Consultation.h"
#include "documents/DocumentsPanel.h"
#include "forms/FormsPanel.h"
#include "whiteboard/WhiteboardPanel.h"
#include "widgets/Announcer.h"
#include "widgets/ChatInput.h"
#include "widgets/ChatView.h"
#include "widgets/ConnectionIndicator.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextCursor>
#include <QVBoxLayout>

namespace consult::customer {

ConsultationPage::ConsultationPage(QWidget *parent)
    : QWidget(parent)
{
    m_heading = plainLabel(this, "heading");
    m_peer = plainLabel(this, "peerState", "warning");
    m_peer->hide();
    m_end = new QPushButton(this);
    m_end->setObjectName(QStringLiteral("endConsultation"));

    m_reminderBox = new QFrame(this);
    m_reminderBox->setObjectName(QStringLiteral("reminderBox"));
    m_reminderBox->setProperty("reminder", true);
    m_noSecrets = plainLabel(m_reminderBox, "noSecrets", "strong");
    m_noOrders = plainLabel(m_reminderBox, "noOrders");
    auto *reminderLayout = new QVBoxLayout(m_reminderBox);
    reminderLayout->setContentsMargins(12, 8, 12, 8);
    reminderLayout->setSpacing(2);
    reminderLayout->addWidget(m_noSecrets);
    reminderLayout->addWidget(m_noOrders);

    m_chat = new ChatView(this);
    m_chat->setObjectName(QStringLiteral("chat"));
    m_typing = plainLabel(this, "typing", "hint");
    m_typing->setWordWrap(false);
    m_status = plainLabel(this, "chatStatus", "error");
    m_status->hide();
    m_input = new ChatInput(this);
    m_input->setObjectName(QStringLiteral("chatInput"));
    m_send = new QPushButton(this);
    m_send->setObjectName(QStringLiteral("send"));
    m_send->setProperty("primary", true);
    m_keys = plainLabel(this, "keys", "hint");
    m_indicator = new ConnectionIndicator(this);
    m_video = new VideoPanel(this);
    m_video->setObjectName(QStringLiteral("videoPanel"));
    m_video->hide();
    m_board = new WhiteboardPanel(this);
    m_board->setObjectName(QStringLiteral("whiteboardPanel"));
    m_board->hide();
    connect(m_board, &WhiteboardPanel::availabilityChanged, this, &ConsultationPage::arrange);
    m_forms = new FormsPanel(this);
    m_forms->setObjectName(QStringLiteral("formsPanel"));
    m_forms->hide();
    connect(m_forms, &FormsPanel::availabilityChanged, this, &ConsultationPage::arrange);
    m_documents = new DocumentsPanel(this);
    m_documents->setObjectName(QStringLiteral("documentsPanel"));
    m_documents->acceptDropsOn(this);

    connect(m_input, &ChatInput::submitted, this, &ConsultationPage::submit);
    connect(m_send, &QPushButton::clicked, this, &ConsultationPage::submit);
    connect(m_end, &QPushButton::clicked, this, &ConsultationPage::endRequested);
    connect(m_input, &ChatInput::textChanged, this, [this] {
        if (m_client && !m_input->toPlainText().isEmpty())
            m_client->noteTyping(); // the client knows whether the consultation is running
        m_send->setEnabled(!m_input->toPlainText().trimmed().isEmpty());
    });

    auto *top = new QHBoxLayout;
    top->addWidget(m_heading, 1);
    top->addWidget(m_end, 0, Qt::AlignTop);
    auto *inputRow = new QHBoxLayout;
    inputRow->addWidget(m_input, 1);
    inputRow->addWidget(m_send, 0, Qt::AlignBottom);
    auto *chatColumn = new QVBoxLayout;
    chatColumn->setSpacing(8);
    chatColumn->addWidget(m_peer);
    chatColumn->addWidget(m_reminderBox);
    chatColumn->addWidget(m_chat, 1);
    chatColumn->addWidget(m_typing);
    chatColumn->addWidget(m_status);
    chatColumn->addLayout(inputRow);
    auto *bottomRow = new QHBoxLayout;
    bottomRow->addWidget(m_keys, 1);
    bottomRow->addWidget(m_indicator, 0, Qt::AlignRight);
    chatColumn->addLayout(bottomRow);
    // The video on the left, the chat on the right: both at once. A whiteboard goes on the left above
    // the video, which then becomes a strip (VideoPanel::setCompact), so the page gets the height
    // and the chat keeps its column.
    m_mainColumn = new QVBoxLayout;
    m_mainColumn->setSpacing(12);
    m_mainColumn->addWidget(m_board, 1);
    m_mainColumn->addWidget(m_video, 1);
    m_mainColumn->addWidget(m_forms, 1);
    m_mainColumn->addWidget(m_documents, 0);
    m_body = new QHBoxLayout;
    m_body->setSpacing(16);
    m_body->addLayout(m_mainColumn, 3);
    m_body->addLayout(chatColumn, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 16, 24, 16);
    layout->setSpacing(8);
    layout->addLayout(top);
    layout->addLayout(m_body, 1);
    setTabOrder(m_input, m_send);
    setTabOrder(m_send, m_chat);
    setTabOrder(m_chat, m_board);
    setTabOrder(m_board, m_video);
    setTabOrder(m_video, m_forms);
    setTabOrder(m_forms, m_documents);
    setTabOrder(m_documents, m_end);
    m_send->setEnabled(false);
    arrange();
    retranslate();
}

void ConsultationPage::setClient(CustomerClient *client)
{
    if (m_client)
        m_client->disconnect(this);
    if (m_consultation) {
        m_consultation->disconnect(this);
        m_consultation->chat()->disconnect(this);
        m_consultation->chat()->model()->disconnect(this);
    }
    m_client = client;
    m_consultation = client ? client->consultation() : nullptr;
    m_refusal = wire::ERROR_UNSPECIFIED;
    m_input->clear();
    m_chat->setChatModel(m_consultation ? m_consultation->chat()->model() : nullptr);
    m_indicator->bind(client ? &client->connection() : nullptr);
    m_indicator->setMediaSession(m_consultation ? m_consultation->media() : nullptr);
    m_board->setConsultation(m_consultation);
    m_documents->setConsultation(m_consultation);
    m_forms->setConsultation(m_consultation);
    if (Consultation *consultation = m_consultation) {
        connect(consultation, &Consultation::started, this, [this] {
            retranslate();
            focusInput();
        });
        connect(consultation, &Consultation::peerChanged, this, [this](const QString &advisorName) {
            retranslate();
            announce(m_heading, tr("Sie werden jetzt von %1 beraten.").arg(advisorName));
        });
        // The client adds the whiteboard, documents and forms parts as the consultation begins, just
        // before it says so.
        connect(client, &CustomerClient::consultationStarted, this, [this] {
            m_board->setConsultation(m_consultation);
            m_documents->setConsultation(m_consultation);
            m_forms->setConsultation(m_consultation);
        });
        connect(consultation->chat(), &ConsultationChat::peerTypingChanged, this, [this] { retranslate(); });
        connect(consultation, &Consultation::peerPresenceChanged, this, [this] {
            retranslate();
            announce(m_peer, m_peer->isVisibleTo(this)
                                 ? m_peer->text()
                                 : tr("%1 ist wieder verbunden.").arg(m_consultation->peer().name));
        });
        connect(consultation, &Consultation::mediaStarted, this,
                [this] { m_indicator->setMediaSession(m_consultation->media()); });
        connect(consultation->chat(), &ConsultationChat::lineRefused, this, &ConsultationPage::onChatRefused);
        connect(consultation->chat()->model(), &ChatModel::incomingLine, this, [this](const ChatLine &line) {
            announce(m_chat, tr("Neue Nachricht von %1: %2").arg(line.authorName, line.text));
        });
    }
    retranslate();
}

void ConsultationPage::setVideo(bool video)
{
    m_videoShown = video;
    arrange();
}

void ConsultationPage::arrange()
{
    const bool board = m_board->available();
    const bool forms = m_forms->available();
    m_board->setVisible(board);
    m_forms->setVisible(forms);
    m_video->setVisible(m_videoShown);
    m_video->setCompact(board || forms);
    m_mainColumn->setStretchFactor(m_video, board || forms ? 0 : 1);
    // With only the documents beside it, the chat keeps the wider column.
    const bool wide = board || forms || m_videoShown;
    m_body->setStretch(0, wide ? 3 : 2);
    m_body->setStretch(1, wide ? 2 : 3);
}

void ConsultationPage::clearInput()
{
    m_input->clear();
    m_refusal = wire::ERROR_UNSPECIFIED;
    retranslate();
    focusInput();
}

void ConsultationPage::focusInput()
{
    m_input->setFocus();
}

void ConsultationPage::selectInInput(qsizetype start, qsizetype length)
{
    const QString raw = m_input->toPlainText();
    const qsizetype offset = qMax<qsizetype>(0, raw.indexOf(raw.trimmed()));
    QTextCursor cursor = m_input->textCursor();
    cursor.setPosition(static_cast<int>(offset + start));
    cursor.setPosition(static_cast<int>(offset + start + length), QTextCursor::KeepAnchor);
    m_input->setTextCursor(cursor);
    focusInput();
}

void ConsultationPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ConsultationPage::retranslate()
{
    const QString advisor = m_consultation ? m_consultation->peer().name : QString();
    m_heading->setText(advisor.isEmpty() ? tr("Ihre Beratung") : tr("Ihre Beratung mit %1").arg(advisor));
    m_end->setText(tr("Beratung beenden"));
    m_end->setAccessibleName(m_end->text());
    m_noSecrets->setText(tr("Geben Sie hier niemals Passwörter, PINs, TANs oder Benutzerkennungen ein. Wir fragen "
                            "Sie nie danach."));
    m_noOrders->setText(tr("Im Chat nehmen wir keine rechtsverbindlichen Aufträge an, zum Beispiel Überweisungen, "
                           "Wertpapierorders oder Kartensperren."));
    m_reminderBox->setAccessibleName(tr("Wichtiger Hinweis"));
    m_reminderBox->setAccessibleDescription(m_noSecrets->text() + u' ' + m_noOrders->text());
    const bool reconnecting = m_consultation && m_consultation->peer().presence == wire::PEER_STATE_RECONNECTING;
    m_peer->setVisible(reconnecting);
    m_peer->setText(tr("Die Verbindung von %1 ist unterbrochen und wird wiederhergestellt. Ihre Nachrichten "
                       "kommen an, sobald sie wieder da ist.")
                        .arg(advisor));
    m_typing->setText(m_consultation && m_consultation->chat()->peerTyping() ? tr("%1 schreibt …").arg(advisor)
                                                                             : QString());
    m_typing->setAccessibleName(m_typing->text());
    m_status->setText(m_refusal == wire::ERROR_UNSPECIFIED ? QString() : CustomerTexts::chatRefusal(m_refusal));
    m_status->setVisible(!m_status->text().isEmpty());
    m_input->setAccessibleName(tr("Ihre Nachricht"));
    m_input->setAccessibleDescription(tr("Eingabetaste sendet, Umschalt und Eingabetaste beginnt eine neue Zeile."));
    m_input->setPlaceholderText(tr("Ihre Nachricht …"));
    m_send->setText(tr("Senden"));
    m_send->setAccessibleName(tr("Nachricht senden"));
    m_keys->setText(tr("Eingabetaste: senden · Umschalt + Eingabetaste: neue Zeile"));
    m_chat->setAccessibleName(tr("Chatverlauf"));
}

void ConsultationPage::submit()
{
    if (!m_consultation)
        return;
    // The chat asks about what the send guard finds (a modal dialog) before anything leaves.
    const ConsultationChat::Submission submission = m_consultation->chat()->submit(m_input->toPlainText());
    switch (submission.outcome) {
    case ConsultationChat::Submission::Outcome::Sent:
        clearInput();
        return;
    case ConsultationChat::Submission::Outcome::Held:
        if (!submission.check.findings.isEmpty())
            selectInInput(submission.check.findings.first().start, submission.check.findings.first().length);
        else
            focusInput();
        return;
    case ConsultationChat::Submission::Outcome::NotSent:
        return; // nothing written, or the consultation ended meanwhile
    }
}

void ConsultationPage::onChatRefused(const QString &clientMessageId, wire::ErrorCode code)
{
    Q_UNUSED(clientMessageId)
    m_refusal = code;
    retranslate();
    announce(m_status, m_status->text());
}

} // namespace consult::customer
