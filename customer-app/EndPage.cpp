#include "EndPage.h"
#include "widgets/PlainLabel.h"

#include "CustomerTexts.h"
#include "TranscriptSource.h"
#include "summary/ConsultationSummary.h"
#include "summary/DeletionReceiptText.h"
#include "whiteboard/BoardModel.h"
#include "whiteboard/BoardPdfSaving.h"
#include "widgets/Announcer.h"

#include <QDir>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QTextDocument>
#include <QTextEdit>
#include <QVBoxLayout>

#include <algorithm>

namespace consult::customer {

EndPage::EndPage(QWidget *parent)
    : QWidget(parent)
{
    m_heading = plainLabel(this, "heading");
    m_heading->setFocusPolicy(Qt::TabFocus);
    m_detail = plainLabel(this, "endDetail");
    m_deviceAccess = plainLabel(this, "deviceAccessEnded", "assurance");
    m_deviceAccess->hide();

    // What the server deleted and when (seed 002's promise), or plainly that no receipt came.
    m_receiptBox = new QWidget(this);
    m_receiptBox->setObjectName(QStringLiteral("receiptBox"));
    m_receiptHeading = plainLabel(m_receiptBox, "receiptHeading", "subheading");
    m_receiptTime = plainLabel(m_receiptBox, "receiptTime", "assurance");
    m_receiptItems = plainLabel(m_receiptBox, "receiptItems");
    m_receiptKept = plainLabel(m_receiptBox, "receiptKept", "hint");
    auto *receiptLayout = new QVBoxLayout(m_receiptBox);
    receiptLayout->setContentsMargins(0, 8, 0, 0);
    receiptLayout->setSpacing(4);
    receiptLayout->addWidget(m_receiptHeading);
    receiptLayout->addWidget(m_receiptTime);
    receiptLayout->addWidget(m_receiptItems);
    receiptLayout->addWidget(m_receiptKept);
    m_receiptBox->hide();

    m_transcriptBox = new QWidget(this);
    m_transcriptHeading = plainLabel(m_transcriptBox, "transcriptHeading", "subheading");
    m_transcriptNote = plainLabel(m_transcriptBox, "transcriptNote", "hint");
    m_preview = new QTextEdit(m_transcriptBox);
    m_preview->setObjectName(QStringLiteral("transcriptPreview"));
    m_preview->setReadOnly(true);
    m_preview->setTabChangesFocus(true);
    m_preview->setAcceptRichText(false);
    m_print = new QPushButton(m_transcriptBox);
    m_print->setObjectName(QStringLiteral("printTranscript"));
    m_save = new QPushButton(m_transcriptBox);
    m_save->setObjectName(QStringLiteral("saveTranscript"));
    m_save->setProperty("primary", true);
    m_saveStatus = plainLabel(m_transcriptBox, "saveStatus");
    m_saveStatus->hide();
    auto *transcriptButtons = new QHBoxLayout;
    transcriptButtons->addWidget(m_save);
    transcriptButtons->addWidget(m_print);
    transcriptButtons->addStretch();
    auto *transcriptLayout = new QVBoxLayout(m_transcriptBox);
    transcriptLayout->setContentsMargins(0, 8, 0, 0);
    transcriptLayout->setSpacing(6);
    transcriptLayout->addWidget(m_transcriptHeading);
    transcriptLayout->addWidget(m_transcriptNote);
    transcriptLayout->addWidget(m_preview, 1);
    transcriptLayout->addLayout(transcriptButtons);
    transcriptLayout->addWidget(m_saveStatus);

    // The whiteboard's pages, marked up: their own file, beside the transcript.
    m_boardBox = new QWidget(this);
    m_boardBox->setObjectName(QStringLiteral("boardBox"));
    m_boardHeading = plainLabel(m_boardBox, "boardHeading", "subheading");
    m_boardNote = plainLabel(m_boardBox, "boardNote", "hint");
    m_saveBoard = new QPushButton(m_boardBox);
    m_saveBoard->setObjectName(QStringLiteral("saveBoard"));
    m_boardStatus = plainLabel(m_boardBox, "boardSaveStatus");
    m_boardStatus->hide();
    auto *boardButtons = new QHBoxLayout;
    boardButtons->addWidget(m_saveBoard);
    boardButtons->addStretch();
    auto *boardLayout = new QVBoxLayout(m_boardBox);
    boardLayout->setContentsMargins(0, 8, 0, 0);
    boardLayout->setSpacing(6);
    boardLayout->addWidget(m_boardHeading);
    boardLayout->addWidget(m_boardNote);
    boardLayout->addLayout(boardButtons);
    boardLayout->addWidget(m_boardStatus);
    m_boardBox->hide();

    m_home = new QPushButton(this);
    m_home->setObjectName(QStringLiteral("home"));
    m_quit = new QPushButton(this);
    m_quit->setObjectName(QStringLiteral("quit"));
    connect(m_print, &QPushButton::clicked, this, &EndPage::print);
    connect(m_save, &QPushButton::clicked, this, &EndPage::save);
    connect(m_saveBoard, &QPushButton::clicked, this, &EndPage::saveBoard);
    connect(m_home, &QPushButton::clicked, this, &EndPage::homeRequested);
    connect(m_quit, &QPushButton::clicked, this, &EndPage::quitRequested);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_home);
    buttons->addStretch();
    buttons->addWidget(m_quit);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(8);
    layout->addWidget(m_heading);
    layout->addWidget(m_detail);
    layout->addWidget(m_deviceAccess);
    layout->addWidget(m_receiptBox);
    layout->addWidget(m_transcriptBox, 1);
    layout->addWidget(m_boardBox);
    layout->addStretch(0);
    layout->addLayout(buttons);
    retranslate();
}

