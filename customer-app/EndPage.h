#pragma once

#include "client/ClientConnection.h"
#include "protocol/consult.pb.h"
#include "summary/ExchangeKeepsake.h"
#include "transcript/Transcript.h"
#include "widgets/FileChooser.h"

#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QPushButton;
class QTextDocument;
class QTextEdit;

namespace consult::board {
class BoardModel;
} // namespace consult::board

namespace consult::customer {

// After the consultation (seed 000 step 5, lesson 3, issue 12): how it ended, said clearly; the
// server's deletion receipt (what was deleted and when, or plainly that none arrived); the one
// summary to print (Qt print dialog) or save as PDF: the transcript, the exchanged files, the filled
// forms and the whiteboard's marked-up pages (ConsultationSummary); and the whiteboard's pages alone
// as PDF in their own proportions (seed 001 step 7). Transcript, file list, forms and pages live
// only in this page's memory until the customer saves them (C4, P1); leaving the page forgets them.
class EndPage final : public QWidget
{
    Q_OBJECT
public:
    explicit EndPage(QWidget *parent = nullptr);
    ~EndPage() override;

    void showEnded(wire::EndReason reason, std::optional<TranscriptContent> transcript);
    void showLeftQueue();
    void showLost(ClientConnection::Failure failure, std::optional<TranscriptContent> transcript);
    // Forgets the transcript and the whiteboard's pages.
    void clear();
    // What kind of consultation it was, for the transcript's title. Reset by clear().
    void setConsultationMode(wire::ConsultationMode mode);
    // The whiteboard's pages of the consultation that ended (BoardKeepsake); nullptr: none shown.
    // Set before showEnded()/showLost(); kept until clear().
    void setBoard(std::unique_ptr<board::BoardModel> board);
    const board::BoardModel *board() const { return m_board.get(); }
    // The documents and forms of the consultation that ended (ExchangeKeepsake), for the summary.
    // Set before showEnded()/showLost(); kept until clear().
    void setExchanged(Exchanged exchanged);
    const Exchanged &exchanged() const { return m_exchanged; }
    // The server's deletion receipt (ConsultationEnded.receipt); nullopt: none arrived (the
    // connection was lost, or the server sent none), and the page says so without inventing one.
    // Set before showEnded()/showLost(); shown only after a consultation; kept until clear().
    void setDeletionReceipt(std::optional<wire::DeletionReceipt> receipt);
    // The video consultation's permission for camera and microphone has ended with it (seed 001
    // step 5): the page says so. Reset by clear().
    void setDeviceAccessEnded(bool ended);

    // The summary's text part (transcript, files, filled forms), as previewed; the board pages are
    // added when it is printed or saved.
    QTextDocument *transcriptDocument() const { return m_document.get(); }
    // The customer saved or printed the summary.
    bool transcriptKept() const { return m_kept; }
    QLabel *headingLabel() const { return m_heading; }
    QLabel *deviceAccessLabel() const { return m_deviceAccess; }
    QPushButton *printButton() const { return m_print; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *homeButton() const { return m_home; }
    QLabel *saveStatusLabel() const { return m_saveStatus; }
    // How the two "Speichern" buttons ask where (a test injects its answer).
    FileChooser &fileChooser() { return m_fileChooser; }
    QPushButton *saveBoardButton() const { return m_saveBoard; }
    QLabel *boardStatusLabel() const { return m_boardStatus; }
    QWidget *receiptBox() const { return m_receiptBox; }
    QLabel *receiptTimeLabel() const { return m_receiptTime; }
    QLabel *receiptItemsLabel() const { return m_receiptItems; }
    QLabel *receiptKeptLabel() const { return m_receiptKept; }

Q_SIGNALS:
    void homeRequested();
    void quitRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class Kind
    {
        Ended,
        LeftQueue,
        Lost,
    };
    void setTranscript(std::optional<TranscriptContent> transcript);
    void rebuildDocument();
    void retranslate();
    void print();
    void save();
    void saveBoard();
    void retranslateReceipt();
    QString summaryNote() const;

    Kind m_kind = Kind::Ended;
    wire::EndReason m_reason = wire::END_REASON_UNSPECIFIED;
    ClientConnection::Failure m_failure = ClientConnection::Failure::None;
    std::optional<TranscriptContent> m_content;
    std::unique_ptr<QTextDocument> m_document;
    QString m_savedTo;
    bool m_kept = false;
    bool m_deviceAccessEnded = false;
    QString m_saveError;
    wire::ConsultationMode m_mode = wire::CONSULTATION_MODE_CHAT;
    std::unique_ptr<board::BoardModel> m_board;
    QString m_boardStatusText;
    bool m_boardSaveFailed = false;
    Exchanged m_exchanged;
    std::optional<wire::DeletionReceipt> m_receipt;
    FileChooser m_fileChooser;

    QLabel *m_heading = nullptr;
    QLabel *m_detail = nullptr;
    QLabel *m_deviceAccess = nullptr;
    QWidget *m_receiptBox = nullptr;
    QLabel *m_receiptHeading = nullptr;
    QLabel *m_receiptTime = nullptr;
    QLabel *m_receiptItems = nullptr;
    QLabel *m_receiptKept = nullptr;
    QWidget *m_transcriptBox = nullptr;
    QLabel *m_transcriptHeading = nullptr;
    QLabel *m_transcriptNote = nullptr;
    QTextEdit *m_preview = nullptr;
    QPushButton *m_print = nullptr;
    QPushButton *m_save = nullptr;
    QLabel *m_saveStatus = nullptr;
    QWidget *m_boardBox = nullptr;
    QLabel *m_boardHeading = nullptr;
    QLabel *m_boardNote = nullptr;
    QPushButton *m_saveBoard = nullptr;
    QLabel *m_boardStatus = nullptr;
    QPushButton *m_home = nullptr;
    QPushButton *m_quit = nullptr;
};

} // namespace consult::customer