EndPage::~EndPage() = default;

void EndPage::showEnded(wire::EndReason reason, std::optional<TranscriptContent> transcript)
{
    m_kind = Kind::Ended;
    m_reason = reason;
    setTranscript(std::move(transcript));
}

void EndPage::showLeftQueue()
{
    m_kind = Kind::LeftQueue;
    setTranscript(std::nullopt);
}

void EndPage::showLost(ClientConnection::Failure failure, std::optional<TranscriptContent> transcript)
{
    m_kind = Kind::Lost;
    m_failure = failure;
    setTranscript(std::move(transcript));
}

void EndPage::clear()
{
    m_deviceAccessEnded = false;
    m_mode = wire::CONSULTATION_MODE_CHAT;
    m_receipt.reset();
    m_exchanged = {};
    setBoard(nullptr);
    setTranscript(std::nullopt);
}

void EndPage::setConsultationMode(wire::ConsultationMode mode)
{
    m_mode = mode;
    rebuildDocument();
}

void EndPage::setBoard(std::unique_ptr<board::BoardModel> board)
{
    m_board = std::move(board);
    m_boardStatusText.clear();
    m_boardSaveFailed = false;
    retranslate();
}

void EndPage::setExchanged(Exchanged exchanged)
{
    m_exchanged = std::move(exchanged);
    rebuildDocument();
    retranslate();
}

void EndPage::setDeletionReceipt(std::optional<wire::DeletionReceipt> receipt)
{
    m_receipt = std::move(receipt);
    retranslate();
}

void EndPage::setDeviceAccessEnded(bool ended)
{
    m_deviceAccessEnded = ended;
    retranslate();
}

void EndPage::setTranscript(std::optional<TranscriptContent> transcript)
{
    m_preview->setDocument(nullptr);
    m_document.reset();
    m_content = std::move(transcript);
    m_savedTo.clear();
    m_saveError.clear();
    m_kept = false;
    rebuildDocument();
    retranslate();
    announce(m_heading, m_heading->text() + u' ' + m_detail->text() +
                            (m_deviceAccessEnded ? u' ' + m_deviceAccess->text() : QString()) +
                            (m_receiptBox->isVisibleTo(this) ? u' ' + m_receiptTime->text() : QString()));
    m_heading->setFocus();
}

void EndPage::rebuildDocument()
{
    // In the current language; only ever in memory (C4).
    m_preview->setDocument(nullptr);
    if (m_content)
        m_content->title = TranscriptSource::title(m_mode);
    m_document = m_content ? ConsultationSummary::buildDocument(*m_content, m_exchanged) : nullptr;
    if (m_document)
        m_preview->setDocument(m_document.get());
}

void EndPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        rebuildDocument();
        retranslate();
    }
    QWidget::changeEvent(event);
}

void EndPage::retranslate()
{
    switch (m_kind) {
    case Kind::Ended:
        m_heading->setText(CustomerTexts::endReason(m_reason));
        m_detail->setText(tr("Vielen Dank für Ihr Gespräch. Der Chat ist auf unseren Servern gelöscht."));
        break;
    case Kind::LeftQueue:
        m_heading->setText(tr("Sie haben die Warteschlange verlassen."));
        m_detail->setText(tr("Sie können jederzeit einen neuen Service-Chat starten."));
        break;
    case Kind::Lost:
        m_heading->setText(m_content ? tr("Die Beratung konnte nicht fortgesetzt werden.")
                                     : tr("Die Verbindung ist abgebrochen."));
        m_detail->setText(CustomerTexts::connectionFailure(m_failure) + u' ' +
                          tr("Bitte starten Sie den Service-Chat neu, wenn Sie noch Fragen haben."));
        break;
    }
    m_heading->setAccessibleName(m_heading->text());
    m_detail->setAccessibleName(m_detail->text());
    m_deviceAccess->setText(tr("Der Zugriff auf Ihre Kamera und Ihr Mikrofon ist beendet. Für eine neue "
                               "Videoberatung fragen wir Sie wieder."));
    m_deviceAccess->setAccessibleName(m_deviceAccess->text());
    m_deviceAccess->setVisible(m_deviceAccessEnded);
    m_transcriptBox->setVisible(m_content.has_value());
    // The next step is the transcript when there is one, else a new chat.
    m_home->setProperty("primary", !m_content.has_value());
    m_home->setStyleSheet(QString());
    m_transcriptHeading->setText(tr("Gesprächsprotokoll"));
    m_transcriptNote->setText(summaryNote());
    m_preview->setAccessibleName(tr("Vorschau des Gesprächsprotokolls"));
    m_print->setText(tr("Drucken …"));
    m_print->setAccessibleName(tr("Gesprächsprotokoll drucken"));
    m_save->setText(tr("Als PDF speichern …"));
    m_save->setAccessibleName(tr("Gesprächsprotokoll als PDF speichern"));
    const QString saveStatus = !m_saveError.isEmpty() ? m_saveError
                               : m_savedTo.isEmpty()  ? QString()
                                                      : tr("Gespeichert: %1").arg(QDir::toNativeSeparators(m_savedTo));
    m_saveStatus->setText(saveStatus);
    m_saveStatus->setProperty("error", !m_saveError.isEmpty());
    m_saveStatus->setProperty("confirmation", m_saveError.isEmpty() && !m_savedTo.isEmpty());
    m_saveStatus->setStyleSheet(QString());
    m_saveStatus->setVisible(!saveStatus.isEmpty());
    m_boardBox->setVisible(m_board != nullptr);
    m_boardHeading->setText(tr("Unterlagen von der Tafel"));
    // The summary has the pages too, fitted to A4 after the text; this file is the pages alone, each in
    // its own proportions, to keep or pass on without the conversation.
    m_boardNote->setText(tr("Die Seiten, die Ihnen gezeigt wurden, mit allen Markierungen, als eigene Datei ohne das "
                            "Gespräch. Auch sie gibt es nur hier in der Anwendung, bis Sie diese Seite verlassen."));
    m_saveBoard->setText(tr("Unterlagen als PDF speichern …"));
    m_saveBoard->setAccessibleName(tr("Gezeigte Seiten mit Markierungen als PDF speichern"));
    m_boardStatus->setText(m_boardStatusText);
    m_boardStatus->setProperty("error", m_boardSaveFailed);
    m_boardStatus->setProperty("confirmation", !m_boardSaveFailed && !m_boardStatusText.isEmpty());
    m_boardStatus->setStyleSheet(QString());
    m_boardStatus->setVisible(!m_boardStatusText.isEmpty());
    retranslateReceipt();
    m_home->setText(tr("Neuen Service-Chat starten"));
    m_home->setAccessibleName(m_home->text());
    m_quit->setText(tr("Anwendung schließen"));
    m_quit->setAccessibleName(m_quit->text());
}

void EndPage::retranslateReceipt()
{
    // After a consultation only: the queue left behind had nothing to delete.
    const bool consulted = m_kind != Kind::LeftQueue && m_content.has_value();
    m_receiptBox->setVisible(consulted);
    if (!consulted)
        return;
    const ReceiptText receipt = m_receipt && DeletionReceiptText::isReceipt(*m_receipt)
                                    ? DeletionReceiptText::describe(*m_receipt, m_content->advisorName)
                                    : DeletionReceiptText::notReceived(m_kind == Kind::Lost);
    m_receiptHeading->setText(tr("Löschbestätigung"));
    m_receiptTime->setText(receipt.deletedAt);
    m_receiptTime->setProperty("assurance", receipt.received);
    m_receiptTime->setProperty("warning", !receipt.received);
    m_receiptTime->setStyleSheet(QString());
    QStringList lines;
    for (const QString &item : receipt.items)
        lines.append(QStringLiteral("• ") + item);
    m_receiptItems->setText(lines.join(u'\n'));
    m_receiptItems->setVisible(!lines.isEmpty());
    m_receiptKept->setText(receipt.kept);
    for (QLabel *label : {m_receiptHeading, m_receiptTime, m_receiptItems, m_receiptKept})
        label->setAccessibleName(label->text());
}

QString EndPage::summaryNote() const
{
    QStringList parts;
    if (!m_exchanged.files.isEmpty())
        parts.append(tr("die Liste der ausgetauschten Dateien"));
    if (std::any_of(m_exchanged.forms.cbegin(), m_exchanged.forms.cend(), &ConsultationSummary::isFilled))
        parts.append(tr("Ihre ausgefüllten Formulare"));
    if (m_board)
        parts.append(tr("die Seiten von der Tafel"));
    const QString contains =
        parts.isEmpty() ? QString() : u' ' + tr("Es enthält auch %1.").arg(QLocale().createSeparatedList(parts));
    return tr("Das Protokoll gibt es nur hier in der Anwendung.") + contains + u' ' +
           tr("Wenn Sie es aufbewahren möchten, drucken oder speichern Sie es jetzt: Mit dem Schließen ist es "
              "gelöscht.");
}

void EndPage::print()
{
    if (!m_document)
        return;
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Gesprächsprotokoll drucken"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    ConsultationSummary::print(*m_document, m_board.get(), printer);
    m_kept = true;
}

void EndPage::save()
{
    if (!m_document || !m_content)
        return;
    // C4: the only file the transcript ever becomes is the one the customer names here.
    FileQuestion question;
    question.kind = FileQuestion::Kind::Save;
    question.objectName = QStringLiteral("saveTranscriptDialog");
    question.title = tr("Gesprächsprotokoll speichern");
    question.filters = {tr("PDF-Dokumente (*.pdf)")};
    question.suggestedName =
        tr("Gesprächsprotokoll-%1.pdf")
            .arg((m_content->startedAt.isValid() ? m_content->startedAt : QDateTime::currentDateTime())
                     .toString(QStringLiteral("yyyy-MM-dd-HHmm")));
    question.defaultSuffix = QStringLiteral("pdf");
    const QStringList paths = m_fileChooser.ask(this, question);
    if (paths.isEmpty())
        return;
    QString path = paths.constFirst();
    if (!path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive))
        path += QStringLiteral(".pdf");
    const Status written = ConsultationSummary::writePdf(*m_document, m_board.get(), path);
    m_savedTo = written ? path : QString();
    m_kept = m_kept || written.ok();
    m_saveError =
        written ? QString() : tr("Das Protokoll konnte nicht gespeichert werden. Bitte wählen Sie einen anderen Ort.");
    retranslate();
    announce(m_saveStatus, m_saveStatus->text());
}

void EndPage::saveBoard()
{
    if (!m_board)
        return;
    // P1, C4: the pages become a file only where the customer says.
    const std::optional<BoardPdfSaved> saved =
        BoardPdfSaving::askAndSave(this, m_fileChooser, *m_board, m_content ? m_content->startedAt : QDateTime());
    if (!saved)
        return;
    m_boardStatusText = saved->statusText();
    m_boardSaveFailed = !saved->ok();
    retranslate();
    announce(m_boardStatus, m_boardStatusText);
}

} // namespace consult::customer
